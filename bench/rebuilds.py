#!/usr/bin/env python3
"""bench/run.py's two rebuild protocols alone (nothing changed, one body edited), R rounds alternating ours
and Hugo, over the output folders a previous `run.py --keep` left in the work folder
(e.g. `bench/rebuilds.py --tool .build/release/tietopankki --work bench/work --files 20000`, after
`bench/run.py --sizes 20000 --keep`): at 20,000 files Hugo's cold runs would add an hour. Writes
WORK/rebuilds-FILES.json and prints the wall times."""
import argparse, json, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import run
ap = argparse.ArgumentParser()
ap.add_argument("--tool", required=True); ap.add_argument("--work", required=True)
ap.add_argument("--runs", type=int, default=3); ap.add_argument("--files", type=int, default=20000)
ap.add_argument("--sizes", default=""); ap.add_argument("--large", action="store_true")
ap.add_argument("--index-files", type=int, default=0); ap.add_argument("--results", default="/dev/null")
ap.add_argument("--keep", action="store_true")
a = ap.parse_args()
b = run.Bench(a)
b.prepare_hugo_site()
corpus = b.corpus(a.files)
res = {"files": a.files, "ours": [], "hugo": [], "ours_ok": True, "hugo_ok": True}
b.rebuilds(a.files, corpus, res)
res["protocols"].pop("cold (empty output)", None)
json.dump(res, open(Path(a.work) / f"rebuilds-{a.files}.json", "w"), indent=1, default=str)
print(json.dumps({p: {w: [round(m["wall"], 2) for m in r[w]] for w in r} for p, r in res["protocols"].items()}))
