import Building
import Foundation
import Hummingbird
import Logging
import Model
import NIOCore

/// The preview server: serves the in-memory site over HTTP with correct content types, ETags and
/// 404 pages, injects live reload into HTML, and streams reload events to browsers. It answers only
/// its own host names (`AllowedHosts`), closes connections that stay idle or half-sent for
/// `idleTimeout`, and keeps at most a fixed number open (`ConnectionLimiter`).
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    public let host: String
    public let port: Int
    /// How long a connection may wait without a complete request (idle keep-alive or half-sent).
    public let idleTimeout: Duration
    let limiter: ConnectionLimiter

    /// - Parameter maximumConnections: by default half the process's open-file limit, at most 1,000.
    public init(site: PreviewSite, host: String, port: Int, idleTimeout: Duration = .seconds(10), maximumConnections: Int? = nil) {
        self.site = site
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        limiter = maximumConnections.map(ConnectionLimiter.init) ?? .fittingFileLimit()
    }

    /// Runs until SIGINT or SIGTERM (or the task is cancelled). `onRunning` receives the port actually
    /// bound (useful with port 0). Throws `NIOCore.IOError` when the address cannot be bound.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let router = Router()
        let site = self.site
        router.add(middleware: HostCheck(allowed: AllowedHosts(listeningOn: host)))
        router.get(RouterPath(LiveReload.eventsPath)) { request, _ -> Response in
            Self.events(site: site, request: request)
        }
        router.get("**") { request, _ -> Response in
            await Self.respond(site: site, path: request.uri.path, ifNoneMatch: request.headers[values: .ifNoneMatch], head: false)
        }
        router.head("**") { request, _ -> Response in
            await Self.respond(site: site, path: request.uri.path, ifNoneMatch: request.headers[values: .ifNoneMatch], head: true)
        }
        router.get("/") { request, _ -> Response in
            await Self.respond(site: site, path: "/", ifNoneMatch: request.headers[values: .ifNoneMatch], head: false)
        }
        router.head("/") { request, _ -> Response in
            await Self.respond(site: site, path: "/", ifNoneMatch: request.headers[values: .ifNoneMatch], head: true)
        }
        var logger = Logger(label: "tietopankki-preview")
        logger.logLevel = .warning  // editors see our one line, not the framework's
        let limiter = self.limiter
        let app = Application(
            router: router,
            server: .http1(configuration: .init(
                additionalChannelHandlers: [limiter.handler()],
                idleTimeout: .nanoseconds(Int64(idleTimeout.components.seconds) * 1_000_000_000
                    + idleTimeout.components.attoseconds / 1_000_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "tietopankki-preview"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
        do {
            try await app.runService()
        } catch let error as IOError where [EADDRINUSE, EADDRNOTAVAIL, EACCES].contains(error.errnoCode) {
            throw AddressUnavailable(host: host, port: port, code: error.errnoCode)
        }
    }

    /// The address could not be bound: the port is taken (EADDRINUSE), the host is not an address of
    /// this machine (EADDRNOTAVAIL), or the port needs privileges (EACCES).
    public struct AddressUnavailable: Error, Sendable {
        public var host: String
        public var port: Int
        public var code: Int32
    }

    /// Serves one request path from the site.
    static func respond(site: PreviewSite, path: String, ifNoneMatch: [String], head: Bool) async -> Response {
        var exists: [String: Bool] = [:]
        let candidates = path.hasSuffix("/") ? [] : [String(path.dropFirst()), String(path.dropFirst()) + "/index.html"]
        for candidate in candidates { exists[candidate] = await site.exists(candidate) }
        switch RequestPath.resolve(path, exists: { exists[$0] ?? false }) {
        case .rejected:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "400 Bad Request\n")))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let outputPath):
            if let file = await site.file(at: outputPath), let bytes = await body(of: file, site: site) {
                return fileResponse(bytes, path: outputPath, status: .ok, ifNoneMatch: ifNoneMatch, head: head)
            }
            let notFound = RequestPath.notFoundPage(for: outputPath)
            let bytes = await site.file(at: notFound).asyncMap { await body(of: $0, site: site) } ?? nil
            return fileResponse(bytes ?? Array("404 Not Found\n".utf8), path: notFound, status: .notFound, ifNoneMatch: [], head: head)
        }
    }

    /// The bytes to send: HTML gets the live-reload script (and the error overlay after a failed rebuild).
    static func body(of file: OutputFile, site: PreviewSite) async -> [UInt8]? {
        let bytes: [UInt8]
        switch file.contents {
        case .text(let text):
            guard file.path.hasSuffix(".html"), !file.path.hasSuffix("email.html") else { return Array(text.utf8) }
            return Array(LiveReload.inject(into: text, errors: await site.currentErrors).utf8)
        case .data(let data): bytes = Array(data)
        case .copy(let source, let root):
            guard case .success(let copied) = ConfinedPath.contents(of: source, within: root) else { return nil }
            bytes = copied
        }
        return bytes
    }

    static func fileResponse(_ bytes: [UInt8], path: String, status: HTTPResponse.Status, ifNoneMatch: [String], head: Bool) -> Response {
        let tag = "\"\(ETag.of(bytes))\""
        var headers: HTTPFields = [
            .contentType: MediaTypes.type(of: path), .eTag: tag, .cacheControl: "no-cache",
            .contentLength: String(bytes.count),
        ]
        if status == .ok, ifNoneMatch.contains(tag) {
            headers[.contentLength] = nil
            return Response(status: .notModified, headers: headers)
        }
        if head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Server-Sent Events: one `reload` after every rebuild, until the browser goes away.
    static func events(site: PreviewSite, request: Request) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
            body: .init { writer in
                let (id, stream) = await site.subscribe()
                do {
                    try await request.body.consumeWithCancellationOnInboundClose { _ in
                        for await event in stream { try await writer.write(ByteBuffer(string: event)) }
                    }
                } catch {}
                await site.unsubscribe(id)
                try await writer.finish(nil)
            })
    }
}

/// Refuses requests for any host name but the preview's own (`AllowedHosts`) with 403.
struct HostCheck<Context: RequestContext>: RouterMiddleware {
    let allowed: AllowedHosts

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard allowed.allows(request.head.authority) else {
            return Response(
                status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string:
                    "403 Forbidden: the preview answers only to localhost, 127.0.0.1, [::1] and its --host\n")))
        }
        return try await next(request, context)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async -> T) async -> T? {
        guard let value = self else { return nil }
        return await transform(value)
    }
}

/// A strong validator for conditional GET: FNV-1a 64 of the bytes.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
