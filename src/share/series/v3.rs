//! The reader of series links made before v4 (`#v3=…`): each call a whole
//! v2 binary inside a length. Links are no longer written in it (v4 packs
//! the same facts in about two thirds of the characters), but they keep
//! opening.
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
//! The calls' facts together are at most [`MAX_FACTS`].

use super::super::binary::{ends_early, from_binary, invalid, state_of, Reader};
use super::*;

/// A v3 series binary, read strictly.
pub(super) fn from_binary_v3(data: &[u8]) -> Result<SeriesLink, ShareError> {
    let mut r = Reader { data, pos: 0 };
    if r.byte()? != 3 {
        return Err(invalid("not a series"));
    }
    let flags = r.byte()?;
    if flags & 0b11 != 0 {
        return Err(invalid("unknown flags"));
    }
    let state = state_of(flags, 3)?;
    // A call is at least a name's length, a length and a v2 binary's 6 bytes.
    let n = r.count("calls", MAX_CALLS, 8)?;
    let (picked, shown) = picked_and_shown(&mut r, n)?;
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
    Ok(SeriesLink { calls, picked, shown, state })
}

#[cfg(test)]
mod tests {
    use super::super::super::binary::{to_binary, Writer};
    use super::super::tests::two;
    use super::*;

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
    fn a_v3_series_opens_as_it_was_made() {
        let (a, b) = two();
        let bin = |f: &Facts| to_binary(&portable(f), &ShareState::default(), VERSION).unwrap();
        let state = ShareState { charts: vec![ChartKind::Guidance], theme: ThemeChoice::Light, lang: Some(Lang::ZhTw) };
        let link = pack(&binary(super::super::super::binary::state_bits(&state, 3), 0, 1, &[("q4.txt", bin(&a)), ("q1.txt", bin(&b))]));
        assert!(is_series(&link));
        let back = decode(&format!("#{link}")).unwrap();
        assert_eq!(back.calls, vec![("q4.txt".to_string(), portable(&a)), ("q1.txt".to_string(), portable(&b))]);
        assert_eq!((back.picked, back.shown, &back.state), (0, 1, &state));
        // Written again, it is a v4 link of the same series.
        let again: Vec<(&str, &Facts)> = back.calls.iter().map(|(n, f)| (n.as_str(), f)).collect();
        let v4 = encode(&again, 0, 1, &state).unwrap();
        assert!(v4.starts_with("v4=") && v4.len() < link.len(), "{} vs {}", v4.len(), link.len());
        assert_eq!(decode(&v4).unwrap(), back);
    }

    #[test]
    fn bad_v3_binaries_are_invalid() {
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
        // Every single-byte change of a good binary.
        let (a, b) = two();
        let bin = |f: &Facts| to_binary(&portable(f), &ShareState::default(), VERSION).unwrap();
        let good = binary(0b111 << 2, 0, 1, &[("a", bin(&a)), ("b", bin(&b))]);
        for i in 0..good.len() {
            for x in [0u8, 1, 0x7f, 0x80, 0xff] {
                let mut bad = good.clone();
                bad[i] = x;
                let _ = from_binary_v3(&bad);
            }
        }
    }
}
