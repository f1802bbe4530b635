//! One analysis: what the page holds for a transcript (or a share link) and
//! asks everything of: the facts, their checks, and the transcript as shown.
//!
//! ```text
//! bytes/text ──input::decode──▶ text ──transcript::parse──▶ Transcript ─┬─extract──▶ Facts ──checks──▶ Checks
//!                                                                       └─view_of (same Transcript) ─▶ View
//! "#v2=…" ──share::decode──▶ Facts (no view; a v1 link's note subjects read from its messages)
//! ```
//!
//! Each step runs once per input: the transcript is parsed once (the view is
//! built from the very `Transcript` the facts came from), each note's subject
//! is read once ([`Facts::checks`]), and a redraw, an export or a link reuses
//! what is here. `src/wasm.rs` wraps this type in the `Analysis` handle of the
//! wasm boundary, which holds it across calls so no facts cross that boundary
//! again; everything here is plain Rust, tested natively.

use plotters::coord::Shift;
use plotters::prelude::*;
use serde::Serialize;

use crate::chart::{self, ChartError, ChartKind, HitMap, Style};
use crate::facts::{Checks, Facts};
use crate::i18n::Lang;
use crate::share::{self, ShareError, ShareState};
// What only the engine (the default feature) reads, explains and exports.
#[cfg(feature = "engine")]
use std::borrow::Cow;
#[cfg(feature = "engine")]
use crate::{
    chart::{Detail, Table},
    i18n::{self, t, tf, K},
    facts::{Note, Period},
    input::{Binary, Decoded, InputError, Warning},
    transcript::{self, Transcript},
    view::{self, View},
};

/// The facts of one transcript or link, their checks, and the transcript's view.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    facts: Facts,
    checks: Checks,
    #[cfg(feature = "engine")]
    view: Option<View>,
}

impl Analysis {
    /// Parses `text` once and extracts its facts and view from that parse.
    #[cfg(feature = "engine")]
    pub fn of_text(text: &str) -> Analysis {
        Analysis::of_transcript(&transcript::parse(text))
    }

    /// The facts of the parsed transcript `t`, and its view (no second parse).
    #[cfg(feature = "engine")]
    pub fn of_transcript(t: &Transcript<'_>) -> Analysis {
        Analysis::of_transcript_as(t, None)
    }

    /// [`Analysis::of_transcript`] with the call's period `given` by the
    /// reader ([`crate::extract::extract_as`]; `None`: as the transcript says).
    #[cfg(feature = "engine")]
    pub fn of_transcript_as(t: &Transcript<'_>, given: Option<Period>) -> Analysis {
        let facts = crate::extract::extract_as(t, given);
        let view = view::view_of(t, &facts);
        Analysis::new(facts, Some(view))
    }

    /// An analysis of facts from elsewhere (a link: no view; a worker's
    /// analysis rebuilt on the page: its view). Works out the checks.
    #[cfg(feature = "engine")]
    pub fn new(facts: Facts, view: Option<View>) -> Analysis {
        Analysis { view, ..Analysis::of_facts(facts) }
    }

    /// An analysis of facts with no transcript (a link's). Works out the checks.
    pub fn of_facts(facts: Facts) -> Analysis {
        let checks = facts.checks();
        Analysis {
            facts,
            checks,
            #[cfg(feature = "engine")]
            view: None,
        }
    }

    /// Opens a share link (`#v2=…`, an older `#v1=…`, or an embed's `v2=…`): its facts, with no
    /// view (a link carries no transcript), and its chart choice and theme.
    pub fn of_link(fragment: &str) -> Result<(Analysis, ShareState), ShareError> {
        let (facts, state) = share::decode(fragment)?;
        Ok((Analysis::of_facts(facts), state))
    }

    /// The facts.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// What the notes say about each fact.
    pub fn checks(&self) -> &Checks {
        &self.checks
    }

    /// The transcript as the page shows it; `None` for facts from a link.
    #[cfg(feature = "engine")]
    pub fn view(&self) -> Option<&View> {
        self.view.as_ref()
    }

    /// Takes the analysis apart (a worker hands these to the page, which
    /// rebuilds it with [`Analysis::new`] without parsing anything).
    #[cfg(feature = "engine")]
    pub fn into_parts(self) -> (Facts, Option<View>) {
        (self.facts, self.view)
    }

    /// Draws chart `kind` on `area`; where each element went.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        kind: ChartKind,
        style: &Style,
    ) -> Result<HitMap, ChartError> {
        chart::draw_checked(area, kind, &self.facts, &self.checks, style)
    }

    /// The share-link fragment (`v2=…`) of these facts with `state`
    /// (natively; the page deflates [`Analysis::share_bytes`] itself).
    #[cfg(all(feature = "engine", not(target_arch = "wasm32")))]
    pub fn share_link(&self, state: &ShareState) -> Result<String, ShareError> {
        share::encode(&self.facts, state)
    }

    /// The share link's binary before deflate ([`share::binary`]).
    #[cfg(feature = "engine")]
    pub fn share_bytes(&self, state: &ShareState) -> Result<Vec<u8>, ShareError> {
        share::binary(&self.facts, state)
    }

    /// The facts as CSV ([`crate::export::csv`]).
    #[cfg(feature = "engine")]
    pub fn csv(&self) -> String {
        crate::export::csv(&self.facts)
    }

    /// A download's name ([`crate::export::file_name`]).
    #[cfg(feature = "engine")]
    pub fn file_name(&self, what: &str, ext: &str) -> String {
        crate::export::file_name(&self.facts, what, ext)
    }

    /// Chart `kind` in words: its label, title and one-line summary (the
    /// viewer's whole description of a chart; [`Analysis::explain`] adds tables).
    pub fn describe(&self, kind: ChartKind) -> ChartName {
        let f = &self.facts;
        ChartName { label: kind.caption(), title: chart::heading(f) + " — " + kind.caption(), summary: chart::summary(kind, f) }
    }

    /// The charts and facts in words: heading, counts, notes, a detail per
    /// fact, and per chart its title, summary and table. Linear in the facts.
    #[cfg(feature = "engine")]
    pub fn explain(&self) -> Explained<'_> {
        self.explain_in(Lang::En)
    }

    #[cfg(feature = "engine")]
    /// [`Analysis::explain`] in `lang`: every word, number and period as that
    /// language writes it, check and conflict notes included.
    pub fn explain_in(&self, lang: Lang) -> Explained<'_> {
        i18n::with(lang, || self.explain_now())
    }

    /// What the page shows above the charts, in `lang` (the call, its
    /// heading and speakers, the counts): the head of [`Analysis::explain_in`]
    /// without the notes, details and tables, so that a first open can draw
    /// the charts before explaining them.
    #[cfg(feature = "engine")]
    pub fn headline_in(&self, lang: Lang) -> Headline {
        i18n::with(lang, || self.headline_now())
    }

    #[cfg(feature = "engine")]
    fn headline_now(&self) -> Headline {
        let f = &self.facts;
        let stats = f.transcript.as_ref();
        Headline {
            call: CallId::of(f),
            heading: chart::heading(f),
            meta: meta(f),
            facts: f.facts.len(),
            turns: stats.map(|t| t.turns),
            speakers: stats.map(|t| t.speakers.len()),
        }
    }

    #[cfg(feature = "engine")]
    fn explain_now(&self) -> Explained<'_> {
        let f = &self.facts;
        let text = |k: ChartKind| {
            let ChartName { label, title, summary } = self.describe(k);
            ChartText { label, title, summary, table: chart::table_checked(k, f, &self.checks) }
        };
        let charts = Charts { revenue: text(ChartKind::Revenue), margins: text(ChartKind::Margins), guidance: text(ChartKind::Guidance) };
        // The figures no chart draws: all but those of the charts' tables, built once above.
        let other = chart::other_table(f, &self.checks, charts.values().flat_map(|c| c.table.rows.iter().map(|r| r.fact)));
        Explained {
            head: self.headline_now(),
            notes: if i18n::zh() {
                Cow::Owned(f.notes.iter().map(|n| Note { message: chart::note_text(f, n), ..n.clone() }).collect())
            } else {
                Cow::Borrowed(&f.notes)
            },
            details: chart::details(f, &self.checks),
            charts,
            other,
        }
    }
}

/// [`Analysis::headline_in`]'s answer, and the head of [`Explained`].
#[cfg(feature = "engine")]
#[derive(Debug, Serialize)]
pub struct Headline {
    /// Which call this is, for the page's "Which quarter is this call?".
    pub call: CallId,
    /// "Credo · Q4 FY2023" ("Earnings call" for an unknown company).
    pub heading: String,
    /// The line under it: the currency when not USD, the first speakers
    /// other than the operator with their titles.
    pub meta: String,
    /// How many facts.
    pub facts: usize,
    /// Turns of the transcript (absent for a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turns: Option<usize>,
    /// Speakers of the transcript (absent for a link).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speakers: Option<usize>,
}

/// [`Analysis::explain`]'s answer.
#[cfg(feature = "engine")]
#[derive(Debug)]
pub struct Explained<'a> {
    /// The call, its heading and speakers, the counts (serialised as the
    /// explanation's own fields: see its `Serialize`).
    pub head: Headline,
    /// The notes (checks, conflicts, warnings).
    pub notes: Cow<'a, [Note]>,
    /// A detail per fact, in the facts' order.
    pub details: Vec<Detail>,
    /// Per chart ("revenue", …): its name, title, summary and data table.
    pub charts: Charts,
    /// The figures no chart draws ([`chart::other_table`]): listed under the charts.
    pub other: Table,
}

/// `{call, heading, meta, facts, turns?, speakers?, notes, details,
/// charts, other}`: the head's fields at the top level, as the page reads
/// them. By hand: `#[serde(flatten)]` serialises through a map (~0.3 KB gz
/// of the engine).
#[cfg(feature = "engine")]
impl Serialize for Explained<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let h = &self.head;
        let mut m = s.serialize_struct("Explained", 8 + usize::from(h.turns.is_some()) + usize::from(h.speakers.is_some()))?;
        m.serialize_field("call", &h.call)?;
        m.serialize_field("heading", &h.heading)?;
        m.serialize_field("meta", &h.meta)?;
        m.serialize_field("facts", &h.facts)?;
        for (name, n) in [("turns", h.turns), ("speakers", h.speakers)] {
            match n {
                Some(n) => m.serialize_field(name, &n)?,
                None => m.skip_field(name)?,
            }
        }
        m.serialize_field("notes", &self.notes)?;
        m.serialize_field("details", &self.details)?;
        m.serialize_field("charts", &self.charts)?;
        m.serialize_field("other", &self.other)?;
        m.end()
    }
}

/// Which call the facts are of: what the page's "Which quarter is this
/// call?" starts from.
#[cfg(feature = "engine")]
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallId {
    /// The call's period ("FY2021-Q3"); absent when it is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Its fiscal year, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Its quarter; when the period is unknown, the quarter the
    /// transcript's words point to, if any (a best guess).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// The reader gave the period (a `call_given` note says so).
    pub given: bool,
    /// Figures were left out because the period is unknown (an `undated` note).
    pub undated: bool,
}

#[cfg(feature = "engine")]
impl CallId {
    /// What `f` says of its call.
    pub fn of(f: &Facts) -> CallId {
        let quarter = match f.call.and_then(|p| p.part()) {
            Some(crate::facts::Part::Quarter(q)) => Some(q),
            _ if f.call.is_none() => f.transcript.as_ref().and_then(|t| t.call_quarter),
            _ => None,
        };
        CallId {
            period: f.call,
            year: f.call.and_then(|p| p.year_number()),
            quarter,
            given: f.notes.iter().any(|n| n.kind == "call_given"),
            undated: f.notes.iter().any(|n| n.kind == "undated"),
        }
    }
}

/// Each chart in words, by name: `{guidance, margins, revenue}` (a struct,
/// not a map: one map type less in the wasm; the fields in the order a map
/// of the names had).
#[cfg(feature = "engine")]
#[derive(Debug, Serialize)]
pub struct Charts {
    /// The guidance chart.
    pub guidance: ChartText,
    /// The margins chart.
    pub margins: ChartText,
    /// The revenue chart.
    pub revenue: ChartText,
}

#[cfg(feature = "engine")]
impl Charts {
    /// The three, in name order.
    pub fn values(&self) -> impl Iterator<Item = &ChartText> {
        [&self.guidance, &self.margins, &self.revenue].into_iter()
    }
}

#[cfg(feature = "engine")]
impl std::ops::Index<&str> for Charts {
    type Output = ChartText;
    /// The chart named `name` ("revenue", "margins" or "guidance"; panics on another).
    fn index(&self, name: &str) -> &ChartText {
        match name {
            "guidance" => &self.guidance,
            "margins" => &self.margins,
            "revenue" => &self.revenue,
            _ => panic!("no chart {name}"),
        }
    }
}

/// One chart in words.
#[cfg(feature = "engine")]
#[derive(Debug, Serialize)]
pub struct ChartText {
    /// "Revenue".
    pub label: &'static str,
    /// "Credo · Q4 FY2023 — Revenue".
    pub title: String,
    /// One line for screen readers ([`chart::summary`]).
    pub summary: String,
    /// The chart's figures ([`chart::table`]).
    pub table: Table,
}

/// A chart's names ([`Analysis::describe`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChartName {
    /// "Revenue".
    pub label: &'static str,
    /// "Credo · Q4 FY2023 — Revenue".
    pub title: String,
    /// One line for screen readers ([`chart::summary`]).
    pub summary: String,
}

/// The line under the heading: "Figures in EUR · Jane Doe (CFO), Sam Lee and 2 more".
#[cfg(feature = "engine")]
fn meta(f: &Facts) -> String {
    let mut meta = Vec::new();
    if !f.currency.is_empty() && f.currency != "USD" {
        meta.push(tf(K::MetaCurrency, &[&f.currency]));
    }
    let people: Vec<_> = f
        .transcript
        .iter()
        .flat_map(|t| &t.speakers)
        .filter(|s| !s.name.eq_ignore_ascii_case("operator"))
        .collect();
    if !people.is_empty() {
        let named: Vec<String> = people
            .iter()
            .take(3)
            .map(|s| match &s.title {
                Some(t) if !t.is_empty() => format!("{} ({t})", s.name),
                _ => s.name.clone(),
            })
            .collect();
        let more = if people.len() > 3 { tf(K::MetaMore, &[&(people.len() - 3).to_string()]) } else { String::new() };
        meta.push(named.join(t(K::MetaPeople)) + &more);
    }
    meta.join(" · ")
}

/// How an input was read: what the page tells the reader about it, whether
/// it was read or refused. Bad input is an answer, never an error.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reading {
    /// Whether the input was read (then the analysis has its facts).
    pub ok: bool,
    /// Why not: "empty", "blank", "binary:pdf", … ([`InputError::code`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The reader's message for `code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Warnings (lossy decoding, converted HTML/RTF, a very long line).
    pub warnings: Vec<String>,
    /// "utf-8", "utf-16le", "windows-1252", …
    pub encoding: &'static str,
    /// "text", "html", "rtf".
    pub format: &'static str,
    /// The decoded text, at most `keep_text` bytes of it (files only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The decoded text's full length in bytes.
    pub text_bytes: usize,
    /// Whether `text` is only the beginning of the decoded text.
    pub text_cut: bool,
    /// A link's chart choice and theme (links only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<LinkState>,
    /// The refusal, kept to say it again in another language.
    #[cfg(feature = "engine")]
    #[serde(skip)]
    pub error: Option<InputError>,
    /// The warnings, kept likewise.
    #[cfg(feature = "engine")]
    #[serde(skip)]
    pub raw_warnings: Vec<Warning>,
}

/// The viewer reads only links, whose reading has no words to translate.
#[cfg(not(feature = "engine"))]
impl Reading {
    /// The reading as it is, in every language.
    pub fn in_lang(&self, _lang: Lang) -> Reading {
        self.clone()
    }
}

#[cfg(feature = "engine")]
impl Reading {
    /// The reading with its message and warnings in `lang`.
    pub fn in_lang(&self, lang: Lang) -> Reading {
        i18n::with(lang, || Reading {
            message: self.error.as_ref().map(input_message).or_else(|| self.message.clone()),
            warnings: if self.raw_warnings.is_empty() {
                self.warnings.clone()
            } else {
                self.raw_warnings.iter().map(warning_message).collect()
            },
            ..self.clone()
        })
    }
}

#[cfg(feature = "engine")]
/// A refusal in the current language (English: its `Display`).
pub fn input_message(e: &InputError) -> String {
    if !i18n::zh() {
        return e.to_string();
    }
    match e {
        InputError::Empty => t(K::InputEmpty).to_string(),
        InputError::Blank => t(K::InputBlank).to_string(),
        InputError::UnknownBinary => t(K::InputBinary).to_string(),
        InputError::Binary(b) => {
            let advice = match b {
                Binary::Pdf => K::InputAdvicePdf,
                Binary::Docx | Binary::OpenDocument | Binary::Ole2 | Binary::Epub => K::InputAdviceDoc,
                Binary::Png | Binary::Jpeg | Binary::Gif | Binary::Webp | Binary::Tiff | Binary::Bmp => K::InputAdviceImage,
                Binary::Zip | Binary::Gzip | Binary::Bzip2 | Binary::Xz | Binary::SevenZip | Binary::Rar => K::InputAdviceArchive,
                Binary::Media => K::InputAdviceMedia,
                _ => K::InputAdviceOther,
            };
            tf(K::InputBinaryKind, &[&crate::case::upper_str(b.name()), t(advice)])
        }
    }
}

#[cfg(feature = "engine")]
/// A warning in the current language (English: its `Display`).
pub fn warning_message(w: &Warning) -> String {
    if !i18n::zh() {
        return w.to_string();
    }
    match w {
        Warning::LossyUtf8 { invalid } => tf(K::WarnLossy, &[&invalid.to_string()]),
        Warning::Latin1 => t(K::WarnLatin1).to_string(),
        Warning::Utf16 { invalid, .. } if *invalid > 0 => tf(K::WarnUtf16Broken, &[&invalid.to_string()]),
        Warning::Utf16 { .. } => t(K::WarnUtf16).to_string(),
        Warning::Html => t(K::WarnHtml).to_string(),
        Warning::Rtf => t(K::WarnRtf).to_string(),
        Warning::NulBytes { count } => tf(K::WarnNul, &[&count.to_string()]),
        Warning::LongLine { bytes } => tf(K::WarnLongLine, &[&format!("{} MB", crate::decimal::fixed(*bytes as f64 / 1e6, 1))]),
    }
}

/// A link's [`ShareState`] by name: `{charts: ["revenue", …], theme: "dark"}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LinkState {
    /// The charts shown.
    pub charts: Vec<&'static str>,
    /// "auto", "light" or "dark".
    pub theme: &'static str,
    /// "zh-TW" when the link asks for it; absent: the reader's own language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
}

impl From<ShareState> for LinkState {
    fn from(st: ShareState) -> LinkState {
        LinkState { charts: st.charts.iter().map(|k| k.name()).collect(), theme: st.theme.name(), lang: st.lang.map(Lang::code) }
    }
}

/// Reads decoded input: parses it once, extracts its facts and view, and
/// says how it was read; `progress(stage, fraction)` is called before the
/// parse ("parse"), before extraction ("extract") and at the end ("done").
/// With `keep_text`, the reading carries the text's first `keep_text` bytes
/// (cut at a line end nearby), a large file's preview.
#[cfg(feature = "engine")]
pub fn read(
    decoded: Result<Decoded, InputError>,
    keep_text: Option<usize>,
    progress: &mut dyn FnMut(&str, f64),
) -> (Analysis, Reading) {
    read_as(decoded, keep_text, None, progress)
}

/// [`read`] with the call's period `given` by the reader (`None`: as the
/// transcript says it; see [`Analysis::of_transcript_as`]).
#[cfg(feature = "engine")]
pub fn read_as(
    decoded: Result<Decoded, InputError>,
    keep_text: Option<usize>,
    given: Option<Period>,
    progress: &mut dyn FnMut(&str, f64),
) -> (Analysis, Reading) {
    let d = match decoded {
        Err(e) => {
            let refused = Reading { code: Some(e.code()), message: Some(e.to_string()), error: Some(e), ..Reading::default() };
            return (Analysis::default(), refused);
        }
        Ok(d) => d,
    };
    progress("parse", 0.0);
    let transcript = transcript::parse(&d.text);
    progress("extract", 0.0);
    let analysis = Analysis::of_transcript_as(&transcript, given);
    drop(transcript);
    progress("done", 1.0);
    let text = keep_text.map(|keep| preview(&d.text, keep).to_string());
    let reading = Reading {
        ok: true,
        code: None,
        message: None,
        warnings: d.warnings.iter().map(ToString::to_string).collect(),
        encoding: d.encoding.name(),
        format: d.format.name(),
        text_cut: text.as_ref().is_some_and(|t| t.len() < d.text.len()),
        text,
        text_bytes: d.text.len(),
        link: None,
        error: None,
        raw_warnings: d.warnings.clone(),
    };
    (analysis, reading)
}

/// The first `keep` bytes of `text` at a char boundary, ending at a line end
/// when it is cut and one is there.
#[cfg(feature = "engine")]
fn preview(text: &str, keep: usize) -> &str {
    let mut end = text.len().min(keep);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if end < text.len() {
        if let Some(nl) = text[..end].rfind('\n') {
            end = nl + 1;
        }
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::Colors;
    use crate::input;
    use crate::share::ThemeChoice;

    const SAMPLE: &str = include_str!("../www/sample/credo-q4-fy2023.txt");

    fn no_progress() -> impl FnMut(&str, f64) {
        |_: &str, _: f64| {}
    }

    #[test]
    fn one_parse_gives_the_same_facts_and_view_as_two() {
        let a = Analysis::of_text(SAMPLE);
        let facts = crate::analyze(SAMPLE);
        assert_eq!(a.facts(), &facts);
        assert_eq!(a.view(), Some(&view::view(SAMPLE, &facts)));
        assert_eq!(a.checks(), &facts.checks());
    }

    #[test]
    fn reading_says_how_the_input_was_read_and_reports_progress() {
        let mut stages = Vec::new();
        let (a, r) = read(input::decode(SAMPLE.as_bytes()), None, &mut |s: &str, _: f64| stages.push(s.to_string()));
        assert!(r.ok && r.code.is_none() && r.text.is_none() && !r.text_cut);
        assert_eq!((r.encoding, r.format, r.text_bytes), ("utf-8", "text", SAMPLE.len()));
        assert_eq!(stages, ["parse", "extract", "done"]);
        assert!(!a.facts().facts.is_empty() && a.view().is_some_and(|v| !v.sentences.is_empty()));

        // Refused: an answer with the reason, and an empty analysis.
        let (a, r) = read(input::decode(b"%PDF-1.7 ..."), None, &mut no_progress());
        assert!(!r.ok);
        assert_eq!(r.code.as_deref(), Some("binary:pdf"));
        assert!(r.message.as_deref().is_some_and(|m| m.contains("PDF")));
        assert!(a.facts().facts.is_empty() && a.view().is_none());
    }

    #[test]
    fn a_preview_is_cut_at_a_line_end_and_a_char_boundary() {
        let (_, r) = read(input::decode(SAMPLE.as_bytes()), Some(1000), &mut no_progress());
        let text = r.text.expect("preview");
        assert!(r.text_cut && text.len() <= 1000 && text.ends_with('\n') && SAMPLE.starts_with(&text), "{}", text.len());
        let (_, r) = read(input::decode(SAMPLE.as_bytes()), Some(usize::MAX), &mut no_progress());
        assert!(!r.text_cut && r.text.as_deref() == Some(SAMPLE));
        assert_eq!(preview("ééé", 3), "é");
        assert_eq!(preview("ab\ncd", 4), "ab\n");
        assert_eq!(preview("abcd", 2), "ab");
    }

    #[test]
    fn explain_names_the_call_and_each_chart() {
        let a = Analysis::of_text(SAMPLE);
        let e = a.explain();
        assert_eq!(e.head.heading, "Credo · Q4 FY2023");
        assert_eq!(e.charts["revenue"].title, "Credo · Q4 FY2023 — Revenue");
        assert_eq!(e.charts["guidance"].label, "Guidance");
        let m = &e.charts["margins"];
        assert_eq!(a.describe(ChartKind::Margins), ChartName { label: m.label, title: m.title.clone(), summary: m.summary.clone() });
        assert!(!e.head.meta.contains("Operator") && !e.head.meta.is_empty(), "{}", e.head.meta);
        assert_eq!(e.head.facts, a.facts().facts.len());
        assert_eq!(e.details.len(), e.head.facts);
        // Every actual or guidance fact is in a chart's table or in the other figures (a change
        // goes with its charted level), and none in both.
        let facts = &a.facts().facts;
        let charted: Vec<usize> = e.charts.values().flat_map(|c| c.table.rows.iter().map(|r| r.fact)).collect();
        let other: Vec<usize> = e.other.rows.iter().map(|r| r.fact).collect();
        for (i, f) in facts.iter().enumerate().filter(|(_, f)| f.kind != crate::facts::Kind::Derived) {
            let with_level = charted.iter().any(|&j| facts[j].metric == f.metric && facts[j].segment == f.segment && facts[j].period == f.period);
            assert!(charted.contains(&i) || other.contains(&i) || with_level && f.measure != crate::facts::Measure::Level, "fact {i} listed nowhere");
        }
        assert!(e.other.rows.iter().all(|r| !e.charts.values().any(|c| c.table.rows.iter().any(|x| x.fact == r.fact))));
        // The details of the one-pass index are those of one fact at a time.
        for (i, d) in e.details.iter().enumerate() {
            let one = chart::detail(a.facts(), i).expect("detail");
            assert_eq!((d.fact, &d.rows, &d.problems), (one.fact, &one.rows, &one.problems), "fact {i}");
        }
        let link = Analysis::of_link(&a.share_link(&ShareState::default()).expect("link")).expect("opens").0;
        let e = link.explain();
        assert!(e.head.turns.is_none() && link.view().is_none());
        assert_eq!(Analysis::default().explain().head.heading, "Earnings call");
    }

    #[test]
    fn the_headline_is_the_head_of_the_explanation() {
        for (a, lang) in [(Analysis::of_text(SAMPLE), Lang::En), (Analysis::of_text(SAMPLE), Lang::ZhTw), (Analysis::default(), Lang::En)] {
            let (h, e) = (a.headline_in(lang), a.explain_in(lang));
            assert_eq!((&h.call, &h.heading, &h.meta, h.facts, h.turns, h.speakers), (&e.head.call, &e.head.heading, &e.head.meta, e.head.facts, e.head.turns, e.head.speakers));
            // Serialised, the head's fields are the explanation's own (the page reads ex.heading, ex.facts).
            let json = serde_json::to_value(&e).expect("json");
            assert_eq!(json["heading"], serde_json::to_value(&h.heading).expect("json"));
            assert_eq!(json["facts"], h.facts);
            assert!(json.get("head").is_none());
        }
        let a = Analysis::of_text(SAMPLE);
        assert_ne!(a.headline_in(Lang::ZhTw).heading, a.headline_in(Lang::En).heading);
    }

    #[test]
    fn meta_leaves_out_the_operator_and_counts_the_rest() {
        let mut f = Facts { currency: "EUR".into(), ..Facts::default() };
        let who = |n: &str, t: Option<&str>| crate::facts::SpeakerInfo { name: n.into(), title: t.map(Into::into) };
        f.transcript = Some(crate::facts::TranscriptStats {
            turns: 9,
            speakers: vec![who("Operator", None), who("Ann", Some("CFO")), who("Bo", None), who("Cy", None), who("Di", None)],
            qa_line: None,
            call_quarter: None,
        });
        assert_eq!(meta(&f), "Figures in EUR · Ann (CFO), Bo, Cy and 1 more");
        assert_eq!(meta(&Facts::default()), "");
    }

    #[test]
    fn exports_links_and_drawings_come_from_the_held_facts() {
        let a = Analysis::of_text(SAMPLE);
        assert_eq!(a.csv(), crate::export::csv(a.facts()));
        assert_eq!(a.file_name("revenue", "svg"), "credo-q4-fy2023-revenue.svg");
        let state = ShareState { charts: vec![ChartKind::Margins], theme: ThemeChoice::Dark, lang: None };
        let (back, st) = Analysis::of_link(&format!("#{}", a.share_link(&state).expect("link"))).expect("opens");
        assert_eq!(st, state);
        assert_eq!(LinkState::from(st), LinkState { charts: vec!["margins"], theme: "dark", lang: None });
        assert_eq!(back.facts(), &share::portable(a.facts()));
        for kind in ChartKind::ALL {
            let mut svg = String::new();
            let layout = {
                let area = chart::svg::SvgBackend::with_string(&mut svg, (640, 400)).into_drawing_area();
                a.draw(&area, kind, &Style { colors: Colors::default(), ..Style::default() }).expect("drawn")
            };
            assert_eq!(svg, chart::render_svg(kind, a.facts(), 640, 400, &Style::default()), "{kind:?}");
            assert!(!layout.regions.is_empty(), "{kind:?}");
        }
    }

    #[test]
    fn parts_rebuild_the_same_analysis() {
        let a = Analysis::of_text(SAMPLE);
        let (facts, view) = a.clone().into_parts();
        let b = Analysis::new(facts, view);
        assert_eq!((b.facts(), b.view(), b.checks()), (a.facts(), a.view(), a.checks()));
    }
}
