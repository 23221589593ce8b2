#!/usr/bin/env bash
# The benchmark of issue 9: tietopankki against Hugo. `make bench` runs this with the release binary it
# just built; run alone, it builds one. Options and environment are passed to bench/run.py
# (BENCH_LARGE=1 adds 20,000 files, BENCH_RUNS, BENCH_SIZES, BENCH_INDEX_FILES, BENCH_NOTE).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the benchmark needs: Hugo to compare with, cmark-gfm for the floor, GNU time for peak RSS,
# perf (linux-perf) for where the CPU time goes (skipped when the kernel does not let it sample).
SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
missing=""
for p in hugo cmark-gfm time python3 linux-perf librsvg2-bin libvips-tools; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
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
