//! Every engine object written by hand is what serde's derive writes.

use super::super::tests::same;
use crate::analysis::Analysis;
use crate::facts::{Facts, Note, Period};
use crate::series::{Pair, Revision, SeriesFact, SeriesNote, Verdict};
use crate::trend::Trend;

fn sample() -> Analysis {
    let text = std::fs::read_to_string(format!("{}/www/sample/credo-q4-fy2023.txt", env!("CARGO_MANIFEST_DIR"))).expect("sample");
    Analysis::of_text(&text)
}

#[test]
fn explanations_headlines_and_views_are_serdes() {
    let a = sample();
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhTw] {
        same(&a.explain_in(lang));
        same(&a.headline_in(lang));
    }
    let view = a.view().expect("a view");
    assert!(view.sentences.iter().any(|s| s.runs.iter().any(|r| !r.facts.is_empty())), "runs with facts");
    same(view);
    let linked = Analysis::of_facts(a.facts().clone());
    same(&linked.explain_in(crate::i18n::Lang::En));
    same(&linked.headline_in(crate::i18n::Lang::En));
}

#[test]
fn series_are_serdes() {
    let mut t = Trend::new();
    t.add("credo.txt", sample());
    let mut f: Facts = t.facts().expect("facts").clone();
    f.call = Some(Period::LongTerm);
    t.add("second.txt", Analysis::of_facts(f));
    same(&t.calls());
    same(&t.companies());
    let mut s = t.series().expect("a series").clone();
    same(&s);
    let c = &mut s.companies[0];
    let fact = c.facts[0].fact.clone();
    c.facts.push(SeriesFact { fact: fact.clone(), call: 1, calls: vec![0, 1], revision: Some(Revision::Raised) });
    for (i, r) in [Revision::Lowered, Revision::Reaffirmed, Revision::Withdrawn].into_iter().enumerate() {
        c.facts.push(SeriesFact { fact: fact.clone(), call: i, calls: vec![], revision: Some(r) });
    }
    for (i, v) in [Verdict::Beat, Verdict::InRange, Verdict::Miss].into_iter().enumerate() {
        c.pairs.push(Pair { guide: i, actual: i + 1, verdict: v, distance: -1.25e-3, distance_pct: (i > 0).then_some(0.1 + 0.2) });
    }
    c.notes.push(SeriesNote { call: 1, note: Note { kind: "k".into(), subject: vec![2, 0], message: "m \"q\"".into(), ok: Some(true), period: None } });
    same(&s);
    s.companies[0].notes.clear();
    same(&s);
    for lang in [crate::i18n::Lang::En, crate::i18n::Lang::ZhTw] {
        same(&t.explain(lang).expect("explained"));
    }
}
