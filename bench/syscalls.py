#!/usr/bin/env python3
"""What a build asks of the kernel, which does not depend on the machine's load (issue 23).

For one corpus size: ours and Hugo, each under `strace -c -f`, through four steps over one output folder —
cold (empty output), first rebuild, rebuild with nothing changed, rebuild after a one-body edit — and per
step the files written (mtime at or after the step's start), the files that kept inode and mtime, the
syscall total and the counts of the file-system calls that matter here. Prints a Markdown table.

  python3 bench/syscalls.py --tool .build/release/tietopankki --files 5000
(uses bench/run.py's corpus in bench/work/, generating it when missing)
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402

CALLS = ["openat", "write", "mkdir", "unlink", "rmdir", "link", "rename", "renameat2", "newfstatat", "getdents64"]


def identities(root: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for folder, _dirs, names in os.walk(root):
        for n in names:
            p = os.path.join(folder, n)
            st = os.lstat(p)
            found[os.path.relpath(p, root)] = (st.st_ino, st.st_mtime_ns)
    found.pop(".tietopankki-manifest", None)
    return found


def traced(cmd: list[str], report: Path) -> dict:
    subprocess.run(["sync"])
    out = subprocess.run(["strace", "-c", "-f", "-o", str(report)] + cmd, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed:\n{out.stderr[-2000:]}")
    calls: dict[str, tuple[int, int]] = {}
    total = 0
    for line in report.read_text().splitlines():
        fields = line.split()
        if len(fields) >= 5 and fields[0][0].isdigit() and not line.strip().startswith("100.00"):
            name = fields[-1]
            count = int(fields[3])
            errors = int(fields[4]) if len(fields) == 6 else 0
            calls[name] = (count, errors)
        if line.strip().startswith("100.00") and fields[-1] == "total":
            total = int(fields[3])
    return {"total": total, "calls": calls}


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--files", type=int, default=5000)
    ap.add_argument("--work", default=str(bench.BENCH / "work"))
    ap.add_argument("--tools", default="ours,hugo", help="which tools to trace (Hugo takes long under strace)")
    args = ap.parse_args(argv)
    ns = argparse.Namespace(tool=args.tool, work=args.work, runs=1, index_files=0)
    b = bench.Bench(ns)
    b.prepare_hugo_site()
    corpus = b.corpus(args.files)
    edited = bench.edit_target(corpus)
    original = edited.read_bytes()
    rows = []
    try:
        for who in args.tools.split(","):
            out = b.work / f"syscalls-{who}"
            b.discard(out)
            cmd = (b.ours_cmd(corpus, out, ["--quiet"]) if who == "ours" else b.hugo_cmd(corpus, out))
            cmd[0] = str(Path(cmd[0]).resolve()) if who == "ours" else shutil.which(cmd[0]) or cmd[0]
            before: dict = {}
            for step in ("cold", "first rebuild", "nothing changed", "one body edited"):
                if step == "one body edited":
                    edited.write_bytes(original + "\n\nMuokkaus: yksi lause lisää.\n".encode())
                since = time.time_ns()
                t = traced(cmd, b.work / "strace.txt")
                after = identities(out)
                written = sum(1 for _ino, mtime in after.values() if mtime >= since)
                kept = sum(1 for p, ident in after.items() if before.get(p) == ident)
                rows.append((who, step, len(after), written, kept, t))
                print(f"[syscalls] {who} {step}: {written} written, {kept} kept, {t['total']} syscalls", file=sys.stderr)
                before = after
                if step == "one body edited":
                    edited.write_bytes(original)
            b.discard(out)
    finally:
        edited.write_bytes(original)
        shutil.rmtree(b.trash, ignore_errors=True)
    print(f"| tool | step ({args.files:,} files) | output files | written | kept inode+mtime | syscalls | "
          + " | ".join(CALLS) + " |")
    print("|---|---|---:|---:|---:|---:|" + "---:|" * len(CALLS))
    for who, step, files, written, kept, t in rows:
        cells = []
        for c in CALLS:
            count, errors = t["calls"].get(c, (0, 0))
            cells.append(f"{count:,}" + (f" ({errors:,} failed)" if errors else ""))
        print(f"| {'ours' if who == 'ours' else 'Hugo'} | {step} | {files:,} | {written:,} | {kept:,} | {t['total']:,} | "
              + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
