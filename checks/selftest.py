#!/usr/bin/env python3
"""`make check-site-selftest`: proves that each checker can fail. Each case breaks one thing — in a copy
of the theme (then rebuilds the sample site), in a copy of the built output, or in a copy of the
hand-made good examples of checks/fixtures/site/ — runs the checker that guards it and asserts that
it exits non-zero and says what is wrong. The untouched sample site and the good examples must pass.

usage: selftest.py --binary PATH [--root DIR] [--work DIR]
"""
from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "site"
NOW = "2026-11-23T12:00:00+02:00"
PNG = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
       "hKmMIQAAAABJRU5ErkJggg==")


class SelfTest:
    def __init__(self, binary: str, root: Path, work: Path):
        self.binary = binary
        self.root = root
        self.work = work
        self.passed = 0
        self.failed = 0
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        self.site = self.build("sample", {})

    # --- making broken copies ------------------------------------------------------------------------
    def build(self, name: str, edits: dict[str, tuple[str, str]]) -> Path:
        """Builds the sample site with its theme edited: {theme file: (old text, new text)}."""
        source = self.work / f"src-{name}"
        shutil.copytree(self.root / "content", source / "content")
        shutil.copytree(self.root / "themes", source / "themes")
        for relative, (old, new) in edits.items():
            path = source / "themes" / "default" / relative
            text = path.read_text(encoding="utf-8")
            if old not in text:
                raise SystemExit(f"selftest: {relative} no longer contains {old!r}: update checks/selftest.py")
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
        output = self.work / f"out-{name}"
        subprocess.run([self.binary, "build", "--root", str(source), "--output", str(output), "--now", NOW,
                        "--quiet"], check=True)
        return output

    def copy(self, source: Path, name: str) -> Path:
        target = self.work / name
        shutil.copytree(source, target)
        return target

    @staticmethod
    def edit(path: Path, old: str | bytes, new: str | bytes) -> None:
        data = path.read_bytes()
        old_b = old.encode() if isinstance(old, str) else old
        new_b = new.encode() if isinstance(new, str) else new
        if old_b not in data:
            raise SystemExit(f"selftest: {path} does not contain {old!r}: update checks/selftest.py")
        path.write_bytes(data.replace(old_b, new_b, 1))

    # --- asserting ---------------------------------------------------------------------------------------
    def run(self, checker: str, *args: str) -> tuple[int, str]:
        result = subprocess.run([sys.executable, str(HERE / checker), *map(str, args)], capture_output=True,
                                text=True)
        return result.returncode, result.stdout + result.stderr

    def expect_fail(self, what: str, pattern: str, checker: str, *args) -> None:
        code, output = self.run(checker, *args)
        finding = next((line for line in output.splitlines() if re.search(pattern, line)), None)
        if code == 1 and finding:
            self.passed += 1
            print(f"PASS  {checker} fails on {what}:\n      {finding[:220]}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL  {checker} did not fail as expected on {what} (exit {code}, wanted 1 and a line "
                  f"matching {pattern!r}); its output:\n{output}", flush=True)

    def expect_pass(self, what: str, checker: str, *args) -> None:
        code, output = self.run(checker, *args)
        if code == 0:
            self.passed += 1
            print(f"PASS  {checker} passes {what}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL  {checker} should pass {what} (exit {code}); its output:\n{output}", flush=True)

    # --- the cases -----------------------------------------------------------------------------------------
    def html_and_accessibility(self) -> None:
        img = self.build("img-without-alt", {"templates/article.mustache": (
            '<div class="prose">', f'<img src="{PNG}" width="40" height="40">\n<div class="prose">')})
        self.expect_fail("an <img> without alt in article.mustache", r"vnu error: .*alt", "html_validity.py", img)
        self.expect_fail("an <img> without alt in article.mustache", r"axe image-alt", "browser.py", img,
                         "--kinds", "article", "--no-screenshots")
        duplicate = self.build("duplicate-id", {"templates/site-footer.mustache": (
            '<footer class="site-footer">', '<footer class="site-footer" id="main">')})
        self.expect_fail("a duplicated id (id=\"main\" twice, site-footer.mustache)", r"vnu error: Duplicate ID",
                         "html_validity.py", duplicate)
        label = self.build("unlabelled-input", {"templates/page.mustache": (
            '<div class="prose">', '<input type="checkbox" disabled>\n<div class="prose">')})
        self.expect_fail("a form control without a label (page.mustache)", r"axe label", "browser.py", label,
                         "--kinds", "page", "--no-screenshots")
        contrast = self.build("low-contrast", {"static/site.css": ("--muted: #4a525c;", "--muted: #b0b0b0;")})
        self.expect_fail("grey text below 4.5:1 contrast (site.css)", r"axe color-contrast", "browser.py", contrast,
                         "--kinds", "home", "--no-screenshots")

    def reflow_and_text_size(self) -> None:
        wide = self.build("too-wide", {"static/site.css": (
            ".site-title {", ".site-title { white-space: nowrap; min-width: 30rem;")})
        self.expect_fail("a header that cannot shrink below 480 px (site.css)", r"reflow \(320 px\)", "browser.py",
                         wide, "--kinds", "home", "--no-screenshots")
        clipped = self.build("cut-off", {"static/site.css": (
            ".lead {", "html.text-size-3 .lead { max-height: 2em; overflow: hidden; }\n.lead {")})
        self.expect_fail("a lead paragraph cut off at 200 % text (site.css)", r"cut off \(text 200 %", "browser.py",
                         clipped, "--kinds", "home", "--no-screenshots")
        no_control = self.build("text-size-broken", {"static/site.css": (
            "html.text-size-3 { font-size: 200%; }", "html.text-size-3 { font-size: 150%; }")})
        self.expect_fail("a text-size control whose largest step is not 200 % (site.css)", r"text size .*not 200 %",
                         "browser.py", no_control, "--kinds", "home", "--no-screenshots")
        tall = self.build("tall-header", {"static/site.css": (
            ".site-header {", ".site-header { padding-top: 9rem;")})
        self.expect_fail("a header 144 px taller on a phone (site.css)", r"phone budget \(375 px\): the first heading",
                         "browser.py", tall, "--kinds", "home", "--no-screenshots")
        dead = self.build("text-size-dead", {"static/site.js": ('"text-size-3"]', '"text-size-big"]')})
        self.expect_fail("a text-size control that never sets text-size-3 (site.js)", r"lacks class text-size-3",
                         "browser.py", dead, "--kinds", "article", "--no-screenshots")

    def search_and_nginx(self) -> None:
        deaf = self.build("search-deaf", {"static/search.js": (
            'normalize(text || "").split(', 'normalize(text || "").toUpperCase().split(')})
        self.expect_fail("a search script that no longer finds words (search.js)", r"did not find",
                         "search_check.py", deaf)
        plain = self.build("search-plain-forms", {"static/search.js": (
            "return named.some(function (stem) { return stems.indexOf(stem) >= 0; });", "return false;")})
        self.expect_fail("excerpts that mark only words beginning with a stem (search.js)", r"the excerpts mark",
                         "search_check.py", plain)
        shallow = self.build("search-no-passages", {"static/search.js": (
            "var passages = hit.index.passages[hit.id] || [];", "var passages = [];")})
        self.expect_fail("results that show no passage for a word deep in the body (search.js)",
                         r"first screens' results show a marked word", "search_check.py", shallow)
        typo = self.build("search-no-typos", {"static/search.js": (
            "if (n > bestCount) { best = candidate; bestCount = n; }", "if (false) { best = candidate; bestCount = n; }")})
        self.expect_fail("a search script that offers nothing for a typo (search.js)", r"did not offer",
                         "search_check.py", typo)
        conf = self.work / "nginx-wrong-type.conf"
        text = (self.root / "docs" / "nginx.conf").read_text(encoding="utf-8")
        conf.write_text(text.replace("default_type application/rss+xml;", "default_type text/plain;", 1), encoding="utf-8")
        site = self.build("nginx", {})
        self.expect_fail("feeds served as text/plain (docs/nginx.conf)", r"feed\.xml: Content-Type",
                         "nginx_check.py", site, "--conf", conf)
        self.expect_pass("the documented server block", "nginx_check.py", site)

    def dark_scheme_and_print(self) -> None:
        dark = self.build("dark-low-contrast", {"static/site.css": (
            "--muted: #b8c0ca;        /* 10.2:1 */", "--muted: #3a3f46;")})
        self.expect_fail("grey text below 4.5:1 in the dark scheme only (site.css)", r"axe color-contrast .*dark",
                         "browser.py", dark, "--kinds", "home", "--no-screenshots")
        large = self.build("print-too-long", {"static/site.css": (
            ":root, html.text-size-1, html.text-size-2, html.text-size-3 { font-size: 10.5pt; }",
            ":root, html.text-size-1, html.text-size-2, html.text-size-3 { font-size: 24pt; }")})
        self.expect_fail("print styles that spread a practice over more than 2 A4 pages (site.css)",
                         r"prints on \d+ A4 pages", "print_check.py", large)
        letter = self.build("print-not-a4", {"static/site.css": ("@page { size: A4;", "@page { size: letter;")})
        self.expect_fail("a print stylesheet for US Letter (site.css)", r"not A4", "print_check.py", letter)
        self.expect_pass("the sample practice pages in print", "print_check.py", self.site)

    def links(self) -> None:
        broken = self.build("broken-link", {"templates/notfound.mustache": (
            '<ul class="links">', '<p><a href="/fi/ei-ole-olemassa/">x</a></p>\n<ul class="links">')})
        self.expect_fail("a link to a page that does not exist (notfound.mustache)", r"broken link: .*ei-ole-olemassa",
                         "links.py", broken)
        anchor = self.build("broken-anchor", {"templates/base.mustache": (
            'href="#main"', 'href="#mian"')})
        self.expect_fail("a skip link to an anchor that does not exist (base.mustache)", r"broken anchor: .*#mian",
                         "links.py", anchor)
        copy = self.copy(self.site, "out-deleted-page")
        victim = next(p for p in sorted(copy.rglob("index.html")) if p.parent.parent.name in ("artikkelit",))
        victim.unlink()
        self.expect_fail(f"a deleted page ({victim.relative_to(copy).parent}/) that others link to",
                         r"broken link: .*no such file", "links.py", copy)
        orphan = self.copy(self.site, "out-orphan-page")
        (orphan / "fi" / "orpo").mkdir()
        shutil.copy(orphan / "fi" / "404.html", orphan / "fi" / "orpo" / "index.html")
        self.expect_fail("a page no link leads to (fi/orpo/)", r"fi/orpo/index.html:1: unreachable", "links.py", orphan)

    def feeds(self) -> None:
        self.expect_pass("the hand-made good feeds, sitemap and robots.txt", "feeds.py", FIXTURE)
        self.expect_pass("the links of the hand-made good examples", "links.py", FIXTURE)
        cases = [
            ("a pubDate in ISO 8601, not RFC 822", "fi/feed.xml", "Thu, 03 Dec 2026 08:30:00 +0200",
             "2026-12-03T08:30:00+02:00", r"pubDate.*not an RFC 822"),
            ("a pubDate whose weekday is wrong", "fi/feed.xml", "Thu, 03 Dec", "Fri, 03 Dec", r"says Fri"),
            ("a pubDate on 31 November", "sv/feed.xml", "Thu, 03 Dec", "Thu, 31 Nov", r"not a real date"),
            ("a feed that is not well-formed XML", "fi/feed.xml", "&amp; tapahtumat", "& tapahtumat",
             r"xmllint: parser error"),
            ("a feed that is not well-formed XML (feedparser)", "sv/feed.xml", "</channel>", "<item></channel>",
             r"feedparser: bozo"),
            ("a channel without a title", "fi/feed.xml", "<title>Kulttuuria yhteistuumin</title>", "",
             r"lacks a non-empty <title>"),
            ("an item without a guid", "fi/feed.xml", "<guid>https://example.fi/fi/tapahtumat/</guid>", "",
             r"lacks a <guid>"),
            ("an atom:link rel=self naming another feed", "fi/feed.xml", 'href="https://example.fi/fi/feed.xml"',
             'href="https://example.fi/sv/feed.xml"', r"not this feed's own URL"),
            ("an hreflang pair that is not reciprocal", "sitemap.xml",
             '<xhtml:link rel="alternate" hreflang="fi" href="https://example.fi/fi/tapahtumat/"/>\n</url>',
             "</url>", r"reciprocal"),
            ("an hreflang alternate to a missing page", "sitemap.xml", 'href="https://example.fi/sv/tapahtumat/"/>',
             'href="https://example.fi/sv/evenemang/"/>', r"no such page"),
            ("a sitemap lastmod that is not a W3C date", "sitemap.xml", "<lastmod>2026-11-23</lastmod>",
             "<lastmod>23.11.2026</lastmod>", r"not a W3C date"),
            ("a relative sitemap loc", "sitemap.xml", "<loc>https://example.fi/</loc>", "<loc>/</loc>",
             r"not an absolute"),
        ]
        for number, (what, path, old, new, pattern) in enumerate(cases):
            copy = self.copy(FIXTURE, f"feed-{number}")
            self.edit(copy / path, old, new)
            self.expect_fail(what, pattern, "feeds.py", copy)
        feed = next(iter(sorted(self.site.rglob("feed.xml"))), None)
        if feed is None:
            print("note  the sample site has no feed.xml yet: only the hand-made examples were broken")
            return
        copy = self.copy(self.site, "out-bad-pubdate")
        target = copy / feed.relative_to(self.site)
        text = target.read_text(encoding="utf-8")
        if "<pubDate>" in text:
            target.write_text(re.sub(r"<pubDate>[^<]*</pubDate>", "<pubDate>2026-13-45 25:00</pubDate>", text,
                                     count=1), encoding="utf-8")
            self.expect_fail(f"a malformed pubDate in the site's {feed.relative_to(self.site)}",
                             r"pubDate.*not an RFC 822", "feeds.py", copy)

    def calendars(self) -> None:
        self.expect_pass("the hand-made good .ics files", "calendars.py", FIXTURE)
        ics = "fi/tapahtumat/kalenteri.ics"
        cases = [
            ("LF line endings instead of CRLF", b"\r\n", b"\n", r"bare LF, not CRLF"),
            ("an unescaped comma in LOCATION", b"LOCATION:Teams", b"LOCATION:Teams, Helsinki",
             r"unescaped ','"),
            ("an event without DTSTAMP", b"DTSTAMP:20261123T100000Z\r\n", b"", r"VEVENT lacks DTSTAMP"),
            ("an unfolded line of 110 octets", b"SUMMARY:Kuntavierailu Turkuun",
             b"SUMMARY:Kuntavierailu Turkuun " + b"x" * 80, r"fold lines longer than 75 octets"),
            ("an impossible DTSTART (strict ical parser)", b"DTSTART;TZID=Europe/Helsinki:20261203T083000",
             b"DTSTART;TZID=Europe/Helsinki:20261203T083060", r"ical \(strict parser\) rejects"),
            ("a TZID without VTIMEZONE", b"TZID:Europe/Helsinki", b"TZID:Europe/Stockholm", r"no VTIMEZONE"),
        ]
        for number, (what, old, new, pattern) in enumerate(cases):
            copy = self.copy(FIXTURE, f"ics-{number}")
            path = copy / ics
            data = path.read_bytes()
            path.write_bytes(data.replace(old, new) if old == b"\r\n" else data.replace(old, new, 1))
            if path.read_bytes() == data:
                raise SystemExit(f"selftest: {ics} does not contain {old!r}: update checks/selftest.py")
            self.expect_fail(what, pattern, "calendars.py", copy)
        site_ics = next(iter(sorted(self.site.rglob("*.ics"))), None)
        if site_ics is None:
            print("note  the sample site has no .ics yet: only the hand-made examples were broken")
            return
        copy = self.copy(self.site, "out-bad-ics")
        target = copy / site_ics.relative_to(self.site)
        target.write_bytes(target.read_bytes().replace(b"\r\n", b"\n"))
        self.expect_fail(f"LF line endings in the site's {site_ics.relative_to(self.site)}", r"bare LF",
                         "calendars.py", copy)

    def sample_site_passes(self) -> None:
        for checker in ("html_validity.py", "links.py", "feeds.py", "calendars.py"):
            self.expect_pass("the unbroken sample site", checker, self.site)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--root", default=".")
    parser.add_argument("--work", default=".checks/selftest")
    args = parser.parse_args(argv)
    test = SelfTest(args.binary, Path(args.root).resolve(), Path(args.work))
    test.sample_site_passes()
    test.html_and_accessibility()
    test.links()
    test.feeds()
    test.calendars()
    test.reflow_and_text_size()
    test.search_and_nginx()
    test.dark_scheme_and_print()
    print(f"\nself-test: {test.passed} passed, {test.failed} failed")
    return 1 if test.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
