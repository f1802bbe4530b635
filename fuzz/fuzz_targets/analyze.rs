//! The whole transcript pipeline (`transcript::parse` + `extract`) on any
//! text: it must never panic, whatever the bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let facts = callchart::analyze(&text);
    // The facts must serialise (the CLI and the page both do it).
    let _ = callchart::share::encode(&facts, &Default::default());
});
