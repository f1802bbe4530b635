use super::*;
use crate::facts::Period;

/// One Chinese clause and the English words it is read as.
fn check_table(cases: &[(&str, &str)]) {
    let mut bad = Vec::new();
    for (zh, en) in cases {
        let got = normalise(zh).text;
        if got != *en {
            bad.push(format!("{zh}\n  want {en}\n  got  {got}"));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}

#[test]
fn figures() {
    check_table(&[
        // Scales: 萬, 億, 千, 百萬, 十億, 兆; the written digits stay significant.
        ("營收為 3,210 萬美元", "Revenue was $32.1 million"),
        ("營收為 1.842 億美元", "Revenue was $184.2 million"),
        ("營收為 5千美元", "Revenue was $5000"),
        ("營收為 12 百萬美元", "Revenue was $12 million"),
        ("營收為 3.5 十億美元", "Revenue was $3.5 billion"),
        ("營收為 1.2 兆新台幣", "Revenue was NT$1200 billion"),
        ("營收為 570 萬美元", "Revenue was $5.7 million"),
        // Full-width digits, separators and percent.
        ("毛利率為５８．２％", "Gross margin was 58.2%"),
        ("營收為１，２３４萬美元", "Revenue was $12.34 million"),
        // Currencies: 美元, 新台幣, 台幣, 元 (New Taiwan dollars), 港元, 人民幣.
        ("營收 100 億元", "Revenue NT$10 billion"),
        ("營收 100 億新台幣", "Revenue NT$10 billion"),
        ("營收 3 億港元", "Revenue HK$300 million"),
        ("營收 3 億人民幣", "Revenue RMB 300 million"),
        // Units: shares, days, basis points, percentage points.
        ("股數約為1.49億股", "Share count was approximately 149 million shares"),
        ("應收帳款天數為 140 天", "Days sales outstanding was 140 days"),
        ("季增 245 個基點", "Up 245 basis points sequentially"),
        ("營業利益率提高了 13 個百分點", "Operating margin improved 13 percentage points"),
        // Negative figures and losses.
        ("自由現金流為負 1,570 萬美元", "Free cash flow was negative $15.7 million"),
        ("營業虧損為 850 萬美元", "Operating loss was $8.5 million"),
        ("淨虧損 570 萬美元", "Net loss $5.7 million"),
        // A range's scale said once, at its second end.
        ("營收介於 3,300 至 3,500 萬美元之間", "Revenue between $33 million and $35 million"),
        // Names with digits are no figures.
        ("5G 和 800G 產品", "5G and 800G product"),
        // Per share.
        ("每股 0.05 美元", "$0.05 per share"),
        ("每股盈餘為 0.05 美元", "Earnings per share was $0.05"),
        ("每股收益為 0.05 美元", "Earnings per share was $0.05"),
        // A metric after 的 behind a figure is read before it.
        ("實現了 58.2% 的毛利率", "Delivered gross margin of 58.2%"),
        ("創造了 570 萬美元的收入", "Generated revenue of $5.7 million"),
    ]);
}

#[test]
fn changes() {
    check_table(&[
        // Taiwanese financial media: 季增, 季減, 年增, 年減, 年增率, 年成長.
        ("營收季增 6%", "Revenue up 6% sequentially"),
        ("營收季減 41%", "Revenue down 41% sequentially"),
        ("營收年增 25%", "Revenue up 25% year-over-year"),
        ("營收年減 14%", "Revenue down 14% year-over-year"),
        ("營收年增率 20%", "Revenue up 20% year-over-year"),
        ("營收年成長 20%", "Revenue up 20% year-over-year"),
        ("毛利率季成長 1 個百分點", "Gross margin up 1 percentage points sequentially"),
        // Machine translations: 同比增長, 環比下降, 比去年同期持平.
        ("同比增長 73%", "Up 73% year-over-year"),
        ("環比下降 55%", "Down 55% sequentially"),
        ("比去年同期持平", "Flat year-over-year"),
        ("較上季減少 430 萬美元", "Down $4.3 million sequentially"),
        ("比上一季減少 430 萬美元", "Down $4.3 million sequentially"),
        ("年比成長 12%", "Up 12% year-over-year"),
        // A base period said with 比 goes after the figure.
        ("比第三季減少 1,520 萬美元", "Down $15.2 million versus Q3"),
        ("比 22 財年增長了 73%", "Grew 73% versus fiscal '22"),
        // 從 … 增至: from one figure to another; a period of the base after it.
        ("從 2,500 萬美元增至 3,200 萬美元", "From $25 million increased to $32 million"),
        ("從第三季的 72 天增加到 140 天", "From 72 days in Q3 increased to 140 days"),
        // What waits for a figure that never comes is dropped at the clause's end.
        ("營收季增，表現良好", "Revenue up,"),
        // 該 before the metric just named: "which".
        ("產品收入推動的，該收入增長了 87%", "Product revenue, which grew 87%"),
    ]);
}

#[test]
fn guidance() {
    check_table(&[
        ("預計營收將介於 3,300 萬美元至 3,500 萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("預計毛利率將在 58%至 60%之間", "Expect gross margin will between 58% and 60%"),
        ("財測營收為 33 億元", "Guidance revenue to be NT$3.3 billion"),
        ("預期營業費用約為 2,700 萬美元", "Expect operating expenses to be approximately $27 million"),
        ("展望第一季毛利率", "Outlook Q1 gross margin"),
        ("比中位數連續成長 6%", "Up 6% sequentially at the midpoint"),
        ("預估 2024 年營收年增 20%", "Expect 2024 revenue up 20% year-over-year"),
    ]);
}

#[test]
fn periods() {
    check_table(&[
        ("第一季營收", "Q1 revenue"),
        ("第四季度營收", "Q4 revenue"),
        ("第二財季營收", "Q2 revenue"),
        ("上半年營收", "The first half revenue"),
        ("下半年營收", "The second half revenue"),
        ("全年毛利率為58.0%", "For the year gross margin was 58.0%"),
        ("本季營收", "The quarter revenue"),
        ("2024 財年營收", "Fiscal 2024 revenue"),
        ("24 財年營收", "Fiscal '24 revenue"),
        ("23 財年第四季營收", "Fiscal '23 Q4 revenue"),
        ("2023 財年第四季財報電話會議", "Fiscal 2023 Q4 earnings conference call"),
        ("2024 年上半年營收", "2024 first half revenue"),
        ("23 年第四季財報電話會議", "'23 Q4 earnings conference call"),
        ("去年營收", "Last year revenue"),
        ("長期毛利率", "Long-term gross margin"),
    ]);
}

#[test]
fn sentences_and_basis() {
    check_table(&[
        ("營收為 3 億美元。毛利率為 58%！營業利益呢？", "Revenue was $300 million. Gross margin was 58%! Operating income?"),
        ("營收，毛利率；營業利益", "Revenue, gross margin; operating income"),
        ("非 GAAP 毛利率為 58%", "Non-GAAP gross margin was 58%"),
        ("非公認會計準則毛利率為 58%", "Non-GAAP gross margin was 58%"),
        ("除非另有說明，否則以下財務數據將在非公認會計準則的基礎上進行討論", "Unless otherwise noted, will in non-GAAP basis"),
        ("(操作員說明)我們的第一個問題來自 Stifel", "(Operator Instructions) our first question Stifel"),
    ]);
}

/// A Chinese-only call: lines as a Chinese page writes them, each figure bound.
#[test]
fn chinese_only_call() {
    let text = "主持人\n歡迎參加 Credo 2023 財年第四季財報電話會議。\n丹·弗萊明 – 財務長\n第四季度，我們的營收為 3,210 萬美元，季減 41%，年減 14%。本季毛利率為 58.2%。\n我們預計 24 財年第一季的營收將在 3,300 萬美元至 3,500 萬美元之間。\n";
    let t = crate::transcript::parse(text);
    let f = crate::extract::extract(&t);
    assert_eq!(f.company, "Credo");
    assert_eq!(f.call, "FY2023-Q4".parse::<Period>().ok());
    let got: Vec<String> = f
        .facts
        .iter()
        .map(|x| format!("{} {} {:?}/{:?} {:?} {:?}..{:?} @{}:{:?}-{:?} {}", x.metric, x.period, x.kind, x.measure, x.value, x.low, x.high, x.source.line, x.source.start, x.source.end, x.source.text))
        .collect();
    let want = [
        "revenue FY2023-Q4 Actual/Level Some(32100000.0) None..None @4:Some(12)-Some(21) 第四季度，我們的營收為 3,210 萬美元，季減 41%，年減 14%。",
        "revenue FY2023-Q4 Actual/Qoq Some(-41.0) None..None @4:Some(25)-Some(28) 第四季度，我們的營收為 3,210 萬美元，季減 41%，年減 14%。",
        "revenue FY2023-Q4 Actual/Yoy Some(-14.0) None..None @4:Some(32)-Some(35) 第四季度，我們的營收為 3,210 萬美元，季減 41%，年減 14%。",
        "gross_margin FY2023-Q4 Actual/Level Some(58.2) None..None @4:Some(43)-Some(48) 本季毛利率為 58.2%。",
        "revenue FY2024-Q1 Guidance/Level None Some(33000000.0)..Some(35000000.0) @5:Some(17)-Some(39) 我們預計 24 財年第一季的營收將在 3,300 萬美元至 3,500 萬美元之間。",
    ];
    for w in want {
        assert!(got.iter().any(|g| g == w), "missing: {w}\n got:\n{}", got.join("\n"));
    }
    // Derived facts explain themselves with the Chinese sentence and point at the change they come from.
    let derived = "revenue FY2023-Q3 Derived/Level Some(54406780.0) None..None @4:Some(25)-Some(28) 32.1M / (1 − 0.41) = 54.4M, from '第四季度，我們的營收為 3,210 萬美元，季減 41%，年減 14%。'";
    assert!(got.iter().any(|g| g == derived), "missing: {derived}\n got:\n{}", got.join("\n"));
    assert_eq!(f.transcript.as_ref().map(|s| s.speakers[1].name.as_str()), Some("丹·弗萊明"));
}

#[test]
#[ignore]
fn show() {
    let path = std::env::var("ZH_SHOW").unwrap_or_default();
    for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
        if is_cjk_line(line) {
            println!("{line}\n  {}", normalise(line).text);
        }
    }
}

#[test]
fn chinese_numerals() {
    check_table(&[
        // 百分之: a percentage said before its number.
        ("毛利率為百分之七十三", "Gross margin was 73%"),
        ("營收年增百分之七點五", "Revenue up 7.5% year-over-year"),
        ("營業利益率提高了百分之零點五", "Operating margin improved 0.5%"),
        // 萬, 億 inside the numerals; the digits as written stay significant.
        ("營收為兩億美元", "Revenue was $200 million"),
        ("營業費用約為三千萬美元", "Operating expenses was approximately $30 million"),
        ("全年營收一百二十億元", "For the year revenue NT$12 billion"),
        ("淨利十五億美元", "Net income $1.5 billion"),
        ("營收為一億二千萬美元", "Revenue was $120 million"),
        ("每股盈餘為零點五美元", "Earnings per share was $0.5"),
        ("毛利率季增零點五個百分點", "Gross margin up 0.5 percentage points sequentially"),
        ("營收介於兩億至兩億兩千萬美元之間", "Revenue between $200 million and $220 million"),
        ("自由現金流為負三千萬美元", "Free cash flow was negative $30 million"),
        // Digits with a numeral scale, as before.
        ("營收為 1.5億美元", "Revenue was $150 million"),
        ("營收為1.5億元", "Revenue was NT$150 million"),
        ("營收為 3千萬美元", "Revenue was $30 million"),
        // 成: tenths, only where it is no word's start.
        ("營收年增三成", "Revenue up 30% year-over-year"),
        ("毛利率約七成五", "Gross margin approximately 75%"),
        ("營收成長三成。", "Revenue up 30%."),
        ("營收一成不變", "Revenue"),
        ("營收年成長兩成", "Revenue up 20% year-over-year"),
        // 一 as "a", numerals with no unit: no figures.
        ("一些客戶", ""),
        ("千萬不要", ""),
        ("兩個部門", "Segment"),
    ]);
}

#[test]
fn year_over_year_words() {
    check_table(&[
        ("營收較去年同期增加 25%", "Revenue up 25% year-over-year"),
        ("營收較去年同期成長 25%", "Revenue up 25% year-over-year"),
        ("營收較去年同期減少 430 萬美元", "Revenue down $4.3 million year-over-year"),
        ("營收年成長 20%", "Revenue up 20% year-over-year"),
        ("營收年增長 20%", "Revenue up 20% year-over-year"),
        ("營收年成長率為 20%", "Revenue up 20% year-over-year"),
        ("營收季成長 6%", "Revenue up 6% sequentially"),
        ("營收季成長率為 6%", "Revenue up 6% sequentially"),
        ("營收成長了 87%", "Revenue grew 87%"),
        ("營收比去年同期成長了 87%", "Revenue grew 87% year-over-year"),
        ("營收與去年同期相比增加了 87%", "Revenue increased 87% year-over-year"),
        ("營收年增幅 12%", "Revenue up 12% year-over-year"),
        ("營收季減少 5%", "Revenue down 5% sequentially"),
        ("營收較上年同期增長 10%", "Revenue up 10% year-over-year"),
    ]);
}

/// Chinese numerals give the facts digits give, pointing at the numerals.
#[test]
fn chinese_numerals_in_a_call() {
    let text = "主持人\n歡迎參加 Acme 2023 財年第四季財報電話會議。\n丹·弗萊明 – 財務長\n第四季營收為三千二百一十萬美元，季減百分之四十一，年增三成。毛利率為百分之五十八點二。\n";
    let f = crate::extract::extract(&crate::transcript::parse(text));
    let got: Vec<String> = f.facts.iter().map(|x| format!("{} {:?} {:?} {:?}-{:?}", x.metric, x.measure, x.value, x.source.start, x.source.end)).collect();
    for want in ["revenue Level Some(32100000.0) Some(6)-Some(15)", "revenue Qoq Some(-41.0) Some(18)-Some(24)", "revenue Yoy Some(30.0) Some(27)-Some(29)", "gross_margin Level Some(58.2) Some(34)-Some(42)"] {
        assert!(got.iter().any(|g| g == want), "missing: {want}\n got:\n{}", got.join("\n"));
    }
}

/// Speakers named before a colon: the speech after it is read, with its
/// columns in the line; the Q&A is where the Chinese puts it, and an
/// analyst's figure is no fact.
#[test]
fn colon_speaker_call() {
    let text = "主持人：歡迎參加 Acme 2023 財年第四季財報電話會議。\n財務長 王五：第四季營收為 3,210 萬美元，季減 41%。\n問答環節\n主持人：我們的第一個問題來自張三。\n張三：你們說毛利率為 70%？\n王五：不，本季毛利率為 58.2%。\n";
    let t = crate::transcript::parse(text);
    let f = crate::extract::extract(&t);
    assert_eq!(f.company, "Acme");
    assert_eq!(f.call, "FY2023-Q4".parse::<Period>().ok());
    let got: Vec<String> = f.facts.iter().map(|x| format!("{} {:?} {:?} @{}:{:?}-{:?} {}", x.metric, x.measure, x.value, x.source.line, x.source.start, x.source.end, x.source.text)).collect();
    for want in [
        "revenue Level Some(32100000.0) @2:Some(14)-Some(23) 第四季營收為 3,210 萬美元，季減 41%。",
        "revenue Qoq Some(-41.0) @2:Some(27)-Some(30) 第四季營收為 3,210 萬美元，季減 41%。",
        "gross_margin Level Some(58.2) @6:Some(12)-Some(17) 不，本季毛利率為 58.2%。",
    ] {
        assert!(got.iter().any(|g| g == want), "missing: {want}\n got:\n{}", got.join("\n"));
    }
    assert!(!got.iter().any(|g| g.contains("Some(70.0)")), "an analyst's figure: {got:?}");
    let s = f.transcript.as_ref().map(|s| (s.turns, s.speakers.len(), s.qa_line));
    assert_eq!(s, Some((5, 3, Some(3))));
}

/// Mainland (Simplified) wording, read through the one Traditional lexicon;
/// plain 元 is the yuan there.
#[test]
fn simplified() {
    check_table(&[
        ("营收为 3,210 万美元，环比下降 41%", "Revenue was $32.1 million, down 41% sequentially"),
        ("营业收入同比增长 25%", "Revenue up 25% year-over-year"),
        ("毛利率为 58.2%", "Gross margin was 58.2%"),
        ("营业利益为 1.2 亿元", "Operating income was RMB 120 million"),
        ("营业利润率为 10%", "Operating margin was 10%"),
        ("净利 3 亿元，同比增长 12%", "Net income RMB 300 million, up 12% year-over-year"),
        ("净利润较上年同期增长 12%", "Net income up 12% year-over-year"),
        ("每股收益为 0.05 美元", "Earnings per share was $0.05"),
        ("每股盈余为 0.05 美元", "Earnings per share was $0.05"),
        ("预计第一季度营收将在 3,300 万美元至 3,500 万美元之间", "Expect Q1 revenue will between $33 million and $35 million"),
        ("指引营收为两亿美元", "Guidance revenue to be $200 million"),
        ("非公认会计准则毛利率为 58%", "Non-GAAP gross margin was 58%"),
        ("营业费用环比增加 430 万美元", "Operating expenses up $4.3 million sequentially"),
        ("息税折旧摊销前利润为 5 亿元", "EBITDA was RMB 500 million"),
        ("经营现金流为 1,570 万美元", "Operating cash flow was $15.7 million"),
        ("资本开支约为 500 万美元", "CapEx was approximately $5 million"),
        ("毛利率为百分之五十八点二", "Gross margin was 58.2%"),
        // Traditional text with a character Simplified shares keeps 元 as NT$.
        ("經董事會核准，營收為 100 億元", ", Revenue was NT$10 billion"),
    ]);
}

/// A mainland translation of a call gives the facts its Traditional one does,
/// each with its Simplified sentence.
#[test]
fn simplified_call() {
    let text = "主持人：欢迎参加 Acme 2023 财年第四季度财报电话会议。\n首席财务官 王五：第四季度营收为 3,210 万美元，环比下降 41%。毛利率为 58.2%。\n问答环节\n主持人：我们的第一个问题来自张三。\n张三：谢谢。\n";
    let t = crate::transcript::parse(text);
    assert_eq!(t.speakers.iter().map(|s| (s.name.as_str(), s.title.as_deref())).collect::<Vec<_>>(), [("主持人", None), ("王五", Some("首席财务官")), ("张三", None)]);
    assert_eq!(t.qa_line, Some(3));
    let f = crate::extract::extract(&t);
    assert_eq!(f.call, "FY2023-Q4".parse::<Period>().ok());
    let got: Vec<String> = f.facts.iter().map(|x| format!("{} {:?} {:?} {:?}-{:?} {}", x.metric, x.measure, x.value, x.source.start, x.source.end, x.source.text)).collect();
    for want in [
        "revenue Level Some(32100000.0) Some(17)-Some(26) 第四季度营收为 3,210 万美元，环比下降 41%。",
        "revenue Qoq Some(-41.0) Some(32)-Some(35) 第四季度营收为 3,210 万美元，环比下降 41%。",
        "gross_margin Level Some(58.2) Some(41)-Some(46) 毛利率为 58.2%。",
    ] {
        assert!(got.iter().any(|g| g == want), "missing: {want}\n got:\n{}", got.join("\n"));
    }
}

#[test]
fn a_range_in_zai_zhi_jian_with_thousands_commas() {
    // 在 … 至 … 之間 is "between … and …" however its figures are written:
    // a comma that groups thousands ends no clause (it once cut the clause
    // at "3," and the range was read as "in $33 million to $35 million").
    check_table(&[
        ("預計營收將在 3,300 萬美元至 3,500 萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("將在 3,300 萬美元至 3,500 萬美元之間", "Will between $33 million and $35 million"),
        ("預計營收將在3,300萬美元至3,500萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("預計營收將在 3,300 萬至 3,500 萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("預計營收將在 3,300 到 3,500 萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("預計營收將在 ３，３００ 萬美元至 ３，５００ 萬美元之間", "Expect revenue will between $33 million and $35 million"),
        ("預計營收將在 1,234,500 美元至 1,300,000 美元之間", "Expect revenue will between $1,234,500 and $1,300,000"),
        // A comma that ends the clause still ends it: no 之間 in this one.
        ("營收在 3,300 萬美元，毛利率在 58% 至 60% 之間", "Revenue in $33 million, gross margin between 58% and 60%"),
        ("營收在 3,300, 萬美元之間", "Revenue in 3,300,"),
    ]);
}

#[test]
fn the_clause_ends_at_a_comma_that_groups_no_digits() {
    assert_eq!(clause("3,300 萬美元至 3,500 萬美元之間。其他"), "3,300 萬美元至 3,500 萬美元之間");
    assert_eq!(clause("３，３００ 萬美元，其他"), "３，３００ 萬美元");
    assert_eq!(clause("3, 300 萬美元"), "3");
    assert_eq!(clause("3,3000 萬美元"), "3");
    assert_eq!(clause("約 3,300；其他"), "約 3,300");
    assert_eq!(clause("沒有標點"), "沒有標點");
}
