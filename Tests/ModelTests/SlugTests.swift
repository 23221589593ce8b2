import Model
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("Kuntavierailu Petäjävedellä", "kuntavierailu-petajavedella"),
        ("Kultur på två språk", "kultur-pa-tva-sprak"),
        ("Öljyä & \"lainausmerkkejä\" <2026>", "oljya-lainausmerkkeja-2026"),
        ("  --Ääni--  ", "aani"),
        ("Straße", "strasse"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("../../etc/passwd", "etc-passwd"),
        ("", ""),
        ("Åbo Akademi – Ångström, Çà et là", "abo-akademi-angstrom-ca-et-la"),
        ("Ñandú ØRE Ǆ", "nandu-re"),
        ("Kulttuuri\u{0308}a (hajotettu)", "kulttuuria-hajotettu"),
        ("İstanbul \u{212A}ELVIN ÄÄNI Ἀθῆναι", "istanbul-kelvin-aani"),
        ("ÅBO, ÉTÉ", "abo-ete"),
    ])
    func makesSlugsFromTitles(title: String, expected: String) {
        #expect(Slug.make(from: title) == expected)
    }

    @Test func cutsLongTitlesAtAWordBoundary() {
        let slug = Slug.make(from: "Kaksi vuotta kulttuuritoimintalakia mitä kuudennen pykälän kehittämistehtävä tarkoittaa")
        #expect(slug.count <= 60)
        #expect(!slug.hasSuffix("-"))
        #expect(slug.hasPrefix("kaksi-vuotta-kulttuuritoimintalakia"))
    }

    @Test(arguments: ["abc", "a-b-c", "2026-uutiset", "x"])
    func acceptsValidSlugs(slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "a/b", "..", "../x", "Iso", "ä", "-a", "a-", "a b", "a.b", "a\\b"])
    func rejectsSlugsThatCouldBecomePaths(slug: String) {
        #expect(!Slug.isValid(slug))
    }
}
