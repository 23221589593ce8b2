import Building
import Foundation
import Serving
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The preview server in this process, on a free loopback port, for what needs its settings: host
/// names, timeouts, the connection limit.
@Suite(.serialized) struct PreviewServerTests {
    /// Runs `body` against a server on the minimal fixture site; stops the server afterwards. The body's
    /// blocking socket calls run on a thread of their own: on the concurrency pool they could hold every
    /// thread the server's handlers need.
    func withServer(
        host: String = "127.0.0.1", idleTimeout: Duration = .seconds(10), maximumConnections: Int? = nil,
        _ body: @escaping @Sendable (LoopbackHTTP) -> Void
    ) async throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let request = BuildRequest(siteDirectory: site.root, now: Date(timeIntervalSince1970: 1_795_000_000))
        let snapshot = try IncrementalBuilder.initial(request).get()
        let server = PreviewServer(
            site: PreviewSite(snapshot: snapshot), host: host, port: 0, idleTimeout: idleTimeout,
            maximumConnections: maximumConnections)
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        let running = Task { try await server.run { continuation.yield($0) } }
        defer { running.cancel() }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                body(LoopbackHTTP(port: UInt16(port)))
                done.resume()
            }
        }
    }

    @Test func answersItsOwnHostNamesAndRefusesOthersWith403() async throws {
        try await withServer { http in
            for host in ["127.0.0.1", "localhost:8080", "[::1]:8080"] {
                #expect(http.request("/fi/", host: host).status == 200, "\(host)")
            }
            for host in ["evil.example", "evil.example:8080", "localhost.evil.example"] {
                let reply = http.request("/fi/", host: host)
                #expect(reply.status == 403, "\(host)")
                #expect(!reply.body.contains("<html"), "no page is shown")
            }
            #expect(http.request("/__tietopankki/events", host: "evil.example").status == 403)
            #expect(http.request("/fi/", method: "HEAD", host: "evil.example").status == 403)
        }
    }

    @Test func closesConnectionsThatSendHalfARequestOrNothing() async throws {
        try await withServer(idleTimeout: .seconds(1)) { http in
            let silent = http.connect()
            let halfSent = http.connect()
            defer { close(silent); close(halfSent) }
            http.send(halfSent, "GET /fi/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
            #expect(http.isClosedByServer(silent, within: 5))
            #expect(http.isClosedByServer(halfSent, within: 5))
            #expect(http.request("/fi/").status == 200)
        }
    }

    @Test func keepsALiveReloadStreamOpenPastTheIdleTimeout() async throws {
        try await withServer(idleTimeout: .seconds(1)) { http in
            let events = http.openEvents()
            defer { close(events.fd) }
            #expect(events.waitFor("retry:"))
            #expect(!http.isClosedByServer(events.fd, within: 3))
        }
    }

    @Test func staysReachableWhenManyConnectionsSendNothing() async throws {
        try await withServer(maximumConnections: 20) { http in
            let idle = (0..<100).map { _ in http.connect() }
            defer { idle.forEach { close($0) } }
            #expect(idle.allSatisfy { $0 >= 0 })
            #expect(http.request("/fi/").status == 200)
            Thread.sleep(forTimeInterval: 0.5)
            let stillOpen = idle.filter { !http.isClosedByServer($0, within: 0) }
            #expect(stillOpen.count < 20, "the oldest waiting connections were closed to make room")
            #expect(stillOpen.count > 10, "the newest ones were left alone")
        }
    }
}
