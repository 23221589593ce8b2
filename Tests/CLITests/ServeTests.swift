import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket: sends paths exactly as given (so traversal attempts
/// reach the server unnormalised) and can wait on a Server-Sent Events stream.
struct LoopbackHTTP {
    let port: UInt16

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    func connect() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return fd
    }

    func send(_ fd: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    func request(_ path: String, method: String = "GET", headers: [String: String] = [:]) -> Reply {
        let fd = connect()
        defer { close(fd) }
        var text = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        send(fd, text + "\r\n")
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        let raw = String(decoding: data, as: UTF8.self)
        let parts = raw.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in head.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Reply(status: status, headers: fields, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Opens the event stream; `waitFor` returns once `text` has arrived (or after the timeout).
    func openEvents() -> (fd: Int32, waitFor: (String) -> Bool) {
        let fd = connect()
        send(fd, "GET /__tietopankki/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        var received = ""
        return (fd, { text in
            var buffer = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(10)
            while !received.contains(text), Date() < deadline {
                let count = recv(fd, &buffer, buffer.count, 0)
                if count <= 0 { break }
                received += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            let found = received.contains(text)
            received = ""
            return found
        })
    }
}

@Suite(.serialized) struct ServeTests {
    static let article = "content/articles/2026-03-05-kulttuuri-ja-hyvinvointi.fi.md"
    static let articlePage = "/fi/artikkelit/kulttuuri-hyvinvointi-yhdessa-2026/"

    /// Starts `serve` on a free loopback port and returns the process and the port.
    func startServer(in site: TemporarySite) throws -> (Process, UInt16) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["serve", "--port", "0", "--now", CommandLineTests.now]
        process.currentDirectoryURL = site.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !text.contains("Serving the preview at") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = text.split(separator: ":").compactMap { UInt16($0.prefix { $0.isNumber }) }.last ?? 0
        return (process, port)
    }

    @Test func servesEditsReloadsBrowsersShowsErrorsAndRecovers() throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let (server, port) = try startServer(in: site)
        defer { server.terminate(); server.waitUntilExit() }
        #expect(port > 0)
        let http = LoopbackHTTP(port: port)

        let home = http.request("/fi/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains("/__tietopankki/events"), "the live-reload script is injected")
        #expect(http.request("/fi/feed.xml").headers["content-type"]?.hasPrefix("application/rss+xml") == true)
        #expect(http.request("/fi/tapahtumat/kalenteri.ics").headers["content-type"]?.hasPrefix("text/calendar") == true)
        #expect(http.request("/assets/site.css").headers["content-type"]?.hasPrefix("text/css") == true)

        let head = http.request("/fi/", method: "HEAD")
        #expect(head.status == 200 && head.body.isEmpty)
        let tag = try #require(home.headers["etag"])
        #expect(http.request("/fi/", headers: ["If-None-Match": tag]).status == 304)

        let missing = http.request("/sv/finns-inte/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html lang=\"sv\""))
        #expect(http.request("/fi/artikkelit").status == 301)

        // Drafts are shown, with a banner.
        let draft = http.request("/fi/artikkelit/luonnos-ala-julkaise-piilota-draft/")
        #expect(draft.status == 200)
        #expect(draft.body.contains("Luonnos — ei julkaistu"))

        // An edit: a reload event, and the new text served.
        let events = http.openEvents()
        defer { close(events.fd) }
        #expect(events.waitFor("retry:"))
        let original = try String(contentsOf: site.url(Self.article), encoding: .utf8)
        try site.write(Self.article, original + "\nTämä lause lisättiin esikatselussa.\n")
        #expect(events.waitFor("event: reload"))
        #expect(http.request(Self.articlePage).body.contains("Tämä lause lisättiin esikatselussa."))

        // A broken front matter: the last good site stays, with the error over every page.
        try site.write(Self.article, original.replacingOccurrences(of: "title:", with: "titel:"))
        #expect(events.waitFor("event: reload"))
        let broken = http.request("/sv/")
        #expect(broken.status == 200)
        #expect(broken.body.contains("tietopankki-errors"))
        #expect(broken.body.contains("\(Self.article):2:1: error: unknown key &#39;titel&#39;") || broken.body.contains("\(Self.article):2:1: error: unknown key 'titel'"))

        // Fixed: the overlay is gone.
        try site.write(Self.article, original)
        #expect(events.waitFor("event: reload"))
        #expect(!http.request("/sv/").body.contains("tietopankki-errors"))
    }

    @Test(arguments: [
        "/../../etc/passwd", "/fi/../../../etc/passwd", "/fi/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e%2fetc%2fpasswd",
        "/fi\\..\\..\\etc\\passwd", "/fi/%00", "/fi//etc/passwd", "/%ZZ",
    ])
    func neverServesAFileOutsideTheSite(path: String) throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let (server, port) = try startServer(in: site)
        defer { server.terminate(); server.waitUntilExit() }
        let reply = LoopbackHTTP(port: port).request(path)
        #expect([400, 404].contains(reply.status), "\(path) → \(reply.status)")
        #expect(!reply.body.contains("root:"))
    }

    @Test func stopsCleanlyOnCtrlC() throws {
        let site = try TemporarySite.copyOfFixture("minimal")
        defer { site.remove() }
        let (server, port) = try startServer(in: site)
        #expect(LoopbackHTTP(port: port).request("/fi/").status == 200)
        kill(server.processIdentifier, SIGINT)
        server.waitUntilExit()
        #expect(server.terminationStatus == 0)
    }
}

/// `bench-incremental`, which `make bench` runs: it measures through the preview's own watcher and
/// builder, and leaves the site as it found it.
@Suite struct BenchIncrementalTests {
    @Test(arguments: ["body", "title", "template"])
    func measuresAnEditAndRestoresTheFile(edit: String) throws {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let before = readTree(site.url("content")).merging(readTree(site.url("themes"))) { a, _ in a }
        let result = try CommandLineTests().run(["bench-incremental", "--edit", edit, "--now", CommandLineTests.now], in: site.root)
        #expect(result.status == 0, "\(result.stderr)")
        let last = result.stdout.split(separator: "\n").last ?? ""
        #expect(last.contains("\(edit) edit of"))
        #expect(last.range(of: #"saved edit to reload event \d+\.\d ms$"#, options: .regularExpression) != nil, "\(last)")
        let after = readTree(site.url("content")).merging(readTree(site.url("themes"))) { a, _ in a }
        #expect(after == before)
    }
}
