//! Unit tests through a recording backend: what was drawn, not how it looks.
//! Here the recorder, the fixtures and the drawing itself (texts, stacks,
//! odd facts, styles); `hit.rs`: what is where (hit-testing, overlaps,
//! warning marks, contrast, patterns) and the charts in words (summaries,
//! tables, details); `fit.rs`: every width from a phone's (labels, values,
//! heights, titles); `zh.rs`: the charts and their words in Traditional Chinese.

use std::convert::Infallible;

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};

use super::*;
use crate::facts::{Fact, Kind, Measure, Period, Unit};

mod fit;
mod hit;
mod zh;

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
