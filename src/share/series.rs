//! Series links (`#v3=…`): several calls' facts, the company picked and
//! the call shown, so that a fresh browser opening the link merges the same
//! calls into the same series charts ([`crate::series::merge`] is a function
//! of the calls' facts, and every fact it reads travels).
//!
//! ```text
//! encode: [(name, Facts)] ─portable each─▶ binary v3 ─deflate (raw)─▶ base64url ─▶ "v3=…"
//! decode: "#v3=…" ─length cap─▶ base64url (strict) ─inflate (size cap)─▶ binary v3 (strict) ─▶ SeriesLink
//! ```
//!
//! The same caps as a call's link ([`MAX_PAYLOAD_CHARS`], [`MAX_INFLATED`])
//! and the same strict reader: each call is a whole v2 binary, read by the
//! v2 reader, inside a length that it must use up exactly.
//!
//! # Binary format v3 (before deflate)
//! ```text
//! u8     format = 3
//! u8     flags: bits 0-1 zero; bits 2-7 the state as in v2 (charts of the
//!        call shown, theme, zh-TW)
//! var    n calls (2 to MAX_CALLS)
//! var    the company picked (index in the series' companies, below n)
//! var    the call shown (index into the calls, below n)
//! call × n: str name (a file name), var length, that many bytes: the call's
//!        v2 binary (format byte 2; its own state bits those of
//!        ShareState::default(): all charts, auto theme, no language)
//! end of data
//! ```
//! The calls' facts together are at most [`MAX_FACTS`] (the merge's work
//! stays bounded whatever the link says).

use super::binary::{ends_early, from_binary, invalid, state_bits, state_of, to_binary, Reader, Writer};
use super::*;

/// Most calls a series link carries (ten years of quarters, and more).
pub const MAX_CALLS: usize = 64;

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
/// company picked, the call shown and `state` into `v3=…`.
pub fn encode(calls: &[(&str, &Facts)], picked: usize, shown: usize, state: &ShareState) -> Result<String, ShareError> {
    let total: usize = calls.iter().map(|(_, f)| f.facts.len()).sum();
    if calls.len() < 2 || calls.len() > MAX_CALLS || total > MAX_FACTS || picked >= calls.len() || shown >= calls.len() {
        return Err(ShareError::Unencodable(format!("a series link holds 2 to {MAX_CALLS} calls and {MAX_FACTS} facts")));
    }
    let mut w = Writer { out: Vec::with_capacity(64 + total * 12) };
    w.byte(SERIES_VERSION as u8);
    w.byte(state_bits(state, SERIES_VERSION));
    w.var(calls.len() as u64);
    w.var(picked as u64);
    w.var(shown as u64);
    for (name, facts) in calls {
        let facts = portable(facts);
        if facts.notes.len() > MAX_NOTES {
            return Err(ShareError::Unencodable(format!("a link holds at most {MAX_NOTES} notes")));
        }
        let bin = to_binary(&facts, &ShareState::default(), VERSION)?;
        w.str(&clean(name));
        w.var(bin.len() as u64);
        w.out.extend_from_slice(&bin);
    }
    if w.out.len() > MAX_INFLATED {
        return Err(ShareError::Unencodable("the facts are too large for a link".into()));
    }
    let text = base64url_encode(&miniz_oxide::deflate::compress_to_vec(&w.out, 10));
    if text.len() > MAX_PAYLOAD_CHARS {
        return Err(ShareError::Unencodable("the facts are too large for a link".into()));
    }
    Ok(format!("v{SERIES_VERSION}={text}"))
}

/// Opens a series link (`#v3=…`, with or without the `#`); a call's link
/// (`v1=`, `v2=`) is no series and is refused as invalid.
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
    if version != SERIES_VERSION {
        return Err(invalid("a link of one call, not of a series"));
    }
    from_series_binary(&bin)
}

fn from_series_binary(data: &[u8]) -> Result<SeriesLink, ShareError> {
    let mut r = Reader { data, pos: 0 };
    if r.byte()? != SERIES_VERSION as u8 {
        return Err(invalid("not a series"));
    }
    let flags = r.byte()?;
    if flags & 0b11 != 0 {
        return Err(invalid("unknown flags"));
    }
    let state = state_of(flags, SERIES_VERSION)?;
    // A call is at least a name's length, a length and a v2 binary's 6 bytes.
    let n = r.count("calls", MAX_CALLS, 8)?;
    if n < 2 {
        return Err(invalid("a series of one call"));
    }
    let picked = r.var()?;
    let shown = r.var()?;
    if picked >= n as u64 || shown >= n as u64 {
        return Err(invalid("the company or call shown is not in the link"));
    }
    let mut calls = Vec::with_capacity(n);
    let mut total = 0usize;
    for _ in 0..n {
        let name = r.str()?;
        let len = usize::try_from(r.var()?).map_err(|_| ends_early())?;
        let (facts, own) = from_binary(r.bytes(len)?, VERSION)?;
        if own != ShareState::default() {
            return Err(invalid("a call of the series has a state of its own"));
        }
        total += facts.facts.len();
        if total > MAX_FACTS {
            return Err(invalid("more facts than a link holds"));
        }
        calls.push((name, facts));
    }
    if r.left() != 0 {
        return Err(ShareError::Damaged(format!("{} unexpected bytes at the end", r.left())));
    }
    Ok(SeriesLink { calls, picked: picked as usize, shown: shown as usize, state })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Part, Period};

    fn sample() -> Facts {
        serde_json::from_str(include_str!("../../tests/golden/credo-q4-fy2023.facts.json")).unwrap()
    }

    /// The sample, and the sample one quarter later (another call of the company).
    fn two() -> (Facts, Facts) {
        let a = sample();
        let mut b = a.clone();
        b.call = Some(Period::Fiscal { year: 2024, part: Part::Quarter(1) });
        b.facts.truncate(20);
        b.notes.clear();
        (a, b)
    }

    /// A payload of these exact bytes under `v3=`.
    fn pack(bin: &[u8]) -> String {
        format!("v3={}", base64url_encode(&miniz_oxide::deflate::compress_to_vec(bin, 6)))
    }

    /// A v3 binary: header, then (name, call binary) each.
    fn binary(flags: u8, picked: u64, shown: u64, calls: &[(&str, Vec<u8>)]) -> Vec<u8> {
        let mut w = Writer { out: vec![3, flags] };
        w.var(calls.len() as u64);
        w.var(picked);
        w.var(shown);
        for (name, bin) in calls {
            w.str(name);
            w.var(bin.len() as u64);
            w.out.extend_from_slice(bin);
        }
        w.out
    }

    #[test]
    fn a_series_round_trips_with_its_state() {
        let (a, b) = two();
        let state = ShareState { charts: vec![ChartKind::Guidance], theme: ThemeChoice::Light, lang: Some(Lang::ZhTw) };
        let link = encode(&[("q4.txt", &a), ("q1.txt", &b)], 0, 1, &state).unwrap();
        assert!(link.starts_with("v3=") && is_series(&link) && is_series(&format!("#{link}")));
        let back = decode(&format!("#{link}")).unwrap();
        assert_eq!(back.calls, vec![("q4.txt".to_string(), portable(&a)), ("q1.txt".to_string(), portable(&b))]);
        assert_eq!((back.picked, back.shown, &back.state), (0, 1, &state));
        let again: Vec<(&str, &Facts)> = back.calls.iter().map(|(n, f)| (n.as_str(), f)).collect();
        assert_eq!(encode(&again, 0, 1, &state).unwrap(), link, "deterministic");
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

    #[test]
    fn bad_series_binaries_are_invalid() {
        let (a, b) = two();
        let bin = |f: &Facts, st: &ShareState| to_binary(&portable(f), st, VERSION).unwrap();
        let (ba, bb) = (bin(&a, &ShareState::default()), bin(&b, &ShareState::default()));
        let all = 0b111 << 2;
        let good = binary(all, 0, 1, &[("a", ba.clone()), ("b", bb.clone())]);
        assert!(decode(&pack(&good)).is_ok());
        let mut trailing = good.clone();
        trailing.push(0);
        let mut inner_trailing = bb.clone();
        inner_trailing.push(0);
        let own_state = bin(&b, &ShareState { theme: ThemeChoice::Dark, ..ShareState::default() });
        let mut v2_inside = ba.clone();
        v2_inside[0] = 3;
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("one call", binary(all, 0, 0, &[("a", ba.clone())])),
            ("picked out of range", binary(all, 2, 0, &[("a", ba.clone()), ("b", bb.clone())])),
            ("shown out of range", binary(all, 0, 2, &[("a", ba.clone()), ("b", bb.clone())])),
            ("flag bits 0-1", binary(all | 1, 0, 0, &[("a", ba.clone()), ("b", bb.clone())])),
            ("no chart", binary(0, 0, 0, &[("a", ba.clone()), ("b", bb.clone())])),
            ("trailing bytes", trailing),
            ("a call's trailing bytes", binary(all, 0, 0, &[("a", ba.clone()), ("b", inner_trailing)])),
            ("a call's own state", binary(all, 0, 0, &[("a", ba.clone()), ("b", own_state)])),
            ("a call not v2", binary(all, 0, 0, &[("a", v2_inside), ("b", bb.clone())])),
            ("a name with a control character", binary(all, 0, 0, &[("a\u{7}", ba.clone()), ("b", bb.clone())])),
        ];
        for (what, bin) in cases {
            assert!(decode(&pack(&bin)).is_err(), "{what} opened");
        }
        // A call's length past the end.
        let mut cut = good.clone();
        cut.truncate(good.len() - 3);
        assert!(matches!(decode(&pack(&cut)), Err(ShareError::Damaged(_))));
        // More facts than a link holds, over several calls: the merge never sees them.
        let mut big = a.clone();
        big.notes.clear();
        while big.facts.len() <= MAX_FACTS / 2 {
            big.facts.extend(a.facts.clone());
        }
        let bbig = bin(&big, &ShareState::default());
        assert!(bbig.len() * 2 < MAX_INFLATED);
        let err = decode(&pack(&binary(all, 0, 0, &[("a", bbig.clone()), ("b", bbig)]))).unwrap_err();
        assert!(matches!(err, ShareError::Invalid(ref m) if m.contains("facts")), "{err:?}");
    }

    #[test]
    fn random_bytes_never_panic() {
        // Bytes after a valid header, and every single-byte change of a good binary.
        let (a, b) = two();
        let good = binary(0b111 << 2, 0, 1, &[("a", to_binary(&portable(&a), &ShareState::default(), VERSION).unwrap()), ("b", to_binary(&portable(&b), &ShareState::default(), VERSION).unwrap())]);
        for i in 0..good.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[i] = x;
                let _ = from_series_binary(&bad);
            }
        }
    }
}
