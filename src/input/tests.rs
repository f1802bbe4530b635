use super::*;

const SAMPLE: &str = include_str!("../../www/sample/credo-q4-fy2023.txt");

fn ok(bytes: &[u8]) -> Decoded {
    let d = decode(bytes).unwrap_or_else(|e| panic!("expected text, got {e}"));
    assert_eq!(decode_owned(bytes.to_vec()), Ok(d.clone()), "decode_owned differs");
    d
}

/// (metric, segment, period, value) of every fact, for comparing runs.
fn figures(text: &str) -> Vec<String> {
    crate::analyze(text)
        .facts
        .iter()
        .map(|f| format!("{} {} {} {:?} {:?} {:?}", f.metric, f.segment, f.period, f.value, f.low, f.high))
        .collect()
}

#[test]
fn empty_and_blank_are_refused() {
    assert_eq!(decode(b""), Err(InputError::Empty));
    assert_eq!(decode(b"  \n\t\r\n  "), Err(InputError::Blank));
    assert_eq!(decode_text(""), Err(InputError::Empty));
    assert_eq!(decode_text("\n\n   \n"), Err(InputError::Blank));
    assert_eq!(decode(b"<html><body> <p> </p></body></html>"), Err(InputError::Blank));
    assert_eq!(InputError::Blank.code(), "blank");
    assert!(InputError::Empty.to_string().contains("empty"));
}

#[test]
fn binary_files_are_named_by_their_magic_bytes() {
    let cases: &[(&[u8], Binary, &str)] = &[
        (b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", Binary::Pdf, "PDF"),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", Binary::Png, "PNG"),
        (b"\xFF\xD8\xFF\xE0\0\x10JFIF", Binary::Jpeg, "JPEG"),
        (b"GIF89a\x01\0\x01\0", Binary::Gif, "GIF"),
        (b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml", Binary::Zip, "ZIP"),
        (b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml....PK\x03\x04word/document.xml", Binary::Docx, "Word"),
        (b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/vnd.oasis.opendocument.text", Binary::OpenDocument, "OpenDocument"),
        (b"PK\x03\x04\x14\0\0\0\0\0mimetypeapplication/epub+zip", Binary::Epub, "EPUB"),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", Binary::Ole2, "legacy Office"),
        (b"\x1F\x8B\x08\0\0\0\0\0", Binary::Gzip, "gzip"),
        (b"\x7FELF\x02\x01\x01", Binary::Executable, "program"),
        (b"ID3\x04\0\0\0\0\0", Binary::Media, "audio"),
        (b"\0\0\0\x20ftypisom", Binary::Media, "video"),
    ];
    for (bytes, kind, word) in cases {
        let err = decode(bytes).unwrap_err();
        assert_eq!(err, InputError::Binary(*kind), "{word}");
        let msg = err.to_string();
        assert!(msg.contains(word), "{msg:?} should name {word}");
        assert!(msg.contains("not text"), "{msg:?}");
        assert!(err.code().starts_with("binary:"));
    }
    // No magic, but NULs and control bytes throughout.
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
    assert_eq!(decode(&junk), Err(InputError::UnknownBinary));
}

#[test]
fn utf8_with_and_without_bom() {
    let d = ok("Revenue was €5 million.\n".as_bytes());
    assert_eq!((d.encoding, d.format, d.warnings.len()), (Encoding::Utf8, Format::Text, 0));
    let d = ok("\u{FEFF}Revenue was €5 million.\n".as_bytes());
    assert_eq!(d.text, "Revenue was €5 million.\n");
    assert!(d.warnings.is_empty());
    assert_eq!(decode_text("\u{FEFF}Hello").unwrap().text, "Hello");
}

#[test]
fn utf16_with_bom_is_decoded_and_charts_the_same() {
    for be in [false, true] {
        let mut bytes = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for u in SAMPLE.encode_utf16() {
            bytes.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let d = ok(&bytes);
        assert_eq!(d.encoding, if be { Encoding::Utf16Be } else { Encoding::Utf16Le });
        assert_eq!(d.text, SAMPLE);
        assert_eq!(d.warnings, vec![Warning::Utf16 { bom: true, invalid: 0 }]);
    }
}

#[test]
fn utf16_without_bom_is_recognised() {
    let bytes: Vec<u8> = "Operator\nRevenue was $12.5 million in Q4 2023.\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let d = ok(&bytes);
    assert_eq!(d.encoding, Encoding::Utf16Le);
    assert!(d.text.starts_with("Operator\nRevenue"));
    assert_eq!(d.warnings, vec![Warning::Utf16 { bom: false, invalid: 0 }]);
    // A lone surrogate and an odd trailing byte are replaced, not a panic.
    let d = ok(&[0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0, 7]);
    assert_eq!(d.text, "A\u{FFFD}B\u{FFFD}");
    assert_eq!(d.warnings, vec![Warning::Utf16 { bom: true, invalid: 2 }]);
}

#[test]
fn latin1_is_read_as_windows_1252_with_a_warning() {
    let d = ok(b"Caf\xE9 revenue rose 5% \x96 a \x93record\x94 quarter, \x80 2 million.\n");
    assert_eq!(d.encoding, Encoding::Windows1252);
    assert_eq!(d.text, "Café revenue rose 5% – a “record” quarter, € 2 million.\n");
    assert_eq!(d.warnings, vec![Warning::Latin1]);
    assert!(d.warnings[0].to_string().contains("Latin-1"));
}

#[test]
fn broken_utf8_is_decoded_lossily_with_a_warning() {
    let d = ok("Revenue — up 5%. ".as_bytes().iter().chain(b"\xFF\xFE bad\n").copied().collect::<Vec<_>>().as_slice());
    assert_eq!(d.encoding, Encoding::Utf8Lossy);
    assert!(d.text.contains("Revenue — up 5%. \u{FFFD}\u{FFFD} bad"));
    assert_eq!(d.warnings, vec![Warning::LossyUtf8 { invalid: 2 }]);
    assert!(d.warnings[0].to_string().contains("2 bytes"));
}

#[test]
fn stray_nuls_and_old_mac_line_ends() {
    let d = ok(b"Operator\rRevenue was $5 million.\0\r\nBye\r");
    assert_eq!(d.text, "Operator\nRevenue was $5 million.\r\nBye\n");
    assert_eq!(d.warnings, vec![Warning::NulBytes { count: 1 }]);
}

fn as_html(text: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('’', "&rsquo;").replace('$', "&#36;");
    let mut html = String::from("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Call</title>\n<style>p { color: red; } /* 99% */</style>\n<script>var revenue = '$999 million';</script></head>\n<body><div class=\"article\">\n");
    for para in text.split("\n\n") {
        html.push_str("<p>");
        html.push_str(&para.lines().map(esc).collect::<Vec<_>>().join("<br>\n  "));
        html.push_str("</p>\n<!-- ad: revenue of $1 billion -->\n");
    }
    html.push_str("</div></body></html>\n");
    html
}

#[test]
fn html_source_gives_its_text_and_the_same_figures() {
    let html = as_html(SAMPLE);
    let d = ok(html.as_bytes());
    assert_eq!(d.format, Format::Html);
    assert_eq!(d.warnings, vec![Warning::Html]);
    assert!(!d.text.contains('<'), "tags left: {}", &d.text[..200]);
    assert!(!d.text.contains("999"), "script text kept");
    assert!(!d.text.contains("color: red"), "style text kept");
    assert!(!d.text.contains("$1 billion"), "comment kept");
    assert_eq!(figures(&d.text), figures(SAMPLE));
    // The page's box goes the same way.
    assert_eq!(decode_text(&html).unwrap().text, d.text);
}

#[test]
fn html_details() {
    let d = ok(b"<p>Revenue&nbsp;was &#36;5&nbsp;million &amp; margin 60&#37;.</p><p>Q&amp;A <b>starts</b>\n\n   now &unknown; &#x2019;</p><table><tr><td>a</td><td>b</td></tr></table><pre>x\n  y</pre>");
    assert_eq!(d.text, "Revenue was $5 million & margin 60%.\n\nQ&A starts now &unknown; \u{2019}\n\na b\n\nx\n  y\n");
    // A transcript that merely mentions tags is not HTML.
    let d = ok(b"Operator\nWe shipped <5% of units to China.\n");
    assert_eq!(d.format, Format::Text);
    // Unterminated constructs end the text instead of looping or panicking.
    for s in ["<p>a<!-- b", "<p>a<script>b", "<p>a<b c=\"d>e", "<html><p>x<", "<html>&#xFFFFFFFF; &#0; &#150;"] {
        let _ = decode(s.as_bytes());
    }
    assert_eq!(ok(b"<html>&#150; &#xFFFFFF;").text, "\u{2013} \u{FFFD}\n");
}

fn as_rtf(text: &str) -> String {
    let mut rtf = String::from("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}{\\colortbl;\\red255\\green0\\blue0;}\n{\\*\\generator Writer 1.0 revenue $9 billion;}{\\info{\\title Revenue 99%}}\\uc1\\pard\\f0\\fs24 ");
    for line in text.lines() {
        for c in line.chars() {
            match c {
                '\\' | '{' | '}' => {
                    rtf.push('\\');
                    rtf.push(c);
                }
                c if c.is_ascii() => rtf.push(c),
                '’' => rtf.push_str("\\'92"),
                c => {
                    let mut buf = [0u16; 2];
                    for u in c.encode_utf16(&mut buf) {
                        rtf.push_str(&format!("\\u{}?", *u as i16));
                    }
                }
            }
        }
        rtf.push_str("\\par\n");
    }
    rtf.push('}');
    rtf
}

#[test]
fn rtf_gives_its_text_and_the_same_figures() {
    let rtf = as_rtf(SAMPLE);
    let d = ok(rtf.as_bytes());
    assert_eq!(d.format, Format::Rtf);
    assert_eq!(d.warnings, vec![Warning::Rtf]);
    let want: String = SAMPLE.lines().map(|l| format!("{}\n", l.trim_end())).collect();
    if d.text != want {
        let (a, b): (Vec<_>, Vec<_>) = (d.text.lines().collect(), want.lines().collect());
        let i = (0..a.len().min(b.len())).find(|&i| a[i] != b[i]).unwrap_or(a.len().min(b.len()));
        panic!("RTF text differs at line {}: {:?} vs {:?}", i + 1, a.get(i), b.get(i));
    }
    assert_eq!(figures(&d.text), figures(SAMPLE));
    let d = ok(b"{\\rtf1{\\*\\unknown x}A\\tab B\\line C\\'e9\\u8364?\\~D\\emdash{\\b bold}\\bin3 xyzE}");
    assert_eq!(d.text, "A\tB\nC\u{e9}\u{20ac} D\u{2014}boldE\n");
    // Truncated documents end quietly.
    for s in ["{\\rtf1 A\\", "{\\rtf1 A\\'4", "{\\rtf1 {{{{", "{\\rtf1 }}}} x", "{\\rtf1 \\u-99999999999 \\bin99999999999 x"] {
        let _ = decode(s.as_bytes());
    }
}

#[test]
fn one_five_megabyte_line_is_read_with_a_warning() {
    let para: String = SAMPLE.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut line = String::new();
    while line.len() < 5_000_000 {
        line.push_str(&para);
        line.push(' ');
    }
    let d = ok(line.as_bytes());
    assert!(matches!(d.warnings.as_slice(), [Warning::LongLine { bytes }] if *bytes >= 5_000_000));
    assert!(d.warnings[0].to_string().contains(" MB long"), "{}", d.warnings[0]);
    // The extractor reads it (one speech) without failing.
    let facts = crate::analyze(&d.text);
    assert!(facts.transcript.is_some());
}

#[test]
fn every_prefix_of_tricky_inputs_decodes_without_panicking() {
    let head: String = SAMPLE.chars().take(1500).collect();
    let html = as_html(&head);
    let rtf = as_rtf(&head);
    let mut utf16: Vec<u8> = vec![0xFF, 0xFE];
    utf16.extend(head.chars().take(300).collect::<String>().encode_utf16().flat_map(u16::to_le_bytes));
    for input in [html.as_bytes(), rtf.as_bytes(), &utf16, "é€—\u{1F600}".as_bytes()] {
        for end in 0..input.len().min(4000) {
            let _ = decode(&input[..end]);
        }
    }
}
