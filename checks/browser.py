#!/usr/bin/env python3
"""Accessibility, reflow, text size and screenshots in headless Chromium (Debian's chromium +
chromium-driver, Selenium, axe-core 4.x from PyPI's selenium-axe-python).

The output is served on 127.0.0.1 at a free port (pages use root-relative URLs). Pages are picked
automatically: every page says its kind in `<body class="page-KIND">` and its language in `<html lang>`;
the first page (in path order) of each (kind, language) is checked, and the largest file of that kind
too when it is another page (the one with the most in it), so a new kind of page is covered without
editing this file. Pages without a kind (a newsletter's stand-alone e-mail HTML) count as the
kind `file-NAME`. On each picked page:

1. axe-core with the WCAG 2.0 and 2.1 A and AA rules (tags wcag2a wcag2aa wcag21a wcag21aa) at 1280 px
   and at 375 px, each in the light and in the dark colour scheme (`prefers-color-scheme` emulated
   through the DevTools protocol, and confirmed with matchMedia): every violation is a finding;
2. reflow (WCAG 1.4.10) at 320 CSS px wide: no horizontal scrolling (scrollWidth <= innerWidth), no
   element sticking out to the right unless inside its own scrolling box (wide tables may scroll), no
   content cut off by overflow: hidden; then axe again; a screenshot;
3. text at 200 % (WCAG 1.4.4) through the site's own text-size control: three clicks on A+ at 1280 px
   must put `class="text-size-3"` on <html> and make body text 32 px; the choice must survive a fresh
   load at 320 px (localStorage `tietopankki-text-size`); the same reflow and cut-off checks at both
   widths, axe again; screenshots. Pages without the control (the root page, an e-mail) are checked
   at 640 px instead, which is how a 1280 px window lays out at the browser's own 200 % zoom.
4. the phone budget: at 375 px the page's first heading starts within 250 px of the top, so the header
   (logo, menu button, language link, a missing-translation note) leaves the content in view.

Screenshots (full page PNGs) of every kind of page in SCREENSHOT_KINDS in both languages (the
largest page of each kind), at 1280 px (desktop) and 375 px (mobile), light and dark, go to --screenshots
(default: screenshots/), beside those of every checked page at 320 px and 200 % text.

usage: browser.py OUTPUT_DIR [--screenshots DIR] [--kinds KIND,...] [--new-vs OTHER_OUTPUT]
                             [--no-screenshots]
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium_axe_python import Axe

from common import Findings, LoopbackServer, files, page_kind, page_lang, pages_by_kind, parse_html, \
    require_dir, squash, url_path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TEXT_SIZE_KEY = "tietopankki-text-size"
TEXT_SIZE_MAX = "3"  # the control's largest step: html.text-size-3 { font-size: 200% }
# Kinds of page to take screenshots of (those that exist), in this order; term pages under any of
# these names.
SCREENSHOT_KINDS = ["home", "article", "practice", "event", "page", "root", "root-notfound", "notfound", "search", "browse", "term", "region", "theme", "tag"]
DESKTOP, MOBILE, REFLOW = 1280, 375, 320
# On a MOBILE-wide screen the first heading must start within this many CSS px of the page's top.
PHONE_BUDGET = 250
# The first heading's top (from the page's top) and its XPath, or null when the page has none.
FIRST_HEADING_JS = r"""
const h = document.querySelector('h1, h2, h3, h4, h5, h6');
if (!h) return null;
const parts = [];
for (let el = h; el && el.nodeType === 1; el = el.parentElement) {
  let index = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) index++;
  parts.unshift(el.localName + '[' + index + ']');
}
return {top: Math.round(h.getBoundingClientRect().top + window.scrollY), xpath: '/' + parts.join('/')};
"""

# Returns {scrollWidth, innerWidth, sticking: [...], clipped: [...]} for the current layout; each
# problem element comes with an XPath (to find its source line) and a short description.
LAYOUT_JS = r"""
const viewport = window.innerWidth;
const doc = document.documentElement;
function xpath(el) {
  const parts = [];
  for (; el && el.nodeType === 1; el = el.parentElement) {
    let index = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) index++;
    parts.unshift(el.localName + '[' + index + ']');
  }
  return '/' + parts.join('/');
}
function describe(el) {
  let d = '<' + el.localName + (el.id ? ' id="' + el.id + '"' : '') + (el.className && typeof el.className === 'string' ? ' class="' + el.className + '"' : '') + '>';
  const text = (el.innerText || el.textContent || '').trim().replace(/\s+/g, ' ');
  return d + (text ? ' "' + text.slice(0, 50) + '"' : '');
}
function hiddenByDesign(el, r) {
  // visually-hidden text (1px boxes) and elements moved off-screen on purpose (skip links)
  return (r.width <= 1 && r.height <= 1) || r.bottom < 0 || r.right < 0;
}
function inScroller(el) {
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const ox = getComputedStyle(p).overflowX;
    if (ox === 'auto' || ox === 'scroll') return true;
  }
  return false;
}
const sticking = [], clipped = [];
for (const el of document.body.querySelectorAll('*')) {
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const r = el.getBoundingClientRect();
  if (hiddenByDesign(el, r)) continue;
  if (r.right > viewport + 1 && !inScroller(el)) {
    const parent = el.parentElement;
    const pr = parent ? parent.getBoundingClientRect() : null;
    if (!pr || pr.right <= viewport + 1 || parent === document.body)
      sticking.push({xpath: xpath(el), what: describe(el), right: Math.round(r.right)});
  }
  const ox = style.overflowX, oy = style.overflowY;
  const clipX = (ox === 'hidden' || ox === 'clip') && el.scrollWidth > el.clientWidth + 1;
  const clipY = (oy === 'hidden' || oy === 'clip') && el.scrollHeight > el.clientHeight + 1;
  const ellipsis = style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1;
  if (clipX || clipY || ellipsis)
    clipped.push({xpath: xpath(el), what: describe(el), how: clipX ? 'width' : (clipY ? 'height' : 'ellipsis')});
}
return {scrollWidth: doc.scrollWidth, innerWidth: viewport, sticking: sticking.slice(0, 10), clipped: clipped.slice(0, 10)};
"""

XPATH_OF_SELECTOR_JS = r"""
let el = document.querySelector(arguments[0]);
const parts = [];
for (; el && el.nodeType === 1; el = el.parentElement) {
  let index = 1;
  for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === el.localName) index++;
  parts.unshift(el.localName + '[' + index + ']');
}
return parts.length ? '/' + parts.join('/') : null;
"""


def start_browser() -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=fi",
                     "--window-size=1280,900", "--disable-extensions", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    service = Service(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


class Browser:
    def __init__(self, root: Path, server: LoopbackServer, findings: Findings, screenshots: Path | None):
        self.root = root
        self.server = server
        self.findings = findings
        self.screenshots = screenshots
        self.driver = start_browser()
        self.axe = Axe(self.driver)
        self.trees: dict[Path, object] = {}
        self.axe_runs = 0
        self.pending: dict = {}

    def close(self) -> None:
        self.driver.quit()

    # --- helpers -----------------------------------------------------------------------------------
    def viewport(self, width: int, height: int = 900) -> None:
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def scheme(self, name: str) -> None:
        """Emulates `prefers-color-scheme: NAME` (light or dark) for the pages loaded after this."""
        self.driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"features": [{"name": "prefers-color-scheme", "value": name}]})

    def check_scheme(self, page: Path, name: str) -> None:
        if not self.driver.execute_script(f"return matchMedia('(prefers-color-scheme: {name})').matches"):
            self.findings.add(page, 1, f"colour scheme: the browser does not report prefers-color-scheme: {name} "
                                       f"(emulation failed), so the {name} scheme went unchecked")

    def load(self, page: Path, text_size: str | None | bool = False) -> None:
        """Opens a page; text_size None forgets the stored text size, a string stores it, False keeps it."""
        url = self.server.url + url_path(self.root, page)
        self.driver.get(url)
        if text_size is not False:
            self.driver.execute_script(
                "try { if (arguments[0] === null) localStorage.removeItem(arguments[1]);"
                " else localStorage.setItem(arguments[1], arguments[0]); } catch (e) {}", text_size, TEXT_SIZE_KEY)
            self.driver.get(url)  # reload so the stored size applies as the page starts, as for a reader
        self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "(document.fonts ? document.fonts.ready : Promise.resolve()).then(() => done(true))")

    def line(self, page: Path, xpath: str | None) -> int:
        if not xpath:
            return 1
        if page not in self.trees:
            self.trees[page] = parse_html(page)
        try:
            found = self.trees[page].xpath(xpath)
        except Exception:  # noqa: BLE001 - an XPath the parser's tree cannot follow
            found = []
        if not found:  # libxml2 may build a slightly different tree (implied tbody): retry without indices
            return 1
        return found[0].sourceline or 1

    def shoot(self, page: Path, folder: str, name: str) -> Path | None:
        if self.screenshots is None:
            return None
        target = self.screenshots / folder / f"{name}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        size = self.driver.execute_script(
            "return [document.documentElement.scrollWidth, Math.max(document.documentElement.scrollHeight,"
            " document.body ? document.body.scrollHeight : 0)]")
        width = self.driver.execute_script("return window.innerWidth")
        shot = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "fromSurface": True,
            "clip": {"x": 0, "y": 0, "width": max(width, size[0]), "height": min(size[1], 16000), "scale": 1}})
        target.write_bytes(base64.b64decode(shot["data"]))
        return target

    # --- checks ------------------------------------------------------------------------------------
    def run_axe(self, page: Path, situation: str) -> None:
        self.axe.inject()
        options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        results = self.axe.run(options=options)
        self.axe_runs += 1
        for violation in results.get("violations", []):
            for node in violation.get("nodes", []):
                target = node.get("target", ["?"])[0]
                selector = target if isinstance(target, str) else " ".join(target)
                xpath = self.driver.execute_script(XPATH_OF_SELECTOR_JS, selector) if isinstance(target, str) else None
                summary = squash(node.get("failureSummary", "").replace("Fix any of the following:", "")
                                 .replace("Fix all of the following:", ""), 200)
                key = (violation["id"], selector)
                if key in self.pending:
                    self.pending[key][1].append(situation)
                else:
                    self.pending[key] = (self.line(page, xpath), [situation], violation, selector, summary)

    def flush_axe(self, page: Path) -> None:
        """One finding per rule and element, naming every situation (width, text size) it was seen in."""
        for line, situations, violation, selector, summary in self.pending.values():
            self.findings.add(page, line, f"axe {violation['id']} ({violation.get('impact')}; "
                                          f"{', '.join(situations)}): {violation['help']} — {selector} — "
                                          f"{summary} [{violation.get('helpUrl', '')}]")
        self.pending = {}

    def layout(self, page: Path, situation: str) -> None:
        result = self.driver.execute_script(LAYOUT_JS)
        if result["scrollWidth"] > result["innerWidth"]:
            self.findings.add(page, 1, f"reflow ({situation}): the page scrolls sideways: "
                                       f"scrollWidth {result['scrollWidth']} px > window {result['innerWidth']} px")
        for item in result["sticking"]:
            self.findings.add(page, self.line(page, item["xpath"]),
                              f"reflow ({situation}): {item['what']} reaches {item['right']} px, past the "
                              f"{result['innerWidth']} px window (cut off or scrolls sideways)")
        for item in result["clipped"]:
            self.findings.add(page, self.line(page, item["xpath"]),
                              f"cut off ({situation}): {item['what']} hides part of its content ({item['how']}, "
                              f"overflow: hidden / text-overflow)")

    def phone_budget(self, page: Path) -> None:
        heading = self.driver.execute_script(FIRST_HEADING_JS)
        if heading and heading["top"] > PHONE_BUDGET:
            self.findings.add(page, self.line(page, heading["xpath"]),
                              f"phone budget ({MOBILE} px): the first heading starts {heading['top']} px from the "
                              f"top, past {PHONE_BUDGET} px (the header pushes the content out of view)")

    def has_text_size_control(self) -> bool:
        return self.driver.execute_script("return !!document.querySelector('.text-size')")

    def choose_largest_text(self, page: Path, situation: str) -> None:
        """Clicks A+ until the control's largest step, as a reader would (the choice is remembered)."""
        if not self.driver.execute_script("const g = document.querySelector('.text-size'); return g && !g.hidden"):
            self.findings.add(page, 1, f"text size ({situation}): the text-size control stays hidden "
                                       f"(does /assets/site.js run?)")
            return
        larger = self.driver.find_elements(By.CSS_SELECTOR, '.text-size [data-text-size="1"]')
        if not larger:
            self.findings.add(page, 1, f"text size ({situation}): no A+ button (data-text-size=\"1\")")
            return
        for _ in range(int(TEXT_SIZE_MAX)):
            larger[0].click()

    def text_size(self, page: Path, situation: str) -> None:
        classes = self.driver.execute_script("return document.documentElement.className").split()
        if f"text-size-{TEXT_SIZE_MAX}" not in classes:
            self.findings.add(page, 1, f"text size ({situation}): <html> lacks class text-size-{TEXT_SIZE_MAX} "
                                       f"after choosing the largest size")
        ratio = self.driver.execute_script(
            "const b = parseFloat(getComputedStyle(document.body).fontSize); return b / 16")
        if ratio < 1.99:
            self.findings.add(page, 1, f"text size ({situation}): body text is {ratio * 100:.0f} % of 16 px, "
                                       f"not 200 %")

    def check_page(self, page: Path, name: str) -> None:
        self.viewport(DESKTOP)
        self.load(page, text_size=None)
        self.run_axe(page, f"{DESKTOP} px")
        self.layout(page, f"{DESKTOP} px")
        control = self.has_text_size_control()
        self.viewport(MOBILE)
        self.load(page, text_size=None)
        self.phone_budget(page)
        self.run_axe(page, f"{MOBILE} px")
        self.layout(page, f"{MOBILE} px")
        # The dark scheme at both widths: its own colours must keep every contrast.
        self.scheme("dark")
        try:
            for width in (DESKTOP, MOBILE):
                self.viewport(width)
                self.load(page)
                self.check_scheme(page, "dark")
                self.run_axe(page, f"{width} px dark")
        finally:
            self.scheme("light")
        self.viewport(REFLOW)
        self.load(page)
        self.layout(page, f"{REFLOW} px")
        self.run_axe(page, f"{REFLOW} px")
        self.shoot(page, f"reflow-{REFLOW}", name)
        if control:
            # 200 % through the site's own control: three clicks on A+ at 1280 px, then the remembered
            # choice on a fresh load at 320 px.
            for width in (DESKTOP, REFLOW):
                situation = f"text 200 % at {width} px"
                self.viewport(width)
                self.load(page)
                if width == DESKTOP:
                    self.choose_largest_text(page, situation)
                self.text_size(page, situation)
                self.layout(page, situation)
                if width == DESKTOP:
                    self.run_axe(page, situation)
                self.shoot(page, f"text-200-{width}", name)
            self.load(page, text_size=None)
        else:
            # No control (the root page, an e-mail): the browser's own 200 % zoom, which lays a 1280 px
            # window out like a 640 px one.
            situation = f"browser zoom 200 % ({DESKTOP // 2} px)"
            self.viewport(DESKTOP // 2)
            self.load(page)
            self.layout(page, situation)
            self.run_axe(page, situation)
            self.shoot(page, f"text-200-{DESKTOP}", name)
        self.flush_axe(page)

    def screenshots_of(self, page: Path, name: str) -> None:
        for scheme in ("light", "dark"):
            self.scheme(scheme)
            suffix = "" if scheme == "light" else "-dark"
            for folder, width in ((f"desktop-{DESKTOP}{suffix}", DESKTOP), (f"mobile-{MOBILE}{suffix}", MOBILE)):
                self.viewport(width)
                self.load(page)
                self.shoot(page, folder, name)
        self.scheme("light")


def pick_pages(root: Path, kinds: set[str] | None, new_vs: Path | None) -> dict[tuple[str, str], list[Path]]:
    """{(kind, lang): [the first page in path order, and the largest file if another]}. The first keeps
    the choice stable; the largest is the one with the most in it (an empty term page shows little)."""
    groups = pages_by_kind(root)
    picked = {}
    for (kind, lang), pages in sorted(groups.items()):
        if kinds and kind not in kinds:
            continue
        if new_vs is not None:
            pages = [p for p in pages if not (new_vs / p.relative_to(root)).exists()]
        if pages:
            largest = max(pages, key=lambda p: (p.stat().st_size, -pages.index(p)))
            picked[(kind, lang)] = [pages[0]] + ([largest] if largest != pages[0] else [])
    return picked


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--screenshots", default="screenshots")
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--kinds", help="only these kinds (comma-separated)")
    parser.add_argument("--new-vs", help="only pages that OTHER_OUTPUT lacks (drafts, future items)")
    args = parser.parse_args(argv)
    root = require_dir(args.output)
    findings = Findings(root, "accessibility (axe, reflow, text size)")
    kinds = set(args.kinds.split(",")) if args.kinds else None
    new_vs = Path(args.new_vs) if args.new_vs else None
    picked = pick_pages(root, kinds, new_vs)
    screenshots = None if args.no_screenshots else Path(args.screenshots)
    if not picked:
        print(f"{root}: no pages to check" + (" (none new)" if new_vs else ""))
        return findings.finish("")
    started = time.monotonic()
    with LoopbackServer(root) as server:
        browser = Browser(root, server, findings, screenshots)
        try:
            count = sum(len(pages) for pages in picked.values())
            print(f"axe-core {browser_axe_version(browser)} on {count} page(s) of {len(picked)} kind(s): "
                  + ", ".join(f"{lang}/{kind}" + (f" ×{len(pages)}" if len(pages) > 1 else "")
                              for (kind, lang), pages in picked.items()), flush=True)
            for (kind, lang), pages in picked.items():
                for number, page in enumerate(pages):
                    browser.check_page(page, f"{lang}-{kind}" + ("-largest" if number else ""))
            if screenshots is not None and new_vs is None:
                for kind in SCREENSHOT_KINDS:
                    for (k, lang), pages in picked.items():
                        if k == kind:
                            browser.screenshots_of(pages[-1], f"{lang}-{kind}")
        finally:
            browser.close()
    where = f"; screenshots in {screenshots}/" if screenshots is not None else ""
    return findings.finish(f"on {count} page(s), {browser.axe_runs} axe runs, "
                           f"{time.monotonic() - started:.0f} s{where}")


def browser_axe_version(browser: Browser) -> str:
    browser.driver.get(browser.server.url + "/")
    browser.axe.inject()
    return browser.driver.execute_script("return axe.version")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
