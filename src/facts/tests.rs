use super::*;

#[test]
fn period_round_trips_and_orders() {
    for s in ["FY2023", "FY2023-Q4", "CY2024-H2", "LT", "FY1999-Q1"] {
        assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
    }
    for s in ["FY23", "FY2023-Q5", "Q4", "", "FY2023-", "FY2023-X1"] {
        assert!(s.parse::<Period>().is_err(), "{s}");
    }
    let mut v: Vec<Period> =
        ["FY2024-Q1", "FY2023", "FY2023-Q3", "FY2022-Q4", "FY2023-Q4"].iter().map(|s| s.parse().unwrap()).collect();
    v.sort();
    let got: Vec<String> = v.iter().map(|p| p.to_string()).collect();
    assert_eq!(got, ["FY2022-Q4", "FY2023-Q3", "FY2023-Q4", "FY2023", "FY2024-Q1"]);
    assert_eq!(Period::quarter(2024, 1).prev_quarter(), Some(Period::quarter(2023, 4)));
    assert_eq!(Period::quarter(2023, 3).short_label(), "Q3 FY23");
}

#[test]
fn notes_name_their_facts() {
    // The extractor's own notes: a failed segment check and a conflict.
    let facts = crate::analyze(
        "Operator\nJane Doe - CFO\nWe sell products and licenses. Revenue was $30 million in the fourth quarter of 2023. \
         Product revenue was $20 million in the fourth quarter of 2023. \
         License revenue was $5 million in the fourth quarter of 2023. \
         Revenue was $31 million in the fourth quarter of 2023.\n",
    );
    let check = facts.notes.iter().find(|n| n.ok == Some(false)).expect("a failed check");
    let about: Vec<String> = facts.note_subject(check).iter().map(|&i| facts.facts[i].segment.clone()).collect();
    assert_eq!(about, ["total", "product", "license", "total"], "{}", check.message);
    let conflict = facts.notes.iter().find(|n| n.kind == "conflict").expect("a conflict");
    assert!(facts.note_subject(conflict).iter().all(|&i| facts.facts[i].conflict));
    assert!(facts.flagged().iter().all(|f| *f), "every figure of that quarter is in question");
    let checks = facts.checks();
    assert_eq!(checks.flagged, facts.flagged());
    assert!(checks.failed(0) && !checks.failed(facts.facts.len()), "a failed check is about the first figure; none past the end");
    let about_first: Vec<&str> = checks.problems[0].iter().map(|&n| facts.notes[n].kind.as_str()).collect();
    assert!(about_first.contains(&"conflict") && about_first.contains(&"check"), "{about_first:?}");
    assert!(checks.problems.iter().flatten().all(|&n| facts.notes[n].is_problem()));
    // The other subjects the extractor writes.
    let f = |m: &str, seg: &str, p: &str, kind: Kind, line: usize| Fact { source: Source { line, ..Source::default() }, ..Fact::for_test(m, seg, p, kind) };
    let facts = Facts {
        facts: vec![
            f("revenue", "total", "FY2024-Q1", Kind::Guidance, 5),
            f("revenue", "total", "FY2024-Q1", Kind::Actual, 6),
            f("revenue", "it", "FY2023-Q4", Kind::Actual, 84),
            f("revenue", "it", "FY2023-Q4", Kind::Actual, 85),
        ],
        ..Facts::default()
    };
    let note = |m: &str| Note { kind: "check".into(), message: m.into(), ok: Some(false) };
    assert_eq!(facts.note_subject(&note("revenue FY2024-Q1 guidance midpoint 34.0M is +5.9% vs FY2023-Q4 (32.1M), stated +9%")), [0]);
    assert_eq!(facts.note_subject(&note("line 84: revenue it FY2023-Q4 = 5.7M is not in its translation line")), [2]);
    assert_eq!(facts.note_subject(&note("revenue it FY2023-Q4: said 5.7M, but the change implies 6.0M (…)")), [2, 3]);
    assert!(facts.note_subject(&note("translation lines agree with 27 of 28 English figures")).is_empty());
    assert!(facts.note_subject(&note("")).is_empty());
    let passed = Note { ok: Some(true), ..note("revenue it FY2023-Q4: fine") };
    assert!(!passed.is_problem());
}

#[test]
fn unit_round_trips() {
    for s in ["USD", "JPY", "%", "bp", "pp", "USD/share", "days", "shares", "x"] {
        assert_eq!(s.parse::<Unit>().unwrap().to_string(), s);
    }
    assert!("dollars".parse::<Unit>().is_err());
}
