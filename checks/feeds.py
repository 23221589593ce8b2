#!/usr/bin/env python3
"""Feeds and sitemap: what other people's software reads.

- every `.xml` file: `xmllint --noout` (well-formed);
- every RSS feed (`feed.xml` anywhere, and any `.xml` whose root is <rss>): feedparser without `bozo`,
  and RSS 2.0's rules checked here, strictly: <rss version="2.0"> with one <channel> holding a non-empty
  <title>, <link> (absolute URL) and <description>, an <atom:link rel="self"> naming the feed's own URL;
  each <item> has a <title> or <description>, a <guid> (unique; an absolute URL unless
  isPermaLink="false") and a <pubDate>; every date (pubDate, lastBuildDate) is RFC 822 as RSS 2.0 uses
  it — `Wed, 02 Oct 2002 13:00:00 +0300`: four-digit year, a real date, the weekday that date has;
- `sitemap.xml` (and any <urlset>/<sitemapindex>): the sitemaps.org namespace, one <loc> per <url>,
  absolute on the site's base URL, unique, naming a page of the output; <lastmod> a W3C date;
  <changefreq>/<priority> valid; xhtml:link rel="alternate" hreflang pairs that point to pages in the
  sitemap and the output, are reciprocal, include the page itself, and whose hreflang matches the
  target page's <html lang>;
- robots.txt's `Sitemap:` lines, if any, are absolute URLs.

usage: feeds.py OUTPUT_DIR     (also used on checks/fixtures/feeds/*/ by the self-test)
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
from lxml import etree

from common import Findings, files, parse_html, require_dir

# Files the site must have. Empty while feeds and the sitemap are being built; add them here when they
# land so that a build that stops writing one fails the check, e.g.:
#   REQUIRED_FILES = ["sitemap.xml", "robots.txt", "fi/feed.xml", "sv/feed.xml"]
REQUIRED_FILES: list[str] = ["sitemap.xml", "robots.txt", "fi/feed.xml", "sv/feed.xml"]

ATOM = "http://www.w3.org/2005/Atom"
SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"

DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ZONES = {"UT": 0, "GMT": 0, "Z": 0, "EST": -500, "EDT": -400, "CST": -600, "CDT": -500, "MST": -700,
         "MDT": -600, "PST": -800, "PDT": -700}
RFC822 = re.compile(
    r"^(?:(?P<day>[A-Z][a-z]{2}), )?(?P<date>\d{1,2}) (?P<month>[A-Z][a-z]{2}) (?P<year>\d{4}) "
    r"(?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))? (?P<zone>[+-]\d{4}|[A-Z]{1,3})$")
W3C_DATE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d{2}:\d{2}))?)?)?$")
CHANGEFREQ = {"always", "hourly", "daily", "weekly", "monthly", "yearly", "never"}
LANGUAGE_TAG = re.compile(r"^(x-default|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*)$")


def rfc822_problem(value: str) -> str | None:
    """None when `value` is an RFC 822 date-time as RSS 2.0 wants it, else what is wrong."""
    match = RFC822.match(value)
    if not match:
        return "is not an RFC 822 date-time like 'Wed, 02 Oct 2002 13:00:00 +0300'"
    if match["day"] and match["day"] not in DAYS:
        return f"has an unknown weekday {match['day']!r}"
    if match["month"] not in MONTHS:
        return f"has an unknown month {match['month']!r}"
    zone = match["zone"]
    if not zone[0] in "+-" and zone not in ZONES:
        return f"has a time zone {zone!r} that RFC 822 allows but readers do not agree on; use +HHMM"
    if zone[0] in "+-" and (int(zone[1:3]) > 14 or int(zone[3:5]) > 59):
        return f"has an impossible offset {zone}"
    try:
        moment = dt.datetime(int(match["year"]), MONTHS.index(match["month"]) + 1, int(match["date"]),
                             int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    except ValueError as error:
        return f"is not a real date-time ({error})"
    if match["day"] and DAYS[moment.weekday()] != match["day"]:
        return f"says {match['day']} but {moment:%Y-%m-%d} is a {DAYS[moment.weekday()]}"
    return None


def w3c_date_problem(value: str) -> str | None:
    match = W3C_DATE.match(value)
    if not match:
        return "is not a W3C date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ss+hh:mm)"
    if match["H"] and not match["tz"]:
        return "has a time but no time zone designator"
    try:
        dt.datetime(int(match["y"]), int(match["m"] or 1), int(match["d"] or 1), int(match["H"] or 0),
                    int(match["M"] or 0), int(match["S"] or 0))
    except ValueError as error:
        return f"is not a real date ({error})"
    return None


def absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class Checker:
    def __init__(self, root: Path):
        self.root = root
        self.findings = Findings(root, "feeds-sitemap")
        self.base: str | None = None

    def site_base(self) -> str | None:
        """scheme://host/ of the site, from the root page's canonical link (None for bare fixtures)."""
        if self.base is None:
            page = self.root / "index.html"
            if page.is_file():
                for link in parse_html(page).iter("link"):
                    if (link.get("rel") or "").lower() == "canonical" and absolute(link.get("href") or ""):
                        parts = urlsplit(link.get("href"))
                        self.base = f"{parts.scheme}://{parts.netloc}/"
            self.base = self.base or ""
        return self.base or None

    def output_file(self, url: str) -> Path | None:
        """The file of the output an absolute URL on the site names (None when off-site)."""
        base = self.site_base()
        if base is None or not url.startswith(base):
            return None
        path = unquote(urlsplit(url).path).lstrip("/")
        local = self.root / path
        return local / "index.html" if url.endswith("/") or path == "" else local

    # --- XML --------------------------------------------------------------------------------------
    def xmllint(self, paths: list[Path]) -> set[Path]:
        """Runs xmllint over all files; returns those it rejected."""
        if not paths:
            return set()
        xmllint = shutil.which("xmllint")
        if xmllint is None:
            print("xmllint not found: install libxml2-utils (make check-tools does)", file=sys.stderr)
            raise SystemExit(2)
        bad = set()
        for path in paths:
            result = subprocess.run([xmllint, "--noout", "--nonet", str(path)], capture_output=True, text=True)
            if result.returncode != 0:
                bad.add(path)
                first = True
                for line in result.stderr.splitlines():
                    match = re.match(r"^(.*?):(\d+): (.*)$", line)
                    if match:
                        self.findings.add(path, int(match.group(2)), f"xmllint: {match.group(3)}")
                        first = False
                if first:
                    self.findings.add(path, 1, f"xmllint: {result.stderr.strip() or 'rejected the file'}")
        return bad

    # --- RSS ----------------------------------------------------------------------------------------
    def rss(self, path: Path, tree: etree._ElementTree) -> None:
        add = lambda element, message: self.findings.add(path, getattr(element, "sourceline", 1), message)
        parsed = feedparser.parse(path.read_bytes())
        if parsed.bozo:
            error = parsed.bozo_exception
            line = getattr(error, "getLineNumber", lambda: 1)()
            self.findings.add(path, line, f"feedparser: bozo: {error}")
        rss = tree.getroot()
        if rss.tag != "rss":
            add(rss, f"root element is <{rss.tag}>, not <rss>")
            return
        if rss.get("version") != "2.0":
            add(rss, f"<rss version={rss.get('version')!r}>: must be \"2.0\"")
        channels = rss.findall("channel")
        if len(channels) != 1:
            add(rss, f"<rss> must hold exactly one <channel>, found {len(channels)}")
            if not channels:
                return
        channel = channels[0]
        for name in ("title", "link", "description"):
            element = channel.find(name)
            if element is None or not (element.text or "").strip():
                add(channel, f"<channel> lacks a non-empty <{name}> (required by RSS 2.0)")
        link = channel.find("link")
        if link is not None and (link.text or "").strip() and not absolute(link.text.strip()):
            add(link, f"<channel><link> {link.text.strip()!r} is not an absolute http(s) URL")
        for name in ("pubDate", "lastBuildDate"):
            for element in channel.findall(name):
                problem = rfc822_problem((element.text or "").strip())
                if problem:
                    add(element, f"<channel><{name}> {element.text!r} {problem}")
        selves = [a for a in channel.findall(f"{{{ATOM}}}link") if a.get("rel") == "self"]
        if not selves:
            add(channel, f"<channel> lacks <atom:link rel=\"self\" href=\"…\" type=\"application/rss+xml\"/> "
                         f"(xmlns:atom=\"{ATOM}\")")
        for self_link in selves:
            href = self_link.get("href") or ""
            if not absolute(href):
                add(self_link, f"<atom:link rel=\"self\"> href {href!r} is not an absolute URL")
            elif self.site_base():
                target = self.output_file(href)
                if target is None or target.resolve() != path.resolve():
                    add(self_link, f"<atom:link rel=\"self\"> href {href!r} is not this feed's own URL")
            if self_link.get("type") not in (None, "application/rss+xml"):
                add(self_link, f"<atom:link rel=\"self\"> type {self_link.get('type')!r}: use application/rss+xml")
        guids: dict[str, int] = {}
        for item in channel.findall("item"):
            title, description = item.find("title"), item.find("description")
            if not any(e is not None and (e.text or "").strip() for e in (title, description)):
                add(item, "<item> has neither a <title> nor a <description>")
            guid = item.find("guid")
            if guid is None or not (guid.text or "").strip():
                add(item, "<item> lacks a <guid>")
            else:
                value = guid.text.strip()
                if (guid.get("isPermaLink") or "true") == "true" and not absolute(value):
                    add(guid, f"<guid> {value!r} is a permalink (no isPermaLink=\"false\") but not an absolute URL")
                if value in guids:
                    add(guid, f"<guid> {value!r} repeats the one on line {guids[value]}")
                guids.setdefault(value, guid.sourceline)
            item_link = item.find("link")
            if item_link is not None and not absolute((item_link.text or "").strip()):
                add(item_link, f"<item><link> {item_link.text!r} is not an absolute http(s) URL")
            dates = item.findall("pubDate")
            if not dates:
                add(item, "<item> lacks a <pubDate>")
            for date in dates:
                problem = rfc822_problem((date.text or "").strip())
                if problem:
                    add(date, f"<pubDate> {date.text!r} {problem}")
            if len(dates) > 1:
                add(dates[1], "<item> has more than one <pubDate>")
            enclosure = item.find("enclosure")
            if enclosure is not None:
                for attribute in ("url", "length", "type"):
                    if not enclosure.get(attribute):
                        add(enclosure, f"<enclosure> lacks the {attribute} attribute")

    # --- sitemap ------------------------------------------------------------------------------------
    def sitemap(self, path: Path, tree: etree._ElementTree) -> None:
        add = lambda element, message: self.findings.add(path, getattr(element, "sourceline", 1), message)
        root = tree.getroot()
        if root.tag == f"{{{SITEMAP}}}sitemapindex":
            for loc in root.iter(f"{{{SITEMAP}}}loc"):
                url = (loc.text or "").strip()
                target = self.output_file(url)
                if not absolute(url):
                    add(loc, f"<loc> {url!r} is not an absolute URL")
                elif target is not None and not target.is_file():
                    add(loc, f"<loc> {url!r}: no such sitemap in the output")
            return
        if root.tag != f"{{{SITEMAP}}}urlset":
            add(root, f"root element is <{etree.QName(root).localname}> in namespace "
                      f"{etree.QName(root).namespace!r}: must be <urlset xmlns=\"{SITEMAP}\">")
            return
        entries: dict[str, tuple[etree._Element, dict[str, str]]] = {}
        for url_element in root:
            if not isinstance(url_element.tag, str):
                continue
            if url_element.tag != f"{{{SITEMAP}}}url":
                add(url_element, f"unexpected <{etree.QName(url_element).localname}> in <urlset>")
                continue
            locs = url_element.findall(f"{{{SITEMAP}}}loc")
            if len(locs) != 1:
                add(url_element, f"<url> must hold exactly one <loc>, found {len(locs)}")
                continue
            loc = (locs[0].text or "").strip()
            if not absolute(loc):
                add(locs[0], f"<loc> {loc!r} is not an absolute http(s) URL")
                continue
            base = self.site_base()
            if base and not loc.startswith(base):
                add(locs[0], f"<loc> {loc!r} is not on the site's base URL {base}")
            target = self.output_file(loc)
            if target is not None and not target.is_file():
                add(locs[0], f"<loc> {loc!r}: no such page in the output")
            if loc in entries:
                add(locs[0], f"<loc> {loc!r} is listed twice (first on line {entries[loc][0].sourceline})")
            for lastmod in url_element.findall(f"{{{SITEMAP}}}lastmod"):
                problem = w3c_date_problem((lastmod.text or "").strip())
                if problem:
                    add(lastmod, f"<lastmod> {lastmod.text!r} {problem}")
            for changefreq in url_element.findall(f"{{{SITEMAP}}}changefreq"):
                if (changefreq.text or "").strip() not in CHANGEFREQ:
                    add(changefreq, f"<changefreq> {changefreq.text!r}: one of {', '.join(sorted(CHANGEFREQ))}")
            for priority in url_element.findall(f"{{{SITEMAP}}}priority"):
                try:
                    ok = 0.0 <= float((priority.text or "").strip()) <= 1.0
                except ValueError:
                    ok = False
                if not ok:
                    add(priority, f"<priority> {priority.text!r}: a number from 0.0 to 1.0")
            alternates: dict[str, str] = {}
            for link in url_element.findall(f"{{{XHTML}}}link"):
                hreflang, href = link.get("hreflang") or "", link.get("href") or ""
                if link.get("rel") != "alternate":
                    add(link, f"<xhtml:link rel={link.get('rel')!r}>: must be rel=\"alternate\"")
                if not LANGUAGE_TAG.match(hreflang):
                    add(link, f"<xhtml:link hreflang={hreflang!r}> is not a language tag")
                    continue
                if not absolute(href):
                    add(link, f"<xhtml:link href={href!r}> is not an absolute URL")
                    continue
                if hreflang in alternates and alternates[hreflang] != href:
                    add(link, f"<xhtml:link hreflang=\"{hreflang}\"> appears twice with different URLs")
                alternates[hreflang] = href
                target = self.output_file(href)
                if target is not None:
                    if not target.is_file():
                        add(link, f"<xhtml:link hreflang=\"{hreflang}\" href=\"{href}\">: no such page in the output")
                    elif hreflang != "x-default" and target.suffix == ".html":
                        lang = (parse_html(target).getroot().get("lang") or "").lower()
                        if lang.split("-")[0] != hreflang.lower().split("-")[0]:
                            add(link, f"<xhtml:link hreflang=\"{hreflang}\" href=\"{href}\">: that page says "
                                      f"<html lang=\"{lang}\">")
            entries.setdefault(loc, (locs[0], alternates))
        # Pairs: each alternate is itself in the sitemap, lists the page back, and each set includes self.
        for loc, (element, alternates) in entries.items():
            if not alternates:
                continue
            if loc not in alternates.values():
                add(element, f"<url> {loc}: its hreflang alternates do not include the page itself")
            own = [lang for lang, href in alternates.items() if href == loc and lang != "x-default"]
            for lang, href in alternates.items():
                if href == loc or lang == "x-default":
                    continue
                if href not in entries:
                    add(element, f"<url> {loc}: alternate hreflang=\"{lang}\" {href} is not a <loc> of this sitemap")
                    continue
                back = entries[href][1]
                if loc not in back.values() or (own and all(back.get(o) != loc for o in own)):
                    add(entries[href][0], f"<url> {href}: does not link back to {loc} "
                                          f"(hreflang pairs must be reciprocal)")

    def robots(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            match = re.match(r"\s*sitemap\s*:\s*(\S*)", line, re.I)
            if match and not absolute(match.group(1)):
                self.findings.add(path, number, f"robots.txt: Sitemap: {match.group(1)!r} must be an absolute URL")

    # --- all ---------------------------------------------------------------------------------------
    def run(self) -> int:
        for required in REQUIRED_FILES:
            if not (self.root / required).is_file():
                self.findings.add(self.root / required, 1, f"missing: the site must have {required} "
                                  f"(REQUIRED_FILES in checks/feeds.py)")
        xml_files = files(self.root, ".xml", ".rss")
        malformed = self.xmllint(xml_files)
        feeds = sitemaps = 0
        for path in xml_files:
            if path in malformed:
                if path.name == "feed.xml":
                    feeds += 1
                    parsed = feedparser.parse(path.read_bytes())
                    if parsed.bozo:
                        self.findings.add(path, getattr(parsed.bozo_exception, "getLineNumber", lambda: 1)(),
                                          f"feedparser: bozo: {parsed.bozo_exception}")
                continue
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
            local = etree.QName(tree.getroot()).localname
            if local == "rss" or path.name == "feed.xml":
                feeds += 1
                self.rss(path, tree)
            elif local in ("urlset", "sitemapindex") or path.name == "sitemap.xml":
                sitemaps += 1
                self.sitemap(path, tree)
        if (self.root / "robots.txt").is_file():
            self.robots(self.root / "robots.txt")
        return self.findings.finish(f"({len(xml_files)} XML file(s): {feeds} feed(s), {sitemaps} sitemap(s))")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    return Checker(require_dir(argv[0])).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
