//! The number and period grammar on one sentence: tokens, figures, period
//! mentions and their resolution against the call's period, and the
//! `FY2023-Q4` / unit syntax of the facts model.
#![no_main]
use callchart::extract::{lex, number, period};
use callchart::facts::{Period, Unit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for (start, end) in lex::sentences(&text) {
        let toks = lex::tokenize(&text, start, end);
        for f in number::figures(&toks) {
            assert!(f.first <= f.last && f.last <= toks.len(), "figure out of the sentence");
        }
        let calls = [None, Some(Period::quarter(2023, 4)), Some(Period::year(2024))];
        for m in period::mentions(&toks) {
            assert!(m.first <= m.last && m.last <= toks.len(), "period mention out of the sentence");
            for call in calls {
                for guidance in [false, true] {
                    let _ = period::resolve(m.what, call, calls[1], guidance);
                }
            }
        }
    }
    if let Ok(p) = text.parse::<Period>() {
        // What parses prints back to itself and parses again.
        let again: Period = p.to_string().parse().expect("a printed period parses");
        assert_eq!(again, p);
        let _ = (p.prev_quarter(), p.next_quarter(), p.prev_year(), p.short_label());
    }
    let _ = text.parse::<Unit>();
});
