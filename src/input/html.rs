//! HTML source to its text (`html_to_text`: a byte scanner, no DOM) and
//! entity decoding, for [`super::decode`] and the page's pasted HTML.

use super::cp1252_byte;

/// Whether `text` looks like an HTML page or fragment (its first 2 KB).
pub(super) fn is_html(text: &str) -> bool {
    let head = head_chars(text, 2048).trim_start();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.starts_with("<head") || lower.starts_with("<body") {
        return true;
    }
    if !lower.starts_with('<') {
        return false;
    }
    // A fragment or a page behind comments / XML declarations: some known tags.
    let tags = ["<html", "<body", "<p>", "<p ", "<div", "<br", "<span", "<h1", "<h2", "<h3", "<table", "<li", "<strong", "<meta"];
    tags.iter().filter(|t| lower.contains(*t)).count() >= 2
}

fn head_chars(text: &str, n: usize) -> &str {
    let mut end = text.len().min(n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Elements whose start or end breaks the line.
const BLOCKS: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "tbody", "thead", "tfoot", "title", "tr", "ul",
];

/// Elements whose start or end makes a paragraph break (a blank line).
const PARAGRAPHS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "title", "section", "article", "hr", "table", "ul", "ol"];

/// Elements whose content is not text.
const SKIPPED: &[&str] = &["script", "style", "noscript", "template", "svg", "iframe", "object", "head-meta"];

/// The text of an HTML page: tags dropped (block elements break lines, table
/// cells are separated by a space), script/style content and comments
/// dropped, entities decoded, whitespace collapsed as a browser would.
pub fn html_to_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len() / 2);
    let mut pending_space = false;
    let mut pending_breaks = 0u8; // 1: line break, 2: paragraph break
    let mut pre = 0usize;
    let mut skip_until: Option<&'static str> = None;
    let b = src.as_bytes();
    let mut i = 0;
    let mut text_start = 0;

    let flush_text = |out: &mut String, text: &str, pending_space: &mut bool, pending_breaks: &mut u8, pre: bool| {
        let decoded = decode_entities(text);
        for c in decoded.chars() {
            if !pre && c.is_whitespace() && c != '\u{A0}' {
                *pending_space = true;
                continue;
            }
            if pre && c == '\n' {
                out.push('\n');
                *pending_space = false;
                continue;
            }
            if *pending_breaks > 0 {
                if !out.is_empty() {
                    // Trim trailing spaces of the line we close.
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push('\n');
                    if *pending_breaks > 1 {
                        out.push('\n');
                    }
                }
                *pending_breaks = 0;
                *pending_space = false;
            }
            if *pending_space && !out.is_empty() && !out.ends_with('\n') {
                out.push(' ');
            }
            *pending_space = false;
            out.push(if c == '\u{A0}' { ' ' } else { c });
        }
    };

    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        // Text before this '<'.
        if skip_until.is_none() && text_start < i {
            flush_text(&mut out, &src[text_start..i], &mut pending_space, &mut pending_breaks, pre > 0);
        }
        // Comment, doctype, CDATA, processing instruction.
        if b[i..].starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            text_start = i;
            continue;
        }
        if b.get(i + 1).is_some_and(|&c| c == b'!' || c == b'?') {
            i = find(b, i + 1, b">").map_or(b.len(), |e| e + 1);
            text_start = i;
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_start = i + 1 + closing as usize;
        let mut name_end = name_start;
        while name_end < b.len() && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
            name_end += 1;
        }
        if name_end == name_start {
            // A lone '<' (as in "a < b"): text.
            i += 1;
            continue;
        }
        let name = src[name_start..name_end].to_ascii_lowercase();
        let end = tag_end(b, name_end);
        if let Some(skip) = skip_until {
            if closing && name == skip {
                skip_until = None;
            }
            i = end;
            text_start = i;
            continue;
        }
        if !closing {
            if let Some(s) = SKIPPED.iter().find(|s| **s == name) {
                let self_closing = end >= 2 && b[end - 2] == b'/';
                if !self_closing {
                    skip_until = Some(s);
                }
            }
        }
        if name == "pre" {
            pre = if closing { pre.saturating_sub(1) } else { pre + 1 };
        }
        if PARAGRAPHS.contains(&name.as_str()) {
            pending_breaks = 2;
        } else if BLOCKS.contains(&name.as_str()) {
            pending_breaks = pending_breaks.max(1);
        } else if matches!(name.as_str(), "td" | "th") {
            pending_space = true;
        }
        i = end;
        text_start = i;
    }
    if skip_until.is_none() && text_start < b.len() {
        flush_text(&mut out, &src[text_start..], &mut pending_space, &mut pending_breaks, pre > 0);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out.push('\n');
    out
}

/// The byte after the `>` that ends the tag starting before `from`, skipping
/// quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut i = from;
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// Decodes `&amp;`, `&#8217;`, `&#x2019;` and the named entities that occur
/// in transcripts; anything else stays as written.
pub fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        // At most 32 bytes to the ';'.
        let semi = rest.as_bytes().iter().take(33).position(|&c| c == b';');
        let decoded = semi.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        // Numeric references to 0x80..0x9F mean Windows-1252, as browsers read them.
        return Some(match code {
            0 => '\u{FFFD}',
            0x80..=0x9F => cp1252_byte(code as u8),
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        });
    }
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "minus" => '−',
        "deg" => '°',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "percnt" => '%',
        "dollar" => '$',
        "shy" => '\u{AD}',
        "thinsp" | "ensp" | "emsp" => ' ',
        "zwj" | "zwnj" => '\u{200B}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        _ => return None,
    })
}

