import Foundation
import Model

/// An optional front matter key as a new file offers it: commented out, with an example value and a
/// one-line explanation in the file's language. Removing the `# ` in front makes it a working line.
struct KeyHint: Sendable {
    var key: String
    /// The example: the first line follows `key: `, further lines (a mapping or a list) come below it.
    var example: [String]
    var explanation: String

    init(_ key: String, _ example: String, _ explanation: String) {
        self.key = key
        self.example = example.components(separatedBy: "\n")
        self.explanation = explanation
    }

    /// The commented-out lines.
    var lines: [String] {
        let first = example[0].isEmpty ? "# \(key):" : "# \(key): \(example[0])"
        return [FrontMatterLayout.commented(first, explanation)] + example.dropFirst().map { "# \($0)" }
    }

    /// The optional keys of `type`, in the order a new file lists them: the type's own keys first, then
    /// the keys every type shares.
    static func optionalKeys(
        for type: ContentType, language: Language, title: String, day: CalendarDay, start: Date?
    ) -> [KeyHint] {
        let own = language == .fi ? finnishKeys(type, day: day, start: start) : swedishKeys(type, day: day, start: start)
        // A newsletter's address is its issue number, so a slug would do nothing.
        return own + commonKeys(type, language: language, title: title, day: day).filter {
            type != .newsletter || $0.key != "slug"
        }
    }

    private static func commonKeys(_ type: ContentType, language: Language, title: String, day: CalendarDay) -> [KeyHint] {
        let folder = type.folder
        let slug = Slug.make(from: title)
        if language == .fi {
            return [
                KeyHint("summary", "Yksi tai kaksi virkettä sisällöstä.", "tiivistelmä listoihin, syötteisiin ja uutiskirjeeseen"),
                KeyHint("updated", "\(day)", "viimeisimmän olennaisen muutoksen päivä (käännöksiä verrataan tähän)"),
                KeyHint("expires", "\(day.year + 1)-12-31", "päivä, jonka jälkeen sisältöä ei enää julkaista"),
                KeyHint("author", "Projektikoordinaattori", "kirjoittaja: nimi tai tehtävänimike"),
                KeyHint("image", "kuva.jpg", "kuva, joka on tämän tiedoston vieressä kansiossa content/\(folder)/"),
                KeyHint("image_alt", "Mitä kuvassa näkyy", "kuvan tekstivastine; pakollinen, jos kuva on"),
                KeyHint("image_decorative", "true", "vain koristekuvalle, joka ei kerro mitään tekstin lisäksi: tekstivastinetta ei tarvita"),
                KeyHint("image_focus", "center", "mikä osa kuvasta säilyy korttien pikkukuvissa: top, center, bottom tai auto"),
                KeyHint("tags", "[kirjastot, elokuvat]", "vapaat avainsanat suomeksi"),
                KeyHint("regions", "[keski-suomi]", "alueet: avaimet tiedostosta content/regions.yml (koko-suomi = koko maa)"),
                KeyHint("themes", "[kulttuurihyvinvointi]", "teemat: avaimet tiedostosta content/themes.yml"),
                KeyHint("slug", slug, "osoitteen viimeinen osa (a–z, 0–9, -); muuten tehdään otsikosta"),
            ]
        }
        return [
            KeyHint("summary", "En eller två meningar om innehållet.", "sammanfattning för listor, flöden och nyhetsbrevet"),
            KeyHint("updated", "\(day)", "dagen för den senaste väsentliga ändringen (översättningar jämförs med den)"),
            KeyHint("expires", "\(day.year + 1)-12-31", "dagen efter vilken innehållet inte längre publiceras"),
            KeyHint("author", "Projektkoordinator", "skribent: namn eller titel"),
            KeyHint("image", "bild.jpg", "en bild som ligger bredvid den här filen i mappen content/\(folder)/"),
            KeyHint("image_alt", "Vad bilden visar", "bildens alternativtext; obligatorisk om det finns en bild"),
            KeyHint("image_decorative", "true", "bara för en dekorativ bild som inte säger något utöver texten: ingen alternativtext behövs"),
            KeyHint("image_focus", "center", "vilken del av bilden som behålls i kortens miniatyrer: top, center, bottom eller auto"),
            KeyHint("tags", "[bibliotek, film]", "fria nyckelord på svenska"),
            KeyHint("regions", "[keski-suomi]", "regioner: nycklar ur content/regions.yml (koko-suomi = hela landet)"),
            KeyHint("themes", "[kulttuurihyvinvointi]", "teman: nycklar ur content/themes.yml"),
            KeyHint("slug", slug, "sista delen av adressen (a–z, 0–9, -); annars görs den av rubriken"),
        ]
    }

    private static func finnishKeys(_ type: ContentType, day: CalendarDay, start: Date?) -> [KeyHint] {
        switch type {
        case .article:
            return []
        case .practice:
            return [
                KeyHint("municipality", "Petäjävesi", "kunta, jossa toimintamalli on käytössä"),
                KeyHint("municipalities", "[Espoo, Vantaa]", "tai useampi kunta listana (käytä vain toista näistä)"),
                KeyHint("organisation", "Kunnan kulttuuripalvelut", "toteuttaja"),
                KeyHint("period", "2024–2026", "toiminta-aika vapaasti kirjoitettuna"),
                KeyHint("status", "ongoing", "ongoing (käynnissä) tai ended (päättynyt)"),
                KeyHint("funder", "Opetus- ja kulttuuriministeriö", "rahoittaja"),
                KeyHint("target_groups", "[lapset ja nuoret, ikäihmiset]", "kohderyhmät"),
                KeyHint("contact", "\n  name: Kulttuurituottaja\n  role: Kulttuuripalvelut\n  email: kulttuuri@example.fi",
                        "yhteyshenkilö: tehtävänimike ja yleinen sähköpostiosoite"),
                KeyHint("links", "\n  - title: Toimintamallin kuvaus\n    url: https://example.fi/malli", "linkit lisätietoihin"),
            ]
        case .event:
            let (end, deadline) = eventExamples(day: day, start: start)
            return [
                KeyHint("end", end, "päättymisaika"),
                KeyHint("online", "https://example.fi/tapahtuma", "verkkotapahtuman osoite (linkki kokoukseen)"),
                KeyHint("registration", "https://example.fi/ilmoittautuminen", "ilmoittautumislomakkeen osoite"),
                KeyHint("registration_deadline", deadline, "ilmoittautumisen viimeinen päivä (viimeistään alkamispäivä)"),
                KeyHint("recording", "https://example.fi/tallenne", "tallenteen osoite; näytetään, kun tapahtuma on ohi"),
                KeyHint("materials", "\n  - title: Esitysdiat (PDF)\n    url: https://example.fi/diat.pdf", "materiaalit"),
            ]
        case .newsletter:
            return [
                KeyHint("items", "\n  - articles/2020-10-21-petajavesi", "kirjeeseen nostetut sisällöt tässä järjestyksessä (kansio/nimi ilman kieltä)"),
                KeyHint("subject", "\"Uutiskirje: kirjeen pääaihe\"", "sähköpostin aiherivi"),
                KeyHint("preheader", "Lyhyt jatko aiheriville.", "teksti, jonka sähköpostiohjelma näyttää aiherivin perässä"),
            ]
        case .page:
            return [
                KeyHint("menu", "5", "paikka alatunnisteen sivulinkeissä (1, 2, 3 …); ilman tätä sivua ei linkitetä sieltä"),
                KeyHint("date", "\(day)", "päiväys (sivuille vapaaehtoinen)"),
            ]
        }
    }

    private static func swedishKeys(_ type: ContentType, day: CalendarDay, start: Date?) -> [KeyHint] {
        switch type {
        case .article:
            return []
        case .practice:
            return [
                KeyHint("municipality", "Jakobstad", "kommunen där modellen används"),
                KeyHint("municipalities", "[Esbo, Vanda]", "eller flera kommuner som lista (använd bara den ena)"),
                KeyHint("organisation", "Kommunens kulturtjänster", "vem som driver verksamheten"),
                KeyHint("period", "2024–2026", "tidsperiod i fritt format"),
                KeyHint("status", "ongoing", "ongoing (pågår) eller ended (avslutad)"),
                KeyHint("funder", "Undervisnings- och kulturministeriet", "finansiär"),
                KeyHint("target_groups", "[barn och unga, äldre]", "målgrupper"),
                KeyHint("contact", "\n  name: Kulturproducent\n  role: Kulturtjänster\n  email: kultur@example.fi",
                        "kontaktperson: titel och en allmän e-postadress"),
                KeyHint("links", "\n  - title: Beskrivning av modellen\n    url: https://example.fi/modell", "länkar till mer information"),
            ]
        case .event:
            let (end, deadline) = eventExamples(day: day, start: start)
            return [
                KeyHint("end", end, "sluttid"),
                KeyHint("online", "https://example.fi/evenemang", "adressen till webbmötet"),
                KeyHint("registration", "https://example.fi/anmalan", "adressen till anmälningsformuläret"),
                KeyHint("registration_deadline", deadline, "sista anmälningsdag (senast startdagen)"),
                KeyHint("recording", "https://example.fi/inspelning", "adressen till inspelningen; visas när evenemanget är över"),
                KeyHint("materials", "\n  - title: Presentationen (PDF)\n    url: https://example.fi/presentation.pdf", "material"),
            ]
        case .newsletter:
            return [
                KeyHint("items", "\n  - articles/2020-10-21-petajavesi", "innehåll som lyfts fram i brevet, i denna ordning (mapp/namn utan språk)"),
                KeyHint("subject", "\"Nyhetsbrev: brevets huvudämne\"", "e-postens ämnesrad"),
                KeyHint("preheader", "Kort fortsättning på ämnesraden.", "text som e-postprogrammet visar efter ämnesraden"),
            ]
        case .page:
            return [
                KeyHint("menu", "5", "plats bland sidlänkarna i sidfoten (1, 2, 3 …); utan den länkas sidan inte där"),
                KeyHint("date", "\(day)", "datum (frivilligt för sidor)"),
            ]
        }
    }

    /// An hour after the start, and the day before it, as examples for `end` and `registration_deadline`.
    private static func eventExamples(day: CalendarDay, start: Date?) -> (end: String, deadline: String) {
        let begins = start ?? day.start.addingTimeInterval(9 * 3600)
        return (CalendarDay.minuteText(begins.addingTimeInterval(3600)), "\(CalendarDay(begins).adding(days: -1))")
    }
}
