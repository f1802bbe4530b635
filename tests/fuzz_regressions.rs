//! Inputs on which a fuzz target once found a panic (tests/data/fuzz-regressions/,
//! named after the target and the bug), run through every fuzzed entry point:
//! none may panic again.

use callchart::extract::{lex, number, period};
use callchart::facts::{Period, Unit};

fn every_entry_point(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    // fuzz target `analyze`
    let analysis = callchart::analysis::Analysis::of_text(&text);
    let _ = analysis.explain();
    let _ = analysis.share_link(&Default::default());
    assert!(callchart::wire::from_bytes(&callchart::wire::to_bytes(analysis.facts())).is_some());
    // fuzz target `grammar`
    for (start, end) in lex::sentences(&text) {
        let toks = lex::tokenize(&text, start, end);
        let _ = number::figures(&toks);
        for m in period::mentions(&toks) {
            let _ = period::resolve(m.what, Some(Period::quarter(2023, 4)), None, true);
        }
    }
    if let Ok(p) = text.parse::<Period>() {
        assert_eq!(p.to_string().parse::<Period>(), Ok(p), "a period prints back to itself");
    }
    let _ = text.parse::<Unit>();
    // fuzz target `decode`
    let _ = callchart::input::decode(data);
    let _ = callchart::input::decode_owned(data.to_vec());
    // fuzz target `share_link`
    let _ = callchart::share::decode(&text);
    let _ = callchart::trend::Trend::of_link(&text);
}

#[test]
fn no_fuzz_regression_panics() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/fuzz-regressions") {
        let path = entry.unwrap().path();
        every_entry_point(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "no regression inputs in {}", dir.display());
}

#[test]
fn a_multibyte_period_part_is_an_error() {
    // grammar-period-multibyte-part.bin: "FY2023-\u{FFFD}Q6" split a character in two.
    assert!("FY2023-\u{FFFD}Q6".parse::<Period>().is_err());
    assert!("FY2023-é1".parse::<Period>().is_err());
    assert!("FY2023-".parse::<Period>().is_err());
    assert_eq!("FY2023-Q4".parse::<Period>(), Ok(Period::quarter(2023, 4)));
}
