//! Running text, before any reading of it: where a paragraph's sentences
//! begin and end. The extractor reads figures sentence by sentence and the
//! transcript view shows the same sentences, so both split here, by one rule.

/// Splits paragraph text into sentence byte ranges.
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    const ABBREV: &[&str] = &[
        "mr", "mrs", "ms", "dr", "inc", "co", "corp", "ltd", "vs", "no", "st", "jr", "sr", "approx", "e.g", "i.e", "u.s",
        "etc", "fig", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "u.k", "ph.d",
    ];
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        // Most bytes end nothing: on to the next that may (`.`, `?`, `!`, or the lead byte of 。！？).
        match b[i..].iter().position(|&c| matches!(c, b'.' | b'?' | b'!' | 0xE3 | 0xEF)) {
            Some(k) => i += k,
            None => break,
        }
        let c = b[i];
        // Chinese sentences end at 。！？ (three bytes each, led by 0xE3 or 0xEF),
        // with no space after them.
        if matches!(c, 0xE3 | 0xEF) {
            if let Some(n) = text[i..].chars().next().filter(|n| matches!(n, '。' | '！' | '？')) {
                let mut j = i + n.len_utf8();
                while let Some(q) = text[j..].chars().next().filter(|q| matches!(q, '」' | '』' | '）' | '”' | ' ')) {
                    j += q.len_utf8();
                }
                out.push((start, j));
                start = j;
                i = j;
                continue;
            }
        }
        if matches!(c, b'.' | b'?' | b'!') {
            // Include closing quotes/brackets.
            let mut j = i + 1;
            while j < b.len() && matches!(b[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            let at_space = j >= b.len() || b[j] == b' ';
            let next = text[j..].trim_start().chars().next();
            let starts_new = next.is_none_or(|n| n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '(' | '[' | '$' | '\'' | '“'));
            let word_before = text[..i].rsplit(|ch: char| ch == ' ' || ch == '(').next().unwrap_or("");
            let abbrev = c == b'.'
                && (ABBREV.contains(&word_before.to_ascii_lowercase().as_str())
                    || (word_before.chars().count() == 1 && word_before.chars().all(char::is_uppercase)));
            if at_space && starts_new && !abbrev {
                out.push((start, j));
                start = j;
                while start < b.len() && b[start] == b' ' {
                    start += 1;
                }
                i = start;
                continue;
            }
        }
        i += 1;
    }
    if start < b.len() && !text[start..].trim().is_empty() {
        out.push((start, b.len()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences() {
        let s = "Revenue was $32.1 million. Mr. Smith said U.S. sales rose 5%. Really? Yes.";
        let parts: Vec<&str> = sentences(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(parts, ["Revenue was $32.1 million.", "Mr. Smith said U.S. sales rose 5%.", "Really?", "Yes."]);
    }

    #[test]
    fn splits_chinese_sentences() {
        let s = "營收為 3,210 萬美元。真的嗎？是的！「好。」毛利率 58%";
        let parts: Vec<&str> = sentences(s).iter().map(|&(a, b)| s[a..b].trim_end()).collect();
        assert_eq!(parts, ["營收為 3,210 萬美元。", "真的嗎？", "是的！", "「好。」", "毛利率 58%"]);
    }
}
