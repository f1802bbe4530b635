//! Input bytes to transcript text: what a file or a paste really is, decoded.
//!
//! Used by the CLI (file bytes) and the page (file bytes, or the text of the
//! box), so both give the same answer to the same input:
//!
//! - **refused** ([`InputError`]): nothing but whitespace, or a binary file
//!   recognised by its magic bytes (PDF, PNG, ZIP, Word, ...) or by its NUL
//!   bytes; the message says what it is and that text is needed;
//! - **decoded** ([`Decoded`]): UTF-8 (BOM or not), UTF-16 with a BOM (or
//!   plainly UTF-16 without one), Windows-1252/Latin-1 when the bytes are not
//!   UTF-8 and have no UTF-8 sequence at all, else lossy UTF-8; then an HTML
//!   page's source becomes its text (tags, scripts and styles dropped,
//!   entities decoded, blocks on their own lines) and RTF becomes its text.
//!   Every such step leaves a [`Warning`] for the reader.
//!
//! Everything here is linear in the input, allocates at most a few copies of
//! it, and never panics (fuzzed by `fuzz/fuzz_targets/decode.rs`).

use std::fmt;

/// What the page refuses above (see README, "Limits"): 64 MB. The CLI has no
/// limit; the page reads such a file no further and says why.
pub const PAGE_MAX_BYTES: usize = 64_000_000;

/// A line longer than this is worth a warning: transcripts are paragraphs.
const LONG_LINE: usize = 1024 * 1024;

/// How many bytes the sniffers look at (magic bytes, UTF-16, HTML, NULs).
const SNIFF: usize = 8192;

/// Text decoded from input bytes, ready for [`crate::analyze`].
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    /// The transcript text (plain text; HTML and RTF already converted).
    pub text: String,
    /// How the bytes were read.
    pub encoding: Encoding,
    /// What the text was before conversion.
    pub format: Format,
    /// What the reader should know (lossy decoding, converted markup, ...).
    pub warnings: Vec<Warning>,
}

/// The character encoding the input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a BOM, if any, is dropped).
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252 (a superset of Latin-1 / ISO-8859-1).
    Windows1252,
    /// Mostly UTF-8, with invalid sequences replaced by U+FFFD.
    Utf8Lossy,
}

impl Encoding {
    /// A short stable name ("utf-8", "utf-16le", ...).
    pub fn name(&self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1252 => "windows-1252",
            Encoding::Utf8Lossy => "utf-8-lossy",
        }
    }
}

/// The text format before conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page (or fragment) whose text was kept.
    Html,
    /// Rich Text Format whose text was kept.
    Rtf,
}

impl Format {
    /// A short stable name ("text", "html", "rtf").
    pub fn name(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Rtf => "rtf",
        }
    }
}

/// Something the reader should know about how the input was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Invalid UTF-8 sequences were replaced by U+FFFD.
    LossyUtf8 {
        /// How many bytes were not valid UTF-8.
        invalid: usize,
    },
    /// Not UTF-8; read as Windows-1252 (Latin-1).
    Latin1,
    /// UTF-16 text, decoded.
    Utf16 {
        /// Whether a byte-order mark said so (else the NUL pattern did).
        bom: bool,
        /// Unpaired surrogates replaced by U+FFFD.
        invalid: usize,
    },
    /// An HTML page's source: tags dropped, text kept.
    Html,
    /// An RTF document: control words dropped, text kept.
    Rtf,
    /// NUL bytes in otherwise text input were dropped.
    NulBytes {
        /// How many.
        count: usize,
    },
    /// A very long line: transcripts normally have one line per paragraph.
    LongLine {
        /// The longest line in bytes.
        bytes: usize,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::LossyUtf8 { invalid } => write!(
                f,
                "the text is not valid UTF-8: {invalid} byte{} could not be read and show as �",
                if *invalid == 1 { "" } else { "s" }
            ),
            Warning::Latin1 => f.write_str("the text is not UTF-8; it was read as Latin-1 (Windows-1252)"),
            Warning::Utf16 { bom, invalid } => {
                f.write_str(if *bom { "UTF-16 text, decoded" } else { "UTF-16 text (no byte-order mark), decoded" })?;
                if *invalid > 0 {
                    write!(f, "; {invalid} broken character{} show as �", if *invalid == 1 { "" } else { "s" })?;
                }
                Ok(())
            }
            Warning::Html => f.write_str("this is an HTML page's source: its text was read, tags removed"),
            Warning::Rtf => f.write_str("this is an RTF document: its text was read, formatting removed"),
            Warning::NulBytes { count } => write!(f, "{count} NUL byte{} removed", if *count == 1 { "" } else { "s" }),
            Warning::LongLine { bytes } => write!(
                f,
                "one line is {} long: speakers and paragraphs are told apart by line breaks, so few or no figures can be read without them",
                human_size(*bytes)
            ),
        }
    }
}

/// Why input cannot be read as a transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// No bytes at all.
    Empty,
    /// Only whitespace (or only markup with no text in it).
    Blank,
    /// A binary file of a known kind.
    Binary(Binary),
    /// Binary data of no kind recognised here (NUL and control bytes).
    UnknownBinary,
}

/// Binary formats recognised by their magic bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binary {
    /// `%PDF-`.
    Pdf,
    /// PNG image.
    Png,
    /// JPEG image.
    Jpeg,
    /// GIF image.
    Gif,
    /// WebP image.
    Webp,
    /// TIFF image.
    Tiff,
    /// BMP image.
    Bmp,
    /// Word document (.docx, a ZIP).
    Docx,
    /// Excel workbook (.xlsx, a ZIP).
    Xlsx,
    /// PowerPoint (.pptx, a ZIP).
    Pptx,
    /// OpenDocument (.odt/.ods/.odp, a ZIP).
    OpenDocument,
    /// EPUB e-book (a ZIP).
    Epub,
    /// Any other ZIP archive.
    Zip,
    /// Legacy Office document (.doc/.xls/.ppt: OLE2 compound file).
    Ole2,
    /// gzip.
    Gzip,
    /// bzip2.
    Bzip2,
    /// xz.
    Xz,
    /// 7-Zip.
    SevenZip,
    /// RAR.
    Rar,
    /// Audio or video (MP3, MP4/M4A, WAV, Ogg, FLAC, WebM).
    Media,
    /// A program (ELF, PE, Mach-O) or WebAssembly module.
    Executable,
    /// SQLite database.
    Sqlite,
}

impl Binary {
    /// What the reader would call it.
    pub fn describe(&self) -> &'static str {
        match self {
            Binary::Pdf => "a PDF document",
            Binary::Png => "a PNG image",
            Binary::Jpeg => "a JPEG image",
            Binary::Gif => "a GIF image",
            Binary::Webp => "a WebP image",
            Binary::Tiff => "a TIFF image",
            Binary::Bmp => "a BMP image",
            Binary::Docx => "a Word document (.docx)",
            Binary::Xlsx => "an Excel workbook (.xlsx)",
            Binary::Pptx => "a PowerPoint presentation (.pptx)",
            Binary::OpenDocument => "an OpenDocument file",
            Binary::Epub => "an EPUB e-book",
            Binary::Zip => "a ZIP archive",
            Binary::Ole2 => "a legacy Office document (.doc, .xls or .ppt)",
            Binary::Gzip => "a gzip-compressed file",
            Binary::Bzip2 => "a bzip2-compressed file",
            Binary::Xz => "an xz-compressed file",
            Binary::SevenZip => "a 7-Zip archive",
            Binary::Rar => "a RAR archive",
            Binary::Media => "an audio or video file",
            Binary::Executable => "a program, not a document",
            Binary::Sqlite => "an SQLite database",
        }
    }

    /// A short stable name ("pdf", "png", "zip", ...).
    pub fn name(&self) -> &'static str {
        match self {
            Binary::Pdf => "pdf",
            Binary::Png => "png",
            Binary::Jpeg => "jpeg",
            Binary::Gif => "gif",
            Binary::Webp => "webp",
            Binary::Tiff => "tiff",
            Binary::Bmp => "bmp",
            Binary::Docx => "docx",
            Binary::Xlsx => "xlsx",
            Binary::Pptx => "pptx",
            Binary::OpenDocument => "opendocument",
            Binary::Epub => "epub",
            Binary::Zip => "zip",
            Binary::Ole2 => "ole2",
            Binary::Gzip => "gzip",
            Binary::Bzip2 => "bzip2",
            Binary::Xz => "xz",
            Binary::SevenZip => "7z",
            Binary::Rar => "rar",
            Binary::Media => "media",
            Binary::Executable => "executable",
            Binary::Sqlite => "sqlite",
        }
    }

    /// What to do instead.
    fn advice(&self) -> &'static str {
        match self {
            Binary::Pdf => "copy the transcript's text out of the PDF, or save it as plain text (.txt)",
            Binary::Docx | Binary::OpenDocument | Binary::Ole2 | Binary::Epub => {
                "save it as plain text (.txt), or copy its text"
            }
            Binary::Png | Binary::Jpeg | Binary::Gif | Binary::Webp | Binary::Tiff | Binary::Bmp => {
                "callchart reads text, not pictures of text: use the transcript's text"
            }
            Binary::Zip | Binary::Gzip | Binary::Bzip2 | Binary::Xz | Binary::SevenZip | Binary::Rar => {
                "unpack it and open the transcript (.txt) inside"
            }
            Binary::Media => "callchart reads transcripts, not recordings: use the transcript's text",
            _ => "open the transcript as plain text (.txt) instead",
        }
    }
}

impl InputError {
    /// A short stable code ("empty", "blank", "binary:pdf", "binary").
    pub fn code(&self) -> String {
        match self {
            InputError::Empty => "empty".into(),
            InputError::Blank => "blank".into(),
            InputError::Binary(b) => format!("binary:{}", b.name()),
            InputError::UnknownBinary => "binary".into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("the input is empty: there is no transcript to read"),
            InputError::Blank => f.write_str("the input has no text, only whitespace or markup"),
            InputError::Binary(b) => write!(f, "this is {}, not text; {}", b.describe(), b.advice()),
            InputError::UnknownBinary => f.write_str(
                "this is a binary file, not text; open the transcript as plain text (.txt) instead",
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// "5.0 MB", "812 KB", "90 bytes".
pub fn human_size(n: usize) -> String {
    if n >= 1_000_000 {
        format!("{} MB", crate::decimal::fixed(n as f64 / 1e6, 1))
    } else if n >= 1_000 {
        format!("{} KB", n / 1_000)
    } else {
        format!("{n} bytes")
    }
}

/// Decodes input bytes (a file, standard input) to transcript text.
pub fn decode(bytes: &[u8]) -> Result<Decoded, InputError> {
    if bytes.is_empty() {
        return Err(InputError::Empty);
    }
    let mut warnings = Vec::new();
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (utf8(rest, &mut warnings), Encoding::Utf8)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (utf16(rest, false, true, &mut warnings), Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (utf16(rest, true, true, &mut warnings), Encoding::Utf16Be)
    } else if let Some(b) = sniff_binary(bytes) {
        return Err(InputError::Binary(b));
    } else if let Some(be) = sniff_utf16(bytes) {
        (utf16(bytes, be, false, &mut warnings), if be { Encoding::Utf16Be } else { Encoding::Utf16Le })
    } else if looks_binary(bytes) {
        return Err(InputError::UnknownBinary);
    } else {
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), Encoding::Utf8),
            Err(_) if !has_utf8_sequence(bytes) => {
                warnings.push(Warning::Latin1);
                (windows_1252(bytes), Encoding::Windows1252)
            }
            Err(_) => {
                let text = utf8(bytes, &mut warnings);
                (text, Encoding::Utf8Lossy)
            }
        }
    };
    finish(text, encoding, warnings)
}

/// [`decode`] that takes the bytes by value: plain UTF-8 (the usual case)
/// becomes the text without a copy, which keeps the CLI's peak memory low.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, InputError> {
    let plain = !bytes.is_empty()
        && !bytes.starts_with(b"\xEF\xBB\xBF")
        && !bytes.starts_with(b"\xFF\xFE")
        && !bytes.starts_with(b"\xFE\xFF")
        && sniff_binary(&bytes).is_none()
        && sniff_utf16(&bytes).is_none()
        && !looks_binary(&bytes);
    if plain {
        match String::from_utf8(bytes) {
            Ok(text) => finish(text, Encoding::Utf8, Vec::new()),
            Err(e) => decode(e.as_bytes()),
        }
    } else {
        decode(&bytes)
    }
}

/// Prepares text that is already a string (the page's text box): HTML and
/// RTF become their text; nothing but whitespace is refused.
pub fn decode_text(text: &str) -> Result<Decoded, InputError> {
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    finish(text.to_owned(), Encoding::Utf8, Vec::new())
}

fn finish(mut text: String, encoding: Encoding, mut warnings: Vec<Warning>) -> Result<Decoded, InputError> {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    let nuls = text.bytes().filter(|&b| b == 0).count();
    if nuls > 0 {
        text.retain(|c| c != '\0');
        warnings.push(Warning::NulBytes { count: nuls });
    }
    if text.contains('\r') {
        // Old Mac line ends (lone CR) become LF; CRLF stays for the parser.
        text = lone_cr_to_lf(&text);
    }
    let format = if is_rtf(&text) {
        Format::Rtf
    } else if is_html(&text) {
        Format::Html
    } else {
        Format::Text
    };
    match format {
        Format::Rtf => {
            text = rtf_to_text(&text);
            warnings.push(Warning::Rtf);
        }
        Format::Html => {
            text = html_to_text(&text);
            warnings.push(Warning::Html);
        }
        Format::Text => {}
    }
    if text.trim().is_empty() {
        return Err(InputError::Blank);
    }
    let longest = text.split('\n').map(str::len).max().unwrap_or(0);
    if longest > LONG_LINE {
        warnings.push(Warning::LongLine { bytes: longest });
    }
    Ok(Decoded { text, encoding, format, warnings })
}

// ---- encodings -----------------------------------------------------------------

fn utf8(bytes: &[u8], warnings: &mut Vec<Warning>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut invalid = 0;
            for chunk in bytes.utf8_chunks() {
                invalid += chunk.invalid().len();
            }
            warnings.push(Warning::LossyUtf8 { invalid });
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

fn utf16(bytes: &[u8], big_endian: bool, bom: bool, warnings: &mut Vec<Warning>) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        if big_endian {
            u16::from_be_bytes([p[0], p[1]])
        } else {
            u16::from_le_bytes([p[0], p[1]])
        }
    });
    let mut out = String::with_capacity(bytes.len() / 2 + 16);
    let mut invalid = 0;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => out.push(c),
            Err(_) => {
                invalid += 1;
                out.push('\u{FFFD}');
            }
        }
    }
    if bytes.len() % 2 == 1 {
        invalid += 1;
        out.push('\u{FFFD}');
    }
    warnings.push(Warning::Utf16 { bom, invalid });
    out
}

/// UTF-16 without a BOM: ASCII-range text has a NUL in every other byte.
/// Returns Some(big_endian).
fn sniff_utf16(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    if head.len() < 8 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= pairs * 7 && even_nul * 10 <= pairs {
        Some(false)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 10 <= pairs {
        Some(true)
    } else {
        None
    }
}

/// Whether the bytes hold at least one valid multi-byte UTF-8 sequence (then
/// invalid bytes are damage; with none, the text is in a legacy encoding).
fn has_utf8_sequence(bytes: &[u8]) -> bool {
    bytes.utf8_chunks().any(|c| c.valid().bytes().any(|b| b >= 0x80))
}

/// Windows-1252: Latin-1 with printable characters in 0x80..0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1252_byte(b)).collect()
}

/// One Windows-1252 byte.
fn cp1252_byte(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

fn lone_cr_to_lf(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

// ---- binary sniffing --------------------------------------------------------------

fn sniff_binary(b: &[u8]) -> Option<Binary> {
    let starts = |m: &[u8]| b.starts_with(m);
    let at = |off: usize, m: &[u8]| b.get(off..off + m.len()) == Some(m);
    Some(if starts(b"%PDF-") {
        Binary::Pdf
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Binary::Png
    } else if starts(b"\xFF\xD8\xFF") {
        Binary::Jpeg
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Binary::Gif
    } else if starts(b"RIFF") && at(8, b"WEBP") {
        Binary::Webp
    } else if starts(b"RIFF") && (at(8, b"WAVE") || at(8, b"AVI ")) {
        Binary::Media
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        Binary::Tiff
    } else if starts(b"BM") && b.len() > 26 && at(6, b"\0\0\0\0") {
        Binary::Bmp
    } else if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") || starts(b"PK\x07\x08") {
        zip_kind(b)
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Binary::Ole2
    } else if starts(b"\x1F\x8B") {
        Binary::Gzip
    } else if starts(b"BZh") && b.get(3).is_some_and(|d| (b'1'..=b'9').contains(d)) && b.get(4..10) == Some(b"\x31\x41\x59\x26\x53\x59") {
        Binary::Bzip2
    } else if starts(b"\xFD7zXZ\0") {
        Binary::Xz
    } else if starts(b"7z\xBC\xAF\x27\x1C") {
        Binary::SevenZip
    } else if starts(b"Rar!\x1A\x07") {
        Binary::Rar
    } else if starts(b"ID3") || starts(b"OggS") || starts(b"fLaC") || starts(b"\x1A\x45\xDF\xA3") || at(4, b"ftyp") {
        Binary::Media
    } else if starts(b"\x7FELF") || starts(b"\0asm") || starts(b"\xCF\xFA\xED\xFE") || starts(b"\xCE\xFA\xED\xFE") || (starts(b"MZ") && looks_binary(b)) {
        Binary::Executable
    } else if starts(b"SQLite format 3\0") {
        Binary::Sqlite
    } else {
        return None;
    })
}

/// Office Open XML, OpenDocument and EPUB are ZIPs: the names of the first
/// entries tell them apart.
fn zip_kind(b: &[u8]) -> Binary {
    let head = &b[..b.len().min(SNIFF * 4)];
    let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
    if has(b"application/epub+zip") {
        Binary::Epub
    } else if has(b"application/vnd.oasis.opendocument") {
        Binary::OpenDocument
    } else if has(b"word/") {
        Binary::Docx
    } else if has(b"xl/") {
        Binary::Xlsx
    } else if has(b"ppt/") {
        Binary::Pptx
    } else {
        Binary::Zip
    }
}

/// NUL bytes or many C0 control bytes in the first 8 KB: not text.
fn looks_binary(b: &[u8]) -> bool {
    let head = &b[..b.len().min(SNIFF)];
    let nul = head.iter().filter(|&&c| c == 0).count();
    let control = head
        .iter()
        .filter(|&&c| c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    // A stray NUL or two in a text file is damage (removed with a warning);
    // text has almost no control bytes.
    (nul >= 4 && nul * 100 > head.len()) || control * 10 > head.len()
}

// HTML and RTF to text: `input/html.rs`, `input/rtf.rs`.
mod html;
mod rtf;

pub use html::{decode_entities, html_to_text};
pub use rtf::rtf_to_text;
use html::is_html;
use rtf::is_rtf;

#[cfg(test)]
mod tests;
