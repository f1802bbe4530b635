//! Sentences and tokens: the extractor's view of running text.
//!
//! Tokens keep byte offsets into the sentence's paragraph so that every
//! figure can be traced to its line and column.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// Letters (with inner `'`, `&`, `.` for "R&D", "U.S.", "company's").
    Word,
    /// Digits with thousands separators and a decimal part.
    Num,
    /// Any other single character (`$`, `%`, `-`, `(`, `,`, ...).
    Sym,
}

/// A token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token<'a> {
    /// Kind.
    pub kind: Tok,
    /// Text as written.
    pub text: &'a str,
    /// Byte offset of the start in the paragraph.
    pub start: usize,
    /// Byte offset just past the end in the paragraph.
    pub end: usize,
    /// Numeric value for [`Tok::Num`].
    pub num: f64,
}

impl Token<'_> {
    /// Case-insensitive word comparison.
    pub fn is(&self, w: &str) -> bool {
        self.kind != Tok::Num && self.text.eq_ignore_ascii_case(w)
    }

    /// Whether the token is one of `words`.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is(w))
    }

    /// Whether this is the symbol `c`.
    pub fn sym(&self, c: char) -> bool {
        self.kind == Tok::Sym && self.text.starts_with(c)
    }

    /// Number of decimal places as written.
    pub fn decimals(&self) -> u32 {
        self.text.split_once('.').map_or(0, |(_, d)| d.len() as u32)
    }
}

// Sentences are split by `crate::text::sentences` (the view splits by the same rule).
pub use crate::text::sentences;

/// Tokenizes `text[range]`; offsets are relative to `text`.
pub fn tokenize(text: &str, from: usize, to: usize) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_into(text, from, to, &mut out);
    out
}

/// [`tokenize`] into a buffer the caller reuses (cleared first).
pub fn tokenize_into<'a>(text: &'a str, from: usize, to: usize, out: &mut Vec<Token<'a>>) {
    out.clear();
    let s = &text[from..to];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let start = from + i;
        if c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}') {
            continue;
        }
        // A transcriber's note right after a figure, "$14.69 [Phonetic] and $15.09", "$62 [Phonetic] million",
        // is no word of the speaker's (elsewhere it stays: "first [Phonetic] quarter" is no period, "cash flow
        // [Technical Issues] Cash provided" no name).
        if c == '[' && out.last().is_some_and(|t: &Token<'_>| t.kind == Tok::Num || t.sym('%')) {
            if let Some(close) = s[i + 1..].find(']').filter(|&n| n <= 30 && s[i + 1..i + 1 + n].chars().all(|x| x.is_ascii_alphabetic() || x == ' ')) {
                while it.peek().is_some_and(|(j, _)| *j <= i + 1 + close) {
                    it.next();
                }
                continue;
            }
        }
        if c.is_ascii_digit() {
            let mut end = i + c.len_utf8();
            let bytes = s.as_bytes();
            loop {
                match bytes.get(end) {
                    Some(d) if d.is_ascii_digit() => end += 1,
                    // Thousands separator: ",ddd" not followed by another digit.
                    Some(b',')
                        if bytes.get(end + 1..end + 4).is_some_and(|w| w.iter().all(u8::is_ascii_digit))
                            && !bytes.get(end + 4).is_some_and(u8::is_ascii_digit) =>
                    {
                        end += 4
                    }
                    Some(b'.') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) && !s[i..end].contains('.') => {
                        end += 1
                    }
                    _ => break,
                }
            }
            while it.peek().is_some_and(|(j, _)| *j < end) {
                it.next();
            }
            let t = &s[i..end];
            let num = crate::decimal::parse(&t.replace(',', "")).unwrap_or(f64::NAN);
            out.push(Token { kind: Tok::Num, text: t, start, end: from + end, num });
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let inner = matches!(d, '\'' | '’' | '&' | '.');
                if d.is_alphabetic() || d.is_ascii_digit() && !s[i..j].chars().all(char::is_alphabetic) {
                    end = j + d.len_utf8();
                    it.next();
                } else if inner {
                    // Keep "R&D", "company's", "U.S." together, not a trailing dot.
                    let after = s[j + d.len_utf8()..].chars().next();
                    if after.is_some_and(|a| a.is_alphabetic()) && (d != '.' || end - i <= 2) {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if is_cjk_char(c) {
                continue;
            }
            out.push(Token { kind: Tok::Word, text: &s[i..end], start, end: from + end, num: f64::NAN });
            continue;
        }
        if is_cjk_char(c) {
            continue;
        }
        out.push(Token { kind: Tok::Sym, text: &s[i..i + c.len_utf8()], start, end: start + c.len_utf8(), num: f64::NAN });
    }
}

fn is_cjk_char(c: char) -> bool {
    crate::transcript::is_cjk(c)
}

/// Matches `phrase` (space-separated words; `-` tokens between words are
/// skipped) at token `i`; returns the index just past the match.
pub fn phrase_at(toks: &[Token<'_>], i: usize, phrase: &str) -> Option<usize> {
    // Fast rejection (same result as the loop below, which is hot: every
    // lexicon phrase is tried at every token): the first token must begin
    // with the phrase's first byte and be no longer than the phrase.
    // The first word is compared in place, without splitting the phrase: most calls end here.
    let t0 = toks.get(i)?;
    let first = t0.text.as_bytes();
    let p = phrase.as_bytes();
    let n = first.len();
    if n > p.len() || n < p.len() && p[n] != b' ' || !first.eq_ignore_ascii_case(&p[..n]) {
        return None;
    }
    let w0 = &phrase[..n];
    let ok0 = if w0.len() == 1 && !w0.chars().all(char::is_alphanumeric) { t0.kind == Tok::Sym } else { t0.kind != Tok::Num };
    if !ok0 {
        return None;
    }
    if n == p.len() {
        return Some(i + 1);
    }
    let mut k = i + 1;
    for w in phrase[n + 1..].split(' ') {
        while toks.get(k).is_some_and(|t| t.sym('-')) {
            k += 1;
        }
        let t = toks.get(k)?;
        let ok = if w.len() == 1 && !w.chars().all(char::is_alphanumeric) {
            t.kind == Tok::Sym && t.text == w
        } else {
            t.is(w)
        };
        if !ok {
            return None;
        }
        k += 1;
    }
    Some(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(texts("R&D rose 1,362.7 million, $0.05."), ["R&D", "rose", "1,362.7", "million", ",", "$", "0.05", "."]);
        assert_eq!(texts("fiscal '23 year-over-year 5.7% 100-gig"), ["fiscal", "'", "23", "year", "-", "over", "-", "year", "5.7", "%", "100", "-", "gig"]);
        assert_eq!(texts("U.S. company's 32.1M"), ["U.S", ".", "company's", "32.1", "M"]);
        assert_eq!(texts("1,2 and 12,3456"), ["1", ",", "2", "and", "12", ",", "3456"]);
        // A transcriber's note is left out; other brackets stay.
        assert_eq!(texts("$14.69 [Phonetic] and $15.09 [1]"), ["$", "14.69", "and", "$", "15.09", "[", "1", "]"]);
        assert_eq!(texts("first [Phonetic] quarter"), ["first", "[", "Phonetic", "]", "quarter"]);
        let t = tokenize("x 1,000.5", 0, 9);
        assert_eq!(t[1].num, 1000.5);
        assert_eq!(t[1].decimals(), 1);
    }

    #[test]
    fn phrases() {
        let s = "up 5% year-over-year";
        let t = tokenize(s, 0, s.len());
        assert_eq!(phrase_at(&t, 3, "year over year"), Some(8));
        assert_eq!(phrase_at(&t, 0, "up"), Some(1));
        assert_eq!(phrase_at(&t, 2, "%"), Some(3));
    }
}
