//! `callchart extract FILE|-`: prints the facts JSON of a transcript.
//! `callchart extract FILE FILE…|DIR`: prints the series JSON of several calls
//! (`callchart/series@1`, see `callchart::series`).
//! `callchart link FILE|-`: prints the share-link fragment (`#v2=…`) of its facts.
//! `callchart link FILE FILE…|DIR`: prints the series link (`#v4=…`) of several calls.
//! `--call FY2021-Q3` (one file): the call's period, given, for a transcript
//! that does not say it (or says it wrong).

use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage: callchart extract FILE        facts JSON (FILE may be - for standard input)
       callchart extract FILE FILE…  series JSON: the calls merged per company
       callchart extract DIR         series JSON of DIR's *.txt (not *.summary.txt), sorted by name
       callchart link FILE           share-link fragment #v2=… of the facts (append it to the page's address)
       callchart link FILE FILE…|DIR series link #v4=… of the calls (the page merges them again)
options (before FILE, one file only):
       --call FY2021-Q3              the call's fiscal period (a quarter, or FY2021 for a year), for a
                                     transcript that never says it or says it wrong: its figures are
                                     dated from it as if the text had said it, and a note says so";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (given, args) = match given_call(args) {
        Ok(x) => x,
        Err(e) => return fail(&e),
    };
    if given.is_some() && !matches!(args.as_slice(), [cmd, path] if (cmd == "extract" || cmd == "link") && !Path::new(path).is_dir()) {
        return fail("--call gives one call's period: use it with `extract` or `link` and one file");
    }
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["extract", path] if !Path::new(path).is_dir() => match read_input(path) {
            Ok(text) => {
                let facts = callchart::analyze_as(&text, given);
                drop(text);
                report_no_figures(path, &facts);
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
        ["extract", paths @ ..] if !paths.is_empty() => match calls_in(paths) {
            Ok(paths) => print_series(&paths),
            Err(e) => fail(&e),
        },
        ["link", first, more @ ..] if !more.is_empty() || Path::new(first).is_dir() => {
            let args: Vec<&str> = std::iter::once(*first).chain(more.iter().copied()).collect();
            match calls_in(&args) {
                Ok(paths) => print_series_link(&paths),
                Err(e) => fail(&e),
            }
        }
        ["link", path] => match read_input(path) {
            Ok(text) => {
                let facts = callchart::analyze_as(&text, given);
                report_no_figures(path, &facts);
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

/// The transcripts a series is made of: the files named, or a folder's
/// `*.txt` files except the summaries (`*.summary.txt`), sorted by name.
fn calls_in(args: &[&str]) -> Result<Vec<String>, String> {
    let [dir] = args else { return Ok(args.iter().map(|a| a.to_string()).collect()) };
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {dir}: {e}"))?;
    let mut paths: Vec<String> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_call(p))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!("{dir}: no *.txt transcripts in it"));
    }
    Ok(paths)
}

fn is_call(p: &Path) -> bool {
    let name = p.file_name().map_or(String::new(), |n| n.to_string_lossy().into_owned());
    name.ends_with(".txt") && !name.ends_with(".summary.txt")
}

/// Reads every call (any refused input stops it: no series of some of the
/// calls): each path with its facts.
fn read_calls(paths: &[String]) -> Result<Vec<(&str, callchart::Facts)>, String> {
    let mut calls = Vec::with_capacity(paths.len());
    for path in paths {
        let facts = callchart::analyze(&read_input(path)?);
        report_no_figures(path, &facts);
        calls.push((path.as_str(), facts));
    }
    Ok(calls)
}

/// Prints the series link of the calls (each named by its file name), the
/// company of the first call picked and the latest call shown, as the page
/// shows a series.
fn print_series_link(paths: &[String]) -> ExitCode {
    let calls = match read_calls(paths) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let named: Vec<(&str, &callchart::Facts)> =
        calls.iter().map(|(p, f)| (Path::new(p).file_name().and_then(|n| n.to_str()).unwrap_or(p), f)).collect();
    let series = callchart::series::merge(&named);
    let shown = series.companies.first().and_then(|c| c.calls.last().copied()).unwrap_or(0);
    match callchart::share::series::encode(&named, 0, shown, &callchart::share::ShareState::default()) {
        Ok(fragment) => {
            println!("#{fragment}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// Reads every call and prints their series.
fn print_series(paths: &[String]) -> ExitCode {
    let calls = match read_calls(paths) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let named: Vec<(&str, &callchart::Facts)> = calls.iter().map(|(p, f)| (*p, f)).collect();
    match serde_json::to_string_pretty(&callchart::series::merge(&named)) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("cannot write the series: {e}")),
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("callchart: {msg}");
    ExitCode::from(2)
}

/// Reads the file (or stdin) and decodes it with [`callchart::input::decode_owned`]:
/// binary files and empty input are refused with a message that says what
/// they are; UTF-16, Latin-1, HTML and RTF are read, with a warning on stderr.
fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map(|_| ())
    };
    res.map_err(|e| format!("cannot read {path}: {e}"))?;
    let name = if path == "-" { "standard input" } else { path };
    match callchart::input::decode_owned(bytes) {
        Ok(decoded) => {
            for w in &decoded.warnings {
                eprintln!("callchart: warning: {name}: {w}");
            }
            Ok(decoded.text)
        }
        Err(e) => Err(format!("{name}: {e}")),
    }
}

/// Takes `--call PERIOD` (or `--call=PERIOD`) out of the arguments: the
/// call's period given, a fiscal quarter or year.
fn given_call(args: Vec<String>) -> Result<(Option<callchart::Period>, Vec<String>), String> {
    let mut given = None;
    let mut rest = Vec::with_capacity(args.len());
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        let value = match a.strip_prefix("--call") {
            Some("") => it.next().ok_or("--call needs the call's period, such as FY2021-Q3")?,
            Some(v) if v.starts_with('=') => v[1..].to_string(),
            _ => {
                rest.push(a);
                continue;
            }
        };
        if given.is_some() {
            return Err("--call is given twice".into());
        }
        given = Some(call_period(&value)?);
    }
    Ok((given, rest))
}

/// A call's period as `--call` takes it: `FY2021-Q3` or `FY2021` (case aside).
fn call_period(s: &str) -> Result<callchart::Period, String> {
    let bad = || format!("--call wants a fiscal quarter such as FY2021-Q3 (or a year, FY2021), not {s:?}");
    match s.trim().to_ascii_uppercase().parse::<callchart::Period>() {
        Ok(p @ callchart::Period::Fiscal { part: callchart::facts::Part::Year | callchart::facts::Part::Quarter(_), .. }) => Ok(p),
        _ => Err(bad()),
    }
}

/// Says so on stderr when a transcript gave no figures (the JSON still
/// follows), and when its period is unknown, how to give it.
fn report_no_figures(path: &str, facts: &callchart::Facts) {
    let name = if path == "-" { "standard input" } else { path };
    if facts.call.is_none() {
        let q = facts.transcript.as_ref().and_then(|t| t.call_quarter);
        let hint = q.map_or(String::new(), |q| format!(" (its words point to Q{q}, but to no year)"));
        let example = q.map_or("FY2021-Q3".to_string(), |q| format!("FY<year>-Q{q}"));
        eprintln!("callchart: {name}: the call's period is unknown{hint}: give it with --call {example}");
    }
    if facts.facts.is_empty() {
        let (turns, speakers) = facts.transcript.as_ref().map_or((0, 0), |t| (t.turns, t.speakers.len()));
        eprintln!(
            "callchart: {name}: no figures found ({turns} turns, {speakers} speakers): is it an earnings-call transcript with revenue or margin figures?"
        );
    }
}
