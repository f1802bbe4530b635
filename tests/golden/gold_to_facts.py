#!/usr/bin/env python3
"""Documentation: how credo-q4-fy2023.facts.json was first made from the hand-checked
gold file (shared/data/credo-q4-fy2023.gold.json). The extractor's own output may
replace it later; tests/charts.rs reads whatever facts file is here.

    python3 tests/golden/gold_to_facts.py ../shared/data/credo-q4-fy2023.gold.json > tests/golden/credo-q4-fy2023.facts.json
"""
import json
import sys

gold = json.load(open(sys.argv[1]))
facts = []
for g in gold["facts"]:
    f = {k: g[k] for k in ("metric", "segment", "period", "kind", "measure")}
    for k in ("value", "low", "high"):
        if k in g:
            f[k] = g[k]
    f["unit"] = g["unit"]
    f["source"] = {"line": g.get("line", 0), "text": ""}
    facts.append(f)
for d in gold.get("derived", []):
    unit = "%" if d["metric"].endswith("_margin") or d["metric"] == "revenue_mix" else "USD"
    facts.append({
        "metric": d["metric"], "segment": d["segment"], "period": d["period"],
        "kind": "derived", "measure": "level", "value": d["value"], "unit": unit,
        "source": {"line": 0, "text": d["why"]},
    })
out = {"schema": "callchart/facts@1", "company": gold["company"], "call": gold["call"],
       "currency": "USD", "facts": facts}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
print()
