//! RTF to its text (`rtf_to_text`: a group stack, no recursion), for
//! [`super::decode`].

use super::cp1252_byte;

/// Whether `text` is an RTF document.
pub(super) fn is_rtf(text: &str) -> bool {
    text.trim_start().starts_with("{\\rtf")
}

/// Destinations whose content is not document text.
const RTF_SKIP: &[&str] = &[
    "fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "headerl", "headerr", "headerf", "footer", "footerl",
    "footerr", "footerf", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata",
    "colorschememapping", "datastore", "latentstyles", "mmathPr", "fldinst", "object", "filetbl", "revtbl",
    "pgdsctbl", "footnote", "bkmkstart", "bkmkend", "nonshppict", "shp", "operator", "author", "title",
];

/// The text of an RTF document: groups and control words interpreted enough
/// to keep paragraphs, tabs, `\'hh` (Windows-1252) and `\uN` characters, and
/// to drop font tables, pictures and other non-text destinations. No
/// recursion: nesting is a stack of "skipping" flags.
pub fn rtf_to_text(src: &str) -> String {
    let b = src.as_bytes();
    let mut st = Rtf { out: String::with_capacity(src.len() / 2), uc: 1, ..Rtf::default() };
    let mut i = 0;
    while i < b.len() {
        i = match b[i] {
            b'{' => st.open_group(i),
            b'}' => st.close_group(i),
            b'\\' => match b.get(i + 1).copied() {
                Some(n) if n.is_ascii_alphabetic() => st.control_word(src, i),
                Some(b'\'') => st.hex_char(src, i),
                Some(b'*') => {
                    st.star = true;
                    i + 2
                }
                Some(sym) => st.symbol(src, i, sym),
                None => i + 1,
            },
            b'\r' | b'\n' => i + 1,
            _ => st.plain(src, i),
        };
    }
    // Lines as a plain-text transcript has them.
    let mut text = String::with_capacity(st.out.len() + 1);
    for line in st.out.lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The reader's state: the text so far and what the groups around say.
#[derive(Default)]
struct Rtf {
    out: String,
    /// (skipping, \ucN) of each enclosing group.
    skip_stack: Vec<(bool, u32)>,
    skipping: bool,
    uc: u32,
    /// Fallback characters to drop after \uN.
    pending_skip: u32,
    /// Just saw \*.
    star: bool,
    /// The next control word is the group's first.
    group_start: bool,
}

impl Rtf {
    fn open_group(&mut self, i: usize) -> usize {
        self.skip_stack.push((self.skipping, self.uc));
        self.group_start = true;
        self.star = false;
        i + 1
    }

    fn close_group(&mut self, i: usize) -> usize {
        if let Some((s, u)) = self.skip_stack.pop() {
            self.skipping = s;
            self.uc = u;
        }
        self.group_start = false;
        self.star = false;
        self.pending_skip = 0;
        i + 1
    }

    /// Whether the next character is dropped (skipped destination, or a
    /// fallback character after \uN, which a control word also counts as).
    fn drops(&mut self) -> bool {
        if self.skipping {
            return true;
        }
        if self.pending_skip > 0 {
            self.pending_skip -= 1;
            return true;
        }
        false
    }

    /// `\word[-]N ` at `i`; returns where the text goes on.
    fn control_word(&mut self, src: &str, i: usize) -> usize {
        let (word, param, mut next) = read_control_word(src, i);
        let first = self.group_start;
        self.group_start = false;
        if (self.star || (first && RTF_SKIP.contains(&word))) && !self.skipping {
            self.skipping = true;
        }
        self.star = false;
        match word {
            "bin" => {
                next = next.saturating_add(param.unwrap_or(0).max(0) as usize).min(src.len());
                while !src.is_char_boundary(next) {
                    next += 1;
                }
                return next;
            }
            "uc" => {
                self.uc = param.unwrap_or(1).clamp(0, 10) as u32;
                return next;
            }
            _ => {}
        }
        if self.drops() {
            return next;
        }
        let out = &mut self.out;
        match word {
            "par" | "line" | "sect" | "page" | "row" => out.push('\n'),
            "tab" | "cell" => out.push('\t'),
            "emdash" => out.push('—'),
            "endash" => out.push('–'),
            "lquote" => out.push('‘'),
            "rquote" => out.push('’'),
            "ldblquote" => out.push('“'),
            "rdblquote" => out.push('”'),
            "bullet" => out.push('•'),
            "u" => {
                if let Some(n) = param {
                    // Negative values are UTF-16 units written as i16.
                    let unit = if n < 0 { (n + 65536) as u32 } else { n as u32 };
                    out.push(char::from_u32(unit).unwrap_or('\u{FFFD}'));
                    self.pending_skip = self.uc;
                }
            }
            _ => {}
        }
        next
    }

    /// `\'hh` at `i`: a Windows-1252 byte.
    fn hex_char(&mut self, src: &str, i: usize) -> usize {
        let hex = src.get(i + 2..i + 4).and_then(|h| u8::from_str_radix(h, 16).ok());
        self.group_start = false;
        if !self.drops() {
            if let Some(h) = hex {
                self.out.push(cp1252_byte(h));
            }
        }
        i + if hex.is_some() { 4 } else { 2 }
    }

    /// An escaped symbol at `i`: \\ \{ \} \~ \- \_ and line breaks.
    fn symbol(&mut self, src: &str, i: usize, sym: u8) -> usize {
        self.group_start = false;
        let ch_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
        if !self.skipping {
            match sym {
                b'\\' | b'{' | b'}' => self.out.push(sym as char),
                b'~' => self.out.push(' '),
                b'_' => self.out.push('-'),
                b'\n' | b'\r' => self.out.push('\n'),
                _ => {}
            }
        }
        i + 1 + ch_len
    }

    /// A plain character at `i`.
    fn plain(&mut self, src: &str, i: usize) -> usize {
        self.group_start = false;
        let ch_len = src[i..].chars().next().map_or(1, char::len_utf8);
        if !self.drops() {
            self.out.push_str(&src[i..i + ch_len]);
        }
        i + ch_len
    }
}

/// The control word at `i` (`\word`, at most 32 letters), its parameter
/// (`-`, at most 12 digits) and where the text goes on (past one space).
fn read_control_word(src: &str, i: usize) -> (&str, Option<i64>, usize) {
    let b = src.as_bytes();
    let ws = i + 1;
    let mut we = ws;
    while we < b.len() && b[we].is_ascii_alphabetic() && we - ws < 32 {
        we += 1;
    }
    let mut pe = we;
    if pe < b.len() && b[pe] == b'-' {
        pe += 1;
    }
    while pe < b.len() && b[pe].is_ascii_digit() && pe - we < 12 {
        pe += 1;
    }
    let param: Option<i64> = src[we..pe].parse().ok();
    let next = if pe < b.len() && b[pe] == b' ' { pe + 1 } else { pe };
    (&src[ws..we], param, next)
}

