#!/usr/bin/env bash
# The benchmark of issue 9: tietopankki against Hugo. `make bench` runs this with the release binary it
# just built; run alone, it builds one. Options and environment are passed to bench/run.py
# (BENCH_LARGE=1 adds 20,000 files, BENCH_RUNS, BENCH_SIZES, BENCH_INDEX_FILES, BENCH_NOTE).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the benchmark needs: Hugo to compare with, cmark-gfm for the floor, GNU time for peak RSS,
# perf (linux-perf) for where the CPU time goes (skipped when the kernel does not let it sample), Chromium
# for the search comparison's cold queries.
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=""
for p in hugo cmark-gfm time python3 python3-venv linux-perf librsvg2-bin libvips-tools chromium chromium-driver; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
	echo "Installing Debian packages:$missing"
	$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
fi

tool=""
args=()
while [ $# -gt 0 ]; do
	case "$1" in
		--tool) tool="$2"; shift 2 ;;
		--tool=*) tool="${1#--tool=}"; shift ;;
		*) args+=("$1"); shift ;;
	esac
done
if [ -z "$tool" ]; then
	swift build -c release --product tietopankki
	tool=.build/release/tietopankki
fi
python3 bench/run.py --tool "$tool" "${args[@]+"${args[@]}"}"
# The picture pipeline against Hugo's image processing (its own section of bench/results.md).
if [ "${BENCH_IMAGES:-1}" != 0 ]; then
	python3 bench/images.py --tool "$tool"
fi
# Our search against Pagefind (its own section of bench/results.md), from a virtualenv with the pinned
# PyPI packages of bench/requirements.txt.
if [ "${BENCH_SEARCH:-1}" != 0 ]; then
	venv=bench/work/venv
	[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
	"$venv/bin/pip" install --quiet --disable-pip-version-check --no-input -r bench/requirements.txt
	"$venv/bin/python" bench/search.py --tool "$tool"
fi
