//! Unicode upper and lower case (chart labels, the extractor's words), as the standard library
//! maps them, from tables a fifth of the size.
//!
//! `char::to_uppercase`, `str::to_lowercase` & co. bring the standard
//! library's case tables into the wasm: ~28 KB, ~14 KB gzipped, as much as
//! a tenth of the embed's viewer build. The labels need them for any name a
//! link or a call may carry ("ιδ" → "ΙΔ"), so this module keeps the very
//! same mappings, written as runs (a range of characters, every one or every
//! other, moved by the same distance) in `case/tables.rs`. That file is
//! made from the standard library by the test below
//! (`UPDATE_EXPECT=1 cargo test --lib case` writes it after a Rust upgrade
//! changes the Unicode version), and another test compares every character
//! with the standard library's mapping.
//!
//! The engine uses these tables: its extractor and series lower words
//! through [`lower`] and [`lower_str`], so std's case tables are in neither
//! wasm (call these, never `char::to_lowercase` & co.). The viewer's wasm
//! (the embed) asks the browser instead (`wasm/case.rs`, the same mappings
//! by the same Unicode rules) and carries no tables at all.

/// The viewer's wasm maps case through the browser (`wasm/case.rs`): no tables.
#[cfg(all(target_arch = "wasm32", not(feature = "engine")))]
pub use crate::wasm::case::{lower, lower_str, upper, upper_str};

#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
mod tables;

#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
use tables::{CASED, IGNORABLE, LOWER, LOWER_MULTI, UPPER, UPPER_MULTI};

/// `c`'s upper case: what `c.to_uppercase()` yields.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
pub fn upper(c: char) -> impl Iterator<Item = char> {
    map(c, UPPER, UPPER_MULTI)
}

/// `c`'s lower case: what `c.to_lowercase()` yields.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
pub fn lower(c: char) -> impl Iterator<Item = char> {
    map(c, LOWER, LOWER_MULTI)
}

/// `s.to_uppercase()`.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
pub fn upper_str(s: &str) -> String {
    s.chars().flat_map(upper).collect()
}

/// `s.to_lowercase()`, with its one rule of context: a capital sigma at the
/// end of a word is `ς`, elsewhere `σ`.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
pub fn lower_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            let word_final = then_cased(s[..i].chars().rev()) && !then_cased(s[i + c.len_utf8()..].chars());
            out.push(if word_final { 'ς' } else { 'σ' });
        } else {
            out.extend(map(c, LOWER, LOWER_MULTI));
        }
    }
    out
}

/// Whether the first character that is not case-ignorable is cased (Unicode's
/// `Final_Sigma` context, as `str::to_lowercase` reads it).
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
fn then_cased(mut chars: impl Iterator<Item = char>) -> bool {
    chars.find(|&c| !in_set(IGNORABLE, c)).is_some_and(|c| in_set(CASED, c))
}

/// `c` mapped through `runs` and `multi`: up to three characters.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
fn map(c: char, runs: &[u32], multi: &[(char, [char; 3])]) -> impl Iterator<Item = char> {
    let (chars, n) = match multi.binary_search_by_key(&c, |m| m.0) {
        Ok(i) => {
            let m = multi[i].1;
            (m, if m[2] != '\0' { 3 } else { 2 })
        }
        Err(_) => ([moved(runs, c).unwrap_or(c), '\0', '\0'], 1),
    };
    chars.into_iter().take(n)
}

/// Runs are pairs of words: `start | (step - 1) << 21 | (len - 1) << 22` and
/// the distance (two's complement); `start + k·step` for `k < len` moves by it.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
fn moved(runs: &[u32], c: char) -> Option<char> {
    let c = c as u32;
    let n = runs.len() / 2;
    let i = partition(n, |i| runs[2 * i] & 0x1F_FFFF <= c).checked_sub(1)?;
    let w = runs[2 * i];
    let (start, step, len) = (w & 0x1F_FFFF, (w >> 21 & 1) + 1, (w >> 22) + 1);
    let off = c - start;
    if off % step != 0 || off / step >= len {
        return None;
    }
    char::from_u32(c.wrapping_add(runs[2 * i + 1]))
}

/// Sets are ranges: `start | (len - 1) << 21`, in order.
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
fn in_set(set: &[u32], c: char) -> bool {
    let c = c as u32;
    partition(set.len(), |i| set[i] & 0x1F_FFFF <= c)
        .checked_sub(1)
        .is_some_and(|i| c - (set[i] & 0x1F_FFFF) <= set[i] >> 21)
}

/// How many of `0..n` come before the first `i` for which `before(i)` is
/// false (`before` holds for a prefix).
#[cfg(not(all(target_arch = "wasm32", not(feature = "engine"))))]
fn partition(n: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if before(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write;

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF).filter_map(char::from_u32)
    }

    #[test]
    fn every_character_maps_as_in_std() {
        for c in all_chars() {
            assert!(map(c, UPPER, UPPER_MULTI).eq(c.to_uppercase()), "upper {c:?} U+{:04X}", c as u32);
            assert!(map(c, LOWER, LOWER_MULTI).eq(c.to_lowercase()), "lower {c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn strings_map_as_in_std_final_sigma_included() {
        for s in [
            "", "ip", "Data center", "ΣΑΣ", "ΌΣΟΣ", "ΌΣΟΣ.", "Σ", "aΣ", "AΣb", "AΣ'", "AΣ'A", "AΣ\u{301}", "A\u{301}Σ", "ǅΣ",
            "ʰΣ", "AΣʰ", "AΣʰA", "Straße", "İstanbul", "ﬁ", "ŉ", "ΐ", "SG&A expense", "R&D expense", "Σ-Σ", "x ΣΣ y",
        ] {
            assert_eq!(s.chars().flat_map(|c| map(c, UPPER, UPPER_MULTI)).collect::<String>(), s.to_uppercase(), "{s:?}");
            assert_eq!(lower_str(s), s.to_lowercase(), "{s:?}");
        }
        // Characters around a sigma, before and after (a sample: the sets
        // themselves are checked whole against std by the tables' test).
        for c in all_chars().step_by(13) {
            for s in [format!("A{c}Σ"), format!("AΣ{c}"), format!("AΣ{c}A"), format!("{c}Σ")] {
                assert_eq!(lower_str(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    /// `case/tables.rs` as the standard library's Unicode makes it.
    fn tables_source() -> String {
        // Single-character mappings that move a character, as runs.
        fn runs(map: impl Fn(char) -> Vec<char>) -> Vec<u32> {
            let mut runs: Vec<(u32, u32, u32, u32)> = Vec::new(); // start, step, len, delta
            for c in all_chars() {
                let m = map(c);
                if m.len() != 1 || m[0] == c {
                    continue;
                }
                let (c, delta) = (c as u32, (m[0] as u32).wrapping_sub(c as u32));
                if let Some(r) = runs.last_mut() {
                    let last = r.0 + (r.2 - 1) * r.1;
                    let gap = c - last;
                    if r.3 == delta && r.2 < 1024 && (gap == r.1 || r.2 == 1 && gap <= 2) {
                        r.1 = gap;
                        r.2 += 1;
                        continue;
                    }
                }
                runs.push((c, 1, 1, delta));
            }
            runs.iter().flat_map(|&(start, step, len, delta)| [start | (step - 1) << 21 | (len - 1) << 22, delta]).collect()
        }
        fn multi(map: impl Fn(char) -> Vec<char>) -> Vec<(char, Vec<char>)> {
            all_chars().map(|c| (c, map(c))).filter(|(_, m)| m.len() > 1).collect()
        }
        fn set(has: impl Fn(char) -> bool) -> Vec<u32> {
            let mut ranges: Vec<(u32, u32)> = Vec::new(); // start, len
            for c in all_chars().filter(|&c| has(c)).map(|c| c as u32) {
                match ranges.last_mut() {
                    Some(r) if r.0 + r.1 == c && r.1 < 2048 => r.1 += 1,
                    _ => ranges.push((c, 1)),
                }
            }
            ranges.iter().map(|&(start, len)| start | (len - 1) << 21).collect()
        }
        // The context of a final sigma, read off std: after "AΣ", a character
        // that is cased (and not case-ignorable) keeps the sigma medial; one
        // that is case-ignorable is skipped, so the "A" after it does.
        let medial = |s: String| s.to_lowercase().chars().nth(1) == Some('σ');
        let cased = |c: char| medial(format!("AΣ{c}"));
        let ignorable = |c: char| !cased(c) && medial(format!("AΣ{c}A"));

        let mut out = String::from(
            "//! Made by `src/case.rs`'s tests from the standard library's Unicode tables\n\
             //! (`UPDATE_EXPECT=1 cargo test --lib case` writes it again); do not edit.\n\n",
        );
        let words = |out: &mut String, name: &str, what: &str, w: &[u32]| {
            let _ = writeln!(out, "/// {what}\npub(super) static {name}: &[u32] = &[");
            for line in w.chunks(8) {
                let _ = writeln!(out, "    {},", line.iter().map(|x| format!("{x:#x}")).collect::<Vec<_>>().join(", "));
            }
            out.push_str("];\n\n");
        };
        let multis = |out: &mut String, name: &str, what: &str, m: &[(char, Vec<char>)]| {
            let _ = writeln!(out, "/// {what}\npub(super) static {name}: &[(char, [char; 3])] = &[");
            for (c, to) in m {
                let mut three = to.clone();
                three.resize(3, '\0');
                let _ = writeln!(out, "    ({c:?}, [{:?}, {:?}, {:?}]),", three[0], three[1], three[2]);
            }
            out.push_str("];\n\n");
        };
        words(&mut out, "UPPER", "Upper case, one character to one: runs.", &runs(|c| c.to_uppercase().collect()));
        multis(&mut out, "UPPER_MULTI", "Upper case, one character to two or three.", &multi(|c| c.to_uppercase().collect()));
        words(&mut out, "LOWER", "Lower case, one character to one: runs.", &runs(|c| c.to_lowercase().collect()));
        multis(&mut out, "LOWER_MULTI", "Lower case, one character to two or three.", &multi(|c| c.to_lowercase().collect()));
        words(&mut out, "CASED", "Cased and not case-ignorable characters: ranges.", &set(cased));
        words(&mut out, "IGNORABLE", "Case-ignorable characters: ranges.", &set(ignorable));
        out.truncate(out.trim_end().len());
        out.push('\n');
        out
    }

    #[test]
    fn tables_are_those_of_std() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/case/tables.rs");
        let want = tables_source();
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(path, &want).expect("write src/case/tables.rs");
        }
        let got = std::fs::read_to_string(path).unwrap_or_default();
        assert!(got == want, "src/case/tables.rs is not std's Unicode: UPDATE_EXPECT=1 cargo test --lib case");
    }
}
