#!/usr/bin/env python3
"""The picture benchmark (issue 21): tietopankki's picture pipeline against Hugo's image processing.

N photo-like JPEGs (made here by bench/make_pictures.py, 3000×2000 by default), one page each, and the
same variants from both tools: the whole picture at 480, 960 and 1600 px in WebP and JPEG, 3:2 card crops
at 320 and 640 px in both, and a 1200×630 JPEG share picture — 11 files per photo (ours with
`picture_formats: [webp]`). Ours is timed a second time with the default formats, AVIF too (16 files per
photo), which Hugo 0.111 does not make.

Two protocols, as people meet them, the tools alternating in one run:
  cold   no variant cache (ours: .cache/pictures; Hugo: resources/_gen) and an empty output folder: the
         first build after adding the photos, or after clearing the cache; BENCH_IMAGE_COLD_RUNS runs
         (default 1: a cold pair costs about 20 minutes on two cores, and the gap is wide);
  warm   the nightly rebuild: caches and the previous output in place, nothing changed; median of
         BENCH_IMAGE_RUNS builds (default 3) after each cold one.
Reports wall, user and system CPU, peak RSS and the variants' files and bytes; writes a section of
bench/results.md between the picture markers (the rest of the file is bench/run.py's).

  python3 bench/images.py --tool .build/release/tietopankki [--count 200] [--runs 3] [--cold-runs 1]
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
START, END = "<!-- pictures: bench/images.py -->", "<!-- /pictures -->"
TOOLS = ("ours", "hugo", "ours-avif")
NAMES = {"ours": "tietopankki", "hugo": "Hugo", "ours-avif": "tietopankki, with AVIF (the default)"}


def log(message):
    print(f"[images {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def timed(command, cwd=None):
    """Runs `command` under GNU time: wall, user, system seconds and peak RSS in MB."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
        start = time.monotonic()
        result = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", report.name, *command],
                                cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - start
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
        user, system, rss = open(report.name).read().split()[-3:]
    return {"wall": wall, "user": float(user), "sys": float(system), "rss": int(rss) / 1024}


def variant_files(folder, pattern):
    files = [p for p in Path(folder).rglob("*") if p.is_file() and re.search(pattern, p.name)]
    return len(files), sum(p.stat().st_size for p in files)


class PictureBench:
    def __init__(self, args):
        self.tool = str(Path(args.tool).resolve())
        self.count = args.count
        self.runs = args.runs
        self.cold_runs = args.cold_runs
        self.work = Path(args.work).resolve()
        self.photos = self.work / f"photos-{args.width}x{args.height}"
        self.width, self.height = args.width, args.height

    def prepare(self):
        log(f"{self.count} photos at {self.width}×{self.height} in {self.photos}")
        subprocess.run([sys.executable, str(BENCH / "make_pictures.py"), "photos", str(self.count), str(self.photos),
                        str(self.width), str(self.height)], check=True)
        photos = sorted(self.photos.glob("kuva-*.jpg"))[: self.count]
        # Ours: one article per photo beside it (hard links: the pipeline refuses symbolic links).
        self.ours = self.work / f"site-ours-{self.count}"
        shutil.rmtree(self.ours, ignore_errors=True)
        articles = self.ours / "content" / "articles"
        articles.mkdir(parents=True)
        (self.ours / "content" / "site.yml").write_text(
            "base_url: https://yhteistuumin.example.fi\ntitle:\n  fi: Kuvat\n  sv: Bilder\n"
            # The formats Hugo makes too; the AVIF default is timed on its own copy below.
            + "picture_formats: [webp]\n", encoding="utf-8")
        (self.ours / "content" / "regions.yml").write_text("koko-suomi:\n  fi: Koko Suomi\n  sv: Hela Finland\n")
        (self.ours / "content" / "themes.yml").write_text("osallisuus:\n  fi: Osallisuus\n  sv: Delaktighet\n")
        shutil.copytree(REPO / "themes" / "default", self.ours / "themes" / "default")
        # Hugo: a page bundle per photo.
        self.hugo = self.work / f"site-hugo-{self.count}"
        shutil.rmtree(self.hugo, ignore_errors=True)
        shutil.copytree(BENCH / "hugo-images", self.hugo)
        for i, photo in enumerate(photos):
            day = f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
            front = f"---\ntitle: Kuva {i}\ndate: {day}\nimage: kuva-{i:04d}.jpg\nimage_alt: Piirros {i}\n---\nKuvan {i} teksti.\n"
            (articles / f"{day}-kuva-{i:04d}.fi.md").write_text(front, encoding="utf-8")
            os.link(photo, articles / f"kuva-{i:04d}.jpg")
            bundle = self.hugo / "content" / "posts" / f"kuva-{i:04d}"
            bundle.mkdir(parents=True)
            (bundle / "index.md").write_text(f"---\ntitle: Kuva {i}\ndate: {day}\nimage_alt: Piirros {i}\n---\nKuvan {i} teksti.\n")
            os.link(photo, bundle / "kuva.jpg")
        # Ours with the default formats (AVIF, WebP, JPEG): the same pages (copied once they are
        # written), the settings' default.
        self.ours_avif = self.work / f"site-ours-avif-{self.count}"
        shutil.rmtree(self.ours_avif, ignore_errors=True)
        shutil.copytree(self.ours, self.ours_avif, copy_function=os.link)
        settings = self.ours_avif / "content" / "site.yml"
        text = settings.read_text(encoding="utf-8").replace("picture_formats: [webp]\n", "")
        settings.unlink()
        settings.write_text(text, encoding="utf-8")

    def command(self, who):
        if who == "hugo":
            return ["hugo", "--quiet", "--source", str(self.hugo), "--destination", str(self.hugo / "public")]
        site = self.ours if who == "ours" else self.ours_avif
        return [self.tool, "build", "--root", str(site), "--now", "2026-12-01T12:00"]

    def clear(self, who):
        if who == "hugo":
            shutil.rmtree(self.hugo / "resources", ignore_errors=True)
            shutil.rmtree(self.hugo / "public", ignore_errors=True)
        else:
            site = self.ours if who == "ours" else self.ours_avif
            shutil.rmtree(site / ".cache", ignore_errors=True)
            shutil.rmtree(site / "output", ignore_errors=True)

    def run(self):
        """The tools alternate within each cold run; ours with AVIF comes last (it has no Hugo twin)."""
        results = {(who, protocol): [] for who in TOOLS for protocol in ("cold", "warm")}
        for run in range(self.cold_runs):
            for who in (("ours", "hugo") if run % 2 == 0 else ("hugo", "ours")) + ("ours-avif",):
                self.clear(who)
                subprocess.run(["sync"])
                cold = timed(self.command(who))
                warm = [timed(self.command(who)) for _ in range(self.runs)]
                results[(who, "cold")].append(cold)
                results[(who, "warm")].extend(warm)
                log(f"run {run + 1} {who}: cold {cold['wall']:.1f} s, warm "
                    + ", ".join(f"{m['wall']:.2f}" for m in warm) + " s")
        self.files = {
            "ours": variant_files(self.ours / "output" / "media", r"\.(webp|jpg)$"),
            "hugo": variant_files(self.hugo / "public", r"_hu[0-9a-f]+_.*\.(webp|jpg)$"),
            "ours-avif": variant_files(self.ours_avif / "output" / "media", r"\.(avif|webp|jpg)$"),
        }
        return results

    def report(self, results, started):
        def median(who, protocol, key):
            return statistics.median(m[key] for m in results[(who, protocol)])

        load = open("/proc/loadavg").read().split(" ", 3)[:3]
        commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        lines = [
            START,
            "## Pictures (issue 21)",
            "",
            f"{self.count} photo-like JPEGs of {self.width}×{self.height} (bench/make_pictures.py photos), one page each; "
            "each tool makes the same 11 variants per photo (480/960/1600 px in WebP and JPEG, 3:2 cards at 320 and 640 px "
            "in both, a 1200×630 JPEG share picture); ours is also timed with the default `picture_formats` "
            "(AVIF too: 16 files per photo), which Hugo 0.111 cannot make. Commit "
            f"{commit}, {started}, Hugo {subprocess.run(['hugo', 'version'], capture_output=True, text=True).stdout.split()[1]}, "
            f"libvips {subprocess.run(['vips', '--version'], capture_output=True, text=True).stdout.strip()}, "
            f"{os.cpu_count()} cores, load average {' '.join(load)} at the end; cold: {self.cold_runs} run(s) each "
            f"(median), warm: median of {self.runs} builds after each cold one; the tools alternating.",
            "",
            "Protocols: **cold** — no variant cache and an empty output (the first build after adding the photos); "
            "**warm** — the nightly rebuild: cache and previous output in place, nothing changed.",
            "",
            "| protocol | tool | wall | user CPU | system CPU | peak RSS | ratio (wall, ours ÷ Hugo) |",
            "|---|---|---|---|---|---|---|",
        ]
        for protocol in ("cold", "warm"):
            for who in TOOLS:
                ratio = median(who, protocol, "wall") / median("hugo", protocol, "wall")
                lines.append(
                    f"| {protocol} | {NAMES[who]} | {median(who, protocol, 'wall'):.2f} s | {median(who, protocol, 'user'):.2f} s | "
                    f"{median(who, protocol, 'sys'):.2f} s | {median(who, protocol, 'rss'):.0f} MB | "
                    f"{f'{ratio:.2f}' if who != 'hugo' else ''} |")
        for who in TOOLS:
            count, size = self.files[who]
            lines.append("")
            lines.append(f"{NAMES[who]}: {count} variant files, {size / 1e6:.1f} MB in all.")
        lines += ["", END]
        return "\n".join(lines) + "\n"


def write_section(results_file, section):
    path = Path(results_file)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END) + 1:]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tool", default=str(REPO / ".build" / "release" / "tietopankki"))
    ap.add_argument("--work", default=str(BENCH / "work" / "images"))
    ap.add_argument("--count", type=int, default=int(os.environ.get("BENCH_IMAGE_COUNT", "200")))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_IMAGE_RUNS", "3")))
    ap.add_argument("--cold-runs", type=int, default=int(os.environ.get("BENCH_IMAGE_COLD_RUNS", "1")))
    ap.add_argument("--width", type=int, default=3000)
    ap.add_argument("--height", type=int, default=2000)
    ap.add_argument("--results", default=str(BENCH / "results.md"))
    args = ap.parse_args(argv)
    for exe in ("hugo", "vips", "rsvg-convert", "/usr/bin/time"):
        if not shutil.which(exe):
            raise SystemExit(f"{exe} is missing; bench/run.sh installs it")
    started = time.strftime("%Y-%m-%d %H:%M %Z")
    bench = PictureBench(args)
    bench.prepare()
    section = bench.report(bench.run(), started)
    write_section(args.results, section)
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
