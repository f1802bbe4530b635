//! No function in `src/` is longer than [`MAX_LINES`] lines: a longer one is
//! split into named steps (issue 11).
//!
//! How a function is counted: from its `fn` line (a line that is, after its
//! indentation, `fn NAME`, optionally after `pub`/`pub(…)`, `const` and
//! `unsafe`) to its closing brace, the first line after the signature that
//! is exactly the `fn` line's indentation followed by `}`, both lines
//! included. The signature ends at the first line ending in `{` (the body
//! follows), `}` (the body closes on that line, where the function ends) or
//! `;` (a declaration without a body, not counted). Test functions count like
//! any other.

mod common;

use common::rust_files;
use std::path::{Path, PathBuf};

/// The most lines a function may take.
const MAX_LINES: usize = 120;

/// One function: its length in lines, file, name and first line.
struct Function {
    lines: usize,
    file: PathBuf,
    name: String,
    line: usize,
}

/// The name of the function whose `fn` line is `line`, and its indentation.
fn fn_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim_start();
    let indent = &line[..line.len() - rest.len()];
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix("pub") {
        let r = match r.strip_prefix('(') {
            Some(r) => &r[r.find(')')? + 1..],
            None => r,
        };
        let trimmed = r.trim_start();
        if trimmed.len() == r.len() {
            return None;
        }
        rest = trimmed;
    }
    for word in ["const", "unsafe"] {
        if let Some(r) = rest.strip_prefix(word).filter(|r| r.starts_with(char::is_whitespace)) {
            rest = r.trim_start();
        }
    }
    let r = rest.strip_prefix("fn")?;
    let name = r.trim_start();
    if name.len() == r.len() {
        return None;
    }
    let end = name.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(name.len());
    (end > 0).then(|| (&name[..end], indent))
}

/// Every function with a body in `text`, counted as the module doc says.
fn functions(file: &Path, text: &str) -> Vec<Function> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((name, indent)) = fn_line(line) else { continue };
        let Some(sig_end) = (i..lines.len()).find(|&j| lines[j].trim_end().ends_with(['{', '}', ';'])) else {
            continue;
        };
        let end = match lines[sig_end].trim_end().chars().last() {
            Some(';') => continue,
            Some('}') => sig_end,
            _ => {
                let close = format!("{indent}}}");
                (sig_end + 1..lines.len()).find(|&k| lines[k].trim_end() == close).unwrap_or(lines.len())
            }
        };
        out.push(Function { lines: end - i + 1, file: file.to_path_buf(), name: name.to_string(), line: i + 1 });
    }
    out
}


#[test]
fn no_function_is_longer_than_the_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut all: Vec<Function> = files
        .iter()
        .flat_map(|f| functions(f.strip_prefix(root).unwrap_or(f), &std::fs::read_to_string(f).expect("read a source file")))
        .collect();
    all.sort_by(|a, b| b.lines.cmp(&a.lines).then(a.file.cmp(&b.file)));
    assert!(all.len() > 100, "found only {} functions: is the counting broken?", all.len());
    // The longest, for the record (`cargo test --test fn_length -- --nocapture`).
    for f in all.iter().take(5) {
        println!("{:4} {}:{} {}", f.lines, f.file.display(), f.line, f.name);
    }
    let long: Vec<String> = all
        .iter()
        .filter(|f| f.lines > MAX_LINES)
        .map(|f| format!("{}:{} {} is {} lines", f.file.display(), f.line, f.name, f.lines))
        .collect();
    assert!(long.is_empty(), "functions over {MAX_LINES} lines (split them into named steps):\n{}", long.join("\n"));
}

#[test]
fn counting() {
    let text = "fn a() {\n    x();\n}\n\n    pub(crate) fn b(\n        y: u8,\n    ) -> u8 {\n        if y {\n        }\n        y\n    }\npub fn c();\npub const unsafe fn d() {}\n";
    let got: Vec<(String, usize)> = functions(Path::new("t.rs"), text).into_iter().map(|f| (f.name, f.lines)).collect();
    assert_eq!(got, [("a".to_string(), 3), ("b".to_string(), 7), ("d".to_string(), 1)]);
    assert_eq!(fn_line("    pub(super) fn sentence<'p>(ctx: &mut Ctx)"), Some(("sentence", "    ")));
    assert_eq!(fn_line("let f = fn_line(x);"), None);
    assert_eq!(fn_line("/// fn not_code()"), None);
    assert_eq!(fn_line("pubfn x()"), None);
}
