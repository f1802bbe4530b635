#!/usr/bin/env python3
"""Extraction accuracy: the corpus line, the gold means, the dev calls, a miss table by class.

usage: eval.py CALLCHART_BIN [--check FLOOR_FILE] [--misses FILE]

- corpus: ../shared/eval/corpus.py over ../shared/data/corpus (strict key-figure recall);
- gold: ../shared/eval/score.py for every tests/gold/*.gold.json and the sample's gold,
  then their mean precision, recall and f1;
- dev: the summary recall of every dev call that has a summary;
- identity: how many corpus calls get the fiscal quarter and year their file name carries
  (`ectsum_ABT_q3_2021.txt` is FY2021-Q3): a wrong call period shifts every figure of the call;
- misses: the corpus's missed figures by what the bullet states.
With --check, exits 1 when a number falls below its floor in FLOOR_FILE (bench/accuracy.json):
a ratchet, raised as accuracy improves; lowering a floor is a deliberate commit with a reason.
"""
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
EVAL = os.path.join(SHARED, "eval")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def transcript_of(gold):
    name = gold["transcript"]
    for d in ("corpus", "dev", "."):
        p = os.path.join(SHARED, "data", d, name)
        if os.path.isfile(p):
            return p
    return None


def gold_scores(binary, tmp):
    golds = sorted(os.path.join(ROOT, "tests", "gold", n) for n in os.listdir(os.path.join(ROOT, "tests", "gold"))
                   if n.endswith(".gold.json"))
    rows = []
    for g in golds:
        gold = json.load(open(g, encoding="utf-8"))
        src = transcript_of(gold)
        if not src:
            print(f"gold: {os.path.basename(g)}: transcript {gold['transcript']} not found", file=sys.stderr)
            continue
        out = os.path.join(tmp, os.path.basename(g) + ".facts.json")
        with open(out, "w") as fh:
            subprocess.run([binary, "extract", src], stdout=fh, stderr=subprocess.DEVNULL)
        last = run([sys.executable, os.path.join(EVAL, "score.py"), out, g]).stdout.strip().splitlines()[-1]
        m = re.search(r"precision ([\d.]+) recall ([\d.]+) f1 ([\d.]+)", last)
        rows.append((os.path.basename(g)[:-len(".gold.json")], *(float(x) for x in m.groups()), last))
    return rows


def identity(binary):
    """(agree, total, mismatches): corpus calls whose call period is the one in their file name."""
    folder = os.path.join(SHARED, "data", "corpus")
    calls = []
    for n in sorted(os.listdir(folder)):
        m = re.search(r"_q([1-4])_(\d{4})\.txt$", n)
        if m:
            calls.append((n, f"FY{m.group(2)}-Q{m.group(1)}"))

    def call_of(name):
        p = run([binary, "extract", os.path.join(folder, name)])
        try:
            return json.loads(p.stdout).get("call")
        except ValueError:
            return None

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as ex:
        got = list(ex.map(call_of, [n for n, _ in calls]))
    bad = [(n, g, w) for (n, w), g in zip(calls, got) if g != w]
    return len(calls) - len(bad), len(calls), bad


def miss_class(m):
    fam = m["family"] or []
    b = m["bullet"].lower()
    kind = m["kind"]
    rng = " range" if m["range"] else ""
    if "eps" in fam:
        what = "FFO per share" if "ffo" in b else "EPS"
    elif fam:
        what = {"revenue": "revenue", "net_income": "net income", "dividend": "dividend", "ebitda": "EBITDA",
                "capex": "capex", "free_cash_flow": "free cash flow", "gross_margin": "gross margin",
                "operating_margin": "operating margin", "operating_income": "operating income"}.get(
                    fam[0], "other metric (" + fam[0] + ")")
    else:
        what = "unnamed metric"
    return f"{what} {kind}{rng}"


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    floor_file = argv[argv.index("--check") + 1] if "--check" in argv else None
    misses_out = argv[argv.index("--misses") + 1] if "--misses" in argv else None
    if floor_file:
        args.remove(floor_file)
    if misses_out:
        args.remove(misses_out)
    binary = os.path.abspath(args[0])
    with tempfile.TemporaryDirectory() as tmp:
        misses = misses_out or os.path.join(tmp, "misses.jsonl")
        corpus = run([sys.executable, os.path.join(EVAL, "corpus.py"), binary, os.path.join(SHARED, "data", "corpus"),
                      "--misses", misses]).stdout.strip().splitlines()[-1]
        print(corpus)
        table = collections.Counter(miss_class(json.loads(l)) for l in open(misses, encoding="utf-8"))
        rows = gold_scores(binary, tmp)
    agree, total, _ = identity(binary)
    print(f"identity: {agree}/{total} corpus calls agree with their file name's quarter ({100 * agree / max(total, 1):.1f}%)")
    print("\nmissed corpus figures by what the bullet states:")
    for k, v in table.most_common(16):
        print(f"  {v:6d}  {k}")
    print(f"  {sum(table.values()):6d}  in all")
    print("\ngold files (tests/gold, hand-labelled):")
    for name, p, r, f, _ in rows:
        print(f"  {name:42s} precision {p:.3f} recall {r:.3f} f1 {f:.3f}")
    n = len(rows) or 1
    mp, mr, mf = (sum(x[i] for x in rows) / n for i in (1, 2, 3))
    print(f"gold: mean precision {mp:.3f} recall {mr:.3f} f1 {mf:.3f} over {len(rows)} calls")
    sample = os.path.join(SHARED, "data", "credo-q4-fy2023")
    with tempfile.NamedTemporaryFile("w", suffix=".json") as fh:
        subprocess.run([binary, "extract", sample + ".txt"], stdout=fh, stderr=subprocess.DEVNULL)
        fh.flush()
        s = run([sys.executable, os.path.join(EVAL, "score.py"), fh.name, sample + ".gold.json"]).stdout.strip().splitlines()[-1]
    print(f"sample: {s}")
    m = re.search(r"recall ([\d.]+) \(95% CI ([\d.]+)-[\d.]+\).*?no facts (\d+); under 10 core facts (\d+)", corpus)
    got = {"corpus_recall": float(m.group(1)), "corpus_recall_ci_low": float(m.group(2)), "gold_precision": mp,
           "gold_recall": mr, "gold_f1": mf, "sample_f1": float(re.search(r"f1 ([\d.]+)", s).group(1)),
           "identity": agree / max(total, 1)}
    ceil = {"corpus_no_facts": int(m.group(3)), "corpus_under_10_core": int(m.group(4))}
    if not floor_file:
        return 0
    floors = json.load(open(floor_file, encoding="utf-8"))
    bad = []
    for k, v in got.items():
        if k in floors.get("floors", {}) and v + 1e-9 < floors["floors"][k]:
            bad.append(f"{k} {v:.3f} is below its floor {floors['floors'][k]}")
    for k, v in ceil.items():
        if k in floors.get("ceilings", {}) and v > floors["ceilings"][k]:
            bad.append(f"{k} {v} is above its ceiling {floors['ceilings'][k]}")
    for b in bad:
        print(f"eval: FAIL: {b}")
    print("eval: accuracy ratchet " + ("FAILED" if bad else f"held ({os.path.relpath(floor_file, ROOT)})"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
