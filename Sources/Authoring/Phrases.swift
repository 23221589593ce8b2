import Model

/// The fixed texts that new files carry, in the file's own language: comments that explain the front
/// matter, body prompts, and the markers that say what is still to be filled in or translated.
struct Phrases: Sendable {
    /// Starts a value the editor must still replace (`TÄYTÄ:` / `FYLL I:`).
    var fillMarker: String
    /// Starts a text still to be translated into this language (`KÄÄNNÄ:` / `ÖVERSÄTT:`).
    var translateMarker: String
    var optionalHeader: String
    var draft: String
    var date: String
    var eventDate: String
    var pageDate: String
    var eventType: String
    var start: String
    var startToFill: String
    var onlineLocation: String
    var onlineLocationExplanation: String
    var visitLocation: String
    var visitLocationExplanation: String
    var issue: @Sendable (Int) -> String
    var newsletterItems: String
    /// The Innokylä headings of a good practice, each with the question its section answers.
    var practiceSections: [(heading: String, prompt: String)]
    var articleBody: String
    var eventBody: String
    var newsletterBody: String
    var pageBody: String
    /// Put above a copied key whose value holds texts in the source language (names, link titles).
    var checkCopiedTexts: String
    /// The first paragraph of a translation's body.
    var translateBody: String
    var newsletterTitle: @Sendable (Int, Int) -> String
    var onlyInOtherLanguage: String

    static func of(_ language: Language) -> Phrases { language == .fi ? finnish : swedish }

    static let finnish = Phrases(
        fillMarker: "TÄYTÄ:",
        translateMarker: Language.fi.translationMarker,
        optionalHeader: "Vapaaehtoiset tiedot: ota rivi käyttöön poistamalla sen alusta \"# \".",
        draft: "luonnos: näkyy vain esikatselussa (--drafts); poista rivi, kun julkaiset",
        date: "julkaisupäivä; myöhempi päivä julkaistaan vasta sinä päivänä",
        eventDate: "ilmoituksen julkaisupäivä",
        pageDate: "päiväys (sivuille vapaaehtoinen)",
        eventType: "pakollinen: morning-coffee (aamukahvi), webinar (webinaari) tai visit (kuntavierailu)",
        start: "pakollinen: alkamisaika Suomen aikaa",
        startToFill: "TÄYTÄ: oikea alkamisaika Suomen aikaa (vaihda myös tiedostonimen päivä)",
        onlineLocation: "Verkossa",
        onlineLocationExplanation: "paikka; verkkotapahtumassa esim. Verkossa (Teams)",
        visitLocation: "TÄYTÄ: kunta ja tapahtumapaikka",
        visitLocationExplanation: "kuntavierailun paikka (pakollinen vierailulle)",
        issue: { "pakollinen: numero; kirjeen osoite on /fi/uutiskirjeet/\($0)/" },
        newsletterItems: "kirjeeseen nostetut sisällöt tässä järjestyksessä (kansio/nimi ilman kieltä)",
        practiceSections: [
            ("Lähtötilanne", "Mihin tarpeeseen toimintamalli vastaa? Mistä lähdettiin liikkeelle?"),
            ("Toteutus", "Mitä tehtiin, kuka teki ja missä järjestyksessä?"),
            ("Tulokset", "Mitä saatiin aikaan? Miten tuloksia on seurattu tai arvioitu?"),
            ("Resurssit", "Mitä toiminta vaati: henkilöstöä, rahaa, tiloja, kumppaneita?"),
            ("Siirrettävyys", "Miten malli toimisi toisessa kunnassa? Mitä kannattaa ottaa huomioon?"),
        ],
        articleBody: """
            Kirjoita teksti tähän. Väliotsikko kirjoitetaan rivinä `## Väliotsikko`, ja linkki toiseen \
            sisältöön kirjoitetaan linkkinä sen tiedostoon, esimerkiksi `[laki](../pages/laki.fi.md)`.
            """,
        eventBody: """
            Kerro, mistä tapahtumassa puhutaan, kenelle se on tarkoitettu ja miten siihen osallistutaan.

            ## Ohjelma

            Kellonajat, puhujat ja aiheet.
            """,
        newsletterBody: """
            Hei,

            kirjoita tähän kirjeen johdanto. Kohdassa items luetellut sisällöt näkyvät kirjeessä johdannon \
            jälkeen.
            """,
        pageBody: "Kirjoita sivun teksti tähän.",
        checkCopiedTexts: "KÄÄNNÄ: alla on ruotsinkielisiä tekstejä (nimiä, otsikoita); osoitteet pysyvät samoina",
        translateBody: """
            KÄÄNNÄ: alla oleva teksti on ruotsiksi. Käännä se ja poista tämä kappale. Linkit ruotsinkielisiin \
            tiedostoihin (.sv.md) voi vaihtaa suomenkielisiin (.fi.md), kun sellaiset on.
            """,
        newsletterTitle: { issue, year in "Uutiskirje \(issue)/\(year)" },
        onlyInOtherLanguage: "vain ruotsiksi"
    )

    static let swedish = Phrases(
        fillMarker: "FYLL I:",
        translateMarker: Language.sv.translationMarker,
        optionalHeader: "Frivilliga uppgifter: ta en rad i bruk genom att ta bort \"# \" i början av den.",
        draft: "utkast: syns bara i förhandsvisningen (--drafts); ta bort raden när du publicerar",
        date: "publiceringsdag; ett senare datum publiceras först den dagen",
        eventDate: "dagen då evenemanget annonseras",
        pageDate: "datum (frivilligt för sidor)",
        eventType: "obligatorisk: morning-coffee (morgonkaffe), webinar (webbinarium) eller visit (kommunbesök)",
        start: "obligatorisk: starttid, finsk tid",
        startToFill: "FYLL I: rätt starttid, finsk tid (byt också datumet i filnamnet)",
        onlineLocation: "På webben",
        onlineLocationExplanation: "plats; för ett webbevenemang t.ex. På webben (Teams)",
        visitLocation: "FYLL I: kommun och plats",
        visitLocationExplanation: "platsen för kommunbesöket (obligatorisk för besök)",
        issue: { "obligatorisk: nummer; brevets adress är /sv/nyhetsbrev/\($0)/" },
        newsletterItems: "innehåll som lyfts fram i brevet, i denna ordning (mapp/namn utan språk)",
        practiceSections: [
            ("Utgångsläge", "Vilket behov svarar modellen på? Varifrån utgick man?"),
            ("Genomförande", "Vad gjordes, av vem och i vilken ordning?"),
            ("Resultat", "Vad uppnåddes? Hur har resultaten följts upp eller utvärderats?"),
            ("Resurser", "Vad krävde verksamheten: personal, pengar, lokaler, samarbetspartner?"),
            ("Överförbarhet", "Hur kunde modellen fungera i en annan kommun? Vad är bra att tänka på?"),
        ],
        articleBody: """
            Skriv texten här. En mellanrubrik skrivs som raden `## Mellanrubrik`, och en länk till annat \
            innehåll skrivs som en länk till dess fil, till exempel `[lagen](../pages/laki.sv.md)`.
            """,
        eventBody: """
            Berätta vad evenemanget handlar om, vem det är till för och hur man deltar.

            ## Program

            Klockslag, talare och ämnen.
            """,
        newsletterBody: """
            Hej,

            skriv brevets inledning här. Innehållet som listas under items visas i brevet efter inledningen.
            """,
        pageBody: "Skriv sidans text här.",
        checkCopiedTexts: "ÖVERSÄTT: nedan finns texter på finska (namn, rubriker); adresserna förblir desamma",
        translateBody: """
            ÖVERSÄTT: texten nedan är på finska. Översätt den och ta bort det här stycket. Länkar till finska \
            filer (.fi.md) kan bytas till svenska (.sv.md) när sådana finns.
            """,
        newsletterTitle: { issue, year in "Nyhetsbrev \(issue)/\(year)" },
        onlyInOtherLanguage: "endast på finska"
    )
}
