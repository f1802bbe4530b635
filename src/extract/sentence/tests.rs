//! The binder's steps, each asked on its own: one sentence of a CFO's turn
//! in a Q3 FY2024 call, and what the step decides for each of its figures.

use super::super::lex;
use super::figure::Run;
use super::*;

/// Reads `text` as a sentence of a Q3 FY2024 call (nothing in play before
/// it) and writes what `step` says of each figure (given what the figures
/// before it left), joined by "; ".
fn each_figure(text: &str, step: impl Fn(&Ctx, &Sentence<'_, '_>, &Run, usize) -> String) -> String {
    let para = Paragraph { text: text.to_string(), pieces: Vec::new(), translations: Vec::new() };
    let mut ctx = Ctx::new(Some(Period::quarter(2024, 3)), Currency::USD, "Acme".to_string());
    let mut buf = Vec::new();
    lex::tokenize_into(&para.text, 0, text.len(), &mut buf);
    let s = Sentence::new(&mut ctx, &para, 0, text.len(), &buf, None);
    // What the figures before leave (the last change, the last base) is kept as the binder keeps it.
    let mut run = Run::default();
    let mut said = Vec::new();
    for n in 0..s.figures.len() {
        said.push(step(&ctx, &s, &run, n));
        s.bind(&ctx, n, &mut run);
    }
    said.join("; ")
}

/// Runs `step` over a table of sentences and what it must say; reports every row that differs.
fn step_table(cases: &[(&str, &str)], step: impl Fn(&Ctx, &Sentence<'_, '_>, &Run, usize) -> String + Copy) {
    let bad: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = each_figure(text, step);
            (got != *want).then(|| format!("{text:?}\n   got  {got:?}\n   want {want:?}"))
        })
        .collect();
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

/// Which figures are skipped before binding: not the company's own figure
/// ([`Sentence::not_own`]) or measured against an outlook ([`Sentence::against_outlook`]).
#[test]
fn skip_table() {
    let cases = [
        ("Operating income was $22 million including $700,000 of costs.", "keep; skip"),
        // A change restated in constant currency is kept, with its basis (extract::tests::restated_changes).
        ("Revenue grew 12%, and 10% in constant currency.", "keep; keep"),
        ("Revenue grew 12%, or 10% operationally.", "keep; skip"),
        ("Industry sales grew 15%.", "skip"),
        ("Our utilization generally hovers near 100%.", "skip"),
        ("Price contributed 1% to growth.", "skip"),
        ("Gross margin included a 100 basis point benefit to gross margin.", "skip"),
        ("Revenue was $1.5 billion, about $44 million above our outlook.", "keep; skip"),
        ("We are raising our revenue outlook by $73 million to $5.5 billion.", "skip; keep"),
        ("We now expect revenues of $2.1 billion compared to prior guidance of $1.9 billion.", "keep; skip"),
        ("Revenue is expected to remain unchanged from our previous forecast of $9.9 billion.", "keep"),
        ("Revenue was up 5% compared to our previous forecast.", "skip"),
        // What it would have been, or would be without something: no figure of the company's.
        ("Absent currency, our EPS growth would have been 16% in the quarter.", "skip"),
        ("Absent currency and tariffs, EPS growth in the first quarter would be 7% to 10%.", "skip"),
        ("Excluding the retail decline, we would have expected sales growth of 3% to 4%.", "skip"),
        ("We would expect revenue of $5 billion.", "keep"),
        ("Excluding special items, we would have reported a net profit of $29.9 million or $0.70 per share.", "keep; keep"),
    ];
    step_table(&cases, |_, s, _, n| {
        let at = s.slot(n);
        if s.not_own(&at) || s.against_outlook(&at) { "skip" } else { "keep" }.to_string()
    });
}

/// A level, a change (and its direction) or a comparison base ([`Sentence::change`]).
#[test]
fn change_table() {
    let cases = [
        ("Revenue was $12.5 million, up 10% year-over-year.", "level; up"),
        ("Gross margin was 41%, down 150 basis points from the prior quarter.", "level; down"),
        ("Operating expenses were $9 million, compared to $8 million a year ago.", "level; base"),
        ("Adjusted EPS was $0.38, down 46% from last year's adjusted $0.71.", "level; down; base"),
        ("We expect revenue of $775 million versus 2023 revenue of $476 million and 2022 revenue of $426 million.", "level; base; base"),
        ("Gross margin increased to 41%.", "level"),
        ("Sales increased to 11%.", "up"),
        ("Revenue growth is expected to be 12.5% to 13%.", "up"),
        ("We grew revenue by 10% in the quarter.", "up"),
        ("Revenue saw a 36% increase.", "up"),
        ("Revenue was up 6% sequentially and 25% year-over-year.", "up; up"),
        ("We expect revenue to be flat to down 6%.", "down"),
        // "only" between a change word and its figure hedges it, as "nearly" does.
        ("Our full-year OI margin was down only 40 basis points.", "down"),
        ("We expect revenue to range from $555 million to $595 million.", "level"),
    ];
    step_table(&cases, |_, s, run, n| {
        let c = s.change(&s.slot(n), &mut run.clone());
        match c.sign {
            _ if c.from_base => "base",
            Some(x) if x < 0.0 => "down",
            Some(_) => "up",
            None => "level",
        }
        .to_string()
    });
}

/// The figure's period and kind ([`Sentence::period_of`], [`Sentence::kind_of`]).
#[test]
fn dating_table() {
    let cases = [
        ("Revenue was $5 million.", "FY2024-Q3 Actual"),
        ("Revenue was $5 million in the second quarter.", "FY2024-Q2 Actual"),
        ("We expect fourth quarter revenue of $20 million.", "FY2024-Q4 Guidance"),
        ("We expect revenue of $20 million.", "FY2024-Q4 Guidance"),
        ("For the full year, we now expect revenue of $80 million.", "FY2024 Guidance"),
        ("We expect first half revenue to be up 12% to 14%.", "FY2025-H1 Guidance"),
        ("We expect second half revenue to be up 9% to 11%.", "FY2024-H2 Guidance"),
        ("Net sales are estimated to increase 1.5% to 4% compared to the full year ended December 31, 2023.", "FY2024 Guidance"),
        ("Based on our results through the third quarter, we have adjusted our EPS guidance to $1.90 to $2.05.", "FY2024 Guidance"),
        ("Cash flow from operations totaled $263 million year-to-date.", "skip"),
        // Nine months said with their year are no period of ours, nor the base said of them.
        ("For the first nine months of 2024, cash from operating activities decreased 18% to $653 million.", "skip; skip"),
        ("Revenues for the first nine months of 2024 were $1.824 billion, an increase of 12.2% compared to $1.625 billion for the same period last year.", "skip; skip; skip"),
        ("Gross margin was 43.3% in the first nine months of 2024 compared to 46.6% in the first nine months of 2023.", "skip; skip"),
        ("For the first six months of 2024, net sales increased 8.4%.", "FY2024-H1 Actual"),
        ("For the first nine months of 2024, revenue was $90 million, and in the quarter revenue was $31 million.", "skip; FY2024-Q3 Actual"),
        ("Our long-term target for operating margin is 20%.", "LT Guidance"),
    ];
    step_table(&cases, |ctx, s, run, n| {
        let at = s.slot(n);
        let sign = s.change(&at, &mut run.clone()).sign;
        let guidance_word = s.guidance_word || guided_before(s.t, &s.past_mask, at.f.first, at.hi);
        match s.period_of(ctx, &at, sign, guidance_word) {
            None => "skip".to_string(),
            Some((own, period)) => match s.kind_of(ctx, &at, own, period, guidance_word) {
                (kind, Some(p)) => format!("{p} {kind:?}"),
                (kind, None) => format!("- {kind:?}"),
            },
        }
    });
}

/// The metric mention a figure is bound to ([`Sentence::metric_of`]).
#[test]
fn metric_table() {
    let cases = [
        ("Revenue was $12.5 million, up 10%.", "revenue; revenue"),
        ("$1.2 billion in revenue for the quarter.", "revenue"),
        ("System sales grew 16%, driven by 11% same-store sales growth.", "revenue; same_store_sales"),
        ("Net sales and operating income declined 9% and 16%, respectively.", "revenue; operating_income"),
        ("We generated $310 million in operating cash flow and returned $61 million to shareholders.", "operating_cash_flow; -"),
        ("Revenue was $5 million, 25% year-over-year.", "revenue; revenue"),
    ];
    step_table(&cases, |ctx, s, run, n| {
        let at = s.slot(n);
        let mut change = s.change(&at, &mut run.clone());
        let (chosen, _) = s.metric_of(ctx, &at, &mut change, Period::quarter(2024, 3), false);
        chosen.map_or("-", |m| m.metric).to_string()
    });
}
