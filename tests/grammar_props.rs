//! Property tests of the number and period grammar (issue 5): what is
//! written in the ways earnings calls write it reads back as written, and
//! any text at all gives in-range results without a panic (the fuzz targets
//! in fuzz/ push the last part much further).

use callchart::extract::number::{self, Dim};
use callchart::extract::period::{self, PeriodRef};
use callchart::extract::lex;
use callchart::facts::Period;
use proptest::prelude::*;

fn figures(sentence: &str) -> Vec<number::Figure> {
    let toks = lex::tokenize(sentence, 0, sentence.len());
    number::figures(&toks)
}

fn mentions(sentence: &str) -> Vec<period::Mention> {
    let toks = lex::tokenize(sentence, 0, sentence.len());
    period::mentions(&toks)
}

/// 1234567 -> "1,234,567".
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * b.abs().max(1.0)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn money_with_a_scale_word_reads_back(whole in 1u64..100_000, cents in 0u64..10, scale in 0usize..3) {
        let (word, factor) = [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)][scale];
        let written = format!("{}.{}", grouped(whole), cents);
        let sentence = format!("Revenue was ${written} {word} in the quarter.");
        let f = figures(&sentence);
        prop_assert_eq!(f.len(), 1, "{}: {:?}", sentence, f);
        prop_assert!(matches!(f[0].dim, Dim::Money { explicit: true, .. }), "{:?}", f[0].dim);
        let want = (whole as f64 + cents as f64 / 10.0) * factor;
        prop_assert!(close(f[0].value, want), "{} read as {}, want {}", sentence, f[0].value, want);
        prop_assert!(f[0].range.is_none());
        prop_assert!(!f[0].negative);
    }

    #[test]
    fn percents_and_basis_points_read_back(whole in 0u64..1000, tenths in 0u64..10, bp in 1u64..1000) {
        let sentence = format!("Gross margin was {whole}.{tenths}%, up {bp} basis points.");
        let f = figures(&sentence);
        prop_assert_eq!(f.len(), 2, "{}: {:?}", sentence, f);
        prop_assert_eq!(f[0].dim, Dim::Percent);
        prop_assert!(close(f[0].value, whole as f64 + tenths as f64 / 10.0));
        prop_assert_eq!(f[1].dim, Dim::Bp);
        prop_assert!(close(f[1].value, bp as f64));
    }

    #[test]
    fn ranges_read_as_their_ends_and_midpoint(low in 1u64..5000, width in 1u64..500) {
        let high = low + width;
        let sentence = format!("We expect revenue between ${low} million and ${high} million.");
        let f = figures(&sentence);
        prop_assert_eq!(f.len(), 1, "{}: {:?}", sentence, f);
        let (a, b) = f[0].range.expect("a range");
        prop_assert!(close(a, low as f64 * 1e6) && close(b, high as f64 * 1e6), "{:?}", f[0].range);
        prop_assert!(close(f[0].value, (a + b) / 2.0));
    }

    #[test]
    fn parenthesised_figures_are_negative(whole in 1u64..1000, tenths in 0u64..10) {
        let sentence = format!("Operating loss was $({whole}.{tenths}) million.");
        let f = figures(&sentence);
        prop_assert!(f.iter().any(|x| x.negative && close(x.value.abs(), (whole as f64 + tenths as f64 / 10.0) * 1e6)), "{}: {:?}", sentence, f);
    }

    #[test]
    fn quarters_of_a_fiscal_year_resolve(year in 1995i32..2090, q in 1u8..=4) {
        let yy = year % 100;
        let mut cases = vec![(format!("Revenue in Q{q} of fiscal {year} grew."), year)];
        if (2000..2050).contains(&year) {
            // Two-digit years in calls are this century's.
            cases.push((format!("Revenue in Q{q} of fiscal '{yy:02} grew."), year));
        }
        for (sentence, want) in cases {
            let m = mentions(&sentence);
            prop_assert!(!m.is_empty(), "{}: no period", sentence);
            prop_assert_eq!(m[0].what, PeriodRef::Abs(Period::quarter(want, q)), "{}", sentence);
            // An absolute period stays itself whatever the call's period.
            let got = period::resolve(m[0].what, Some(Period::quarter(2024, 4)), None, false);
            prop_assert_eq!(got, Some(Period::quarter(want, q)), "{}: {:?}", sentence, m[0].what);
        }
    }

    #[test]
    fn a_bare_quarter_in_guidance_is_the_next_one_or_the_calls(year in 2000i32..2090, call_q in 1u8..=4, q in 1u8..=4) {
        let call = Period::quarter(year, call_q);
        let m = mentions(&format!("For Q{q} we expect revenue to grow."));
        prop_assert!(matches!(m.first().map(|m| m.what), Some(PeriodRef::Quarter(x)) if x == q));
        let got = period::resolve(m[0].what, Some(call), None, true).expect("resolved");
        // The call's own quarter is the one it reports, never the same quarter a year on.
        if q == call_q {
            prop_assert_eq!(got, call);
        } else {
            prop_assert!(got > call, "guided {:?} is not after the call {:?}", got, call);
        }
        prop_assert!(got <= Period::quarter(year + 1, call_q), "guided {:?} is more than a year after {:?}", got, call);
    }

    #[test]
    fn periods_print_and_parse_back(year in 1900i32..2200, q in 1u8..=4) {
        for p in [Period::quarter(year, q), Period::year(year)] {
            let again: Period = p.to_string().parse().unwrap();
            prop_assert_eq!(again, p);
        }
        let p = Period::quarter(year, q);
        prop_assert_eq!(p.next_quarter().and_then(|n| n.prev_quarter()), Some(p));
        prop_assert!(p.prev_quarter().unwrap() < p);
    }

    #[test]
    fn any_text_gives_in_range_results(text in "\\PC{0,200}") {
        for (start, end) in lex::sentences(&text) {
            prop_assert!(start <= end && end <= text.len());
            let toks = lex::tokenize(&text, start, end);
            for f in number::figures(&toks) {
                prop_assert!(f.first <= f.last && f.last <= toks.len());
                prop_assert!(f.value.is_finite());
            }
            for m in period::mentions(&toks) {
                prop_assert!(m.first <= m.last && m.last <= toks.len());
            }
        }
    }

    #[test]
    fn figure_words_in_any_order_never_panic(words in proptest::collection::vec(
        proptest::sample::select(vec!["$", "1", "2.5", "(3.4)", "million", "bn", "%", "to", "between", "and",
            "Q4", "fiscal", "'24", "-", "plus", "or", "minus", "basis", "points", "crore", "lakh", "negative",
            "flat", "up", "from", "year-over-year", ",", ".", "half", "second", "H2", "FY21", "x", "days"]), 0..40)) {
        let sentence = words.join(" ");
        let _ = figures(&sentence);
        let toks = lex::tokenize(&sentence, 0, sentence.len());
        for m in period::mentions(&toks) {
            let _ = period::resolve(m.what, Some(Period::quarter(2023, 4)), None, true);
        }
    }
}
