//! Derived facts (earlier periods computed from change statements) and the
//! reconciliation checks a reader can see.

use crate::decimal::Dec;
use crate::facts::{Fact, Kind, Measure, Note, Source, Unit};

fn fmt_num(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 1e9 {
        format!("{:.2}B", Dec(v / 1e9))
    } else if a >= 1e6 {
        format!("{:.1}M", Dec(v / 1e6))
    } else if a >= 1e3 {
        format!("{:.1}K", Dec(v / 1e3))
    } else {
        format!("{:.2}", Dec(v))
    };
    s.replace(".00B", "B")
}

/// Adds the earlier periods implied by each actual level and its changes:
/// `32.1 / (1 − 0.41)` for "down 41% sequentially", `58.2 + 0.94` for "down 94 basis points".
pub fn derive(facts: &mut Vec<Fact>, notes: &mut Vec<Note>) {
    let mut new: Vec<Fact> = Vec::new();
    for level in facts.iter().filter(|f| f.kind == Kind::Actual && f.measure == Measure::Level && !f.conflict) {
        let Some(l) = level.value else { continue };
        for ch in facts.iter().filter(|c| {
            c.kind == Kind::Actual
                && c.measure != Measure::Level
                && c.metric == level.metric
                && c.segment == level.segment
                && c.period == level.period
                && !c.conflict
                // Organic growth leaves out acquisitions and currency: no earlier level follows from it.
                && !crate::facts::Basis::restates(c.basis)
        }) {
            let Some(c) = ch.value else { continue };
            let Some(period) = (if ch.measure == Measure::Qoq { level.period.prev_quarter() } else { level.period.prev_year() }) else {
                continue;
            };
            let (value, how) = match (level.unit, ch.unit) {
                (Unit::Money(_) | Unit::PerShare(_) | Unit::Shares | Unit::Days, Unit::Percent) => {
                    if c <= -100.0 {
                        continue;
                    }
                    let v = l / (1.0 + c / 100.0);
                    (v, format!("{} / (1 {} {:.2}) = {}", fmt_num(l), if c < 0.0 { "−" } else { "+" }, Dec(c.abs() / 100.0), fmt_num(v)))
                }
                (Unit::Money(a), Unit::Money(b)) if a == b => {
                    let v = l - c;
                    (v, format!("{} {} {} = {}", fmt_num(l), if c < 0.0 { "+" } else { "−" }, fmt_num(c.abs()), fmt_num(v)))
                }
                (Unit::PerShare(a), Unit::PerShare(b)) if a == b => (l - c, format!("{:.2} − {:.2} = {:.2}", Dec(l), Dec(c), Dec(l - c))),
                (Unit::Days, Unit::Days) => (l - c, format!("{} − {} = {}", Dec(l), Dec(c), Dec(l - c))),
                (Unit::Percent, Unit::Bp) => {
                    let v = l - c / 100.0;
                    (v, format!("{} {} {:.2} = {:.2}", Dec(l), if c < 0.0 { "+" } else { "−" }, Dec(c.abs() / 100.0), Dec(v)))
                }
                (Unit::Percent, Unit::Pp) => {
                    let v = l - c;
                    (v, format!("{} {} {} = {:.2}", Dec(l), if c < 0.0 { "+" } else { "−" }, Dec(c.abs()), Dec(v)))
                }
                _ => continue,
            };
            if !value.is_finite() {
                continue;
            }
            let said = facts.iter().enumerate().find(|(_, f)| {
                f.kind == Kind::Actual && f.measure == Measure::Level && f.metric == level.metric && f.segment == level.segment && f.period == period && f.unit == level.unit
            });
            if let Some((si, s)) = said {
                // The call said it: check instead of deriving.
                if let Some(sv) = s.value {
                    let tol = 0.02 * sv.abs().max(value.abs()) + if level.unit == Unit::Percent { 0.1 } else { 0.0 };
                    if (sv - value).abs() > tol {
                        notes.push(Note {
                            kind: "check".into(),
                            subject: vec![si],
                            message: format!(
                                "{} {} {}: said {}, but the change implies {} ({how})",
                                level.metric, level.segment, period, fmt_num(sv), fmt_num(value)
                            ),
                            ok: Some(false),
                            period: None,
                        });
                    }
                }
                continue;
            }
            if new.iter().any(|f| f.metric == level.metric && f.segment == level.segment && f.period == period && f.unit == level.unit) {
                continue;
            }
            let rounded = if value.abs() >= 1000.0 { value.round() } else { (value * 100.0).round() / 100.0 };
            new.push(Fact {
                metric: level.metric.clone(),
                segment: level.segment.clone(),
                period,
                kind: Kind::Derived,
                measure: Measure::Level,
                value: Some(rounded),
                low: None,
                high: None,
                unit: level.unit,
                basis: level.basis,
                conflict: false,
                source: Source { line: ch.source.line, start: ch.source.start, end: ch.source.end, text: format!("{how}, from '{}'", quote(&ch.source.text)) },
            });
        }
    }
    facts.extend(new);
}

fn quote(s: &str) -> String {
    if s.chars().count() > 120 {
        let cut: String = s.chars().take(117).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

/// Reconciliations, in this order: segments sum to the total; segment names one
/// letter apart between revenue and margins; segment margins weighted by revenue
/// make the total margin; a guided midpoint matches its stated change; conflicts.
pub fn check(facts: &[Fact], notes: &mut Vec<Note>) {
    segments_sum(facts, notes);
    let aliases = misheard_segments(facts, notes);
    weighted_margins(facts, &aliases, notes);
    guided_midpoints(facts, notes);
    conflicts(facts, notes);
}

/// Segments sum to the total (revenue, actual levels). The parts a call names
/// need not be all of the business, nor apart from each other ("Azure" is
/// inside "Microsoft Cloud", which spans the reporting segments): the check
/// holds for the largest set of parts that sums to the total, and fails only
/// where none does and a part is larger than the total itself (one of the two
/// misread). Parts short of the total say nothing.
fn segments_sum(facts: &[Fact], notes: &mut Vec<Note>) {
    for (ti, total) in facts.iter().enumerate().filter(|(_, f)| f.metric == "revenue" && f.segment == "total" && f.kind == Kind::Actual && f.measure == Measure::Level) {
        let Some(tv) = total.value else { continue };
        let (part_ids, parts): (Vec<usize>, Vec<&Fact>) = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.metric == "revenue" && f.segment != "total" && f.period == total.period && f.kind == Kind::Actual && f.measure == Measure::Level && f.unit == total.unit)
            .unzip();
        if parts.len() < 2 {
            continue;
        }
        let close = |s: f64| (s - tv).abs() <= 0.011 * tv.abs();
        let value = |f: &Fact| f.value.unwrap_or(0.0);
        let sum_of = |mask: u32| (0..parts.len()).filter(|i| mask >> i & 1 == 1).map(|i| value(parts[i])).sum::<f64>();
        let all = (1u32 << parts.len().min(31)) - 1;
        let partition = if close(sum_of(all)) {
            Some(all)
        } else if parts.len() <= 12 {
            (1..all).filter(|m| m.count_ones() >= 2 && close(sum_of(*m))).max_by_key(|m| m.count_ones())
        } else {
            None
        };
        let ok = partition.is_some();
        if !ok && !parts.iter().any(|f| value(f) > tv * 1.011) {
            continue;
        }
        let mask = partition.unwrap_or(all);
        let (part_ids, parts): (Vec<usize>, Vec<&Fact>) = part_ids.iter().zip(&parts).enumerate().filter(|(i, _)| mask >> i & 1 == 1).map(|(_, (&id, &f))| (id, f)).unzip();
        let sum: f64 = parts.iter().map(|f| value(f)).sum();
        let names: Vec<String> = parts.iter().map(|f| format!("{} {}", f.segment, fmt_num(value(f)))).collect();
        notes.push(Note {
            kind: "check".into(),
            subject: [ti].into_iter().chain(part_ids).collect(),
            message: format!(
                "revenue {}: segments {} sum to {} {} total {}",
                total.period,
                names.join(" + "),
                fmt_num(sum),
                if ok { "=" } else { "≠" },
                fmt_num(tv)
            ),
            ok: Some(ok),
            period: None,
        });
    }
}

/// Segment names that differ by one letter between revenue and margins ("IT
/// business" beside "IP gross margin") are likely a transcription slip: notes
/// each pair once and returns them (revenue's name, the margin's).
fn misheard_segments(facts: &[Fact], notes: &mut Vec<Note>) -> Vec<(String, String)> {
    let mut aliases: Vec<(String, String)> = Vec::new();
    for total in facts.iter().filter(|f| f.metric == "revenue" && f.segment == "total" && f.kind == Kind::Actual && f.measure == Measure::Level) {
        let segs = |metric: &str| -> Vec<String> {
            let mut v: Vec<String> = facts
                .iter()
                .filter(|f| f.metric == metric && f.segment != "total" && f.period == total.period && f.kind == Kind::Actual)
                .map(|f| f.segment.clone())
                .collect();
            v.dedup();
            v
        };
        let rev = segs("revenue");
        let gm = segs("gross_margin");
        for r in rev.iter().filter(|r| !gm.contains(r)) {
            for m in gm.iter().filter(|m| !rev.contains(m)) {
                if one_letter_apart(r, m) && !aliases.iter().any(|(a, b)| a == r && b == m) {
                    let subject = (0..facts.len())
                        .filter(|&i| {
                            let f = &facts[i];
                            f.metric == "revenue" && f.segment == *r && f.period == total.period && f.measure == Measure::Level
                        })
                        .collect();
                    notes.push(Note {
                        kind: "check".into(),
                        subject,
                        message: format!(
                            "revenue {r} {}: the segment \"{r}\" has no gross margin, but \"{m}\" has one and no revenue; one letter apart, probably the same segment misheard",
                            total.period
                        ),
                        ok: Some(false),
                        period: None,
                    });
                    aliases.push((r.clone(), m.clone()));
                }
            }
        }
    }
    aliases
}

/// Segment margins, weighted by segment revenue (a misheard segment's
/// revenue through `aliases`), make the total margin.
fn weighted_margins(facts: &[Fact], aliases: &[(String, String)], notes: &mut Vec<Note>) {
    for (ti, total) in facts.iter().enumerate().filter(|(_, f)| f.metric.ends_with("_margin") && f.segment == "total" && f.kind == Kind::Actual && f.measure == Measure::Level) {
        let Some(tm) = total.value else { continue };
        let level = |metric: &str, segment: &str| {
            facts
                .iter()
                .find(|f| f.metric == metric && f.segment == segment && f.period == total.period && f.kind == Kind::Actual && f.measure == Measure::Level && !f.conflict)
                .and_then(|f| f.value)
        };
        let parts: Vec<(String, f64, f64, usize)> = facts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.metric == total.metric && f.segment != "total" && f.period == total.period && f.kind == Kind::Actual && f.measure == Measure::Level && !f.conflict)
            .filter_map(|(i, f)| {
                let rev = level("revenue", &f.segment).or_else(|| {
                    aliases.iter().find(|(_, m)| *m == f.segment).and_then(|(r, _)| level("revenue", r))
                })?;
                Some((f.segment.clone(), f.value?, rev, i))
            })
            .collect();
        let revenue: f64 = parts.iter().map(|p| p.2).sum();
        if parts.len() < 2 || revenue <= 0.0 {
            continue;
        }
        let weighted = parts.iter().map(|p| p.1 * p.2).sum::<f64>() / revenue;
        let ok = (weighted - tm).abs() <= 0.5;
        notes.push(Note {
            kind: "check".into(),
            subject: [ti].into_iter().chain(parts.iter().map(|p| p.3)).collect(),
            message: format!(
                "{} {}: segment margins ({}) weighted by revenue give {:.1}% {} total {}%",
                total.metric,
                total.period,
                parts.iter().map(|p| format!("{} {}%", p.0, Dec(p.1))).collect::<Vec<_>>().join(", "),
                Dec(weighted),
                if ok { "=" } else { "≠" },
                Dec(tm)
            ),
            ok: Some(ok),
            period: None,
        });
    }
}

/// A guided range's midpoint against the change guided beside it, from the
/// quarter before.
fn guided_midpoints(facts: &[Fact], notes: &mut Vec<Note>) {
    for (gi, g) in facts.iter().enumerate().filter(|(_, f)| f.kind == Kind::Guidance && f.measure == Measure::Level) {
        let (Some(lo), Some(hi)) = (g.low, g.high) else { continue };
        // A change in constant currency is not the change of the level guided.
        let Some(ch) = facts.iter().find(|c| c.kind == Kind::Guidance && c.measure == Measure::Qoq && c.metric == g.metric && c.segment == g.segment && c.period == g.period && c.unit == Unit::Percent && !crate::facts::Basis::restates(c.basis)) else {
            continue;
        };
        let Some(prev) = g.period.prev_quarter() else { continue };
        let Some(base) = facts.iter().find(|f| f.kind == Kind::Actual && f.measure == Measure::Level && f.metric == g.metric && f.segment == g.segment && f.period == prev && f.unit == g.unit).and_then(|f| f.value) else {
            continue;
        };
        let implied = ((lo + hi) / 2.0 / base - 1.0) * 100.0;
        let said = ch.value.unwrap_or(0.0);
        let ok = (implied - said).abs() <= 1.0;
        notes.push(Note {
            kind: "check".into(),
            subject: vec![gi],
            message: format!(
                "{} {} guidance midpoint {} is {:+.1}% vs {} ({}), stated {:+}%",
                g.metric, g.period, fmt_num((lo + hi) / 2.0), Dec(implied), prev, fmt_num(base), Dec(said)
            ),
            ok: Some(ok),
            period: None,
        });
    }
}

/// A note for each fact said with different values.
fn conflicts(facts: &[Fact], notes: &mut Vec<Note>) {
    for (i, f) in facts.iter().enumerate().filter(|(_, f)| f.conflict) {
        notes.push(Note {
            kind: "conflict".into(),
            subject: vec![i],
            message: Note::conflict_message(f),
            ok: None,
            period: None,
        });
    }
}

/// Same length, at most 4 letters, exactly one letter different ("it"/"ip").
fn one_letter_apart(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.len() <= 4 && a.bytes().zip(b.bytes()).filter(|(x, y)| x != y).count() == 1
}

/// Numbers in a Chinese translation line: "3,210 萬美元" = 32,100,000; "1.842 億美元"; "58.2%".
pub fn cjk_numbers(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.' || chars[i] == ',') {
            i += 1;
        }
        let text: String = chars[start..i].iter().filter(|c| **c != ',').collect();
        let Some(mut v) = crate::decimal::parse(text.trim_end_matches('.')) else { continue };
        let mut j = i;
        while j < chars.len() && chars[j] == ' ' {
            j += 1;
        }
        let mut scale = 1.0;
        while let Some(c) = chars.get(j) {
            let m = match c {
                '千' => 1e3,
                '萬' | '万' => 1e4,
                '百' => 1e2,
                '億' | '亿' => 1e8,
                '兆' => 1e12,
                _ => break,
            };
            scale *= m;
            j += 1;
        }
        v *= scale;
        out.push(v);
        i = j.max(i);
    }
    out
}

/// Bilingual text: each English figure should appear in its translation line.
pub fn check_translations(facts: &[Fact], translations: &[(usize, String)], notes: &mut Vec<Note>) {
    if translations.is_empty() {
        return;
    }
    let (mut checked, mut matched) = (0, 0);
    for (i, f) in facts.iter().enumerate().filter(|(_, f)| f.kind != Kind::Derived && f.measure == Measure::Level) {
        let Some((_, zh)) = translations.iter().find(|(l, _)| *l == f.source.line) else { continue };
        let nums = cjk_numbers(zh);
        let want: Vec<f64> = [f.value, f.low, f.high].into_iter().flatten().map(f64::abs).collect();
        if want.is_empty() || nums.is_empty() {
            continue;
        }
        checked += 1;
        let ok = want.iter().all(|w| nums.iter().any(|n| (n - w).abs() <= 0.006 * w.max(1.0) + 0.05));
        if ok {
            matched += 1;
        } else {
            notes.push(Note {
                kind: "check".into(),
                subject: vec![i],
                message: format!(
                    "line {}: {} {} {} = {} is not in its translation line",
                    f.source.line,
                    f.metric,
                    f.segment,
                    f.period,
                    want.iter().map(|w| fmt_num(*w)).collect::<Vec<_>>().join("–")
                ),
                ok: Some(false),
                period: None,
            });
        }
    }
    if checked > 0 {
        notes.push(Note {
            kind: "check".into(),
            subject: Vec::new(),
            message: format!("translation lines agree with {matched} of {checked} English figures"),
            ok: Some(matched == checked),
            period: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Period;

    /// An actual level of Q3 FY2024.
    fn level(metric: &str, segment: &str, value: f64) -> Fact {
        let unit = if metric.ends_with("_margin") { Unit::Percent } else { Unit::USD };
        Fact {
            metric: metric.into(),
            segment: segment.into(),
            period: Period::quarter(2024, 3),
            kind: Kind::Actual,
            measure: Measure::Level,
            value: Some(value),
            low: None,
            high: None,
            unit,
            basis: None,
            conflict: false,
            source: Source::default(),
        }
    }

    /// Each check step's notes, as (ok, subject).
    fn notes_of(facts: &[Fact], step: fn(&[Fact], &mut Vec<Note>)) -> Vec<(Option<bool>, Vec<usize>)> {
        let mut notes = Vec::new();
        step(facts, &mut notes);
        notes.into_iter().map(|n| (n.ok, n.subject)).collect()
    }

    #[test]
    fn check_steps() {
        let sums = [level("revenue", "total", 100.0), level("revenue", "a", 60.0), level("revenue", "b", 40.0)];
        assert_eq!(notes_of(&sums, segments_sum), [(Some(true), vec![0, 1, 2])]);
        // Parts short of the total may be some of the business only: no note.
        let short = [level("revenue", "total", 100.0), level("revenue", "a", 60.0), level("revenue", "b", 30.0)];
        assert_eq!(notes_of(&short, segments_sum), []);
        // A part inside another, or a grouping over others: the parts that sum to the total.
        let nested = [level("revenue", "total", 100.0), level("revenue", "cloud", 70.0), level("revenue", "a", 60.0), level("revenue", "b", 40.0), level("revenue", "azure", 35.0)];
        assert_eq!(notes_of(&nested, segments_sum), [(Some(true), vec![0, 2, 3])]);
        // A part larger than the total: one of them misread.
        let larger = [level("revenue", "total", 5.0), level("revenue", "cloud", 168.0), level("revenue", "azure", 75.0)];
        assert_eq!(notes_of(&larger, segments_sum), [(Some(false), vec![0, 1, 2])]);
        // "it" has revenue and "ip" a margin: one segment misheard, whose revenue weighs "ip"'s margin.
        let misheard = [
            level("revenue", "total", 100.0),
            level("revenue", "it", 60.0),
            level("revenue", "b", 40.0),
            level("gross_margin", "total", 50.0),
            level("gross_margin", "ip", 40.0),
            level("gross_margin", "b", 65.0),
        ];
        let mut notes = Vec::new();
        let aliases = misheard_segments(&misheard, &mut notes);
        assert_eq!(aliases, [("it".to_string(), "ip".to_string())]);
        assert_eq!(notes.iter().map(|n| (n.ok, n.subject.clone())).collect::<Vec<_>>(), [(Some(false), vec![1])]);
        notes.clear();
        weighted_margins(&misheard, &aliases, &mut notes);
        assert_eq!(notes.iter().map(|n| (n.ok, n.subject.clone())).collect::<Vec<_>>(), [(Some(true), vec![3, 4, 5])]);
        let conflicting = [level("revenue", "total", 100.0), Fact { conflict: true, ..level("revenue", "total", 90.0) }];
        assert_eq!(notes_of(&conflicting, conflicts), [(None, vec![1])]);
    }

    #[test]
    fn chinese_amounts() {
        assert_eq!(cjk_numbers("達到創紀錄的 1.842 億美元,同比增長 73%。"), vec![184_200_000.0, 73.0]);
        assert_eq!(cjk_numbers("3,210 萬美元"), vec![32_100_000.0]);
        assert_eq!(cjk_numbers("1.49億股"), vec![149_000_000.0]);
    }
}
