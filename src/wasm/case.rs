//! Letter case in the viewer's wasm: the browser's `toUpperCase` and
//! `toLowerCase` (Unicode's full, locale-free mappings, final sigma
//! included, as `str::to_uppercase`/`to_lowercase` map), so the embed
//! carries no case tables (`crate::case`'s are ~4.6 KB gzipped). ASCII,
//! which is nearly every label, never leaves Rust. Only the viewer uses
//! these: its labels map a few words per draw, while the engine's extractor
//! lowers every word of a call and keeps `crate::case`'s tables.

use js_sys::JsString;

/// `s.to_uppercase()`, by the browser.
pub fn upper_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    JsString::from(s).to_upper_case().into()
}

/// `s.to_lowercase()`, by the browser.
pub fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    JsString::from(s).to_lower_case().into()
}

/// `c.to_uppercase()`.
pub fn upper(c: char) -> std::vec::IntoIter<char> {
    one(c, upper_str)
}

/// `c.to_lowercase()` (a lone capital sigma is `σ` in both).
pub fn lower(c: char) -> std::vec::IntoIter<char> {
    one(c, lower_str)
}

fn one(c: char, map: fn(&str) -> String) -> std::vec::IntoIter<char> {
    map(c.encode_utf8(&mut [0; 4])).chars().collect::<Vec<_>>().into_iter()
}
