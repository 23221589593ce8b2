import Serving
import Testing

/// DNS rebinding: a hostile page whose name resolves to 127.0.0.1 sends its own name as `Host`.
@Suite struct AllowedHostsTests {
    @Test(arguments: [
        "localhost", "localhost:8080", "LOCALHOST:8080", "127.0.0.1", "127.0.0.1:1", "[::1]", "[::1]:8080",
    ])
    func answersTheLoopbackNamesWithAnyPort(host: String) {
        #expect(AllowedHosts(listeningOn: "127.0.0.1").allows(host))
    }

    @Test(arguments: [
        "evil.example", "evil.example:8080", "127.0.0.1.evil.example", "localhost.evil.example:8080",
        "localhost.", "127.0.0.2", "192.168.1.5:8080", "[::2]:8080", "", ":8080", "localhost:", "localhost:80:80",
        "localhost:http", "[::1", "[::1]x", "[::1]:", "[]:8080", "localhost/x", "localhost@evil.example",
    ])
    func refusesEveryOtherHost(host: String) {
        #expect(!AllowedHosts(listeningOn: "127.0.0.1").allows(host), "\(host)")
    }

    @Test func refusesARequestWithoutHost() {
        #expect(!AllowedHosts(listeningOn: "127.0.0.1").allows(nil))
    }

    @Test func answersTheConfiguredHostToo() {
        let byName = AllowedHosts(listeningOn: "preview.lan")
        #expect(byName.allows("preview.lan:8080") && byName.allows("PREVIEW.lan") && byName.allows("localhost"))
        #expect(!byName.allows("other.lan"))
        #expect(AllowedHosts(listeningOn: "192.168.1.5").allows("192.168.1.5:8080"))
        #expect(!AllowedHosts(listeningOn: "192.168.1.5").allows("192.168.1.6:8080"))
        #expect(AllowedHosts(listeningOn: "[fe80::1]").allows("[fe80::1]:8080"))
        #expect(AllowedHosts(listeningOn: "fe80::1").allows("[FE80::1]"))
    }

    @Test func onAWildcardAddressAnswersAddressLiteralsButNoOtherNames() {
        let any = AllowedHosts(listeningOn: "0.0.0.0")
        #expect(any.allows("192.168.1.5:8080") && any.allows("[fe80::1]:8080") && any.allows("localhost:8080"))
        #expect(!any.allows("evil.example:8080") && !any.allows("300.1.1.1") && !any.allows("1.2.3"))
        #expect(AllowedHosts(listeningOn: "::").allows("10.0.0.1"))
    }
}
