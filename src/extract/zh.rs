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

impl Reader<'_> {
    fn rest(&self) -> &str {
        &self.line[self.i..]
    }


    /// Writes `w` for bytes `from..to`, a space before it unless it is punctuation.
    fn word(&mut self, w: &str, from: usize, to: usize) {
        if w.is_empty() {
            return;
        }
        let punct = w.starts_with([',', '.', ';', '?', '!', ')', ':']);
        let t = &mut self.out.text;
        if !punct && !t.is_empty() && !t.ends_with([' ', '(', '-', '$']) {
            t.push(' ');
        }
        let at = t.len();
        if self.cap && w.starts_with(|c: char| c.is_ascii_lowercase()) {
            let mut cs = w.chars();
            t.extend(cs.next().map(|c| c.to_ascii_uppercase()));
            t.push_str(cs.as_str());
        } else {
            t.push_str(w);
        }
        if !punct {
            self.cap = false;
        }
        self.out.segs.push(Seg { out: at, len: t.len() - at, from, to });
        self.figure = false;
        self.change = false;
    }

    /// The words held for after the figure, now that it is written.
    fn flush_after(&mut self) {
        let after = std::mem::take(&mut self.after);
        // The comparison first, then where on a range: "up 6% sequentially at the midpoint".
        for (w, from, to) in after.iter().filter(|a| !a.0.starts_with("at ")).chain(after.iter().filter(|a| a.0.starts_with("at "))) {
            self.word(w, *from, *to);
        }
    }

    /// A clause ends: what waited for a figure that never came is dropped.
    fn clause_end(&mut self) {
        self.after.clear();
        self.between = false;
    }

    fn step(&mut self) {
        let start = self.i;
        let Some(raw) = self.rest().chars().next() else { return };
        let c = ascii(raw);
        let len = raw.len_utf8();
        if c.is_whitespace() {
            self.i += len;
            return;
        }
        if c.is_ascii_digit() {
            self.number();
            return;
        }
        match c {
            '。' | '!' | '?' => {
                self.i += len;
                self.clause_end();
                let p = match c { '!' => "!", '?' => "?", _ => "." };
                self.word(p, start, self.i);
                self.cap = true;
                self.guide = false;
                return;
            }
            ',' | '、' | ';' | ':' => {
                self.i += len;
                self.clause_end();
                let p = match c { ';' => ";", ':' => ":", _ => "," };
                self.word(p, start, self.i);
                return;
            }
            '.' if self.rest()[1..].starts_with(|n: char| n.is_whitespace()) || self.rest().len() == 1 => {
                self.i += 1;
                self.clause_end();
                self.word(".", start, self.i);
                self.cap = true;
                self.guide = false;
                return;
            }
            _ => {}
        }
        if crate::transcript::is_cjk(raw) {
            if numeral::may_start(raw) && self.figure_at(start).is_some() {
                self.number();
                return;
            }
            self.cjk();
            return;
        }
        // Latin words, symbols: as written, up to a space or a CJK character.
        let end = self.rest().char_indices().find(|&(_, ch)| ch.is_whitespace() || crate::transcript::is_cjk(ch) || matches!(ascii(ch), ',' | ';' | '(' | ')' | '!' | '?') && ch != raw).map_or(self.line.len(), |(k, _)| self.i + k.max(len));
        let w = &self.line[self.i..end];
        let w = w.strip_suffix('.').filter(|_| end == self.line.len()).unwrap_or(w);
        let end = self.i + w.len();
        self.i = end;
        let w: String = w.chars().map(ascii).collect();
        self.word(&w, start, end);
    }

    /// A CJK phrase: the longest in the lexicon, else skipped.
    fn cjk(&mut self) {
        let start = self.i;
        let rest = self.rest();
        let Some(&(key, say)) = longest(rest) else {
            self.i += rest.chars().next().map_or(1, char::len_utf8);
            return;
        };
        self.i += key.len();
        let end = self.i;
        match say {
            Say::Words(w) | Say::Metric(w) => self.word(w, start, end),
            Say::Change(w, after) => {
                self.word(w, start, end);
                self.after.push((after.to_string(), start, end));
                self.change = true;
            }
            Say::After(w) => self.after.push((w.to_string(), start, end)),
            Say::Guide(w) => {
                self.guide = true;
                self.word(w, start, end);
            }
            Say::Versus => {
                // "比第三季減少 1,520 萬美元": "down $15.2 million versus Q3".
                if let Some((p, to)) = self.period_here() {
                    self.i = to;
                    self.after.push((format!("versus {p}"), start, to));
                }
            }
            Say::From => {
                // "從第三季的 72 天": "from 72 days in Q3".
                self.word("from", start, end);
                if let Some((p, to)) = self.period_here() {
                    self.i = to;
                    if self.rest().trim_start().starts_with('的') {
                        self.i += self.rest().len() - self.rest().trim_start().len() + '的'.len_utf8();
                    }
                    self.after.push((format!("in {p}"), end, to));
                }
            }
            Say::Between => {
                self.between = true;
                self.word("between", start, end);
            }
            Say::To => {
                let w = if std::mem::take(&mut self.between) { "and" } else { "to" };
                self.word(w, start, end);
            }
            Say::BetweenEnd => self.between = false,
            Say::Is if self.change => {}
            Say::Is => self.word(if self.guide { "to be" } else { "was" }, start, end),
            Say::IsAbout => self.word(if self.guide { "to be approximately" } else { "was approximately" }, start, end),
            Say::Flat => {
                self.word("flat", start, end);
                self.flush_after();
            }
            Say::In => {
                let clause = clause(self.rest());
                let figure_next = self.rest().trim_start().starts_with(|c: char| ascii(c).is_ascii_digit());
                if figure_next && clause.contains("之間") {
                    self.between = true;
                    self.word("between", start, end);
                } else {
                    self.word("in", start, end);
                }
            }
            Say::Of => {
                if self.figure {
                    self.word("of", start, end);
                }
            }
            Say::PerShare => {
                // "每股 0.05 美元" is "$0.05 per share"; "每股收益" is a metric, matched as longer.
                self.after.push(("per share".to_string(), start, end));
            }
            Say::Period(p) => self.word(p, start, end),
            Say::That => {
                // "產品收入 …，該收入增長了 87%": "product revenue …, which grew 87%".
                let rest = self.rest();
                let next = longest(rest);
                if let Some(&(key, Say::Words(w) | Say::Metric(w))) = next {
                    let sentence = self.out.text.rsplit(['.', '?', '!']).next().unwrap_or("");
                    if sentence.contains(w) {
                        self.i += key.len();
                        self.word("which", start, self.i);
                        return;
                    }
                }
                self.word("that", start, end);
            }
        }
    }

    /// A period said at the reading position (after spaces): its English and where it ends.
    fn period_here(&self) -> Option<(String, usize)> {
        let lead = self.rest().len() - self.rest().trim_start().len();
        let at = self.i + lead;
        let rest = &self.line[at..];
        if rest.starts_with(|c: char| ascii(c).is_ascii_digit()) {
            let mut r = Reader { line: self.line, i: at, out: Normalised::default(), cap: false, after: Vec::new(), between: false, guide: false, figure: false, change: false, yuan: self.yuan };
            let (year, to) = r.year()?;
            return Some((year, to));
        }
        let (key, say) = longest(rest)?;
        match say {
            Say::Period(p) => Some((p.to_string(), at + key.len())),
            _ => None,
        }
    }

    /// Digits at the reading position: (text as ASCII, value, decimals, end).
    fn digits(&self, at: usize) -> Option<(String, f64, u32, usize)> {
        let mut s = String::new();
        let mut end = at;
        let chars: Vec<(usize, char)> = self.line[at..].char_indices().take(64).map(|(k, c)| (at + k, c)).collect();
        let mut k = 0;
        while k < chars.len() {
            let c = ascii(chars[k].1);
            let next_digit = |n: usize| chars.get(k + n).is_some_and(|&(_, d)| ascii(d).is_ascii_digit());
            let ok = c.is_ascii_digit()
                || c == '.' && next_digit(1) && !s.contains('.')
                || c == ',' && (1..=3).all(next_digit) && !chars.get(k + 4).is_some_and(|&(_, d)| ascii(d).is_ascii_digit()) && !s.contains('.');
            if !ok {
                break;
            }
            s.push(c);
            end = chars[k].0 + chars[k].1.len_utf8();
            k += 1;
        }
        let v = crate::decimal::parse(&s.replace(',', ""))?;
        let dec = s.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        Some((s, v, dec, end))
    }

    /// A year at the reading position, `23 財年`, `2024 年`, with the quarter
    /// or half after it (`24 財年第一季`): its English and where it ends.
    fn year(&mut self) -> Option<(String, usize)> {
        let (s, v, _, end) = self.digits(self.i)?;
        if s.contains(['.', ',']) || !(s.len() == 2 || s.len() == 4 && (1990.0..=2100.0).contains(&v)) {
            return None;
        }
        let after = &self.line[end..];
        let lead = after.len() - after.trim_start().len();
        let after = after.trim_start();
        let (fiscal, unit) = ["財年", "財政年度", "會計年度", "年度", "財年度"]
            .iter()
            .filter(|u| after.starts_with(*u))
            .max_by_key(|u| u.len())
            .map(|u| (true, u.len()))
            .or_else(|| {
                // "2024 年", not "年增" (a change) or "年比".
                let y = after.strip_prefix('年')?;
                (!y.starts_with(['增', '減', '比', '成', '對', '衰'])).then_some((false, '年'.len_utf8()))
            })?;
        let year = if s.len() == 2 { format!("'{s}") } else { s.clone() };
        let mut text = if fiscal { format!("fiscal {year}") } else { year };
        let mut to = end + lead + unit;
        let tail = self.line[to..].trim_start();
        let skip = self.line[to..].len() - tail.len();
        if let Some((key, Say::Period(p))) = longest(tail) {
            if p.starts_with('Q') || p.contains("half") {
                text = format!("{text} {}", p.trim_start_matches("the "));
                to += skip + key.len();
            }
        }
        Some((text, to))
    }

    /// A number: a year (`23 財年`), or a figure with its scale, currency and
    /// unit after it (`1.842 億美元`, `三千萬美元`, `58%`, `百分之七點五`,
    /// `245 個基點`, `1.49億股`), or digits as written.
    fn number(&mut self) {
        let start = self.i;
        if self.rest().starts_with(|c: char| ascii(c).is_ascii_digit()) {
            if let Some((p, to)) = self.year() {
                self.i = to;
                self.word(&p, start, to);
                return;
            }
            // "5G", "112g", "800G": a name, not a figure.
            let end = self.digits(start).map_or(start, |d| d.3);
            if end > start && self.line[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let to = self.line[end..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(self.line.len(), |k| end + k);
                self.i = to;
                let w = self.line[start..to].to_string();
                self.word(&w, start, to);
                return;
            }
        }
        let Some(mut fig) = self.figure_at(start) else {
            self.i += self.rest().chars().next().map_or(1, char::len_utf8);
            return;
        };
        // "3,300 至 3,500 萬美元", "兩億至三億美元": what is said once at the
        // second end is the first's too.
        if fig.x.cur.is_none() && fig.x.unit.is_none() {
            if let Some(second) = self.range_end(fig.x.end).and_then(|at| self.figure_at(at)) {
                let scale = if fig.x.scale == 1.0 { second.x.scale } else { fig.x.scale };
                fig.x = Suffix { end: fig.x.end, scale, ..second.x };
            }
        }
        self.i = fig.x.end;
        let text = figure_text(&fig.s, fig.v, fig.dec, &fig.x);
        // "58.2% 的毛利率": "gross margin of 58.2%".
        if let Some((metric, from, to)) = self.metric_of() {
            self.word(metric, from, to);
            self.word("of", from, to);
        }
        self.word(&text, start, fig.x.end);
        self.figure = fig.x.scale != 1.0 || fig.x.cur.is_some() || fig.x.unit.is_some();
        // A range's first end: what waits for the figure goes after the second.
        let range = self.range_end(self.i).is_some_and(|at| self.figure_at(at).is_some());
        if self.figure && !range {
            let figure = self.figure;
            self.flush_after();
            self.figure = figure;
        }
    }

    /// Where a range's second end would start after byte `at` (`至`, `到`, a dash).
    fn range_end(&self, at: usize) -> Option<usize> {
        let rest = self.line[at..].trim_start();
        let r = ["至", "到", "-", "－", "~", "～"].iter().find_map(|w| rest.strip_prefix(w))?;
        Some(self.line.len() - r.trim_start().len())
    }

    /// A figure at byte `at`: digits (`3,210 萬美元`) or Chinese numerals
    /// (`三千萬美元`, `百分之七十三`, `三成`; only with a scale, currency or
    /// unit, or a decimal point, since `一` is also "a"), with what follows.
    fn figure_at(&self, at: usize) -> Option<Figure> {
        let rest = &self.line[at..];
        if rest.starts_with(|c: char| ascii(c).is_ascii_digit()) {
            let (s, v, dec, end) = self.digits(at)?;
            return Some(Figure { s, v, dec, x: self.suffix(end) });
        }
        let percent = |v: f64, end: usize| Figure::read(v, Suffix { scale: 1.0, cur: None, unit: Some("%"), end });
        if let Some(p) = rest.strip_prefix("百分之") {
            let (v, _, len, _) = numeral::numeral(p).filter(|n| n.1 == 1.0)?;
            return Some(percent(v, at + "百分之".len() + len));
        }
        if let Some((v, len)) = numeral::tenths(rest) {
            return Some(percent(v, at + len));
        }
        let (v, big, len, point) = numeral::numeral(rest)?;
        let mut x = self.suffix(at + len);
        if big > 1.0 && x.scale != 1.0 {
            return None;
        }
        let v = if big > 1.0 {
            x.scale = big;
            v / big
        } else {
            v
        };
        (x.scale != 1.0 || x.cur.is_some() || x.unit.is_some() || point).then(|| Figure::read(v, x))
    }

    /// A metric after `的` at the reading position, its words and bytes;
    /// the reading position moves past it.
    fn metric_of(&mut self) -> Option<(&'static str, usize, usize)> {
        let rest = self.rest().trim_start();
        let after = rest.strip_prefix('的')?.trim_start();
        let from = self.line.len() - after.len();
        let (key, say) = longest(after)?;
        let Say::Metric(w) = say else { return None };
        self.i = from + key.len();
        Some((w, from, self.i))
    }

    /// The scale, currency and unit after a number ending at `at`.
    fn suffix(&self, at: usize) -> Suffix {
        let mut k = at;
        let skip = |k: usize| k + self.line[k..].len() - self.line[k..].trim_start().len();
        let mut out = Suffix { scale: 1.0, cur: None, unit: None, end: at };
        let j = skip(k);
        if let Some(&(w, x)) = SCALES.iter().find(|(w, _)| self.line[j..].starts_with(w)) {
            out.scale = x;
            k = j + w.len();
            out.end = k;
        }
        let j = skip(k);
        if let Some(&(w, c)) = CURRENCIES.iter().filter(|(w, _)| self.line[j..].starts_with(w)).max_by_key(|(w, _)| w.len()) {
            out.cur = Some(if w == "元" { self.yuan } else { c });
            k = j + w.len();
            out.end = k;
        }
        let j = skip(k);
        if let Some(&(w, u)) = UNITS.iter().find(|(w, _)| self.line[j..].starts_with(w) || *w == "%" && self.line[j..].starts_with('％')) {
            out.unit = Some(u);
            out.end = j + if w == "%" { self.line[j..].chars().next().map_or(1, char::len_utf8) } else { w.len() };
        }
        out
    }
}

#[cfg(test)]
mod tests;
