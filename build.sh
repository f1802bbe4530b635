#!/usr/bin/env bash
# Builds the callchart page and, with `test`, runs every test.
#
#   ./build.sh          build dist/index.html (hosted) and dist/callchart.html
#                       (one self-contained file that works from file://)
#   ./build.sh test     cargo test, build, the browser tests (tests/e2e), then
#                       each fuzz target for 30 s
#   ./build.sh eval     extraction accuracy: the corpus line, the gold files’
#                       means, the sample, misses by class; fails below the
#                       floors in bench/accuracy.json
#   ./build.sh fuzz [S] each fuzz target (fuzz/) for S seconds (default 300)
#   ./build.sh bench [--quick]
#                       benchmarks and budgets (bench/): one JSON report and a
#                       table; --quick (CI) fails only on size budgets
#
# On a fresh Debian machine it installs what it needs first (apt packages,
# Rust, the wasm32 target, wasm-bindgen-cli at the version in Cargo.lock, npm
# packages for the tests). Re-runs only check and skip, and cargo builds stay
# incremental.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

ROOT=$PWD
DIST=$ROOT/dist
TARGET=wasm32-unknown-unknown
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# ---- set-up ------------------------------------------------------------------

# apt_ensure PKG...: installs the Debian packages that are missing (one
# `apt-get update`, one `apt-get install`), and nothing when all are there.
apt_ensure() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get to install them"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  say "Installing ${missing[*]}"
  if [ -z "${APT_UPDATED:-}" ]; then
    "${sudo[@]}" apt-get update
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

# Packages are checked by command first, so machines that have a tool from
# elsewhere (nodesource's nodejs, rustup's cargo) are left alone.
need_build_tools() {
  local pkgs=()
  command -v curl >/dev/null || pkgs+=(curl ca-certificates)
  command -v cc >/dev/null || pkgs+=(build-essential)
  command -v python3 >/dev/null || pkgs+=(python3)
  command -v wasm-opt >/dev/null || pkgs+=(binaryen)
  command -v gzip >/dev/null || pkgs+=(gzip)
  # zopfli: the wasm inlined in the single file and the embed scripts is
  # gzipped by it, ~5% smaller than gzip -9 (DecompressionStream unpacks it).
  command -v zopfli >/dev/null || pkgs+=(zopfli)
  # node and npm: terser minifies the embed script (need_minifier).
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  [ ${#pkgs[@]} -eq 0 ] || apt_ensure "${pkgs[@]}"
}

# terser, at the version in www/package-lock.json, in www/node_modules: it
# renames the embed script's local names and compresses its code (~2.4 KB
# gzipped of dist/callchart-embed.js, which jsstrip's comment and indentation
# stripping alone leaves). Installed once; re-runs compare the lock.
need_minifier() {
  local stamp=www/node_modules/.callchart-lock
  if ! cmp -s www/package-lock.json "$stamp"; then
    say "Installing the build's npm packages (npm ci in www/)"
    (cd www && npm ci --no-audit --no-fund)
    cp www/package-lock.json "$stamp"
  fi
}

need_test_tools() {
  local pkgs=()
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  command -v node >/dev/null || pkgs+=(nodejs)
  command -v npm >/dev/null || pkgs+=(npm)
  # fonts-liberation gives headless Chromium metric-compatible sans/mono fonts.
  [ -e /usr/share/fonts/truetype/liberation ] || pkgs+=(fonts-liberation)
  # fonts-noto-cjk: the sample's Chinese lines render in screenshots (the
  # layout matrix's contact sheet) instead of boxes.
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || pkgs+=(fonts-noto-cjk)
  [ ${#pkgs[@]} -eq 0 ] || apt_ensure "${pkgs[@]}"
}

need_rust() {
  if ! command -v cargo >/dev/null; then
    say "Installing Rust (rustup, minimal profile)"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  fi
  if command -v rustup >/dev/null; then
    rustup target list --installed | grep -qx "$TARGET" || rustup target add "$TARGET"
  elif [ ! -d "$(rustc --print sysroot)/lib/rustlib/$TARGET" ]; then
    die "Rust has no $TARGET target and there is no rustup to add it (install Rust with rustup)"
  fi
}

# wasm-bindgen-cli must be exactly the wasm-bindgen version in Cargo.lock.
need_wasm_bindgen() {
  local want have
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" != "$want" ]; then
    say "Installing wasm-bindgen-cli $want (had: ${have:-none}; this takes several minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

# ---- build ---------------------------------------------------------------------

# wasm_pkg IN.wasm OPT.wasm DIR: wasm-opt, then wasm-bindgen into DIR
# (callchart.js + callchart_bg.wasm), the glue wrapped in callchart_glue().
wasm_pkg() {
  # wasm-opt runs before wasm-bindgen: Debian's binaryen (v108) cannot parse
  # the table.fill that wasm-bindgen's externref glue adds, while wasm-bindgen
  # reads an optimized module fine (its custom section and exports survive).
  # --converge repeats -Oz until the module stops shrinking (~1 KB gz for ~13 s).
  # --low-memory-unused lets it fold constant offsets into loads and stores
  # (~1.4 KB gz of the engine, ~0.5 KB of the viewer): it assumes nothing
  # lives below address 1024, which holds for Rust's wasm32 layout (data and
  # heap from 1 MB; the stack grows down from 1 MB and reaches the first KB
  # only when it is exhausted), as it does for Emscripten's, which passes it.
  # --one-caller-inline-max-function-size 10: binaryen inlines a function
  # called once whatever its size (by default), which makes one 39 KB
  # function of the viewer's drawing and 72 KB of the extractor's: in it
  # every local has a two-byte index and no sequence repeats another
  # function's, so gzip finds less. Kept apart, the module is ~2% larger
  # raw and ~4% smaller gzipped (engine ~16 KB, viewer ~3.8 KB gz).
  # First the closure shims and future wakers that nothing can call go
  # (www/wasmnames.py's dead(): ~3.7 KB of the viewer's wasm).
  python3 www/wasmnames.py --dead "$1" "$2.in"
  wasm-opt -Oz --converge --low-memory-unused --one-caller-inline-max-function-size 10 --enable-bulk-memory --enable-reference-types \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-multivalue \
    "$2.in" -o "$2"
  rm -f "$2.in"
  # The name section only names wasm-bindgen's import shims ("<unknown>
  # externref shim"), the producers section the compilers: ~1 KB gzipped.
  wasm-bindgen --target no-modules --no-typescript --remove-name-section --remove-producers-section \
    --out-name callchart --out-dir "$3" "$2"
  # The glue becomes callchart_glue(), which returns a fresh wasm_bindgen
  # namespace: the page instantiates the module again after a panic without
  # eval (which the pages' CSP forbids). `wasm_bindgen` stays the global.
  python3 - "$3/callchart.js" <<'PY'
import pathlib, sys
p = pathlib.Path(sys.argv[1])
js = p.read_text(encoding="utf-8")
head, tail = "let wasm_bindgen = (function(exports) {", "})({ __proto__: null });"
assert js.startswith(head) and js.rstrip().endswith(tail), "unexpected wasm-bindgen glue layout"
js = ("function callchart_glue() {\nreturn (function(exports) {" + js[len(head):].rstrip()
      + "\n}\nvar wasm_bindgen = callchart_glue();\n")
# Without its comments (the Rust docs again) and indentation: ~4 KB gzipped.
sys.path.insert(0, "www")
import jsstrip
js = jsstrip.check(js)
# engine.js instantiates with initSync alone: the glue's async loader
# (__wbg_load, __wbg_init: fetch, instantiateStreaming, their fallbacks and
# warnings) and the script URL it would fetch from go (~0.5 KB gzipped of
# each glue). wasm_bindgen is then an object, {initSync, ...exports}.
def cut(js, start, end):
    assert js.count(start) == 1 and end in js[js.index(start):], f"unexpected wasm-bindgen glue layout near {start!r}"
    i = js.index(start)
    return js[:i] + js[js.index(end, i):]
js = cut(js, "let script_src;\n", "\n", )  # the declaration; its assignment below
import re
js, n = re.subn(r"if \(typeof document !== 'undefined' && document\.currentScript !== null\) \{\nscript_src = [^\n]*\n\}\n", "", js)
assert n == 1, "unexpected wasm-bindgen glue layout (script_src)"
js = cut(js, "async function __wbg_load(", "function initSync(")
js = cut(js, "let __wbg_init_promise;", "return Object.assign(__wbg_init, { initSync }, exports);")
js = js.replace("return Object.assign(__wbg_init, { initSync }, exports);", "return Object.assign({ initSync }, exports);")
assert "__wbg_init" not in js.replace("__wbg_init_", "") and "script_src" not in js, "the glue's async loader is still there"
# initSync takes {module} alone (engine.js's init passes nothing else): its
# warning for the older bare-module call goes. So does TextEncoder's
# encodeInto fallback: every browser with DecompressionStream, which the
# page and the embed need, has encodeInto (~0.1 KB gzipped of each glue).
def swap(js, old, new):
    assert js.count(old) == 1, f"unexpected wasm-bindgen glue layout near {old[:40]!r}"
    return js.replace(old, new)
js = swap(js, "if (module !== undefined) {\nif (Object.getPrototypeOf(module) === Object.prototype) {\n({module} = module)\n"
          "} else {\nconsole.warn('using deprecated parameters for `initSync()`; pass a single object instead')\n}\n}\n",
          "({module} = module);\n")
js = cut(js, "if (!('encodeInto' in cachedTextEncoder)) {\n", "let WASM_VECTOR_LEN = 0;")
# Nor FinalizationRegistry's stand-in: those browsers have it too.
js, n = re.subn(r"\(typeof FinalizationRegistry === 'undefined'\)\n\? \{ register: \(\) => \{\}, unregister: \(\) => \{\} \}\n: new FinalizationRegistry\(",
                "new FinalizationRegistry(", js)
assert n >= 1 and "typeof FinalizationRegistry" not in js, "unexpected wasm-bindgen glue layout (FinalizationRegistry)"
# The imports' long hashed names (`./callchart_bg.js`.`__wbg_set_font_js_91af…`)
# become `a`.`b`, … in the wasm and the glue alike (www/wasmnames.py): the
# hashes do not compress (~1.5 KB gzipped of the embed).
# Then its functions go in order of their size's power of two, then of
# their bytes (sort_functions: alike code within gzip's window, ~0.8 KB
# gzipped of the viewer, ~2 KB of the engine), without custom sections.
import wasmnames
w = p.parent / "callchart_bg.wasm"
wasm, js, _ = wasmnames.rename(w.read_bytes(), js)
w.write_bytes(wasmnames.sort_functions(wasmnames.without_custom(wasm)))
p.write_text(js, encoding="utf-8")
PY
}

build() {
  need_build_tools
  need_rust
  need_wasm_bindgen
  need_minifier

  say "Compiling to $TARGET"
  # The `wasm` profile (Cargo.toml) is the release profile optimised for size.
  cargo build --profile wasm --lib --target "$TARGET"
  # The viewer (no `engine` feature: link decoding, charts, hit maps,
  # descriptions) for the embed; its own target dir, since a cdylib's output
  # name has no feature hash and the two builds would overwrite each other.
  cargo build --profile wasm --lib --target "$TARGET" --no-default-features --target-dir target/viewer

  # core::fmt's float code (flt2dec: Grisu, Dragon4, ~20 KB, ~8 KB gzipped)
  # stays out of both: floats are written by src/decimal.rs (Dec, fixed,
  # shortest). The names are still in the modules before wasm-opt.
  local w
  for w in "target/$TARGET/wasm/callchart.wasm" "target/viewer/$TARGET/wasm/callchart.wasm"; do
    if grep -qa flt2dec "$w"; then
      die "$w formats a float with core::fmt ({} or {:.N} of an f64): use callchart::decimal::Dec (or fixed, shortest)"
    fi
    # Nor a deflater or an inflater (miniz_oxide, ~14 KB of the engine's
    # wasm): the browser's CompressionStream / DecompressionStream pack and
    # unpack share links (share.js's shareLink, engine.js's openLink), and
    # serde's serializers (the objects go as callchart::json's text).
    if grep -qa -e miniz_oxide7 -e serde_wasm_bindgen "$w"; then
      die "$w carries miniz_oxide or serde-wasm-bindgen: links are deflated by the page (share::binary, share::link_of), objects written by callchart::json"
    fi
  done

  local out=target/www
  rm -rf "$out"
  mkdir -p "$out/opt" "$out/pkg" "$out/viewer"
  wasm_pkg "target/$TARGET/wasm/callchart.wasm" "$out/opt/callchart.wasm" "$out/pkg"
  wasm_pkg "target/viewer/$TARGET/wasm/callchart.wasm" "$out/opt/viewer.wasm" "$out/viewer"
  # No str slice that can panic in the viewer: core's slice-error message
  # brings char's Debug and the printable tables (~4 KB gzipped of the
  # embed). Slice with get / split_at_checked (strs::split_once, i18n::fill).
  if grep -qa "is not a char boundary" "$out/opt/viewer.wasm"; then
    die "the viewer's wasm slices a str with [a..b], which can panic: use get(a..b) or split_at_checked"
  fi

  # The embed demo carries the sample's share-link payload, made by the CLI.
  cargo build --quiet --bin callchart
  target/debug/callchart link www/sample/credo-q4-fy2023.txt >"$out/sample-link.txt"

  say "Assembling the pages"
  python3 - "$out" <<'PY'
import base64, functools, gzip, hashlib, html, pathlib, re, subprocess, sys

out = pathlib.Path(sys.argv[1])
www = pathlib.Path("www")
sys.path.insert(0, str(www))
import jsstrip

def js_of(path):
    """A script as shipped in a bundle: without comments and indentation (www/jsstrip.py)."""
    return jsstrip.check(path.read_text(encoding="utf-8"))
page = (www / "index.html").read_text(encoding="utf-8")
sample = (www / "sample" / "credo-q4-fy2023.txt").read_text(encoding="utf-8")

# The sample goes into the textarea (RCDATA: escaping & and < is enough).
assert page.count("@@SAMPLE@@") == 1, "www/index.html needs one @@SAMPLE@@"
page = page.replace("@@SAMPLE@@", html.escape(sample, quote=False))

# Hosted page: index.html next to its assets, under the CSP in its <meta>
# (serve it as a header too): no inline script or style anywhere.
HOSTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'"
csp_meta = '<meta http-equiv="Content-Security-Policy" content="' + HOSTED_CSP + '">'
(out / "index.html").write_text(page, encoding="utf-8")
for name in ("i18n.js", "engine.js", "app.js", "input.js", "share.js", "trace.js", "series.js", "worker.js", "style.css", "favicon.svg",
             "embed.html", "embed-frame.js", "embed.css", "embed-demo.css"):
    (out / name).write_text((www / name).read_text(encoding="utf-8"), encoding="utf-8")
(out / "sample").mkdir(exist_ok=True)
(out / "sample" / "credo-q4-fy2023.txt").write_text(sample, encoding="utf-8")

# The embed demo, with the sample's link payload in its data="" attributes.
link = (out / "sample-link.txt").read_text(encoding="ascii").strip()
assert re.fullmatch(r"#v2=[A-Za-z0-9_-]+", link), "callchart link printed no #v2= fragment"
demo = (www / "embed-demo.html").read_text(encoding="utf-8")
assert "@@SAMPLE_LINK@@" in demo, "www/embed-demo.html needs @@SAMPLE_LINK@@"
(out / "embed-demo.html").write_text(demo.replace("@@SAMPLE_LINK@@", link[1:]), encoding="utf-8")
glue = (out / "pkg" / "callchart.js").read_text(encoding="utf-8")

# The embed script: the viewer's glue, engine.js, its wasm bytes (gzipped,
# then base64, as in the single file) and <callchart-chart>, in one closure
# (no global wasm_bindgen on the host page, nothing fetched for data="…").
def packed(path):
    """The file gzipped by zopfli (~5% smaller than gzip -9; deterministic, mtime 0)."""
    return subprocess.run(["zopfli", "--gzip", "-c", str(path)], check=True, capture_output=True).stdout

@functools.lru_cache(maxsize=None)  # the full engine's goes into two files
def gz64(path):
    return base64.b64encode(packed(path)).decode("ascii")

(out / "callchart-embed.js").write_text(
    "/* callchart-embed.js: <callchart-chart> elements (see www/embed.js). Built by build.sh. */\n"
    "(function () {\n" + (out / "viewer" / "callchart.js").read_text(encoding="utf-8") + "\n"
    + js_of(www / "engine.js")
    + "\nvar CALLCHART_WASM_GZ64 = \"" + gz64(out / "viewer" / "callchart_bg.wasm") + "\";\n"
    + js_of(www / "embed.js") + "\n})();\n", encoding="utf-8")
# Then terser renames its local names and compresses its code (two passes;
# one closure, so no name the host page sees changes; the wasm-bindgen glue
# reads no function's or class's name for anything but a debug string).
# CALLCHART_EMBED: engine.js's page-only code goes (compile: the page's own
# module, inlined or fetched). The header comment stays.
subprocess.run(["node", str(www / "node_modules" / "terser" / "bin" / "terser"), str(out / "callchart-embed.js"),
                "--compress", "passes=2", "--mangle", "--define", "CALLCHART_EMBED=true", "--comments", r"/callchart-embed\.js:/",
                "--output", str(out / "callchart-embed.js")], check=True)
# The full engine, which a src="…" element (a transcript to analyze) loads
# next to callchart-embed.js: its glue and wasm, handed to the embed by an
# event (no global names either).
(out / "callchart-embed-engine.js").write_text(
    "/* callchart-embed-engine.js: the full engine for <callchart-chart src=…>, loaded by callchart-embed.js. Built by build.sh. */\n"
    "(function () {\n" + glue + "\n"
    "document.dispatchEvent(new CustomEvent('callchart-engine', { detail: { glue: callchart_glue, wasm: \""
    + gz64(out / "pkg" / "callchart_bg.wasm") + "\" } }));\n})();\n", encoding="utf-8")

# Single file: inline the CSS, both scripts and the wasm bytes (base64), so a
# browser opening it from disk fetches nothing.
def script(path):
    js = js_of(path).replace("</script", "<\\/script")
    return "<script>\n" + js + "\n</script>"

def swap(text, old, new):
    assert text.count(old) == 1, f"expected one {old!r} in www/index.html"
    return text.replace(old, new)

def sha256(text):
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"

# The single file carries the wasm gzipped (zopfli), then base64: gzip cannot squeeze
# base64 text well (it breaks byte alignment), so compressing first keeps the
# file (and its gzipped transfer) small; the page unpacks it with
# DecompressionStream.
wasm = gz64(out / "pkg" / "callchart_bg.wasm")
css = (www / "style.css").read_text(encoding="utf-8").replace("</style", "<\\/style")
one = swap(page, '<link rel="stylesheet" href="style.css">', "<style>\n" + css + "</style>")
scripts = [script(out / "pkg" / "callchart.js"), script(www / "app.js"), script(www / "share.js"),
           script(www / "trace.js"), script(www / "engine.js"), script(www / "i18n.js"), script(www / "series.js"),
           script(www / "input.js")]
one = swap(one, '<script src="pkg/callchart.js"></script>',
           # The worker (large inputs) runs from a blob: the glue (this
           # script's own text) + worker.js, kept as inert text (text/plain).
           scripts[0].replace("<script>", '<script id="callchart-glue">', 1)
           + '\n<script type="text/plain" id="callchart-worker">' + js_of(www / "worker.js").replace("</script", "<\\/script") + "</script>")
# The wasm and engine.js (which runs in the page and, from its text, in the
# worker's blob) open <head>, under the CSP: engine.js starts compiling the
# wasm as it runs, while the rest of the page is parsed and laid out.
one = swap(one, '<script src="engine.js"></script>\n', "")
one = swap(one, csp_meta, csp_meta + '\n<script type="application/wasm;gzip;base64" id="callchart-wasm">' + wasm + "</script>\n"
           + scripts[4].replace("<script>", '<script id="callchart-engine">', 1))
one = swap(one, '<script src="app.js"></script>', scripts[1])
one = swap(one, '<script src="share.js"></script>', scripts[2])
one = swap(one, '<script src="trace.js"></script>', scripts[3])
one = swap(one, '<script src="i18n.js"></script>', scripts[5])
one = swap(one, '<script src="series.js"></script>', scripts[6])
one = swap(one, '<script src="input.js"></script>', scripts[7])
favicon = (www / "favicon.svg").read_text(encoding="utf-8").strip()
one = swap(one, '<link rel="icon" href="favicon.svg">',
           '<link rel="icon" href="data:image/svg+xml;base64,' + base64.b64encode(favicon.encode()).decode("ascii") + '">')
# Its CSP allows exactly its own inline scripts and style (by hash), the wasm
# compile, and the data: favicon; nothing is fetched.
hashes = " ".join(sha256(s[len("<script>"):-len("</script>")]) for s in scripts)  # content only: attributes don't count
single_csp = ("default-src 'none'; script-src " + hashes + " 'wasm-unsafe-eval'; style-src "
              + sha256("\n" + css) + "; img-src data: blob:; worker-src blob:; base-uri 'none'; form-action 'none'")
one = swap(one, csp_meta, '<meta http-equiv="Content-Security-Policy" content="' + single_csp + '">')
(out / "callchart.html").write_text(one, encoding="utf-8")
PY

  # Replace dist/ only once everything was built.
  rm -rf "$DIST"
  mkdir -p "$DIST"
  cp -r "$out/index.html" "$out/i18n.js" "$out/engine.js" "$out/app.js" "$out/input.js" "$out/share.js" "$out/trace.js" "$out/series.js" "$out/worker.js" "$out/style.css" "$out/favicon.svg" "$out/pkg" \
    "$out/callchart.html" "$out/callchart-embed.js" "$out/callchart-embed-engine.js" "$out/embed.html" "$out/embed-frame.js" "$out/embed.css" \
    "$out/embed-demo.html" "$out/embed-demo.css" "$out/sample" "$DIST/"

  local raw gz
  raw=$(wc -c <"$DIST/pkg/callchart_bg.wasm")
  gz=$(gzip -9c "$DIST/pkg/callchart_bg.wasm" | wc -c)
  say "Built"
  printf '  wasm:        %s bytes raw, %s bytes gzipped\n' "$raw" "$gz"
  printf '  single file: %s bytes (%s gzipped)\n' "$(wc -c <"$DIST/callchart.html")" "$(gzip -9c "$DIST/callchart.html" | wc -c)"
  printf '  embed:       dist/callchart-embed.js %s bytes (%s gzipped; viewer wasm %s bytes gzipped); demo: dist/embed-demo.html\n' \
    "$(wc -c <"$DIST/callchart-embed.js")" "$(gzip -9c "$DIST/callchart-embed.js" | wc -c)" "$(gzip -9c "$out/viewer/callchart_bg.wasm" | wc -c)"
  printf '  hosted page: dist/index.html (serve dist/ over http)\n'
  printf '\nOpen the sample call, charted:\n  file://%s/callchart.html\n' "$DIST"
}

# ---- fuzz ----------------------------------------------------------------------

FUZZ_TARGETS=(${CALLCHART_FUZZ_TARGETS:-analyze grammar decode share_link})

# cargo-fuzz needs a nightly toolchain (libFuzzer instrumentation).
need_fuzz_tools() {
  if ! rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    command -v rustup >/dev/null || return 1
    say "Installing the nightly toolchain (for cargo fuzz)"
    rustup toolchain install nightly --profile minimal || return 1
  fi
  if ! command -v cargo-fuzz >/dev/null; then
    say "Installing cargo-fuzz (this takes a few minutes)"
    cargo install cargo-fuzz --locked || return 1
  fi
}

# run_fuzz SECONDS: each target for SECONDS, seeded from fuzz/seeds/TARGET
# (the corpus grows in target/fuzz-corpus/TARGET and is kept between runs).
# A panic, a timeout (10 s on one input) or 2 GB of memory fails the run; the
# input is left in fuzz/artifacts/TARGET/ and the log in target/fuzz-logs/.
run_fuzz() {
  local seconds=$1 t failed=() logs=$ROOT/target/fuzz-logs
  if ! need_fuzz_tools; then
    say "Fuzzing SKIPPED: no nightly toolchain or cargo-fuzz, and they could not be installed"
    return 1
  fi
  say "Fuzzing: ${FUZZ_TARGETS[*]}, ${seconds} s each"
  mkdir -p "$logs"
  # -a: debug assertions, so integer overflow is a finding too; no sanitizer
  # (safe Rust): faster builds and more executions per second.
  (cd fuzz && cargo +nightly fuzz build -a -s none) || return 1
  for t in "${FUZZ_TARGETS[@]}"; do
    mkdir -p "target/fuzz-corpus/$t"
    if (cd fuzz && cargo +nightly fuzz run -a -s none "$t" "../target/fuzz-corpus/$t" "seeds/$t" -- \
          -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 \
          -dict=dict/transcript.dict -print_final_stats=1) >"$logs/$t.log" 2>&1; then
      printf '  %-11s ok: %s runs, %s\n' "$t" \
        "$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$t.log" | grep -o '[0-9]*$' || echo '?')" \
        "$(grep -E '^#[0-9]+[[:space:]]+DONE' "$logs/$t.log" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9/a-zA-Z]+' | tail -n 1)"
    else
      printf '  %-11s FAILED (log: target/fuzz-logs/%s.log)\n' "$t" "$t"
      grep -E 'panicked at|ERROR: libFuzzer|SUMMARY|Test unit written to' "$logs/$t.log" | head -n 8 | sed 's/^/    /'
      failed+=("$t")
    fi
  done
  [ ${#failed[@]} -eq 0 ]
}

# ---- bench ---------------------------------------------------------------------

# run_bench [--quick]: builds, then bench/run.py measures (criterion, headless
# Chromium, sizes, the CLI's memory on 100 MB) and prints the table and the
# JSON report (also target/bench/report.json). --quick is what CI runs: it
# fails only on size budgets.
run_bench() {
  need_build_tools
  need_test_tools
  need_rust
  need_e2e_deps
  [ -x /usr/bin/time ] || apt_ensure time
  build >/dev/null
  cargo build --quiet --release --bin callchart
  say "Benchmarks${1:+ ($1)}"
  python3 bench/run.py "$@"
}

# ---- test ----------------------------------------------------------------------

need_e2e_deps() {
  local dir=tests/e2e stamp=tests/e2e/node_modules/.callchart-lock
  if ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "Installing the browser-test packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

# The extractor against the hand-checked figures of the sample call (and the
# news-wire summaries of the dev calls, reported only), when the shared data
# sits beside the repository as it does in CI.
score_extraction() {
  local shared=$ROOT/../shared
  if [ ! -f "$shared/eval/score.py" ]; then
    say "Extraction scores skipped (no ../shared beside the repository)"
    return 0
  fi
  say "Extraction scores"
  cargo build --quiet --bin callchart
  local bin=target/debug/callchart out=target/scores line
  mkdir -p "$out"
  "$bin" extract "$shared/data/credo-q4-fy2023.txt" >"$out/sample.json"
  line=$(python3 "$shared/eval/score.py" "$out/sample.json" "$shared/data/credo-q4-fy2023.gold.json" | tail -n 1)
  echo "  sample call: $line"
  local s t
  for s in "$shared"/data/dev/*.summary.txt; do
    [ -e "$s" ] || continue
    t=${s%.summary.txt}.txt
    "$bin" extract "$t" >"$out/dev.json"
    echo "  $(basename "${t%.txt}"): $(python3 "$shared/eval/score_summary.py" "$out/dev.json" "$s" "$t" | tail -n 1)"
  done
  # Issue 3's bar for the sample: f1 >= 0.95 and at least 8 of 9 derived facts.
  python3 - "$line" <<'PY'
import re, sys
m = re.search(r"f1 ([0-9.]+) .* derived (\d+)/(\d+)", sys.argv[1])
ok = bool(m) and float(m.group(1)) >= 0.95 and int(m.group(2)) >= 8
print("  sample call bar (f1 >= 0.95, derived >= 8):", "held" if ok else "NOT held")
sys.exit(0 if ok else 1)
PY
}

# Extraction accuracy (bench/eval.py): the corpus's strict key-figure recall,
# the hand-labelled gold files (tests/gold), the sample, a miss table by class;
# fails when a number falls below its floor in bench/accuracy.json (a ratchet).
run_eval() {
  local shared=$ROOT/../shared
  if [ ! -d "$shared/data/corpus" ]; then
    say "Accuracy evaluation skipped (no ../shared/data/corpus beside the repository)"
    return 0
  fi
  say "Accuracy: corpus, gold files, sample (bench/eval.py)"
  cargo build --quiet --release --bin callchart
  python3 tests/gold/check.py tests/gold/*.gold.json | grep -v ' 0 errors' || true
  python3 tests/gold/check.py tests/gold/*.gold.json >/dev/null || return 1
  python3 bench/eval.py target/release/callchart --check bench/accuracy.json --misses target/eval-misses.jsonl
}

run_tests() {
  need_build_tools
  need_test_tools
  need_rust
  need_e2e_deps

  local failed=()
  say "cargo test"
  cargo test || failed+=("cargo test")
  score_extraction || failed+=("extraction scores")
  run_eval || failed+=("accuracy ratchet")
  # The bundles' JS stripper (www/jsstrip.py): its lexer's cases.
  python3 www/jsstrip.py --test || failed+=("jsstrip")
  # The wasm import renamer (www/wasmnames.py): its section rewriter's cases.
  python3 www/wasmnames.py --test || failed+=("wasmnames")

  build

  say "Browser tests (node --test tests/e2e/)"
  CALLCHART_ROOT=$ROOT node --test tests/e2e/ || failed+=("browser tests")

  # No panics: each fuzz target for 30 s (./build.sh fuzz SECONDS for longer).
  run_fuzz 30 || failed+=("fuzzing")

  if [ ${#failed[@]} -ne 0 ]; then
    printf '\nFAILED: %s\n' "${failed[*]}" >&2
    exit 1
  fi
  printf '\nAll tests passed.\n'
}

case "${1:-build}" in
  build) build ;;
  test) run_tests ;;
  fuzz) run_fuzz "${2:-300}" ;;
  eval) need_build_tools; need_rust; run_eval ;;
  bench) shift; run_bench "$@" ;;
  -h|--help|help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command ${1} (expected: build, test, eval, fuzz [SECONDS], bench [--quick])" ;;
esac
