#!/usr/bin/env python3
"""The write floor: how fast can this machine write a given output tree?

Reads every file under SRC into memory first (not timed), then times only the writing of the same tree
into DEST, which must not exist: one mkdir per folder, and for each file open(O_CREAT|O_EXCL|O_WRONLY),
one write, close — no fsync, as a site build does. With --threads N the files are split into N interleaved
shares written by N threads (os.open/os.write/os.close release the GIL, so the threads do run in
parallel in the kernel). Prints one JSON line: {"files", "bytes", "dirs", "seconds", "threads"}.

    python3 bench/write_floor.py bench/work/out-ours-5000 bench/work/floor-write --threads 2
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import threading
import time


def load(src: str) -> tuple[list[str], list[tuple[str, bytes]]]:
    dirs: list[str] = []
    files: list[tuple[str, bytes]] = []
    for root, dirnames, filenames in os.walk(src):
        dirnames.sort()
        rel = os.path.relpath(root, src)
        if rel != ".":
            dirs.append(rel)
        for name in sorted(filenames):
            path = os.path.join(root, name)
            with open(path, "rb") as f:
                files.append((os.path.normpath(os.path.join(rel, name)), f.read()))
    return dirs, files


def write_share(dest: str, share: list[tuple[str, bytes]]) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for rel, data in share:
        fd = os.open(os.path.join(dest, rel), flags, 0o644)
        try:
            view = memoryview(data)
            while view:
                n = os.write(fd, view)
                view = view[n:]
        finally:
            os.close(fd)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description="time writing a copy of an output tree")
    ap.add_argument("src")
    ap.add_argument("dest")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args(argv)
    if os.path.exists(args.dest):
        print(f"{args.dest} exists; give a fresh folder", file=sys.stderr)
        return 2
    dirs, files = load(args.src)
    n = max(1, args.threads)
    shares = [files[i::n] for i in range(n)]
    start = time.perf_counter()
    os.mkdir(args.dest)
    for d in dirs:  # os.walk order: parents before children
        os.mkdir(os.path.join(args.dest, d))
    if n == 1:
        write_share(args.dest, shares[0])
    else:
        errors: list[BaseException] = []

        def run(share):
            try:
                write_share(args.dest, share)
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)
        threads = [threading.Thread(target=run, args=(s,)) for s in shares]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if errors:
            raise errors[0]
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(files), "bytes": sum(len(d) for _, d in files), "dirs": len(dirs) + 1,
                      "seconds": round(seconds, 4), "threads": n}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
