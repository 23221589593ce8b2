#!/usr/bin/env python3
"""Print: a good-practice page printed to PDF by headless Chromium (`--print-to-pdf`, as a reader's
"Print → Save as PDF" does with the site's print stylesheet) and measured with poppler's `pdfinfo` and
`pdftotext` (issue 22). For each language, the largest practice page (the one most likely to run over):

1. the paper is A4 (the stylesheet's `@page { size: A4 }`);
2. it fits on at most --max-pages pages (default 2);
3. the facts box comes first: its heading ("Perustiedot" / "Fakta") is on page 1;
4. no navigation or footer is printed (the footer's back-to-top link is absent from the text).

The output is served on 127.0.0.1 (pages use root-relative URLs, so file:// would lose the stylesheet).

usage: print_check.py OUTPUT_DIR [--page SITE_PATH ...] [--max-pages N]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from common import Findings, LoopbackServer, pages_by_kind, parse_html, require_dir, url_path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
A4_POINTS = (595.28, 841.89)  # 210 mm x 297 mm


def print_to_pdf(url: str, pdf: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
         "--disable-extensions", "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
         f"--print-to-pdf={pdf}", url],
        capture_output=True, text=True, timeout=120)


def pdf_info(pdf: Path) -> dict[str, str]:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    info = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(":")
        info[key.strip()] = value.strip()
    return info


def page_text(pdf: Path, first: int, last: int | None = None) -> str:
    command = ["pdftotext", "-layout", "-f", str(first)] + (["-l", str(last)] if last else []) + [str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def squashed(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--page", action="append", help="a site path to print instead (repeatable)")
    parser.add_argument("--max-pages", type=int, default=2)
    args = parser.parse_args(argv)
    root = require_dir(args.output)
    findings = Findings(root, "print (Chromium --print-to-pdf, pdfinfo)")
    for tool in (CHROMIUM, "pdfinfo", "pdftotext"):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode != 0:
            findings.add(root, None, f"{tool} is not installed (make check-tools installs chromium and poppler-utils)")
            return findings.finish("")
    if args.page:
        pages = [root / (p.strip("/") + ("/index.html" if not p.endswith(".html") else "")) for p in args.page]
    else:
        pages = []
        for (kind, _lang), group in sorted(pages_by_kind(root).items()):
            if kind == "practice":
                pages.append(max(group, key=lambda p: (p.stat().st_size, -group.index(p))))
    if not pages:
        findings.add(root, None, "no practice page to print (no <body class=\"page-practice\">)")
        return findings.finish("")
    report = []
    with LoopbackServer(root) as server, tempfile.TemporaryDirectory(prefix="tietopankki-print-") as folder:
        for page in pages:
            site_path = url_path(root, page)
            pdf = Path(folder) / (site_path.strip("/").replace("/", "_") + ".pdf")
            result = print_to_pdf(server.url + site_path, pdf)
            if not pdf.exists() or pdf.stat().st_size == 0:
                findings.add(page, None, f"Chromium wrote no PDF (exit {result.returncode}): "
                                         f"{squashed(result.stderr)[-300:]}")
                continue
            info = pdf_info(pdf)
            count = int(info.get("Pages", "0"))
            size = re.match(r"([\d.]+) x ([\d.]+) pts", info.get("Page size", ""))
            width, height = (float(size.group(1)), float(size.group(2))) if size else (0.0, 0.0)
            report.append(f"{site_path}: {count} page(s), {info.get('Page size', '?')}")
            if abs(width - A4_POINTS[0]) > 2 or abs(height - A4_POINTS[1]) > 2:
                findings.add(page, None, f"printed on {info.get('Page size', 'unknown paper')}, not A4 "
                                         f"({A4_POINTS[0]} x {A4_POINTS[1]} pts): is @page {{ size: A4 }} gone?")
            if count > args.max_pages:
                findings.add(page, None, f"prints on {count} A4 pages, more than {args.max_pages} "
                                         f"(print styles in site.css: @media print)")
            tree = parse_html(page)
            heading = tree.xpath("//aside[contains(concat(' ', @class, ' '), ' facts ')]//h2")
            first = squashed(page_text(pdf, 1, 1))
            if heading:
                label = squashed("".join(heading[0].itertext()))
                if label not in first:
                    findings.add(page, heading[0].sourceline, f"the facts box ({label!r}) is not on the first "
                                                              f"printed page")
            else:
                findings.add(page, None, "no facts box (<aside class=\"facts\"> with an <h2>) on the practice page")
            back = tree.xpath("//a[contains(concat(' ', @class, ' '), ' back-to-top ')]")
            everything = squashed(page_text(pdf, 1))
            if back and squashed("".join(back[0].itertext())) in everything:
                findings.add(page, back[0].sourceline, "the footer is printed (its back-to-top link is in the PDF)")
    return findings.finish("; ".join(report))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
