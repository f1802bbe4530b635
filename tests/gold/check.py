#!/usr/bin/env python3
"""Checks gold files (callchart/gold@1) against their transcripts.

usage: check.py GOLD.json [GOLD.json ...]

Errors (exit 1): bad schema, a metric outside the core list, an unknown unit, kind or
measure, a malformed period, no value/range, a line outside the transcript.
Warnings: a figure whose value does not appear on its line (as 12.3, 12.3 million, 12%, ...).
The transcript is looked up by the `transcript` field in ../shared/data/corpus/ and
../shared/data/dev/ (relative to the repository).
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIRS = [os.path.join(ROOT, "..", "shared", "data", d) for d in ("corpus", "dev", ".")]
CORE = {"revenue", "revenue_mix", "gross_margin", "gross_profit", "operating_margin",
        "operating_expenses", "rd_expense", "sga_expense", "operating_income", "net_income",
        "net_margin", "eps", "ebitda", "operating_cash_flow", "capex", "free_cash_flow", "cash",
        "accounts_receivable", "days_sales_outstanding", "inventory", "share_count", "dividend",
        "buyback"}
UNITS = {"%", "bp", "pp", "USD/share", "days", "shares", "x"}
PERIOD = re.compile(r"^(?:(?:FY|CY)\d{4}(?:-(?:Q[1-4]|H[12]))?|LT)$")
NUM = re.compile(r"\d[\d,]*(?:\.\d+)?")
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "half": 0.5}


def said_on(line, value):
    v = abs(float(value))
    cands = [float(m.group().replace(",", "")) for m in NUM.finditer(line)]
    cands += [n for w, n in WORDS.items() if re.search(rf"\b{w}\b", line, re.I)]
    for c in cands:
        for scale in (1, 1e3, 1e6, 1e9, 1e12, 1e-2, 100, 1e7, 1e5):
            if abs(c * scale - v) <= max(0.011 * v, 0.051):
                return True
    return False


def check(path):
    errors, warnings = [], []
    g = json.load(open(path, encoding="utf-8"))
    if g.get("schema") != "callchart/gold@1":
        errors.append("schema is not callchart/gold@1")
    name = g.get("transcript", "")
    src = next((os.path.join(d, name) for d in DIRS if os.path.isfile(os.path.join(d, name))), None)
    if not src:
        errors.append(f"transcript {name!r} not found in ../shared/data")
        lines = []
    else:
        lines = open(src, encoding="utf-8", errors="replace").read().split("\n")
    for key in ("company", "call", "facts"):
        if key not in g:
            errors.append(f"no {key!r}")
    for section in ("facts", "optional"):
        for i, f in enumerate(g.get(section, [])):
            at = f"{section}[{i}] {f.get('metric')} {f.get('period')}"
            if f.get("metric") not in CORE:
                errors.append(f"{at}: metric not core")
            unit = f.get("unit", "")
            if unit not in UNITS and not re.fullmatch(r"[A-Z]{3}", unit or ""):
                errors.append(f"{at}: unit {unit!r}")
            if not PERIOD.match(f.get("period", "")):
                errors.append(f"{at}: period {f.get('period')!r}")
            if f.get("kind", "actual") not in ("actual", "guidance"):
                errors.append(f"{at}: kind {f.get('kind')!r}")
            if f.get("measure") not in ("level", "yoy", "qoq"):
                errors.append(f"{at}: measure {f.get('measure')!r}")
            if not f.get("segment"):
                errors.append(f"{at}: no segment")
            values = [f[k] for k in ("value", "low", "high") if k in f]
            if section == "facts" and not ("value" in f or ("low" in f and "high" in f)):
                errors.append(f"{at}: neither value nor low+high")
            line = f.get("line")
            if section == "facts":
                if not isinstance(line, int) or not 1 <= line <= len(lines):
                    errors.append(f"{at}: line {line!r} outside the transcript")
                    continue
                for v in values:
                    if not isinstance(v, (int, float)):
                        errors.append(f"{at}: value {v!r} is not a number")
                    elif not said_on(lines[line - 1], v):
                        warnings.append(f"{at}: {v} not seen on line {line}")
    return errors, warnings


def main(paths):
    bad = 0
    for p in paths:
        errors, warnings = check(p)
        for e in errors:
            print(f"{p}: error: {e}")
        for w in warnings:
            print(f"{p}: warning: {w}")
        n = len(json.load(open(p, encoding='utf-8')).get("facts", []))
        print(f"{p}: {n} facts, {len(errors)} errors, {len(warnings)} warnings")
        bad += bool(errors)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]) if len(sys.argv) > 1 else 2)
