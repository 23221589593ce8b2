#!/usr/bin/env python3
"""Links: every internal link and anchor in the output resolves.

Reads every HTML file with libxml2 (lxml) and follows every URL it names — href, src, srcset, poster,
action, data, the canonical and hreflang links — plus the URLs in XML files (feeds, sitemap: <link>,
<guid>, <loc>, atom/xhtml links, enclosures), `URL:` lines of .ics files and `Sitemap:` lines of
robots.txt. A URL is internal when it is root-relative, relative, or absolute on the site's base URL
(learned from the root page's canonical link). Internal URLs must name a file of the output
(`/x/` → `/x/index.html`); a `#fragment` must match an `id` (or `<a name>`) in the target page. Pages
that no link from the root page reaches are findings too (404 pages and stand-alone e-mails excepted).

usage: links.py OUTPUT_DIR
"""
from __future__ import annotations

import re
import sys
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree

from common import Findings, base_url, files, parse_html, require_dir, url_path

# Element → attributes holding one URL.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",), "img": ("src",), "script": ("src",),
    "iframe": ("src",), "source": ("src",), "track": ("src",), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "form": ("action",), "input": ("src",), "blockquote": ("cite",),
    "q": ("cite",), "ins": ("cite",), "del": ("cite",), "use": ("href", "{http://www.w3.org/1999/xlink}href"),
}
SRCSET_ELEMENTS = ("img", "source")
SKIP_SCHEMES = ("mailto", "tel", "sms", "data", "javascript", "webcal", "geo", "urn")
# Pages nothing has to link to: error pages, and e-mail versions of newsletters (sent, not browsed).
UNLINKED_OK = re.compile(r"(^|/)(404|50\d)\.html$|(^|/)email\.html$")

XML_URL_ELEMENTS = {"link", "guid", "loc", "comments", "docs", "url"}


class Site:
    def __init__(self, root: Path):
        self.root = root
        self.base = base_url(root)
        self.base_parts = urlsplit(self.base)
        self.ids: dict[Path, set[str]] = {}
        self.findings = Findings(root, "links")
        self.links_from: dict[Path, set[Path]] = {}
        self.checked = 0

    # --- resolving -------------------------------------------------------------------------------
    def target(self, url: str, page_url: str) -> tuple[str, Path | None, str | None, str | None]:
        """('external'|'skip'|'internal', file, fragment, problem) for a URL seen on a page."""
        url = url.strip()
        if not url:
            return "internal", None, None, "empty URL"
        scheme = urlsplit(url).scheme.lower()
        if scheme in SKIP_SCHEMES:
            return "skip", None, None, None
        absolute = urljoin(page_url, url)
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.base_parts.netloc.lower():
            return "external", None, None, None
        if parts.scheme != self.base_parts.scheme:
            return "internal", None, None, f"uses {parts.scheme}: but the site is {self.base_parts.scheme}:"
        path = unquote(parts.path) or "/"
        fragment = unquote(parts.fragment) if parts.fragment else None
        if "/../" in path + "/" or path.startswith("//"):
            return "internal", None, fragment, "climbs above the site root"
        local = self.root / path.lstrip("/")
        if path.endswith("/"):
            local = local / "index.html"
        elif local.is_dir():
            return "internal", None, fragment, "names a folder without the trailing slash"
        if not local.is_file():
            return "internal", None, fragment, "no such file in the output"
        return "internal", local, fragment, None

    def check(self, source: Path, line: int | None, url: str, page_url: str, what: str) -> None:
        kind, local, fragment, problem = self.target(url, page_url)
        if kind != "internal":
            return
        self.checked += 1
        if problem:
            self.findings.add(source, line, f"broken link: {what} {url!r} {problem}")
            return
        if fragment is not None and local is not None:
            if fragment == "":
                self.findings.add(source, line, f"broken link: {what} {url!r} has an empty fragment '#'")
            elif fragment.startswith(":~:"):
                pass  # text fragment
            elif local.suffix in (".html", ".htm") and fragment not in self.ids_of(local):
                self.findings.add(source, line, f"broken anchor: {what} {url!r}: no id=\"{fragment}\" in "
                                  f"{self.findings.show(local)}")
        if local is not None and source.suffix in (".html", ".htm") and what in ("<a href>", "<area href>", "<form action>"):
            # a GET form is a way in too: the header's search field is how readers reach the search page
            self.links_from.setdefault(source, set()).add(local)

    def ids_of(self, page: Path) -> set[str]:
        if page not in self.ids:
            tree = parse_html(page)
            found = {e.get("id") for e in tree.iter() if isinstance(e.tag, str) and e.get("id")}
            found |= {a.get("name") for a in tree.iter("a") if a.get("name")}
            self.ids[page] = found
        return self.ids[page]

    def page_url(self, path: Path) -> str:
        return urljoin(self.base, url_path(self.root, path).lstrip("/"))

    # --- reading ---------------------------------------------------------------------------------
    def html(self, page: Path) -> None:
        tree = parse_html(page)
        page_url = self.page_url(page)
        base = tree.find(".//head/base")
        if base is not None and base.get("href"):
            page_url = urljoin(page_url, base.get("href"))
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            tag = element.tag.lower()
            for attribute in URL_ATTRIBUTES.get(tag, ()):
                value = element.get(attribute)
                if value is not None:
                    name = attribute.split("}")[-1]
                    self.check(page, element.sourceline, value, page_url, f"<{tag} {name}>")
            if tag in SRCSET_ELEMENTS and element.get("srcset"):
                for candidate in element.get("srcset").split(","):
                    if candidate.strip():
                        self.check(page, element.sourceline, candidate.split()[0], page_url, f"<{tag} srcset>")
            if tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", element.get("content") or "", re.I)
                if match:
                    self.check(page, element.sourceline, match.group(1), page_url, "<meta refresh>")

    def xml(self, path: Path) -> None:
        try:
            tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return  # the feeds checker reports malformed XML
        page_url = self.page_url(path)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname
            if local in XML_URL_ELEMENTS and element.text and element.text.strip() and len(element) == 0:
                if local == "guid" and (element.get("isPermaLink") or "true").lower() == "false":
                    continue
                if local == "url" and not re.match(r"(https?:)?/", element.text.strip()):
                    continue
                self.check(path, element.sourceline, element.text.strip(), page_url, f"<{local}>")
            for attribute in ("href", "url"):
                if element.get(attribute):
                    self.check(path, element.sourceline, element.get(attribute), page_url, f"<{local} {attribute}>")

    def ics(self, path: Path) -> None:
        text = path.read_bytes().decode("utf-8", "replace")
        # Unfold (CRLF or LF followed by a space or tab), remembering each logical line's first line.
        lines = re.split(r"\r?\n", text)
        logical: list[tuple[int, str]] = []
        for number, line in enumerate(lines, 1):
            if line[:1] in (" ", "\t") and logical:
                logical[-1] = (logical[-1][0], logical[-1][1] + line[1:])
            else:
                logical.append((number, line))
        for number, line in logical:
            match = re.match(r"(URL|[A-Z-]*;VALUE=URI)[^:]*:(.+)$", line, re.I)
            if match:
                self.check(path, number, match.group(2).strip(), self.page_url(path), "URL:")

    def robots(self, path: Path) -> None:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            match = re.match(r"\s*sitemap\s*:\s*(\S+)", line, re.I)
            if match:
                self.check(path, number, match.group(1), self.page_url(path), "Sitemap:")

    def unreachable(self) -> list[Path]:
        start = self.root / "index.html"
        seen = {start}
        queue = deque([start])
        while queue:
            for target in self.links_from.get(queue.popleft(), ()):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        return [p for p in files(self.root, ".html")
                if p not in seen and not UNLINKED_OK.search(p.relative_to(self.root).as_posix())]


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    root = require_dir(argv[0])
    site = Site(root)
    pages = files(root, ".html", ".htm")
    for page in pages:
        site.html(page)
    for path in files(root, ".xml", ".rss", ".atom"):
        site.xml(path)
    for path in files(root, ".ics"):
        site.ics(path)
    if (root / "robots.txt").is_file():
        site.robots(root / "robots.txt")
    if (root / "index.html").is_file():
        for page in site.unreachable():
            site.findings.add(page, 1, "unreachable: no chain of links from the root page leads here")
    return site.findings.finish(f"({site.checked} internal URLs in {len(pages)} pages and other files)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
