"""Shared helpers of the site checkers: findings as `file:line: message`, the site's files, base URL,
page kinds and a loopback HTTP server over the output."""
from __future__ import annotations

import functools
import http.server
import os
import re
import socketserver
import sys
import threading
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree, html


class Findings:
    """Collects findings; each is printed at once as `file:line: message` (paths relative to `shown_from`)."""

    def __init__(self, root: Path, label: str):
        self.root = Path(root)
        self.label = label
        self.count = 0

    def add(self, path: Path | str, line: int | None, message: str) -> None:
        self.count += 1
        print(f"{self.show(path)}:{line or 1}: {message}", flush=True)

    def show(self, path: Path | str) -> str:
        p = Path(path)
        try:
            rel = os.path.relpath(p)
        except ValueError:
            return str(p)
        return str(p.resolve()) if rel.startswith("..") else rel

    def finish(self, what: str) -> int:
        """Prints the closing line and returns the exit code."""
        if self.count:
            print(f"{self.label}: {self.count} finding(s) {what}", flush=True)
            return 1
        print(f"{self.label}: OK, no findings {what}", flush=True)
        return 0


def files(root: Path, *suffixes: str) -> list[Path]:
    """Every file below root whose name ends with one of the suffixes, in a stable order."""
    found = [p for p in Path(root).rglob("*") if p.is_file() and p.name.endswith(suffixes)]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def parse_html(path: Path) -> etree._ElementTree:
    """libxml2's HTML parser: lenient, but every element knows its `sourceline`."""
    parser = html.HTMLParser(encoding="utf-8", remove_comments=False, recover=True)
    return html.parse(str(path), parser)


def base_url(root: Path) -> str:
    """The site's base URL (scheme://host/), from the canonical link of the root page; falls back to
    any page's canonical link."""
    candidates = [Path(root) / "index.html"] + files(root, ".html")[:20]
    for page in candidates:
        if not page.is_file():
            continue
        for link in parse_html(page).iter("link"):
            if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
                parts = urlsplit(link.get("href"))
                if parts.scheme in ("http", "https") and parts.netloc:
                    return f"{parts.scheme}://{parts.netloc}/"
    raise SystemExit(f"{root}: no page with <link rel=canonical> to learn the site's base URL from")


def page_kind(tree: etree._ElementTree, path: Path) -> str:
    """`KIND` from `<body class="page-KIND">`; pages without one (say an e-mail) are named by their file."""
    body = tree.find(".//body")
    classes = (body.get("class") if body is not None else "") or ""
    for name in classes.split():
        if name.startswith("page-") and len(name) > 5:
            return name[5:]
    return "file-" + path.stem


def page_lang(tree: etree._ElementTree) -> str:
    root = tree.getroot()
    return (root.get("lang") or "none").split("-")[0].lower() if root is not None else "none"


def pages_by_kind(root: Path) -> dict[tuple[str, str], list[Path]]:
    """{(kind, lang): [pages, sorted by path]} over every HTML file of the output."""
    result: dict[tuple[str, str], list[Path]] = {}
    for page in files(root, ".html"):
        tree = parse_html(page)
        result.setdefault((page_kind(tree, page), page_lang(tree)), []).append(page)
    return result


def url_path(root: Path, page: Path) -> str:
    """The URL path under which a file of the output is served, pretty for index.html."""
    rel = page.relative_to(root).as_posix()
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return "/" + rel[: -len("index.html")]
    return "/" + rel


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


class LoopbackServer:
    """The output served on 127.0.0.1 at a free port (pages use root-relative URLs)."""

    def __init__(self, root: Path):
        handler = functools.partial(_QuietHandler, directory=str(root))
        socketserver.TCPServer.allow_reuse_address = True
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "LoopbackServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def require_dir(path: str) -> Path:
    p = Path(path)
    if not p.is_dir():
        print(f"{path}: not a folder (build the site first)", file=sys.stderr)
        raise SystemExit(2)
    return p


SPACE = re.compile(r"\s+")


def squash(text: str, limit: int = 120) -> str:
    text = SPACE.sub(" ", text or "").strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"
