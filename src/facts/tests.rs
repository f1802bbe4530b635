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
         Product revenue was $35 million in the fourth quarter of 2023. \
         License revenue was $5 million in the fourth quarter of 2023. \
         Revenue was $31 million in the fourth quarter of 2023.\n",
    );
    // Each total is checked against its segments (a part larger than the total fails): the first check is about the first total.
    let check = facts.notes.iter().find(|n| n.ok == Some(false)).expect("a failed check");
    let about: Vec<(&str, Option<f64>)> = check.subject.iter().map(|&i| (facts.facts[i].segment.as_str(), facts.facts[i].value)).collect();
    assert_eq!(about, [("total", Some(30e6)), ("product", Some(35e6)), ("license", Some(5e6))], "{}", check.message);
    // A conflict note is about the one figure whose line it names.
    let conflicts: Vec<&Note> = facts.notes.iter().filter(|n| n.kind == "conflict").collect();
    assert_eq!(conflicts.len(), 2);
    for n in &conflicts {
        let [i] = n.subject[..] else { panic!("{n:?}") };
        assert!(facts.facts[i].conflict && n.message.ends_with(&format!("(line {})", facts.facts[i].source.line)), "{n:?}");
    }
    assert_ne!(conflicts[0].subject, conflicts[1].subject);
    assert!(facts.flagged().iter().all(|f| *f), "every figure of that quarter is in question");
    let checks = facts.checks();
    assert_eq!(checks.flagged, facts.flagged());
    assert!(checks.failed(0) && !checks.failed(facts.facts.len()), "a failed check is about the first figure; none past the end");
    let about_first: Vec<&str> = checks.problems[0].iter().map(|&n| facts.notes[n].kind.as_str()).collect();
    assert!(about_first.contains(&"conflict") && about_first.contains(&"check"), "{about_first:?}");
    assert!(checks.problems.iter().flatten().all(|&n| facts.notes[n].is_problem()));
}

#[test]
fn checks_follow_the_subjects_alone() {
    let facts = Facts {
        facts: ["FY2023-Q3", "FY2023-Q4", "FY2024-Q1"].map(|p| Fact::for_test("revenue", "total", p, Kind::Actual)).to_vec(),
        notes: vec![
            // The message names Q3; the subject (Q4) is what counts.
            Note { kind: "check".into(), subject: vec![1, 1, 9], message: "revenue total FY2023-Q3: said …".into(), ok: Some(false), period: None },
            Note { kind: "check".into(), subject: vec![0], message: "passed".into(), ok: Some(true), period: None },
            Note { kind: "warning".into(), subject: vec![2], message: "a remark".into(), ok: None, period: None },
        ],
        ..Facts::default()
    };
    let checks = facts.checks();
    assert_eq!(checks.flagged, [false, true, false]);
    assert_eq!(checks.problems, [vec![], vec![0], vec![]], "once per note; an index past the facts is about none");
    assert!(checks.failed(1) && !checks.failed(0) && !checks.failed(9));
    assert!(!facts.notes[1].is_problem() && !facts.notes[2].is_problem());
}

#[test]
fn unit_round_trips() {
    for s in ["USD", "JPY", "%", "bp", "pp", "USD/share", "days", "shares", "x"] {
        assert_eq!(s.parse::<Unit>().unwrap().to_string(), s);
    }
    assert!("dollars".parse::<Unit>().is_err());
}
