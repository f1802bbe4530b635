//! Helpers shared by the integration tests (`mod common;`).
#![allow(dead_code)]

pub mod golden;

use std::path::{Path, PathBuf};

/// The `.rs` files under `dir`, recursively.
pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("read src").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// FCN's 8 consecutive calls in `../shared/data/corpus/` (`*_FCN_*.txt`, no
/// summaries): each file's name and text, in name order.
pub fn fcn_calls() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpus");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared data must sit beside the repository as ../shared)", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains("_FCN_") && n.ends_with(".txt") && !n.ends_with(".summary.txt"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "FCN has 8 calls in the corpus: {names:?}");
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            (n, text)
        })
        .collect()
}
