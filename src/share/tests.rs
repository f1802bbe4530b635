use proptest::prelude::*;

use super::binary::*;
use super::*;

fn sample() -> Facts {
    serde_json::from_str(include_str!("../../tests/golden/credo-q4-fy2023.facts.json")).unwrap()
}

/// A payload made of these exact binary bytes: "v1=" + base64url(deflate(bin))
/// (the hand-made binaries below are v1: what old links hold).
fn pack(bin: &[u8]) -> String {
    pack_as(1, bin)
}

/// [`pack`] under `v{version}=`.
fn pack_as(version: u32, bin: &[u8]) -> String {
    format!("v{version}={}", base64url_encode(&miniz_oxide::deflate::compress_to_vec(bin, 6)))
}

#[test]
fn sample_round_trips_in_a_short_link() {
    let facts = sample();
    let state = ShareState::default();
    let link = encode(&facts, &state).unwrap();
    assert!(link.starts_with("v2="));
    // Room for the page's own address: the whole link stays under 2,000.
    assert!(link.len() <= 1600, "the sample's fragment is {} characters", link.len());
    let (back, st) = decode(&format!("#{link}")).unwrap();
    assert_eq!(st, state);
    assert_eq!(back, portable(&facts));
    assert_eq!(back.facts.len(), facts.facts.len());
    assert_eq!(back.notes, facts.notes);
    // Every value is exact, not rounded.
    for (a, b) in back.facts.iter().zip(&facts.facts) {
        assert_eq!(a.value.map(f64::to_bits), b.value.map(f64::to_bits));
        assert_eq!(a.source.line, b.source.line);
    }
    // What does not travel.
    assert!(back.transcript.is_none());
    assert!(back.facts.iter().all(|f| f.source.text.is_empty()));
    // Encoding is deterministic, and the decoded facts encode to the same link.
    assert_eq!(encode(&back, &st).unwrap(), link);
}

/// The page's way: [`binary`], deflated by the browser (any raw deflate:
/// here miniz at other levels, as zlib's differ), then [`link_of`]; the
/// binary is capped before deflate, the link's text after.
#[test]
fn a_link_deflated_elsewhere_opens_the_same() {
    let facts = sample();
    let state = ShareState { charts: vec![ChartKind::Revenue], theme: ThemeChoice::Dark, lang: None };
    let bin = binary(&facts, &state).unwrap();
    let ours = decode(&encode(&facts, &state).unwrap()).unwrap();
    for level in [1, 6, 9] {
        let link = link_of(VERSION, &miniz_oxide::deflate::compress_to_vec(&bin, level)).unwrap();
        assert!(link.starts_with("v2="));
        assert_eq!(decode(&link).unwrap(), ours, "level {level}");
    }
    let long = vec![0; MAX_PAYLOAD_CHARS / 4 * 3 + 3];
    assert_eq!(link_of(VERSION, &long).unwrap_err(), ShareError::Unencodable("the facts are too large for a link".into()));
    assert!(link_of(VERSION, &long[..MAX_PAYLOAD_CHARS / 4 * 3]).is_ok());
}

#[test]
fn state_travels() {
    let facts = sample();
    for (charts, theme) in [
        (vec![ChartKind::Revenue], ThemeChoice::Dark),
        (vec![ChartKind::Margins, ChartKind::Guidance], ThemeChoice::Light),
        (vec![ChartKind::Guidance], ThemeChoice::Auto),
    ] {
        for lang in [None, Some(crate::i18n::Lang::ZhTw)] {
            let state = ShareState { charts: charts.clone(), theme, lang };
            let (_, back) = decode(&encode(&facts, &state).unwrap()).unwrap();
            assert_eq!(back, state);
        }
    }
    // No chart chosen means all of them.
    let (_, back) =
        decode(&encode(&facts, &ShareState { charts: vec![], theme: ThemeChoice::Auto, lang: None }).unwrap()).unwrap();
    assert_eq!(back.charts, ChartKind::ALL.to_vec());
    // English is the reader's own language: not written, so an English
    // page's link is the same link it always was.
    let en = ShareState { lang: Some(crate::i18n::Lang::En), ..ShareState::default() };
    assert_eq!(encode(&facts, &en).unwrap(), encode(&facts, &ShareState::default()).unwrap());
}

#[test]
fn the_language_bit_is_v2_only() {
    // A v1 link never had bit 7: one with it stays refused, as it always was.
    let facts = sample();
    let zh = ShareState { lang: Some(crate::i18n::Lang::ZhTw), ..ShareState::default() };
    let v1 = encode_as(&facts, &zh, 1).unwrap();
    let (_, back) = decode(&format!("#{v1}")).unwrap();
    assert_eq!(back.lang, None, "a v1 link is written without the language");
    let mut raw = to_binary(&facts, &zh, 2).unwrap();
    assert_eq!(raw[1] & 0x80, 0x80);
    raw[0] = 1;
    assert!(from_binary(&raw, 1).is_err(), "bit 7 in a v1 link is an error");
}

#[test]
fn numbers_are_exact() {
    for v in [
        0.0, 1.0, -1.0, 0.1, 58.2, 184_200_000.0, 32_100_000.0, -11_800_000.0, 0.15, 1e-7, 123456.789, 1e21, 2.5e-300,
        1e300, f64::MAX, f64::MIN_POSITIVE, 5e-324, -0.0, 0.1 + 0.2, 1.0 / 3.0,
    ] {
        let mut w = Writer { out: vec![] };
        w.number(v);
        let mut r = Reader { data: &w.out, pos: 0 };
        assert_eq!(r.number().unwrap().to_bits(), v.to_bits(), "{v}");
        assert_eq!(r.left(), 0);
    }
    // Round figures are small.
    assert_eq!(decimal(184_200_000.0), Some((1842, 5)));
    assert_eq!(decimal(58.2), Some((582, -1)));
    assert_eq!(decimal(-0.0), None);
    assert_eq!(decimal(1e300), None);
    assert_eq!(decimal(0.1 + 0.2), None, "17 significant digits are past 2^53");
    assert_eq!(decimal(1e-7), Some((1, -7)));
}

#[test]
fn base64url_is_strict() {
    for data in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", &[0xfb, 0xff, 0xfe]] {
        let t = base64url_encode(data);
        assert_eq!(base64url_decode(&t).unwrap(), data);
    }
    assert_eq!(base64url_encode(&[0xfb, 0xff, 0xfe]), "-__-");
    assert_eq!(base64url_encode(b"fo"), "Zm8");
    for bad in ["Zm8=", "Zm9v+", "Zm 8", "Z", "Zm9", "Zm9vY", "Zm/v", "Zm9%"] {
        // "Zm9" ends in bits that encoding never sets; "Zm9vY" has a length encoding never makes.
        assert_eq!(base64url_decode(bad), Err(ShareError::BadCharacters), "{bad}");
    }
}

#[test]
fn foreign_and_broken_links_are_refused_clearly() {
    let good = encode(&sample(), &ShareState::default()).unwrap();
    let cases: Vec<(String, ShareError)> = vec![
        ("".into(), ShareError::NotALink),
        ("#".into(), ShareError::NotALink),
        ("#top".into(), ShareError::NotALink),
        ("#x=1".into(), ShareError::NotALink),
        ("#v=abc".into(), ShareError::NotALink),
        ("#v1abc".into(), ShareError::NotALink),
        (good.replacen("v2=", "v5=", 1), ShareError::UnsupportedVersion("5".into())),
        // A series link (made before, or now) is no call's (embeds show calls only).
        (good.replacen("v2=", "v3=", 1), ShareError::Series),
        (good.replacen("v2=", "v4=", 1), ShareError::Series),
        (good.replacen("v2=", "v0=", 1), ShareError::UnsupportedVersion("0".into())),
        (good.replacen("v2=", "v02=", 1), ShareError::UnsupportedVersion("02".into())),
        ("v1=".into(), ShareError::Damaged("no data after v1=".into())),
        ("v2=".into(), ShareError::Damaged("no data after v2=".into())),
        (format!("{good}<img src=x onerror=alert(1)>"), ShareError::BadCharacters),
        (format!("{good}%3Cscript%3E"), ShareError::BadCharacters),
        ("v1=javascript:alert(1)".into(), ShareError::BadCharacters),
        (format!("v1={}", "A".repeat(MAX_PAYLOAD_CHARS + 4)), ShareError::TooLong { chars: MAX_PAYLOAD_CHARS + 4 }),
    ];
    for (link, want) in cases {
        assert_eq!(decode(&link).unwrap_err(), want, "{link:.60}");
        assert!(!want.to_string().is_empty());
    }
    // Every prefix of a good link fails cleanly (or, for the whole, succeeds).
    for cut in 0..good.len() {
        assert!(decode(&good[..cut]).is_err(), "a link cut at {cut} opened");
    }
    // Flipped characters never panic; most fail.
    let chars: Vec<char> = good.chars().collect();
    for i in 3..chars.len() {
        let mut c = chars.clone();
        c[i] = if c[i] == 'A' { 'B' } else { 'A' };
        let _ = decode(&c.iter().collect::<String>());
    }
}

#[test]
fn zip_bombs_stop_at_the_cap() {
    // 16 MB of zeros packs into a payload far under the length cap.
    let bomb = pack(&vec![0u8; 16 << 20]);
    assert!(bomb.len() < MAX_PAYLOAD_CHARS, "{}", bomb.len());
    assert_eq!(decode(&bomb).unwrap_err(), ShareError::TooBig);
}

#[test]
fn the_viewer_s_steps_open_what_decode_opens() {
    // The embed's viewer: packed, the browser inflates, unpacked.
    let link = encode(&sample(), &ShareState::default()).unwrap();
    let (version, packed_bytes) = packed(&link).unwrap();
    assert_eq!(version, 2);
    assert_eq!(unpacked(version, inflate(&packed_bytes)).unwrap(), decode(&link).unwrap());
    // How the browser's inflating failed, said as miniz_oxide's failures are.
    let failed = |name: &str| unpacked(version, Err(InflateFailure::from_name(name))).unwrap_err();
    assert_eq!(failed("too-big"), ShareError::TooBig);
    assert_eq!(failed("ends-early"), ShareError::Damaged("the data ends early".into()));
    assert_eq!(failed("bad"), ShareError::Damaged("the data does not unpack".into()));
    assert_eq!(failed(""), ShareError::Damaged("the data does not unpack".into()));
    // The cap holds whoever inflated, and a series link is still no call's.
    assert_eq!(unpacked(version, Ok(vec![0; MAX_INFLATED + 1])).unwrap_err(), ShareError::TooBig);
    let series = pack_as(3, &[3]);
    let (v3, p3) = packed(&series).unwrap();
    assert_eq!(unpacked(v3, inflate(&p3)).unwrap_err(), ShareError::Series);
    assert_eq!(decode(&series).unwrap_err(), ShareError::Series);
    // What packed refuses, decode refuses the same way.
    for bad in ["", "v9=AAAA", "v2=ab*c", "v2="] {
        assert_eq!(packed(bad).unwrap_err(), decode(bad).unwrap_err(), "{bad}");
    }
}

#[test]
fn bad_binaries_are_invalid() {
    let base = to_binary(&portable(&sample()), &ShareState::default(), VERSION).unwrap();
    assert!(decode(&pack_as(2, &base)).is_ok(), "the fixture itself must be valid");
    // Format byte: the fragment's version, and one this build reads.
    let v1 = to_binary(&portable(&sample()), &ShareState::default(), 1).unwrap();
    assert!(decode(&pack_as(1, &v1)).is_ok());
    assert!(matches!(decode(&pack_as(2, &v1)), Err(ShareError::Invalid(_))));
    assert!(matches!(decode(&pack_as(1, &base)), Err(ShareError::Invalid(_))));
    // Trailing bytes.
    let mut b = base.clone();
    b.push(0);
    assert!(matches!(decode(&pack_as(2, &b)), Err(ShareError::Damaged(_))));
    // Bit 7 is v2's language bit (every flag bit of v2 is known now), and
    // stays an unknown flag in v1; no chart.
    let mut b = base.clone();
    b[1] |= 0x80;
    assert_eq!(decode(&pack_as(2, &b)).map(|(_, st)| st.lang), Ok(Some(crate::i18n::Lang::ZhTw)));
    let mut b1 = v1.clone();
    b1[1] |= 0x80;
    assert!(matches!(decode(&pack_as(1, &b1)), Err(ShareError::Invalid(_))));
    let mut b = base.clone();
    b[1] &= !0b11100;
    assert!(matches!(decode(&pack_as(2, &b)), Err(ShareError::Invalid(_))));
    // Absurd counts: a billion facts, and more facts than bytes.
    let tiny = |facts: &[u8]| {
        let mut b = vec![1u8, 0b11100, 0, 0];
        b.extend_from_slice(facts);
        b
    };
    assert!(matches!(decode(&pack(&tiny(&[0x80, 0x94, 0xeb, 0xdc, 0x03]))), Err(ShareError::Invalid(_))));
    assert!(matches!(decode(&pack(&tiny(&[100, 0, 0]))), Err(ShareError::Damaged(_))));
    // A varint longer than 64 bits.
    assert!(matches!(decode(&pack(&tiny(&[0xff; 11]))), Err(ShareError::Invalid(_))));
    // NaN and infinity, raw and as decimals.
    let fact = |num: &[u8]| {
        let mut f = vec![1u8, 0, 0, 0, 0x17 | 0x10];
        f.extend_from_slice(num);
        f.push(1);
        let mut b = tiny(&[1]);
        b.extend_from_slice(&f);
        b.push(0);
        b
    };
    assert!(decode(&pack(&fact(&[128, 2]))).is_ok(), "the fixture itself must be valid");
    let mut nan = vec![0u8];
    nan.extend_from_slice(&f64::NAN.to_le_bytes());
    assert!(matches!(decode(&pack(&fact(&nan))), Err(ShareError::Invalid(_))));
    let mut inf = vec![0u8];
    inf.extend_from_slice(&f64::INFINITY.to_le_bytes());
    assert!(matches!(decode(&pack(&fact(&inf))), Err(ShareError::Invalid(_))));
    // Decimals outside the exact range: exponent 23, mantissa 2^53.
    assert!(matches!(decode(&pack(&fact(&[128 + 23, 2]))), Err(ShareError::Invalid(_))));
    assert!(matches!(decode(&pack(&fact(&[128, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]))), Err(ShareError::Invalid(_))));
    assert!(decode(&pack(&fact(&[128 + 22, 2]))).is_ok());
    // A name reference past the table.
    let mut b = tiny(&[1, 200, 1, 0, 0x17, 0, 1]);
    b.push(0);
    assert!(matches!(decode(&pack(&b)), Err(ShareError::Invalid(_))));
    // Strings: control characters, bad UTF-8, too long.
    let with_company = |c: &[u8]| {
        let mut b = vec![1u8, 0b11100];
        b.push(c.len() as u8);
        b.extend_from_slice(c);
        b.extend_from_slice(&[0, 0, 0]);
        b
    };
    assert!(decode(&pack(&with_company(b"Credo"))).is_ok());
    assert!(matches!(decode(&pack(&with_company(b"a\x00b"))), Err(ShareError::Invalid(_))));
    assert!(matches!(decode(&pack(&with_company(b"\xff\xfe"))), Err(ShareError::Invalid(_))));
    let mut long = vec![1u8, 0b11100, 0x81, 0x08];
    long.extend(std::iter::repeat(b'a').take(1025));
    long.extend_from_slice(&[0, 0, 0]);
    assert!(matches!(decode(&pack(&long)), Err(ShareError::Invalid(_))));
    // Hostile strings that are well-formed are data: they decode as text.
    let (f, _) = decode(&pack(&with_company(b"<img src=x onerror=alert(1)>"))).unwrap();
    assert_eq!(f.company, "<img src=x onerror=alert(1)>");
}

#[test]
fn old_v1_links_decode_whole_and_get_their_subjects() {
    // Links made by the page before notes carried subjects (tests/links.rs opens them too).
    let old = [
        include_str!("../../tests/data/links/credo-q4-fy2023.link"),
        include_str!("../../tests/data/links/mf_DE_q4_2021.link"),
        include_str!("../../tests/data/links/rev_e22_SONY_4483506.link"),
    ];
    for link in old.map(str::trim) {
        let (facts, state) = decode(link).unwrap();
        // The v1 writer is deterministic: what was decoded is all the link held.
        assert_eq!(format!("#{}", encode_as(&facts, &state, 1).unwrap()), link);
        // As v2, the same facts and the subjects read from the messages.
        let (again, _) = decode(&encode(&facts, &state).unwrap()).unwrap();
        assert_eq!(again, facts);
    }
    let (facts, _) = decode(old[0].trim()).unwrap();
    let misheard = facts.notes.iter().find(|n| n.message.starts_with("revenue it FY2023-Q4: the segment")).expect("the sample's mishearing check");
    let about: Vec<(&str, &str, String)> =
        misheard.subject.iter().map(|&i| (facts.facts[i].metric.as_str(), facts.facts[i].segment.as_str(), facts.facts[i].period.to_string())).collect();
    assert_eq!(about, [("revenue", "it", "FY2023-Q4".to_string())]);
    assert!(facts.notes.iter().any(|n| n.subject.is_empty() && n.message.starts_with("translation lines agree")));
}

#[test]
fn a_subject_must_name_a_fact_of_the_link() {
    let mut f = sample();
    f.facts.truncate(3);
    f.notes = vec![Note { kind: "check".into(), subject: vec![0, 2], message: "m".into(), ok: Some(false), period: None }];
    let (back, _) = decode(&encode(&f, &ShareState::default()).unwrap()).unwrap();
    assert_eq!(back.notes[0].subject, [0, 2]);
    // An index past the facts: `portable` drops it, and a link written with it is refused.
    f.notes[0].subject = vec![1, 3];
    assert_eq!(portable(&f).notes[0].subject, [1]);
    // A fact named twice travels once (the decoder allows no more entries than facts).
    f.notes[0].subject = vec![1, 1, 0];
    assert_eq!(portable(&f).notes[0].subject, [1, 0]);
    let mut bad = portable(&f);
    bad.notes[0].subject = vec![3];
    let bin = to_binary(&bad, &ShareState::default(), VERSION).unwrap();
    assert!(matches!(decode(&pack_as(2, &bin)), Err(ShareError::Invalid(_))));
}

#[test]
fn portable_cleans_what_cannot_travel() {
    let mut f = sample();
    f.company = format!("Bad\u{0}Co\n{}", "x".repeat(600));
    f.facts[0].value = Some(f64::NAN);
    f.facts[1].high = Some(f64::INFINITY);
    let p = portable(&f);
    assert!(p.company.starts_with("Bad Co x"));
    assert!(p.company.len() <= MAX_STR);
    assert_eq!(p.facts[0].value, None);
    assert_eq!(p.facts[1].high, None);
    let (back, _) = decode(&encode(&f, &ShareState::default()).unwrap()).unwrap();
    assert_eq!(back, p);
}

#[test]
fn too_many_facts_cannot_be_encoded() {
    let mut f = sample();
    let one = f.facts[0].clone();
    f.facts = vec![one; MAX_FACTS + 1];
    assert!(matches!(encode(&f, &ShareState::default()), Err(ShareError::Unencodable(_))));
}

// ---- property: random facts round-trip -------------------------------------------

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        1 => Just(Period::LongTerm),
        8 => (any::<bool>(), 0i32..=9999, 0u8..7).prop_map(|(cal, year, p)| {
            let part = match p {
                0 => Part::Year,
                1 | 2 => Part::Half(p),
                _ => Part::Quarter(p - 2),
            };
            if cal { Period::Calendar { year, part } } else { Period::Fiscal { year, part } }
        }),
    ]
}

fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![3 => Just(Currency::USD), 1 => "[A-Z]{3}".prop_map(|s| Currency::from_code(&s).unwrap())]
}

fn unit() -> impl Strategy<Value = Unit> {
    prop_oneof![
        Just(Unit::Percent),
        Just(Unit::Bp),
        Just(Unit::Pp),
        Just(Unit::Days),
        Just(Unit::Shares),
        Just(Unit::Times),
        currency().prop_map(Unit::Money),
        currency().prop_map(Unit::PerShare),
    ]
}

fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        // Figures as calls say them: a few digits times a power of ten.
        (-99_999i64..99_999, -4i32..10).prop_map(|(m, e)| format!("{m}e{e}").parse().unwrap()),
        // Any finite double at all.
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(DICTIONARY).prop_map(str::to_string),
        "[a-z_]{1,20}",
        // Any text without control characters, hostile markup included.
        "[^\\p{Cc}]{0,40}",
        Just("<img src=x onerror=alert(1)>".to_string()),
    ]
}

fn fact() -> impl Strategy<Value = Fact> {
    (
        (name(), name(), period(), 0u8..3, 0u8..3, 0u8..5, any::<bool>()),
        (prop::option::of(value()), prop::option::of(value()), prop::option::of(value()), unit(), 0usize..100_000),
    )
        .prop_map(|((metric, segment, period, k, m, b, conflict), (value, low, high, unit, line))| Fact {
            metric,
            segment,
            period,
            kind: [Kind::Actual, Kind::Guidance, Kind::Derived][k as usize],
            measure: [Measure::Level, Measure::Qoq, Measure::Yoy][m as usize],
            value,
            low,
            high,
            unit,
            basis: [None, Some(Basis::Gaap), Some(Basis::NonGaap), Some(Basis::Organic), Some(Basis::ConstantCurrency)][b as usize],
            conflict,
            source: Source { line, start: None, end: None, text: String::new() },
        })
}

fn facts() -> impl Strategy<Value = Facts> {
    (
        "[^\\p{Cc}]{0,30}",
        prop::option::of(period()),
        currency(),
        prop::collection::vec(fact(), 0..60),
        prop::collection::vec((name(), prop::collection::vec(0usize..60, 0..4), "[^\\p{Cc}]{0,80}", prop::option::of(any::<bool>()), prop::option::of(period())), 0..5),
    )
        .prop_map(|(company, call, currency, facts, notes)| Facts {
            company,
            call,
            currency: currency.as_str().to_string(),
            notes: notes
                .into_iter()
                .map(|(kind, subject, message, ok, period)| Note {
                    kind,
                    // Indices past the facts, or named twice, do not travel (see `portable`).
                    subject: {
                        let mut seen = std::collections::BTreeSet::new();
                        subject.into_iter().filter(|&i| i < facts.len() && seen.insert(i)).collect()
                    },
                    message,
                    ok,
                    period,
                })
                .collect(),
            facts,
            ..Facts::default()
        })
}

fn state() -> impl Strategy<Value = ShareState> {
    (1u8..8, 0u8..3, any::<bool>()).prop_map(|(mask, t, zh)| ShareState {
        charts: ChartKind::ALL.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, k)| *k).collect(),
        theme: [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark][t as usize],
        lang: zh.then_some(crate::i18n::Lang::ZhTw),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Random fact sets encode and decode to equal facts (bit-equal values).
    #[test]
    fn random_facts_round_trip(f in facts(), st in state()) {
        let link = encode(&f, &st).unwrap();
        let (back, st2) = decode(&link).unwrap();
        prop_assert_eq!(&st2, &st);
        // These facts are already portable: what goes in comes out.
        prop_assert_eq!(&portable(&f), &f);
        prop_assert_eq!(&back, &f);
        for (a, b) in back.facts.iter().zip(&f.facts) {
            for (x, y) in [(a.value, b.value), (a.low, b.low), (a.high, b.high)] {
                prop_assert_eq!(x.map(f64::to_bits), y.map(f64::to_bits));
            }
        }
    }

    /// Random series (each call with a conflict note that v4 rebuilds from
    /// its first fact rather than carries) encode and decode to equal calls.
    #[test]
    fn random_series_round_trip(mut calls in prop::collection::vec(facts(), 2..4), st in state(), shown in 0usize..2) {
        for f in &mut calls {
            if let Some(first) = f.facts.first() {
                let message = Note::conflict_message(first);
                f.notes.push(Note { kind: "conflict".into(), subject: vec![0], message, ok: None, period: None });
            }
        }
        let named: Vec<(&str, &Facts)> = calls.iter().map(|f| ("call.txt", f)).collect();
        let link = series::encode(&named, 1, shown, &st).unwrap();
        let back = series::decode(&link).unwrap();
        prop_assert_eq!((back.picked, back.shown, &back.state), (1, shown, &st));
        prop_assert_eq!(back.calls.len(), calls.len());
        for ((_, b), f) in back.calls.iter().zip(&calls) {
            prop_assert_eq!(b, f);
        }
    }

    /// Arbitrary text never panics the decoder.
    #[test]
    fn arbitrary_fragments_never_panic(s in "(#?v1=)?[A-Za-z0-9_\\-]{0,300}") {
        let _ = decode(&s);
    }

    /// Arbitrary bytes, deflated and encoded as a link, never panic the decoder.
    #[test]
    fn arbitrary_binaries_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = decode(&pack(&b));
    }
}

#[test]
fn refusals_are_said_in_the_language_of_the_call() {
    use crate::i18n::{with, Lang};
    let e = decode("#v2=!!!").unwrap_err();
    let en = e.to_string();
    assert!(en.starts_with("this link is damaged"), "{en}");
    let zh = with(Lang::ZhTw, || e.to_string());
    assert!(zh.starts_with("這個連結已損壞"), "{zh}");
    assert_eq!(with(Lang::ZhTw, || ShareError::TooBig.to_string()), format!("這個連結解開後超過 {} KB，遠多於圖表連結的內容，因此未開啟", MAX_INFLATED / 1024));
    assert_eq!(e.to_string(), en, "English again outside the call");
}
