#!/usr/bin/env python3
"""The documented nginx server block (docs/nginx.conf), exercised: Debian's nginx runs that very block on
a free loopback port with the built site as its root, and every kind of page in both languages, the
404 pages, feeds, calendars, the sitemap and the search data are fetched with their status codes and
Content-Type checked (issue 7).

usage: nginx_check.py OUTPUT_DIR [--conf docs/nginx.conf]
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from common import Findings, require_dir

HERE = Path(__file__).resolve().parent
CONF = HERE.parent / "docs" / "nginx.conf"

# (path, status, Content-Type prefix)
EXPECTED = [
    ("/", 200, "text/html"),
    ("/fi/", 200, "text/html"), ("/sv/", 200, "text/html"),
    ("/fi/artikkelit/", 200, "text/html"), ("/sv/artiklar/", 200, "text/html"),
    ("/fi/hyvat-kaytannot/", 200, "text/html"), ("/sv/goda-exempel/", 200, "text/html"),
    ("/fi/tapahtumat/", 200, "text/html"), ("/sv/evenemang/arkiv/", 200, "text/html"),
    ("/fi/uutiskirjeet/1/", 200, "text/html"), ("/sv/nyhetsbrev/1/", 200, "text/html"),
    ("/fi/tietoa/", 200, "text/html"), ("/sv/om-projektet/", 200, "text/html"),
    ("/fi/alueet/keski-suomi/", 200, "text/html"), ("/sv/teman/delaktighet/", 200, "text/html"),
    ("/fi/selaa/", 200, "text/html"), ("/sv/sok/", 200, "text/html"),
    ("/fi/feed.xml", 200, "application/rss+xml"), ("/sv/feed.xml", 200, "application/rss+xml"),
    ("/fi/teemat/kulttuurihyvinvointi/feed.xml", 200, "application/rss+xml"),
    ("/fi/tapahtumat/kalenteri.ics", 200, "text/calendar"), ("/sv/evenemang/kalender.ics", 200, "text/calendar"),
    ("/sitemap.xml", 200, "application/xml"), ("/robots.txt", 200, "text/plain"),
    ("/fi/haku/index.json", 200, "application/json"), ("/assets/site.css", 200, "text/css"),
    ("/fi/uutiskirjeet/1/email.txt", 200, "text/plain"),
    ("/fi/ei-tallaista-sivua/", 404, "text/html"), ("/sv/finns-inte/", 404, "text/html"),
    ("/ei-kumpaakaan/", 404, "text/html"), ("/404.html", 200, "text/html"),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def configuration(server_block: str, root: Path, port: int, prefix: Path) -> str:
    block = re.sub(r"listen\s+80;", f"listen 127.0.0.1:{port};", server_block)
    block = re.sub(r"root\s+/var/www/tietopankki;", f"root {root.resolve()};", block)
    user = "user root root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
{block}
}}
"""


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    root = require_dir(argv[0])
    conf_path = Path(argv[argv.index("--conf") + 1]) if "--conf" in argv else CONF
    findings = Findings(root, "nginx")
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        findings.add(conf_path, None, "nginx is not installed (make check-tools installs Debian's nginx)")
        return findings.finish("")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="tietopankki-nginx-") as prefix:
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(configuration(conf_path.read_text(encoding="utf-8"), root, port, Path(prefix)), encoding="utf-8")
        test = subprocess.run([nginx, "-t", "-c", str(conf), "-p", prefix], capture_output=True, text=True)
        if test.returncode != 0:
            findings.add(conf_path, None, "nginx rejects the server block: " + test.stderr.strip().replace("\n", " | "))
            return findings.finish("")
        server = subprocess.Popen([nginx, "-c", str(conf), "-p", prefix], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            base = f"http://127.0.0.1:{port}"
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    urllib.request.urlopen(base + "/robots.txt", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            opener = urllib.request.build_opener(NoRedirect)
            for path, status, kind in EXPECTED:
                try:
                    response = opener.open(base + path, timeout=5)
                    got_status, headers, body = response.status, response.headers, response.read()
                except urllib.error.HTTPError as error:
                    got_status, headers, body = error.code, error.headers, error.read()
                got_kind = headers.get("Content-Type", "")
                if got_status != status:
                    findings.add(conf_path, None, f"GET {path}: status {got_status}, expected {status}")
                if not got_kind.startswith(kind):
                    findings.add(conf_path, None, f"GET {path}: Content-Type {got_kind!r}, expected {kind}")
                if status == 404:
                    text = body.decode("utf-8", "replace")
                    language = "sv" if path.startswith("/sv/") else "fi" if path.startswith("/fi/") else None
                    if language and (f'<html lang="{language}"' not in text or "page-root-notfound" in text):
                        findings.add(conf_path, None, f"GET {path}: not the {language} 404 page")
                    if language is None and "page-root-notfound" not in text:
                        findings.add(conf_path, None, f"GET {path}: not the bilingual /404.html")
            try:
                opener.open(base + "/fi/artikkelit", timeout=5)
                findings.add(conf_path, None, "GET /fi/artikkelit: expected a redirect to /fi/artikkelit/")
            except urllib.error.HTTPError as error:
                if error.code not in (301, 302) or not error.headers.get("Location", "").endswith("/fi/artikkelit/"):
                    findings.add(conf_path, None, f"GET /fi/artikkelit: {error.code} {error.headers.get('Location')}")
            css = urllib.request.urlopen(base + "/assets/site.css", timeout=5).headers
            if "max-age" not in css.get("Cache-Control", ""):
                findings.add(conf_path, None, "GET /assets/site.css: no caching header")
        finally:
            server.terminate()
            server.wait(timeout=10)
    return findings.finish(f"({len(EXPECTED) + 2} requests through docs/nginx.conf)")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
