//! Every note the engine writes is said in Chinese on the Chinese page: the
//! checks' arithmetic through `chart::note_zh`'s patterns, a conflict by its
//! subject. A message of a shape no pattern knows would be shown in English
//! inside the Chinese text; this test runs the whole engine over the shared
//! calls (the sample, the dev calls, every 10th corpus call) and fails on
//! the first such message, so a new message shape needs its Chinese first.

use callchart::chart::note_text;
use callchart::i18n::{with, Lang};

fn calls() -> Vec<std::path::PathBuf> {
    let data = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data"));
    let txt = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("{}: {e} (the shared data sits beside the repository)", dir.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with(".summary.txt"))
            .collect();
        v.sort();
        v
    };
    let mut all = txt(data);
    all.extend(txt(&data.join("dev")));
    all.extend(txt(&data.join("corpus")).into_iter().step_by(10));
    all
}

#[test]
fn no_note_is_left_in_english_on_the_chinese_page() {
    let mut notes = 0;
    let mut english = Vec::new();
    for path in calls() {
        let text = String::from_utf8_lossy(&std::fs::read(&path).expect("readable call")).into_owned();
        let facts = callchart::analyze(&text);
        for n in &facts.notes {
            notes += 1;
            let zh = with(Lang::ZhTw, || note_text(&facts, n));
            if zh.contains(&n.message) || !zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                english.push(format!("{}: {} -> {zh}", path.display(), n.message));
            }
        }
    }
    eprintln!("{notes} notes, each said in Chinese");
    assert!(notes > 50, "only {notes} notes: the shared calls are missing?");
    assert!(english.is_empty(), "notes left in English:\n{}", english.join("\n"));
}
