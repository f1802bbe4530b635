//! The transcript view of every dev transcript in `../shared/data/dev/` and the
//! page's sample: each figure the extractor read is marked in its sentence
//! with exactly the text at its source position, and every fact with a
//! source line has a sentence the page can scroll to.

use std::path::PathBuf;

use callchart::view::view;

fn transcripts() -> Vec<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("../shared/data/dev");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dev)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data must sit beside the repository as ../shared)", dev.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with(".summary.txt"))
        .collect();
    v.sort();
    v.insert(0, root.join("www/sample/credo-q4-fy2023.txt"));
    v
}

#[test]
fn every_figure_is_marked_in_its_sentence() {
    for path in transcripts() {
        let text = std::fs::read_to_string(&path).expect("transcript");
        let facts = callchart::analyze(&text);
        let v = view(&text, &facts);
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        let lines: Vec<&str> = text.split('\n').map(|l| l.trim_end_matches('\r')).collect();
        assert!(!v.sentences.is_empty(), "{name}: no sentences");
        let mut marked_facts = 0;
        for (i, f) in facts.facts.iter().enumerate() {
            if f.source.line == 0 {
                continue;
            }
            let sid = v.fact_sentence[i].unwrap_or_else(|| panic!("{name}: fact {i} has no sentence: {f:?}"));
            let (Some(s), Some(e)) = (f.source.start, f.source.end) else { continue };
            let want: String = lines[f.source.line - 1].chars().skip(s).take(e - s).collect();
            let got: Vec<&str> = v.sentences[sid].runs.iter().filter(|r| r.facts.contains(&i)).map(|r| r.text.as_str()).collect();
            assert_eq!(got.concat(), want, "{name}: fact {i} ({} {} {}) line {}", f.metric, f.segment, f.period, f.source.line);
            marked_facts += 1;
        }
        assert!(marked_facts * 10 >= facts.facts.len() * 8, "{name}: only {marked_facts} of {} facts marked", facts.facts.len());
        // Speakers with titles, and the Q&A apart from the prepared remarks.
        if facts.transcript.as_ref().is_some_and(|t| t.qa_line.is_some()) {
            assert!(v.turns.iter().any(|t| t.section == "qa"), "{name}: no Q&A turns");
        }
    }
}

#[test]
fn sample_view_has_speakers_titles_and_sections() {
    let path = &transcripts()[0];
    let text = std::fs::read_to_string(path).expect("sample");
    let facts = callchart::analyze(&text);
    let v = view(&text, &facts);
    let cfo = v.speakers.iter().find(|s| s.name == "Daniel Fleming").expect("CFO");
    assert_eq!(cfo.title.as_deref(), Some("CFO"));
    assert_eq!(v.speakers.iter().filter(|s| s.role == "operator").count(), 1);
    let first_qa = v.turns.iter().position(|t| t.section == "qa").expect("Q&A");
    assert!(v.turns[..first_qa].iter().all(|t| t.section == "prepared"));
    assert!(v.turns[first_qa..].iter().all(|t| t.section == "qa"));
    assert_eq!(v.qa_line, Some(110));
}
