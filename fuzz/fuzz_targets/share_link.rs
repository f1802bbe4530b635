//! The share-link decoders (`share::decode`, `#v2=…` and older `#v1=…`
//! fragments from any address bar; `share::series::decode`, `#v4=…` and older `#v3=…`
//! series links): refuse with an error, never panic; what they accept encodes again
//! (and a series merges).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = callchart::share::base64url_decode(&text);
    if let Ok((facts, state)) = callchart::share::decode(&text) {
        let _ = callchart::share::encode(&facts, &state);
    }
    if let Ok((trend, shown, state)) = callchart::trend::Trend::of_link(&text) {
        let _ = trend.share_link(shown, &state);
    }
    // Valid base64url around arbitrary bytes reaches the binary decoder, of
    // either format.
    for version in [1, 2] {
        let fragment = format!("v{version}={}", callchart::share::base64url_encode(data));
        if let Ok((facts, state)) = callchart::share::decode(&fragment) {
            let _ = callchart::share::encode(&facts, &state);
        }
    }
    for version in [3, 4] {
        let fragment = format!("v{version}={}", callchart::share::base64url_encode(data));
        if let Ok((trend, shown, state)) = callchart::trend::Trend::of_link(&fragment) {
            let _ = trend.share_link(shown, &state);
        }
    }
});
