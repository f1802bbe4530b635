//! The whole transcript pipeline as the page runs it (`Analysis::of_text`:
//! one parse, the facts, the checks and the transcript view; then explain,
//! a link and the worker's bytes) on any text: it must never panic,
//! whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let analysis = callchart::analysis::Analysis::of_text(&text);
    let _ = analysis.explain();
    // The facts must serialise (the CLI and the page both do it) and cross
    // from the worker to the page whole.
    let _ = analysis.share_link(&Default::default());
    let facts = analysis.facts();
    assert!(callchart::wire::from_bytes(&callchart::wire::to_bytes(facts)).is_some_and(|back| back.facts.len() == facts.facts.len()));
});
