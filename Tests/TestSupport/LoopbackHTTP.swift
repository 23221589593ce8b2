import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a loopback socket: sends paths exactly as given (so traversal attempts
/// reach the server unnormalised) and can wait on a Server-Sent Events stream.
public struct LoopbackHTTP {
    public let port: UInt16

    public init(port: UInt16) {
        self.port = port
    }

    public struct Reply {
        public var status: Int
        public var headers: [String: String]
        public var body: String
    }

    /// A connected socket (receives time out after 10 s), or -1.
    public func connect() -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if connected != 0 {
            close(fd)
            return -1
        }
        return fd
    }

    public func send(_ fd: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// Sends one request with `Host: host` (nil: no Host header) and reads the reply; status 0 when
    /// nothing came back.
    public func request(_ path: String, method: String = "GET", host: String? = "127.0.0.1", headers: [String: String] = [:]) -> Reply {
        let fd = connect()
        guard fd >= 0 else { return Reply(status: 0, headers: [:], body: "") }
        defer { close(fd) }
        var text = "\(method) \(path) HTTP/1.1\r\nConnection: close\r\n"
        if let host { text += "Host: \(host)\r\n" }
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

    /// Whether the server closed `fd` (a receive returned end of file or a reset) within `seconds`;
    /// 0 looks without waiting.
    public func isClosedByServer(_ fd: Int32, within seconds: Int) -> Bool {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var byte: UInt8 = 0
        let received = recv(fd, &byte, 1, seconds == 0 ? Int32(MSG_DONTWAIT) : 0)
        return received == 0 || (received < 0 && errno == ECONNRESET)
    }

    /// Opens the event stream; `waitFor` returns once `text` has arrived (or after the timeout).
    public func openEvents() -> (fd: Int32, waitFor: (String) -> Bool) {
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
