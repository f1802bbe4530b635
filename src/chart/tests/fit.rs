//! Every width from a phone's: period labels, values, plot heights, titles.

use super::*;

#[test]
fn period_labels_shorten_to_the_part_with_the_year_under_it() {
    use names::{period_label, period_year, PeriodForm};
    let q: Period = "FY2022-Q4".parse().expect("period");
    let forms: Vec<String> = PeriodForm::ALL.iter().map(|f| period_label(&q, *f)).collect();
    assert_eq!(forms, ["Q4 FY22", "Q4 '22", "Q4"]);
    assert_eq!(period_year(&q).as_deref(), Some("FY22"));
    let h: Period = "CY2024-H2".parse().expect("period");
    assert_eq!(period_label(&h, PeriodForm::Short), "H2 '24");
    assert_eq!(period_year(&h).as_deref(), Some("CY24"));
    // A year is never cut, and needs no year under it.
    let y: Period = "FY2023".parse().expect("period");
    assert!(PeriodForm::ALL.iter().all(|f| period_label(&y, *f) == "FY23"));
    assert_eq!(period_year(&y), None);
    assert_eq!(period_label(&Period::LongTerm, PeriodForm::Part), "LT");
}

/// The labels a period ("Q4 FY22") may be written as, its bare part ("Q4")
/// and the years that must then stand under it ("FY22", "'22").
fn period_forms(period: &str) -> (Vec<String>, Option<String>, Vec<String>) {
    // Chinese: "2023 財年第四季", then "FY23 Q4", then "Q4" with "FY23" under it.
    if let Some((year, q)) = period.split_once(" 財年第").and_then(|(y, rest)| Some((y, rest.strip_suffix('季')?))) {
        let n = ["一", "二", "三", "四"].iter().position(|c| *c == q).map_or(0, |i| i + 1);
        if year.len() == 4 && n > 0 {
            let yy = &year[2..];
            let part = format!("Q{n}");
            return (vec![period.to_string(), format!("FY{yy} {part}"), part.clone()], Some(part), vec![format!("FY{yy}")]);
        }
    }
    if let Some(year) = period.strip_suffix(" 財年").filter(|y| y.len() == 4) {
        return (vec![period.to_string(), format!("FY{}", &year[2..])], None, Vec::new());
    }
    let w: Vec<&str> = period.split(' ').collect();
    if let [part, year] = w.as_slice() {
        if part.len() == 2 && year.len() == 4 && (year.starts_with("FY") || year.starts_with("CY")) {
            let yy = &year[2..];
            return (vec![period.to_string(), format!("{part} '{yy}"), part.to_string()], Some(part.to_string()), vec![year.to_string(), format!("'{yy}")]);
        }
    }
    (vec![period.to_string()], None, Vec::new())
}

/// What is wrong with a layout: elements whose period has no label under
/// them (a bare "Q4" with no year below), overlapping texts, texts outside.
pub(super) fn layout_problems(l: &HitMap) -> Vec<String> {
    let mut out = Vec::new();
    let s = l.scale;
    for r in &l.regions {
        let period = r.label.split(" · ").next().unwrap_or_default();
        let (forms, part, years) = period_forms(period);
        let cx = r.center().0;
        let label = l.texts.iter().find(|t| forms.contains(&t.text) && t.x0 - 2.0 * s <= cx && cx <= t.x1 + 2.0 * s && t.y0 >= r.y1 - 2.0 * s);
        match label {
            None => out.push(format!("no period label under {:?}", r.label)),
            Some(t) if Some(&t.text) == part.as_ref() => {
                if !l.texts.iter().any(|y| years.contains(&y.text) && y.y0 >= t.y1 - 1.0) {
                    out.push(format!("{:?} under {:?} has no year under it", t.text, r.label));
                }
            }
            Some(_) => {}
        }
    }
    for (a, b) in l.overlapping_texts(0.5 * s) {
        out.push(format!("overlap {:?} / {:?}", a.text, b.text));
    }
    for t in &l.texts {
        if t.x0 < -0.5 || t.x1 > l.width + 0.5 || t.y0 < -0.5 || t.y1 > l.height + 0.5 {
            out.push(format!("outside: {:?}", t.text));
        }
    }
    out
}

/// Draws at width `w` (CSS px) and the height the chart asks for there.
pub(super) fn at_min_height(kind: ChartKind, facts: &Facts, w: f64, style: &Style) -> HitMap {
    let s = style.scale;
    let first = layout_of(kind, facts, (w * s) as u32, (300.0 * s) as u32, style);
    let h = first.min_height.max(300.0 * s);
    layout_of(kind, facts, (w * s) as u32, h as u32, style)
}

#[test]
fn every_period_keeps_a_label_and_no_texts_overlap_at_narrow_widths() {
    let facts = credo();
    for kind in ChartKind::ALL {
        let wide: Vec<String> = at_min_height(kind, &facts, 860.0, &Style::default()).regions.iter().map(|r| r.label.clone()).collect();
        for w in [240.0, 294.0, 330.0, 360.0, 420.0, 520.0, 640.0, 860.0] {
            for scale in [1.0, 2.0] {
                let l = at_min_height(kind, &facts, w, &Style::new(scale, false));
                let bad = layout_problems(&l);
                assert!(bad.is_empty(), "{kind:?} at {w} px @{scale}x: {bad:?}\n{:?}", l.texts.iter().map(|t| &t.text).collect::<Vec<_>>());
                // Every element of the wide chart is drawn (a split bar's
                // total by its label, shortened rather than dropped).
                let labels: Vec<&String> = l.regions.iter().map(|r| &r.label).collect();
                for want in &wide {
                    assert!(labels.contains(&want), "{kind:?} at {w} px @{scale}x lost {want:?}");
                }
            }
        }
    }
    // At a phone's width the quarters are bare, each year once under them.
    let l = at_min_height(ChartKind::Revenue, &facts, 294.0, &Style::default());
    let texts: Vec<&str> = l.texts.iter().map(|t| t.text.as_str()).collect();
    for want in ["Q4", "Q3", "Q1", "FY22", "FY23", "FY24"] {
        assert!(texts.contains(&want), "{want}: {texts:?}");
    }
    assert_eq!(texts.iter().filter(|t| **t == "FY23").count(), 2, "FY23 once under Q3 Q4, once as the year's bar: {texts:?}");
    assert!(!texts.iter().any(|t| ["Q4 FY22", "Q3 FY23", "Q4 FY23", "Q4 '22", "Q3 '23", "Q4 '23"].contains(t)), "no long period label at 294 px: {texts:?}");
}

#[test]
fn values_shorten_before_they_are_dropped() {
    let facts = credo();
    // Wide: "$184.2M"; narrower slots: "184.2", then "184".
    let texts = |w: f64| -> Vec<String> { at_min_height(ChartKind::Revenue, &facts, w, &Style::default()).texts.into_iter().map(|t| t.text).collect() };
    let wide = texts(860.0);
    assert!(wide.contains(&"$184.2M".to_string()), "{wide:?}");
    let narrow = texts(240.0);
    assert!(narrow.iter().any(|t| t == "184" || t == "184.2"), "{narrow:?}");
    assert!(!narrow.contains(&"$184.2M".to_string()), "{narrow:?}");
}

#[test]
fn charts_ask_for_the_height_their_plots_need() {
    let facts = credo();
    for kind in ChartKind::ALL {
        let min = if kind == ChartKind::Guidance { MIN_PANEL_PLOT_H } else { MIN_PLOT_H };
        for w in [294.0, 360.0, 520.0, 860.0] {
            for scale in [1.0, 2.0] {
                let style = Style::new(scale, false);
                let short = layout_of(kind, &facts, (w * scale) as u32, (200.0 * scale) as u32, &style);
                let tall = layout_of(kind, &facts, (w * scale) as u32, (2000.0 * scale) as u32, &style);
                // The need depends on the width alone, so a page that grows
                // a canvas to it draws once more and is done.
                assert_eq!(short.min_height, tall.min_height, "{kind:?} at {w} px");
                let l = at_min_height(kind, &facts, w, &style);
                assert!(!l.plots.is_empty(), "{kind:?} at {w} px: no plot area");
                for p in &l.plots {
                    assert!(p.y1 - p.y0 >= min * scale - 1.0, "{kind:?} at {w} px @{scale}x: plot {:.1} tall", (p.y1 - p.y0) / scale);
                    assert_eq!(p.min_h, min * scale);
                }
                // Too short a canvas: the plots are smaller than their minimum, and the chart says so.
                assert!(short.min_height > short.height, "{kind:?} at {w} px");
            }
        }
    }
    // Guidance: four panels where three fit across are two rows of two.
    let l = at_min_height(ChartKind::Guidance, &facts, 560.0, &Style::default());
    let mut rows: Vec<i64> = l.plots.iter().map(|p| p.y0.round() as i64).collect();
    crate::order::sort(&mut rows);
    rows.dedup();
    assert_eq!((l.plots.len(), rows.len()), (4, 2), "{:?}", l.plots);
    // Every panel draws its range and, where there is one, its last actual.
    assert_eq!(l.regions.len(), 7);
}

#[test]
fn long_titles_and_panel_names_take_a_second_line_before_they_are_cut() {
    let facts = credo();
    for w in [294.0, 360.0, 560.0] {
        let l = at_min_height(ChartKind::Guidance, &facts, w, &Style::default());
        let texts: Vec<&str> = l.texts.iter().map(|t| t.text.as_str()).collect();
        assert!(texts.contains(&"Operating expenses") || (texts.contains(&"Operating") && texts.contains(&"expenses")), "{w}: {texts:?}");
        assert!(texts.contains(&"Credo · Q4 FY2023 — Guidance") || (texts.contains(&"Credo · Q4 FY2023") && texts.contains(&"Guidance")), "{w}: {texts:?}");
        assert!(!texts.iter().any(|t| t.starts_with("Operating") && t.ends_with('…')), "{w}: {texts:?}");
    }
}
