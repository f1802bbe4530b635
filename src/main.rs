//! `callchart extract FILE|-`: prints the facts JSON of a transcript.
//! `callchart link FILE|-`: prints the share-link fragment (`#v1=…`) of its facts.

use std::io::Read;
use std::process::ExitCode;

const USAGE: &str = "usage: callchart extract FILE   facts JSON (FILE may be - for standard input)
       callchart link FILE      share-link fragment #v1=… of the facts (append it to the page's address)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["extract", path] => match read_input(path) {
            Ok(text) => {
                let facts = callchart::analyze(&text);
                match serde_json::to_string_pretty(&facts) {
                    Ok(json) => {
                        println!("{json}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&format!("cannot write facts: {e}")),
                }
            }
            Err(e) => fail(&e),
        },
        ["link", path] => match read_input(path) {
            Ok(text) => {
                let facts = callchart::analyze(&text);
                match callchart::share::encode(&facts, &callchart::share::ShareState::default()) {
                    Ok(fragment) => {
                        println!("#{fragment}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => fail(&e.to_string()),
                }
            }
            Err(e) => fail(&e),
        },
        ["-h"] | ["--help"] | ["help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => fail(USAGE),
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("callchart: {msg}");
    ExitCode::from(2)
}

/// Reads the file (or stdin) as text; invalid UTF-8 is decoded lossily.
fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map_err(|e| format!("cannot read {path}: {e}"))?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    })
}
