import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Input an attacker, a careless editor or a broken disk would give, run through the real executable:
/// each must end in a located message, a non-zero exit and the previous output left as it was.
extension CommandLineTests {
    /// Builds the basic fixture once, applies `damage`, and returns the outcome of `arguments` with
    /// whether the output stayed byte for byte what the good build wrote.
    func runAfterDamage(_ arguments: [String], damage: (TemporarySite) throws -> Void) throws -> (Run, outputKept: Bool) {
        let site = try TemporarySite.copyOfFixture("basic")
        defer { site.remove() }
        let good = try run(["build", "--now", Self.now, "--quiet"], in: site.root)
        #expect(good.status == 0, "\(good.stderr)")
        let before = readTree(site.url("output"))
        try damage(site)
        let result = try run(arguments, in: site.root)
        return (result, readTree(site.url("output")) == before)
    }

    @Test(arguments: ["check", "build"])
    func aPipeAmongTheAttachmentsIsRefusedAlikeByCheckAndBuild(command: String) throws {
        let (result, kept) = try runAfterDamage([command, "--now", Self.now]) { site in
            #expect(mkfifo(site.url("content/articles/putki.pdf").path, 0o644) == 0)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("content/articles/putki.pdf: error: not a regular file"), "\(result.stderr)")
        #expect(kept)
    }
}
