//! The share-link decoder (`share::decode`, `#v2=…` and older `#v1=…`
//! fragments from any address bar): refuses with an error, never panics; what it accepts
//! encodes again.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = callchart::share::base64url_decode(&text);
    if let Ok((facts, state)) = callchart::share::decode(&text) {
        let _ = callchart::share::encode(&facts, &state);
    }
    // Valid base64url around arbitrary bytes reaches the binary decoder, of
    // either format.
    for version in [1, 2] {
        let fragment = format!("v{version}={}", callchart::share::base64url_encode(data));
        if let Ok((facts, state)) = callchart::share::decode(&fragment) {
            let _ = callchart::share::encode(&facts, &state);
        }
    }
});
