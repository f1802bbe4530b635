//! The one golden-file helper of the tests (expect-test style): compare
//! with the file, or bless it with `UPDATE_EXPECT=1`.

use std::path::Path;

/// Whether the run should write golden files instead of comparing with them.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Compares `actual` with the golden file at `path` (under `UPDATE_EXPECT=1`:
/// writes it). On a difference: the first differing line of each, the line
/// counts, and the command that accepts the change (`cargo test --test
/// {test}`).
pub fn check(path: &Path, actual: &str, test: &str) -> Result<(), String> {
    if updating() {
        return std::fs::write(path, actual).map_err(|e| format!("cannot write {}: {e}", path.display()));
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return Ok(());
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let first = e.iter().zip(&a).position(|(x, y)| x != y).unwrap_or(e.len().min(a.len()));
    Err(format!(
        "{} differs at line {} (expected {} lines, got {}):\n  expected: {}\n  actual:   {}\n\
         (UPDATE_EXPECT=1 cargo test --test {test} to accept an intended change)",
        path.display(),
        first + 1,
        e.len(),
        a.len(),
        e.get(first).copied().unwrap_or("<end>"),
        a.get(first).copied().unwrap_or("<end>"),
    ))
}
