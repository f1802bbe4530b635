//! Share links: the facts, the chart choice and the theme packed into a URL
//! fragment (`#v2=…`), so that a fresh browser opening the link draws the
//! same charts with no transcript and no server.
//!
//! ```text
//! encode: Facts ─portable─▶ binary v2 ─deflate (raw)─▶ base64url ─▶ "v2=…"
//! decode: "#v2=…" ─length cap─▶ base64url (strict) ─inflate (size cap)─▶ binary v2 (strict, validated) ─▶ Facts
//!         "#v1=…" (older pages' links) ─ the same, binary v1 ─▶ Facts, each note's subject read from its message (v1.rs)
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
//! unit, basis, conflict flag and source *line*, and the notes with their
//! subjects (the facts they are about, by index). Source
//! sentences, character offsets, the transcript statistics and the layout
//! stay behind (they are long, and the reader of a link has no transcript).
//! [`portable`] gives exactly what a link reproduces, so
//! `decode(encode(f)) == portable(f)`.
//!
//! # Binary format v2 (before deflate)
//! ```text
//! u8     format = 2 (the fragment's version)
//! u8     flags: bit 0 call present, bit 1 currency other than USD,
//!               bits 2-4 charts (revenue, margins, guidance; not all zero),
//!               bits 5-6 theme (0 auto, 1 light, 2 dark),
//!               bit 7 the page was in Traditional Chinese (zh-TW; else the
//!               reader's own language; always zero in v1, and links made
//!               before it have it zero, so they open as they always did)
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
//! note   u8 ok (0 none, 1 true, 2 false) | 4 when a period follows,
//!        var kind (name reference), var n, var fact index × n (the subject:
//!        each below the facts' count), str message, period (if flagged: the
//!        period a note about no figure is about, `withdrawn` and
//!        `call_given`; links made before have no such notes and open as
//!        they did)
//! ```
//!
//! # Format v1
//! The same but for the format byte (1) and the notes, which carry no
//! subject: `u8 ok, var kind, str message`. The pages that wrote v1 links
//! began every note's message with its subject (`metric [segment] period`,
//! see `share/v1.rs`), so a v1 link's subjects are read back from there,
//! once, on decoding. v1 links keep opening; links are written as v2 only
//! (an older page refuses a v2 link as "made by another version").

use std::fmt;

use crate::chart_kind::ChartKind;
use crate::i18n::{t, tf, Lang, K};
use crate::facts::{Basis, Currency, Fact, Facts, Kind, Measure, Note, Part, Period, Source, Unit, SCHEMA};

/// The fragment key of the format links are written in: `#v2=…`.
pub const VERSION: u32 = 2;

/// The key of a series link, several calls' facts (`#v4=…`, [`series`];
/// `#v3=…` links, made before, keep opening): the newest format read
/// ([`is_series`] spells it out).
pub const SERIES_VERSION: u32 = 4;

/// The oldest format still read: `#v1=…` links, made before notes carried
/// their subjects.
pub const OLDEST_VERSION: u32 = 1;

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

/// Names every link (v1 and on) knows without carrying them. Frozen: a new metric goes
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
    /// The language the link asks for: `Some(Lang::ZhTw)`, or `None` for
    /// the reader's own (English is not written: a link from an English page
    /// opens in the reader's language, as links always did).
    pub lang: Option<Lang>,
}

impl Default for ShareState {
    fn default() -> Self {
        ShareState { charts: ChartKind::ALL.to_vec(), theme: ThemeChoice::Auto, lang: None }
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
    /// A series link (`v4=`, `v3=`), where one call's facts were expected (an
    /// embed: only the page shows a series).
    Series,
}

/// In the language of the call in progress ([`crate::i18n`]; English
/// outside one, as the CLI and the tests read it).
impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ShareError::NotALink => t(K::LinkNotALink).to_string(),
            ShareError::UnsupportedVersion(v) => {
                tf(K::LinkVersion, &[v, &OLDEST_VERSION.to_string(), &SERIES_VERSION.to_string()])
            }
            ShareError::TooLong { chars } => tf(K::LinkTooLong, &[&chars.to_string(), &MAX_PAYLOAD_CHARS.to_string()]),
            ShareError::BadCharacters => t(K::LinkBadCharacters).to_string(),
            ShareError::Damaged(why) => tf(K::LinkDamaged, &[why]),
            ShareError::TooBig => tf(K::LinkTooBig, &[&(MAX_INFLATED / 1024).to_string()]),
            ShareError::Invalid(why) => tf(K::LinkInvalid, &[why]),
            ShareError::Unencodable(why) => tf(K::LinkUnencodable, &[why]),
            ShareError::Series => t(K::LinkSeries).to_string(),
        };
        f.write_str(&text)
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
            .map(|n| Note {
                kind: clean(&n.kind),
                // Facts travel whole and in order, so indices stay; one
                // past them (facts edited by hand) would not decode, nor
                // would a fact named twice (a subject has at most as many
                // entries as there are facts).
                subject: {
                    let mut subject: Vec<usize> = n.subject.iter().copied().filter(|&i| i < facts.facts.len()).collect();
                    crate::order::dedup_indices(&mut subject);
                    subject
                },
                message: clean(&n.message),
                ok: n.ok,
                period: n.period,
            })
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
/// fragment value `v2=…` (without the `#`): [`binary`], deflated, [`link_of`].
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(facts: &Facts, state: &ShareState) -> Result<String, ShareError> {
    encode_as(facts, state, VERSION)
}

/// [`encode`] in format `version` (v1 only for tests: old links re-encode
/// to themselves, so their decoding lost nothing).
#[cfg(not(target_arch = "wasm32"))]
fn encode_as(facts: &Facts, state: &ShareState, version: u32) -> Result<String, ShareError> {
    pack(&binary_as(facts, state, version)?, version)
}

/// [`encode`]'s binary before deflate (under [`MAX_INFLATED`]): the page
/// deflates it itself (the browser's `CompressionStream('deflate-raw')`:
/// the wasm carries no deflater, as it carries no inflater), then
/// [`link_of`] writes the link.
pub fn binary(facts: &Facts, state: &ShareState) -> Result<Vec<u8>, ShareError> {
    binary_as(facts, state, VERSION)
}

fn binary_as(facts: &Facts, state: &ShareState, version: u32) -> Result<Vec<u8>, ShareError> {
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
    checked(to_binary(&facts, state, version)?)
}

fn too_large() -> ShareError {
    ShareError::Unencodable("the facts are too large for a link".into())
}

/// A link's binary when it is under the cap the decoder holds.
fn checked(bin: Vec<u8>) -> Result<Vec<u8>, ShareError> {
    if bin.len() > MAX_INFLATED {
        return Err(too_large());
    }
    Ok(bin)
}

/// A binary as the link `v{version}=…`: deflated by miniz_oxide (natively:
/// the CLI and the tests; the page deflates with the browser's
/// `CompressionStream`), then [`link_of`].
#[cfg(not(target_arch = "wasm32"))]
fn pack(bin: &[u8], version: u32) -> Result<String, ShareError> {
    link_of(version, &miniz_oxide::deflate::compress_to_vec(bin, 10))
}

/// The link `v{version}=…` of a binary's raw deflate (`deflated`):
/// base64url, its length under the cap the decoder holds.
pub fn link_of(version: u32, deflated: &[u8]) -> Result<String, ShareError> {
    let text = base64url_encode(deflated);
    if text.len() > MAX_PAYLOAD_CHARS {
        return Err(too_large());
    }
    Ok(format!("v{version}={text}"))
}

/// Opens a link's fragment (`#v2=…` or an older `#v1=…`, with or without
/// the `#`; an embed's `data` attribute is the same text). A series link
/// (`#v4=…`, `#v3=…`: [`series::decode`]) is refused as [`ShareError::Series`]: it is
/// no one call's facts. [`packed`], then [`inflate`], then [`unpacked`].
pub fn decode(fragment: &str) -> Result<(Facts, ShareState), ShareError> {
    let (version, packed) = packed(fragment)?;
    unpacked(version, inflate(&packed))
}

/// Whether `fragment` is a series link (`#v4=…`, or `#v3=…` made before),
/// by its key alone (the page then opens it with [`series::decode`], which
/// reads it strictly).
pub fn is_series(fragment: &str) -> bool {
    let s = fragment.strip_prefix('#').unwrap_or(fragment);
    s.starts_with("v3=") || s.starts_with("v4=")
}

/// A link's version and its packed (deflated) bytes: the key read, the
/// payload's length capped, base64url decoded strictly. The first step of
/// [`decode`]; the embed's viewer stops here and lets the browser inflate
/// (its `DecompressionStream`, which the embed needs anyway to unpack its
/// wasm: miniz_oxide's inflater is ~6 KB of the viewer gzipped), then
/// hands the bytes to [`unpacked`].
pub fn packed(fragment: &str) -> Result<(u32, Vec<u8>), ShareError> {
    let s = fragment.strip_prefix('#').unwrap_or(fragment);
    let (key, payload) = s.split_once('=').ok_or(ShareError::NotALink)?;
    let digits = key.strip_prefix('v').ok_or(ShareError::NotALink)?;
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ShareError::NotALink);
    }
    let version = (OLDEST_VERSION..=SERIES_VERSION)
        .find(|v| digits == v.to_string())
        .ok_or_else(|| ShareError::UnsupportedVersion(digits.to_string()))?;
    // Size cap before any decoding.
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::TooLong { chars: payload.chars().count() });
    }
    let packed = base64url_decode(payload)?;
    if packed.is_empty() {
        return Err(ShareError::Damaged(format!("no data after v{version}=")));
    }
    Ok((version, packed))
}

/// How inflating a link's packed bytes failed, said as [`inflate`] says it
/// (the embed's JavaScript names its failure by [`InflateFailure::from_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InflateFailure {
    /// More than [`MAX_INFLATED`] bytes.
    TooBig,
    /// The data ends before its last block.
    EndsEarly,
    /// Not deflate data.
    Bad,
}

impl InflateFailure {
    /// `"too-big"`, `"ends-early"`; any other name is [`InflateFailure::Bad`].
    pub fn from_name(name: &str) -> InflateFailure {
        match name {
            "too-big" => InflateFailure::TooBig,
            "ends-early" => InflateFailure::EndsEarly,
            _ => InflateFailure::Bad,
        }
    }

    fn error(self) -> ShareError {
        match self {
            InflateFailure::TooBig => ShareError::TooBig,
            InflateFailure::EndsEarly => ShareError::Damaged("the data ends early".into()),
            InflateFailure::Bad => ShareError::Damaged("the data does not unpack".into()),
        }
    }
}

/// Packed bytes inflated (raw deflate) under [`MAX_INFLATED`].
pub fn inflate(packed: &[u8]) -> Result<Vec<u8>, InflateFailure> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_INFLATED).map_err(|e| {
        use miniz_oxide::inflate::TINFLStatus;
        match e.status {
            TINFLStatus::HasMoreOutput => InflateFailure::TooBig,
            TINFLStatus::FailedCannotMakeProgress => InflateFailure::EndsEarly,
            _ => InflateFailure::Bad,
        }
    })
}

/// The last step of [`decode`]: the facts of a link of `version` from its
/// packed bytes as inflated (or how inflating them failed).
pub fn unpacked(version: u32, bin: Result<Vec<u8>, InflateFailure>) -> Result<(Facts, ShareState), ShareError> {
    let bin = bin.map_err(InflateFailure::error)?;
    if bin.len() > MAX_INFLATED {
        return Err(ShareError::TooBig);
    }
    if version >= 3 {
        return Err(ShareError::Series);
    }
    from_binary(&bin, version)
}

// The binary form: `share/binary.rs`; v1's subjects: `share/v1.rs`; series
// links (v4, and v3 read): `share/series.rs`.
mod binary;
#[cfg(feature = "engine")]
pub mod series;
mod v1;
use binary::{from_binary, to_binary};

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
