/// The host names the preview answers to, so that a page on another site cannot read drafts through DNS
/// rebinding (its name made to resolve to 127.0.0.1: the browser then sends that name as `Host`).
/// Allowed: `localhost`, `127.0.0.1`, `[::1]` and the `--host` the server listens on, with any port;
/// when that is a wildcard address (`0.0.0.0`, `::`), also any IP address literal, because a rebinding
/// page must use a name. Everything else, and a request without `Host`, gets 403. Pure, so every case is
/// tested without a server (the same rule as Vite's `server.allowedHosts` and webpack-dev-server's).
public struct AllowedHosts: Sendable {
    private let names: Set<String>
    private let allowsAddressLiterals: Bool

    /// - Parameter listeningOn: the `--host` given (a name, an IPv4 address, or an IPv6 one with or without brackets).
    public init(listeningOn host: String) {
        let configured = Self.bare(host.lowercased())
        names = ["localhost", "127.0.0.1", "::1", configured]
        allowsAddressLiterals = ["0.0.0.0", "::", "0:0:0:0:0:0:0:0"].contains(configured)
    }

    /// Whether a request whose `Host` header (HTTP/2 `:authority`) is `authority` is answered.
    public func allows(_ authority: String?) -> Bool {
        guard let authority, let host = Self.host(of: authority.lowercased()) else { return false }
        if names.contains(host) { return true }
        return allowsAddressLiterals && (Self.isIPv4(host) || host.contains(":"))
    }

    /// The host part of `host[:port]` or `[v6][:port]` (without brackets), or nil when malformed.
    static func host(of authority: String) -> String? {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || Self.isPort(rest.dropFirst()) && rest.first == ":" else { return nil }
            let inside = authority[authority.index(after: authority.startIndex)..<close]
            return inside.isEmpty || !inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) ? nil : String(inside)
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let name = parts.first, !name.isEmpty else { return nil }
        if parts.count == 2, !isPort(parts[1]) { return nil }
        return String(name)
    }

    private static func isPort(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 5 && text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber)
    }

    private static func isIPv4(_ host: String) -> Bool {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }

    /// An IPv6 `--host` may be written with brackets.
    private static func bare(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}
