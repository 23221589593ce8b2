import NIOCore
import NIOHTTPTypes
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Keeps the preview reachable when something opens connections and sends nothing, or half a request.
/// The idle timeout closes such a connection after a while; until then each holds a file descriptor, and
/// enough of them (20,000 here) use up the process's limit, so that nothing new is accepted. So at most
/// `limit` connections stay open: one more closes the connection that has waited longest for a request.
/// A connection being answered (a live-reload stream included) is never closed.
final class ConnectionLimiter: Sendable {
    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var open = 0
        /// Connections waiting for a request, by when they started waiting (a sequence number).
        var waiting: [Int: any Channel] = [:]
        var nextNumber = 0
        /// No waiting connection has a number below this one.
        var oldestCandidate = 0

        mutating func startWaiting(_ channel: any Channel) -> Int {
            let number = nextNumber
            nextNumber += 1
            waiting[number] = channel
            return number
        }

        /// Numbers only grow, so the oldest is found by walking up from the last one found: constant
        /// time per connection over the server's life.
        mutating func removeOldestWaiting() -> (any Channel)? {
            guard !waiting.isEmpty else { return nil }
            while waiting[oldestCandidate] == nil { oldestCandidate += 1 }
            return waiting.removeValue(forKey: oldestCandidate)
        }
    }

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// Half the process's open-file limit, at most 1,000: the rest stays for reading the site's files.
    static func fittingFileLimit() -> ConnectionLimiter {
        var limits = rlimit()
        let soft = getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limits) == 0 ? Int(clamping: limits.rlim_cur) : 1024
        return ConnectionLimiter(limit: min(1_000, soft / 2))
    }

    /// A connection opened and waits for its first request; returns its waiting number.
    func opened(_ channel: any Channel) -> Int {
        let (number, evicted) = state.withLock { state -> (Int, (any Channel)?) in
            state.open += 1
            let number = state.startWaiting(channel)
            guard state.open > limit else { return (number, nil) }
            return (number, state.removeOldestWaiting())
        }
        evicted?.close(promise: nil)
        return number
    }

    /// A request arrived on the connection that was waiting as `number`.
    func busy(_ number: Int) {
        state.withLock { _ = $0.waiting.removeValue(forKey: number) }
    }

    /// The connection answered its requests and waits for the next; returns its new waiting number.
    func waiting(_ channel: any Channel) -> Int {
        state.withLock { $0.startWaiting(channel) }
    }

    /// The connection closed; `number` is its waiting number, if it was waiting.
    func closed(waitingAs number: Int?) {
        state.withLock { state in
            state.open -= 1
            if let number { state.waiting[number] = nil }
        }
    }

    /// The number of connections open now.
    var openConnections: Int { state.withLock(\.open) }

    /// The handler that reports one connection's life to the limiter (one per connection).
    func handler() -> ConnectionSlot { ConnectionSlot(limiter: self) }
}

/// One connection's place in the `ConnectionLimiter`: waiting while no request is being answered, busy
/// from a request's head to the end of its response (requests may be pipelined).
final class ConnectionSlot: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limiter: ConnectionLimiter
    private var waitingNumber: Int?
    private var registered = false
    private var requestsInProgress = 0

    init(limiter: ConnectionLimiter) {
        self.limiter = limiter
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { register(context.channel) }
    }

    func channelActive(context: ChannelHandlerContext) {
        register(context.channel)
        context.fireChannelActive()
    }

    private func register(_ channel: any Channel) {
        guard !registered else { return }
        registered = true
        waitingNumber = limiter.opened(channel)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if registered { limiter.closed(waitingAs: waitingNumber) }
        registered = false
        waitingNumber = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) {
            requestsInProgress += 1
            if let number = waitingNumber {
                limiter.busy(number)
                waitingNumber = nil
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            requestsInProgress -= 1
            if requestsInProgress == 0, registered, waitingNumber == nil {
                waitingNumber = limiter.waiting(context.channel)
            }
        }
        context.write(data, promise: promise)
    }
}
