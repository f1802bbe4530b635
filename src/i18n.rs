//! The words Rust writes for people, in English and Traditional Chinese
//! (zh-TW): one catalogue per language ([`EN`], [`ZH_TW`]), the same keys in
//! both (a unit test holds them to that), looked up by key with [`t`] and
//! filled with [`tf`] (`{0}`, `{1}`, … placeholders, so a language may put
//! them in its own order).
//!
//! The language is a parameter where the core is asked for words
//! ([`crate::chart::Style::lang`], [`crate::analysis::Analysis::explain_in`],
//! [`crate::analysis::read`]'s messages): the caller sets it for the length
//! of that one call with [`with`], and the formatting code deep inside
//! (numbers, periods, names, summaries) reads it with [`lang`] instead of
//! every formatter taking one more argument. It is scoped, restored on the
//! way out (panics included), and English unless a caller says otherwise, so
//! code that never asks for a language gets exactly the English it always had.
//!
//! The page's own words (buttons, help, status lines) are in `www/i18n.js`,
//! the page's catalogue; `tests/e2e/i18n.test.mjs` holds its two languages
//! to the same keys.

use std::cell::Cell;

/// A language of the page, the charts and the texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Traditional Chinese as written in Taiwan.
    ZhTw,
}

impl Lang {
    /// Every language, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhTw];

    /// The BCP 47 tag: "en", "zh-TW".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }

    /// A language from a BCP 47 tag: zh-TW, zh-Hant (and zh-Hant-*), zh-HK
    /// and zh-MO are [`Lang::ZhTw`]; anything else (zh-CN included) is `None`
    /// unless it is English.
    pub fn from_code(tag: &str) -> Option<Lang> {
        let mut parts = tag.trim().split(['-', '_']);
        let first = parts.next().unwrap_or("");
        if first.eq_ignore_ascii_case("en") {
            return Some(Lang::En);
        }
        let hant = |p: &str| ["tw", "hant", "hk", "mo"].iter().any(|h| p.eq_ignore_ascii_case(h));
        (first.eq_ignore_ascii_case("zh") && parts.any(hant)).then_some(Lang::ZhTw)
    }

}

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The language of the call in progress ([`with`]); English outside one.
pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Whether the call in progress writes Chinese.
pub(crate) fn zh() -> bool {
    lang() == Lang::ZhTw
}

/// Runs `f` with `lang` as the language, and restores the one before
/// (also when `f` panics).
pub fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    struct Restore(Lang);
    impl Drop for Restore {
        fn drop(&mut self) {
            CURRENT.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(CURRENT.with(|c| c.replace(lang)));
    f()
}

/// The text of `key` in the current language.
#[inline(never)]
pub(crate) fn t(key: K) -> &'static str {
    let table = match lang() {
        Lang::En => EN,
        Lang::ZhTw => ZH_TW,
    };
    table.get(key as usize).map_or("", |e| e.1)
}

/// [`t`] with `{0}`, `{1}`, … replaced by `args`.
#[inline(never)]
pub(crate) fn tf(key: K, args: &[&str]) -> String {
    fill(t(key), args)
}

/// `template` with `{0}`…`{9}` replaced by `args` (a placeholder without
/// an argument is left out).
pub(crate) fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let b = rest.as_bytes();
        match (b.get(i + 1), b.get(i + 2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) => {
                out.push_str(args.get(usize::from(d - b'0')).copied().unwrap_or(""));
                rest = &rest[i + 3..];
            }
            _ => {
                out.push('{');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The catalogues' keys: what a text is for. Each catalogue lists every
/// key once, in this order (a unit test holds both to it), so a lookup is
/// an index, and no key is stored as text in the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum K {
    ChartRevenue,
    ChartMargins,
    ChartGuidance,
    EmptyRevenue,
    EmptyMargins,
    EmptyGuidance,
    HeadingUnknown,
    PeriodLongTerm,
    PeriodLt,
    LegendOther,
    LegendTotalNosplit,
    LegendDerivedChange,
    LegendGuideRange,
    LegendFlag,
    LegendDerived,
    LegendLastActual,
    GroupYear,
    GroupYearHalf,
    GroupQuarterly,
    NoteGuidance,
    NoteDerived,
    NotePartlyDerived,
    NoteActual,
    GuideNoActual,
    GuideMore,
    GuideMoreOne,
    GuideVs,
    GuideVsPrevQuarter,
    GuideVsPrevYear,
    GuideMid,
    UnitPp,
    UnitBp,
    RegionTotal,
    RegionRevenueGuide,
    RegionMidpoint,
    RegionSegmentRevenue,
    RegionOtherRevenue,
    RegionRevenue,
    RegionDerived,
    RegionPiece,
    RegionGuide,
    RegionLastActual,
    SegmentTotal,
    NameSegmentMetric,
    MetricRevenue,
    MetricGrossMargin,
    MetricOperatingMargin,
    MetricNetMargin,
    MetricGrossProfit,
    MetricOperatingIncome,
    MetricNetIncome,
    MetricEps,
    MetricEbitda,
    MetricCapex,
    MetricSgaExpense,
    MetricRdExpense,
    MetricOperatingExpenses,
    MetricShareCount,
    MetricDaysSalesOutstanding,
    MetricFreeCashFlow,
    MetricOperatingCashFlow,
    MetricCash,
    MetricInventory,
    MetricAccountsReceivable,
    MetricDividend,
    MetricBuyback,
    MetricRevenueMix,
    DetailPeriod,
    DetailMetric,
    DetailSegment,
    DetailValue,
    DetailMidpoint,
    DetailChange,
    DetailCompared,
    DetailBasis,
    DetailKind,
    BasisGaap,
    BasisNonGaap,
    BasisOrganic,
    BasisNone,
    KindActualLong,
    KindGuidanceLong,
    KindDerivedLong,
    KindActual,
    KindGuidance,
    KindDerived,
    MeasureQoq,
    MeasureYoy,
    FlagConflict,
    FlagFailed,
    DetailComputed,
    DetailTitle,
    DetailTitleGuidance,
    DetailTitleQoq,
    DetailTitleYoy,
    ProblemConflict,
    ProblemFailed,
    TablePeriod,
    TableSeries,
    TableFigure,
    TableValue,
    TableKind,
    TableBasis,
    TableSource,
    TableLine,
    SumFlat,
    SumFell,
    SumRose,
    SumAt,
    SumRevFlat,
    SumRevMoved,
    SumRevFlatYoy,
    SumRevMovedYoy,
    SumRevWas,
    SumSplit,
    SumList,
    SumItem,
    SumGuided,
    SumRevDerived,
    SumJoin,
    SumSentences,
    SumEnd,
    SumMarginWas,
    SumMarginFlat,
    SumMarginUp,
    SumMarginDown,
    SumMarginGuided,
    SumGuideItem,
    SumGuideFor,
    SumGuideOne,
    SumGuideMany,
    MetaCurrency,
    MetaMore,
    MetaPeople,
    NoteConflict,
    NoteCheck,
    CsvHeader,
    InputEmpty,
    InputBlank,
    InputBinary,
    InputBinaryKind,
    InputAdvicePdf,
    InputAdviceDoc,
    InputAdviceImage,
    InputAdviceArchive,
    InputAdviceMedia,
    InputAdviceOther,
    WarnLossy,
    WarnLatin1,
    WarnUtf16,
    WarnUtf16Broken,
    WarnHtml,
    WarnRtf,
    WarnNul,
    WarnLongLine,
    LinkNotALink,
    LinkVersion,
    LinkTooLong,
    LinkBadCharacters,
    LinkDamaged,
    LinkTooBig,
    LinkInvalid,
    LinkUnencodable,
    LinkSeries,
    // A series of calls (src/trend.rs, chart/versus.rs).
    SeriesCalls,
    ChartEps,
    ChartVersus,
    EmptyEps,
    EmptyVersus,
    VerdictBeat,
    VerdictInRange,
    VerdictMiss,
    VersusActual,
    VersusCall,
    VersusOpen,
    RowCall,
    RowAlsoIn,
    RowRevision,
    RevRaised,
    RevLowered,
    RevReaffirmed,
}

/// The English catalogue.
pub(crate) const EN: &[(K, &str)] = &[
    // Charts and their names.
    (K::ChartRevenue, "Revenue"),
    (K::ChartMargins, "Margins"),
    (K::ChartGuidance, "Guidance"),
    (K::EmptyRevenue, "No revenue figures found in this call"),
    (K::EmptyMargins, "No margin figures found in this call"),
    (K::EmptyGuidance, "No guidance found in this call"),
    (K::HeadingUnknown, "Earnings call"),
    (K::PeriodLongTerm, "Long term"),
    (K::PeriodLt, "LT"),
    // Legends, groups and notes under labels.
    (K::LegendOther, "Other"),
    (K::LegendTotalNosplit, "Total (no split)"),
    (K::LegendDerivedChange, "Derived from % change"),
    (K::LegendGuideRange, "Guidance range · ◆ midpoint"),
    (K::LegendFlag, "Conflict or failed check"),
    (K::LegendDerived, "Derived"),
    (K::LegendLastActual, "Last actual"),
    (K::GroupYear, "Full year"),
    (K::GroupYearHalf, "Full year / half"),
    (K::GroupQuarterly, "Quarterly"),
    (K::NoteGuidance, "guidance"),
    (K::NoteDerived, "derived"),
    (K::NotePartlyDerived, "partly derived"),
    (K::NoteActual, "actual"),
    (K::GuideNoActual, "No actual in this call"),
    (K::GuideMore, "+{0} more guided figures not shown"),
    (K::GuideMoreOne, "+{0} more guided figure not shown"),
    (K::GuideVs, "{0} vs {1}"),
    (K::GuideVsPrevQuarter, "{0} vs the quarter before"),
    (K::GuideVsPrevYear, "{0} vs a year before"),
    (K::GuideMid, "mid {0}"),
    (K::UnitPp, " pp"),
    (K::UnitBp, " bp"),
    // Element labels (tooltip headers, buttons' names).
    (K::RegionTotal, "{0} · Revenue, total: {1}"),
    (K::RegionRevenueGuide, "{0} · Revenue guidance: {1}"),
    (K::RegionMidpoint, " (midpoint {0})"),
    (K::RegionSegmentRevenue, "{0} revenue"),
    (K::RegionOtherRevenue, "Other revenue (total less the named segments)"),
    (K::RegionRevenue, "Revenue"),
    (K::RegionDerived, " (derived)"),
    (K::RegionPiece, "{0} · {1}: {2}{3}"),
    (K::RegionGuide, "{0} · {1} guidance: {2}{3}"),
    (K::RegionLastActual, "{0} · {1} (last actual): {2}"),
    // Names.
    (K::SegmentTotal, "Total"),
    (K::NameSegmentMetric, "{0} {1}"),
    (K::MetricRevenue, "Revenue"),
    (K::MetricGrossMargin, "Gross margin"),
    (K::MetricOperatingMargin, "Operating margin"),
    (K::MetricNetMargin, "Net margin"),
    (K::MetricGrossProfit, "Gross profit"),
    (K::MetricOperatingIncome, "Operating income"),
    (K::MetricNetIncome, "Net income"),
    (K::MetricEps, "EPS"),
    (K::MetricEbitda, "EBITDA"),
    (K::MetricCapex, "Capex"),
    (K::MetricSgaExpense, "SG&A expense"),
    (K::MetricRdExpense, "R&D expense"),
    (K::MetricOperatingExpenses, "Operating expenses"),
    (K::MetricShareCount, "Share count"),
    (K::MetricDaysSalesOutstanding, "DSO"),
    (K::MetricFreeCashFlow, "Free cash flow"),
    (K::MetricOperatingCashFlow, "Operating cash flow"),
    (K::MetricCash, "Cash"),
    (K::MetricInventory, "Inventory"),
    (K::MetricAccountsReceivable, "Accounts receivable"),
    (K::MetricDividend, "Dividend"),
    (K::MetricBuyback, "Buyback"),
    (K::MetricRevenueMix, "Revenue mix"),
    // Details (the tooltip).
    (K::DetailPeriod, "Period"),
    (K::DetailMetric, "Metric"),
    (K::DetailSegment, "Segment"),
    (K::DetailValue, "Value"),
    (K::DetailMidpoint, "Midpoint"),
    (K::DetailChange, "Change"),
    (K::DetailCompared, "Compared with"),
    (K::DetailBasis, "Basis"),
    (K::DetailKind, "Kind"),
    (K::BasisGaap, "GAAP"),
    (K::BasisNonGaap, "non-GAAP"),
    (K::BasisOrganic, "organic"),
    (K::BasisNone, "not stated"),
    (K::KindActualLong, "Actual, said on the call"),
    (K::KindGuidanceLong, "Guidance"),
    (K::KindDerivedLong, "Derived: computed from a stated change"),
    (K::KindActual, "Actual"),
    (K::KindGuidance, "Guidance"),
    (K::KindDerived, "Derived"),
    (K::MeasureQoq, "QoQ"),
    (K::MeasureYoy, "YoY"),
    (K::FlagConflict, " · conflict"),
    (K::FlagFailed, " · failed check"),
    (K::DetailComputed, "{0} {1} (vs {2}, computed)"),
    (K::DetailTitle, "{0} · {1}"),
    (K::DetailTitleGuidance, " guidance"),
    (K::DetailTitleQoq, " (change QoQ)"),
    (K::DetailTitleYoy, " (change YoY)"),
    (K::ProblemConflict, "Conflicting figure: the call gives a different value for this elsewhere."),
    (K::ProblemFailed, "Failed check: {0}"),
    (K::TablePeriod, "Period"),
    (K::TableSeries, "Series"),
    (K::TableFigure, "Figure"),
    (K::TableValue, "Value"),
    (K::TableKind, "Kind"),
    (K::TableBasis, "Basis"),
    (K::TableSource, "Source"),
    (K::TableLine, "line {0}"),
    // Summaries (a chart's accessible name).
    (K::SumFlat, "was flat"),
    (K::SumFell, "fell {0}"),
    (K::SumRose, "rose {0}"),
    (K::SumAt, "{0} in {1}"),
    (K::SumRevFlat, "Revenue was flat at {0}"),
    (K::SumRevMoved, "Revenue {0} to {1}"),
    (K::SumRevFlatYoy, "Revenue was flat year over year at {0}"),
    (K::SumRevMovedYoy, "Revenue {0} year over year to {1}"),
    (K::SumRevWas, "Revenue was {0}"),
    (K::SumSplit, " ({0})"),
    (K::SumList, ", "),
    (K::SumItem, "{0} {1}"),
    (K::SumGuided, "{0} guided {1}"),
    (K::SumRevDerived, "Revenue derived as {0} in {1}"),
    (K::SumJoin, "; "),
    (K::SumSentences, ". "),
    (K::SumEnd, "."),
    (K::SumMarginWas, "{0} was {1} in {2}"),
    (K::SumMarginFlat, ", flat from {0}"),
    (K::SumMarginUp, ", up {0} pp from {1}"),
    (K::SumMarginDown, ", down {0} pp from {1}"),
    (K::SumMarginGuided, "{0} {1} guided {2}"),
    (K::SumGuideItem, "{0} {1}"),
    (K::SumGuideFor, "{0} for {1}"),
    (K::SumGuideOne, "Guidance for {0}: {1}."),
    (K::SumGuideMany, "Guidance: {0}."),
    // The heading's line and notes.
    (K::MetaCurrency, "Figures in {0}"),
    (K::MetaMore, " and {0} more"),
    (K::MetaPeople, ", "),
    (K::NoteConflict, "{0}: different values said (line {1})"),
    (K::NoteCheck, "{0}: {1}"),
    (K::CsvHeader, "metric,segment,period,kind,measure,value,low,high,unit,basis,conflict,line,source"),
    // Reading input (refusals and warnings).
    (K::InputEmpty, "the input is empty: there is no transcript to read"),
    (K::InputBlank, "the input has no text, only whitespace or markup"),
    (K::InputBinary, "this is a binary file, not text; open the transcript as plain text (.txt) instead"),
    (K::InputBinaryKind, "this is a {0} file, not text; {1}"),
    (K::InputAdvicePdf, "copy the transcript's text out of the PDF, or save it as plain text (.txt)"),
    (K::InputAdviceDoc, "save it as plain text (.txt), or copy its text"),
    (K::InputAdviceImage, "callchart reads text, not pictures of text: use the transcript's text"),
    (K::InputAdviceArchive, "unpack it and open the transcript (.txt) inside"),
    (K::InputAdviceMedia, "callchart reads transcripts, not recordings: use the transcript's text"),
    (K::InputAdviceOther, "open the transcript as plain text (.txt) instead"),
    (K::WarnLossy, "the text is not valid UTF-8: {0} bytes could not be read and show as �"),
    (K::WarnLatin1, "the text is not UTF-8; it was read as Latin-1 (Windows-1252)"),
    (K::WarnUtf16, "UTF-16 text, decoded"),
    (K::WarnUtf16Broken, "UTF-16 text, decoded; {0} broken characters show as �"),
    (K::WarnHtml, "this is an HTML page's source: its text was read, tags removed"),
    (K::WarnRtf, "this is an RTF document: its text was read, formatting removed"),
    (K::WarnNul, "{0} NUL bytes removed"),
    (K::WarnLongLine, "one line is {0} long: speakers and paragraphs are told apart by line breaks, so few or no figures can be read without them"),
    // Share links that cannot be opened (or made).
    (K::LinkNotALink, "this link holds no callchart data (a chart link ends in #v1= followed by the data)"),
    (K::LinkVersion, "this link was made by another version of callchart (format v{0}); this page reads format v{1} to v{2} links"),
    (K::LinkTooLong, "this link carries {0} characters of data, more than a chart link ever needs ({1}), so it was not opened"),
    (K::LinkBadCharacters, "this link is damaged: its data has characters a chart link never contains (was it cut or edited?)"),
    (K::LinkDamaged, "this link is damaged or incomplete ({0}); copy the whole link again"),
    (K::LinkTooBig, "this link unpacks to more than {0} KB, far more than a chart link holds, so it was not opened"),
    (K::LinkInvalid, "this link does not hold valid chart data ({0})"),
    (K::LinkUnencodable, "these facts cannot be put into a link: {0}"),
    (K::LinkSeries, "this link holds a series of several calls, which only the callchart page shows: open it there"),
    // A series of calls.
    (K::SeriesCalls, "{0} calls"),
    (K::ChartEps, "EPS"),
    (K::ChartVersus, "Guidance vs actual"),
    (K::EmptyEps, "No EPS figures found in these calls"),
    (K::EmptyVersus, "No guide in these calls was followed by its actual in a later call"),
    (K::VerdictBeat, "Beat"),
    (K::VerdictInRange, "In range"),
    (K::VerdictMiss, "Miss"),
    (K::VersusActual, "actual {0}"),
    (K::VersusCall, "{0} call"),
    (K::VersusOpen, "not reported yet"),
    (K::RowCall, "Call"),
    (K::RowAlsoIn, "Also said in"),
    (K::RowRevision, "Guide"),
    (K::RevRaised, "raised"),
    (K::RevLowered, "lowered"),
    (K::RevReaffirmed, "reaffirmed"),
];

/// The Traditional-Chinese catalogue (as Taiwanese financial media write).
pub(crate) const ZH_TW: &[(K, &str)] = &[
    (K::ChartRevenue, "營收"),
    (K::ChartMargins, "利潤率"),
    (K::ChartGuidance, "財測"),
    (K::EmptyRevenue, "這場法說會沒有營收數字"),
    (K::EmptyMargins, "這場法說會沒有利潤率數字"),
    (K::EmptyGuidance, "這場法說會沒有財測"),
    (K::HeadingUnknown, "法說會"),
    (K::PeriodLongTerm, "長期"),
    (K::PeriodLt, "長期"),
    (K::LegendOther, "其他"),
    (K::LegendTotalNosplit, "合計（未拆分）"),
    (K::LegendDerivedChange, "由變動率推算"),
    (K::LegendGuideRange, "財測區間 · ◆ 中位數"),
    (K::LegendFlag, "數字矛盾或檢查未通過"),
    (K::LegendDerived, "推算值"),
    (K::LegendLastActual, "最近實際值"),
    (K::GroupYear, "全年"),
    (K::GroupYearHalf, "全年／半年"),
    (K::GroupQuarterly, "季度"),
    (K::NoteGuidance, "財測"),
    (K::NoteDerived, "推算"),
    (K::NotePartlyDerived, "部分推算"),
    (K::NoteActual, "實際"),
    (K::GuideNoActual, "本次未提及實際值"),
    (K::GuideMore, "另有 {0} 項財測未顯示"),
    (K::GuideMoreOne, "另有 {0} 項財測未顯示"),
    (K::GuideVs, "較 {1} {0}"),
    (K::GuideVsPrevQuarter, "較上季 {0}"),
    (K::GuideVsPrevYear, "較去年同期 {0}"),
    (K::GuideMid, "中位數 {0}"),
    (K::UnitPp, " 百分點"),
    (K::UnitBp, " 個基點"),
    (K::RegionTotal, "{0} · 營收合計：{1}"),
    (K::RegionRevenueGuide, "{0} · 營收財測：{1}"),
    (K::RegionMidpoint, "（中位數 {0}）"),
    (K::RegionSegmentRevenue, "{0} 營收"),
    (K::RegionOtherRevenue, "其他營收（合計減去列名部門）"),
    (K::RegionRevenue, "營收"),
    (K::RegionDerived, "（推算）"),
    (K::RegionPiece, "{0} · {1}：{2}{3}"),
    (K::RegionGuide, "{0} · {1}財測：{2}{3}"),
    (K::RegionLastActual, "{0} · {1}（最近實際值）：{2}"),
    (K::SegmentTotal, "合計"),
    (K::NameSegmentMetric, "{0} {1}"),
    (K::MetricRevenue, "營收"),
    (K::MetricGrossMargin, "毛利率"),
    (K::MetricOperatingMargin, "營業利益率"),
    (K::MetricNetMargin, "淨利率"),
    (K::MetricGrossProfit, "毛利"),
    (K::MetricOperatingIncome, "營業利益"),
    (K::MetricNetIncome, "淨利"),
    (K::MetricEps, "每股盈餘"),
    (K::MetricEbitda, "EBITDA"),
    (K::MetricCapex, "資本支出"),
    (K::MetricSgaExpense, "銷售及管理費用"),
    (K::MetricRdExpense, "研發費用"),
    (K::MetricOperatingExpenses, "營業費用"),
    (K::MetricShareCount, "股數"),
    (K::MetricDaysSalesOutstanding, "應收帳款天數"),
    (K::MetricFreeCashFlow, "自由現金流"),
    (K::MetricOperatingCashFlow, "營業現金流"),
    (K::MetricCash, "現金"),
    (K::MetricInventory, "存貨"),
    (K::MetricAccountsReceivable, "應收帳款"),
    (K::MetricDividend, "股利"),
    (K::MetricBuyback, "庫藏股"),
    (K::MetricRevenueMix, "營收占比"),
    (K::DetailPeriod, "期間"),
    (K::DetailMetric, "指標"),
    (K::DetailSegment, "部門"),
    (K::DetailValue, "數值"),
    (K::DetailMidpoint, "中位數"),
    (K::DetailChange, "變動"),
    (K::DetailCompared, "比較基期"),
    (K::DetailBasis, "會計基礎"),
    (K::DetailKind, "類型"),
    (K::BasisGaap, "GAAP"),
    (K::BasisNonGaap, "非 GAAP"),
    (K::BasisOrganic, "有機"),
    (K::BasisNone, "未說明"),
    (K::KindActualLong, "實際值，法說會中提及"),
    (K::KindGuidanceLong, "財測"),
    (K::KindDerivedLong, "推算值：由提及的變動率計算"),
    (K::KindActual, "實際"),
    (K::KindGuidance, "財測"),
    (K::KindDerived, "推算"),
    (K::MeasureQoq, "季增減"),
    (K::MeasureYoy, "年增減"),
    (K::FlagConflict, " · 數字矛盾"),
    (K::FlagFailed, " · 檢查未通過"),
    (K::DetailComputed, "{1} {0}（較 {2}，計算值）"),
    (K::DetailTitle, "{0} · {1}"),
    (K::DetailTitleGuidance, "財測"),
    (K::DetailTitleQoq, "（季增減）"),
    (K::DetailTitleYoy, "（年增減）"),
    (K::ProblemConflict, "數字矛盾：法說會在別處提到不同的數值。"),
    (K::ProblemFailed, "檢查未通過：{0}"),
    (K::TablePeriod, "期間"),
    (K::TableSeries, "項目"),
    (K::TableFigure, "數字"),
    (K::TableValue, "數值"),
    (K::TableKind, "類型"),
    (K::TableBasis, "會計基礎"),
    (K::TableSource, "出處"),
    (K::TableLine, "第 {0} 行"),
    (K::SumFlat, "持平"),
    (K::SumFell, "減少 {0}"),
    (K::SumRose, "成長 {0}"),
    (K::SumAt, "{1}為 {0}"),
    (K::SumRevFlat, "營收持平，{0}"),
    (K::SumRevMoved, "營收{0}，{1}"),
    (K::SumRevFlatYoy, "營收年持平，{0}"),
    (K::SumRevMovedYoy, "營收年{0}，{1}"),
    (K::SumRevWas, "營收：{0}"),
    (K::SumSplit, "（{0}）"),
    (K::SumList, "、"),
    (K::SumItem, "{0} {1}"),
    (K::SumGuided, "{0}財測 {1}"),
    (K::SumRevDerived, "營收推算為 {0}（{1}）"),
    (K::SumJoin, "；"),
    (K::SumSentences, "。"),
    (K::SumEnd, "。"),
    (K::SumMarginWas, "{2}{0}為 {1}"),
    (K::SumMarginFlat, "，與 {0}持平"),
    (K::SumMarginUp, "，較 {1}上升 {0} 個百分點"),
    (K::SumMarginDown, "，較 {1}下降 {0} 個百分點"),
    (K::SumMarginGuided, "{0}{1}財測 {2}"),
    (K::SumGuideItem, "{0} {1}"),
    (K::SumGuideFor, "{1}{0}"),
    (K::SumGuideOne, "{0}財測：{1}。"),
    (K::SumGuideMany, "財測：{0}。"),
    (K::MetaCurrency, "幣別：{0}"),
    (K::MetaMore, "及其他 {0} 人"),
    (K::MetaPeople, "、"),
    (K::NoteConflict, "{0}：法說會提到不同的數值（第 {1} 行）"),
    (K::NoteCheck, "{0}：{1}"),
    (K::CsvHeader, "指標,部門,期間,類別,衡量,數值,下限,上限,單位,基礎,衝突,行,出處"),
    (K::InputEmpty, "輸入是空的：沒有可讀的逐字稿"),
    (K::InputBlank, "輸入沒有文字，只有空白或標記"),
    (K::InputBinary, "這是二進位檔，不是文字；請改以純文字（.txt）開啟逐字稿"),
    (K::InputBinaryKind, "這是 {0} 檔，不是文字；{1}"),
    (K::InputAdvicePdf, "請從 PDF 複製逐字稿的文字，或另存為純文字（.txt）"),
    (K::InputAdviceDoc, "請另存為純文字（.txt），或複製其中的文字"),
    (K::InputAdviceImage, "callchart 讀的是文字，不是文字的圖片：請使用逐字稿的文字"),
    (K::InputAdviceArchive, "請先解壓縮，再開啟其中的逐字稿（.txt）"),
    (K::InputAdviceMedia, "callchart 讀的是逐字稿，不是錄音錄影：請使用逐字稿的文字"),
    (K::InputAdviceOther, "請改以純文字（.txt）開啟逐字稿"),
    (K::WarnLossy, "文字不是有效的 UTF-8：有 {0} 個位元組無法讀取，顯示為 �"),
    (K::WarnLatin1, "文字不是 UTF-8，已依 Latin-1（Windows-1252）讀取"),
    (K::WarnUtf16, "UTF-16 文字，已解碼"),
    (K::WarnUtf16Broken, "UTF-16 文字，已解碼；有 {0} 個損壞的字元顯示為 �"),
    (K::WarnHtml, "這是 HTML 網頁原始碼：已讀取其文字，移除標籤"),
    (K::WarnRtf, "這是 RTF 文件：已讀取其文字，移除格式"),
    (K::WarnNul, "已移除 {0} 個 NUL 位元組"),
    (K::WarnLongLine, "有一行長達 {0}：發言者與段落靠換行區分，沒有換行就幾乎讀不到數字"),
    (K::LinkNotALink, "這個連結沒有 callchart 資料（圖表連結以 #v1= 加上資料結尾）"),
    (K::LinkVersion, "這個連結由另一個版本的 callchart 產生（格式 v{0}）；本頁可讀取 v{1} 至 v{2} 格式的連結"),
    (K::LinkTooLong, "這個連結帶有 {0} 個字元的資料，超過圖表連結所需（{1}），因此未開啟"),
    (K::LinkBadCharacters, "這個連結已損壞：其中有圖表連結不會有的字元（是否被截斷或修改過？）"),
    (K::LinkDamaged, "這個連結已損壞或不完整（{0}）；請重新複製整個連結"),
    (K::LinkTooBig, "這個連結解開後超過 {0} KB，遠多於圖表連結的內容，因此未開啟"),
    (K::LinkInvalid, "這個連結沒有有效的圖表資料（{0}）"),
    (K::LinkUnencodable, "這些數字無法放進連結：{0}"),
    (K::LinkSeries, "這個連結是多場法說會的系列，只有 callchart 頁面能顯示：請在頁面中開啟"),
    (K::SeriesCalls, "{0} 場法說會"),
    (K::ChartEps, "每股盈餘"),
    (K::ChartVersus, "財測與實際"),
    (K::EmptyEps, "這些法說會沒有每股盈餘數字"),
    (K::EmptyVersus, "這些法說會的財測沒有後續法說會的實際數字可對照"),
    (K::VerdictBeat, "優於財測"),
    (K::VerdictInRange, "符合財測"),
    (K::VerdictMiss, "不及財測"),
    (K::VersusActual, "實際 {0}"),
    (K::VersusCall, "{0} 法說會"),
    (K::VersusOpen, "尚未公布實際數字"),
    (K::RowCall, "法說會"),
    (K::RowAlsoIn, "亦見於"),
    (K::RowRevision, "財測調整"),
    (K::RevRaised, "上調"),
    (K::RevLowered, "下修"),
    (K::RevReaffirmed, "維持"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_have_every_key_once_in_the_keys_order() {
        for (name, table) in [("en", EN), ("zh-TW", ZH_TW)] {
            for (i, (k, _)) in table.iter().enumerate() {
                assert_eq!(*k as usize, i, "{name}: {k:?} is entry {i}: a key missing, repeated or out of order");
            }
        }
        let en: Vec<K> = EN.iter().map(|e| e.0).collect();
        let zh: Vec<K> = ZH_TW.iter().map(|e| e.0).collect();
        assert_eq!(en, zh, "the same keys in both catalogues");
        assert!(en.len() > 100, "{} keys", en.len());
    }

    #[test]
    fn placeholders_agree_between_languages() {
        let holes = |s: &str| (0..10).filter(|d| s.contains(&format!("{{{d}}}"))).collect::<Vec<_>>();
        for ((k, en), (_, zh)) in EN.iter().zip(ZH_TW) {
            assert_eq!(holes(en), holes(zh), "{k:?}: {en:?} vs {zh:?}");
        }
    }

    #[test]
    fn every_zh_text_is_translated() {
        // Names kept as they are (GAAP, EBITDA) may be equal; a sentence
        // left in English is a missed translation.
        for ((k, en), (_, zh)) in EN.iter().zip(ZH_TW) {
            let words = en.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 3).count();
            if words > 0 && !matches!(k, K::MetricEbitda | K::BasisGaap) {
                assert_ne!(en, zh, "{k:?} is not translated");
                assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{k:?}: {zh:?}");
            }
        }
    }

    #[test]
    fn looks_up_and_fills_in_the_current_language() {
        assert_eq!(t(K::ChartRevenue), "Revenue");
        assert_eq!(with(Lang::ZhTw, || t(K::ChartRevenue)), "營收");
        assert_eq!(t(K::ChartRevenue), "Revenue", "the language is restored after the call");
        assert_eq!(with(Lang::ZhTw, || tf(K::TableLine, &["12"])), "第 12 行");
        assert_eq!(fill("{1} {0} {x} {", &["a", "b"]), "b a {x} {");
        assert_eq!(fill("{3}", &["a"]), "");
        let r = std::panic::catch_unwind(|| with(Lang::ZhTw, || panic!("boom")));
        assert!(r.is_err());
        assert_eq!(lang(), Lang::En, "restored after a panic too");
    }

    #[test]
    fn tags() {
        for tag in ["zh-TW", "zh-Hant", "zh-Hant-TW", "zh-HK", "zh_tw", "ZH-MO"] {
            assert_eq!(Lang::from_code(tag), Some(Lang::ZhTw), "{tag}");
        }
        assert_eq!(Lang::from_code("zh-CN"), None);
        assert_eq!(Lang::from_code("zh"), None);
        assert_eq!(Lang::from_code("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
    }
}
