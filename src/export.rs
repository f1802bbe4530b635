//! Downloads: facts as CSV, and the names of exported files
//! (`credo-q4-fy2023-revenue.svg`). The SVG of a chart is
//! [`crate::chart::render_svg`]-style drawing through plotters' SVG backend;
//! JSON is the facts document itself (`callchart/facts@1`).

use crate::facts::{Basis, Facts, Kind, Measure, Period};

/// The CSV header: one column per fact field (English; in Chinese the
/// catalogue's `CsvHeader`, the same columns).
pub const CSV_HEADER: &str = "metric,segment,period,kind,measure,value,low,high,unit,basis,conflict,line,source";

/// The facts as CSV (RFC 4180 quoting, `\n` line ends): the header (in the
/// language of the call, [`crate::i18n::with`]; the cells are ids), then one
/// row per fact in the facts' order. Text cells that a spreadsheet would take
/// for a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading `'`.
pub fn csv(facts: &Facts) -> String {
    csv_of(facts, None)
}

/// [`csv`] of a series' facts with a first column, `call`, and a last,
/// `revision`: `calls[i]` is the name of the call fact `i` came from,
/// `revisions[i]` how its guide moved ("raised", …, "withdrawn"; empty for none).
pub fn csv_with_calls(facts: &Facts, calls: &[String], revisions: &[&str]) -> String {
    csv_of(facts, Some((calls, revisions)))
}

fn csv_of(facts: &Facts, series: Option<(&[String], &[&str])>) -> String {
    let mut out = String::with_capacity(128 + facts.facts.len() * 160);
    let calls = series.map(|s| s.0);
    if calls.is_some() {
        out.push_str("call,");
    }
    out.push_str(crate::i18n::t(crate::i18n::K::CsvHeader));
    if series.is_some() {
        out.push_str(",revision");
    }
    out.push('\n');
    let num = |v: Option<f64>| v.filter(|v| v.is_finite()).map(crate::decimal::shortest).unwrap_or_default();
    for (n, f) in facts.facts.iter().enumerate() {
        if let Some(calls) = calls {
            quote(&mut out, &text_cell(calls.get(n).map_or("", String::as_str)));
            out.push(',');
        }
        let cells = [
            text_cell(&f.metric),
            text_cell(&f.segment),
            f.period.to_string(),
            match f.kind {
                Kind::Actual => "actual",
                Kind::Guidance => "guidance",
                Kind::Derived => "derived",
            }
            .to_string(),
            match f.measure {
                Measure::Level => "level",
                Measure::Qoq => "qoq",
                Measure::Yoy => "yoy",
            }
            .to_string(),
            num(f.value),
            num(f.low),
            num(f.high),
            text_cell(&f.unit.to_string()),
            match f.basis {
                None => "",
                Some(Basis::Gaap) => "GAAP",
                Some(Basis::NonGaap) => "non-GAAP",
                Some(Basis::Organic) => "organic",
                Some(Basis::ConstantCurrency) => "constant currency",
            }
            .to_string(),
            if f.conflict { "true" } else { "" }.to_string(),
            if f.source.line > 0 { f.source.line.to_string() } else { String::new() },
            text_cell(&f.source.text),
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            quote(&mut out, c);
        }
        if let Some((_, revisions)) = series {
            out.push(',');
            out.push_str(revisions.get(n).copied().unwrap_or(""));
        }
        out.push('\n');
    }
    out
}

fn text_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

fn quote(out: &mut String, cell: &str) {
    if cell.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&cell.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(cell);
    }
}

/// A file name for an export: `<company>-<call>-<what>.<ext>`, lower-case
/// ASCII letters, digits and hyphens only (`credo-q4-fy2023-revenue.svg`).
/// A company that leaves nothing (empty, or no Latin letters) becomes
/// `callchart`; an unknown call is left out.
pub fn file_name(facts: &Facts, what: &str, ext: &str) -> String {
    let mut parts = Vec::new();
    let company = slug(&facts.company, 40);
    parts.push(if company.is_empty() { "callchart".to_string() } else { company });
    if let Some(p) = facts.call {
        parts.push(period_slug(p));
    }
    let what = slug(what, 40);
    if !what.is_empty() {
        parts.push(what);
    }
    let ext = slug(ext, 8).replace('-', "");
    let stem = parts.join("-");
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

fn period_slug(p: Period) -> String {
    // "FY2023-Q4" -> "q4-fy2023"; "FY2023" -> "fy2023"; "LT" -> "lt".
    let s = p.to_string().to_ascii_lowercase();
    match s.split_once('-') {
        Some((year, part)) => format!("{part}-{year}"),
        None => s,
    }
}

fn slug(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
            if out.len() >= max {
                break;
            }
        } else if c != '\'' && c != '’' {
            gap = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Fact, Source, Unit};

    fn sample() -> Facts {
        serde_json::from_str(include_str!("../tests/golden/credo-q4-fy2023.facts.json")).unwrap()
    }

    #[test]
    fn file_names() {
        let f = sample();
        assert_eq!(file_name(&f, "revenue", "svg"), "credo-q4-fy2023-revenue.svg");
        assert_eq!(file_name(&f, "facts", "csv"), "credo-q4-fy2023-facts.csv");
        let odd = Facts {
            company: "<img src=x onerror=alert(1)> / Ünïcode Co.".into(),
            call: Some("CY2024-H2".parse().unwrap()),
            ..Facts::default()
        };
        assert_eq!(file_name(&odd, "margins", "png"), "img-src-x-onerror-alert-1-n-code-co-h2-cy2024-margins.png");
        let none = Facts { company: "聯發科".into(), ..Facts::default() };
        assert_eq!(file_name(&none, "guidance", "svg"), "callchart-guidance.svg");
        let lt = Facts { company: "Deere & Company's".into(), call: Some(Period::LongTerm), ..Facts::default() };
        assert_eq!(file_name(&lt, "../../etc", "json"), "deere-companys-lt-etc.json");
    }

    #[test]
    fn csv_has_header_and_one_row_per_fact() {
        let f = sample();
        let text = csv(&f);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], CSV_HEADER);
        // Source sentences hold no line breaks, so one line per fact here.
        assert_eq!(lines.len(), 1 + f.facts.len());
        assert!(lines[1].starts_with("revenue,total,FY2023,actual,level,184200000,,,USD,non-GAAP,,82,"), "{}", lines[1]);
    }

    #[test]
    fn csv_header_in_the_language() {
        let f = sample();
        let en = csv(&f);
        let zh = crate::i18n::with(crate::i18n::Lang::ZhTw, || csv(&f));
        let (he, hz) = (en.lines().next().unwrap_or(""), zh.lines().next().unwrap_or(""));
        assert_eq!(he, CSV_HEADER);
        assert_eq!(hz, "指標,部門,期間,類別,衡量,數值,下限,上限,單位,基礎,衝突,行,出處");
        assert_eq!(he.split(',').count(), hz.split(',').count());
        assert_eq!(en.split_once('\n').map(|x| x.1), zh.split_once('\n').map(|x| x.1), "the rows are the same");
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let f = Facts {
            facts: vec![Fact {
                metric: "=HYPERLINK(\"x\")".into(),
                segment: "a,b".into(),
                period: Period::quarter(2023, 4),
                kind: Kind::Guidance,
                measure: Measure::Level,
                value: None,
                low: Some(-1.5),
                high: Some(2e21),
                unit: Unit::Percent,
                basis: None,
                conflict: true,
                source: Source { line: 3, start: None, end: None, text: "said \"so\"\nthen".into() },
            }],
            ..Facts::default()
        };
        let text = csv(&f);
        let row = text.split_once('\n').unwrap().1;
        assert_eq!(
            row,
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",FY2023-Q4,guidance,level,,-1.5,2000000000000000000000,%,,true,3,\"said \"\"so\"\"\nthen\"\n"
        );
    }
}
