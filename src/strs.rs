//! `str::split_once` with a text pattern, found through its first character:
//! core's `split_once(&str)` brings its two-way searcher's set-up into the
//! viewer (~1.8 KB of wasm) for the two texts it splits ("line 12: …" in a v1
//! link's notes, "Company · Q4 FY2023 — Revenue" in a chart's title).
//! And `concat` of a few texts without std's generic join.

/// `s.split_once(pat)`: the text before the first `pat` and after it.
pub fn split_once<'a>(s: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    let first = pat.chars().next()?;
    // `get`, not `s[i..]`: a slice that can panic brings core's slice-error
    // message (char's Debug, the printable tables: ~3 KB of the viewer).
    s.match_indices(first)
        .map(|(i, _)| i)
        .find(|&i| s.get(i..).is_some_and(|r| r.starts_with(pat)))
        .and_then(|i| Some((s.get(..i)?, s.get(i + pat.len()..)?)))
}

/// `parts.concat()`: std's goes through its generic join (~360 bytes of
/// the viewer's wasm for the error messages that use it).
pub fn concat(parts: &[&str]) -> String {
    let mut s = String::new();
    for p in parts {
        s.push_str(p);
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn concats_as_std() {
        for parts in [&[][..], &[""], &["a"], &["bad: ", "x", " is not ", "a size"]] {
            assert_eq!(super::concat(parts), parts.concat());
        }
    }

    #[test]
    fn splits_as_std() {
        for (s, pat) in [
            ("line 12: text", ": "),
            ("a: b: c", ": "),
            ("no colon", ": "),
            ("colon:no space: yes", ": "),
            ("Credo · Q4 FY2023 — Revenue", " — "),
            ("A—B — C — D", " — "),
            ("", ": "),
            (":", ": "),
            (": ", ": "),
            ("x — ", " — "),
        ] {
            assert_eq!(super::split_once(s, pat), s.split_once(pat), "{s:?} {pat:?}");
        }
    }
}
