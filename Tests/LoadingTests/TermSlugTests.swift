import Foundation
import Loading
import Model
import Testing

/// Each region and theme has a Swedish address made from its Swedish label, unless its entry sets one.
@Suite struct TermSlugTests {
    func load(regions: String) throws -> (SiteContent?, [Diagnostic]) {
        try ContentLoaderTests().load(["content/regions.yml": regions])
    }

    @Test func theSwedishSlugComesFromTheSwedishLabelAndTheFinnishIsTheKey() throws {
        let (content, diagnostics) = try load(regions: "ahvenanmaa:\n  fi: Ahvenanmaa\n  sv: Åland\nkeski-suomi:\n  fi: Keski-Suomi\n  sv: Mellersta Finland\n")
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        let aland = try #require(content?.regions.term("ahvenanmaa"))
        #expect(aland.slug(.fi) == "ahvenanmaa")
        #expect(aland.slug(.sv) == "aland")
        #expect(content?.regions.term("keski-suomi")?.slug(.sv) == "mellersta-finland")
    }

    @Test func anEntryCanSetItsSwedishSlug() throws {
        let (content, diagnostics) = try load(regions: "ahvenanmaa:\n  fi: Ahvenanmaa\n  sv: Åland\n  slug:\n    sv: landskapet-aland\n")
        #expect(diagnostics.filter(\.isError).isEmpty, "\(diagnostics)")
        #expect(content?.regions.term("ahvenanmaa")?.slug(.sv) == "landskapet-aland")
    }

    @Test(arguments: [
        // (regions.yml, the error's start)
        ("a:\n  fi: A\n  sv: Åland\nb:\n  fi: B\n  sv: Aland\n", "content/regions.yml:4:1: error: 'b' and 'a' would both be at the sv address 'aland'"),
        ("a:\n  fi: A\n  sv: Åland\n  slug:\n    sv: Åland\n", "content/regions.yml:5:5: error: the Swedish slug 'Åland' of 'a' contains 'Å'"),
        ("a:\n  fi: A\n  sv: Åland\n  slug:\n    fi: x\n", "content/regions.yml:5:5: error: unknown key 'fi' for 'slug'"),
        ("a:\n  fi: A\n  sv: \"!!\"\n", "content/regions.yml:1:1: error: the Swedish label of 'a' makes no address"),
    ])
    func aSlugThatCannotBeAnAddressIsALocatedError(regions: String, error: String) throws {
        let (_, diagnostics) = try load(regions: regions)
        let errors = diagnostics.filter(\.isError).map(\.description)
        #expect(errors.contains { $0.hasPrefix(error) }, "\(errors)")
    }
}
