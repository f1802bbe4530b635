//! The charts and their words in Traditional Chinese.

use super::fit::{at_min_height, layout_problems};
use super::*;

fn zh(scale: f64) -> Style {
    Style { lang: crate::i18n::Lang::ZhTw, ..Style::new(scale, false) }
}

#[test]
fn zh_amounts_are_in_wan_and_yi_and_periods_as_taiwanese_media_write_them() {
    use crate::i18n::{with, Lang};
    use format::Fmt;
    use names::{call_label, period_label, period_year, PeriodForm};
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
