#!/usr/bin/env python3
"""`make check-site`: builds the sample site twice with a fixed moment — as published, and with
`--drafts --future` (what editors preview) — and runs every checker on the output. Every checker runs
even when an earlier one fails; the exit code is 1 when any of them found something.

usage: run.py --binary PATH [--root DIR] [--work DIR] [--screenshots DIR] [--now TIME]
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NOW = "2026-11-23T12:00:00+02:00"  # the moment the golden-file tests use too


def step(name: str, command: list[str], results: list, cwd: Path) -> bool:
    print(f"\n== {name}\n$ {' '.join(command)}", flush=True)
    started = time.monotonic()
    code = subprocess.run(command, cwd=cwd).returncode
    seconds = time.monotonic() - started
    results.append((name, code, seconds))
    return code == 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the tietopankki binary (release build)")
    parser.add_argument("--root", default=".", help="the site folder (content/, themes/)")
    parser.add_argument("--work", default=".checks", help="where the builds go (git-ignored)")
    parser.add_argument("--screenshots", default="screenshots")
    parser.add_argument("--now", default=NOW)
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    work = Path(args.work)
    site, drafts = work / "site", work / "site-drafts"
    python = sys.executable
    results: list[tuple[str, int, float]] = []
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")

    work.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(args.screenshots, ignore_errors=True)
    built = step("build: sample site (published)", [args.binary, "build", "--root", str(root), "--output",
                 str(site), "--now", args.now], results, Path.cwd())
    built &= step("build: sample site with --drafts --future", [args.binary, "build", "--root", str(root),
                  "--output", str(drafts), "--now", args.now, "--drafts", "--future"], results, Path.cwd())
    if not built:
        print("\ncheck-site: the build failed; nothing to check", file=sys.stderr)
        return 1
    checks = HERE
    step("1. HTML validity (vnu), both builds", [python, str(checks / "html_validity.py"), str(site), str(drafts)],
         results, Path.cwd())
    step("3. links and anchors (published)", [python, str(checks / "links.py"), str(site)], results, Path.cwd())
    step("3. links and anchors (drafts)", [python, str(checks / "links.py"), str(drafts)], results, Path.cwd())
    step("4. feeds and sitemap (published)", [python, str(checks / "feeds.py"), str(site)], results, Path.cwd())
    step("4. feeds and sitemap (drafts)", [python, str(checks / "feeds.py"), str(drafts)], results, Path.cwd())
    step("5. calendars (published)", [python, str(checks / "calendars.py"), str(site)], results, Path.cwd())
    step("5. calendars (drafts)", [python, str(checks / "calendars.py"), str(drafts)], results, Path.cwd())
    step("7. the documented nginx server block serves the site", [python, str(checks / "nginx_check.py"), str(site)],
         results, Path.cwd())
    step("8. search in a real browser", [python, str(checks / "search_check.py"), str(site)], results, Path.cwd())
    step("9. print: the practice pages most likely to run over, on at most 2 A4 pages",
         [python, str(checks / "print_check.py"), str(site)], results, Path.cwd())
    step("2+6. accessibility (light and dark, 1280 and 375 px), reflow, text size, screenshots (published)",
         [python, str(checks / "browser.py"), str(site), "--screenshots", args.screenshots], results, Path.cwd())
    step("2. accessibility of pages only drafts/future items add",
         [python, str(checks / "browser.py"), str(drafts), "--new-vs", str(site), "--no-screenshots"],
         results, Path.cwd())

    print("\n== check-site summary")
    failed = 0
    for name, code, seconds in results:
        verdict = "ok" if code == 0 else f"FAILED (exit {code})"
        failed += code != 0
        print(f"{seconds:7.1f} s  {verdict:18} {name}")
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
