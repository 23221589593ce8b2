#!/usr/bin/env bash
# The template fast path against the engine (Sources/Templates/README.md): a generated 1,000-file corpus
# (bench's generator, fixed seed) built with the specializer and with TIETOPANKKI_NO_SPECIALIZING=1 must
# give the same bytes. Twice: at the corpus's own moment, and half a year earlier with --drafts --future,
# so a third of the items are future ones shown with their preview notes.
#   checks/specializing.sh BINARY [FILES]
set -euo pipefail
binary=$(realpath "$1")
files=${2:-1000}
cd "$(dirname "$0")/.."
work=.checks/specializing
rm -rf "$work"
mkdir -p "$work"
python3 bench/generate.py --files "$files" --seed 2026 --out "$work/site" >/dev/null

compare() {
    local name=$1; shift
    "$binary" build --quiet --root "$work/site" --output "$work/$name-fast" "$@"
    TIETOPANKKI_NO_SPECIALIZING=1 "$binary" build --quiet --root "$work/site" --output "$work/$name-engine" "$@"
    if ! diff -r -q -x .tietopankki-manifest "$work/$name-fast" "$work/$name-engine"; then
        echo "check-specializing: the fast path and the engine differ ($name: $*); see diff -r $work/$name-fast $work/$name-engine" >&2
        exit 1
    fi
    echo "check-specializing: $name ($*): $(find "$work/$name-fast" -type f | wc -l) files, identical"
}
compare published --now 2026-11-23T12:00:00+02:00
compare preview --now 2026-06-01T12:00:00+03:00 --drafts --future
rm -rf "$work"
