//! Share links: the facts, the chart choice and the theme packed into a URL
//! fragment (`#v1=…`), so that a fresh browser opening the link draws the
//! same charts with no transcript and no server.
//!
//! ```text
//! encode: Facts ─portable─▶ binary v1 ─deflate (raw)─▶ base64url ─▶ "v1=…"
//! decode: "#v1=…" ─length cap─▶ base64url (strict) ─inflate (size cap)─▶ binary v1 (strict, validated) ─▶ Facts
//! ```
//!
//! A link is untrusted input. [`decode`] caps the text before decoding it and
//! the inflated size while inflating (no zip bombs), reads the binary format
//! strictly (every count is bounded, every code known, no trailing bytes,
//! unused bits zero), rejects NaN/∞, and never panics. What it returns is
//! plain data; the page still puts every string into the DOM as text only.
//!
//! # What travels
//! A link carries what the charts, the notes and the exports need: company,
//! call, currency, each fact's metric, segment, period, kind, measure, values,
//! unit, basis, conflict flag and source *line*, and the notes. Source
//! sentences, character offsets, the transcript statistics and the layout
//! stay behind (they are long, and the reader of a link has no transcript).
//! [`portable`] gives exactly what a link reproduces, so
//! `decode(encode(f)) == portable(f)`.
//!
//! # Binary format v1 (before deflate)
//! ```text
//! u8     format = 1
//! u8     flags: bit 0 call present, bit 1 currency other than USD,
//!               bits 2-4 charts (revenue, margins, guidance; not all zero),
//!               bits 5-6 theme (0 auto, 1 light, 2 dark), bit 7 zero
//! str    company
//! period call                       (if flagged)
//! [u8;3] currency                   (if flagged)
//! var    n, str × n                 names after the built-in ones (DICTIONARY)
//! var    n, fact × n
//! var    n, note × n
//! end of data
//!
//! var    LEB128 unsigned varint (at most 10 bytes); str = var length + UTF-8
//! period u8 code (0 long term; else part 1 year, 2-3 halves, 4-7 quarters,
//!        + 8 when calendar) then zigzag var (year − 2000)
//! fact   var metric, var segment (name references), period,
//!        u8 kind | measure << 2 | basis << 4 | conflict << 6,
//!        u8 unit code | value/low/high present << 4, the present numbers,
//!        var source line
//! number u8 tag: 0 = f64 little-endian follows; else zigzag var mantissa m
//!        (|m| < 2^53) and the value is m × 10^(tag − 128), |tag − 128| <= 22,
//!        computed with one correctly rounded operation (exact by construction)
//! note   u8 ok (0 none, 1 true, 2 false), var kind (name reference), str message
//! ```

use std::fmt;

use crate::chart::ChartKind;
use crate::facts::{Basis, Currency, Fact, Facts, Kind, Measure, Note, Part, Period, Source, Unit, SCHEMA};

/// The fragment key of this format: links look like `#v1=…`.
pub const VERSION: u32 = 1;

/// Longest payload (base64url characters after `v1=`) that is decoded at all.
pub const MAX_PAYLOAD_CHARS: usize = 32 * 1024;

/// Most bytes a payload may inflate to; inflating stops there.
pub const MAX_INFLATED: usize = 256 * 1024;

/// Most facts a link may carry.
pub const MAX_FACTS: usize = 4096;

/// Most notes a link may carry.
pub const MAX_NOTES: usize = 256;

/// Most names in a link's own string table.
pub const MAX_NAMES: usize = 4096;

/// Longest string (bytes of UTF-8) in a link; [`portable`] shortens longer ones.
pub const MAX_STR: usize = 512;

/// Names every v1 link knows without carrying them. Frozen: a new metric goes
/// into a link's own table, never here, or old links would change meaning.
const DICTIONARY: &[&str] = &[
    "revenue",
    "revenue_mix",
    "gross_margin",
    "gross_profit",
    "operating_margin",
    "operating_expenses",
    "rd_expense",
    "sga_expense",
    "operating_income",
    "net_income",
    "net_margin",
    "eps",
    "ebitda",
    "operating_cash_flow",
    "capex",
    "free_cash_flow",
    "cash",
    "accounts_receivable",
    "days_sales_outstanding",
    "inventory",
    "share_count",
    "dividend",
    "buyback",
    "total",
    "check",
    "conflict",
    "warning",
];

/// The theme a link asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Follow the reader's system (`prefers-color-scheme`).
    #[default]
    Auto,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// `"auto"`, `"light"`, `"dark"`.
    pub fn name(&self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    /// Parses [`ThemeChoice::name`]; anything else is `None`.
    pub fn from_name(s: &str) -> Option<ThemeChoice> {
        match s {
            "auto" => Some(ThemeChoice::Auto),
            "light" => Some(ThemeChoice::Light),
            "dark" => Some(ThemeChoice::Dark),
            _ => None,
        }
    }
}

/// What a link shows besides the facts: which charts, which theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareState {
    /// The charts shown, in page order ([`ChartKind::ALL`]); empty means all.
    pub charts: Vec<ChartKind>,
    /// The theme.
    pub theme: ThemeChoice,
}

impl Default for ShareState {
    fn default() -> Self {
        ShareState { charts: ChartKind::ALL.to_vec(), theme: ThemeChoice::Auto }
    }
}

/// Why a link could not be opened (or made).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// The fragment is not `v<N>=…` at all.
    NotALink,
    /// `v<N>=` with an `N` this build does not read.
    UnsupportedVersion(String),
    /// The payload is longer than [`MAX_PAYLOAD_CHARS`]; not decoded.
    TooLong {
        /// Characters of payload.
        chars: usize,
    },
    /// The payload has characters outside base64url, or a length or final
    /// character that base64url never produces.
    BadCharacters,
    /// Inflating failed or the data ends early / has bytes left over.
    Damaged(String),
    /// The payload inflates to more than [`MAX_INFLATED`] bytes.
    TooBig,
    /// The data is well-formed but not acceptable facts (NaN, absurd counts,
    /// unknown codes, a wrong format byte).
    Invalid(String),
    /// These facts cannot be put into a link (encoding only).
    Unencodable(String),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => {
                f.write_str("this link holds no callchart data (a chart link ends in #v1= followed by the data)")
            }
            ShareError::UnsupportedVersion(v) => write!(
                f,
                "this link was made by another version of callchart (format v{v}); this page reads format v{VERSION} links"
            ),
            ShareError::TooLong { chars } => write!(
                f,
                "this link carries {chars} characters of data, more than a chart link ever needs ({MAX_PAYLOAD_CHARS}), so it was not opened"
            ),
            ShareError::BadCharacters => f.write_str(
                "this link is damaged: its data has characters a chart link never contains (was it cut or edited?)",
            ),
            ShareError::Damaged(why) => write!(
                f,
                "this link is damaged or incomplete ({why}); copy the whole link again"
            ),
            ShareError::TooBig => write!(
                f,
                "this link unpacks to more than {} KB, far more than a chart link holds, so it was not opened",
                MAX_INFLATED / 1024
            ),
            ShareError::Invalid(why) => write!(f, "this link does not hold valid chart data ({why})"),
            ShareError::Unencodable(why) => write!(f, "these facts cannot be put into a link: {why}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// Exactly what a link reproduces of `facts`: source sentences, offsets,
/// transcript statistics and layout dropped, values that are not finite
/// dropped, control characters in strings turned into spaces and strings cut
/// to [`MAX_STR`] bytes.
pub fn portable(facts: &Facts) -> Facts {
    Facts {
        schema: SCHEMA.to_string(),
        company: clean(&facts.company),
        call: facts.call,
        currency: facts.currency.clone(),
        layout: String::new(),
        transcript: None,
        facts: facts
            .facts
            .iter()
            .map(|f| Fact {
                metric: clean(&f.metric),
                segment: clean(&f.segment),
                period: f.period,
                kind: f.kind,
                measure: f.measure,
                value: f.value.filter(|v| v.is_finite()),
                low: f.low.filter(|v| v.is_finite()),
                high: f.high.filter(|v| v.is_finite()),
                unit: f.unit,
                basis: f.basis,
                conflict: f.conflict,
                source: Source { line: f.source.line, start: None, end: None, text: String::new() },
            })
            .collect(),
        notes: facts
            .notes
            .iter()
            .map(|n| Note { kind: clean(&n.kind), message: clean(&n.message), ok: n.ok })
            .collect(),
    }
}

fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_STR));
    for c in s.chars() {
        let c = if c.is_control() { ' ' } else { c };
        if out.len() + c.len_utf8() > MAX_STR {
            break;
        }
        out.push(c);
    }
    out
}

/// Packs `facts` (see [`portable`] for what travels) and `state` into a
/// fragment value `v1=…` (without the `#`).
pub fn encode(facts: &Facts, state: &ShareState) -> Result<String, ShareError> {
    let facts = portable(facts);
    if facts.facts.len() > MAX_FACTS {
        return Err(ShareError::Unencodable(format!(
            "{} facts, a link holds at most {MAX_FACTS}",
            facts.facts.len()
        )));
    }
    if facts.notes.len() > MAX_NOTES {
        return Err(ShareError::Unencodable(format!(
            "{} notes, a link holds at most {MAX_NOTES}",
            facts.notes.len()
        )));
    }
    let bin = to_binary(&facts, state)?;
    if bin.len() > MAX_INFLATED {
        return Err(ShareError::Unencodable("the facts are too large for a link".into()));
    }
    let packed = miniz_oxide::deflate::compress_to_vec(&bin, 10);
    let text = base64url_encode(&packed);
    if text.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::Unencodable("the facts are too large for a link".into()));
    }
    Ok(format!("v{VERSION}={text}"))
}

/// Opens a link's fragment (`#v1=…`, with or without the `#`; an embed's
/// `data` attribute is the same text).
pub fn decode(fragment: &str) -> Result<(Facts, ShareState), ShareError> {
    let s = fragment.strip_prefix('#').unwrap_or(fragment);
    let (key, payload) = s.split_once('=').ok_or(ShareError::NotALink)?;
    let digits = key.strip_prefix('v').ok_or(ShareError::NotALink)?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    if digits != VERSION.to_string() {
        return Err(ShareError::UnsupportedVersion(digits.to_string()));
    }
    // Size cap before any decoding.
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong { chars: payload.chars().count() });
    }
    let packed = base64url_decode(payload)?;
    if packed.is_empty() {
        return Err(ShareError::Damaged("no data after v1=".into()));
    }
    let bin = miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_INFLATED).map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::HasMoreOutput => ShareError::TooBig,
            TINFLStatus::FailedCannotMakeProgress => ShareError::Damaged("the data ends early".into()),
            _ => ShareError::Damaged("the data does not unpack".into()),
        }
    })?;
    from_binary(&bin)
}

// ---- binary ------------------------------------------------------------------

struct Writer {
    out: Vec<u8>,
}

impl Writer {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn var(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }
    fn period(&mut self, p: Period) -> Result<(), ShareError> {
        let (cal, year, part) = match p {
            Period::LongTerm => {
                self.byte(0);
                return Ok(());
            }
            Period::Fiscal { year, part } => (false, year, part),
            Period::Calendar { year, part } => (true, year, part),
        };
        if !(0..=9999).contains(&year) {
            return Err(ShareError::Unencodable(format!("the year {year} is out of range")));
        }
        let code = match part {
            Part::Year => 1,
            Part::Half(h @ 1..=2) => 1 + h,
            Part::Quarter(q @ 1..=4) => 3 + q,
            _ => return Err(ShareError::Unencodable(format!("the period {p} is not a real period"))),
        };
        self.byte(code + if cal { 8 } else { 0 });
        self.var(zigzag(i64::from(year) - 2000));
        Ok(())
    }
    fn number(&mut self, v: f64) {
        match decimal(v) {
            Some((m, e)) => {
                self.byte((e + 128) as u8);
                self.var(zigzag(m));
            }
            None => {
                self.byte(0);
                self.out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Powers of ten that are exact doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Largest decimal exponent a link writes (`10^e` must be an exact double).
const MAX_EXP: i32 = 22;

/// `v` as `m × 10^e` (`|m| < 2^53`, `|e| <= 22`), when that is exactly `v`.
fn decimal(v: f64) -> Option<(i64, i32)> {
    if !v.is_finite() {
        return None;
    }
    // Shortest representation that reads back as `v`: "1.842e8", "-3.4e-1".
    let s = format!("{v:e}");
    let (mant, exp) = s.split_once('e')?;
    let exp: i32 = exp.parse().ok()?;
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    let mut m: i64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        m = m.checked_mul(10)?.checked_add(i64::from(b.checked_sub(b'0').filter(|d| *d <= 9)?))?;
    }
    let m = if neg { -m } else { m };
    let e = exp - frac.len() as i32;
    // Exact, or not at all (-0.0, for one, reads back as +0.0).
    (from_decimal(m, e)?.to_bits() == v.to_bits()).then_some((m, e))
}

/// `m × 10^e`, correctly rounded: both operands are exact doubles, so one
/// multiplication or division rounds once (Clinger's fast path).
fn from_decimal(m: i64, e: i32) -> Option<f64> {
    if m.unsigned_abs() >= 1 << 53 || e.unsigned_abs() > MAX_EXP as u32 {
        return None;
    }
    let p = POW10[e.unsigned_abs() as usize];
    Some(if e >= 0 { m as f64 * p } else { m as f64 / p })
}

fn unit_code(u: Unit, currency: Currency) -> (u8, Option<Currency>) {
    match u {
        Unit::Percent => (1, None),
        Unit::Bp => (2, None),
        Unit::Pp => (3, None),
        Unit::Days => (4, None),
        Unit::Shares => (5, None),
        Unit::Times => (6, None),
        Unit::Money(c) if c == currency => (7, None),
        Unit::Money(c) => (8, Some(c)),
        Unit::PerShare(c) if c == currency => (9, None),
        Unit::PerShare(c) => (10, Some(c)),
    }
}

fn to_binary(facts: &Facts, state: &ShareState) -> Result<Vec<u8>, ShareError> {
    let currency = Currency::from_code(&facts.currency)
        .ok_or_else(|| ShareError::Unencodable(format!("the currency {:?} is not a three-letter code", facts.currency)))?;
    // Names: the built-in dictionary, then this link's own, in first use.
    let mut names: Vec<&str> = Vec::new();
    fn name_ref<'f>(s: &'f str, names: &mut Vec<&'f str>) -> u64 {
        if let Some(i) = DICTIONARY.iter().position(|d| *d == s) {
            return i as u64;
        }
        let i = names.iter().position(|n| *n == s).unwrap_or_else(|| {
            names.push(s);
            names.len() - 1
        });
        (DICTIONARY.len() + i) as u64
    }
    let mut fact_refs = Vec::with_capacity(facts.facts.len());
    for f in &facts.facts {
        let m = name_ref(&f.metric, &mut names);
        let s = name_ref(&f.segment, &mut names);
        fact_refs.push((m, s));
    }
    let note_refs: Vec<u64> = facts.notes.iter().map(|n| name_ref(&n.kind, &mut names)).collect();
    if names.len() > MAX_NAMES {
        return Err(ShareError::Unencodable(format!("{} distinct names, a link holds at most {MAX_NAMES}", names.len())));
    }

    let mut w = Writer { out: Vec::with_capacity(64 + facts.facts.len() * 12) };
    w.byte(VERSION as u8);
    let mut charts = 0u8;
    for (i, k) in ChartKind::ALL.iter().enumerate() {
        if state.charts.contains(k) {
            charts |= 1 << i;
        }
    }
    if charts == 0 {
        charts = 0b111;
    }
    let theme = match state.theme {
        ThemeChoice::Auto => 0,
        ThemeChoice::Light => 1,
        ThemeChoice::Dark => 2,
    };
    let flags = u8::from(facts.call.is_some()) | u8::from(currency != Currency::USD) << 1 | charts << 2 | theme << 5;
    w.byte(flags);
    w.str(&facts.company);
    if let Some(p) = facts.call {
        w.period(p)?;
    }
    if currency != Currency::USD {
        w.out.extend_from_slice(&currency.0);
    }
    w.var(names.len() as u64);
    for n in &names {
        w.str(n);
    }
    w.var(facts.facts.len() as u64);
    for (f, (m, s)) in facts.facts.iter().zip(fact_refs) {
        w.var(m);
        w.var(s);
        w.period(f.period)?;
        let kind = match f.kind {
            Kind::Actual => 0,
            Kind::Guidance => 1,
            Kind::Derived => 2,
        };
        let measure = match f.measure {
            Measure::Level => 0,
            Measure::Qoq => 1,
            Measure::Yoy => 2,
        };
        let basis = match f.basis {
            None => 0,
            Some(Basis::Gaap) => 1,
            Some(Basis::NonGaap) => 2,
        };
        w.byte(kind | measure << 2 | basis << 4 | u8::from(f.conflict) << 6);
        let (code, own) = unit_code(f.unit, currency);
        let present = u8::from(f.value.is_some()) | u8::from(f.low.is_some()) << 1 | u8::from(f.high.is_some()) << 2;
        w.byte(code | present << 4);
        if let Some(c) = own {
            w.out.extend_from_slice(&c.0);
        }
        for v in [f.value, f.low, f.high].into_iter().flatten() {
            w.number(v);
        }
        w.var(f.source.line as u64);
    }
    w.var(facts.notes.len() as u64);
    for (n, k) in facts.notes.iter().zip(note_refs) {
        w.byte(match n.ok {
            None => 0,
            Some(true) => 1,
            Some(false) => 2,
        });
        w.var(k);
        w.str(&n.message);
    }
    Ok(w.out)
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

fn ends_early() -> ShareError {
    ShareError::Damaged("the data ends early".into())
}

fn invalid(why: impl Into<String>) -> ShareError {
    ShareError::Invalid(why.into())
}

impl<'a> Reader<'a> {
    fn left(&self) -> usize {
        self.data.len() - self.pos
    }
    fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self.data.get(self.pos).ok_or_else(ends_early)?;
        self.pos += 1;
        Ok(b)
    }
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        if self.left() < n {
            return Err(ends_early());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn var(&mut self) -> Result<u64, ShareError> {
        let mut v = 0u64;
        for i in 0..10 {
            let b = self.byte()?;
            if i == 9 && b > 1 {
                return Err(invalid("a number is too large"));
            }
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(invalid("a number is too large"))
    }
    /// A count of items each at least `min_bytes` long, at most `max`.
    fn count(&mut self, what: &str, max: usize, min_bytes: usize) -> Result<usize, ShareError> {
        let n = self.var()?;
        if n > max as u64 {
            return Err(invalid(format!("{n} {what}, at most {max} allowed")));
        }
        let n = n as usize;
        if n.saturating_mul(min_bytes) > self.left() {
            return Err(ends_early());
        }
        Ok(n)
    }
    fn str(&mut self) -> Result<String, ShareError> {
        let n = self.var()?;
        if n > MAX_STR as u64 {
            return Err(invalid(format!("a text of {n} bytes, at most {MAX_STR} allowed")));
        }
        let b = self.bytes(n as usize)?;
        let s = std::str::from_utf8(b).map_err(|_| invalid("a text is not UTF-8"))?;
        if s.chars().any(char::is_control) {
            return Err(invalid("a text has control characters"));
        }
        Ok(s.to_string())
    }
    fn period(&mut self) -> Result<Period, ShareError> {
        let code = self.byte()?;
        if code == 0 {
            return Ok(Period::LongTerm);
        }
        let (cal, c) = if code >= 8 { (true, code - 8) } else { (false, code) };
        let part = match c {
            1 => Part::Year,
            2 | 3 => Part::Half(c - 1),
            4..=7 => Part::Quarter(c - 3),
            _ => return Err(invalid(format!("unknown period code {code}"))),
        };
        let year = unzigzag(self.var()?).checked_add(2000).ok_or_else(|| invalid("a year is out of range"))?;
        if !(0..=9999).contains(&year) {
            return Err(invalid(format!("the year {year} is out of range")));
        }
        let year = year as i32;
        Ok(if cal { Period::Calendar { year, part } } else { Period::Fiscal { year, part } })
    }
    fn number(&mut self) -> Result<f64, ShareError> {
        let tag = self.byte()?;
        let v = if tag == 0 {
            let b = self.bytes(8)?;
            let mut a = [0u8; 8];
            a.copy_from_slice(b);
            f64::from_le_bytes(a)
        } else {
            let m = unzigzag(self.var()?);
            from_decimal(m, i32::from(tag) - 128).ok_or_else(|| invalid("a value is out of range"))?
        };
        if !v.is_finite() {
            return Err(invalid("a value is not a finite number"));
        }
        Ok(v)
    }
    fn currency(&mut self) -> Result<Currency, ShareError> {
        let b = self.bytes(3)?;
        if !b.iter().all(u8::is_ascii_uppercase) {
            return Err(invalid("a currency is not a three-letter code"));
        }
        Ok(Currency([b[0], b[1], b[2]]))
    }
}

fn from_binary(data: &[u8]) -> Result<(Facts, ShareState), ShareError> {
    let mut r = Reader { data, pos: 0 };
    let format = r.byte()?;
    if u32::from(format) != VERSION {
        return Err(invalid(format!("format byte {format}, expected {VERSION}")));
    }
    let flags = r.byte()?;
    let state = state_of(flags)?;
    let company = r.str()?;
    let call = if flags & 1 != 0 { Some(r.period()?) } else { None };
    let currency = if flags & 2 != 0 { r.own_currency()? } else { Currency::USD };
    let names = Names::read(&mut r)?;
    // A fact is at least 6 bytes: two references, period, flags, unit, line.
    let n = r.count("facts", MAX_FACTS, 6)?;
    let mut facts = Vec::with_capacity(n);
    for _ in 0..n {
        facts.push(r.fact(&names, currency)?);
    }
    let n = r.count("notes", MAX_NOTES, 3)?;
    let mut notes = Vec::with_capacity(n);
    for _ in 0..n {
        notes.push(r.note(&names)?);
    }
    if r.left() != 0 {
        return Err(ShareError::Damaged(format!("{} unexpected bytes at the end", r.left())));
    }
    let facts = Facts {
        schema: SCHEMA.to_string(),
        company,
        call,
        currency: currency.as_str().to_string(),
        layout: String::new(),
        transcript: None,
        facts,
        notes,
    };
    Ok((facts, state))
}

/// The chart choice and theme in the flags byte (bits 2-4, 5-6; bit 7 unused).
fn state_of(flags: u8) -> Result<ShareState, ShareError> {
    if flags & 0x80 != 0 {
        return Err(invalid("unknown flags"));
    }
    let charts_bits = (flags >> 2) & 0b111;
    if charts_bits == 0 {
        return Err(invalid("no chart chosen"));
    }
    let theme = match (flags >> 5) & 0b11 {
        0 => ThemeChoice::Auto,
        1 => ThemeChoice::Light,
        2 => ThemeChoice::Dark,
        _ => return Err(invalid("unknown theme")),
    };
    let charts = ChartKind::ALL.iter().enumerate().filter(|(i, _)| charts_bits & (1 << i) != 0).map(|(_, k)| *k).collect();
    Ok(ShareState { charts, theme })
}

/// The link's own names, after the [`DICTIONARY`]'s.
struct Names(Vec<String>);

impl Names {
    fn read(r: &mut Reader<'_>) -> Result<Names, ShareError> {
        let n = r.count("names", MAX_NAMES, 1)?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            names.push(r.str()?);
        }
        Ok(Names(names))
    }

    /// Name reference `i`: the dictionary's, then the link's own.
    fn get(&self, i: u64) -> Result<String, ShareError> {
        let i = usize::try_from(i).map_err(|_| invalid("a name reference is out of range"))?;
        match DICTIONARY.get(i) {
            Some(d) => Ok((*d).to_string()),
            None => self.0.get(i - DICTIONARY.len()).cloned().ok_or_else(|| invalid("a name reference is out of range")),
        }
    }
}

impl Reader<'_> {
    /// The call's own currency, when it is not USD (which is never spelt out).
    fn own_currency(&mut self) -> Result<Currency, ShareError> {
        let c = self.currency()?;
        if c == Currency::USD {
            return Err(invalid("USD spelt out"));
        }
        Ok(c)
    }

    fn fact(&mut self, names: &Names, currency: Currency) -> Result<Fact, ShareError> {
        let metric = names.get(self.var()?)?;
        let segment = names.get(self.var()?)?;
        let period = self.period()?;
        let (kind, measure, basis, conflict) = fact_bits(self.byte()?)?;
        let u = self.byte()?;
        if u & 0x80 != 0 {
            return Err(invalid("unknown unit flags"));
        }
        let unit = self.unit(u & 0x0f, currency)?;
        let present = u >> 4;
        let mut num = |bit: u8| if present & bit != 0 { self.number().map(Some) } else { Ok(None) };
        let (value, low, high) = (num(1)?, num(2)?, num(4)?);
        let line = self.var()?;
        let line = usize::try_from(line).ok().filter(|l| *l <= 100_000_000).ok_or_else(|| invalid("a line number is out of range"))?;
        let source = Source { line, start: None, end: None, text: String::new() };
        Ok(Fact { metric, segment, period, kind, measure, value, low, high, unit, basis, conflict, source })
    }

    /// Unit code `code` (a currency of its own follows codes 8 and 10).
    fn unit(&mut self, code: u8, currency: Currency) -> Result<Unit, ShareError> {
        Ok(match code {
            1 => Unit::Percent,
            2 => Unit::Bp,
            3 => Unit::Pp,
            4 => Unit::Days,
            5 => Unit::Shares,
            6 => Unit::Times,
            7 => Unit::Money(currency),
            8 => Unit::Money(self.currency()?),
            9 => Unit::PerShare(currency),
            10 => Unit::PerShare(self.currency()?),
            c => return Err(invalid(format!("unknown unit code {c}"))),
        })
    }

    fn note(&mut self, names: &Names) -> Result<Note, ShareError> {
        let ok = match self.byte()? {
            0 => None,
            1 => Some(true),
            2 => Some(false),
            _ => return Err(invalid("unknown note state")),
        };
        let kind = names.get(self.var()?)?;
        let message = self.str()?;
        Ok(Note { kind, message, ok })
    }
}

/// A fact's flags byte: kind (bits 0-1), measure (2-3), basis (4-5), conflict (6).
fn fact_bits(bits: u8) -> Result<(Kind, Measure, Option<Basis>, bool), ShareError> {
    if bits & 0x80 != 0 {
        return Err(invalid("unknown fact flags"));
    }
    let kind = match bits & 0b11 {
        0 => Kind::Actual,
        1 => Kind::Guidance,
        2 => Kind::Derived,
        _ => return Err(invalid("unknown fact kind")),
    };
    let measure = match (bits >> 2) & 0b11 {
        0 => Measure::Level,
        1 => Measure::Qoq,
        2 => Measure::Yoy,
        _ => return Err(invalid("unknown measure")),
    };
    let basis = match (bits >> 4) & 0b11 {
        0 => None,
        1 => Some(Basis::Gaap),
        2 => Some(Basis::NonGaap),
        _ => return Err(invalid("unknown basis")),
    };
    Ok((kind, measure, basis, bits & 0x40 != 0))
}

// ---- base64url -----------------------------------------------------------------

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn base64url_encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Strict base64url without padding: only the 64 characters, no length that
/// encoding never produces, unused bits of the last character zero.
pub fn base64url_decode(text: &str) -> Result<Vec<u8>, ShareError> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return Err(ShareError::BadCharacters);
    }
    let val = |c: u8| -> Result<u32, ShareError> {
        Ok(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' => 62,
            b'_' => 63,
            _ => return Err(ShareError::BadCharacters),
        } as u32)
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * i);
        }
        let keep = chunk.len() - 1;
        let b = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        // Bits past the last whole byte must be zero (one text per data).
        let unused = match keep {
            1 => n & 0xffff,
            2 => n & 0xff,
            _ => 0,
        };
        if unused != 0 {
            return Err(ShareError::BadCharacters);
        }
        out.extend_from_slice(&b[..keep]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
