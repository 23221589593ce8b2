#!/usr/bin/env python3
"""Deterministic corpus generator for the tietopankki benchmark (Python 3.11, standard library only).

Writes a complete site in tietopankki's content format (docs/content-format.md):

    OUT/content/site.yml, regions.yml, themes.yml, tags.yml
    OUT/content/articles/*.md, practices/*.md, events/*.md
    OUT/themes/default/          (a copy of the project's theme, unless --no-theme)

N Markdown files of ~9 KB each: 60 % articles, 25 % practices, 15 % events (by files); about 15 % of the
items exist in one language only, the rest as NAME.fi.md + NAME.sv.md pairs (two files). Bodies have
headings, paragraphs, lists, tables, code spans and fenced code, external links and relative links to other
content files that exist in the same language. Every item is dated on or before --now; events start around
--now (about two thirds past, one third upcoming).

The same arguments give the same bytes: one seeded random stream, consumed in a fixed order.

    python3 bench/generate.py --files 1000 --out bench/work/corpus-1000
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys
import unicodedata
from pathlib import Path

DEFAULT_NOW = "2026-11-23T12:00:00+02:00"
REPO = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------------------
# Vocabularies (the same shapes as content/site.yml, regions.yml and themes.yml of the sample site)

REGIONS = [
    ("koko-suomi", "Koko Suomi", "Hela Finland"),
    ("uusimaa", "Uusimaa", "Nyland"),
    ("varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland"),
    ("satakunta", "Satakunta", "Satakunta"),
    ("kanta-hame", "Kanta-Häme", "Egentliga Tavastland"),
    ("pirkanmaa", "Pirkanmaa", "Birkaland"),
    ("paijat-hame", "Päijät-Häme", "Päijänne-Tavastland"),
    ("kymenlaakso", "Kymenlaakso", "Kymmenedalen"),
    ("etela-karjala", "Etelä-Karjala", "Södra Karelen"),
    ("etela-savo", "Etelä-Savo", "Södra Savolax"),
    ("pohjois-savo", "Pohjois-Savo", "Norra Savolax"),
    ("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen"),
    ("keski-suomi", "Keski-Suomi", "Mellersta Finland"),
    ("etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten"),
    ("pohjanmaa", "Pohjanmaa", "Österbotten"),
    ("keski-pohjanmaa", "Keski-Pohjanmaa", "Mellersta Österbotten"),
    ("pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten"),
    ("kainuu", "Kainuu", "Kajanaland"),
    ("lappi", "Lappi", "Lappland"),
    ("ahvenanmaa", "Ahvenanmaa", "Åland"),
]

THEMES = [
    ("kulttuurihyvinvointi", "Kulttuurihyvinvointi", "Kulturvälfärd",
     "Taiteen ja kulttuurin hyödyntäminen asukkaiden hyvinvoinnin ja terveyden edistämisessä.",
     "Hur konst och kultur kan användas för att främja invånarnas välfärd och hälsa."),
    ("kestava-matkailu", "Kestävä matkailu", "Hållbar turism",
     "Kulttuuri osana alueen vetovoimaa ja matkailua, joka kunnioittaa paikallista yhteisöä ja ympäristöä.",
     "Kultur som en del av regionens dragningskraft och en turism som respekterar lokalsamhället och miljön."),
    ("poikkihallinnollinen-yhteistyo", "Poikkihallinnollinen yhteistyö", "Sektorsövergripande samarbete",
     "Kulttuuripalvelujen yhteistyö kunnan muiden toimialojen, hyvinvointialueen ja järjestöjen kanssa.",
     "Samarbete mellan kulturtjänsterna och kommunens andra sektorer, välfärdsområdet och organisationer."),
    ("tiedolla-johtaminen", "Tiedolla johtaminen", "Kunskapsledning",
     "Kuntien kulttuuritoimintaa koskevan tiedon kerääminen ja käyttö suunnittelun ja päätöksenteon tukena.",
     "Insamling och användning av information om kommunernas kulturverksamhet som stöd för beslutsfattande."),
    ("kuntastrategia", "Kuntastrategia", "Kommunstrategi",
     "Kulttuurin paikka kunnan strategiassa, suunnitelmissa ja talousarviossa.",
     "Kulturens plats i kommunens strategi, planer och budget."),
    ("osallisuus", "Osallisuus", "Delaktighet",
     "Asukkaiden mahdollisuudet osallistua kulttuuriin sekä vaikuttaa kulttuuripalvelujen suunnitteluun.",
     "Invånarnas möjligheter att delta i kulturlivet och påverka hur kulturtjänsterna planeras."),
    ("saavutettavuus", "Saavutettavuus", "Tillgänglighet",
     "Fyysisesti, taloudellisesti, kielellisesti ja digitaalisesti kaikille avoimet kulttuuripalvelut.",
     "Kulturtjänster som är öppna för alla, fysiskt, ekonomiskt, språkligt och digitalt."),
    ("lapset-ja-nuoret", "Lapset ja nuoret", "Barn och unga",
     "Kulttuurikasvatus, kulttuuripolut ja lasten ja nuorten oma kulttuuritoiminta.",
     "Kulturfostran, kulturstigar och barns och ungas egen kulturverksamhet."),
]

# Tag pairs (Finnish, Swedish); also written to tags.yml so the two tag pages link each other.
TAGS = [
    ("kirjastot", "bibliotek"), ("elokuvat", "film"), ("museot", "museer"), ("teatteri", "teater"),
    ("musiikki", "musik"), ("tanssi", "dans"), ("kuvataide", "bildkonst"), ("sanataide", "ordkonst"),
    ("kulttuuriperintö", "kulturarv"), ("kulttuuripolku", "kulturstig"), ("kulttuurikasvatus", "kulturfostran"),
    ("ikäihmiset", "äldre"), ("nuoret", "unga"), ("lapset", "barn"), ("perheet", "familjer"),
    ("maahanmuuttajat", "invandrare"), ("vammaisuus", "funktionsnedsättning"), ("esteettömyys", "tillgänglighet i praktiken"),
    ("kulttuurikortti", "kulturkort"), ("sote", "social- och hälsovård"), ("hyte", "välfärdsarbete"),
    ("hyvinvointikertomus", "välfärdsberättelse"), ("talousarvio", "budget"), ("tietopohja", "kunskapsunderlag"),
    ("tilastot", "statistik"), ("arviointi", "utvärdering"), ("vertaisoppiminen", "kamratlärande"),
    ("verkostot", "nätverk"), ("aamukahvi", "morgonkaffe"), ("webinaari", "webbinarium"),
    ("kuntavierailu", "kommunbesök"), ("pienet kunnat", "små kommuner"), ("kaupungit", "städer"),
    ("maaseutu", "landsbygd"), ("kylät", "byar"), ("saaristo", "skärgård"), ("kaksikielisyys", "tvåspråkighet"),
    ("saamelaiskulttuuri", "samisk kultur"), ("festivaalit", "festivaler"), ("kesäteatteri", "sommarteater"),
    ("kulttuuritalo", "kulturhus"), ("kulttuurikeskus", "kulturcentrum"), ("taiteilijat", "konstnärer"),
    ("residenssi", "residens"), ("yhdistykset", "föreningar"), ("vapaaehtoiset", "frivilliga"),
    ("seurakunnat", "församlingar"), ("koulut", "skolor"), ("varhaiskasvatus", "småbarnspedagogik"),
    ("taiteen perusopetus", "grundläggande konstundervisning"), ("harrastukset", "hobbyer"),
    ("digitaalisuus", "digitalisering"), ("striimaus", "streaming"), ("matkailu", "turism"),
    ("ympäristö", "miljö"), ("luonto", "natur"), ("kirjallisuus", "litteratur"), ("sirkus", "cirkus"),
    ("käsityö", "hantverk"), ("design", "design"), ("arkkitehtuuri", "arkitektur"), ("valokuvaus", "fotografi"),
    ("media", "media"), ("pelit", "spel"), ("rahoitus", "finansiering"), ("avustukset", "understöd"),
    ("hankinnat", "upphandlingar"), ("strategia", "strategi"), ("lautakunta", "nämnd"),
    ("valtuusto", "fullmäktige"), ("osallistava budjetointi", "deltagande budgetering"),
    ("asukaskysely", "invånarenkät"), ("palaute", "respons"), ("viestintä", "kommunikation"),
    ("markkinointi", "marknadsföring"), ("koulutus", "utbildning"), ("työhyvinvointi", "arbetsvälbefinnande"),
    ("mielenterveys", "psykisk hälsa"), ("yksinäisyys", "ensamhet"), ("liikunta", "motion"),
    ("ruoka", "mat"), ("kirjastoauto", "biblioteksbuss"), ("kotiseutu", "hembygd"), ("historia", "historia"),
    ("arkistot", "arkiv"), ("kielet", "språk"), ("monikulttuurisuus", "mångkultur"), ("yhdenvertaisuus", "jämlikhet"),
    ("tasa-arvo", "jämställdhet"), ("lapsiystävällisyys", "barnvänlighet"), ("nuorisotyö", "ungdomsarbete"),
    ("kesätapahtumat", "sommarevenemang"), ("joulu", "jul"), ("talvi", "vinter"), ("pilotti", "pilot"),
    ("kehittämishanke", "utvecklingsprojekt"), ("opas", "guide"), ("malli", "modell"), ("kysely", "enkät"),
]

MUNICIPALITIES = [
    ("Helsinki", "Helsingfors"), ("Espoo", "Esbo"), ("Vantaa", "Vanda"), ("Turku", "Åbo"),
    ("Tampere", "Tammerfors"), ("Oulu", "Uleåborg"), ("Jyväskylä", "Jyväskylä"), ("Kuopio", "Kuopio"),
    ("Lahti", "Lahtis"), ("Pori", "Björneborg"), ("Joensuu", "Joensuu"), ("Lappeenranta", "Villmanstrand"),
    ("Hämeenlinna", "Tavastehus"), ("Vaasa", "Vasa"), ("Rovaniemi", "Rovaniemi"), ("Seinäjoki", "Seinäjoki"),
    ("Mikkeli", "S:t Michel"), ("Kotka", "Kotka"), ("Porvoo", "Borgå"), ("Kokkola", "Karleby"),
    ("Salo", "Salo"), ("Kajaani", "Kajana"), ("Raasepori", "Raseborg"), ("Pietarsaari", "Jakobstad"),
    ("Mariehamn", "Mariehamn"), ("Petäjävesi", "Petäjävesi"), ("Inari", "Enare"), ("Utsjoki", "Utsjoki"),
    ("Kemijärvi", "Kemijärvi"), ("Kuhmo", "Kuhmo"), ("Savonlinna", "Nyslott"), ("Iisalmi", "Idensalmi"),
    ("Uusikaupunki", "Nystad"), ("Rauma", "Raumo"), ("Loviisa", "Lovisa"), ("Kristiinankaupunki", "Kristinestad"),
    ("Närpiö", "Närpes"), ("Parainen", "Pargas"), ("Kemiönsaari", "Kimitoön"), ("Sodankylä", "Sodankylä"),
    ("Kittilä", "Kittilä"), ("Ilomantsi", "Ilomants"), ("Nurmes", "Nurmes"), ("Keuruu", "Keuruu"),
    ("Alajärvi", "Alajärvi"), ("Kauhava", "Kauhava"), ("Ylivieska", "Ylivieska"), ("Raahe", "Brahestad"),
]

FI_WORDS = """
kulttuuri kunta kunnan kuntien kulttuuripalvelut palvelujen asukkaat asukkaiden kirjasto kirjaston museo
museon teatteri musiikkiopisto taide taiteen taiteilija taiteilijat yhteistyö yhteistyön verkosto
verkoston kehittäminen kehittämisen toiminta toiminnan toimintamalli hanke hankkeen tavoite tavoitteena
tulokset tulosten osallisuus osallisuutta hyvinvointi hyvinvoinnin hyvinvointialue hyvinvointialueen
lapset lasten nuoret nuorten ikäihmiset ikäihmisten perheet perheiden koulu koulujen varhaiskasvatus
yhdistys yhdistysten järjestöt järjestöjen kylä kylän kaupunki kaupungin maaseutu maaseudun alue alueen
suunnitelma suunnitelman strategia strategiassa talousarvio talousarvion päätöksenteko päätöksenteon
tieto tiedon tietoa kysely kyselyn arviointi arvioinnin palaute palautetta kokemus kokemuksia
työntekijä työntekijät henkilöstö henkilöstön koordinaattori vastuuhenkilö johtaja lautakunta valtuusto
tapahtuma tapahtumat tapahtumien festivaali näyttely näyttelyn konsertti konsertit esitys esitykset
työpaja työpajat kurssi kurssit harrastus harrastukset vapaaehtoiset vapaaehtoisten kumppani kumppanit
rahoitus rahoituksen avustus avustukset resurssit resursseja aika ajan vuosi vuoden vuosittain
syksyllä keväällä kesällä talvella viikoittain kuukausittain säännöllisesti yhdessä edelleen myös
sekä että mutta koska jotta kun jos vaikka silti lisäksi erityisesti usein aina joskus nyt jo vielä
uusi uuden uusia vanha hyvä hyvät tärkeä tärkeää yhteinen yhteisen paikallinen paikallisen
valtakunnallinen alueellinen monipuolinen saavutettava maksuton avoin pieni pienen suuri suuren
toimii toimivat järjestää järjestävät tukee tukevat edistää edistävät kehittää kehittävät
suunnittelee suunnittelevat kokoaa kokoavat tarjoaa tarjoavat vahvistaa vahvistavat osallistuu
osallistuvat tavoittaa tavoittavat mahdollistaa sopii sopivat kannattaa voidaan voi pitää
käytetään käytettiin kerättiin sovittiin aloitettiin jatketaan laajennettiin arvioitiin
laki lain lakia kehittämistehtävä kulttuuritoiminta kulttuuritoiminnan kulttuurihyvinvointi
saavutettavuus esteettömyys kaksikielisyys vertaisoppiminen kuntalaiset kuntalaisten
kirjastoauto kulttuuritalo kulttuurikeskus nuorisotila palvelutalo terveyskeskus seurakunta
""".split()

SV_WORDS = """
kultur kommun kommunens kommunernas kulturtjänster tjänsterna invånare invånarnas bibliotek biblioteket
museum museet teater musikinstitut konst konstens konstnär konstnärer samarbete samarbetet nätverk
nätverket utveckling utvecklingen verksamhet verksamheten verksamhetsmodell projekt projektet mål målet
resultat resultaten delaktighet välfärd välfärden välfärdsområde välfärdsområdet barn barnens unga
ungdomarna äldre familjer familjerna skola skolorna småbarnspedagogik förening föreningarna
organisationer by byn stad staden landsbygd landsbygden region regionen plan planen strategi
strategin budget budgeten beslutsfattande beslutsfattandet information kunskap enkät enkäten
utvärdering utvärderingen respons erfarenhet erfarenheter anställd anställda personal personalen
koordinator ansvarsperson chef nämnd fullmäktige evenemang evenemangen festival utställning
utställningen konsert konserter föreställning föreställningar workshop workshoppar kurs kurser hobby
hobbyer frivilliga partner partnerna finansiering understöd resurser tid tiden år året årligen
på hösten på våren på sommaren på vintern varje vecka varje månad regelbundet tillsammans fortfarande
också samt att men eftersom för att när om även ändå dessutom särskilt ofta alltid ibland nu redan
ännu ny nya gammal god goda viktig viktigt gemensam gemensamma lokal lokala riksomfattande regional
mångsidig tillgänglig avgiftsfri öppen liten lilla stor stora fungerar ordnar stöder främjar utvecklar
planerar samlar erbjuder stärker deltar når möjliggör passar lönar sig kan ska används användes
samlades avtalades inleddes fortsätter utvidgades utvärderades lag lagen utvecklingsuppdrag
kulturverksamhet kulturverksamheten kulturvälfärd tillgänglighet tvåspråkighet kamratlärande
kommuninvånare biblioteksbuss kulturhus kulturcentrum ungdomsgård servicehus hälsocentral församling
""".split()

FI_HEADINGS = """Taustaa|Miksi tämä on tärkeää?|Mitä teimme|Kokemuksia kunnista|Yhteistyökumppanit|Rahoitus ja
resurssit|Seuraavat askeleet|Lue lisää|Mitä opimme?|Kenelle?|Ohjelma|Käytännön järjestelyt|Tulokset
lyhyesti|Vinkit muille kunnille|Aikataulu|Yhteystiedot""".replace("\n", " ").split("|")
SV_HEADINGS = """Bakgrund|Varför är det viktigt?|Vad vi gjorde|Erfarenheter från kommunerna|Samarbetspartner|
Finansiering och resurser|Nästa steg|Läs mer|Vad lärde vi oss?|För vem?|Program|Praktiska arrangemang|
Resultaten i korthet|Tips till andra kommuner|Tidtabell|Kontaktuppgifter""".replace("\n", "").split("|")

PRACTICE_HEADINGS = {
    "fi": ["Lähtötilanne", "Toteutus", "Tulokset", "Resurssit", "Siirrettävyys"],
    "sv": ["Utgångsläge", "Genomförande", "Resultat", "Resurser", "Överförbarhet"],
}
EVENT_PREFIX = {
    "morning-coffee": ("Aamukahvi", "Morgonkaffe"),
    "webinar": ("Webinaari", "Webbinarium"),
    "visit": ("Kuntavierailu", "Kommunbesök"),
}
CODE_SPANS = ["tietopankki build", "kulttuuri.csv", "KULTTI", "hyte-kertoimet.xlsx", "sivu 2", "#kulttuuri",
              "2024–2026", "kaikukanta", "ical", "RSS", "tapahtumat.ics", "kulttuuritilasto_2025.csv"]
STATUS = ["ongoing", "ended"]
ROLES_FI = ["kulttuurikoordinaattori", "kulttuurituottaja", "kirjastonjohtaja", "kulttuurijohtaja",
            "hyvinvointikoordinaattori", "museonjohtaja", "projektipäällikkö", "vapaa-aikasihteeri"]
ROLES_SV = ["kulturkoordinator", "kulturproducent", "bibliotekschef", "kulturchef", "välfärdskoordinator",
            "museichef", "projektledare", "fritidssekreterare"]
FUNDERS = [("Opetus- ja kulttuuriministeriö", "Undervisnings- och kulturministeriet"),
           ("Kunnan oma budjetti", "Kommunens egen budget"),
           ("Taiteen edistämiskeskus", "Centret för konstfrämjande"),
           ("Euroopan sosiaalirahasto", "Europeiska socialfonden"),
           ("Leader-ryhmä", "Leadergruppen"), ("Hyvinvointialue ja kunta yhdessä", "Välfärdsområdet och kommunen tillsammans")]
TARGETS = [("lapset ja perheet", "barn och familjer"), ("nuoret", "unga"), ("ikäihmiset", "äldre"),
           ("kuntien kulttuurityöntekijät", "kommunernas kulturarbetare"), ("maahanmuuttajat", "invandrare"),
           ("sote-ammattilaiset", "yrkesverksamma inom social- och hälsovård"), ("kyläyhdistykset", "byaföreningar"),
           ("koululaiset", "skolelever")]

SECTIONS = ("articles", "practices", "events")
SHARES = {"articles": 0.60, "practices": 0.25, "events": 0.15}


def slug(title: str, max_length: int = 60) -> str:
    """The tool's default slug (Sources/Model/Slug.swift), to keep generated URLs unique."""
    out: list[str] = []
    pending = False
    for ch in unicodedata.normalize("NFD", title.lower()):
        if "a" <= ch <= "z" or "0" <= ch <= "9":
            if pending and out:
                out.append("-")
            pending = False
            out.append(ch)
        elif "\u0300" <= ch <= "\u036f":
            continue
        elif ch == "ß":
            if pending and out:
                out.append("-")
            pending = False
            out.append("ss")
        else:
            pending = True
    result = "".join(out)
    if len(result) <= max_length:
        return result
    cut = result[: max_length + 1]
    hyphen = cut.rfind("-")
    return cut[:hyphen] if hyphen > 0 else result[:max_length]


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def qlist(values) -> str:
    return "[" + ", ".join(q(v) for v in values) + "]"


class Item:
    __slots__ = ("section", "name", "langs", "titles", "date", "updated", "regions", "themes", "tags", "event", "practice",
                 "muni")


class Generator:
    def __init__(self, files: int, seed: int, now: dt.datetime, target_size: int):
        self.rng = random.Random(seed)
        self.files = files
        self.now = now
        self.target = target_size
        self.words = {"fi": FI_WORDS, "sv": SV_WORDS}
        self.headings = {"fi": FI_HEADINGS, "sv": SV_HEADINGS}
        # Zipf-like weights: a few tags are very common, most are rare.
        self.tag_weights = [1.0 / (i + 1) ** 0.8 for i in range(len(TAGS))]
        self.items: list[Item] = []
        self.by_lang: dict[str, list[Item]] = {"fi": [], "sv": []}

    # -- words ------------------------------------------------------------------------------------------------
    def sentence(self, lang: str, lo: int = 6, hi: int = 16) -> str:
        rng = self.rng
        words = rng.choices(self.words[lang], k=rng.randint(lo, hi))
        if rng.random() < 0.3:
            words.insert(rng.randrange(1, len(words)), rng.choice(MUNICIPALITIES)[0 if lang == "fi" else 1])
        if len(words) > 8 and rng.random() < 0.4:
            words[rng.randrange(2, len(words) - 2)] += ","
        text = " ".join(words)
        return text[0].upper() + text[1:] + rng.choice(".....?")

    def title_words(self, lang: str) -> str:
        words = self.rng.choices(self.words[lang], k=self.rng.randint(3, 7))
        text = " ".join(words)
        return text[0].upper() + text[1:]

    # -- the plan: every item, its languages, titles, dates and terms (before any body is written) ------------
    def plan(self) -> None:
        rng = self.rng
        used_slugs: dict[tuple[str, str], set[str]] = {}
        used_names: set[tuple[str, str]] = set()
        quotas = {s: round(self.files * SHARES[s]) for s in SECTIONS}
        quotas["articles"] += self.files - sum(quotas.values())
        for section in SECTIONS:
            left = quotas[section]
            while left > 0:
                it = Item()
                it.section = section
                if left == 1 or rng.random() < 0.15:
                    it.langs = ("fi",) if rng.random() < 0.8 else ("sv",)
                else:
                    it.langs = ("fi", "sv")
                left -= len(it.langs)
                it.muni = rng.choice(MUNICIPALITIES)
                it.regions = sorted(rng.sample([r[0] for r in REGIONS], rng.choice((1, 1, 1, 2))))
                it.themes = sorted(rng.sample([t[0] for t in THEMES], rng.choice((1, 2, 2, 3))))
                it.tags = sorted(set(rng.choices(range(len(TAGS)), weights=self.tag_weights, k=rng.randint(1, 4))))
                it.event = None
                it.practice = None
                if section == "events":
                    self.plan_event(it)
                else:
                    days = rng.randrange(0, 8 * 365)
                    it.date = (self.now - dt.timedelta(days=days)).date()
                # one 'updated' for both languages (tietopankki check warns when a translation is older)
                it.updated = min(it.date + dt.timedelta(days=rng.randrange(1, 90)), self.now.date()) \
                    if rng.random() < 0.15 else None
                if section == "practices":
                    it.practice = {"status": rng.choice(STATUS), "start_year": rng.randint(2015, 2025)}
                # titles, unique per section and language after slugging (the tool rejects URL collisions)
                it.titles = {}
                for lang in it.langs:
                    taken = used_slugs.setdefault((section, lang), set())
                    for attempt in range(50):
                        title = self.make_title(it, lang, attempt)
                        s = slug(title)
                        if s and s not in taken:
                            break
                    taken.add(s)
                    it.titles[lang] = title
                base = slug(it.titles[it.langs[0]], 40) or section
                prefix = f"{it.date.isoformat()}-" if section == "articles" else (
                    f"{it.event['start'].date().isoformat()}-" if section == "events" else "")
                name = prefix + base
                n = 2
                while (section, name) in used_names:
                    name = f"{prefix}{base}-{n}"
                    n += 1
                used_names.add((section, name))
                it.name = name
                self.items.append(it)
                for lang in it.langs:
                    self.by_lang[lang].append(it)

    def make_title(self, it: Item, lang: str, attempt: int) -> str:
        rng = self.rng
        muni = it.muni[0 if lang == "fi" else 1]
        core = self.title_words(lang)
        if it.section == "events":
            prefix = EVENT_PREFIX[it.event["type"]][0 if lang == "fi" else 1]
            title = f"{prefix}: {core}"
            if it.event["type"] == "visit":
                title = f"{prefix}: {muni} – {core[0].lower() + core[1:]}"
        elif it.section == "practices":
            title = f"{muni}: {core[0].lower() + core[1:]}" if rng.random() < 0.6 else core
        else:
            title = core
        if attempt >= 10:  # crowded slugs: keep the words, add a distinguishing number
            title += f" {attempt}"
        return title

    def plan_event(self, it: Item) -> None:
        rng = self.rng
        etype = rng.choices(["morning-coffee", "webinar", "visit"], weights=[5, 3, 2])[0]
        upcoming = rng.random() < 0.35
        day = self.now.date() + dt.timedelta(days=rng.randrange(1, 400) if upcoming else -rng.randrange(1, 3 * 365))
        hour = {"morning-coffee": rng.choice((8, 9)), "webinar": rng.choice((10, 13, 14)), "visit": 9}[etype]
        start = dt.datetime(day.year, day.month, day.day, hour, rng.choice((0, 30)))
        if etype == "visit":
            end = start + dt.timedelta(hours=rng.choice((6, 7, 30)))
        else:
            end = start + dt.timedelta(minutes=rng.choice((60, 90, 120)))
        announced = start.date() - dt.timedelta(days=rng.randrange(7, 60))
        it.date = min(announced, self.now.date() - dt.timedelta(days=rng.randrange(0, 30)))
        it.event = {"type": etype, "start": start, "end": end, "upcoming": upcoming,
                    "offset": rng.random() < 0.3, "deadline": rng.randrange(1, 6) if rng.random() < 0.7 else None,
                    "recording": (not upcoming) and etype != "visit" and rng.random() < 0.5,
                    "materials": rng.randrange(0, 3)}

    # -- bodies -------------------------------------------------------------------------------------------------
    def link_to(self, it: Item, lang: str) -> str:
        """A relative link to another item's file in the same language."""
        pool = self.by_lang[lang]
        for _ in range(10):
            other = self.rng.choice(pool)
            if other is not it:
                break
        else:
            return self.external(lang)
        text = other.titles[lang]
        words = text.split()
        if len(words) > 4:
            text = " ".join(words[:4])
        text = text.replace("[", "").replace("]", "")
        if other.section == it.section and self.rng.random() < 0.5:
            return f"[{text}]({other.name}.{lang}.md)"
        return f"[{text}](../{other.section}/{other.name}.{lang}.md)"

    def external(self, lang: str) -> str:
        rng = self.rng
        word = rng.choice(self.words[lang])
        path = slug(word) or "sivu"
        return f"[{word}](https://example.fi/{path}/{rng.randrange(1000)})"

    def paragraph(self, it: Item, lang: str) -> str:
        rng = self.rng
        parts = [self.sentence(lang) for _ in range(rng.randint(3, 7))]
        r = rng.random()
        i = rng.randrange(len(parts))
        if r < 0.25:
            parts[i] = parts[i][:-1] + " (" + self.link_to(it, lang) + ")" + parts[i][-1]
        elif r < 0.35:
            parts[i] = parts[i][:-1] + ", katso " + self.external(lang) + parts[i][-1] if lang == "fi" else \
                parts[i][:-1] + ", se " + self.external(lang) + parts[i][-1]
        r = rng.random()
        if r < 0.2:
            j = rng.randrange(len(parts))
            parts[j] = parts[j][:-1] + " `" + rng.choice(CODE_SPANS) + "`" + parts[j][-1]
        elif r < 0.4:
            words = parts[0].split(" ")
            k = rng.randrange(len(words))
            words[k] = "**" + words[k].rstrip(",.?") + "**" + ("," if words[k].endswith(",") else "")
            parts[0] = " ".join(words)
        elif r < 0.5:
            words = parts[-1].split(" ")
            k = rng.randrange(len(words) - 1)
            words[k] = "*" + words[k].rstrip(",") + "*" + ("," if words[k].endswith(",") else "")
            parts[-1] = " ".join(words)
        return " ".join(parts)

    def bullet_list(self, it: Item, lang: str) -> str:
        rng = self.rng
        ordered = rng.random() < 0.3
        lines = []
        for n in range(rng.randint(3, 6)):
            text = self.sentence(lang, 4, 10)
            if rng.random() < 0.15:
                text = self.link_to(it, lang) + ": " + text[0].lower() + text[1:]
            lines.append((f"{n + 1}. " if ordered else "- ") + text)
        return "\n".join(lines)

    def table(self, lang: str) -> str:
        rng = self.rng
        cols = rng.randint(2, 4)
        head = [rng.choice(self.words[lang]).capitalize() for _ in range(cols)]
        rows = ["| " + " | ".join(head) + " |", "|" + "---|" * cols]
        for _ in range(rng.randint(3, 7)):
            cells = []
            for c in range(cols):
                if c and rng.random() < 0.4:
                    cells.append(str(rng.randrange(1, 5000)) + rng.choice(("", " €", " %", " h")))
                else:
                    cells.append(" ".join(rng.choices(self.words[lang], k=rng.randint(1, 4))))
            rows.append("| " + " | ".join(cells) + " |")
        return "\n".join(rows)

    def code_block(self, lang: str) -> str:
        rng = self.rng
        lines = [f"{rng.choice(self.words[lang])}: {rng.randrange(100)}" for _ in range(rng.randint(2, 5))]
        return "```text\n" + "\n".join(lines) + "\n```"

    def quote(self, lang: str) -> str:
        return "> " + self.sentence(lang, 8, 20)

    def section_blocks(self, it: Item, lang: str) -> list[str]:
        rng = self.rng
        blocks = [self.paragraph(it, lang)]
        for _ in range(rng.randint(0, 2)):
            r = rng.random()
            if r < 0.30:
                blocks.append(self.bullet_list(it, lang))
            elif r < 0.45:
                blocks.append(self.table(lang))
            elif r < 0.52:
                blocks.append(self.code_block(lang))
            elif r < 0.60:
                blocks.append(self.quote(lang))
            blocks.append(self.paragraph(it, lang))
        return blocks

    def body(self, it: Item, lang: str, budget: int) -> str:
        rng = self.rng
        blocks: list[str] = [self.paragraph(it, lang)]
        size = len(blocks[0].encode())
        fixed = PRACTICE_HEADINGS[lang] if it.section == "practices" else None
        h = 0
        # at least one internal link per file
        blocks.append(self.paragraph(it, lang) + " " + self.link_to(it, lang) + ".")
        size += len(blocks[-1].encode())
        while size < budget or (fixed and h < len(fixed)):
            if fixed and h < len(fixed):
                heading = fixed[h]
            else:
                heading = rng.choice(self.headings[lang])
            h += 1
            blocks.append("## " + heading)
            for k, b in enumerate(self.section_blocks(it, lang)):
                if k and size >= budget:
                    break
                blocks.append(b)
                size += len(b.encode()) + 2
            if rng.random() < 0.15:
                blocks.append("### " + self.title_words(lang))
                blocks.append(self.paragraph(it, lang))
                size += len(blocks[-1].encode())
        return "\n\n".join(blocks) + "\n"

    # -- front matter -----------------------------------------------------------------------------------------
    def front_matter(self, it: Item, lang: str) -> str:
        rng = self.rng
        li = 0 if lang == "fi" else 1
        fm = [f"title: {q(it.titles[lang])}", f"date: {it.date.isoformat()}"]
        if it.updated:
            fm.append(f"updated: {it.updated.isoformat()}")
        if rng.random() < 0.9:
            fm.append(f"summary: {q(self.sentence(lang, 12, 24) + ' ' + self.sentence(lang, 8, 16))}")
        if it.section == "articles" and rng.random() < 0.4:
            fm.append(f"author: {q(rng.choice(ROLES_FI if lang == 'fi' else ROLES_SV))}")
        if it.section == "practices":
            p = it.practice
            if rng.random() < 0.7:
                fm.append(f"municipality: {q(it.muni[li])}")
            else:
                others = [m[li] for m in rng.sample(MUNICIPALITIES, 2)]
                fm.append(f"municipalities: {qlist([it.muni[li]] + [o for o in others if o != it.muni[li]])}")
            fm.append(f"organisation: {q(self.title_words(lang))}")
            end = p["start_year"] + rng.randint(1, 3)
            fm.append(f"period: {q(str(p['start_year']) + '–' + ('' if p['status'] == 'ongoing' else str(end)))}")
            fm.append(f"status: {p['status']}")
            fm.append(f"funder: {q(rng.choice(FUNDERS)[li])}")
            fm.append("target_groups:")
            for t in rng.sample(TARGETS, rng.randint(1, 3)):
                fm.append(f"  - {q(t[li])}")
            roles = ROLES_FI if lang == "fi" else ROLES_SV
            fm.append("contact:")
            fm.append(f"  name: {q(rng.choice(roles).capitalize())}")
            fm.append(f"  role: {q(self.title_words(lang))}")
            fm.append(f"  email: {slug(it.muni[0])}@example.fi")
            fm.append("links:")
            for k in range(rng.randint(1, 3)):
                fm.append(f"  - title: {q(self.title_words(lang))}")
                fm.append(f"    url: https://example.fi/{it.name}/{k}")
        if it.section == "events":
            e = it.event
            fm.append(f"event_type: {e['type']}")

            def when(t: dt.datetime) -> str:
                return t.strftime("%Y-%m-%dT%H:%M:00+02:00") if e["offset"] else t.strftime("%Y-%m-%dT%H:%M")
            fm.append(f"start: {when(e['start'])}")
            fm.append(f"end: {when(e['end'])}")
            if e["type"] == "visit":
                fm.append(f"location: {q(it.muni[li] + ', ' + self.title_words(lang))}")
            if e["type"] != "visit" or rng.random() < 0.3:
                fm.append(f"online: https://example.fi/verkkotapahtuma/{it.name}")
            if e["deadline"] is not None:
                fm.append(f"registration: https://example.fi/ilmoittautuminen/{it.name}")
                fm.append(f"registration_deadline: {(e['start'].date() - dt.timedelta(days=e['deadline'])).isoformat()}")
            if e["recording"]:
                fm.append(f"recording: https://example.fi/tallenteet/{it.name}")
            if e["materials"]:
                fm.append("materials:")
                for k in range(e["materials"]):
                    fm.append(f"  - title: {q(self.title_words(lang))}")
                    fm.append(f"    url: https://example.fi/materiaalit/{it.name}-{k}.pdf")
        fm.append(f"tags: {qlist(TAGS[t][li] for t in it.tags)}")
        fm.append(f"regions: [{', '.join(it.regions)}]")
        fm.append(f"themes: [{', '.join(it.themes)}]")
        return "---\n" + "\n".join(fm) + "\n---\n\n"

    def write(self, out: Path) -> int:
        content = out / "content"
        for s in SECTIONS:
            (content / s).mkdir(parents=True, exist_ok=True)
        write_settings(content)
        total = 0
        count = 0
        for it in self.items:
            for lang in it.langs:
                head = self.front_matter(it, lang)
                budget = int(self.target * self.rng.uniform(0.75, 1.25)) - len(head.encode()) - 700  # the last section overshoots by ~700 bytes on average
                text = head + self.body(it, lang, budget)
                data = text.encode()
                (content / it.section / f"{it.name}.{lang}.md").write_bytes(data)
                total += len(data)
                count += 1
        return count, total


def write_settings(content: Path) -> None:
    site = """base_url: https://yhteistuumin.example.fi
title:
  fi: Kulttuuria yhteistuumin
  sv: Kultur tillsammans
description:
  fi: Kulttuuria yhteistuumin on valtakunnallinen kehittämistehtävä, joka tukee kuntia lain kuntien kulttuuritoiminnasta toteuttamisessa. (Benchmark-aineisto.)
  sv: Kultur tillsammans är ett riksomfattande utvecklingsuppdrag som stöder kommunerna i arbetet med lagen om kommunernas kulturverksamhet. (Benchmarkmaterial.)
allow_raw_html: false
newsletter:
  sender:
    fi: Kulttuuria yhteistuumin -hanke
    sv: Projektet Kultur tillsammans
  unsubscribe: "{{unsubscribe}}"
"""
    (content / "site.yml").write_text(site, encoding="utf-8")
    lines = []
    for key, fi, sv in REGIONS:
        lines += [f"{key}:", f"  fi: {q(fi)}", f"  sv: {q(sv)}"]
    (content / "regions.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = []
    for key, fi, sv, dfi, dsv in THEMES:
        lines += [f"{key}:", f"  fi: {q(fi)}", f"  sv: {q(sv)}", "  description:", f"    fi: {q(dfi)}", f"    sv: {q(dsv)}"]
    (content / "themes.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    lines = [f"{q(fi)}: {q(sv)}" for fi, sv in TAGS]
    (content / "tags.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, required=True, help="number of Markdown files")
    ap.add_argument("--out", required=True, help="site folder to create (replaced if it exists)")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--now", default=DEFAULT_NOW, help="the build moment the corpus is dated around")
    ap.add_argument("--size", type=int, default=9000, help="mean Markdown file size in bytes (±25 %%)")
    ap.add_argument("--theme", default=str(REPO / "themes" / "default"), help="theme folder to copy in")
    ap.add_argument("--no-theme", action="store_true", help="write content/ only")
    args = ap.parse_args(argv)
    if args.files < 1:
        ap.error("--files must be at least 1")
    now = dt.datetime.fromisoformat(args.now)
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    gen = Generator(args.files, args.seed, now.replace(tzinfo=None), args.size)
    gen.plan()
    count, total = gen.write(out)
    if not args.no_theme:
        shutil.copytree(args.theme, out / "themes" / "default")
    items = len(gen.items)
    single = sum(1 for i in gen.items if len(i.langs) == 1)
    print(f"{out}: {count} files, {items} items ({single} in one language), "
          f"{total / 1e6:.1f} MB of Markdown ({total / count / 1000:.1f} KB a file)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
