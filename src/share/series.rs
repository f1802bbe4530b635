//! Series links (`#v4=…`, and the older `#v3=…`): several calls' facts,
//! the company picked and the call shown, so that a fresh browser opening
//! the link merges the same calls into the same series charts
//! ([`crate::series::merge`] is a function of the calls' facts, and every
//! fact it reads travels).
//!
//! ```text
//! encode: [(name, Facts)] ─portable each─▶ binary v4 ─deflate (raw)─▶ base64url ─▶ "v4=…"
//! decode: "#v4=…" ─length cap─▶ base64url (strict) ─inflate (size cap)─▶ binary v4 (strict) ─▶ SeriesLink
//!         "#v3=…" (links made before) ─ the same, binary v3 (series/v3.rs) ─▶ SeriesLink
//! ```
//!
//! The same caps as a call's link ([`MAX_PAYLOAD_CHARS`], [`MAX_INFLATED`])
//! and the same strict reader of every part: each count bounded, each code
//! known, each column used up exactly, no trailing bytes.
//!
//! # Binary format v4 (before deflate)
//! A call's parts are those of v2 (`share.rs`), but the series' calls share
//! one table of names, and the parts of all their facts and notes are
//! written column by column (all metrics, then all segments, …): deflate
//! finds far more repeats among like things. A conflict note's message,
//! which [`Note::conflict_message`] makes from its fact, is not carried.
//! ```text
//! u8     format = 4
//! u8     flags: bits 0-1 zero; bits 2-7 the state as in v2 (charts of the
//!        call shown, theme, zh-TW)
//! var    n calls (2 to MAX_CALLS)
//! var    the company picked (index in the series' companies, below n)
//! var    the call shown (index into the calls, below n)
//! var    n, str × n                 names after the built-in ones, all calls'
//! call × n:
//!        str    name (a file name)
//!        u8     flags: bit 0 call present, bit 1 currency other than USD
//!        str    company
//!        period call                (if flagged)
//!        [u8;3] currency            (if flagged)
//!        var    facts, var notes    (counts)
//! var × 13  the columns' lengths, then the columns, each the part of every
//!        fact (or note) of every call in order, as in v2:
//!        metric (var), segment (var), period, fact bits (u8), unit (u8, and
//!        a currency of its own), number tags (u8 per number), numbers
//!        (their mantissas, or 8 bytes for tag 0), lines (zigzag var: the
//!        change from the call's fact before, the first from 0);
//!        note state (u8 as v2, + 8 when the message is the conflict
//!        message of its one fact and not carried), note kind (var),
//!        subjects (var n, var × n), messages (str, unless rebuilt), note
//!        periods (if flagged)
//! end of data
//! ```
//! The calls' facts together are at most [`MAX_FACTS`] (the merge's work
//! stays bounded whatever the link says).

use super::binary::{
    call_facts, call_header, currency_of, ends_early, fact, invalid, note, refs, state_bits, state_of, write_facts,
    write_notes, Names, Parts, Reader, Writer, COLS,
};
use super::*;

mod v3;

/// Most calls a series link carries (ten years of quarters, and more).
pub const MAX_CALLS: usize = 64;

/// The format series links are written in (`#v4=…`).
const FORMAT: u8 = SERIES_VERSION as u8;

/// What a series link holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesLink {
    /// Each call's name and facts ([`portable`]), in the order they were added.
    pub calls: Vec<(String, Facts)>,
    /// The company picked (index into the merge's companies).
    pub picked: usize,
    /// The call shown below the series (index into `calls`).
    pub shown: usize,
    /// The charts of the call shown, the theme, the language.
    pub state: ShareState,
}

/// Packs `calls` (named facts; see [`portable`] for what travels) with the
/// company picked, the call shown and `state` into `v4=…`: [`binary`],
/// deflated, [`super::link_of`].
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(calls: &[(&str, &Facts)], picked: usize, shown: usize, state: &ShareState) -> Result<String, ShareError> {
    super::pack(&binary(calls, picked, shown, state)?, SERIES_VERSION)
}

/// [`encode`]'s binary before deflate (under [`super::MAX_INFLATED`]): the
/// page deflates it itself (the browser's `CompressionStream`), then
/// [`super::link_of`] writes the link.
pub fn binary(calls: &[(&str, &Facts)], picked: usize, shown: usize, state: &ShareState) -> Result<Vec<u8>, ShareError> {
    let total: usize = calls.iter().map(|(_, f)| f.facts.len()).sum();
    if calls.len() < 2 || calls.len() > MAX_CALLS || total > MAX_FACTS || picked >= calls.len() || shown >= calls.len() {
        return Err(ShareError::Unencodable(format!("a series link holds 2 to {MAX_CALLS} calls and {MAX_FACTS} facts")));
    }
    let mut portables: Vec<(String, Facts)> = Vec::with_capacity(calls.len());
    for (name, facts) in calls {
        let facts = portable(facts);
        if facts.notes.len() > MAX_NOTES {
            return Err(ShareError::Unencodable(format!("a link holds at most {MAX_NOTES} notes")));
        }
        portables.push((clean(name), facts));
    }
    let mut names: Vec<&str> = Vec::new();
    let mut all_refs = Vec::with_capacity(calls.len());
    for (_, facts) in &portables {
        all_refs.push(refs(facts, &mut names)?);
    }
    let mut w = Writer { out: Vec::with_capacity(64 + total * 8) };
    w.byte(FORMAT);
    w.byte(state_bits(state, u32::from(FORMAT)));
    for v in [calls.len(), picked, shown, names.len()] {
        w.var(v as u64);
    }
    for n in &names {
        w.str(n);
    }
    let mut cols = Parts::columns(vec![Writer::default(); COLS]);
    for ((name, facts), refs) in portables.iter().zip(&all_refs) {
        let currency = currency_of(facts)?;
        w.str(name);
        call_header(&mut w, facts, currency, 0)?;
        w.var(facts.facts.len() as u64);
        w.var(facts.notes.len() as u64);
        cols.line = 0;
        write_facts(&mut cols, facts, refs, currency)?;
        write_notes(&mut cols, facts, refs, u32::from(FORMAT))?;
    }
    for c in &cols.cols {
        w.var(c.out.len() as u64);
    }
    for c in &cols.cols {
        w.out.extend_from_slice(&c.out);
    }
    super::checked(w.out)
}

/// Opens a series link (`#v4=…` or `#v3=…`, with or without the `#`); a
/// call's link (`v1=`, `v2=`) is no series and is refused as invalid.
pub fn decode(fragment: &str) -> Result<SeriesLink, ShareError> {
    let (version, packed) = super::packed(fragment)?;
    unpacked(version, super::inflate(&packed))
}

/// The last step of [`decode`], as [`super::unpacked`] is a call's: the
/// series of a link of `version` from its packed bytes as inflated (the
/// page inflates them with the browser's `DecompressionStream`).
pub fn unpacked(version: u32, bin: Result<Vec<u8>, super::InflateFailure>) -> Result<SeriesLink, ShareError> {
    let bin = bin.map_err(super::InflateFailure::error)?;
    if bin.len() > MAX_INFLATED {
        return Err(ShareError::TooBig);
    }
    match version {
        3 => v3::from_binary_v3(&bin),
        4 => from_binary_v4(&bin),
        _ => Err(invalid("a link of one call, not of a series")),
    }
}

/// The company picked and the call shown, each below `n` calls (at least 2).
fn picked_and_shown(r: &mut Reader<'_>, n: usize) -> Result<(usize, usize), ShareError> {
    if n < 2 {
        return Err(invalid("a series of one call"));
    }
    let picked = r.var()?;
    let shown = r.var()?;
    if picked >= n as u64 || shown >= n as u64 {
        return Err(invalid("the company or call shown is not in the link"));
    }
    Ok((picked as usize, shown as usize))
}

/// A call's header in a v4 binary: its name, company, call, currency and counts.
struct Head {
    name: String,
    company: String,
    call: Option<Period>,
    currency: Currency,
    facts: usize,
    notes: usize,
}

/// A v4 series binary, read strictly.
fn from_binary_v4(data: &[u8]) -> Result<SeriesLink, ShareError> {
    let mut r = Reader { data, pos: 0 };
    if r.byte()? != FORMAT {
        return Err(invalid("not a series"));
    }
    let flags = r.byte()?;
    if flags & 0b11 != 0 {
        return Err(invalid("unknown flags"));
    }
    let state = state_of(flags, u32::from(FORMAT))?;
    // A call is at least a name, flags, a company and two counts.
    let n = r.count("calls", MAX_CALLS, 5)?;
    let (picked, shown) = picked_and_shown(&mut r, n)?;
    let names = Names::read(&mut r)?;
    let mut heads = Vec::with_capacity(n);
    let mut total = 0usize;
    for _ in 0..n {
        let name = r.str()?;
        let flags = r.byte()?;
        if flags & !0b11 != 0 {
            return Err(invalid("unknown flags"));
        }
        let (company, call, currency) = r.call_header(flags)?;
        // A fact is at least 6 bytes (two references, period, bits, unit, line), a note 3.
        let facts = r.count("facts", MAX_FACTS, 6)?;
        let notes = r.count("notes", MAX_NOTES, 3)?;
        total += facts;
        if total > MAX_FACTS {
            return Err(invalid("more facts than a link holds"));
        }
        heads.push(Head { name, company, call, currency, facts, notes });
    }
    let mut lens = [0usize; COLS];
    for len in &mut lens {
        *len = usize::try_from(r.var()?).map_err(|_| ends_early())?;
    }
    let mut cols = Vec::with_capacity(COLS);
    for len in lens {
        cols.push(Reader { data: r.bytes(len)?, pos: 0 });
    }
    let mut cols = Parts::columns(cols);
    if r.left() != 0 {
        return Err(ShareError::Damaged(format!("{} unexpected bytes at the end", r.left())));
    }
    let mut calls = Vec::with_capacity(n);
    for h in heads {
        cols.line = 0;
        let mut facts = Vec::with_capacity(h.facts);
        for _ in 0..h.facts {
            facts.push(fact(&mut cols, &names, h.currency)?);
        }
        let mut notes = Vec::with_capacity(h.notes);
        for _ in 0..h.notes {
            notes.push(note(&mut cols, &names, u32::from(FORMAT), &facts)?);
        }
        calls.push((h.name, call_facts(h.company, h.call, h.currency, facts, notes)));
    }
    if cols.cols.iter().any(|c| c.left() != 0) {
        return Err(ShareError::Damaged("unexpected bytes at the end of a column".into()));
    }
    Ok(SeriesLink { calls, picked, shown, state })
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::binary::Col;
    use super::*;
    use crate::facts::{Part, Period};

    fn sample() -> Facts {
        serde_json::from_str(include_str!("../../tests/golden/credo-q4-fy2023.facts.json")).unwrap()
    }

    /// The sample, and the sample one quarter later (another call of the company).
    pub(in crate::share) fn two() -> (Facts, Facts) {
        let a = sample();
        let mut b = a.clone();
        b.call = Some(Period::Fiscal { year: 2024, part: Part::Quarter(1) });
        b.facts.truncate(20);
        b.notes.clear();
        (a, b)
    }

    /// `two()`, the second in euros with a conflict note (rebuilt, not
    /// carried), a note about a period and one about no fact.
    fn varied() -> (Facts, Facts) {
        let (a, mut b) = two();
        b.currency = "EUR".into();
        b.facts[3].conflict = true;
        b.facts[4].unit = Unit::Money(Currency::from_code("JPY").unwrap());
        b.facts[5].source.line = 2;
        b.notes.push(Note { kind: "conflict".into(), subject: vec![3], message: Note::conflict_message(&b.facts[3]), ok: None, period: None });
        b.notes.push(Note { kind: "withdrawn".into(), subject: vec![], message: "guidance withdrawn".into(), ok: None, period: b.call });
        // Said like a conflict, but about another fact: carried as it is.
        b.notes.push(Note { kind: "conflict".into(), subject: vec![2], message: Note::conflict_message(&b.facts[3]), ok: None, period: None });
        (a, b)
    }

    /// A payload of these exact bytes under `v4=`.
    fn pack(bin: &[u8]) -> String {
        format!("v4={}", base64url_encode(&miniz_oxide::deflate::compress_to_vec(bin, 6)))
    }

    /// The binary inside a link.
    fn unpack(link: &str) -> Vec<u8> {
        let (_, packed) = super::super::packed(link).unwrap();
        super::super::inflate(&packed).unwrap()
    }

    #[test]
    fn a_series_round_trips_with_its_state() {
        let (a, b) = varied();
        let state = ShareState { charts: vec![ChartKind::Guidance], theme: ThemeChoice::Light, lang: Some(Lang::ZhTw) };
        let link = encode(&[("q4.txt", &a), ("q1.txt", &b)], 0, 1, &state).unwrap();
        assert!(link.starts_with("v4=") && is_series(&link) && is_series(&format!("#{link}")));
        let back = decode(&format!("#{link}")).unwrap();
        assert_eq!(back.calls, vec![("q4.txt".to_string(), portable(&a)), ("q1.txt".to_string(), portable(&b))]);
        assert_eq!((back.picked, back.shown, &back.state), (0, 1, &state));
        let again: Vec<(&str, &Facts)> = back.calls.iter().map(|(n, f)| (n.as_str(), f)).collect();
        assert_eq!(encode(&again, 0, 1, &state).unwrap(), link, "deterministic");
        // The conflict note's message did not travel; the other notes' did.
        let bin = String::from_utf8_lossy(&unpack(&link)).into_owned();
        assert_eq!(bin.matches("different values said").count(), 1, "only the note about another fact carries it");
        assert!(bin.contains("guidance withdrawn"));
        // Every prefix fails cleanly.
        for cut in 0..link.len() {
            assert!(decode(&link[..cut]).is_err(), "a series link cut at {cut} opened");
        }
    }

    #[test]
    fn what_is_no_series_is_refused() {
        let (a, b) = two();
        assert!(matches!(encode(&[("a", &a)], 0, 0, &ShareState::default()), Err(ShareError::Unencodable(_))));
        assert!(matches!(encode(&[("a", &a), ("b", &b)], 0, 2, &ShareState::default()), Err(ShareError::Unencodable(_))));
        // A call's link is not opened as a series, nor a series as a call.
        let call = super::super::encode(&a, &ShareState::default()).unwrap();
        assert!(matches!(decode(&call), Err(ShareError::Invalid(_))) && !is_series(&call));
        let link = encode(&[("a", &a), ("b", &b)], 0, 0, &ShareState::default()).unwrap();
        assert_eq!(super::super::decode(&link), Err(ShareError::Series));
        // A key after v4 is another version's.
        let later = link.replacen("v4=", "v5=", 1);
        assert_eq!(decode(&later).unwrap_err(), ShareError::UnsupportedVersion("5".into()));
    }

    #[test]
    fn the_page_s_steps_open_what_decode_opens() {
        // The page: packed, the browser inflates, unpacked.
        let (a, b) = two();
        let link = encode(&[("a", &a), ("b", &b)], 1, 0, &ShareState::default()).unwrap();
        let (version, packed) = super::super::packed(&link).unwrap();
        assert_eq!(unpacked(version, super::super::inflate(&packed)).unwrap(), decode(&link).unwrap());
        let failed = |name: &str| unpacked(version, Err(super::super::InflateFailure::from_name(name))).unwrap_err();
        assert_eq!(failed("too-big"), ShareError::TooBig);
        assert_eq!(failed("bad"), ShareError::Damaged("the data does not unpack".into()));
        assert_eq!(unpacked(version, Ok(vec![0; MAX_INFLATED + 1])).unwrap_err(), ShareError::TooBig);
        // A call's link is no series either way.
        let call = super::super::encode(&a, &ShareState::default()).unwrap();
        let (v2, p2) = super::super::packed(&call).unwrap();
        assert_eq!(unpacked(v2, super::super::inflate(&p2)).unwrap_err(), decode(&call).unwrap_err());
    }

    /// The v4 binary `bin` with its column `col` edited by `f` (its length
    /// written again): found by reading the header, names and calls' headers.
    fn with_column(bin: &[u8], col: Col, f: impl Fn(&mut Vec<u8>)) -> Vec<u8> {
        let mut r = Reader { data: bin, pos: 2 };
        let n = r.var().unwrap();
        r.var().unwrap();
        r.var().unwrap();
        Names::read(&mut r).unwrap();
        for _ in 0..n {
            r.str().unwrap();
            let flags = r.byte().unwrap();
            r.call_header(flags).unwrap();
            r.var().unwrap();
            r.var().unwrap();
        }
        let mut w = Writer { out: bin[..r.pos].to_vec() };
        let lens: Vec<usize> = (0..COLS).map(|_| r.var().unwrap() as usize).collect();
        let mut cols: Vec<Vec<u8>> = lens.iter().map(|&l| r.bytes(l).unwrap().to_vec()).collect();
        f(&mut cols[col as usize]);
        for c in &cols {
            w.var(c.len() as u64);
        }
        for c in &cols {
            w.out.extend_from_slice(c);
        }
        w.out.extend_from_slice(&bin[r.pos..]);
        w.out
    }

    #[test]
    fn bad_series_binaries_are_invalid() {
        let (a, b) = varied();
        let good = unpack(&encode(&[("a", &a), ("b", &b)], 0, 1, &ShareState::default()).unwrap());
        assert!(decode(&pack(&good)).is_ok());
        assert_eq!(with_column(&good, Col::Metric, |_| ()), good);
        let edit = |f: &dyn Fn(&mut Vec<u8>)| {
            let mut bad = good.clone();
            f(&mut bad);
            bad
        };
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("format 3 under v4", edit(&|b| b[0] = 3)),
            ("flag bits 0-1", edit(&|b| b[1] |= 1)),
            ("no chart", edit(&|b| b[1] = 0)),
            ("one call", edit(&|b| b[2] = 1)),
            ("picked out of range", edit(&|b| b[3] = 2)),
            ("shown out of range", edit(&|b| b[4] = 2)),
            ("trailing bytes", edit(&|b| b.push(0))),
            ("a byte left in a column", with_column(&good, Col::Line, |c| c.push(0))),
            ("a column short of a byte", with_column(&good, Col::Unit, |c| c.truncate(c.len() - 1))),
            ("an unknown note state", with_column(&good, Col::NoteState, |c| c[0] = 16)),
            ("a line before the first", with_column(&good, Col::Line, |c| c[0] = 1)),
            ("cut", edit(&|b| b.truncate(b.len() - 1))),
        ];
        for (what, bin) in cases {
            assert!(decode(&pack(&bin)).is_err(), "{what} opened");
        }
    }

    #[test]
    fn a_rebuilt_message_needs_one_fact() {
        // Two calls with one note each, about facts 0 and 1 of the first.
        let (mut a, mut b) = two();
        a.facts[0].conflict = true;
        a.notes = vec![Note { kind: "conflict".into(), subject: vec![0], message: Note::conflict_message(&a.facts[0]), ok: None, period: None }];
        b.notes.clear();
        let good = unpack(&encode(&[("a", &a), ("b", &b)], 0, 0, &ShareState::default()).unwrap());
        assert_eq!(decode(&pack(&good)).unwrap().calls[0].1.notes, a.notes);
        // Its subject column is [1, 0]: with [0], it is about no fact.
        let bad = with_column(&good, Col::Subject, |c| {
            assert_eq!(c, &[1, 0]);
            *c = vec![0];
        });
        assert_eq!(decode(&pack(&bad)).unwrap_err(), invalid("a note rebuilt from no one fact"));
    }

    #[test]
    fn random_bytes_never_panic() {
        // Every single-byte change of a good binary.
        let (a, b) = varied();
        let good = unpack(&encode(&[("a", &a), ("b", &b)], 0, 1, &ShareState::default()).unwrap());
        for i in 0..good.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[i] = x;
                let _ = from_binary_v4(&bad);
            }
        }
    }
}
