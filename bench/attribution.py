#!/usr/bin/env python3
"""Where a build's CPU time goes: our code, or the libraries the project's fixed choices put under it.

Samples one build with `perf record -g` (frame pointers; Swift keeps them) and gives each sample to the
first frame, walking from the sampled instruction towards `main`, that belongs to one of:

- swift-mustache (templates): a function of the `Mustache` module;
- Yams (YAML): a function of `Yams` or of the libyaml it carries;
- cmark-gfm (Markdown): anything in libcmark-gfm or its extensions;
- tietopankki: a function of one of our modules.

Runtime work (retain/release, casts, hashing, string appends, malloc) thus counts for whoever asked for it.
Samples with no such frame (malloc and free, whose Debian build has no frame pointers so their callers are
lost; the dynamic loader; thread start) are "unattributed". A sample whose innermost frame is in the kernel
is also counted as kernel time of its owner (for us: reading content, writing output).

    python3 bench/attribution.py TOOL CORPUS OUTPUT [--now …]   # prints one JSON object

Needs `perf` (Debian's linux-perf) and a kernel that lets it sample; otherwise prints {"error": …}.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

OUR_MODULES = ["Authoring", "Building", "EmailInlining", "Indexing", "Inspection", "Loading", "Model",
               "Rendering", "Serving", "Writing", "tietopankki"]
OWNERS = [
    ("swift-mustache", re.compile(r"^\$s8Mustache")),
    ("Yams", re.compile(r"^(\$s4Yams|yaml_)")),
    ("tietopankki", re.compile(r"^\$s(" + "|".join(f"{len(m)}{m}" for m in OUR_MODULES) + r")")),
]
CMARK = "libcmark-gfm"
# The search index, wherever it sits in a stack (bench/search.py asks for its share): the writer of the
# index files (searchFiles, SearchPostings, SearchShards), the stemming module (not the search page, an
# ordinary page), Snowball's libstemmer and Voikko.
SEARCH_INDEX = re.compile(r"searchData|searchFiles|shardFiles|[Ss]earch(Index|Shard|Words|Records|Postings|CutWarnings)"
                          r"|^\$s8Stemming|^\$s9Searching|^sb_stemmer|^voikko")
STEMMERS = ("libstemmer", "libvoikko")


def owner_of(stack: list[tuple[str, str]]) -> str:
    for symbol, dso in stack:
        if CMARK in dso:
            return "cmark-gfm"
        for name, pattern in OWNERS:
            if pattern.match(symbol):
                return name
    return "unattributed"


def samples(perf_script: str):
    """Yields each sample's stack as (symbol, dso) pairs, innermost first."""
    stack: list[tuple[str, str]] | None = None
    for line in perf_script.splitlines():
        if not line.strip():
            if stack:
                yield stack
            stack = None
            continue
        if not line[0].isspace():
            stack = []
            continue
        if stack is None:
            continue
        parts = line.strip().split(" ", 2)
        symbol = parts[1].rsplit("+0x", 1)[0] if len(parts) > 1 else "?"
        stack.append((symbol, parts[2] if len(parts) > 2 else ""))
    if stack:
        yield stack


def attribute(perf_script: str) -> dict:
    owners: Counter[str] = Counter()
    kernel: Counter[str] = Counter()
    search = 0
    for stack in samples(perf_script):
        if any(any(name in dso for name in STEMMERS) or SEARCH_INDEX.search(symbol) for symbol, dso in stack):
            search += 1
        owner = owner_of(stack)
        owners[owner] += 1
        if "kernel" in stack[0][1]:
            kernel[owner] += 1
    total = sum(owners.values())
    return {
        "samples": total,
        "shares": {name: count / total for name, count in owners.most_common()} if total else {},
        "kernel_shares": {name: count / total for name, count in kernel.items()} if total else {},
        "search_share": search / total if total else None,
    }


def measure(tool: str, corpus: str, output: str, now: str) -> dict:
    if not shutil.which("perf"):
        return {"error": "perf is not installed (Debian: linux-perf)"}
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "perf.data"
        record = subprocess.run(
            ["perf", "record", "-F", "999", "-g", "-o", str(data), "--", tool, "build", "--root", corpus,
             "--output", output, "--now", now, "--quiet"], capture_output=True, text=True)
        if record.returncode != 0 or not data.exists():
            return {"error": f"perf record failed: {record.stderr.strip().splitlines()[-1:]}"}
        script = subprocess.run(["perf", "script", "-i", str(data)], capture_output=True, text=True)
        if script.returncode != 0:
            return {"error": "perf script failed"}
        return attribute(script.stdout)


def main(argv: list[str]) -> int:
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tool")
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--now", default="2026-11-23T12:00:00+02:00")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.tool, args.corpus, args.output, args.now)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
