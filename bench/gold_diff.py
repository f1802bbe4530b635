#!/usr/bin/env python3
"""Sorts what the extractor gets wrong on the gold files by which field is wrong.

usage: gold_diff.py CALLCHART_BIN [--show CLASS] [--json FILE]

For every tests/gold/*.gold.json, runs the extractor on its transcript and
compares its core facts (actual and guidance, not hedged `optional` ones)
with the gold facts, as ../shared/eval/score.py matches them:

- a fact the gold lacks (a false positive) is classed by the fields in which
  it differs from the nearest gold fact said on the same line, e.g.
  `segment` (right figure, wrong segment), `period`, `value` (a figure bound
  to the wrong metric or a part of another), or `spurious` (nothing near);
- a gold fact the extractor lacks (a miss) by the fields in which the nearest
  extracted fact with the same value differs, or `absent`.

Prints the counts by class; `--show CLASS` prints that class's facts with
their source lines, which is where the mechanisms to fix show themselves.
A developer's tool (see ARCHITECTURE.md, "How to improve accuracy"); CI
does not run it.
"""
import collections
import glob
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import score as S  # noqa: E402
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval import transcript_of  # noqa: E402


def fields_apart(p, g):
    d = []
    if S.norm(p.get("metric")) != g["metric"]:
        d.append("metric")
    if S.norm(p.get("segment") or "total") not in S.segments(g):
        d.append("segment")
    if (p.get("period") or "").upper() != g["period"].upper():
        d.append("period")
    if S.norm(p.get("kind")) != g.get("kind", "actual"):
        d.append("kind")
    if S.norm(p.get("measure") or "level") != g["measure"]:
        d.append("measure")
    if S.unit_of(p) != S.unit_of(g):
        d.append("unit")
    if not S.values_match(p, g):
        d.append("value")
    return d


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    binary = argv[1]
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    out_json = argv[argv.index("--json") + 1] if "--json" in argv else None
    extras, misses = collections.defaultdict(list), collections.defaultdict(list)
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "gold", "*.gold.json"))):
        gold = json.load(open(path, encoding="utf-8"))
        name = gold["transcript"]
        src = transcript_of(gold)
        if not src:
            continue
        lines = open(src, encoding="utf-8").read().split("\n")
        run = subprocess.run([binary, "extract", src], capture_output=True, text=True)
        facts = json.loads(run.stdout or '{"facts": []}')["facts"]
        optional = gold.get("optional", [])
        scored = [
            p for p in facts
            if S.norm(p.get("metric")) in S.CORE and S.norm(p.get("kind")) in ("actual", "guidance")
            and not any(S.loosely_matches(p, o) for o in optional)
        ]
        for p in scored:
            if any(S.matches(p, g) for g in gold["facts"]):
                continue
            line = (p.get("source") or {}).get("line")
            near = [(fields_apart(p, g), g) for g in gold["facts"]]
            near = [(d, g) for d, g in near if g.get("line") == line or "value" not in d]
            best = min(near, key=lambda x: len(x[0]), default=None)
            key = "+".join(best[0]) if best else "spurious"
            extras[key].append((name, line, S.describe(p), S.describe(best[1]) if best else "", lines[line - 1] if line else ""))
        for g in gold["facts"]:
            if any(S.matches(p, g) for p in scored):
                continue
            near = [(fields_apart(p, g), p) for p in scored]
            near = [(d, p) for d, p in near if "value" not in d]
            best = min(near, key=lambda x: len(x[0]), default=None)
            key = "+".join(best[0]) if best else "absent"
            line = g.get("line")
            misses[key].append((name, line, S.describe(g), S.describe(best[1]) if best else "", lines[line - 1] if line else ""))
    for title, table in (("false positives, by the fields apart from the nearest gold fact", extras),
                         ("misses, by the fields apart from the nearest extracted fact", misses)):
        print(f"{title}: {sum(len(v) for v in table.values())}")
        for k, v in sorted(table.items(), key=lambda kv: -len(kv[1])):
            print(f"  {len(v):5} {k}")
    if show:
        for table in (extras, misses):
            for name, line, got, near, text in table.get(show, []):
                print(f"\n{name}:{line}\n  {got}\n  near: {near}\n  | {text[:400]}")
    if out_json:
        json.dump({"extras": extras, "misses": misses}, open(out_json, "w", encoding="utf-8"), indent=1)


if __name__ == "__main__":
    main(sys.argv)
