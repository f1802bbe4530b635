//! Input bytes to text (`input::decode`): magic bytes, UTF-16, Latin-1,
//! lossy UTF-8, HTML and RTF. Never a panic; `decode_owned` agrees.
#![no_main]
use callchart::input;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let a = input::decode(data);
    let b = input::decode_owned(data.to_vec());
    assert_eq!(a, b, "decode and decode_owned differ");
    if let Ok(d) = a {
        assert!(!d.text.trim().is_empty());
        let _ = input::decode_text(&d.text);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = input::html_to_text(text);
        let _ = input::rtf_to_text(text);
    }
});
