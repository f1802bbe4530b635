//! Chinese sentences read by the English figure grammar.
//!
//! A Chinese-only transcript (`Transcript::chinese`) is read line by line
//! into the words the English grammar consumes: each CJK line becomes one
//! line of English tokens (figures with their scale and currency written
//! out, `3,210 萬美元` → `$32.1 million`; metric words; period mentions;
//! change and guidance cues, with a comparison said before a figure moved
//! after it, `季增 6%` → `up 6% sequentially`), every token remembering the
//! bytes of the Chinese it stands for. The lines keep their numbers, so the
//! English text parses into the same turns; its facts are extracted as any
//! English call's, then given back their Chinese: each fact's source is the
//! original sentence and its columns the original figure's.
//!
//! One grammar: the binder, the periods, the merge, the derivations and the
//! call's identity are the English ones; this module only knows words
//! (`zh/words.rs`) and the order of a Chinese figure's parts.

mod numeral;
mod reader;
mod words;

use numeral::{figure_text, Figure, Suffix};

use crate::facts::{Facts, Kind};
use crate::transcript::{is_cjk_line, Section, Transcript};
use words::{Say, CURRENCIES, LEXICON, SCALES, UNITS};

/// A Chinese-only transcript's facts (the call's period `given` by the
/// reader, if it is); `None` for any other transcript.
pub(super) fn extract(t: &Transcript<'_>, given: Option<crate::facts::Period>) -> Option<Facts> {
    if !t.chinese {
        return None;
    }
    let mut doc = String::with_capacity(t.text.len() * 2);
    let mut maps: Vec<Option<Vec<Seg>>> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    // A speaker line with a colon (`黃仁勳：…`), as the transcript found it: (speaker, speech column).
    let colon_at = |n: usize| -> Option<(usize, Option<usize>)> {
        let turn = &t.turns[t.turns.binary_search_by_key(&n, |x| x.line).ok()?];
        let piece = turn.paragraphs.first().and_then(|p| p.pieces.first()).filter(|x| x.line == turn.line);
        Some((turn.speaker?, piece.map(|x| x.col)))
    };
    for (n, raw) in t.text.split('\n').enumerate().map(|(k, raw)| (k + 1, raw.trim_end_matches('\r'))) {
        let colon = colon_at(n).filter(|_| crate::transcript::zh::speaker(raw).is_none());
        if !is_cjk_line(raw.trim()) {
            doc.push_str(raw);
            maps.push(None);
        } else if crate::transcript::zh::is_qa_header(raw) {
            doc.push_str("Q&A");
            maps.push(None);
        } else if let Some((name, title)) = crate::transcript::zh::speaker(raw) {
            doc.push_str(&speaker_line(name, title, &mut names));
            maps.push(None);
            kept.push(n);
        } else if let Some((k, col)) = colon {
            let s = &t.speakers[k];
            let who = speaker_line(&s.name, s.title.as_deref(), &mut names);
            let who = who.split(" - ").next().unwrap_or("Operator");
            doc.push_str(who);
            doc.push(':');
            let mut segs = Vec::new();
            if let Some(col) = col {
                doc.push(' ');
                let n = normalise(&raw[col..]);
                let at = who.len() + 2;
                segs = n.segs.iter().map(|g| Seg { out: g.out + at, from: g.from + col, to: g.to + col, ..*g }).collect();
                doc.push_str(&n.text);
            }
            maps.push(Some(segs));
            kept.push(n);
        } else {
            let n = normalise(raw);
            doc.push_str(&n.text);
            maps.push(Some(n.segs));
        }
        doc.push('\n');
    }
    let mut english = crate::transcript::parse_keeping(&doc, &kept);
    mirror(&mut english, t);
    let mut facts = super::extract_as(&english, given);
    restore(&mut facts, t, &doc, &maps);
    facts.layout = t.layout.name().to_string();
    let call_quarter = facts.transcript.as_ref().and_then(|s| s.call_quarter);
    facts.transcript = Some(crate::facts::TranscriptStats { call_quarter, ..t.stats() });
    Some(facts)
}

/// The English reading's turns as the Chinese ones: the Q&A where the
/// Chinese found it (`問答`, the operator's `第一個問題`), each speaker's role.
fn mirror(english: &mut Transcript<'_>, t: &Transcript<'_>) {
    english.qa_line = t.qa_line;
    for turn in &mut english.turns {
        turn.section = if t.qa_line.is_some_and(|q| turn.line >= q) { Section::Qa } else { Section::Prepared };
    }
    for turn in &t.turns {
        let Some(k) = turn.speaker else { continue };
        let at = english.turns.binary_search_by_key(&turn.line, |e| e.line).ok();
        if let Some(e) = at.and_then(|at| english.turns[at].speaker) {
            english.speakers[e].role = t.speakers[k].role;
        }
    }
}

/// A Chinese speaker line as an English one the parser knows: the
/// operator, or a stand-in name (`Zh Speaker B`) with the title in English.
fn speaker_line(name: &str, title: Option<&str>, names: &mut Vec<String>) -> String {
    if crate::transcript::zh::is_operator(name) {
        return "Operator".to_string();
    }
    let k = names.iter().position(|n| n == name).unwrap_or_else(|| {
        names.push(name.to_string());
        names.len() - 1
    });
    let id: String = format!("{k:x}").chars().map(|c| (b'A' + c.to_digit(16).unwrap_or(0) as u8) as char).collect();
    let title = title.map(|t| normalise(t).text).filter(|t| !t.trim().is_empty()).unwrap_or_else(|| "Speaker".into());
    format!("Zh Speaker {id} - {title}")
}

/// Gives the facts of the English reading back their Chinese: source
/// columns of the original figure, the original sentence (in derived facts'
/// explanations too).
fn restore(facts: &mut Facts, t: &Transcript<'_>, doc: &str, maps: &[Option<Vec<Seg>>]) {
    let lines: Vec<&str> = doc.split('\n').collect();
    let raws: Vec<&str> = t.text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    let mut sentences = Sentences::new(t);
    let mut swaps: Vec<(usize, String, String)> = Vec::new();
    // Derived facts point at the change they come from: their columns too,
    // and their explanation quotes its sentence (restored first).
    let order: Vec<usize> = (0..facts.facts.len()).filter(|&k| facts.facts[k].kind != Kind::Derived).chain((0..facts.facts.len()).filter(|&k| facts.facts[k].kind == Kind::Derived)).collect();
    for k in order {
        let f = &mut facts.facts[k];
        let n = f.source.line;
        let (Some(Some(map)), Some(en)) = (maps.get(n.wrapping_sub(1)), lines.get(n.wrapping_sub(1))) else { continue };
        let raw = raws.get(n.wrapping_sub(1)).copied().unwrap_or("");
        let at = |chars: usize, end: bool| -> Option<usize> {
            let b = en.char_indices().nth(chars).map_or(en.len(), |(b, _)| b);
            let seg = if end {
                map.iter().rev().find(|s| s.out < b)
            } else {
                map.iter().find(|s| s.out + s.len > b).or(map.last())
            }?;
            let orig = if end { seg.to } else { seg.from };
            Some(raw[..orig.min(raw.len())].chars().count())
        };
        let start = f.source.start.and_then(|s| at(s, false));
        let end = f.source.end.and_then(|e| at(e, true));
        let byte = start.map_or(0, |c| raw.char_indices().nth(c).map_or(raw.len(), |(b, _)| b));
        if f.kind == Kind::Derived {
            if let Some((_, en, zh)) = swaps.iter().find(|(k, en, _)| *k == n && f.source.text.contains(en.as_str())) {
                f.source.text = f.source.text.replace(en.as_str(), zh);
            }
        } else if let Some(sentence) = sentences.at(n, byte) {
            swaps.push((n, std::mem::take(&mut f.source.text), sentence.clone()));
            f.source.text = sentence;
        }
        f.source.start = start;
        f.source.end = end;
    }
}

/// The original sentences, found by line: each paragraph split once, when a
/// fact first needs it (a fact costs a look-up, not a scan of the call).
struct Sentences<'t> {
    /// The paragraphs, in order.
    paras: Vec<&'t crate::transcript::Paragraph>,
    /// By line (0-based): the paragraph its first piece is in.
    by_line: Vec<Option<usize>>,
    /// By paragraph: its sentences, once split.
    split: Vec<Option<Vec<(usize, usize)>>>,
}

impl<'t> Sentences<'t> {
    fn new(t: &'t Transcript<'t>) -> Self {
        let paras: Vec<&crate::transcript::Paragraph> = t.turns.iter().flat_map(|turn| &turn.paragraphs).collect();
        let mut by_line: Vec<Option<usize>> = vec![None; t.text.split('\n').count()];
        for (k, p) in paras.iter().enumerate() {
            for x in &p.pieces {
                if let Some(slot @ None) = by_line.get_mut(x.line.wrapping_sub(1)) {
                    *slot = Some(k);
                }
            }
        }
        let split = vec![None; paras.len()];
        Sentences { paras, by_line, split }
    }

    /// The original sentence at byte `at` of line `n`.
    fn at(&mut self, n: usize, at: usize) -> Option<String> {
        let k = (*self.by_line.get(n.wrapping_sub(1))?)?;
        let para = self.paras[k];
        let piece = para.pieces.iter().find(|x| x.line == n)?;
        let off = piece.at + at.saturating_sub(piece.col);
        let sentences = self.split[k].get_or_insert_with(|| crate::text::sentences(&para.text));
        let (a, b) = sentences.iter().copied().find(|&(a, b)| a <= off && off < b).or_else(|| sentences.last().copied())?;
        Some(para.text[a..b].trim().to_string())
    }
}

/// Whether `s` says a lexicon phrase of two characters or more (`營收`,
/// `成長`): a label of figures, not a person's name.
pub(crate) fn has_phrase(s: &str) -> bool {
    s.char_indices().any(|(k, _)| longest(&s[k..]).is_some_and(|(w, _)| w.chars().nth(1).is_some()))
}

/// The longest lexicon phrase `text` starts with (the last of equals, as
/// `max_by_key` picks). The lexicon is looked up by its phrases' first
/// character, once sorted: a CJK character costs a binary search, not a scan.
fn longest(text: &str) -> Option<&'static (&'static str, Say)> {
    static INDEX: std::sync::OnceLock<Vec<(char, Vec<usize>)>> = std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: Vec<(char, Vec<usize>)> = Vec::new();
        for (n, (k, _)) in LEXICON.iter().enumerate() {
            let Some(c) = k.chars().next() else { continue };
            match index.binary_search_by_key(&c, |e| e.0) {
                Ok(at) => index[at].1.push(n),
                Err(at) => index.insert(at, (c, vec![n])),
            }
        }
        index
    });
    let first = text.chars().next()?;
    let at = index.binary_search_by_key(&first, |e| e.0).ok()?;
    index[at].1.iter().map(|&n| &LEXICON[n]).filter(|(k, _)| text.starts_with(k)).max_by_key(|(k, _)| k.len())
}

/// A piece of the English reading and the Chinese bytes it stands for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Seg {
    /// Byte offset in the English text.
    out: usize,
    /// Its length.
    len: usize,
    /// The Chinese it stands for: bytes `from..to` of the line.
    from: usize,
    to: usize,
}

/// One line read into English words.
#[derive(Debug, Default)]
struct Normalised {
    text: String,
    segs: Vec<Seg>,
}

/// Reads a Chinese line into English words (see the module doc).
/// Simplified characters are read as their Traditional forms (`营收` as `營收`).
fn normalise(line: &str) -> Normalised {
    let (line, simplified) = crate::transcript::zh::traditional(line);
    let yuan = if simplified { "RMB " } else { "NT$" };
    let mut r = Reader { line: &line, i: 0, out: Normalised::default(), cap: true, after: Vec::new(), between: false, guide: false, figure: false, change: false, yuan };
    while r.i < line.len() {
        r.step();
    }
    r.out
}

/// The state of reading one line.
struct Reader<'a> {
    line: &'a str,
    /// Byte position in `line`.
    i: usize,
    out: Normalised,
    /// The next word starts a sentence (capitalised).
    cap: bool,
    /// Words said before a figure that English says after it ("sequentially",
    /// "versus Q3"), with the Chinese they stand for.
    after: Vec<(String, usize, usize)>,
    /// Inside `介於 … 之間`.
    between: bool,
    /// The sentence speaks of guidance.
    guide: bool,
    /// The last thing written was a figure.
    figure: bool,
    /// The last thing written was a change (`年增率`): a `為` after it says nothing.
    change: bool,
    /// Plain `元`: the New Taiwan dollar, the yuan in Simplified text.
    yuan: &'static str,
}

/// Full-width digits and signs as their ASCII forms.
/// The clause `rest` starts with: up to its first comma, semicolon or full
/// stop. A comma between digits that groups thousands (`3,300 萬美元`,
/// `３，３００`) ends no clause: `在 3,300 萬美元至 3,500 萬美元之間` is one.
fn clause(rest: &str) -> &str {
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let digit = |k: usize| chars.get(k).is_some_and(|&(_, c)| ascii(c).is_ascii_digit());
    for (k, &(at, c)) in chars.iter().enumerate() {
        let grouping = k > 0 && digit(k - 1) && (1..=3).all(|n| digit(k + n)) && !digit(k + 4);
        match ascii(c) {
            '。' | ';' => return &rest[..at],
            ',' if !grouping => return &rest[..at],
            _ => {}
        }
    }
    rest
}

fn ascii(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' => '.',
        '，' => ',',
        '％' => '%',
        '：' => ':',
        '；' => ';',
        '（' => '(',
        '）' => ')',
        '！' => '!',
        '？' => '?',
        '－' | '～' | '〜' | '~' => '-',
        '＄' => '$',
        _ => c,
    }
}


#[cfg(test)]
mod tests;
