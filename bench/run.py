#!/usr/bin/env python3
"""tietopankki's benchmark against Hugo (issue 9). Run through `make bench` (or bench/run.sh).

For each corpus size (1,000 and 5,000 files; 20,000 more with BENCH_LARGE=1):
  1. generates the corpus with bench/generate.py (seeded; reused when generator and arguments are unchanged);
  2. builds it once with each tool untimed (warm-up: binaries and corpus in the page cache, and a check that
     both builds succeed), then R timed rounds, each "ours, then Hugo", into an output folder that does not
     exist before the run (moved aside, untimed, before each run): the *cold* protocol; then the two
     rebuild protocols over the previous output, R rounds each, alternating ours and Hugo: nothing changed,
     and one article's body edited before each round (the file is restored afterwards). Wall time by the harness's clock around the
     process; user+sys CPU and peak RSS from `/usr/bin/time -v`. Medians of R runs per figure;
  3. samples one more build of the largest size of at most 5,000 files with perf, right after its timed
     runs, to tell how its CPU time divides between our code and the libraries (bench/attribution.py);
  4. measures the floor: cmark-gfm alone rendering the corpus's Markdown bodies (CPU, one process), and the
     raw write time of our output tree (bench/write_floor.py);
then the search index size (the files of fi/haku/ and sv/sok/ but the page, at 10,000 files), the
incremental rebuild (through `tietopankki bench-incremental` when the tool has it), and writes the table to
bench/results.md.

Environment: BENCH_LARGE=1 adds 20,000 files; BENCH_RUNS (default 3); BENCH_SIZES (e.g. "200,2000", for
trying the harness); BENCH_INDEX_FILES (default 10000, 0 skips); BENCH_NOTE (a line for results.md).
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
NOW = "2026-11-23T12:00:00+02:00"
SETTLE_SECONDS = 65
SEED = 2026
CMARK_EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist"]


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def sh(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def first_line(cmd: list[str]) -> str:
    try:
        out = sh(cmd)
        text = (out.stdout or out.stderr).strip()
        return text.splitlines()[0] if text else "?"
    except OSError:
        return "not installed"


def rmtree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


# ----------------------------------------------------------------------------------------------------------
# Measuring one process

def cpu_busy_seconds() -> float:
    """System-wide busy CPU time so far (all cores), from /proc/stat."""
    with open("/proc/stat") as f:
        fields = f.readline().split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def timed(cmd: list[str], label: str, work: Path) -> dict:
    """Runs cmd under /usr/bin/time -v; returns wall, cpu, rss (MB), and the CPU other processes used."""
    report = work / "time.txt"
    subprocess.run(["sync"])  # start with no dirty pages of earlier runs to write back (untimed)
    busy0 = cpu_busy_seconds()
    t0 = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v", "-o", str(report)] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    busy = cpu_busy_seconds() - busy0
    text = report.read_text()
    def field(name: str) -> str:
        m = re.search(rf"^\s*{re.escape(name)}: (.*)$", text, re.M)
        return m.group(1).strip() if m else "0"
    user, sys_ = float(field("User time (seconds)")), float(field("System time (seconds)"))
    result = {
        "ok": proc.returncode == 0, "code": proc.returncode, "wall": wall, "cpu": user + sys_,
        "user": user, "sys": sys_, "rss_mb": int(field("Maximum resident set size (kbytes)")) / 1024,
        "other_cores": max(0.0, busy - user - sys_) / wall if wall > 0 else 0.0,
        "stdout": proc.stdout, "stderr": proc.stderr,
    }
    if not result["ok"]:
        log(f"{label} FAILED (exit {proc.returncode}):\n" + "\n".join((proc.stderr or proc.stdout).splitlines()[:40]))
    return result


def median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r["ok"]]
    return statistics.median(values) if values else None


def files_written(path: Path, since_ns: int) -> int:
    """Files below `path` whose mtime is at or after `since_ns`: what a build wrote (a file it left alone,
    or shared by a hard link, keeps its mtime)."""
    count = 0
    for root, _dirs, names in os.walk(path):
        for n in names:
            try:
                if os.lstat(os.path.join(root, n)).st_mtime_ns >= since_ns:
                    count += 1
            except OSError:
                pass
    return count


def edit_target(corpus: Path) -> Path:
    """The content file the one-body-edit protocol appends a sentence to: the first article."""
    return sorted((corpus / "content" / "articles").glob("*.fi.md"))[0]


def tree_stats(path: Path) -> dict:
    files = html = size = 0
    for root, _dirs, names in os.walk(path):
        for n in names:
            files += 1
            html += n.endswith(".html")
            size += os.path.getsize(os.path.join(root, n))
    return {"files": files, "html": html, "mb": size / 1e6}


# ----------------------------------------------------------------------------------------------------------
# The pieces

class Bench:
    def __init__(self, args):
        self.args = args
        self.tool = str(Path(args.tool).resolve())
        self.work = Path(args.work).resolve()
        self.work.mkdir(parents=True, exist_ok=True)
        self.runs = args.runs
        self.results: dict[int, dict] = {}
        self.notes: list[str] = []
        self.hugo_site = self.work / "hugo-site"
        self.trash = self.work / "trash"

    # output folders ------------------------------------------------------------------------------------------
    # ext4 here passes over inodes freed in the last 60 s (300 s while their table block is dirty) when it
    # allocates new ones (fs/ext4/ialloc.c, recently_deleted): a build started right after deleting the
    # previous run's 30,000 files spent up to a third of its CPU time in that scan, whichever tool it was.
    # So output folders are moved aside while a size is measured, and deleted before the next size, followed
    # by a sync and a wait that lets the freed inodes age.
    def discard(self, path: Path) -> None:
        """Moves a folder, and the previous tree our build keeps beside it, out of the way without freeing
        their inodes (see above)."""
        for p in (path, path.parent / f".{path.name}.previous"):
            if p.exists() or p.is_symlink():
                self.trash.mkdir(exist_ok=True)
                p.rename(self.trash / f"{p.name}-{time.monotonic_ns()}")

    def settle(self) -> None:
        """Deletes what was discarded and waits until the freed inodes no longer slow file creation."""
        if not self.trash.exists():
            return
        rmtree(self.trash)
        subprocess.run(["sync"])
        log(f"waiting {SETTLE_SECONDS} s for the deleted output folders' inodes to age")
        time.sleep(SETTLE_SECONDS)

    # corpus ------------------------------------------------------------------------------------------------
    def corpus(self, files: int) -> Path:
        root = self.work / f"corpus-{files}"
        gen = BENCH / "generate.py"
        stamp_text = json.dumps({"files": files, "seed": SEED, "now": NOW,
                                 "generator": hash_file(gen),
                                 "theme": hash_tree(REPO / "themes" / "default")})
        stamp = root / ".bench-stamp"
        if stamp.exists() and stamp.read_text() == stamp_text:
            log(f"corpus {files}: reusing {root}")
            return root
        log(f"corpus {files}: generating")
        out = sh([sys.executable, str(gen), "--files", str(files), "--seed", str(SEED), "--now", NOW,
                  "--out", str(root)])
        if out.returncode != 0:
            raise SystemExit(f"generate.py failed:\n{out.stderr}")
        log(out.stderr.strip())
        stamp.write_text(stamp_text)
        return root

    def prepare_hugo_site(self) -> None:
        rmtree(self.hugo_site)
        shutil.copytree(BENCH / "hugo", self.hugo_site)

    def ours_cmd(self, corpus: Path, out: Path, extra: list[str] = ()) -> list[str]:
        return [self.tool, "build", "--root", str(corpus), "--output", str(out), "--now", NOW, *extra]

    def hugo_cmd(self, corpus: Path, out: Path) -> list[str]:
        return ["hugo", "--quiet", "--source", str(self.hugo_site), "--contentDir", str(corpus / "content"),
                "--destination", str(out)]

    # full builds -------------------------------------------------------------------------------------------
    def full_builds(self, files: int, corpus: Path) -> dict:
        res: dict = {"files": files, "ours": [], "hugo": []}
        out_ours, out_hugo = self.work / f"out-ours-{files}", self.work / f"out-hugo-{files}"
        report = self.work / f"report-{files}.json"
        # Warm-up (untimed): page cache, and a check that both builds succeed; our JSON report gives counts.
        log(f"{files}: warm-up builds")
        for out in (out_ours, out_hugo):
            self.discard(out)
        self.settle()
        warm = timed(self.ours_cmd(corpus, out_ours, ["--json-report", str(report)]), f"ours {files} warm-up", self.work)
        res["ours_ok"] = warm["ok"]
        res["ours_error"] = "" if warm["ok"] else (warm["stderr"] or warm["stdout"])
        if report.exists():
            rep = json.loads(report.read_text())
            res["ours_report"] = {k: rep.get(k) for k in ("pages", "files", "outcome")}
            res["ours_warnings"] = rep.get("warnings") or []
            res["ours_errors"] = [d for d in rep.get("diagnostics", []) if d.get("severity") == "error"]
        hwarm = timed(self.hugo_cmd(corpus, out_hugo), f"hugo {files} warm-up", self.work)
        res["hugo_ok"] = hwarm["ok"]
        res["hugo_error"] = "" if hwarm["ok"] else (hwarm["stderr"] or hwarm["stdout"])
        for r in range(self.runs):
            for who in ("ours", "hugo"):
                ok = res[f"{who}_ok"]
                if not ok:
                    continue
                out = out_ours if who == "ours" else out_hugo
                self.discard(out)
                cmd = self.ours_cmd(corpus, out, ["--quiet"]) if who == "ours" else self.hugo_cmd(corpus, out)
                since = time.time_ns()
                m = timed(cmd, f"{who} {files} run {r + 1}", self.work)
                m.pop("stdout"), m.pop("stderr")
                m["written"] = files_written(out, since)
                res[who].append(m)
                log(f"{files}: {who:4} run {r + 1}/{self.runs}: {m['wall']:.2f} s wall, {m['cpu']:.2f} s CPU, "
                    f"{m['rss_mb']:.0f} MB, other processes {m['other_cores']:.2f} cores")
        res["ours_out"] = tree_stats(out_ours) if res["ours_ok"] else None
        res["hugo_out"] = tree_stats(out_hugo) if res["hugo_ok"] else None
        return res

    # rebuilds over the previous output ---------------------------------------------------------------------
    def rebuilds(self, files: int, corpus: Path, res: dict) -> None:
        """What the nightly job and an editor's repeated `build` do: build over the previous output, with
        nothing changed and after a one-body edit, alternating ours and Hugo in each round. Each tool's
        output folder is the one its last cold run left; one untimed rebuild of each first (ours then
        makes its previous tree, by hard links, which later rebuilds reuse)."""
        outs = {"ours": self.work / f"out-ours-{files}", "hugo": self.work / f"out-hugo-{files}"}
        def cmd(who: str) -> list[str]:
            return self.ours_cmd(corpus, outs[who], ["--quiet"]) if who == "ours" else self.hugo_cmd(corpus, outs[who])
        tools = [who for who in ("ours", "hugo") if res.get(f"{who}_ok")]
        edited = edit_target(corpus)
        original = edited.read_bytes()
        try:
            for who in tools:
                since = time.time_ns()
                m = timed(cmd(who), f"{who} {files} first rebuild", self.work)
                res.setdefault("first_rebuild", {})[who] = {"wall": m["wall"], "user": m["user"], "sys": m["sys"],
                                                            "written": files_written(outs[who], since)}
                log(f"{files}: {who:4} first rebuild (untimed): {m['wall']:.2f} s wall, "
                    f"{res['first_rebuild'][who]['written']:,} files written")
            for protocol in ("nothing changed", "one body edited"):
                runs: dict = {who: [] for who in ("ours", "hugo")}
                for r in range(self.runs):
                    if protocol == "one body edited":
                        edited.write_bytes(original + f"\n\nMuokkaus {r + 1}: yksi lause lisää.\n".encode())
                    for who in tools:
                        since = time.time_ns()
                        m = timed(cmd(who), f"{who} {files} {protocol} {r + 1}", self.work)
                        m.pop("stdout"), m.pop("stderr")
                        m["written"] = files_written(outs[who], since)
                        runs[who].append(m)
                        log(f"{files}: {who:4} {protocol} {r + 1}/{self.runs}: {m['wall']:.2f} s wall, "
                            f"{m['user']:.2f} user + {m['sys']:.2f} sys, {m['written']:,} files written, "
                            f"{m['rss_mb']:.0f} MB, other processes {m['other_cores']:.2f} cores")
                res.setdefault("protocols", {})[protocol] = runs
        finally:
            edited.write_bytes(original)
        res.setdefault("protocols", {})
        res["protocols"] = {"cold (empty output)": {"ours": res["ours"], "hugo": res["hugo"]}, **res["protocols"]}

    # floor -------------------------------------------------------------------------------------------------
    def floor(self, files: int, corpus: Path, res: dict) -> None:
        bodies = self.work / f"bodies-{files}.md"
        size = 0
        with open(bodies, "wb") as out:
            for section in sorted((corpus / "content").iterdir()):
                if not section.is_dir():
                    continue
                for md in sorted(section.glob("*.md")):
                    data = md.read_bytes()
                    if data.startswith(b"---\n"):
                        end = data.find(b"\n---\n", 4)
                        data = data[end + 5:] if end >= 0 else data
                    out.write(data + b"\n\n")
                    size += len(data)
        cm = []
        for _ in range(self.runs):
            m = timed(["sh", "-c", f"exec cmark-gfm {' '.join(CMARK_EXTENSIONS)} '{bodies}' > /dev/null"], "cmark-gfm", self.work)
            cm.append(m)
        res["cmark"] = {"md_mb": size / 1e6, "cpu": median(cm, "cpu"), "wall": median(cm, "wall")}
        bodies.unlink()
        log(f"{files}: cmark-gfm renders {size / 1e6:.1f} MB of Markdown in {res['cmark']['cpu']:.2f} s CPU")
        src = self.work / f"out-ours-{files}"
        if not res.get("ours_ok") or not src.exists():
            return
        writes = {}
        for threads in sorted({1, os.cpu_count() or 1}):
            secs = []
            for _ in range(self.runs):
                dest = self.work / "floor-write"
                self.discard(dest)
                subprocess.run(["sync"])
                out = sh([sys.executable, str(BENCH / "write_floor.py"), str(src), str(dest), "--threads", str(threads)])
                self.discard(dest)
                if out.returncode != 0:
                    log(f"write_floor.py failed: {out.stderr}")
                    break
                info = json.loads(out.stdout)
                secs.append(info["seconds"])
            if secs:
                writes[threads] = statistics.median(secs)
        if writes:
            best = min(writes, key=writes.get)
            res["write"] = {"seconds": writes[best], "threads": best, "all": writes,
                            "files": info["files"], "mb": info["bytes"] / 1e6}
            log(f"{files}: writing our {info['files']} files ({info['bytes'] / 1e6:.0f} MB) takes "
                f"{writes[best]:.2f} s at best ({best} thread(s))")

    # search index ------------------------------------------------------------------------------------------
    @staticmethod
    def index_sizes(out: Path) -> dict | None:
        """Every file of each language's search folder but the page itself (the index, however it is split),
        raw and each file gzip-compressed as a server sends it."""
        sizes = {}
        for lang, rel in (("fi", "fi/haku"), ("sv", "sv/sok")):
            folder = out / rel
            files = [p for p in sorted(folder.rglob("*")) if p.is_file() and p != folder / "index.html"]
            if not files:
                return None
            data = [p.read_bytes() for p in files]
            sizes[lang] = {"raw": sum(map(len, data)), "files": len(files),
                           "gzip": sum(len(gzip.compress(d, compresslevel=6, mtime=0)) for d in data)}
        return sizes

    def search_index(self) -> dict:
        sizes: dict[int, dict] = {}
        for files, res in sorted(self.results.items()):
            s = self.index_sizes(self.work / f"out-ours-{files}") if res.get("ours_ok") else None
            if s:
                sizes[files] = s
        n = self.args.index_files
        if n and n not in sizes:
            corpus = self.corpus(n)
            out = self.work / f"out-ours-{n}"
            self.discard(out)
            self.settle()
            log(f"search index: building {n} files once")
            m = timed(self.ours_cmd(corpus, out, ["--quiet"]), f"ours {n}", self.work)
            if m["ok"]:
                s = self.index_sizes(out)
                if s:
                    sizes[n] = s
                self.single_builds[n] = m
            else:
                self.notes.append(f"The {n}-file build for the search index failed: "
                                  + (m["stderr"] or m["stdout"]).strip().splitlines()[0])
            self.discard(out)
        return sizes

    # incremental -------------------------------------------------------------------------------------------
    def attribution(self, files: int) -> dict:
        """One build of `files` sampled by perf: which code the CPU time went to (bench/attribution.py)."""
        out = self.work / "attribution-out"
        self.discard(out)
        sys.path.insert(0, str(BENCH))
        import attribution
        result = attribution.measure(self.tool, str(self.corpus(files)), str(out), NOW)
        self.discard(out)
        result["files"] = files
        if "error" in result:
            log(f"attribution skipped: {result['error']}")
        else:
            log(f"{files}: CPU by owner " + ", ".join(f"{k} {v:.0%}" for k, v in result["shares"].items()))
        return result

    def incremental(self) -> dict:
        """Edits through `tietopankki bench-incremental` (the preview's own watcher, incremental builder and
        reload broadcast) at 1,000, 5,000 and 10,000 files: the rebuild time, the latency from the saved edit
        to the reload event, and the preview's cold start."""
        help_text = sh([self.tool, "--help"]).stdout
        sizes = [n for n in (1000, 5000, self.args.index_files) if n and (n in self.results or n == self.args.index_files)]
        sizes = sorted(set(sizes))
        if "bench-incremental" not in help_text:
            return {"available": False, "files": sizes[-1] if sizes else 0}
        result: dict = {"available": True, "sizes": {}}
        for files in sizes:
            corpus = self.corpus(files)
            per: dict = {"edits": {}, "cold": []}
            for edit in ("body", "title", "template"):
                latency, rebuild, errors = [], [], []
                for _ in range(self.runs):
                    out = sh([self.tool, "bench-incremental", "--root", str(corpus), "--now", NOW, "--edit", edit])
                    last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
                    found = re.search(r"rebuild (\d+(?:\.\d+)?) ms; saved edit to reload event (\d+(?:\.\d+)?) ms", last)
                    cold = re.search(r"cold start \(serve's initial build\): (\d+(?:\.\d+)?) ms", out.stdout)
                    if out.returncode == 0 and found:
                        rebuild.append(float(found.group(1)))
                        latency.append(float(found.group(2)))
                        if cold:
                            per["cold"].append(float(cold.group(1)))
                    else:
                        errors.append((out.stderr or out.stdout).strip()[:300])
                per["edits"][edit] = {
                    "rebuild": statistics.median(rebuild) if rebuild else None,
                    "latency": statistics.median(latency) if latency else None, "errors": errors,
                }
                log(f"incremental {files} {edit}: {per['edits'][edit]}")
            result["sizes"][files] = per
            (corpus / ".bench-stamp").unlink(missing_ok=True)  # the subcommand may have edited the corpus
        return result


def hash_file(path: Path) -> str:
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def hash_tree(path: Path) -> str:
    import hashlib
    h = hashlib.sha256()
    for p in sorted(path.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(path)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


# ----------------------------------------------------------------------------------------------------------
# Report

def fmt(v: float | None, unit: str = "", digits: int = 2) -> str:
    return "–" if v is None else f"{v:.{digits}f}{unit}"


def ratio(a: float | None, b: float | None) -> str:
    return "–" if a is None or b is None or b == 0 else f"{a / b:.2f}"


def machine() -> dict:
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = "?"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    return {"nproc": os.cpu_count(), "cpu": model, "mem": mem, "kernel": platform.release()}


def versions(tool: str) -> dict:
    commit = sh(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]).stdout.strip() or "?"
    dirty = sh(["git", "-C", str(REPO), "status", "--porcelain", "--", "Sources", "Package.swift", "themes"]).stdout.strip()
    return {
        "commit": commit + (" (with uncommitted changes to Sources/themes)" if dirty else ""),
        "swift": first_line(["swift", "--version"]),
        "hugo": first_line(["hugo", "version"]),
        "cmark": first_line(["cmark-gfm", "--version"]),
        "python": platform.python_version(),
        "tool": tool,
    }


def render(bench: Bench, started: dt.datetime, load0: str, load1: str, index: dict, incr: dict,
           max_other: float, attrib: dict | None = None) -> str:
    R = bench.runs
    sizes = sorted(bench.results)
    mach, ver = machine(), versions(bench.tool)
    L: list[str] = []
    L.append("# Benchmark: tietopankki against Hugo")
    L.append("")
    L.append(f"Measured {started.strftime('%Y-%m-%d %H:%M %Z')} by `make bench` (bench/run.py). Medians of {R} runs.")
    L.append("")
    L.append(f"- Machine: {mach['nproc']} cores, {mach['cpu']}, {mach['mem']} RAM, Linux {mach['kernel']}")
    L.append(f"- Load average at start / end: {load0} / {load1}; other processes used up to {max_other:.2f} cores "
             f"during the timed runs (system CPU time minus the measured process's, divided by its wall time)")
    # What other processes took during the timed runs decides; the load average at start still counts
    # the release build that make bench has just run.
    busy = max_other > 0.25
    if busy:
        L.append("- **The machine was busy while this ran** (other processes competed for the 2 cores): wall times "
                 "and ratios are noisy and pessimistic; CPU times and peak memory are more trustworthy. "
                 "Re-measure on a quiet machine for authoritative figures.")
    if os.environ.get("BENCH_NOTE"):
        L.append(f"- Note: {os.environ['BENCH_NOTE']}")
    L.append(f"- tietopankki: git {ver['commit']}, release build ({ver['tool']}); {ver['swift']}")
    L.append(f"- Hugo: {ver['hugo']}; cmark-gfm: {ver['cmark']}; Python {ver['python']}")
    L.append("")
    L.append("## Full build (cold)")
    L.append("")
    L.append("The *cold* protocol: each run writes into an output folder that does not exist before the run "
             "(ours: `build --output`, whose previous tree beside the output is moved aside too, so every file "
             "is written; Hugo: `--destination`). "
             "Warm page cache (one untimed warm-up build of each first), `sync` before each run. "
             "Runs alternate ours, Hugo, ours, Hugo, … Earlier runs' output folders are moved aside, not deleted, "
             f"until the size is done, and deleted folders are given {SETTLE_SECONDS} s before the next "
             "measurement: ext4 here skips recently freed inodes when creating files, which otherwise cost "
             "either tool up to a third of its CPU time in the kernel.")
    L.append("")
    L.append("| files | output files ours / Hugo | wall ours | wall Hugo | **wall ours/Hugo** | CPU ours | CPU Hugo | "
             "CPU ours/Hugo | peak RSS ours | peak RSS Hugo | RSS ours/Hugo | other load |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        r = bench.results[n]
        ow, hw = median(r["ours"], "wall"), median(r["hugo"], "wall")
        oc, hc = median(r["ours"], "cpu"), median(r["hugo"], "cpu")
        om, hm = median(r["ours"], "rss_mb"), median(r["hugo"], "rss_mb")
        of = f"{r['ours_out']['files']:,}" if r.get("ours_out") else "–"
        hf = f"{r['hugo_out']['files']:,}" if r.get("hugo_out") else "–"
        L.append(f"| {n:,} | {of} / {hf} | {fmt(ow, ' s')} | {fmt(hw, ' s')} | **{ratio(ow, hw)}** | "
                 f"{fmt(oc, ' s')} | {fmt(hc, ' s')} | {ratio(oc, hc)} | {fmt(om, ' MB', 0)} | {fmt(hm, ' MB', 0)} | "
                 f"{ratio(om, hm)} | {others(r)} |")
    L.append("")
    L.append("*other load*: the most CPU other processes took during one of the size's timed runs, in cores "
             "(0 = quiet; 2 = everything). Individual runs (wall / CPU, seconds, in order):")
    L.append("")
    for n in sizes:
        r = bench.results[n]
        for who in ("ours", "hugo"):
            runs = ", ".join(f"{m['wall']:.2f} / {m['cpu']:.2f}" + ("" if m["ok"] else " failed") for m in r[who])
            L.append(f"- {n:,} {'ours' if who == 'ours' else 'Hugo'}: {runs or '–'}")
    L.append("")
    L.append("## Rebuild protocols: cold, nothing changed, one body edited")
    L.append("")
    L.append("What people do: *cold* builds into an empty output (the runs of the table above); the other two "
             "build over the previous output, as the nightly job, `make site` and an editor's repeated `build` "
             "do — ours `build --output` over its last output (it brings its previous tree up to date and "
             "exchanges the two), Hugo `--destination` over its last output (it writes every file in place). "
             "*one body edited* appends a sentence to one article's body before each round. Each round runs "
             "ours, then Hugo. *written*: files whose mtime is at or after the run's start. One untimed rebuild "
             "of each precedes the timed ones (ours makes its previous tree then, by hard links). Medians; the "
             f"{SETTLE_SECONDS} s settling wait applies to the cold runs only.")
    L.append("")
    L.append("| files | protocol | wall ours | wall Hugo | **ours/Hugo** | user ours | sys ours | user Hugo | sys Hugo | "
             "written ours | written Hugo | peak RSS ours | peak RSS Hugo | other load |")
    L.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        for protocol, runs in bench.results[n].get("protocols", {}).items():
            o, h = runs.get("ours", []), runs.get("hugo", [])
            ow, hw = median(o, "wall"), median(h, "wall")
            load = max([m["other_cores"] for m in o + h], default=None)
            L.append(f"| {n:,} | {protocol} | {fmt(ow, ' s')} | {fmt(hw, ' s')} | **{ratio(ow, hw)}** | "
                     f"{fmt(median(o, 'user'), ' s')} | {fmt(median(o, 'sys'), ' s')} | {fmt(median(h, 'user'), ' s')} | "
                     f"{fmt(median(h, 'sys'), ' s')} | {fmt(median(o, 'written'), '', 0)} | {fmt(median(h, 'written'), '', 0)} | "
                     f"{fmt(median(o, 'rss_mb'), ' MB', 0)} | {fmt(median(h, 'rss_mb'), ' MB', 0)} | {fmt(load)} |")
    L.append("")
    for n in sizes:
        first = bench.results[n].get("first_rebuild", {})
        if first:
            L.append(f"- {n:,}, the untimed first rebuild after the cold runs: " + "; ".join(
                f"{'ours' if who == 'ours' else 'Hugo'} {m['wall']:.2f} s wall ({m['user']:.2f} user + {m['sys']:.2f} sys), "
                f"{m['written']:,} files written" for who, m in first.items()))
    L.append("")
    L.append("## Scaling (wall time per Markdown file)")
    L.append("")
    L.append(f"| files | ours ms/file | ours vs {sizes[0]:,} | Hugo ms/file | Hugo vs {sizes[0]:,} |" if sizes else "")
    L.append("|---:|---:|---:|---:|---:|")
    base_o = base_h = None
    for n in sizes:
        r = bench.results[n]
        ow, hw = median(r["ours"], "wall"), median(r["hugo"], "wall")
        po = ow / n * 1000 if ow else None
        ph = hw / n * 1000 if hw else None
        if n == sizes[0]:
            base_o, base_h = po, ph
        L.append(f"| {n:,} | {fmt(po)} | {ratio(po, base_o)} | {fmt(ph)} | {ratio(ph, base_h)} |")
    L.append("")
    L.append("## The floor")
    L.append("")
    L.append("cmark-gfm alone: Debian's `cmark-gfm " + " ".join(CMARK_EXTENSIONS) + "` rendering all the corpus's "
             "Markdown bodies (front matter removed, concatenated into one input, one process, so one core), "
             "user+sys CPU. Write: `bench/write_floor.py` writes a copy of our output tree (all files read into "
             "memory first, untimed; `sync` before) into a new folder, one open/write/close per file, no fsync; the faster of "
             "1 thread and one thread per core. Floor = cmark-gfm CPU + write time.")
    L.append("")
    L.append("| files | Markdown | cmark-gfm CPU | our output | write time | **floor** | ours wall | **ours/floor** |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        r = bench.results[n]
        c, w = r.get("cmark", {}), r.get("write")
        floor = (c.get("cpu") or 0) + w["seconds"] if w and c.get("cpu") is not None else None
        ow = median(r["ours"], "wall")
        out = f"{w['files']:,} files, {w['mb']:.0f} MB" if w else "–"
        wt = f"{w['seconds']:.2f} s ({w['threads']} thr.)" if w else "–"
        L.append(f"| {n:,} | {fmt(c.get('md_mb'), ' MB', 1)} | {fmt(c.get('cpu'), ' s')} | {out} | {wt} | "
                 f"**{fmt(floor, ' s')}** | {fmt(ow, ' s')} | **{ratio(ow, floor)}** |")
    L.append("")
    L.extend(attribution_section(bench, attrib or {}))
    L.append("## Search index")
    L.append("")
    L.append("Size of the search index our build writes: every file of fi/haku/ and sv/sok/ but the page, raw and "
             "gzip-compressed file by file (level 6). A query fetches only some of them: bytes per query, against "
             "Pagefind, are in the search section below (bench/search.py).")
    L.append("")
    L.append("| files | fi/haku/ index files | raw | gzip | sv/sok/ index files | raw | gzip |")
    L.append("|---:|---:|---:|---:|---:|---:|---:|")
    for n, s in sorted(index.items()):
        L.append(f"| {n:,} | {s['fi']['files']:,} | {s['fi']['raw'] / 1e6:.2f} MB | {s['fi']['gzip'] / 1e6:.2f} MB | "
                 f"{s['sv']['files']:,} | {s['sv']['raw'] / 1e6:.2f} MB | {s['sv']['gzip'] / 1e6:.2f} MB |")
    for n, m in sorted(bench.single_builds.items()):
        L.append("")
        L.append(f"(The {n:,}-file build made for this took {m['wall']:.1f} s wall, {m['cpu']:.1f} s CPU, "
                 f"{m['rss_mb']:.0f} MB peak RSS — a single run.)")
    L.append("")
    L.append("## Incremental rebuild")
    L.append("")
    L.append("Through `tietopankki bench-incremental`: the preview's own inotify watcher, incremental builder and "
             "reload broadcast (no HTTP). *rebuild*: the incremental update itself; *save → reload*: from the "
             "edited file's write to the reload event browsers get (includes the watcher's 30 ms quiet window). "
             "Medians of the runs.")
    L.append("")
    L.append("| files | edit | rebuild | save → reload | target |")
    L.append("|---:|---|---:|---:|---|")
    if incr.get("available"):
        for n, per in sorted(incr["sizes"].items()):
            for edit, v in per["edits"].items():
                if v["rebuild"] is None:
                    L.append(f"| {n:,} | {edit} | failed: {(v['errors'] or ['?'])[0]} | | |")
                    continue
                target = []
                if edit == "body" and n == 5000:
                    target.append("rebuild ≤ 50 ms (issue 9)")
                if edit == "body" and n == 10000:
                    target.append("save → reload < 100 ms (issue 8)")
                L.append(f"| {n:,} | {edit} | {fmt(v['rebuild'], ' ms', 1)} | {fmt(v['latency'], ' ms', 1)} | "
                         f"{', '.join(target)} |")
        L.append("")
        L.append("| files | `serve` cold start (initial in-memory build) |")
        L.append("|---:|---:|")
        for n, per in sorted(incr["sizes"].items()):
            cold = statistics.median(per["cold"]) if per["cold"] else None
            L.append(f"| {n:,} | {fmt(cold / 1000 if cold else None, ' s')} |")
    else:
        L.append("| | | not yet: needs `tietopankki bench-incremental` | | |")
    L.append("")
    L.append("## Targets of issue 9")
    L.append("")
    L.append("| target | measured | met? |")
    L.append("|---|---|---|")
    for n in [s for s in sizes if s >= 5000]:
        r = bench.results[n]
        ow, hw = median(r["ours"], "wall"), median(r["hugo"], "wall")
        q = ow / hw if ow and hw else None
        L.append(f"| wall ours/Hugo ≤ 0.33 at {n:,} | {fmt(q)} | {yes(q is not None and q <= 0.33, q)} |")
        c, w = r.get("cmark", {}), r.get("write")
        floor = (c.get("cpu") or 0) + w["seconds"] if w and c.get("cpu") is not None else None
        f = ow / floor if ow and floor else None
        L.append(f"| ours ≤ 2× floor at {n:,} | {fmt(f)}× | {yes(f is not None and f <= 2, f)} |")
    if 20000 in bench.results:
        r = bench.results[20000]
        om, hm = median(r["ours"], "rss_mb"), median(r["hugo"], "rss_mb")
        ok = om is not None and hm is not None and om <= hm / 4 and om <= 1024
        L.append(f"| peak RSS at 20,000 ≤ ¼ Hugo's and ≤ 1 GB | {fmt(om, ' MB', 0)} (Hugo {fmt(hm, ' MB', 0)}) | "
                 f"{yes(ok, om)} |")
    if sizes and sizes[-1] > sizes[0]:
        a, b = sizes[0], sizes[-1]
        pa = median(bench.results[a]["ours"], "wall")
        pb = median(bench.results[b]["ours"], "wall")
        s = (pb / b) / (pa / a) if pa and pb else None
        tgt = "target (20,000 vs 1,000)" if b == 20000 and a == 1000 else "indicative only: the target compares 20,000 with 1,000"
        L.append(f"| time per file at {b:,} ≤ 1.2× at {a:,} ({tgt}) | {fmt(s)}× | {yes(s is not None and s <= 1.2, s)} |")
    body = (incr.get("sizes", {}).get(5000, {}).get("edits", {}).get("body", {}).get("rebuild")
            if incr.get("available") else None)
    L.append(f"| incremental body edit at 5,000 ≤ 50 ms | {fmt(body, ' ms', 1) if body is not None else 'not measured'} | "
             f"{yes(body is not None and body <= 50, body) if body is not None else '–'} |")
    late = (incr.get("sizes", {}).get(10000, {}).get("edits", {}).get("body", {}).get("latency")
            if incr.get("available") else None)
    L.append(f"| save → reload after a body edit at 10,000 < 100 ms (issue 8) | "
             f"{fmt(late, ' ms', 1) if late is not None else 'not measured'} | "
             f"{yes(late is not None and late < 100, late) if late is not None else '–'} |")
    L.append("")
    L.append("## Notes")
    L.append("")
    for n in sizes:
        r = bench.results[n]
        if not r.get("ours_ok"):
            L.append(f"- **Our build of {n:,} files failed**:")
            L.append("")
            L.append("```")
            L.extend(r.get("ours_error", "").strip().splitlines()[:40])
            L.append("```")
        if r.get("ours_warnings"):
            L.append(f"- Our build of {n:,} files reported {len(r['ours_warnings'])} warning(s), e.g. "
                     f"`{json.dumps(r['ours_warnings'][0], ensure_ascii=False)[:300]}`")
        if not r.get("hugo_ok"):
            L.append(f"- **Hugo's build of {n:,} files failed**: `{r.get('hugo_error', '').strip()[:400]}`")
    L.extend(f"- {n}" for n in bench.notes)
    L.append("- Work is comparable, not identical. Both build one page per item and language, section lists and "
             "term pages (regions, themes, tags) paginated by 20, a term index per taxonomy, a home page and an "
             "RSS feed (50 newest, full content) per language, feeds per region and theme, a sitemap, robots.txt, "
             "and resolve the links between content files (Hugo through a link render hook that calls "
             "`GetPage`, as `ref` would), three related items per page. Ours also writes what Hugo's theme "
             "does not: upcoming/past event lists and per-type event lists, the event archive, iCalendar files "
             "(one per event and a calendar per language), browse and search pages with their JSON indexes, "
             "structured data and 404 pages. Hugo also writes alias pages (`…/page/1/` redirects).")
    L.append("")
    return "\n".join(L) + "\n"


def attribution_section(bench: Bench, attrib: dict) -> list[str]:
    """Which code our build's CPU time went to, and what that means for the floor target."""
    n = attrib.get("files")
    L = ["## Where our CPU time goes", ""]
    if "error" in attrib or n not in bench.results:
        return L + [f"Not measured: {attrib.get('error', 'no build of that size')}.", ""]
    r = bench.results[n]
    cpu = median(r["ours"], "cpu")
    L.append(f"One more build of {n:,} files, sampled by `perf record -g` ({attrib['samples']:,} samples at "
             "999 Hz; bench/attribution.py). Each sample goes to the innermost function of swift-mustache, Yams, "
             "cmark-gfm or our modules on its stack, so runtime work (retain/release, casts, string appends) "
             "counts for whoever asked for it; *unattributed* is mostly malloc/free, whose callers Debian's "
             f"libc does not record. CPU seconds: share × the median CPU time of our timed runs above "
             f"({fmt(cpu, ' s')}; the sampled build itself took {attrib['samples'] / 999:.2f} s of CPU).")
    L.append("")
    L.append("| code | share of CPU | CPU | of which in the kernel |")
    L.append("|---|---:|---:|---:|")
    names = {"swift-mustache": "swift-mustache (templates)", "Yams": "Yams (front matter)",
             "cmark-gfm": "cmark-gfm (Markdown)", "tietopankki": "tietopankki (ours)", "unattributed": "unattributed"}
    for key, share in attrib["shares"].items():
        k = attrib["kernel_shares"].get(key, 0)
        L.append(f"| {names.get(key, key)} | {share:.1%} | {fmt(share * cpu if cpu else None, ' s')} | {k:.1%} |")
    c, w = r.get("cmark", {}), r.get("write")
    floor = (c.get("cpu") or 0) + w["seconds"] if w and c.get("cpu") is not None else None
    engine = attrib["shares"].get("swift-mustache", 0) * cpu if cpu else None
    cores = os.cpu_count() or 1
    if floor and engine:
        L.append("")
        L.append(f"The template engine's part alone, {engine:.2f} s of CPU, takes at least {engine / cores:.2f} s of "
                 f"wall time on {cores} cores: {engine / cores / (2 * floor):.0%} of the time the target allows "
                 f"a whole build (2 × floor = {2 * floor:.2f} s).")
    L.append("")
    return L


def others(r: dict) -> str:
    values = [m["other_cores"] for who in ("ours", "hugo") for m in r[who]]
    return f"{max(values):.2f}" if values else "–"


def yes(ok: bool, value) -> str:
    if value is None:
        return "–"
    return "yes" if ok else "**no**"


KEPT_HEADING = "## Measured changes (kept by run.py)"


def kept_section(results: Path) -> str:
    """The hand-written section of the previous results.md (figures of earlier changes), to carry over."""
    old = results.read_text() if results.exists() else ""
    start = old.find(KEPT_HEADING)
    return "\n" + old[start:] if start >= 0 else ""


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="tietopankki vs Hugo benchmark")
    ap.add_argument("--tool", default=str(REPO / ".build" / "release" / "tietopankki"))
    ap.add_argument("--work", default=str(BENCH / "work"))
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", ""))
    ap.add_argument("--large", action="store_true", default=os.environ.get("BENCH_LARGE", "") not in ("", "0"))
    ap.add_argument("--index-files", type=int, default=int(os.environ.get("BENCH_INDEX_FILES", "10000")))
    ap.add_argument("--results", default=str(BENCH / "results.md"))
    ap.add_argument("--keep", action="store_true", help="keep the output folders in the work folder")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()] or [1000, 5000]
    if args.large and 20000 not in sizes:
        sizes.append(20000)
    sizes.sort()
    if not Path(args.tool).is_file():
        raise SystemExit(f"no tietopankki binary at {args.tool}; run `make bench` (it builds one)")
    for exe in ("hugo", "cmark-gfm", "/usr/bin/time"):
        if not shutil.which(exe):
            raise SystemExit(f"{exe} is missing; bench/run.sh installs it (apt-get install hugo cmark-gfm time)")

    started = dt.datetime.now().astimezone()
    load0 = open("/proc/loadavg").read().split(" ", 3)[:3]
    bench = Bench(args)
    bench.single_builds = {}
    bench.prepare_hugo_site()
    log(f"sizes {sizes}, {args.runs} runs each; tool {bench.tool}")
    attributed = [n for n in sizes if n <= 5000]
    attrib: dict = {"error": "no size of at most 5,000 files"}
    for n in sizes:
        corpus = bench.corpus(n)
        res = bench.full_builds(n, corpus)
        bench.results[n] = res
        if attributed and n == attributed[-1]:
            # Right after the timed runs, in the same state of the disk (their outputs moved aside).
            attrib = bench.attribution(n)
        bench.rebuilds(n, corpus, res)
        bench.floor(n, corpus, res)
        if not args.keep:
            bench.discard(bench.work / f"out-hugo-{n}")
    index = bench.search_index()
    incr = bench.incremental()
    if not args.keep:
        for n in sizes:
            bench.discard(bench.work / f"out-ours-{n}")
    rmtree(bench.trash)
    load1 = open("/proc/loadavg").read().split(" ", 3)[:3]
    max_other = max((m["other_cores"] for r in bench.results.values() for who in ("ours", "hugo") for m in r[who]),
                    default=0.0)
    text = render(bench, started, " ".join(load0), " ".join(load1), index, incr, max_other, attrib)
    text += kept_section(Path(args.results))
    Path(args.results).write_text(text)
    print(text)
    log(f"wrote {args.results} ({(dt.datetime.now().astimezone() - started).total_seconds() / 60:.1f} min)")
    failed = [n for n, r in bench.results.items() if not r.get("ours_ok")]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
