//! The CLI on every kind of bad input: a clear message on stderr, the exit
//! code, and the facts when the text could be read.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = include_str!("../www/sample/credo-q4-fy2023.txt");

fn run(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_callchart"))
        .args(["extract", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run callchart");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn facts(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not facts JSON ({e}); stderr: {}", stderr(o)))
}

fn refused(input: &[u8], want: &str) {
    let o = run(input);
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(&o));
    assert!(o.stdout.is_empty());
    let e = stderr(&o);
    assert!(e.contains(want), "stderr {e:?} should contain {want:?}");
    assert_eq!(e.lines().count(), 1, "one line: {e:?}");
}

fn read_with_warning(input: &[u8], warning: &str) -> serde_json::Value {
    let o = run(input);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let e = stderr(&o);
    assert!(e.starts_with("callchart: warning: standard input: ") && e.contains(warning), "stderr {e:?} should warn {warning:?}");
    facts(&o)
}

fn count(v: &serde_json::Value) -> usize {
    v["facts"].as_array().map_or(0, Vec::len)
}

#[test]
fn empty_and_whitespace_are_refused() {
    refused(b"", "standard input: the input is empty");
    refused(b" \n\t \r\n", "only whitespace");
}

#[test]
fn binary_files_are_refused_by_name() {
    refused(b"%PDF-1.7\n1 0 obj <<>>\nstream\n\xE2\xE3\xCF\xD3", "this is a PDF document, not text");
    refused(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", "this is a PNG image, not text");
    refused(b"PK\x03\x04\x14\0\0\0\x08\0notes.txt\0\0\x01\x02", "this is a ZIP archive, not text");
    refused(b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml word/document.xml", "Word document (.docx)");
}

#[test]
fn a_text_without_figures_says_so_and_still_prints_facts() {
    let o = run(b"Operator\nWelcome, everyone. Nothing to report today.\n");
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("no figures found"), "{}", stderr(&o));
    assert_eq!(count(&facts(&o)), 0);
}

#[test]
fn the_sample_in_every_encoding_and_format_gives_the_same_facts() {
    let plain = run(SAMPLE.as_bytes());
    assert!(stderr(&plain).is_empty(), "{}", stderr(&plain));
    let want = count(&facts(&plain));
    assert!(want > 20);

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(count(&read_with_warning(&utf16, "UTF-16 text, decoded")), want);

    let html = format!(
        "<!doctype html><html><head><title>Call</title><script>x = '$9 billion'</script></head><body>{}</body></html>",
        SAMPLE.split("\n\n").map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;").replace('\n', "<br>"))).collect::<String>()
    );
    assert_eq!(count(&read_with_warning(html.as_bytes(), "HTML page")), want);

    let rtf = format!(
        "{{\\rtf1\\ansi{{\\fonttbl{{\\f0 Arial;}}}}{}}}",
        SAMPLE.lines().map(|l| {
            let esc: String = l.chars().map(|c| match c {
                '\\' | '{' | '}' => format!("\\{c}"),
                c if c.is_ascii() => c.to_string(),
                c => c.encode_utf16(&mut [0; 2]).iter().map(|u| format!("\\u{}?", *u as i16)).collect(),
            }).collect();
            format!("{esc}\\par\n")
        }).collect::<String>()
    );
    assert_eq!(count(&read_with_warning(rtf.as_bytes(), "RTF document")), want);
}

#[test]
fn latin1_and_broken_utf8_are_read_with_a_warning() {
    let v = read_with_warning(b"Operator\nRen\xE9 Dupont - CFO\nRevenue was $12.5 million in Q4 2023, up 10% year-over-year.\n", "read as Latin-1");
    assert!(count(&v) >= 1);
    let mut broken = SAMPLE.as_bytes().to_vec();
    broken.extend(b"\nOperator\nBad bytes \xFF\xFE here.\n");
    let v = read_with_warning(&broken, "not valid UTF-8: 2 bytes");
    assert!(count(&v) > 20);
}

#[test]
fn a_five_megabyte_single_line_is_read_with_a_warning() {
    let para = SAMPLE.split_whitespace().collect::<Vec<_>>().join(" ");
    let line = para.repeat(5_000_000 / para.len() + 1);
    assert!(!line.contains('\n') && line.len() >= 5_000_000);
    let v = read_with_warning(line.as_bytes(), "one line is 5.");
    assert!(v["transcript"].is_object());
}

/// Runs `callchart extract ARGS…` on files.
fn run_args(args: &[&std::path::Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_callchart")).arg("extract").args(args).output().expect("run callchart")
}

/// A folder with the sample (Q4 FY23), a short next call (Q1 FY24), a summary and a note that are no calls.
fn series_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("callchart-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("b-q4.txt"), SAMPLE).unwrap();
    std::fs::write(
        dir.join("a-q1.txt"),
        "Operator\nWelcome to the Credo Q1 Fiscal Year 2024 Earnings Conference Call.\nDan Fleming - CFO\n\
         In Q1, we reported revenue of $35.1 million, up 9% sequentially.\n",
    )
    .unwrap();
    std::fs::write(dir.join("b-q4.summary.txt"), "q4 revenue $32.1 million.\n").unwrap();
    std::fs::write(dir.join("notes.md"), "not a call\n").unwrap();
    dir
}

#[test]
fn several_calls_or_a_folder_print_their_series() {
    let dir = series_dir("series");
    let o = run_args(&[&dir]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], "callchart/series@1");
    // The folder's calls sorted by name, summaries and other files left out.
    let names: Vec<String> = v["calls"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap().to_string()).collect();
    assert!(names.len() == 2 && names[0].ends_with("a-q1.txt") && names[1].ends_with("b-q4.txt"), "{names:?}");
    let [company] = v["companies"].as_array().unwrap().as_slice() else { panic!("one company: {}", v["companies"]) };
    assert_eq!(company["company"], "Credo");
    assert_eq!(company["calls"], serde_json::json!([1, 0]), "fiscal order: Q4 FY23, then Q1 FY24");
    // The Q4 call's guide of Q1 FY24 ($33–35 million) pairs with the Q1 call's $35.1 million.
    let figures = company["facts"].as_array().unwrap();
    let revenue_pair = company["pairs"].as_array().unwrap().iter().find(|p| {
        let g = &figures[p["guide"].as_u64().unwrap() as usize];
        g["metric"] == "revenue" && g["segment"] == "total" && g["period"] == "FY2024-Q1" && g["measure"] == "level"
    });
    let p = revenue_pair.unwrap_or_else(|| panic!("pairs: {}", company["pairs"]));
    let actual = &figures[p["actual"].as_u64().unwrap() as usize];
    assert_eq!((&actual["value"], &actual["call"], &p["verdict"]), (&serde_json::json!(35100000.0), &serde_json::json!(0), &serde_json::json!("beat")));
    // Files named one by one give the same series.
    let named = run_args(&[&dir.join("a-q1.txt"), &dir.join("b-q4.txt")]);
    assert_eq!(String::from_utf8_lossy(&named.stdout), String::from_utf8_lossy(&o.stdout));
    // One file is today's facts document.
    let one = run_args(&[&dir.join("b-q4.txt")]);
    assert_eq!(facts(&one)["schema"], "callchart/facts@1");
    assert_eq!(facts(&one), facts(&run(SAMPLE.as_bytes())));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_call_stops_the_series() {
    let dir = series_dir("refused");
    std::fs::write(dir.join("c.txt"), b"%PDF-1.7\n1 0 obj <<>>\n").unwrap();
    let o = run_args(&[&dir]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty() && stderr(&o).contains("c.txt: this is a PDF document"), "{}", stderr(&o));
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let o = run_args(&[&empty]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no *.txt transcripts"), "{}", stderr(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn link_of_several_calls_or_a_folder_is_a_series_link() {
    let dir = series_dir("link");
    let o = Command::new(env!("CARGO_BIN_EXE_callchart")).arg("link").arg(&dir).output().expect("run callchart");
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let link = String::from_utf8(o.stdout).unwrap();
    let s = callchart::share::series::decode(link.trim()).expect("a series link");
    let names: Vec<&str> = s.calls.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["a-q1.txt", "b-q4.txt"], "file names, not paths");
    assert_eq!((s.picked, s.shown), (0, 0), "the latest call (Q1 FY24, the first given) shown");
    // One file is still a call's link.
    let one = Command::new(env!("CARGO_BIN_EXE_callchart")).arg("link").arg(dir.join("b-q4.txt")).output().expect("run callchart");
    assert!(String::from_utf8_lossy(&one.stdout).starts_with("#v2="));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `--call FY2021-Q3`: a call that never says its year, given its period, dates its figures
/// from it; without it, stderr says how to give it. A bad period or several files are refused.
#[test]
fn call_option_gives_the_period_of_a_call_that_does_not_say_it() {
    let dir = std::env::temp_dir().join(format!("callchart-cli-call-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("no-year.txt");
    std::fs::write(
        &path,
        "Operator\nWelcome to the Acme third quarter earnings call.\nJane Doe - CFO\n\
         Revenue in the third quarter was $5.2 million, up 12% from the second quarter.\n",
    )
    .unwrap();
    let cli = || Command::new(env!("CARGO_BIN_EXE_callchart"));
    let o = cli().arg("extract").arg(&path).output().unwrap();
    assert_eq!((o.status.code(), count(&facts(&o))), (Some(0), 0));
    assert!(stderr(&o).contains("the call's period is unknown (its words point to Q3, but to no year): give it with --call FY<year>-Q3"), "{}", stderr(&o));

    for args in [vec!["extract", "--call", "FY2021-Q3"], vec!["extract", "--call=fy2021-q3"]] {
        let o = cli().args(&args).arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
        let v = facts(&o);
        assert_eq!(v["call"], "FY2021-Q3");
        assert!(v["facts"].as_array().unwrap().iter().any(|f| f["metric"] == "revenue" && f["period"] == "FY2021-Q3" && f["value"] == 5.2e6), "{v}");
        assert!(v["notes"].as_array().unwrap().iter().any(|n| n["kind"] == "call_given" && n["period"] == "FY2021-Q3"), "{v}");
    }
    // The link carries the given period.
    let o = cli().args(["link", "--call", "FY2021-Q3"]).arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let (f, _) = callchart::share::decode(String::from_utf8_lossy(&o.stdout).trim()).expect("a link");
    assert_eq!(f.call.map(|p| p.to_string()).as_deref(), Some("FY2021-Q3"));

    for (args, want) in [
        (vec!["extract", "--call", "Q3"], "--call wants a fiscal quarter such as FY2021-Q3"),
        (vec!["extract", "--call", "CY2021-H2"], "--call wants a fiscal quarter"),
    ] {
        let o = cli().args(&args).arg(&path).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(stderr(&o).contains(want), "{args:?}: {}", stderr(&o));
    }
    let o = cli().arg("extract").arg(&path).arg("--call").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--call needs the call's period"), "{}", stderr(&o));
    let o = cli().args(["extract", "--call", "FY2021-Q3"]).arg(&path).arg(&path).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--call gives one call's period"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}
