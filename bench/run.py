#!/usr/bin/env python3
"""./build.sh bench [--quick]: measures, prints a table and one JSON report.

Run by build.sh after it has built dist/ (and, outside --quick, the release
CLI). Writes the report to target/bench/report.json as well.

--quick (CI): shorter criterion runs, no 50 MB page run and no 100 MB memory
run; the exit status is non-zero only when a size budget fails (see
bench/budgets.json: a held budget fails above its limit, one not held yet
above its ceiling). Times are reported, never gated: they are not
deterministic.
"""
import gzip, json, os, pathlib, re, subprocess, sys, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
OUT = ROOT / "target" / "bench"
QUICK = "--quick" in sys.argv
BUDGETS = json.loads((ROOT / "bench" / "budgets.json").read_text())
SAMPLE = ROOT / "www" / "sample" / "credo-q4-fy2023.txt"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def sizes():
    wasm = (DIST / "pkg" / "callchart_bg.wasm").read_bytes()
    glue = (DIST / "pkg" / "callchart.js").read_bytes()
    single = (DIST / "callchart.html").read_bytes()
    embed = (DIST / "callchart-embed.js").read_bytes()
    viewer = (ROOT / "target" / "www" / "viewer" / "callchart_bg.wasm").read_bytes()
    return {
        "wasm_raw": len(wasm), "wasm_gz": gz(wasm), "js_gz": gz(glue),
        "wasm_js_gz": gz(wasm) + gz(glue),
        "single_raw": len(single), "single_gz": gz(single),
        # The embed script (viewer glue + engine.js + viewer wasm + element), one file.
        "embed_raw": len(embed), "embed_gz": gz(embed), "viewer_wasm_gz": gz(viewer),
    }


def criterion():
    env = dict(os.environ)
    # Its own target dir: with LTO, the bench profile's build of the crate
    # (cdylib + rlib) clobbers the release CLI's outputs of the same name.
    env["CARGO_TARGET_DIR"] = str(ROOT / "target" / "bench-build")
    if QUICK:
        env["CALLCHART_BENCH_QUICK"] = "1"
    with open(OUT / "criterion.log", "w") as log:
        subprocess.run(["cargo", "bench", "--quiet", "--bench", "extract"], cwd=ROOT, env=env, check=True,
                       stdout=log, stderr=subprocess.STDOUT)
    sample = SAMPLE.read_bytes()
    out = {}
    for n in (1, 10, 100):
        est = json.loads((ROOT / "target" / "bench-build" / "criterion" / "analyze" / f"{n}x" / "new" / "estimates.json").read_text())
        ns = est["median"]["point_estimate"]
        size = len(sample) * n
        out[f"{n}x"] = {"bytes": size, "ms": ns / 1e6, "mb_per_s": size / (ns / 1e9) / 1e6}
    out["ratio_100x_1x"] = out["100x"]["ms"] / out["1x"]["ms"]
    return out


def browser():
    args = ["node", str(ROOT / "bench" / "browser.mjs")] + (["--quick"] if QUICK else [])
    res = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True)
    return json.loads(res.stdout.strip().splitlines()[-1])


def memory():
    """Peak RSS of `callchart extract` on a 100 MB file (the sample, repeated)."""
    big = OUT / "input-100mb.txt"
    text = SAMPLE.read_bytes() + b"\n"
    if not big.exists() or big.stat().st_size < 100_000_000:
        with open(big, "wb") as f:
            written = 0
            while written < 100_000_000:
                f.write(text)
                written += len(text)
    size = big.stat().st_size
    t0 = time.monotonic()
    res = subprocess.run(["/usr/bin/time", "-v", str(ROOT / "target" / "release" / "callchart"), "extract", str(big)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    secs = time.monotonic() - t0
    if res.returncode != 0:
        raise SystemExit(f"callchart extract on 100 MB failed: {res.stderr[-500:]}")
    kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr).group(1))
    return {"input_bytes": size, "peak_rss_bytes": kb * 1024, "ratio": kb * 1024 / size, "seconds": round(secs, 2)}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    report = {"schema": "callchart/bench@1", "quick": QUICK, "sizes": sizes()}
    report["native"] = criterion()
    report["browser"] = browser()
    if not QUICK:
        report["memory"] = memory()

    s, n, b = report["sizes"], report["native"], report["browser"]
    rows = []  # (key, what, value, unit, limit, held, gated)

    def budget(key, value, unit, bigger_is_better=False, gated=False):
        spec = BUDGETS[key]
        limit = spec["min"] if bigger_is_better else spec["max"]
        held = value >= limit if bigger_is_better else value <= limit
        row = {"budget": key, "what": spec["what"], "value": round(value, 3), "unit": unit,
               "limit": ("≥ " if bigger_is_better else "≤ ") + str(limit), "held": held}
        if gated:
            ceiling = spec.get("ceiling")
            row["ceiling"] = ceiling
            row["ci_fails"] = (not held) if ceiling is None or ceiling <= limit else value > ceiling
        rows.append(row)

    budget("native_mb_per_s", n["1x"]["mb_per_s"], "MB/s", bigger_is_better=True)
    budget("linear_ratio", n["ratio_100x_1x"], "×")
    budget("wasm_sample_ms", b["wasm_sample_ms"]["median"], "ms")
    budget("wasm_js_gz", s["wasm_js_gz"], "B", gated=True)
    budget("single_gz", s["single_gz"], "B", gated=True)
    budget("embed_gz", s["embed_gz"], "B", gated=True)
    budget("open_ms", b["open_ms"]["median"], "ms")
    budget("redraw_ms", b["redraw_ms"]["median"], "ms")
    budget("open_vs_chartjs_sample", b["compare"]["sample"]["ratio"], "×")
    budget("open_vs_chartjs_link", b["compare"]["link"]["ratio"], "×")
    if "big" in b:
        budget("longtask_ms", b["big"]["longest_task_ms"], "ms")
    # Reported in the table once bench/budgets.json has the key (issue 12: <= 1 s).
    if "series8" in b and "series8_drop_ms" in BUDGETS:
        budget("series8_drop_ms", b["series8"]["drop_ms"]["median"], "ms")
    if "memory" in report:
        budget("memory_ratio", report["memory"]["ratio"], "×")
    report["budgets"] = rows

    # The readable table.
    print(f"\ncallchart bench{' (quick)' if QUICK else ''}")
    print(f"  native analyze: " + ", ".join(
        f"{k} {n[k]['ms']:.2f} ms ({n[k]['mb_per_s']:.1f} MB/s)" for k in ("1x", "10x", "100x"))
        + f"; 100x/1x = {n['ratio_100x_1x']:.1f}")
    print(f"  sizes: wasm {s['wasm_raw']:,} B raw, {s['wasm_gz']:,} B gz; JS glue {s['js_gz']:,} B gz; "
          f"single file {s['single_raw']:,} B raw, {s['single_gz']:,} B gz; "
          f"embed script {s['embed_raw']:,} B raw, {s['embed_gz']:,} B gz (viewer wasm {s['viewer_wasm_gz']:,} B gz)")
    print(f"  page start-up (median ms since navigation start): " + ", ".join(
        f"{k} {v:.0f}" for k, v in b.get("open_marks", {}).items()))
    if "draw_only_ms" in b:
        print(f"  three charts drawn by the wasm alone (no page work): {b['draw_only_ms']['median']:.1f} ms median")
    c = b["compare"]
    print(f"  callchart vs Chart.js {c['chartjs_version']}, open to three charts (median ms since navigation start; "
          f"a fresh Chromium per open, alternating, {c['rounds']} rounds, {c['viewport']}):")
    print(f"    {'':<28} {'callchart':>10} {'Chart.js':>10} {'callchart/Chart.js':>19}")
    for k, what in (("sample", "single file, the sample"), ("link", "single file, a share link")):
        print(f"    {what:<28} {c[k]['median']:>10.0f} {c['chartjs']['median']:>10.0f} {c[k]['ratio']:>19.2f}")
    print(f"    sizes, gzipped: engine (wasm + glue) {s['wasm_js_gz']:,} B; embed script {s['embed_gz']:,} B; "
          f"Chart.js {c['chartjs_gz']:,} B")
    if "series8" in b:
        v = b["series8"]
        print(f"  8-call series (FCN) from file://: dropped to series charts {v['drop_ms']['median']:.0f} ms, "
              f"its link ({v['link_chars']:,} characters) opened to them {v['link_ms']['median']:.0f} ms "
              f"(medians of {v['rounds']}, a fresh Chromium each; reported, not gated)")
    if "big" in b:
        print(f"  50 MB file in the page: {b['big']['total_ms']:.0f} ms to charts, "
              f"{b['big']['long_tasks']} long tasks, longest {b['big']['longest_task_ms']:.0f} ms")
    if "memory" in report:
        m = report["memory"]
        print(f"  CLI on {m['input_bytes']:,} B: peak RSS {m['peak_rss_bytes']:,} B ({m['ratio']:.2f}× input), {m['seconds']} s")
    w = max(len(r["what"]) for r in rows)
    print(f"\n  {'budget'.ljust(w)}  {'value':>14}  {'limit':>12}  held")
    for r in rows:
        v = f"{r['value']:,.2f} {r['unit']}" if r["unit"] != "B" else f"{int(r['value']):,} B"
        flag = "yes" if r["held"] else "NO"
        if "ci_fails" in r and not r["held"]:
            flag += f" (CI ceiling {r['ceiling']:,} B)"
        print(f"  {r['what'].ljust(w)}  {v:>14}  {r['limit']:>12}  {flag}")
    (OUT / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    print("\n" + json.dumps(report))

    failing = [r["budget"] for r in rows if r.get("ci_fails")]
    if failing:
        print(f"\nSize budget failed: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
