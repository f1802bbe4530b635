//! Unit tests through a recording backend: what was drawn, not how it looks.

use std::convert::Infallible;

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use super::*;
use crate::facts::{Fact, Kind, Measure, Period, Unit};

/// Counts drawing calls and keeps the texts.
#[derive(Default)]
struct Recorder {
    size: (u32, u32),
    rects: usize,
    filled_rects: usize,
    lines: usize,
    circles: usize,
    polygons: usize,
    texts: Vec<String>,
    /// Any coordinate far outside the canvas.
    wild: usize,
}

impl Recorder {
    fn check(&mut self, c: BackendCoord) {
        let (w, h) = (self.size.0 as i32, self.size.1 as i32);
        if c.0 < -w || c.0 > 2 * w || c.1 < -h || c.1 > 2 * h {
            self.wild += 1;
        }
    }
}

impl DrawingBackend for Recorder {
    type ErrorType = Infallible;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: BackendColor) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, _: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        self.check(a);
        self.check(b);
        self.lines += 1;
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(&mut self, a: BackendCoord, b: BackendCoord, _: &S, fill: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.check(a);
        self.check(b);
        self.rects += 1;
        self.filled_rects += usize::from(fill);
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, _: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        for c in path {
            self.check(c);
        }
        self.lines += 1;
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, _: u32, _: &S, _: bool) -> Result<(), DrawingErrorKind<Infallible>> {
        self.check(c);
        self.circles += 1;
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, v: I, _: &S) -> Result<(), DrawingErrorKind<Infallible>> {
        for c in v {
            self.check(c);
        }
        self.polygons += 1;
        Ok(())
    }
    /// Text as wide and tall as a browser's sans-serif, or a little more
    /// (plotters' own estimate is lower, and would hide overlaps).
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, style: &S) -> Result<(u32, u32), DrawingErrorKind<Infallible>> {
        let size = style.size();
        // CJK ideographs and full-width forms are a whole em wide.
        let ems: f64 = text.chars().map(|c| if matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}') { 1.0 } else { 0.6 }).sum();
        Ok(((ems * size).ceil() as u32, (size * 1.2).ceil() as u32))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, _: &S, pos: BackendCoord) -> Result<(), DrawingErrorKind<Infallible>> {
        self.check(pos);
        self.texts.push(text.to_string());
        Ok(())
    }
}

/// Draws `kind` on a recorder and hands it back.
fn record(kind: ChartKind, facts: &Facts, w: u32, h: u32, style: &Style) -> Recorder {
    let area = Recorder { size: (w, h), ..Recorder::default() }.into_drawing_area();
    draw(&area, kind, facts, style).expect("recorder never fails");
    drop(area);
    // The area owns the backend; draw again into one we keep.
    let rec = std::rc::Rc::new(std::cell::RefCell::new(Recorder { size: (w, h), ..Recorder::default() }));
    let area = DrawingArea::from(&rec);
    draw(&area, kind, facts, style).expect("recorder never fails");
    drop(area);
    std::rc::Rc::try_unwrap(rec).ok().expect("area dropped").into_inner()
}

fn fact(metric: &str, segment: &str, period: &str, kind: Kind, value: Option<f64>, unit: Unit) -> Fact {
    Fact { value, unit, ..Fact::for_test(metric, segment, period, kind) }
}

fn range(metric: &str, period: &str, low: f64, high: f64, unit: Unit) -> Fact {
    Fact { low: Some(low), high: Some(high), ..fact(metric, "total", period, Kind::Guidance, None, unit) }
}

fn credo() -> Facts {
    let usd = Unit::USD;
    let pct = Unit::Percent;
    Facts {
        company: "Credo".into(),
        call: Some(Period::quarter(2023, 4)),
        facts: vec![
            fact("revenue", "total", "FY2023", Kind::Actual, Some(184.2e6), usd),
            fact("revenue", "total", "FY2023-Q4", Kind::Actual, Some(32.1e6), usd),
            fact("revenue", "ip", "FY2023-Q4", Kind::Actual, Some(5.7e6), usd),
            fact("revenue", "product", "FY2023-Q4", Kind::Actual, Some(26.4e6), usd),
            fact("gross_margin", "total", "FY2023-Q4", Kind::Actual, Some(58.2), pct),
            fact("operating_margin", "total", "FY2023-Q4", Kind::Actual, Some(-26.4), pct),
            fact("operating_expenses", "total", "FY2023-Q4", Kind::Actual, Some(27.2e6), usd),
            range("revenue", "FY2024-Q1", 33e6, 35e6, usd),
            range("gross_margin", "FY2024-Q1", 58.0, 60.0, pct),
            range("operating_expenses", "FY2024-Q1", 26e6, 28e6, usd),
            fact("share_count", "total", "FY2024-Q1", Kind::Guidance, Some(149e6), Unit::Shares),
            fact("revenue", "total", "FY2023-Q3", Kind::Derived, Some(54.4e6), usd),
            fact("revenue", "total", "FY2022-Q4", Kind::Derived, Some(37.3e6), usd),
            fact("gross_margin", "total", "FY2023-Q3", Kind::Derived, Some(59.14), pct),
        ],
        ..Facts::default()
    }
}

fn has(r: &Recorder, needle: &str) -> bool {
    r.texts.iter().any(|t| t.contains(needle))
}

#[test]
fn chart_titles_carry_company_and_call() {
    for kind in ChartKind::ALL {
        let r = record(kind, &credo(), 800, 450, &Style::default());
        assert!(has(&r, "Credo · Q4 FY2023"), "{kind:?}: {:?}", r.texts);
        assert!(has(&r, kind.label()), "{kind:?}");
        assert_eq!(r.wild, 0, "{kind:?} drew outside the canvas");
    }
}

#[test]
fn chart_revenue_one_bar_per_period() {
    let facts = Facts {
        facts: credo().facts.into_iter().filter(|f| f.segment == "total" && f.kind != Kind::Guidance).collect(),
        ..credo()
    };
    let (bars, _, _) = revenue::bars(&facts);
    let periods: Vec<String> = bars.iter().map(|b| b.period.to_string()).collect();
    assert_eq!(periods, ["FY2022-Q4", "FY2023-Q3", "FY2023-Q4", "FY2023"]);
    assert!(bars.iter().all(|b| b.pieces.len() == 1));
    let r = record(ChartKind::Revenue, &facts, 800, 450, &Style::default());
    for label in ["Q4 FY22", "Q3 FY23", "Q4 FY23", "FY23"] {
        assert_eq!(r.texts.iter().filter(|t| *t == label).count(), 1, "{label}: {:?}", r.texts);
    }
    assert!(has(&r, "derived"));
    assert!(has(&r, "$32.1M"));
}

#[test]
fn chart_revenue_stacks_segments_and_guides() {
    let (bars, segments, _) = revenue::bars(&credo());
    assert_eq!(segments, ["product", "ip"]);
    let q4 = bars.iter().find(|b| b.period == Period::quarter(2023, 4)).expect("Q4 bar");
    let parts: Vec<f64> = q4.pieces.iter().map(|p| p.value).collect();
    assert_eq!(parts, [26.4e6, 5.7e6]);
    let q1 = bars.iter().find(|b| b.period == Period::quarter(2024, 1)).expect("guided bar");
    assert!(q1.pieces.is_empty() && q1.guide.is_some());
    let r = record(ChartKind::Revenue, &credo(), 800, 450, &Style::default());
    assert!(has(&r, "$33–35M"), "{:?}", r.texts);
    assert!(has(&r, "Product") && has(&r, "IP"));
    assert!(has(&r, "guidance"));
}

#[test]
fn chart_revenue_shows_other_remainder() {
    let mut facts = credo();
    facts.facts.retain(|f| f.segment != "ip");
    let (bars, _, _) = revenue::bars(&facts);
    let q4 = bars.iter().find(|b| b.period == Period::quarter(2023, 4)).expect("Q4 bar");
    assert_eq!(q4.pieces.last().map(|p| p.part.clone()), Some(revenue::Part::Other));
    assert!((q4.pieces.iter().map(|p| p.value).sum::<f64>() - 32.1e6).abs() < 1.0);
    let r = record(ChartKind::Revenue, &facts, 800, 450, &Style::default());
    assert!(has(&r, "Other"));
}

#[test]
fn chart_margins_and_guidance_texts() {
    let r = record(ChartKind::Margins, &credo(), 800, 450, &Style::default());
    assert!(has(&r, "58.2%"), "{:?}", r.texts);
    assert!(has(&r, "−26.4%"));
    assert!(has(&r, "58–60%"));
    assert!(has(&r, "Gross margin") && has(&r, "Operating margin"));
    let r = record(ChartKind::Guidance, &credo(), 800, 450, &Style::default());
    for t in ["+5.9% vs Q4 FY23", "+0.8 pp vs Q4 FY23", "−0.7% vs Q4 FY23", "No actual in this", "149M shares"] {
        assert!(has(&r, t), "{t}: {:?}", r.texts);
    }
}

#[test]
fn chart_empty_facts_show_message() {
    for kind in ChartKind::ALL {
        let r = record(kind, &Facts::default(), 800, 450, &Style::default());
        assert!(has(&r, kind.empty_message()), "{kind:?}: {:?}", r.texts);
        assert!(has(&r, kind.label()));
        assert_eq!(r.circles, 0);
    }
}

#[test]
fn chart_never_panics_on_odd_facts() {
    let usd = Unit::USD;
    let mut odd = vec![
        fact("revenue", "total", "FY2023-Q1", Kind::Actual, Some(f64::NAN), usd),
        fact("revenue", "total", "FY2023-Q2", Kind::Actual, Some(f64::INFINITY), usd),
        fact("revenue", "total", "FY2023-Q3", Kind::Actual, Some(1e300), usd),
        fact("revenue", "total", "FY2023-Q4", Kind::Actual, Some(-5e6), usd),
        fact("revenue", "a", "FY2023-Q4", Kind::Actual, Some(1e6), usd),
        fact("revenue", "total", "LT", Kind::Guidance, None, usd),
        fact("revenue", "total", "CY2024-H2", Kind::Derived, Some(0.0), Unit::Money(crate::facts::Currency(*b"JPY"))),
        fact("gross_margin", "total", "FY2023", Kind::Actual, Some(-1e308), Unit::Percent),
        fact("operating_margin", "x", "FY2023-Q2", Kind::Actual, Some(f64::NAN), Unit::Percent),
        range("gross_margin", "FY2024-Q1", f64::NAN, 60.0, Unit::Percent),
        range("eps", "FY2024", 0.1, -0.1, Unit::PerShare(crate::facts::Currency::USD)),
        range("days_sales_outstanding", "FY2024-Q1", 1e300, -1e300, Unit::Days),
    ];
    // Thirty quarters and one period each.
    for i in 0..30 {
        let y = 2000 + i / 4;
        let q = (i % 4 + 1) as u8;
        let per = format!("FY{y}-Q{q}");
        odd.push(fact("revenue", "total", &per, Kind::Actual, Some(1e6 * f64::from(i)), usd));
        odd.push(fact("gross_margin", "total", &per, Kind::Derived, Some(f64::from(i) - 10.0), Unit::Percent));
        odd.push(range("metric_number_with_a_very_long_name", &per, 1.0, 2.0, Unit::Times));
    }
    let one = vec![fact("revenue", "total", "FY2023-Q4", Kind::Actual, Some(32.1e6), usd)];
    let sizes = [(800, 450), (0, 0), (1, 1), (30, 20), (320, 600), (4000, 300)];
    let styles = [
        Style::default(),
        Style::new(2.0, true),
        Style::new(f64::NAN, false),
        Style::new(0.0, true),
        Style::new(1e9, false),
    ];
    for facts in [odd, one, Vec::new()] {
        let facts = Facts { company: "Ünïcødé Co.".repeat(8), facts, ..Facts::default() };
        // The words too: details, summaries and tables of odd facts.
        for i in 0..facts.facts.len() + 1 {
            let _ = detail(&facts, i);
        }
        for kind in ChartKind::ALL {
            assert!(!summary(kind, &facts).is_empty());
            let t = table(kind, &facts);
            assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len() && r.fact < facts.facts.len()));
        }
        let _ = crate::view::view("Operator\nRevenue was $1 million.\n", &facts);
        for kind in ChartKind::ALL {
            for (w, h) in sizes {
                for style in &styles {
                    let _ = record(kind, &facts, w, h, style);
                    let _ = render_svg(kind, &facts, w, h, style);
                }
            }
        }
    }
}

#[test]
fn chart_scale_multiplies_sizes() {
    let a = record(ChartKind::Revenue, &credo(), 800, 450, &Style::default());
    let b = record(ChartKind::Revenue, &credo(), 1600, 900, &Style::new(2.0, false));
    // Same layout at twice the pixels: the same texts are drawn.
    assert_eq!(a.texts, b.texts);
}

#[test]
fn chart_kind_parses() {
    assert_eq!("guidance".parse::<ChartKind>(), Ok(ChartKind::Guidance));
    assert!("pie".parse::<ChartKind>().is_err());
}

#[test]
fn style_overrides_colour_and_font() {
    let style = Style {
        colors: Colors { bg: Colors::parse_hex("#102030"), fg: Colors::parse_hex("#eee"), accent: Colors::parse_hex("#ff8800") },
        font: Some("Georgia, serif".into()),
        ..Style::new(1.0, false)
    };
    let svg = render_svg(ChartKind::Revenue, &credo(), 800, 450, &style);
    assert!(svg.contains("fill=\"#102030\""), "background override missing");
    assert!(svg.contains("fill=\"#EEEEEE\""), "text colour override missing");
    assert!(svg.contains("#FF8800"), "accent override missing");
    assert!(svg.contains("font-family=\"Georgia, serif\""), "font override missing");
    // A dark background picks the dark palette even when `dark` is false.
    assert_eq!(paint::Theme::for_style(&style).series[1], paint::Theme::new(true).series[1]);
    // A font that could break out of its attribute or a CSS rule is ignored.
    let bad = Style { font: Some("x;}<script>".into()), ..Style::default() };
    assert!(render_svg(ChartKind::Margins, &credo(), 400, 300, &bad).contains("font-family=\"sans-serif\""));
    assert_eq!(Colors::parse_hex("#12345"), None);
    assert_eq!(Colors::parse_hex("red"), None);
}

#[test]
fn hostile_names_are_escaped_in_svg() {
    let mut facts = credo();
    facts.company = "<script>alert(1)</script>".into();
    for f in &mut facts.facts {
        if f.segment != "total" {
            f.segment = "<img src=x onerror=alert(1)>".into();
        }
    }
    for kind in ChartKind::ALL {
        let svg = render_svg(kind, &facts, 800, 450, &Style::default());
        assert!(!svg.contains("<script") && !svg.contains("<img"), "{kind:?} SVG carries raw markup");
    }
}

/// Draws `kind` on a recorder and returns the layout.
fn layout_of(kind: ChartKind, facts: &Facts, w: u32, h: u32, style: &Style) -> HitMap {
    let area = Recorder { size: (w, h), ..Recorder::default() }.into_drawing_area();
    draw(&area, kind, facts, style).expect("recorder never fails")
}

fn index_of(facts: &Facts, metric: &str, segment: &str, period: &str, kind: Kind) -> usize {
    let period: Period = period.parse().expect("test period");
    facts
        .facts
        .iter()
        .position(|f| f.metric == metric && f.segment == segment && f.period == period && f.kind == kind && f.measure == Measure::Level)
        .expect("fact in fixture")
}

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

#[test]
fn period_labels_shorten_to_the_part_with_the_year_under_it() {
    use data::{period_label, period_year, PeriodForm};
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
fn layout_problems(l: &HitMap) -> Vec<String> {
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
fn at_min_height(kind: ChartKind, facts: &Facts, w: f64, style: &Style) -> HitMap {
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
    rows.sort_unstable();
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

// ---- Traditional Chinese -----------------------------------------------------

fn zh(scale: f64) -> Style {
    Style { lang: crate::i18n::Lang::ZhTw, ..Style::new(scale, false) }
}

#[test]
fn zh_amounts_are_in_wan_and_yi_and_periods_as_taiwanese_media_write_them() {
    use crate::i18n::{with, Lang};
    use data::{call_label, period_label, period_year, Fmt, PeriodForm};
    with(Lang::ZhTw, || {
        // An axis up to 5,440 萬 is in 億 (short tick labels); each amount
        // written out is in its own magnitude.
        let m = Fmt::new(Unit::USD, 54.4e6);
        assert_eq!(m.axis(), "億美元");
        assert_eq!(m.short(32.1e6), "0.321");
        assert_eq!(m.full(32.1e6), "3,210 萬美元");
        assert_eq!(m.range(33e6, 35e6), "3,300–3,500 萬美元");
        assert_eq!(m.full(-8.5e6), "−850 萬美元");
        assert_eq!(Fmt::new(Unit::USD, 5e6).axis(), "萬美元");
        let y = Fmt::new(Unit::USD, 184.2e6);
        assert_eq!(y.axis(), "億美元");
        assert_eq!(y.full(184.2e6), "1.842 億美元");
        assert_eq!(y.short(184.2e6), "1.842");
        assert_eq!(y.whole(184.2e6), "1.8");
        assert_eq!(y.full(32.1e6), "3,210 萬美元");
        assert_eq!(y.range(9e7, 1.1e8), "0.9–1.1 億美元");
        assert_eq!(Fmt::new(Unit::USD, 2.5e12).full(2.5e12), "2.5 兆美元");
        assert_eq!(Fmt::new(Unit::Money(crate::facts::Currency(*b"TWD")), 2.5e11).full(2.5e11), "2,500 億元");
        assert_eq!(Fmt::new(Unit::USD, 5000.0).full(5000.0), "5,000 美元");
        assert_eq!(Fmt::new(Unit::Percent, 60.0).range(58.0, 60.0), "58–60%");
        assert_eq!(Fmt::new(Unit::Bp, 245.0).full(245.0), "245 個基點");
        assert_eq!(Fmt::new(Unit::Shares, 149e6).full(149e6), "1.49 億股");
        let q: Period = "FY2024-Q1".parse().expect("period");
        assert_eq!(call_label(&q), "2024 財年第一季");
        let forms: Vec<String> = PeriodForm::ALL.iter().map(|f| period_label(&q, *f)).collect();
        assert_eq!(forms, ["2024 財年第一季", "FY24 Q1", "Q1"]);
        assert_eq!(period_year(&q).as_deref(), Some("FY24"));
        assert_eq!(call_label(&"FY2023".parse().expect("period")), "2023 財年");
        assert_eq!(call_label(&"CY2024-H2".parse().expect("period")), "2024 年下半年");
        assert_eq!(call_label(&Period::LongTerm), "長期");
    });
    // Outside a Chinese call, English as always.
    assert_eq!(Fmt::new(Unit::USD, 184.2e6).full(184.2e6), "$184.2M");
}

#[test]
fn zh_charts_write_every_word_in_chinese() {
    let facts = credo();
    let texts = |kind| record(kind, &facts, 860, 560, &zh(1.0)).texts;
    let rev = texts(ChartKind::Revenue);
    for want in ["Credo · 2023 財年第四季", "營收", "億美元", "1.842 億美元", "財測區間 · ◆ 中位數", "季度", "全年", "推算"] {
        assert!(rev.iter().any(|t| t.contains(want)), "revenue: no {want:?} in {rev:?}");
    }
    let mar = texts(ChartKind::Margins);
    for want in ["利潤率", "毛利率", "營業利益率", "58.2%"] {
        assert!(mar.iter().any(|t| t.contains(want)), "margins: no {want:?} in {mar:?}");
    }
    let gui = texts(ChartKind::Guidance);
    for want in ["財測", "營收", "最近實際值", "3,210 萬美元", "較上季 +5.9%"] {
        assert!(gui.iter().any(|t| t.contains(want)), "guidance: no {want:?} in {gui:?}");
    }
    // A guided range in full where it fits, else in the axis's unit.
    assert!(gui.iter().any(|t| t == "3,300–3,500 萬美元" || t == "0.33–0.35"), "{gui:?}");
    let wide = record(ChartKind::Guidance, &facts, 1600, 560, &zh(1.0)).texts;
    assert!(wide.iter().any(|t| t == "3,300–3,500 萬美元"), "{wide:?}");
    // No English word is left on a Chinese chart (company names and the
    // short period forms aside).
    for kind in ChartKind::ALL {
        for t in texts(kind) {
            let english = t.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() >= 3).find(|w| !["Credo", "Product"].contains(w));
            assert_eq!(english, None, "{kind:?}: {t:?}");
        }
    }
    // The font stack reaches CJK fonts when the page sets none.
    let l = layout_of(ChartKind::Revenue, &facts, 860, 420, &zh(1.0));
    assert!(l.regions.iter().any(|r| r.label == "2023 財年第四季 · 營收合計：3,210 萬美元"), "{:?}", l.regions.iter().map(|r| &r.label).collect::<Vec<_>>());
}

#[test]
fn zh_every_period_keeps_a_label_and_no_texts_overlap_at_narrow_widths() {
    let facts = credo();
    for kind in ChartKind::ALL {
        let wide: Vec<String> = at_min_height(kind, &facts, 860.0, &zh(1.0)).regions.iter().map(|r| r.label.clone()).collect();
        for w in [294.0, 320.0, 360.0, 390.0, 520.0, 860.0, 1280.0] {
            for scale in [1.0, 2.0] {
                let l = at_min_height(kind, &facts, w, &zh(scale));
                let bad = layout_problems(&l);
                assert!(bad.is_empty(), "{kind:?} at {w} px @{scale}x: {bad:?}\n{:?}", l.texts.iter().map(|t| &t.text).collect::<Vec<_>>());
                let labels: Vec<&String> = l.regions.iter().map(|r| &r.label).collect();
                for want in &wide {
                    assert!(labels.contains(&want), "{kind:?} at {w} px @{scale}x lost {want:?}");
                }
            }
        }
    }
    // Wide: the whole period; a phone: the short forms.
    let wide: Vec<String> = at_min_height(ChartKind::Revenue, &facts, 1280.0, &zh(1.0)).texts.into_iter().map(|t| t.text).collect();
    assert!(wide.iter().any(|t| t == "2023 財年第四季"), "{wide:?}");
    let phone: Vec<String> = at_min_height(ChartKind::Revenue, &facts, 294.0, &zh(1.0)).texts.into_iter().map(|t| t.text).collect();
    assert!(!phone.iter().any(|t| t == "2023 財年第四季"), "{phone:?}");
    assert!(phone.iter().any(|t| t == "Q4" || t == "FY23 Q4"), "{phone:?}");
    // On a phone a guidance panel still says its values, in the axis's unit
    // where the long Chinese amounts do not fit.
    for w in [294.0, 390.0] {
        let g: Vec<String> = at_min_height(ChartKind::Guidance, &facts, w, &zh(1.0)).texts.into_iter().map(|t| t.text).collect();
        assert!(g.iter().any(|t| t == "3,210 萬美元" || t == "0.321"), "{w}: {g:?}");
        assert!(g.iter().any(|t| t == "3,300–3,500 萬美元" || t == "0.33–0.35"), "{w}: {g:?}");
        assert!(g.iter().any(|t| t == "較上季 +5.9%"), "{w}: {g:?}");
    }
}

#[test]
fn zh_summaries_tables_and_details() {
    use crate::i18n::{with, Lang};
    let facts = credo();
    with(Lang::ZhTw, || {
        assert_eq!(
            summary(ChartKind::Revenue, &facts),
            "營收減少 41%，2023 財年第四季為 3,210 萬美元（Product 2,640 萬美元、IP 570 萬美元）；2024 財年第一季財測 3,300–3,500 萬美元。"
        );
        let m = summary(ChartKind::Margins, &facts);
        assert!(m.starts_with("2023 財年第四季毛利率為 58.2%，較 2023 財年第三季下降 0.9 個百分點"), "{m}");
        let g = summary(ChartKind::Guidance, &facts);
        assert!(g.starts_with("2024 財年第一季財測：營收 3,300–3,500 萬美元"), "{g}");
        let t = table(ChartKind::Revenue, &facts);
        assert_eq!(t.columns, ["期間", "項目", "數值", "類型", "會計基礎", "出處"]);
        assert!(t.rows.iter().any(|r| r.cells[0] == "2023 財年第四季" && r.cells[1] == "營收" && r.cells[2] == "3,210 萬美元" && r.cells[3] == "實際"), "{:?}", t.rows);
        let d = detail(&facts, 1).expect("detail");
        assert_eq!(d.title, "營收 · 2023 財年第四季");
        assert_eq!(d.rows[0], ["期間".to_string(), "2023 財年第四季".to_string()]);
        assert!(d.rows.iter().any(|r| r[0] == "變動" && r[1].contains("季增減")), "{:?}", d.rows);
        for kind in ChartKind::ALL {
            assert_eq!(summary(kind, &Facts::default()), format!("{}。", kind.empty_message()));
        }
    });
    // English is untouched by a Chinese call before it.
    assert!(summary(ChartKind::Revenue, &facts).starts_with("Revenue fell 41% to $32.1M in Q4 FY23"));
}

#[test]
fn levels_keep_one_fact_per_series_and_period_an_actual_first() {
    let usd = Unit::USD;
    let facts = Facts {
        facts: vec![
            fact("revenue", "total", "FY2023-Q1", Kind::Derived, Some(10.0), usd), // 0: an actual comes later
            fact("revenue", "total", "FY2023-Q2", Kind::Derived, Some(20.0), usd), // 1: kept (no actual)
            fact("revenue", "total", "FY2023-Q1", Kind::Actual, Some(11.0), usd),  // 2: kept
            fact("revenue", "total", "FY2023-Q2", Kind::Derived, Some(21.0), usd), // 3: a later derived
            fact("revenue", "total", "FY2023-Q1", Kind::Actual, Some(12.0), usd),  // 4: a later actual
            fact("revenue", "ip", "FY2023-Q1", Kind::Actual, Some(f64::NAN), usd), // 5: not finite
            fact("revenue", "ip", "FY2023-Q1", Kind::Actual, Some(3.0), usd),      // 6: kept
            fact("revenue", "ip", "FY2023-Q1", Kind::Guidance, Some(4.0), usd),    // 7: guidance
            fact("gross_margin", "total", "FY2023-Q1", Kind::Actual, Some(5.0), Unit::Percent), // 8: kept
        ],
        ..Facts::default()
    };
    let got: Vec<usize> = data::levels(&facts, |_| true).iter().map(|(_, l)| l.fact).collect();
    assert_eq!(got, [1, 2, 6, 8]);
    let revenue: Vec<usize> = data::levels(&facts, |f| f.metric == "revenue").iter().map(|(_, l)| l.fact).collect();
    assert_eq!(revenue, [1, 2, 6]);
}
