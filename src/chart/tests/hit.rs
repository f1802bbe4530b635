//! What a chart shows where (hit-testing, overlaps, marks, contrast, patterns)
//! and the charts in words (summaries, tables, details).

use super::*;

#[test]
fn hit_a_pixel_inside_each_bar_maps_to_its_fact() {
    let facts = credo();
    for style in [Style::default(), Style::new(2.0, true)] {
        let (w, h) = ((800.0 * style.scale) as u32, (450.0 * style.scale) as u32);
        let l = layout_of(ChartKind::Revenue, &facts, w, h, &style);
        let bars: Vec<&Region> = l.regions.iter().filter(|r| r.shape == Shape::Bar).collect();
        // Q4 FY22 and Q3 FY23 (derived), Q4 FY23 product + IP, FY23: five pieces.
        assert_eq!(bars.len(), 5, "{:?}", l.regions);
        for r in &bars {
            assert!(r.x1 - r.x0 >= 2.0 && r.y1 - r.y0 >= 1.0, "{r:?}");
            // The centre and pixels near each corner.
            let inset = 1.0;
            for (x, y) in [r.center(), (r.x0 + inset, r.y0 + inset), (r.x1 - inset, r.y1 - inset)] {
                assert_eq!(l.hit(x, y), Some(r.fact), "{} at ({x}, {y})", r.label);
            }
        }
        let at = |i: usize| l.regions_of(i).next().map(|(_, r)| r.center()).expect("region of fact");
        let product = index_of(&facts, "revenue", "product", "FY2023-Q4", Kind::Actual);
        let ip = index_of(&facts, "revenue", "ip", "FY2023-Q4", Kind::Actual);
        let q3 = index_of(&facts, "revenue", "total", "FY2023-Q3", Kind::Derived);
        let guide = index_of(&facts, "revenue", "total", "FY2024-Q1", Kind::Guidance);
        for i in [product, ip, q3, guide] {
            let (x, y) = at(i);
            assert_eq!(l.hit(x, y), Some(i), "{:?}", facts.facts[i]);
        }
        assert_eq!(l.regions_of(guide).next().map(|(_, r)| r.shape), Some(Shape::Range));
        assert!(l.regions_of(product).next().is_some_and(|(_, r)| r.label == "Q4 FY23 · Product revenue: $26.4M"));
        // Nothing in the title area or far outside.
        assert_eq!(l.hit(2.0, 2.0), None);
        assert_eq!(l.hit(-1e9, f64::NAN), None);
        // Reading order: left to right.
        let xs: Vec<f64> = l.regions.iter().map(|r| r.center().0).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1] + 0.5), "{xs:?}");
    }
}

#[test]
fn hit_points_and_ranges_map_to_their_facts() {
    let facts = credo();
    let l = layout_of(ChartKind::Margins, &facts, 800, 450, &Style::default());
    let gm = index_of(&facts, "gross_margin", "total", "FY2023-Q4", Kind::Actual);
    let om = index_of(&facts, "operating_margin", "total", "FY2023-Q4", Kind::Actual);
    let gm3 = index_of(&facts, "gross_margin", "total", "FY2023-Q3", Kind::Derived);
    let gg = index_of(&facts, "gross_margin", "total", "FY2024-Q1", Kind::Guidance);
    for i in [gm, om, gm3, gg] {
        let (_, r) = l.regions_of(i).next().unwrap_or_else(|| panic!("no region for {:?}", facts.facts[i]));
        let (x, y) = r.center();
        assert_eq!(l.hit(x, y), Some(i));
        // A point stays easy to hit a few pixels off its marker.
        if r.shape == Shape::Point {
            assert_eq!(l.hit(r.x1 + 4.0, y), Some(i));
        }
    }
    let l = layout_of(ChartKind::Guidance, &facts, 800, 450, &Style::default());
    assert_eq!(l.regions.iter().filter(|r| r.shape == Shape::Range).count(), 4);
    for r in &l.regions {
        let (x, y) = r.center();
        assert_eq!(l.hit(x, y), Some(r.fact), "{}", r.label);
    }
    let actual = index_of(&facts, "revenue", "total", "FY2023-Q4", Kind::Actual);
    assert!(l.regions_of(actual).any(|(_, r)| r.shape == Shape::Point));
    // An empty chart has nothing to hit.
    let l = layout_of(ChartKind::Margins, &Facts::default(), 800, 450, &Style::default());
    assert!(l.regions.is_empty());
    assert_eq!(l.hit(400.0, 225.0), None);
}

#[test]
fn no_labels_overlap_at_phone_and_desktop_widths() {
    // The sizes the page gives the charts at a 320 px and a 1200 px wide window.
    let facts = credo();
    for (kind, sizes) in [
        (ChartKind::Revenue, [(294, 300), (860, 420)]),
        (ChartKind::Margins, [(294, 300), (860, 420)]),
        (ChartKind::Guidance, [(294, 96 + 4 * 170), (860, 560)]),
    ] {
        for (w, h) in sizes {
            for scale in [1.0, 3.0] {
                let style = Style::new(scale, false);
                let l = layout_of(kind, &facts, (f64::from(w) * scale) as u32, (f64::from(h) * scale) as u32, &style);
                assert!(l.texts.len() >= 8, "{kind:?} at {w}: only {} texts recorded", l.texts.len());
                let bad = l.overlapping_texts(0.5 * scale);
                assert!(bad.is_empty(), "{kind:?} at {w}×{h} @{scale}x: overlapping labels {bad:?}");
                assert!(l.texts.iter().all(|t| t.x0 >= -0.5 && t.x1 <= l.width + 0.5), "{kind:?} at {w}: text outside the chart");
            }
        }
    }
}

#[test]
fn flagged_facts_get_a_mark_and_a_legend_entry() {
    let mut facts = credo();
    let q4 = index_of(&facts, "revenue", "total", "FY2023-Q4", Kind::Actual);
    let gm = index_of(&facts, "gross_margin", "total", "FY2023-Q4", Kind::Actual);
    let product = index_of(&facts, "revenue", "product", "FY2023-Q4", Kind::Actual);
    facts.facts[gm].conflict = true;
    facts.notes.push(crate::facts::Note {
        kind: "check".into(),
        subject: vec![q4, product],
        message: "revenue FY2023-Q4: segments ip 5.7M + product 26.4M sum to 32.1M ≠ total 33.0M".into(),
        ok: Some(false),
        period: None,
    });
    let r = record(ChartKind::Revenue, &facts, 800, 450, &Style::default());
    assert!(has(&r, "Conflict or failed check"));
    let l = layout_of(ChartKind::Revenue, &facts, 800, 450, &Style::default());
    assert!(l.regions_of(product).all(|(_, r)| r.flagged));
    assert!(l.regions.iter().any(|r| r.flagged));
    assert!(facts.flagged()[q4]);
    let l = layout_of(ChartKind::Margins, &facts, 800, 450, &Style::default());
    assert!(l.regions_of(gm).all(|(_, r)| r.flagged));
    assert!(l.regions.iter().filter(|r| r.fact != gm).all(|r| !r.flagged));
    let d = detail(&facts, gm).expect("detail");
    assert!(d.problems.iter().any(|p| p.starts_with("Conflicting figure")), "{:?}", d.problems);
    let d = detail(&facts, product).expect("detail");
    assert!(d.problems.iter().any(|p| p.contains("sum to 32.1M ≠ total")), "{:?}", d.problems);
    // Without problems: no mark, no entry.
    let r = record(ChartKind::Revenue, &credo(), 800, 450, &Style::default());
    assert!(!has(&r, "Conflict or failed check"));
}

#[test]
fn theme_colours_pass_wcag_aa() {
    for dark in [false, true] {
        let t = paint::Theme::new(dark);
        assert!(theme::contrast(t.text, t.bg) >= 7.0, "text, dark={dark}");
        assert!(theme::contrast(t.muted, t.bg) >= 4.5, "muted text, dark={dark}");
        assert!(theme::contrast(t.muted, t.panel) >= 4.5, "muted text on panels, dark={dark}");
        // Graphics: 3:1 against the background (WCAG 1.4.11).
        for (i, c) in t.series.iter().chain([&t.total, &t.other, &t.guide, &t.bad, &t.axis]).enumerate() {
            assert!(theme::contrast(*c, t.bg) >= 3.0, "colour {i} {c:?} on the background, dark={dark}");
        }
        // Value labels inside bars.
        for c in t.series.iter().chain([&t.total, &t.other]) {
            assert!(theme::contrast(t.on(*c), *c) >= 4.5, "label on {c:?}, dark={dark}");
        }
        // The series colour of the implied-change line in guidance panels is text.
        assert!(theme::contrast(t.color(0), t.panel) >= 4.5, "implied change text, dark={dark}");
    }
}

#[test]
fn segments_differ_by_pattern_and_series_by_marker() {
    use paint::{Marker, Pattern};
    let n = Pattern::SERIES.len();
    for i in 0..n {
        for j in i + 1..n {
            assert_ne!(Pattern::series(i), Pattern::series(j));
        }
        assert_ne!(Pattern::series(i), Pattern::Vertical, "'Other' has a pattern of its own");
    }
    assert_ne!(Marker::series(0), Marker::series(1));
    // The split Q4 bar draws its second segment with a pattern: more lines
    // than the same chart with one segment.
    let mut one = credo();
    one.facts.retain(|f| f.segment != "ip");
    let a = record(ChartKind::Revenue, &credo(), 800, 450, &Style::default());
    let b = record(ChartKind::Revenue, &one, 800, 450, &Style::default());
    assert!(a.circles > b.circles + 10, "dotted IP segment: {} vs {} circles", a.circles, b.circles);
}

#[test]
fn summaries_say_what_each_chart_shows() {
    let mut facts = credo();
    assert_eq!(
        summary(ChartKind::Revenue, &facts),
        "Revenue fell 41% to $32.1M in Q4 FY23 (Product $26.4M, IP $5.7M); Q1 FY24 guided $33–35M."
    );
    // A stated change wins over the computed one.
    facts.facts.push(Fact { measure: Measure::Qoq, value: Some(-40.0), ..fact("revenue", "total", "FY2023-Q4", Kind::Actual, None, Unit::Percent) });
    assert!(summary(ChartKind::Revenue, &facts).starts_with("Revenue fell 40% to $32.1M in Q4 FY23"));
    assert_eq!(
        summary(ChartKind::Margins, &facts),
        "Gross margin was 58.2% in Q4 FY23, down 0.9 pp from Q3 FY23; operating margin was −26.4% in Q4 FY23. \
         Q1 FY24 gross margin guided 58–60%."
    );
    let g = summary(ChartKind::Guidance, &facts);
    assert!(g.starts_with("Guidance for Q1 FY24: revenue $33–35M (+5.9% vs Q4 FY23); gross margin 58–60% (+0.8 pp vs Q4 FY23);"), "{g}");
    for kind in ChartKind::ALL {
        assert_eq!(summary(kind, &Facts::default()), format!("{}.", kind.empty_message()));
    }
}

#[test]
fn tables_list_the_facts_each_chart_shows() {
    let facts = credo();
    let t = table(ChartKind::Revenue, &facts);
    assert_eq!(t.columns, ["Period", "Series", "Value", "Kind", "Basis", "Source"]);
    let cells: Vec<String> = t.rows.iter().map(|r| r.cells[..4].join(" | ")).collect();
    assert_eq!(
        cells,
        [
            "Q4 FY2022 | Revenue | $37.3M | Derived",
            "Q3 FY2023 | Revenue | $54.4M | Derived",
            "Q4 FY2023 | Revenue | $32.1M | Actual",
            "Q4 FY2023 | Product revenue | $26.4M | Actual",
            "Q4 FY2023 | IP revenue | $5.7M | Actual",
            "FY2023 | Revenue | $184.2M | Actual",
            "Q1 FY2024 | Revenue | $33–35M | Guidance",
        ]
    );
    assert!(t.rows.iter().all(|r| facts.facts[r.fact].metric == "revenue"));
    let t = table(ChartKind::Guidance, &facts);
    assert_eq!(t.rows.len(), 4 + 3, "four guides, three with a last actual");
    assert!(table(ChartKind::Margins, &Facts::default()).rows.is_empty());
}

#[test]
fn details_explain_value_change_basis_and_source() {
    let mut facts = credo();
    let q3 = index_of(&facts, "revenue", "total", "FY2023-Q3", Kind::Derived);
    facts.facts[q3].source.text = "32.1M / (1 − 0.41) = 54.4M, from 'In Q4, revenue was $32.1 million, down 41% sequentially.'".into();
    facts.facts[q3].basis = Some(crate::facts::Basis::NonGaap);
    let d = detail(&facts, q3).expect("derived detail");
    assert_eq!(d.computation.as_deref(), Some("32.1M / (1 − 0.41) = 54.4M"));
    assert_eq!(d.quote, "In Q4, revenue was $32.1 million, down 41% sequentially.");
    assert_eq!(d.value, "$54.4M");
    let row = |d: &Detail, k: &str| d.rows.iter().find(|r| r[0] == k).map(|r| r[1].clone());
    assert_eq!(row(&d, "Basis").as_deref(), Some("non-GAAP"));
    assert_eq!(row(&d, "Kind").as_deref(), Some("Derived: computed from a stated change"));
    let q4 = index_of(&facts, "revenue", "total", "FY2023-Q4", Kind::Actual);
    let d = detail(&facts, q4).expect("detail");
    assert_eq!(d.title, "Revenue · Q4 FY2023");
    assert_eq!(row(&d, "Change").as_deref(), Some("−41% QoQ (vs Q3 FY23, computed) · −13.9% YoY (vs Q4 FY22, computed)"));
    facts.facts.push(Fact { measure: Measure::Qoq, value: Some(-41.0), ..fact("revenue", "total", "FY2023-Q4", Kind::Actual, None, Unit::Percent) });
    let d = detail(&facts, q4).expect("detail");
    assert_eq!(row(&d, "Change").as_deref(), Some("−41% QoQ"));
    let g = detail(&facts, index_of(&facts, "revenue", "total", "FY2024-Q1", Kind::Guidance)).expect("guide");
    assert_eq!(g.value, "$33–35M");
    assert_eq!(row(&g, "Midpoint").as_deref(), Some("$34M"));
    assert_eq!(row(&g, "Basis").as_deref(), Some("not stated"));
    assert!(detail(&facts, 10_000).is_none());
}

#[test]
fn a_split_bars_total_is_reachable_by_its_label() {
    let facts = credo();
    let l = layout_of(ChartKind::Revenue, &facts, 800, 450, &Style::default());
    let q4 = index_of(&facts, "revenue", "total", "FY2023-Q4", Kind::Actual);
    let (k, r) = l.regions_of(q4).next().expect("the Q4 total has a region");
    assert_eq!(r.shape, Shape::Label);
    assert_eq!(r.label, "Q4 FY23 · Revenue, total: $32.1M");
    assert_eq!(l.hit_region(r.center().0, r.center().1), Some(k));
    // In reading order it follows the pieces of its bar.
    let product = index_of(&facts, "revenue", "product", "FY2023-Q4", Kind::Actual);
    let p = l.regions_of(product).next().map(|(i, _)| i).expect("product piece");
    assert!(p < k);
}
