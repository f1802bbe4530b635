//! Transcript structure: layout, speakers with titles, turns, prepared
//! remarks vs Q&A, and the paragraphs the extractor reads.
//!
//! Parsing never fails: any text gives a [`Transcript`], at worst one
//! anonymous turn of plain sentences.
//!
//! Lines are first *classified* (blank, section header, speaker, translation,
//! text, metadata), then grouped into turns. Line numbers are 1-based and
//! refer to the input, so every figure can point back to where it was said.

use crate::facts::{SpeakerInfo, TranscriptStats};

/// The layout a transcript was recognised as (see `shared/spec/formats.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// English lines each followed by a CJK translation, speaker lines doubled.
    BilingualLines,
    /// `**Name - Company, Title**` speakers and `(hh:mm:ss)` EN/ZH line pairs.
    BilingualTimestamped,
    /// Motley Fool: `Prepared Remarks:` / `Questions and Answers:`, names alone on a line.
    MotleyFool,
    /// Refinitiv / LSEG StreetEvents PDF text: name line + `Company - Title` line, hard-wrapped.
    Refinitiv,
    /// Seeking Alpha: `Company Participants`, `Question-and-Answer Session`.
    SeekingAlpha,
    /// `Name: text`, one turn per line (API-Ninjas / FMP markdown).
    NameColon,
    /// `Speaker N:` speech-recognition text.
    SpeakerN,
    /// Whisper `[start --> end] text` segments.
    Whisper,
    /// Names alone on a line (optionally `Name - Title`), no other markers.
    NameLines,
    /// No speakers: plain sentences.
    Plain,
}

impl Layout {
    /// A short stable name for the status line and the export.
    pub fn name(&self) -> &'static str {
        match self {
            Layout::BilingualLines => "bilingual-lines",
            Layout::BilingualTimestamped => "bilingual-timestamped",
            Layout::MotleyFool => "motley-fool",
            Layout::Refinitiv => "refinitiv",
            Layout::SeekingAlpha => "seeking-alpha",
            Layout::NameColon => "name-colon",
            Layout::SpeakerN => "speaker-n",
            Layout::Whisper => "whisper",
            Layout::NameLines => "name-lines",
            Layout::Plain => "plain",
        }
    }

    /// Whether each line of a turn is a paragraph of the talk (a web page's
    /// `<p>`, a subtitle-free export), not a hard-wrapped piece of one or a
    /// sentence a line: what a speaker said in one line stays in play for the
    /// next only where the next line says so.
    pub fn lines_are_paragraphs(&self) -> bool {
        matches!(self, Layout::BilingualLines | Layout::MotleyFool | Layout::SeekingAlpha | Layout::NameLines | Layout::NameColon)
    }
}

/// Prepared remarks or Q&A.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Before the Q&A.
    Prepared,
    /// Questions and answers.
    Qa,
}

/// Who speaks in a turn, as far as the transcript tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The conference operator.
    Operator,
    /// Someone asking questions in the Q&A.
    Analyst,
    /// Anyone else (management, IR), or unknown.
    Other,
}

/// A speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Name as written.
    pub name: String,
    /// Title, if the transcript gives one.
    pub title: Option<String>,
    /// Role in the call.
    pub role: Role,
}

/// Where a piece of a paragraph comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    /// Byte offset in the paragraph text.
    pub at: usize,
    /// 1-based input line.
    pub line: usize,
    /// Byte offset of the piece in that line.
    pub col: usize,
    /// The same offset counted in chars.
    pub col_chars: usize,
}

/// Running text: one or more input lines joined by single spaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraph {
    /// The joined text.
    pub text: String,
    /// Where each joined line starts (sorted by `at`).
    pub pieces: Vec<Piece>,
    /// CJK translation lines that followed the English lines, by English line number.
    pub translations: Vec<(usize, String)>,
}

impl Paragraph {
    /// Maps a byte offset in the paragraph to (line, byte column in that line).
    pub fn locate(&self, at: usize) -> (usize, usize) {
        let i = self.pieces.partition_point(|p| p.at <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(p) => (p.line, p.col + at.saturating_sub(p.at)),
            None => (0, 0),
        }
    }

    /// Maps a byte offset in the paragraph to (line, char column in that line).
    pub fn locate_chars(&self, at: usize) -> (usize, usize) {
        let i = self.pieces.partition_point(|p| p.at <= at).saturating_sub(1);
        match self.pieces.get(i) {
            Some(p) => {
                let at = at.min(self.text.len()).max(p.at);
                let chars = self.text.get(p.at..at).map_or(0, |s| s.chars().count());
                (p.line, p.col_chars + chars)
            }
            None => (0, 0),
        }
    }

    fn push_line(&mut self, line: usize, raw: &str, col: usize, text: &str) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let col_chars = raw.get(..col).map_or(col, |s| s.chars().count());
        self.pieces.push(Piece { at: self.text.len(), line, col, col_chars });
        self.text.push_str(text);
    }
}

/// One speaker's turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// Index into [`Transcript::speakers`], `None` when the layout names nobody.
    pub speaker: Option<usize>,
    /// 1-based line where the turn starts.
    pub line: usize,
    /// Prepared remarks or Q&A.
    pub section: Section,
    /// The turn's text.
    pub paragraphs: Vec<Paragraph>,
}

/// A parsed transcript.
#[derive(Debug, Clone)]
pub struct Transcript<'a> {
    /// The input.
    pub text: &'a str,
    /// The layout recognised.
    pub layout: Layout,
    /// Distinct speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Turns in order; a leading anonymous turn holds text before the first speaker.
    pub turns: Vec<Turn>,
    /// 1-based line where the Q&A starts.
    pub qa_line: Option<usize>,
    /// Header lines (titles, metadata, participant lists) for call identity.
    pub header: Vec<(usize, String)>,
    /// A Chinese-only transcript: its CJK lines are the speech (`transcript/zh.rs`),
    /// which the extractor reads through `extract::zh`.
    pub chinese: bool,
}

impl Transcript<'_> {
    /// Counts for the status line and the export.
    pub fn stats(&self) -> TranscriptStats {
        TranscriptStats {
            turns: self.turns.iter().filter(|t| t.speaker.is_some()).count(),
            speakers: self
                .speakers
                .iter()
                .map(|s| SpeakerInfo { name: s.name.clone(), title: s.title.clone() })
                .collect(),
            qa_line: self.qa_line,
            call_quarter: None,
        }
    }

    /// The raw text of 1-based line `n`.
    pub fn line(&self, n: usize) -> &str {
        self.text.split('\n').nth(n.wrapping_sub(1)).unwrap_or("").trim_end_matches('\r')
    }
}

// ---------------------------------------------------------------------------
// Line classification

#[derive(Debug, Clone, PartialEq)]
enum Class {
    Blank,
    /// Section header: Q&A start or not.
    Header { qa: bool },
    /// Start of a block to skip (participant lists, memo, disclaimer).
    SkipStart,
    /// Metadata or markdown decoration.
    Meta,
    /// A CJK line (translation or summary).
    Cjk,
    /// Text; `col` is where the content starts in the line.
    Text { col: usize },
    /// A speaker line, `rest` holds inline text (Name: text), with its column.
    Speaker { name: String, title: Option<String>, rest: Option<usize> },
}

struct Line<'a> {
    no: usize,
    raw: &'a str,
    class: Class,
    /// A speaker line whatever the layout (a Chinese one, or its English reading).
    kept: bool,
}

/// Strips a `(hh:mm:ss)` or `[12.3 --> 45.6]` prefix; returns the content start.
fn timestamp_prefix(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.first() == Some(&b'(') {
        let close = s.find(')')?;
        let inner = &s[1..close];
        if inner.len() >= 5 && inner.bytes().all(|c| c.is_ascii_digit() || c == b':') && inner.contains(':') {
            return Some(skip_ws(s, close + 1));
        }
    }
    if b.first() == Some(&b'[') {
        let close = s.find(']')?;
        if s[..close].contains("-->") {
            return Some(skip_ws(s, close + 1));
        }
    }
    None
}

fn skip_ws(s: &str, mut i: usize) -> usize {
    while i < s.len() && s.as_bytes()[i] == b' ' {
        i += 1;
    }
    i
}

/// Whether `c` is a CJK ideograph or CJK punctuation/kana/hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

/// Whether a line is mostly CJK (a translation or a CJK summary).
pub fn is_cjk_line(s: &str) -> bool {
    let mut cjk = 0usize;
    let mut latin = 0usize;
    for c in s.chars() {
        if is_cjk(c) {
            cjk += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    cjk > 0 && cjk * 2 >= latin / 3
}

fn norm_header(s: &str) -> String {
    s.trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches(':')
        .trim()
        .to_ascii_lowercase()
}

fn header_class(s: &str) -> Option<Class> {
    let h = norm_header(s);
    Some(match h.as_str() {
        "questions and answers" | "questions & answers" | "question-and-answer session"
        | "question and answer session" | "q&a" | "q & a" | "question-and-answer" | "questions and answers session" => {
            Class::Header { qa: true }
        }
        "prepared remarks" | "presentation" | "transcript" | "contents" | "management discussion section"
        | "prepared remarks section" => Class::Header { qa: false },
        "corporate participants" | "conference call participants" | "company participants" | "call participants"
        | "participants" | "executives" | "analysts" | "memo" | "disclaimer" | "definitions" => Class::SkipStart,
        _ => return None,
    })
}

fn is_name_word(w: &str) -> bool {
    const PARTICLES: &[&str] = &["de", "van", "von", "der", "den", "da", "del", "la", "le", "di", "du", "bin", "al", "y", "st.", "&"];
    if PARTICLES.contains(&w) {
        return true;
    }
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if !(first.is_uppercase() || first == '(') {
        return false;
    }
    w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-' | '(' | ')'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// Splits "Name - Title", "Name -- Title", "Name, Title" (only when asked) into parts.
fn split_name_title(s: &str) -> (&str, Option<&str>) {
    // The earliest separator wins: "Rob Wertheimer--Melius Research -- Analyst".
    let first = [" -- ", "--", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| s.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)));
    match first {
        Some((i, len)) => {
            let title = s[i + len..].trim();
            (s[..i].trim(), (!title.is_empty()).then_some(title))
        }
        None => (s.trim(), None),
    }
}

/// "Deborah Crawford, VP, Investor Relations": a name, a comma and a title
/// that says what the person does.
fn name_comma_title(s: &str) -> Option<(&str, &str)> {
    const TITLE_WORDS: &[&str] = &[
        "ceo", "cfo", "coo", "cto", "vp", "svp", "evp", "president", "officer", "director", "investor", "relations",
        "chairman", "chair", "head", "manager", "analyst", "treasurer", "controller", "founder", "partner", "secretary",
        "chief", "vice",
    ];
    let (name, title) = s.trim().split_once(", ")?;
    let title = title.trim();
    let has_title = title.split(|c: char| !c.is_alphanumeric()).any(|w| TITLE_WORDS.contains(&w.to_ascii_lowercase().as_str()));
    (has_title && looks_like_name(name) && !title.ends_with('.') && title.len() <= 80).then_some((name.trim(), title))
}

/// Whether `s` looks like a person's name (or "Operator").
fn looks_like_name(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.len() > 48 {
        return false;
    }
    if s.eq_ignore_ascii_case("operator") {
        return true;
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    if s.ends_with(['.', '?', '!', ':', ',', ';']) && !s.ends_with(" Jr.") && !s.ends_with(" Sr.") {
        return false;
    }
    if words.iter().filter(|w| w.chars().any(|c| c.is_alphabetic())).count() < 2 {
        // Single names like "Operator" are handled above; one word alone is
        // too often a heading ("Thanks").
        return false;
    }
    words.iter().all(|w| is_name_word(w))
}

fn classify(raw: &str) -> Class {
    let s = raw.trim_end_matches('\r');
    let t = s.trim();
    if t.is_empty() {
        return Class::Blank;
    }
    if let Some(c) = header_class(t) {
        return c;
    }
    if t.starts_with("## ") || t.starts_with("# ") || t.starts_with("### ") || t == "---" || t.starts_with("**Date")
        || t.starts_with("**Company") || t.starts_with("**Quarter") || t.starts_with("=== PAGE")
    {
        return Class::Meta;
    }
    if is_cjk_line(t) {
        return Class::Cjk;
    }
    // A bare page number of PDF text.
    if t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Class::Meta;
    }
    let lead = s.len() - s.trim_start().len();
    // **Name - Company, Title**
    if t.starts_with("**") && t.ends_with("**") && t.len() > 4 {
        let inner = &t[2..t.len() - 2];
        let (name, title) = split_name_title(inner);
        if looks_like_name(name) {
            return Class::Speaker { name: name.to_string(), title: title.map(str::to_string), rest: None };
        }
        if let Some((name, title)) = name_comma_title(inner) {
            return Class::Speaker { name: name.to_string(), title: Some(title.to_string()), rest: None };
        }
        return Class::Meta;
    }
    let content = timestamp_prefix(t).map_or(lead, |c| lead + c);
    let body = &s[content..];
    // Speaker N: text
    if let Some(rest) = body.strip_prefix("Speaker ") {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && rest[digits..].starts_with(':') {
            let name = &body[..8 + digits];
            let col = content + 8 + digits + 1;
            return Class::Speaker { name: name.to_string(), title: None, rest: Some(skip_ws(s, col)) };
        }
    }
    // Name: text
    if let Some(i) = body.find(": ") {
        let name = &body[..i];
        if i <= 48 && looks_like_name(name) {
            return Class::Speaker { name: name.to_string(), title: None, rest: Some(skip_ws(s, content + i + 2)) };
        }
    }
    // Name alone, or Name - Title, or Name, Title
    if body.len() <= 120 {
        let (name, title) = split_name_title(body);
        if looks_like_name(name) && (title.is_some() || !body.contains(" - ")) {
            return Class::Speaker { name: name.to_string(), title: title.map(str::to_string), rest: None };
        }
        if let Some((name, title)) = name_comma_title(body) {
            return Class::Speaker { name: name.to_string(), title: Some(title.to_string()), rest: None };
        }
    }
    Class::Text { col: content }
}

/// Prose, not a list entry: a long line or one that ends a sentence.
fn is_prose(s: &str) -> bool {
    let t = s.trim();
    (t.len() > 60 || t.ends_with(['.', '?', '!'])) && affiliation_title(t).is_none()
}

/// Whether a participant-list or affiliation line: "Company - Title" / "Firm, Research Division - Analyst".
fn affiliation_title(s: &str) -> Option<String> {
    let t = s.trim();
    if t.len() > 140 || t.ends_with(['.', '?', '!']) && !t.ends_with("Inc.") && !t.ends_with("Co.") {
        return None;
    }
    let (org, title) = split_name_title(t);
    let title = title?;
    if org.is_empty() || org.split_whitespace().count() > 10 {
        return None;
    }
    Some(title.to_string())
}

// ---------------------------------------------------------------------------
// Parsing

// `parse` and its line-by-line builder: `transcript/build.rs`.
mod build;
pub use build::parse;
pub(crate) use build::parse_keeping;
pub(crate) mod zh;

fn same_person(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

fn detect_layout(lines: &[Line<'_>]) -> Layout {
    let n = |f: &dyn Fn(&Line<'_>) -> bool| lines.iter().filter(|l| f(l)).count();
    let headers = |needle: &str| lines.iter().any(|l| l.raw.trim().eq_ignore_ascii_case(needle));
    let whisper = n(&|l| l.raw.trim_start().starts_with('[') && l.raw.contains("-->"));
    let stamped = n(&|l| l.raw.trim_start().starts_with('(') && timestamp_prefix(l.raw.trim()).is_some());
    let cjk = n(&|l| l.class == Class::Cjk);
    let text = n(&|l| matches!(l.class, Class::Text { .. }));
    let speaker_n = n(&|l| l.raw.starts_with("Speaker ") && matches!(l.class, Class::Speaker { .. }));
    let colon = n(&|l| matches!(l.class, Class::Speaker { rest: Some(_), .. }));
    let alone = n(&|l| matches!(l.class, Class::Speaker { rest: None, .. }));
    if whisper * 2 > text.max(1) {
        return Layout::Whisper;
    }
    if stamped > 4 && cjk > 4 {
        return Layout::BilingualTimestamped;
    }
    if cjk * 3 > text.max(1) && alone > 0 {
        return Layout::BilingualLines;
    }
    if speaker_n >= 2 && speaker_n * 2 >= colon {
        return Layout::SpeakerN;
    }
    if headers("PRESENTATION") || headers("CORPORATE PARTICIPANTS") {
        return Layout::Refinitiv;
    }
    if headers("Prepared Remarks:") || headers("Call participants:") {
        return Layout::MotleyFool;
    }
    if headers("Company Participants") || headers("Question-and-Answer Session") {
        return Layout::SeekingAlpha;
    }
    if colon >= 3 && colon >= alone {
        return Layout::NameColon;
    }
    if alone >= 2 {
        return Layout::NameLines;
    }
    Layout::Plain
}

/// Name-shaped lines that are not speakers in this layout become text.
fn demote_false_speakers(lines: &mut [Line<'_>], layout: Layout) {
    let keep_inline = matches!(layout, Layout::NameColon | Layout::SpeakerN);
    let keep_alone = matches!(
        layout,
        Layout::BilingualLines | Layout::BilingualTimestamped | Layout::MotleyFool | Layout::Refinitiv
            | Layout::SeekingAlpha | Layout::NameLines
    );
    for i in 0..lines.len() {
        if lines[i].kept {
            continue;
        }
        let demote = match &lines[i].class {
            Class::Speaker { rest: Some(_), name, .. } => {
                !keep_inline || (layout == Layout::SpeakerN && !name.starts_with("Speaker "))
            }
            // "Name - Title" entries stay speakers (participant lists end with them).
            Class::Speaker { rest: None, title: Some(_), .. } if keep_alone => false,
            Class::Speaker { rest: None, name, .. } => {
                // Markdown-bold speakers are only speakers in the timestamped layout.
                let bold = lines[i].raw.trim().starts_with("**");
                !keep_alone || (bold != (layout == Layout::BilingualTimestamped)) || {
                    // A real speaker line is followed by text (or its affiliation, or itself doubled).
                    let next = lines[i + 1..].iter().find(|l| !matches!(l.class, Class::Blank));
                    !name.eq_ignore_ascii_case("operator")
                        && !matches!(next.map(|l| &l.class), Some(Class::Text { .. }) | Some(Class::Speaker { .. }) | Some(Class::Cjk))
                }
            }
            _ => false,
        };
        if demote && lines[i].raw.trim().eq_ignore_ascii_case("operator") {
            // A lone "Operator" label in a layout without speakers.
            lines[i].class = Class::Meta;
            continue;
        }
        if demote {
            let raw = lines[i].raw;
            let lead = raw.len() - raw.trim_start().len();
            let col = timestamp_prefix(raw.trim()).map_or(lead, |c| lead + c);
            lines[i].class = Class::Text { col };
        }
    }
}

/// Without a Q&A header: the Q&A starts at the operator turn that introduces the first question.
fn find_qa_by_operator(turns: &[Turn], speakers: &[Speaker]) -> Option<usize> {
    let mut seen_other = false;
    for t in turns {
        let Some(k) = t.speaker else { continue };
        if speakers[k].role == Role::Operator {
            let text: String = t.paragraphs.iter().map(|p| p.text.to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
            let zh = zh::opens_qa(&text);
            if seen_other && (zh || text.contains("question") && (text.contains("first") || text.contains("instructions"))) {
                return Some(t.line);
            }
        } else {
            seen_other = true;
        }
    }
    None
}

/// In the Q&A, whoever speaks right after the operator is asking questions.
fn mark_analysts(turns: &[Turn], speakers: &mut [Speaker]) {
    let mut after_operator = false;
    for t in turns.iter().filter(|t| t.section == Section::Qa) {
        let Some(k) = t.speaker else { continue };
        if speakers[k].role == Role::Operator {
            after_operator = true;
            continue;
        }
        if after_operator && speakers[k].role == Role::Other && !is_executive_title(speakers[k].title.as_deref()) {
            speakers[k].role = Role::Analyst;
        }
        after_operator = false;
    }
}

fn is_executive_title(title: Option<&str>) -> bool {
    let Some(t) = title else { return false };
    let t = t.to_ascii_lowercase();
    ["ceo", "cfo", "coo", "chief", "president", "investor relations", " ir", "treasurer", "controller", "officer"]
        .iter()
        .any(|k| t.contains(k) || t == "ir")
        || zh::is_executive(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilingual_doubled_speakers_are_one_turn() {
        let t = parse(
            "摘要。\nOperator\nOperator\nWelcome to the Acme Q4 call.\n歡迎。\nJane Doe - CFO\nJane Doe - CFO\nRevenue was $5 million.\n收入為 500 萬美元。\nOperator\nOperator\n(Operator Instructions) The first question is from Bob Smith.\n(操作員說明)\nBob Smith - Analyst\nBob Smith - Analyst\nHow is demand?\n需求如何？\n",
        );
        assert_eq!(t.layout, Layout::BilingualLines);
        assert_eq!(t.stats().turns, 4);
        assert_eq!(t.speakers.len(), 3);
        assert_eq!(t.speakers[1].title.as_deref(), Some("CFO"));
        assert_eq!(t.qa_line, Some(10));
        assert_eq!(t.speakers[2].role, Role::Analyst);
        let p = &t.turns[1].paragraphs[0];
        assert_eq!(p.text, "Revenue was $5 million.");
        assert_eq!(p.translations.len(), 1);
        assert_eq!(p.locate(8), (8, 8));
    }

    #[test]
    fn motley_fool_sections() {
        let t = parse("Prepared Remarks:\n\nOperator\n\nWelcome.\n\nJohn Roe\n\nRevenue rose.\nMore text.\n\nQuestions & Answers:\n\nOperator\n\nFirst question.\n\nAnn Lee\n\nWhy?\n\nCall participants:\n\nJohn Roe--CEO\nAnn Lee--Bank -- Analyst\n");
        assert_eq!(t.layout, Layout::MotleyFool);
        assert_eq!(t.stats().turns, 4);
        assert_eq!(t.qa_line, Some(12));
        assert_eq!(t.speakers[1].title.as_deref(), Some("CEO"));
        assert_eq!(t.turns[1].paragraphs.len(), 1);
        assert_eq!(t.turns[1].paragraphs[0].text, "Revenue rose. More text.");
    }

    #[test]
    fn name_colon_and_whisper_and_plain() {
        let t = parse("# ACME Q4 2025 Earnings Call Transcript\n\nOperator: Welcome.\nAmy E. Hood: Revenue was $5 billion.\nOperator: Our first question comes from Bo.\nBo Li: Hi.\n");
        assert_eq!(t.layout, Layout::NameColon);
        assert_eq!(t.stats().turns, 4);
        assert_eq!(t.qa_line, Some(5));
        let w = parse("[0.0 --> 1.0] Revenue was up\n[1.0 --> 2.0] 5 % sequentially.\n[2.0 --> 3.0] Thank you.\n");
        assert_eq!(w.layout, Layout::Whisper);
        assert_eq!(w.turns.len(), 1);
        assert_eq!(w.turns[0].paragraphs[0].text, "Revenue was up 5 % sequentially. Thank you.");
        assert_eq!(w.turns[0].paragraphs[0].locate(15), (2, 14));
        let p = parse("Revenue was $5 million.\nGross margin was 40%.\n");
        assert_eq!(p.layout, Layout::Plain);
        // A lone "Operator" line is a label, not text to join with the next line.
        let o = parse("Operator\nRevenue was $5 million.\n");
        assert_eq!(o.layout, Layout::Plain);
        assert_eq!(o.turns[0].paragraphs[0].text, "Revenue was $5 million.");
        assert_eq!(p.stats().turns, 0);
    }

    #[test]
    fn garbage_never_panics() {
        for s in ["", "\n\n", "(", "[ -->", "**", "**a**", "Speaker 1:", ": :", "Name: ", "\u{feff}x", "(12:00:00)"] {
            let _ = parse(s);
        }
    }
}

