//! Notes name their facts by index (`Note::subject`), set where the notes are
//! made. These tests hold the indices to the facts they mean after the whole
//! pipeline (parse, extract, merge, derive, check) and after every hand-off
//! the facts make: the facts JSON, a share link, the worker's bytes.

use callchart::analysis::Analysis;
use callchart::facts::{Facts, Kind};
use callchart::share::{self, ShareState};

/// The facts a note is about, as `metric[segment] period kind`.
fn about(f: &Facts, subject: &[usize]) -> Vec<String> {
    subject
        .iter()
        .map(|&i| {
            let x = &f.facts[i];
            format!("{}[{}] {} {:?}", x.metric, x.segment, x.period, x.kind)
        })
        .collect()
}

fn sample() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/credo-q4-fy2023.txt");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (the shared data sits beside the repository)"))
}

#[test]
fn the_sample_notes_name_the_right_facts_after_the_whole_pipeline() {
    let facts = callchart::analyze(&sample());
    let got: Vec<(String, Vec<String>)> =
        facts.notes.iter().map(|n| (n.message.split(':').next().unwrap_or("").to_string(), about(&facts, &n.subject))).collect();
    let want = [
        ("revenue FY2023-Q4", vec!["revenue[total] FY2023-Q4 Actual", "revenue[it] FY2023-Q4 Actual", "revenue[product] FY2023-Q4 Actual"]),
        ("revenue it FY2023-Q4", vec!["revenue[it] FY2023-Q4 Actual"]),
        ("gross_margin FY2023-Q4", vec!["gross_margin[total] FY2023-Q4 Actual", "gross_margin[ip] FY2023-Q4 Actual", "gross_margin[product] FY2023-Q4 Actual"]),
        ("revenue FY2024-Q1 guidance midpoint 34.0M is +5.9% vs FY2023-Q4 (32.1M), stated +6%", vec!["revenue[total] FY2024-Q1 Guidance"]),
        ("translation lines agree with 28 of 28 English figures", vec![]),
    ];
    let want: Vec<(String, Vec<String>)> =
        want.into_iter().map(|(m, a)| (m.to_string(), a.into_iter().map(String::from).collect())).collect();
    assert_eq!(got, want);
    // The figures, not just their keys: the segments' check is about the very values it adds up.
    let sum = &facts.notes[0];
    let values: Vec<Option<f64>> = sum.subject.iter().map(|&i| facts.facts[i].value).collect();
    assert_eq!(values, [Some(32.1e6), Some(5.7e6), Some(26.4e6)], "{}", sum.message);

    // The failed check flags its figure, and only the figures of problem notes are flagged.
    let a = Analysis::of_text(&sample());
    assert_eq!(a.facts(), &facts);
    let flagged: Vec<String> =
        about(&facts, &(0..facts.facts.len()).filter(|&i| a.checks().flagged[i]).collect::<Vec<_>>());
    assert_eq!(flagged, ["revenue[it] FY2023-Q4 Actual"]);

    // Every hand-off keeps the facts' order, so the indices mean the same facts.
    let json: Facts = serde_json::from_str(&serde_json::to_string(&facts).expect("json")).expect("parse back");
    assert_eq!(json, facts);
    let bytes = callchart::wire::from_bytes(&callchart::wire::to_bytes(&facts)).expect("wire");
    assert_eq!(bytes.notes, facts.notes);
    let (link, _) = share::decode(&share::encode(&facts, &ShareState::default()).expect("link")).expect("opens");
    for (n, m) in link.notes.iter().zip(&facts.notes) {
        assert_eq!(about(&link, &n.subject), about(&facts, &m.subject), "{}", m.message);
    }
    assert_eq!(Analysis::new(link, None).checks().flagged, a.checks().flagged);
}

#[test]
fn every_subject_is_a_figure_its_message_names() {
    // The dev calls' notes: each fact a note is about has the metric and the
    // period the message says (the message is for people; this catches an
    // index that drifted onto another fact).
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/dev");
    let mut notes = 0;
    for e in std::fs::read_dir(dev).expect("the dev calls").flatten() {
        let p = e.path();
        if p.extension().is_none_or(|x| x != "txt") || p.to_string_lossy().ends_with(".summary.txt") {
            continue;
        }
        let facts = callchart::analyze(&std::fs::read_to_string(&p).expect("readable"));
        for n in &facts.notes {
            notes += n.subject.len();
            for &i in &n.subject {
                let x = &facts.facts[i];
                assert!(
                    n.message.contains(&x.metric) && n.message.contains(&x.period.to_string()),
                    "{}: {n:?} is about {x:?}",
                    p.display()
                );
                if n.kind == "conflict" {
                    assert!(x.conflict && n.message.ends_with(&format!("(line {})", x.source.line)), "{n:?}: {x:?}");
                }
                if n.message.contains(" guidance midpoint ") {
                    assert_eq!(x.kind, Kind::Guidance, "{n:?}");
                }
            }
        }
    }
    assert!(notes > 20, "only {notes} subjects in the dev calls");
}
