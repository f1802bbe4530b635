use super::*;
use crate::facts::{Basis, Fact, Kind, Measure, Source};

/// A fact from `metric segment period kind measure value unit [basis]`, the
/// value a number or `low..high`: `"eps total FY2021 guidance level 5.6..6.3 USD/share GAAP"`.
fn fact(spec: &str) -> Fact {
    let w: Vec<&str> = spec.split_whitespace().collect();
    let kind = match w[3] {
        "actual" => Kind::Actual,
        "guidance" => Kind::Guidance,
        _ => Kind::Derived,
    };
    let (value, low, high) = match w[5].split_once("..") {
        Some((l, h)) => (None, Some(l.parse().unwrap()), Some(h.parse().unwrap())),
        None => (Some(w[5].parse().unwrap()), None, None),
    };
    Fact {
        measure: match w[4] {
            "level" => Measure::Level,
            "qoq" => Measure::Qoq,
            _ => Measure::Yoy,
        },
        value,
        low,
        high,
        unit: w[6].parse().unwrap(),
        basis: w.get(7).map(|b| if *b == "GAAP" { Basis::Gaap } else { Basis::NonGaap }),
        source: Source { line: 1, text: spec.to_string(), ..Source::default() },
        ..Fact::for_test(w[0], w[1], w[2], kind)
    }
}

/// A call of `company` in `period` stating `facts`.
fn call(company: &str, period: &str, facts: &[&str]) -> Facts {
    Facts {
        company: company.into(),
        call: period.parse().ok(),
        facts: facts.iter().map(|s| fact(s)).collect(),
        ..Facts::default()
    }
}

/// The one company's series of `calls` (named c0, c1, …).
fn one(calls: &[Facts]) -> Company {
    let names: Vec<String> = (0..calls.len()).map(|i| format!("c{i}")).collect();
    let named: Vec<(&str, &Facts)> = names.iter().map(String::as_str).zip(calls).collect();
    let mut s = merge(&named);
    assert_eq!(s.companies.len(), 1, "{:?}", s.companies.iter().map(|c| &c.company).collect::<Vec<_>>());
    s.companies.remove(0)
}

/// The facts compactly: `period metric kind value-or-range [conflict] @call [calls] revision`.
fn show(c: &Company) -> Vec<String> {
    c.facts
        .iter()
        .map(|f| {
            let v = match (f.fact.low, f.fact.high) {
                (Some(l), Some(h)) => format!("{l}..{h}"),
                _ => f.fact.value.map_or("-".into(), |v| v.to_string()),
            };
            let basis = match f.fact.basis {
                Some(Basis::Gaap) => " GAAP",
                Some(Basis::NonGaap) => " non-GAAP",
                Some(Basis::Organic) => " organic",
                Some(Basis::ConstantCurrency) => " constant currency",
                None => "",
            };
            let rev = f.revision.map_or(String::new(), |r| format!(" {r:?}"));
            format!(
                "{} {} {:?}{basis} {v}{} @{} {:?}{rev}",
                f.fact.period,
                f.fact.metric,
                f.fact.kind,
                if f.fact.conflict { " conflict" } else { "" },
                f.call,
                f.calls
            )
        })
        .collect()
}

#[test]
fn merge_rules() {
    // (Acme's calls: period and facts, the merged facts): each row is one rule.
    type Calls<'a> = &'a [(&'a str, &'a [&'a str])];
    let cases: &[(Calls, &[&str])] = &[
        // The same figure from two calls is one, remembering both.
        (
            &[("FY2021-Q3", &["revenue total FY2021-Q3 actual level 607.9e6 USD"]), ("FY2021-Q4", &["revenue total FY2021-Q3 actual level 607.9e6 USD"])],
            &["FY2021-Q3 revenue Actual 607900000 @0 [0, 1]"],
        ),
        // Within rounding ("$8.4 billion" and "$8.41 billion"): one, the precise value shown.
        (
            &[("FY2021-Q3", &["revenue total FY2021-Q3 actual level 8.4e9 USD"]), ("FY2021-Q4", &["revenue total FY2021-Q3 actual level 8.41e9 USD"])],
            &["FY2021-Q3 revenue Actual 8410000000 @1 [0, 1]"],
        ),
        // A reported figure beats a derived one; an agreeing derivation lists its call ...
        (
            &[("FY2021-Q3", &["revenue total FY2021-Q2 derived level 100.4e6 USD"]), ("FY2021-Q4", &["revenue total FY2021-Q2 actual level 100e6 USD"])],
            &["FY2021-Q2 revenue Actual 100000000 @1 [0, 1]"],
        ),
        // ... and a disagreeing derivation is dropped, not a conflict.
        (
            &[("FY2021-Q3", &["revenue total FY2021-Q2 derived level 110e6 USD"]), ("FY2021-Q4", &["revenue total FY2021-Q2 actual level 100e6 USD"])],
            &["FY2021-Q2 revenue Actual 100000000 @1 [1]"],
        ),
        // Two reported figures that differ beyond rounding: both kept, both flagged.
        (
            &[("FY2021-Q3", &["eps total FY2021-Q3 actual level 1.27 USD/share"]), ("FY2021-Q4", &["eps total FY2021-Q3 actual level 1.37 USD/share"])],
            &["FY2021-Q3 eps Actual 1.27 conflict @0 [0]", "FY2021-Q3 eps Actual 1.37 conflict @1 [1]"],
        ),
        // GAAP and non-GAAP are two figures; one of no stated basis goes with the one it equals.
        (
            &[
                ("FY2021-Q3", &["eps total FY2021-Q3 actual level 1.27 USD/share GAAP", "eps total FY2021-Q3 actual level 1.32 USD/share non-GAAP"]),
                ("FY2021-Q4", &["eps total FY2021-Q3 actual level 1.32 USD/share"]),
            ],
            &["FY2021-Q3 eps Actual GAAP 1.27 @0 [0]", "FY2021-Q3 eps Actual non-GAAP 1.32 @0 [0, 1]"],
        ),
        // Quarters in fiscal order whatever order the calls come in; guides per call, the latest last.
        (
            &[
                ("FY2021-Q4", &["revenue total FY2021-Q4 actual level 5e6 USD", "revenue total FY2022 guidance level 20e6..22e6 USD"]),
                ("FY2021-Q2", &["revenue total FY2021-Q2 actual level 4e6 USD", "revenue total FY2022 guidance level 19e6..21e6 USD"]),
            ],
            &[
                "FY2021-Q2 revenue Actual 4000000 @1 [1]",
                "FY2021-Q4 revenue Actual 5000000 @0 [0]",
                "FY2022 revenue Guidance 19000000..21000000 @1 [1]",
                "FY2022 revenue Guidance 20000000..22000000 @0 [0] Raised",
            ],
        ),
    ];
    let bad: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(i, (calls, want))| {
            let calls: Vec<Facts> = calls.iter().map(|(period, facts)| call("Acme", period, facts)).collect();
            let got = show(&one(&calls));
            (got != *want).then(|| format!("case {i}:\n  want {want:?}\n  got  {got:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn guides_move_between_calls() {
    let guide = |period: &str, range: &str| call("Acme", period, &[&format!("eps total FY2021 guidance level {range} USD/share")]);
    let c = one(&[guide("FY2020-Q4", "5.60..6.30"), guide("FY2021-Q1", "5.60..6.30"), guide("FY2021-Q2", "5.89..6.39"), guide("FY2021-Q3", "5.50..6.00"), guide("FY2021-Q3", "6.39..6.64")]);
    let revisions: Vec<Option<Revision>> = c.facts.iter().map(|f| f.revision).collect();
    use Revision::*;
    // The first guide has none; then the same, up, and (two guides in one call: each against the call before) down and up.
    assert_eq!(revisions, [None, Some(Reaffirmed), Some(Raised), Some(Lowered), Some(Raised)]);
    // A narrower range about the same midpoint is reaffirmed; another basis is another figure.
    let c = one(&[
        call("Acme", "FY2021-Q1", &["eps total FY2021 guidance level 5.0..6.0 USD/share GAAP", "eps total FY2021 guidance level 7.0..8.0 USD/share non-GAAP"]),
        call("Acme", "FY2021-Q2", &["eps total FY2021 guidance level 5.25..5.75 USD/share GAAP", "eps total FY2021 guidance level 7.6..8.0 USD/share"]),
    ]);
    assert_eq!(show(&c)[2..], ["FY2021 eps Guidance GAAP 5.25..5.75 @1 [1] Reaffirmed", "FY2021 eps Guidance 7.6..8 @1 [1] Raised"]);
    // A guide of no stated basis beside this call's non-GAAP one is not the earlier non-GAAP guide moved.
    let c = one(&[
        call("Acme", "FY2020-Q4", &["eps total FY2021 guidance level 5.8..6.5 USD/share non-GAAP"]),
        call("Acme", "FY2021-Q1", &["eps total FY2021 guidance level 5.6..6.3 USD/share", "eps total FY2021 guidance level 5.8..6.5 USD/share non-GAAP"]),
    ]);
    let revisions: Vec<Option<Revision>> = c.facts.iter().map(|f| f.revision).collect();
    assert_eq!(revisions, [None, None, Some(Reaffirmed)], "{:?}", show(&c));
}

#[test]
fn guides_pair_with_later_actuals() {
    // (guide, actual, verdict, distance, distance in %): a later call reports the actual.
    let cases: &[(&str, &str, Verdict, f64, Option<f64>)] = &[
        ("eps total FY2021 guidance level 5.60..6.30 USD/share", "eps total FY2021 actual level 6.49 USD/share", Verdict::Beat, 0.54, Some(9.075)),
        ("eps total FY2021 guidance level 5.60..6.30 USD/share", "eps total FY2021 actual level 6.30 USD/share", Verdict::InRange, 0.35, Some(5.882)),
        ("eps total FY2021 guidance level 5.60..6.30 USD/share", "eps total FY2021 actual level 5.50 USD/share", Verdict::Miss, -0.45, Some(-7.563)),
        // A range's ends are limits: a tenth above "$33 to $35 million" is a beat.
        ("revenue total FY2021-Q4 guidance level 33e6..35e6 USD", "revenue total FY2021-Q4 actual level 35.1e6 USD", Verdict::Beat, 1.1e6, Some(3.235)),
        // A single figure: within rounding is in range.
        ("revenue total FY2021-Q2 guidance level 600e6 USD", "revenue total FY2021-Q2 actual level 600.4e6 USD", Verdict::InRange, 0.4e6, Some(0.0667)),
        ("revenue total FY2021-Q2 guidance level 600e6 USD", "revenue total FY2021-Q2 actual level 611.5e6 USD", Verdict::Beat, 11.5e6, Some(1.917)),
        // A cost below its guide is the beat.
        ("capex total FY2021 guidance level 55e6..60e6 USD", "capex total FY2021 actual level 50e6 USD", Verdict::Beat, -7.5e6, Some(-13.04)),
        // A growth rate: the distance in points, no percent of a percent.
        ("revenue total FY2021 guidance yoy 5..8 %", "revenue total FY2021 actual yoy 10 %", Verdict::Beat, 3.5, None),
    ];
    for (guide, actual, verdict, distance, pct) in cases {
        let c = one(&[call("Acme", "FY2021-Q1", &[guide]), call("Acme", "FY2021-Q4", &[actual])]);
        let [p] = &c.pairs[..] else { panic!("{guide} / {actual}: {:?}", c.pairs) };
        assert_eq!(c.facts[p.guide].fact.kind, Kind::Guidance);
        assert_eq!(p.verdict, *verdict, "{guide} / {actual}");
        assert!((p.distance - distance).abs() < 1e-6 * distance.abs().max(1.0), "{guide} / {actual}: {}", p.distance);
        match (p.distance_pct, pct) {
            (Some(got), Some(want)) => assert!((got - want).abs() < 0.01, "{guide} / {actual}: {got}"),
            (got, want) => assert_eq!(got, *want),
        }
    }
    // Only a later call's actual pairs; the guide's own basis first, then none, then GAAP.
    let c = one(&[
        call("Acme", "FY2021-Q4", &["eps total FY2021-Q4 actual level 1.50 USD/share GAAP"]),
        call(
            "Acme",
            "FY2021-Q3",
            &["eps total FY2021-Q4 guidance level 1.40..1.45 USD/share non-GAAP", "eps total FY2021-Q3 actual level 1.2 USD/share GAAP"],
        ),
        call("Acme", "FY2021-Q2", &["eps total FY2021-Q3 guidance level 1.1..1.3 USD/share"]),
        call("Acme", "FY2022-Q1", &["eps total FY2021-Q4 actual level 1.55 USD/share non-GAAP"]),
    ]);
    let pairs: Vec<String> = c
        .pairs
        .iter()
        .map(|p| format!("{} → {} {:?}", show(&c)[p.guide], show(&c)[p.actual], p.verdict))
        .collect();
    assert_eq!(
        pairs,
        [
            "FY2021-Q3 eps Guidance 1.1..1.3 @2 [2] → FY2021-Q3 eps Actual GAAP 1.2 @1 [1] InRange",
            "FY2021-Q4 eps Guidance non-GAAP 1.4..1.45 @1 [1] → FY2021-Q4 eps Actual non-GAAP 1.55 @3 [3] Beat",
        ]
    );
    // An amount far off its guide is another figure bound to the metric, not its actual.
    let c = one(&[
        call("Acme", "FY2020-Q3", &["revenue total FY2020 guidance level 2.42e9..2.47e9 USD"]),
        call("Acme", "FY2021-Q1", &["revenue total FY2020 actual level 21.2e6 USD"]),
    ]);
    assert!(c.pairs.is_empty(), "{:?}", c.pairs);
    // A call before the period's end reports no actual of it: the year's actual is the Q4 call's.
    let c = one(&[
        call("Acme", "FY2020-Q4", &["revenue total FY2021 guidance yoy -2..0 %"]),
        call("Acme", "FY2021-Q1", &["revenue total FY2021 actual yoy -0.6 %"]),
        call("Acme", "FY2021-Q4", &["revenue total FY2021 actual yoy 1.4 %"]),
    ]);
    let [p] = &c.pairs[..] else { panic!("{:?}", c.pairs) };
    assert_eq!((c.facts[p.actual].call, p.verdict), (2, Verdict::Beat));
    // No later call, no pair.
    let c = one(&[call("Acme", "FY2021-Q4", &["eps total FY2021-Q4 actual level 1.50 USD/share", "eps total FY2021-Q4 guidance level 1.4 USD/share"])]);
    assert!(c.pairs.is_empty(), "{:?}", c.pairs);
}

#[test]
fn calls_go_together_by_company() {
    let names = |names: &[&str]| -> Vec<Vec<usize>> {
        let calls: Vec<Facts> = names.iter().map(|n| call(n, "FY2021-Q1", &[])).collect();
        companies(&calls.iter().collect::<Vec<_>>())
    };
    assert_eq!(names(&["Fastenal Company", "Fastenal", "FASTENAL CO."]), [vec![0, 1, 2]]);
    // Part of the name, one letter off, a job title for a name (unknown: joins the only company).
    assert_eq!(names(&["FTI Consulting", "Consulting", "Rollins"]), [vec![0, 1], vec![2]]);
    assert_eq!(names(&["Rollins Incorporated", "Rollings Inc", "Executive Vice President", ""]), [vec![0, 1, 2, 3]]);
    assert_eq!(names(&["Graco", "Donaldson"]), [vec![0], vec![1]]);
    // No name at all anywhere: one company.
    assert_eq!(names(&["", ""]), [vec![0, 1]]);
    // Unknown among two companies: it joins the one whose figures it states, else stands alone.
    let a = call("Alpha", "FY2021-Q1", &["revenue total FY2021-Q1 actual level 10.2e6 USD", "eps total FY2021-Q1 actual level 0.31 USD/share"]);
    let b = call("Beta", "FY2021-Q1", &["revenue total FY2021-Q1 actual level 55e6 USD"]);
    let later = call("", "FY2021-Q2", &["revenue total FY2021-Q1 actual level 10.2e6 USD", "eps total FY2021-Q1 actual level 0.31 USD/share"]);
    let stranger = call("", "FY2021-Q2", &["revenue total FY2021-Q1 actual level 1e6 USD"]);
    assert_eq!(companies(&[&a, &b, &later, &stranger]), [vec![0, 2], vec![1], vec![3]]);
    // A name one call alone gives ("Henry": a tribute to a retiring CFO) yields to the figures;
    // and an unknown call that shares figures with such a call follows it.
    let henry = call("Henry", "FY2021-Q3", &["revenue total FY2021-Q1 actual level 10.2e6 USD", "eps total FY2021-Q1 actual level 0.31 USD/share"]);
    let unknown = call("", "FY2021-Q4", &["revenue total FY2021-Q3 actual level 12e6 USD", "eps total FY2021-Q3 actual level 0.4 USD/share"]);
    let q3 = call("Beta", "FY2021-Q3", &["revenue total FY2021-Q3 actual level 12e6 USD", "eps total FY2021-Q3 actual level 0.4 USD/share"]);
    assert_eq!(companies(&[&unknown, &a, &henry, &b, &later]), [vec![0], vec![1, 2, 4], vec![3]]);
    assert_eq!(companies(&[&unknown, &a, &henry, &b, &q3]), [vec![0, 3, 4], vec![1, 2]]);
    let s = merge(&[("a", &a), ("b", &b), ("later", &later), ("stranger", &stranger)]);
    let named: Vec<&str> = s.companies.iter().map(|c| c.company.as_str()).collect();
    assert_eq!(named, ["Alpha", "Beta", ""]);
}

#[test]
fn notes_follow_their_facts_into_the_series() {
    let mut a = call("Acme", "FY2021-Q2", &["revenue total FY2021-Q2 actual level 5e6 USD", "revenue total FY2021-Q1 actual level 4e6 USD"]);
    a.notes.push(Note { kind: "check".into(), subject: vec![0, 1], message: "m".into(), ok: Some(false), period: None });
    let mut b = call("Acme", "FY2021-Q1", &["revenue total FY2021-Q1 derived level 4.01e6 USD"]);
    b.notes.push(Note { kind: "check".into(), subject: vec![0], message: "n".into(), ok: Some(true), period: None });
    let c = one(&[a, b]);
    assert_eq!(show(&c), ["FY2021-Q1 revenue Actual 4000000 @0 [1, 0]", "FY2021-Q2 revenue Actual 5000000 @0 [0]"]);
    let subjects: Vec<(usize, Vec<usize>)> = c.notes.iter().map(|n| (n.call, n.note.subject.clone())).collect();
    // The derived fact merged into the reported one: its note names that figure.
    assert_eq!(subjects, [(1, vec![0]), (0, vec![1, 0])]);
}

#[test]
fn the_json_is_facts_at_one_plus_calls() {
    let a = call("Acme", "FY2021-Q1", &["eps total FY2021 guidance level 5.60..6.30 USD/share GAAP"]);
    let b = call("Acme Inc.", "FY2021-Q4", &["eps total FY2021 actual level 6.49 USD/share GAAP"]);
    let json = serde_json::to_value(merge(&[("a.txt", &a), ("b.txt", &b)])).unwrap();
    assert_eq!(json["schema"], SCHEMA);
    assert_eq!(json["calls"][1], serde_json::json!({"name": "b.txt", "company": "Acme Inc.", "call": "FY2021-Q4", "facts": 1}));
    let company = &json["companies"][0];
    assert_eq!(company["company"], "Acme Inc.");
    assert_eq!(company["calls"], serde_json::json!([0, 1]));
    let fact = &company["facts"][1];
    assert_eq!((&fact["metric"], &fact["period"], &fact["kind"], &fact["basis"]), (&"eps".into(), &"FY2021".into(), &"guidance".into(), &"GAAP".into()));
    assert_eq!((&fact["call"], &fact["calls"], &fact["low"]), (&0.into(), &serde_json::json!([0]), &5.6.into()));
    assert_eq!(company["pairs"][0]["verdict"], "beat");
    // Every fact is a facts@1 fact: it reads back as one.
    let back: Fact = serde_json::from_value(fact.clone()).unwrap();
    assert_eq!(back, a.facts[0]);
}
/// A call's `withdrawn` note withdraws the guide of its period that stood then (the latest
/// one before it), but not a figure it guides again itself, nor a guide given after it.
#[test]
fn a_withdrawal_marks_the_guide_it_withdrew() {
    let mut w = call("Acme", "FY2020-Q1", &["revenue total FY2020-Q1 actual level 5e6 USD", "capex total FY2020 guidance level 0.8e6 USD"]);
    w.notes.push(Note { kind: "withdrawn".into(), subject: Vec::new(), message: "Guidance for FY2020 was withdrawn".into(), ok: None, period: "FY2020".parse().ok() });
    let c = one(&[
        call("Acme", "FY2019-Q3", &["eps total FY2020 guidance level 5.0..5.4 USD/share"]),
        call("Acme", "FY2019-Q4", &["eps total FY2020 guidance level 5.2..5.6 USD/share", "revenue total FY2020 guidance level 20e6..22e6 USD", "capex total FY2020 guidance level 1.2e6 USD", "eps total FY2020-Q1 guidance level 1.0..1.1 USD/share"]),
        w,
        call("Acme", "FY2020-Q3", &["eps total FY2020 guidance level 4.0..4.4 USD/share"]),
        call("Acme", "FY2020-Q4", &["eps total FY2020 actual level 4.5 USD/share"]),
    ]);
    let guides: Vec<String> = c
        .facts
        .iter()
        .filter(|f| f.fact.kind == Kind::Guidance)
        .map(|f| format!("{} {} @{} {}", f.fact.period, f.fact.metric, f.call, f.revision.map_or("-".into(), |r| format!("{r:?}"))))
        .collect();
    assert_eq!(
        guides,
        [
            "FY2020-Q1 eps @1 -",
            "FY2020 capex @1 -",
            "FY2020 capex @2 Lowered",
            "FY2020 eps @0 -",
            "FY2020 eps @1 Withdrawn",
            "FY2020 eps @3 Lowered",
            "FY2020 revenue @1 Withdrawn",
        ],
        "{:#?}",
        show(&c)
    );
    // The withdrawn guide still meets its actual, and the JSON says "withdrawn".
    assert!(c.pairs.iter().any(|p| c.facts[p.guide].revision == Some(Revision::Withdrawn)));
    assert!(serde_json::to_string(&c).unwrap().contains("\"revision\":\"withdrawn\""));
}
