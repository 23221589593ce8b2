#!/usr/bin/env python3
"""Our search against Pagefind (issue 20), side by side in one run, over our own output.

For each corpus size (BENCH_SEARCH_SIZES, default 1,000, 5,000 and 20,000 files; bench/generate.py's
corpora, shared with bench/run.py):

1. our build, cold (empty output), under GNU time: wall, peak RSS. The search index is built inside it, so
   its cost is its share of the build's CPU samples under perf (every sample with a search-index frame on
   its stack: the index writer, the stemmer module, libstemmer), times the build's wall time;
2. Pagefind (`pagefind[extended]` from PyPI, pinned in bench/requirements.txt) over a copy of that output in
   which the item pages' `<article class="item">` carries `data-pagefind-body` (content pages only, as the
   issue measured) and related cards `data-pagefind-ignore`; its search pages use Pagefind's own UI in
   place of our script. Timed the same way (the copy is not timed);
3. index bytes on disk: ours, every file of the search folders but the page itself; Pagefind's `pagefind/`;
4. in headless Chromium, for each query of QUERIES, a cold cache (cleared and disabled through the DevTools
   protocol): the bytes the search page fetched in all (the page, CSS, JS, index files; gzip as a server
   with `gzip on` for text types sends them: the loopback server here compresses text/html, CSS, JS, JSON
   and SVG, level 6) and the time from navigation start to the first result in the DOM, taken by a
   MutationObserver installed before the page's own scripts. Bytes are counted once the page has fetched
   nothing new for a second.

Then recall and precision on the sample site (`content/`) over checks/search-queries.json, for both: ours
as the page shows its results, Pagefind through its JS API (every result, not only the first page).

The figures go to bench/results.md between the search markers; the rest of the file is run.py's.

    python3 bench/search.py --tool .build/release/tietopankki     # after bench/run.sh set up the venv
"""
from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import re
import shutil
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
import attribution  # noqa: E402
import run  # noqa: E402  (bench/run.py: the corpora and helpers; checks/ has a run.py of its own)

sys.path.append(str(REPO / "checks"))

START, END = "<!-- search: bench/search.py -->", "<!-- /search -->"
SEARCH_FOLDERS = {"fi": "fi/haku", "sv": "sv/sok"}
ITEM_KINDS = ("article", "practice", "event", "page", "newsletter")
# Words of the generated corpora (bench/generate.py): the commonest word of each language (the largest
# postings), inflected forms, a rarer word and two words together.
QUERIES = [
    ("fi", "kulttuuri"), ("fi", "kirjastossa"), ("fi", "saavutettavuus"), ("fi", "festivaali näyttely"),
    ("sv", "kultur"), ("sv", "utställningen"), ("sv", "biblioteksbuss"),
]
TEXT_TYPES = ("text/html", "text/css", "application/javascript", "text/javascript", "application/json",
              "image/svg+xml", "text/plain", "application/xml")


def log(message: str) -> None:
    print(f"[search {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(command: list[str]) -> dict:
    """Runs `command` under GNU time: wall, user and system seconds, peak RSS in MB."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
        start = time.monotonic()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name, *command],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - start
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{(result.stderr or result.stdout)[-2000:]}")
        user, system, rss = open(report.name).read().split()[-3:]
    return {"wall": wall, "user": float(user), "sys": float(system), "rss": int(rss) / 1024}


def folder_bytes(folder: Path, skip=()) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).as_posix() not in skip]
    return len(files), sum(p.stat().st_size for p in files)


# ----------------------------------------------------------------------------------------------------------
# Pagefind over a copy of our output

ARTICLE = re.compile(rb'<article class="item\b')
RELATED = re.compile(rb'<section class="related\b')
OUR_SCRIPT = re.compile(rb'<script[^>]*src="/assets/search\.js"[^>]*></script>')
PAGEFIND_UI = (b'<link rel="stylesheet" href="/pagefind/pagefind-ui.css">'
               b'<script src="/pagefind/pagefind-ui.js"></script>'
               b'<div id="pagefind-search"></div><script>'
               b'var q = new URLSearchParams(location.search).get("q") || "";'
               b'var ui = new PagefindUI({ element: "#pagefind-search", showImages: false });'
               b'if (q) ui.triggerSearch(q);</script>')


def page_kind(html: bytes) -> str | None:
    found = re.search(rb'<body[^>]*class="[^"]*\bpage-([a-z-]+)', html)
    return found.group(1).decode() if found else None


def prepare_pagefind_copy(ours: Path, copy: Path) -> int:
    """Our output with the item pages marked for Pagefind and its UI on our search pages; returns how many
    pages were marked."""
    run.rmtree(copy)
    shutil.copytree(ours, copy, symlinks=True)
    marked = 0
    for page in copy.rglob("*.html"):
        html = page.read_bytes()
        kind = page_kind(html)
        if kind in ITEM_KINDS and ARTICLE.search(html):
            html = ARTICLE.sub(b'<article data-pagefind-body class="item', html, count=1)
            html = RELATED.sub(b'<section data-pagefind-ignore class="related', html)
            page.write_bytes(html)
            marked += 1
    for folder in SEARCH_FOLDERS.values():
        page = copy / folder / "index.html"
        html = OUR_SCRIPT.sub(b"", page.read_bytes())
        html = html.replace(b"</main>", PAGEFIND_UI + b"</main>", 1)
        page.write_bytes(html)
    return marked


# ----------------------------------------------------------------------------------------------------------
# Serving with gzip, as a web server with `gzip on` does

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        kind = self.guess_type(path)
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path) \
                or not kind.startswith(TEXT_TYPES):
            return super().send_head()
        if os.path.isdir(self.translate_path(self.path)) and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # the redirect to the folder's address
        body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


class Server:
    def __init__(self, root: Path):
        handler = lambda *a, **kw: GzipHandler(*a, directory=str(root), **kw)  # noqa: E731
        socketserver.TCPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# ----------------------------------------------------------------------------------------------------------
# One cold query in Chromium

FIRST_RESULT_PROBE = """
window.__firstResult = null;
performance.setResourceTimingBufferSize(100000);
new MutationObserver(function () {
  if (window.__firstResult === null && document.querySelector(%s)) window.__firstResult = performance.now();
}).observe(document, { childList: true, subtree: true });
"""
FETCHED = """
var nav = performance.getEntriesByType("navigation")[0];
var all = [nav].concat(performance.getEntriesByType("resource"));
return { count: all.length, wire: all.reduce(function (s, e) { return s + (e.encodedBodySize || 0); }, 0),
         raw: all.reduce(function (s, e) { return s + (e.decodedBodySize || 0); }, 0),
         first: window.__firstResult, names: all.map(function (e) { return e.name; }) };
"""


class Chromium:
    def __init__(self):
        from browser import start_browser
        self.driver = start_browser()
        self.probe_id = None

    def cold_query(self, url: str, result_selector: str) -> dict:
        d = self.driver
        d.execute_cdp_cmd("Network.enable", {})
        d.execute_cdp_cmd("Network.clearBrowserCache", {})
        d.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        if self.probe_id:
            d.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": self.probe_id})
        self.probe_id = d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {
            "source": FIRST_RESULT_PROBE % json.dumps(result_selector)})["identifier"]
        d.get("about:blank")
        d.get(url)
        deadline, last, stable_since = time.monotonic() + 60, None, time.monotonic()
        while time.monotonic() < deadline:
            seen = d.execute_script(FETCHED)
            if seen["count"] != (last or {}).get("count"):
                stable_since = time.monotonic()
            last = seen
            if seen["first"] is not None and time.monotonic() - stable_since > 1.0:
                break
            time.sleep(0.1)
        return last

    def quit(self) -> None:
        self.driver.quit()


OURS_RESULT, PAGEFIND_RESULT = ".search-result", ".pagefind-ui__result"


def query_figures(chromium: Chromium, server: Server, selector: str) -> list[dict]:
    figures = []
    for lang, q in QUERIES:
        seen = chromium.cold_query(f"{server.url}/{SEARCH_FOLDERS[lang]}/?q={q}", selector)
        figures.append({"lang": lang, "q": q, "wire": seen["wire"], "raw": seen["raw"], "requests": seen["count"],
                        "first_ms": seen["first"]})
        log(f"  {lang} “{q}”: {seen['wire'] / 1000:.0f} KB on the wire ({seen['raw'] / 1000:.0f} KB raw), "
            f"{seen['count']} requests, first result "
            + (f"{seen['first']:.0f} ms" if seen["first"] is not None else "never"))
    return figures


# ----------------------------------------------------------------------------------------------------------
# Recall and precision on the sample site

PAGEFIND_ALL = """
var done = arguments[arguments.length - 1];
import("/pagefind/pagefind.js").then(function (pagefind) {
  return pagefind.search(arguments_q);
}).then(function (search) {
  return Promise.all(search.results.map(function (r) { return r.data(); }));
}).then(function (data) { done(data.map(function (d) { return d.url; })); }, function (e) { done("error " + e); });
"""


def item_texts(root: Path, language: str) -> dict[str, str]:
    """Each item page of a language and the text of its article without the related cards (as
    checks/search_check.py reads them)."""
    from lxml import html as lxml_html
    texts = {}
    for page in (root / language).rglob("index.html"):
        raw = page.read_bytes()
        if page_kind(raw) not in ITEM_KINDS:
            continue
        tree = lxml_html.fromstring(raw)
        articles = tree.xpath("//article[contains(concat(' ', normalize-space(@class), ' '), ' item ')]")
        for related in tree.xpath("//section[contains(concat(' ', normalize-space(@class), ' '), ' related ')]"):
            related.getparent().remove(related)
        if articles:
            url = "/" + page.parent.relative_to(root).as_posix() + "/"
            texts[url] = " ".join(" ".join(a.itertext()) for a in articles).lower()
    return texts


def path_of(url: str) -> str:
    from urllib.parse import urlparse
    path = urlparse(url).path
    return path[: -len("index.html")] if path.endswith("index.html") else path


def ours_results(driver, url: str) -> list[str]:
    from selenium.webdriver.common.by import By
    driver.get(url)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if driver.find_element(By.CSS_SELECTOR, ".search-status").text:
            break
        time.sleep(0.1)
    # Every result, where the page shows them a page at a time behind a "more" button.
    for _ in range(100):
        more = [b for b in driver.find_elements(By.CSS_SELECTOR, ".search-more, button[data-more]") if b.is_displayed()]
        if not more:
            break
        count = len(driver.find_elements(By.CSS_SELECTOR, ".search-result"))
        more[0].click()
        until = time.monotonic() + 5
        while time.monotonic() < until and len(driver.find_elements(By.CSS_SELECTOR, ".search-result")) == count:
            time.sleep(0.05)
    return [path_of(a.get_attribute("href")) for a in driver.find_elements(By.CSS_SELECTOR, ".search-result a")]


def quality(chromium: Chromium, ours: Path, pagefind_copy: Path) -> dict:
    queries = json.loads((REPO / "checks" / "search-queries.json").read_text(encoding="utf-8"))["queries"]
    texts = {lang: item_texts(ours, lang) for lang in SEARCH_FOLDERS}
    totals = {who: {"relevant": 0, "found": 0, "hits": 0, "empty": 0} for who in ("ours", "pagefind")}
    servers = {"ours": Server(ours), "pagefind": Server(pagefind_copy)}
    try:
        for query in queries:
            pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, query["forms"])) + r")(?!\w)")
            expected = {url for url, text in texts[query["lang"]].items() if pattern.search(text)}
            page = f"/{SEARCH_FOLDERS[query['lang']]}/"
            got = {"ours": set(ours_results(chromium.driver, f"{servers['ours'].url}{page}?q={query['q']}"))}
            chromium.driver.get(f"{servers['pagefind'].url}{page}")
            urls = chromium.driver.execute_async_script(
                PAGEFIND_ALL.replace("arguments_q", json.dumps(query["q"])))
            if isinstance(urls, str):
                raise SystemExit(f"Pagefind's API failed: {urls}")
            got["pagefind"] = {path_of(u) for u in urls}
            for who, found in got.items():
                t = totals[who]
                t["relevant"] += len(expected)
                t["found"] += len(found)
                t["hits"] += len(expected & found)
                t["empty"] += 0 if found else 1
    finally:
        for server in servers.values():
            server.close()
    for t in totals.values():
        t["recall"] = t["hits"] / t["relevant"] if t["relevant"] else 1.0
        t["precision"] = t["hits"] / t["found"] if t["found"] else 0.0
        t["queries"] = len(queries)
    return totals


# ----------------------------------------------------------------------------------------------------------

def search_share(tool: str, corpus: Path, out: Path) -> float | None:
    """The share of a build's CPU samples spent building the search index (perf; see the module doc)."""
    result = attribution.measure(tool, str(corpus), str(out), run.NOW)
    if "error" in result:
        log(f"perf: {result['error']}")
        return None
    return result.get("search_share")


def measure_size(args, chromium: Chromium, bench: "run.Bench", files: int) -> dict:
    corpus = bench.corpus(files)
    work = Path(args.work)
    out, copy = work / f"search-ours-{files}", work / f"search-pagefind-{files}"
    res: dict = {"files": files}
    run.rmtree(out)
    run.rmtree(out.parent / f".{out.name}.previous")
    log(f"{files}: our build (cold)")
    res["ours_build"] = timed([bench.tool, "build", "--root", str(corpus), "--output", str(out), "--now", run.NOW,
                               "--quiet"])
    share = search_share(bench.tool, corpus, work / f"search-perf-{files}")
    run.rmtree(work / f"search-perf-{files}")
    run.rmtree(work / f".search-perf-{files}.previous")
    res["ours_share"] = share
    res["ours_index"] = {"seconds": share * res["ours_build"]["wall"] if share is not None else None,
                         "rss": res["ours_build"]["rss"]}
    marked = prepare_pagefind_copy(out, copy)
    log(f"{files}: Pagefind over {marked} item pages")
    res["pagefind_index"] = timed([args.python, "-m", "pagefind", "--site", str(copy), "--quiet"])
    res["pagefind_index"]["seconds"] = res["pagefind_index"]["wall"]
    res["ours_disk"] = [0, 0]
    for folder in SEARCH_FOLDERS.values():
        count, size = folder_bytes(out / folder, skip=("index.html",))
        res["ours_disk"] = [res["ours_disk"][0] + count, res["ours_disk"][1] + size]
    res["pagefind_disk"] = list(folder_bytes(copy / "pagefind"))
    for who, root, selector in (("ours", out, OURS_RESULT), ("pagefind", copy, PAGEFIND_RESULT)):
        log(f"{files}: {who}, cold queries in Chromium")
        server = Server(root)
        try:
            res[f"{who}_queries"] = query_figures(chromium, server, selector)
        finally:
            server.close()
    if not args.keep:
        run.rmtree(copy)
        run.rmtree(out)
        run.rmtree(out.parent / f".{out.name}.previous")
    return res


def report(results: list[dict], quality_figures: dict | None, started: str, commit: str, pagefind: str) -> str:
    def kb(n): return f"{n / 1000:,.0f} KB"
    def mb(n): return f"{n / 1e6:,.1f} MB"
    def med(values): return statistics.median(values) if values else None
    lines = [START, "## Search against Pagefind (issue 20)", "",
             f"bench/search.py, {started}, commit {commit}; {pagefind}. "
             "Each size: one cold build of ours, then Pagefind over a copy of that output (item pages only, "
             "`data-pagefind-body`); cold-cache queries in headless Chromium served with gzip for text types. "
             "Our index's build cost is its share of the build's perf samples times the build's wall time.", ""]
    lines += ["| files | index build: ours | Pagefind | peak RSS: our whole build | Pagefind | index on disk: ours | Pagefind |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        share = r["ours_share"]
        ours_cost = (f"{r['ours_index']['seconds']:.2f} s ({share:.0%} of {r['ours_build']['wall']:.2f} s)"
                     if share is not None else f"? (build {r['ours_build']['wall']:.2f} s)")
        lines.append(f"| {r['files']:,} | {ours_cost} | {r['pagefind_index']['wall']:.1f} s | "
                     f"{r['ours_build']['rss']:.0f} MB | {r['pagefind_index']['rss']:.0f} MB | "
                     f"{mb(r['ours_disk'][1])} in {r['ours_disk'][0]:,} files | "
                     f"{mb(r['pagefind_disk'][1])} in {r['pagefind_disk'][0]:,} files |")
    lines += ["", "One cold query: bytes fetched in all (page, CSS, JS, index; on the wire, gzip) and time from "
              "navigation to the first result, median over the queries (largest in brackets).", "",
              "| files | bytes: ours | Pagefind | first result: ours | Pagefind |", "|---:|---:|---:|---:|---:|"]
    for r in results:
        cells = []
        for key, fmt_ in (("wire", kb), ("first_ms", lambda v: f"{v:.0f} ms")):
            for who in ("ours", "pagefind"):
                values = [q[key] for q in r[f"{who}_queries"] if q[key] is not None]
                cells.append(f"{fmt_(med(values))} ({fmt_(max(values))})" if values else "none")
        lines.append(f"| {r['files']:,} | " + " | ".join(cells) + " |")
    lines += ["", "Per query (ours / Pagefind, KB on the wire):", ""]
    for r in results:
        per = ", ".join(f"{o['q']} {o['wire'] / 1000:.0f}/{p['wire'] / 1000:.0f}"
                        for o, p in zip(r["ours_queries"], r["pagefind_queries"]))
        lines.append(f"- {r['files']:,} files: {per}")
    if quality_figures:
        lines += ["", f"Recall and precision on the sample site, {quality_figures['ours']['queries']} inflected "
                  "queries of checks/search-queries.json (expected pages: the item pages whose text holds the "
                  "lemma in a listed form):", "",
                  "| engine | recall | precision | queries with no result |", "|---|---:|---:|---:|"]
        for who, name in (("ours", "ours"), ("pagefind", "Pagefind")):
            q = quality_figures[who]
            lines.append(f"| {name} | {q['recall']:.2f} ({q['hits']}/{q['relevant']}) | "
                         f"{q['precision']:.2f} ({q['hits']}/{q['found']}) | {q['empty']} of {q['queries']} |")
    lines += ["", END]
    return "\n".join(lines) + "\n"


def write_section(results_file: Path, section: str) -> None:
    text = results_file.read_text(encoding="utf-8") if results_file.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    results_file.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", default=str(REPO / ".build" / "release" / "tietopankki"))
    ap.add_argument("--work", default=str(BENCH / "work"))
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SEARCH_SIZES", "1000,5000,20000"))
    ap.add_argument("--python", default=sys.executable, help="the Python that has pagefind installed")
    ap.add_argument("--results", default=str(BENCH / "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the outputs in the work folder")
    args = ap.parse_args(argv)
    args.work = str(Path(args.work).resolve())
    bench = run.Bench(argparse.Namespace(tool=args.tool, work=args.work, runs=1))
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    chromium = Chromium()
    try:
        results = [measure_size(args, chromium, bench, int(n)) for n in args.sizes.split(",") if n.strip()]
        sample, sample_copy = Path(args.work) / "search-sample", Path(args.work) / "search-sample-pagefind"
        run.rmtree(sample)
        run.rmtree(sample.parent / f".{sample.name}.previous")
        timed([bench.tool, "build", "--root", str(REPO), "--output", str(sample), "--quiet"])
        prepare_pagefind_copy(sample, sample_copy)
        timed([args.python, "-m", "pagefind", "--site", str(sample_copy), "--quiet"])
        quality_figures = quality(chromium, sample, sample_copy)
        log(f"sample site: {quality_figures}")
    finally:
        chromium.quit()
    section = report(results, quality_figures, started, commit,
                     run.first_line([args.python, "-m", "pagefind", "--version"]))
    write_section(Path(args.results), section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
