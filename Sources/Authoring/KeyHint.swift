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

    /// The hint in `language` from a key's (example, explanation) in each language.
    init(_ key: String, in language: Language, fi: (String, String), sv: (String, String)) {
        let (example, explanation) = language == .fi ? fi : sv
        self.init(key, example, explanation)
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
        let own = ownKeys(type, language: language, day: day, start: start)
        // A newsletter's address is its issue number, so a slug would do nothing.
        return own + commonKeys(type, language: language, title: title, day: day).filter {
            type != .newsletter || $0.key != "slug"
        }
    }

    private static func commonKeys(_ type: ContentType, language: Language, title: String, day: CalendarDay) -> [KeyHint] {
        let folder = type.folder
        let slug = Slug.make(from: title)
        return [
            KeyHint("summary", in: language,
                fi: ("Yksi tai kaksi virkettä sisällöstä.", "tiivistelmä listoihin, syötteisiin ja uutiskirjeeseen"),
                sv: ("En eller två meningar om innehållet.", "sammanfattning för listor, flöden och nyhetsbrevet")),
            KeyHint("updated", in: language,
                fi: ("\(day)", "viimeisimmän olennaisen muutoksen päivä (käännöksiä verrataan tähän)"),
                sv: ("\(day)", "dagen för den senaste väsentliga ändringen (översättningar jämförs med den)")),
            KeyHint("expires", in: language,
                fi: ("\(day.year + 1)-12-31", "päivä, jonka jälkeen sisältöä ei enää julkaista"),
                sv: ("\(day.year + 1)-12-31", "dagen efter vilken innehållet inte längre publiceras")),
            KeyHint("author", in: language,
                fi: ("Projektikoordinaattori", "kirjoittaja: nimi tai tehtävänimike"),
                sv: ("Projektkoordinator", "skribent: namn eller titel")),
            KeyHint("image", in: language,
                fi: ("kuva.jpg", "kuva, joka on tämän tiedoston vieressä kansiossa content/\(folder)/"),
                sv: ("bild.jpg", "en bild som ligger bredvid den här filen i mappen content/\(folder)/")),
            KeyHint("image_alt", in: language,
                fi: ("Mitä kuvassa näkyy", "kuvan tekstivastine; pakollinen, jos kuva on"),
                sv: ("Vad bilden visar", "bildens alternativtext; obligatorisk om det finns en bild")),
            KeyHint("image_decorative", in: language,
                fi: ("true", "vain koristekuvalle, joka ei kerro mitään tekstin lisäksi: tekstivastinetta ei tarvita"),
                sv: ("true", "bara för en dekorativ bild som inte säger något utöver texten: ingen alternativtext behövs")),
            KeyHint("image_focus", in: language,
                fi: ("center", "mikä osa kuvasta säilyy korttien pikkukuvissa: top, center, bottom tai auto"),
                sv: ("center", "vilken del av bilden som behålls i kortens miniatyrer: top, center, bottom eller auto")),
            KeyHint("tags", in: language,
                fi: ("[kirjastot, elokuvat]", "vapaat avainsanat suomeksi"),
                sv: ("[bibliotek, film]", "fria nyckelord på svenska")),
            KeyHint("regions", in: language,
                fi: ("[keski-suomi]", "alueet: avaimet tiedostosta content/regions.yml (koko-suomi = koko maa)"),
                sv: ("[keski-suomi]", "regioner: nycklar ur content/regions.yml (koko-suomi = hela landet)")),
            KeyHint("themes", in: language,
                fi: ("[kulttuurihyvinvointi]", "teemat: avaimet tiedostosta content/themes.yml"),
                sv: ("[kulttuurihyvinvointi]", "teman: nycklar ur content/themes.yml")),
            KeyHint("slug", in: language,
                fi: (slug, "osoitteen viimeinen osa (a–z, 0–9, -); muuten tehdään otsikosta"),
                sv: (slug, "sista delen av adressen (a–z, 0–9, -); annars görs den av rubriken")),
        ]
    }

    /// The keys of `type` alone, each with its example and explanation in both languages (one list, so
    /// that no key can be offered in one language and forgotten in the other).
    private static func ownKeys(_ type: ContentType, language: Language, day: CalendarDay, start: Date?) -> [KeyHint] {
        switch type {
        case .article:
            return []
        case .practice:
            return [
                KeyHint("municipality", in: language,
                    fi: ("Petäjävesi", "kunta, jossa toimintamalli on käytössä"),
                    sv: ("Jakobstad", "kommunen där modellen används")),
                KeyHint("municipalities", in: language,
                    fi: ("[Espoo, Vantaa]", "tai useampi kunta listana (käytä vain toista näistä)"),
                    sv: ("[Esbo, Vanda]", "eller flera kommuner som lista (använd bara den ena)")),
                KeyHint("organisation", in: language,
                    fi: ("Kunnan kulttuuripalvelut", "toteuttaja"),
                    sv: ("Kommunens kulturtjänster", "vem som driver verksamheten")),
                KeyHint("period", in: language,
                    fi: ("2024–2026", "toiminta-aika vapaasti kirjoitettuna"),
                    sv: ("2024–2026", "tidsperiod i fritt format")),
                KeyHint("status", in: language,
                    fi: ("ongoing", "ongoing (käynnissä) tai ended (päättynyt)"),
                    sv: ("ongoing", "ongoing (pågår) eller ended (avslutad)")),
                KeyHint("funder", in: language,
                    fi: ("Opetus- ja kulttuuriministeriö", "rahoittaja"),
                    sv: ("Undervisnings- och kulturministeriet", "finansiär")),
                KeyHint("target_groups", in: language,
                    fi: ("[lapset ja nuoret, ikäihmiset]", "kohderyhmät"),
                    sv: ("[barn och unga, äldre]", "målgrupper")),
                KeyHint("contact", in: language,
                    fi: ("\n  name: Kulttuurituottaja\n  role: Kulttuuripalvelut\n  email: kulttuuri@example.fi", "yhteyshenkilö: tehtävänimike ja yleinen sähköpostiosoite"),
                    sv: ("\n  name: Kulturproducent\n  role: Kulturtjänster\n  email: kultur@example.fi", "kontaktperson: titel och en allmän e-postadress")),
                KeyHint("links", in: language,
                    fi: ("\n  - title: Toimintamallin kuvaus\n    url: https://example.fi/malli", "linkit lisätietoihin"),
                    sv: ("\n  - title: Beskrivning av modellen\n    url: https://example.fi/modell", "länkar till mer information")),
            ]
        case .event:
            let (end, deadline) = eventExamples(day: day, start: start)
            return [
                KeyHint("end", in: language,
                    fi: (end, "päättymisaika"),
                    sv: (end, "sluttid")),
                KeyHint("online", in: language,
                    fi: ("https://example.fi/tapahtuma", "verkkotapahtuman osoite (linkki kokoukseen)"),
                    sv: ("https://example.fi/evenemang", "adressen till webbmötet")),
                KeyHint("registration", in: language,
                    fi: ("https://example.fi/ilmoittautuminen", "ilmoittautumislomakkeen osoite"),
                    sv: ("https://example.fi/anmalan", "adressen till anmälningsformuläret")),
                KeyHint("registration_deadline", in: language,
                    fi: (deadline, "ilmoittautumisen viimeinen päivä (viimeistään alkamispäivä)"),
                    sv: (deadline, "sista anmälningsdag (senast startdagen)")),
                KeyHint("recording", in: language,
                    fi: ("https://example.fi/tallenne", "tallenteen osoite; näytetään, kun tapahtuma on ohi"),
                    sv: ("https://example.fi/inspelning", "adressen till inspelningen; visas när evenemanget är över")),
                KeyHint("materials", in: language,
                    fi: ("\n  - title: Esitysdiat (PDF)\n    url: https://example.fi/diat.pdf", "materiaalit"),
                    sv: ("\n  - title: Presentationen (PDF)\n    url: https://example.fi/presentation.pdf", "material")),
            ]
        case .newsletter:
            return [
                KeyHint("items", in: language,
                    fi: ("\n  - articles/2020-10-21-petajavesi", "kirjeeseen nostetut sisällöt tässä järjestyksessä (kansio/nimi ilman kieltä)"),
                    sv: ("\n  - articles/2020-10-21-petajavesi", "innehåll som lyfts fram i brevet, i denna ordning (mapp/namn utan språk)")),
                KeyHint("subject", in: language,
                    fi: ("\"Uutiskirje: kirjeen pääaihe\"", "sähköpostin aiherivi"),
                    sv: ("\"Nyhetsbrev: brevets huvudämne\"", "e-postens ämnesrad")),
                KeyHint("preheader", in: language,
                    fi: ("Lyhyt jatko aiheriville.", "teksti, jonka sähköpostiohjelma näyttää aiherivin perässä"),
                    sv: ("Kort fortsättning på ämnesraden.", "text som e-postprogrammet visar efter ämnesraden")),
            ]
        case .page:
            return [
                KeyHint("menu", in: language,
                    fi: ("5", "paikka alatunnisteen sivulinkeissä (1, 2, 3 …); ilman tätä sivua ei linkitetä sieltä"),
                    sv: ("5", "plats bland sidlänkarna i sidfoten (1, 2, 3 …); utan den länkas sidan inte där")),
                KeyHint("date", in: language,
                    fi: ("\(day)", "päiväys (sivuille vapaaehtoinen)"),
                    sv: ("\(day)", "datum (frivilligt för sidor)")),
            ]
        }
    }

    /// An hour after the start, and the day before it, as examples for `end` and `registration_deadline`.
    private static func eventExamples(day: CalendarDay, start: Date?) -> (end: String, deadline: String) {
        let begins = start ?? day.start.addingTimeInterval(9 * 3600)
        return (CalendarDay.minuteText(begins.addingTimeInterval(3600)), "\(CalendarDay(begins).adding(days: -1))")
    }
}
