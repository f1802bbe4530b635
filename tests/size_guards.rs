//! The library calls no standard-library function that brings a large table,
//! or a copy of itself per type, into the wasm when a compact equivalent of
//! its own gives the same results (issue 13, the wasm's size):
//!
//! - letter case (`to_lowercase`, `to_uppercase`): std's case tables, ~14 KB
//!   gzipped; `callchart::case` maps every character the same way;
//! - `parse::<f64>()`: Eisel-Lemire's powers of five, ~10 KB that gzip
//!   cannot shrink; `callchart::decimal::parse` reads plain decimals to the
//!   same bits;
//! - `{:.*}` and `{:e}` of a float: `core::fmt`'s float code, ~8 KB
//!   gzipped; `callchart::decimal` (`Dec`, `fixed`, `shortest`,
//!   `shortest_digits`) writes the same text (build.sh also fails when a
//!   wasm names `flt2dec`, which catches `{}` of an `f64` too);
//! - the slice sorts (`sort`, `sort_by`, `sort_unstable`, …): a copy of the
//!   sort for each element type and comparator, 2–4 KB each;
//!   `callchart::order` sorts through one copy.
//!
//! Test code (`tests.rs` files, `#[cfg(test)]` modules) and the CLI may call
//! them: they are not in the wasm.

mod common;

use common::rust_files;
use std::path::Path;

/// What may not be called, and what to call instead.
const BANNED: &[(&str, &str)] = &[
    (".to_lowercase()", "callchart::case::lower_str / case::lower"),
    (".to_uppercase()", "callchart::case::upper_str / case::upper"),
    ("parse::<f64>", "callchart::decimal::parse"),
    ("f64::from_str", "callchart::decimal::parse"),
    ("{:.*}", "callchart::decimal::fixed"),
    (":e}", "callchart::decimal::shortest_digits"),
    (".sort()", "callchart::order::sort"),
    (".sort_by(", "callchart::order::sort_by"),
    (".sort_by_key(", "callchart::order::sort_by_key"),
    (".sort_by_cached_key(", "callchart::order::sort_by_key"),
    (".sort_unstable", "callchart::order::sort (the same result where equal elements are alike)"),
];

/// Files allowed to: the replacements themselves (their tests compare with
/// std; order.rs holds the one sort), and the native CLI.
const EXEMPT: &[&str] = &["case.rs", "decimal.rs", "order.rs", "main.rs", "tests.rs"];


#[test]
fn library_code_calls_the_compact_equivalents() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    assert!(files.len() > 20, "found only {} files under src/", files.len());
    let mut bad = Vec::new();
    for file in files.iter().filter(|f| !EXEMPT.iter().any(|e| f.ends_with(e))) {
        let text = std::fs::read_to_string(file).expect("read source");
        // Up to the unit tests, which are not in the wasm.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            for (call, instead) in BANNED {
                if line.contains(call) && !line.trim_start().starts_with("//") {
                    bad.push(format!("{}:{}: {call} (use {instead})", file.display(), n + 1));
                }
            }
        }
    }
    assert!(bad.is_empty(), "std calls that make the wasm larger than it needs to be:\n{}", bad.join("\n"));
}

/// The viewer's modules (the charts, link decoding) split text at a text
/// pattern only through `callchart::strs::split_once`: `str::split_once(&str)`
/// brings core's two-way searcher's set-up (~1.8 KB of wasm) into the embed.
/// (The extractor, in the engine only, splits as it likes.)
#[test]
fn viewer_code_splits_through_strs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root.join("chart"), &mut files);
    rust_files(&root.join("share"), &mut files);
    assert!(files.len() > 10, "found only {} files under src/chart and src/share", files.len());
    let mut bad = Vec::new();
    // note_zh.rs is the engine's only (the notes' Chinese words).
    for file in files.iter().filter(|f| !f.ends_with("tests.rs") && !f.ends_with("note_zh.rs") && !f.to_string_lossy().contains("/tests/")) {
        let text = std::fs::read_to_string(file).expect("read source");
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if line.contains(".split_once(\"") && !line.trim_start().starts_with("//") {
                bad.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(bad.is_empty(), "split at a text pattern with callchart::strs::split_once:\n{}", bad.join("\n"));
}

/// The wasm boundary (src/wasm.rs, src/wasm/) hands objects to the page as
/// `callchart::json`'s text parsed by `JSON.parse`, never by serde: one
/// `serialize` call there brings serde-wasm-bindgen's serializer and the
/// derived `Serialize` code of every type it reaches into the wasm (~12 KB
/// gzipped of the engine when the explanation, view and series went by
/// serde). The derives stay for the CLI and the tests (serde_json).
#[test]
fn the_wasm_boundary_hands_objects_over_as_json_text() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/wasm.rs")];
    rust_files(&root.join("src/wasm"), &mut files);
    assert!(files.len() >= 3, "found only {} files of the wasm boundary", files.len());
    let mut bad = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["serde", "Serialize", ".serialize("].iter().any(|w| code.contains(w)) {
                bad.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    if manifest.lines().any(|l| l.starts_with("serde-wasm-bindgen")) {
        bad.push("Cargo.toml: serde-wasm-bindgen".into());
    }
    assert!(bad.is_empty(), "serde on the wasm boundary (use callchart::json::ToJson and to_obj):\n{}", bad.join("\n"));
}

/// build.sh empties wasm-bindgen's closure invoke shims and js-sys's JSPI
/// task waker in both wasms (www/wasmnames.py's `dead`): only a Rust
/// closure handed to JS (`Closure`) or a spawned future could call them, and
/// the crate makes neither. Were it to, the page would hit `unreachable`.
#[test]
fn no_rust_closure_or_future_is_handed_to_js() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 30, "found only {} files under src", files.len());
    let mut bad = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            if ["Closure", "spawn_local", "JsFuture", "future_to_promise", "futures::"].iter().any(|w| line.contains(w)) {
                bad.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(bad.is_empty(), "a closure or future for JS: drop www/wasmnames.py's DEAD step in build.sh first\n{}", bad.join("\n"));
}

/// The viewer (the embed's wasm, built without `engine`) exports what
/// www/embed.js and engine.js call on it and nothing else: every export
/// brings its glue and the code behind it into the embed (issue 13: the
/// reading and `ChartMap.hit` were ~1.7 KB gzipped of it). A `pub fn` of
/// src/wasm.rs outside `#[cfg(feature = "engine")]` (on it or on its `impl`)
/// must be in this list; one the embed needs goes into it.
#[test]
fn the_viewer_exports_only_what_the_embed_calls() {
    const VIEWER: &[&str] = &[
        "init_panic_hook", "link_packed", "link_max_inflated", "open_unpacked",
        "facts", "draw", "describe", "regions", "texts", "plots", "min_height",
    ];
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm.rs")).expect("src/wasm.rs");
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
    let engine = "#[cfg(feature = \"engine\")]";
    let (mut attrs, mut impl_engine, mut bad) = (Vec::<&str>::new(), false, Vec::new());
    for (n, line) in code.lines().enumerate() {
        let t = line.trim_start();
        if t.starts_with("#[") || t.starts_with("///") {
            attrs.push(t);
            continue;
        }
        if line.starts_with("impl ") {
            impl_engine = attrs.contains(&engine);
        } else if line.starts_with('}') {
            impl_engine = false;
        } else if let Some(rest) = t.strip_prefix("pub fn ") {
            let name = rest.split(['(', '<']).next().unwrap_or("");
            if !impl_engine && !attrs.contains(&engine) && !VIEWER.contains(&name) {
                bad.push(format!("src/wasm.rs:{}: {name}", n + 1));
            }
        }
        attrs.clear();
    }
    assert!(bad.is_empty(), "the viewer exports more than the embed calls (add #[cfg(feature = \"engine\")]):\n{}", bad.join("\n"));
    // js-sys's global() tries four names through four imports; GLOBAL_THIS is one.
    let global = code.lines().map(|l| l.split("//").next().unwrap_or("")).any(|l| l.contains("js_sys::global(") || l.contains("web_sys::window("));
    assert!(!global, "read globalThis through GLOBAL_THIS");
}
