//! The English catalogue: every key of [`K`] once, in its order (the
//! tests in `i18n.rs` hold it to that and to the Chinese one's placeholders).

use super::K;

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
    // As their names read (the English the page always wrote for them).
    (K::MetricOrders, "Orders"),
    (K::MetricBacklog, "Backlog"),
    (K::MetricBookings, "Bookings"),
    (K::MetricArr, "Arr"),
    (K::MetricAum, "Aum"),
    (K::MetricNetInterestIncome, "Net interest income"),
    (K::MetricNetInterestMargin, "Net interest margin"),
    (K::MetricLoans, "Loans"),
    (K::MetricDeposits, "Deposits"),
    (K::MetricFfoPerShare, "Ffo per share"),
    (K::MetricAffoPerShare, "Affo per share"),
    (K::MetricSameStoreSales, "Same store sales"),
    (K::MetricCombinedRatio, "Combined ratio"),
    (K::MetricEbitdaMargin, "Ebitda margin"),
    (K::MetricTaxRate, "Tax rate"),
    (K::MetricAsp, "Asp"),
    (K::MetricBookValue, "Book value"),
    (K::MetricBookValuePerShare, "Book value per share"),
    (K::MetricTangibleBookValuePerShare, "Tangible book value per share"),
    (K::MetricCostSavings, "Cost savings"),
    (K::MetricDebt, "Debt"),
    (K::MetricNetDebt, "Net debt"),
    (K::MetricLiquidity, "Liquidity"),
    (K::MetricNetChargeOffs, "Net charge offs"),
    (K::MetricProvisionForCreditLosses, "Provision for credit losses"),
    (K::MetricNetWrittenPremiums, "Net written premiums"),
    (K::MetricPremiums, "Premiums"),
    (K::MetricNoi, "Noi"),
    (K::MetricSameStoreNoi, "Same store noi"),
    (K::MetricOccupancy, "Occupancy"),
    (K::MetricRevpar, "Revpar"),
    (K::MetricReturnOnEquity, "Return on equity"),
    (K::MetricTotalExpenses, "Total expenses"),
    (K::MetricOperatingExpenseRatio, "Operating expense ratio"),
    (K::MetricSgaRatio, "Sga ratio"),
    (K::MetricRdRatio, "Rd ratio"),
    (K::MetricCapexRatio, "Capex ratio"),
    (K::MetricFreeCashFlowMargin, "Free cash flow margin"),
    (K::MetricExpenseRatio, "Expense ratio"),
    (K::MetricShareholderReturns, "Shareholder returns"),
    (K::MetricDeferredRevenue, "Deferred revenue"),
    // Details (the tooltip).
    #[cfg(feature = "engine")]
    (K::DetailPeriod, "Period"),
    #[cfg(feature = "engine")]
    (K::DetailMetric, "Metric"),
    #[cfg(feature = "engine")]
    (K::DetailSegment, "Segment"),
    #[cfg(feature = "engine")]
    (K::DetailValue, "Value"),
    #[cfg(feature = "engine")]
    (K::DetailMidpoint, "Midpoint"),
    #[cfg(feature = "engine")]
    (K::DetailChange, "Change"),
    #[cfg(feature = "engine")]
    (K::DetailCompared, "Compared with"),
    #[cfg(feature = "engine")]
    (K::DetailBasis, "Basis"),
    #[cfg(feature = "engine")]
    (K::DetailKind, "Kind"),
    #[cfg(feature = "engine")]
    (K::BasisGaap, "GAAP"),
    #[cfg(feature = "engine")]
    (K::BasisNonGaap, "non-GAAP"),
    #[cfg(feature = "engine")]
    (K::BasisOrganic, "organic"),
    #[cfg(feature = "engine")]
    (K::BasisConstantCurrency, "constant currency"),
    #[cfg(feature = "engine")]
    (K::BasisNone, "not stated"),
    #[cfg(feature = "engine")]
    (K::KindActualLong, "Actual, said on the call"),
    #[cfg(feature = "engine")]
    (K::KindGuidanceLong, "Guidance"),
    #[cfg(feature = "engine")]
    (K::KindDerivedLong, "Derived: computed from a stated change"),
    #[cfg(feature = "engine")]
    (K::KindActual, "Actual"),
    #[cfg(feature = "engine")]
    (K::KindGuidance, "Guidance"),
    #[cfg(feature = "engine")]
    (K::KindDerived, "Derived"),
    #[cfg(feature = "engine")]
    (K::MeasureQoq, "QoQ"),
    #[cfg(feature = "engine")]
    (K::MeasureYoy, "YoY"),
    #[cfg(feature = "engine")]
    (K::FlagConflict, " · conflict"),
    #[cfg(feature = "engine")]
    (K::FlagFailed, " · failed check"),
    #[cfg(feature = "engine")]
    (K::DetailComputed, "{0} {1} (vs {2}, computed)"),
    #[cfg(feature = "engine")]
    (K::DetailTitle, "{0} · {1}"),
    #[cfg(feature = "engine")]
    (K::DetailTitleGuidance, " guidance"),
    #[cfg(feature = "engine")]
    (K::DetailTitleQoq, " (change QoQ)"),
    #[cfg(feature = "engine")]
    (K::DetailTitleYoy, " (change YoY)"),
    #[cfg(feature = "engine")]
    (K::ProblemConflict, "Conflicting figure: the call gives a different value for this elsewhere."),
    #[cfg(feature = "engine")]
    (K::ProblemFailed, "Failed check: {0}"),
    #[cfg(feature = "engine")]
    (K::TablePeriod, "Period"),
    #[cfg(feature = "engine")]
    (K::TableSeries, "Series"),
    #[cfg(feature = "engine")]
    (K::TableFigure, "Figure"),
    #[cfg(feature = "engine")]
    (K::TableValue, "Value"),
    #[cfg(feature = "engine")]
    (K::TableKind, "Kind"),
    #[cfg(feature = "engine")]
    (K::TableBasis, "Basis"),
    #[cfg(feature = "engine")]
    (K::TableSource, "Source"),
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    (K::MetaCurrency, "Figures in {0}"),
    #[cfg(feature = "engine")]
    (K::MetaMore, " and {0} more"),
    #[cfg(feature = "engine")]
    (K::MetaPeople, ", "),
    #[cfg(feature = "engine")]
    (K::NoteConflict, "{0}: different values said (line {1})"),
    #[cfg(feature = "engine")]
    (K::NoteCheck, "{0}: {1}"),
    #[cfg(feature = "engine")]
    (K::NoteCallGiven, "The call's period, {0}, was given by the reader"),
    #[cfg(feature = "engine")]
    (K::NoteWithdrawn, "Guidance for {0} was withdrawn"),
    #[cfg(feature = "engine")]
    (K::CsvHeader, "metric,segment,period,kind,measure,value,low,high,unit,basis,conflict,line,source"),
    // Reading input (refusals and warnings).
    #[cfg(feature = "engine")]
    (K::InputEmpty, "the input is empty: there is no transcript to read"),
    #[cfg(feature = "engine")]
    (K::InputBlank, "the input has no text, only whitespace or markup"),
    #[cfg(feature = "engine")]
    (K::InputBinary, "this is a binary file, not text; open the transcript as plain text (.txt) instead"),
    #[cfg(feature = "engine")]
    (K::InputBinaryKind, "this is a {0} file, not text; {1}"),
    #[cfg(feature = "engine")]
    (K::InputAdvicePdf, "copy the transcript's text out of the PDF, or save it as plain text (.txt)"),
    #[cfg(feature = "engine")]
    (K::InputAdviceDoc, "save it as plain text (.txt), or copy its text"),
    #[cfg(feature = "engine")]
    (K::InputAdviceImage, "callchart reads text, not pictures of text: use the transcript's text"),
    #[cfg(feature = "engine")]
    (K::InputAdviceArchive, "unpack it and open the transcript (.txt) inside"),
    #[cfg(feature = "engine")]
    (K::InputAdviceMedia, "callchart reads transcripts, not recordings: use the transcript's text"),
    #[cfg(feature = "engine")]
    (K::InputAdviceOther, "open the transcript as plain text (.txt) instead"),
    #[cfg(feature = "engine")]
    (K::WarnLossy, "the text is not valid UTF-8: {0} bytes could not be read and show as �"),
    #[cfg(feature = "engine")]
    (K::WarnLatin1, "the text is not UTF-8; it was read as Latin-1 (Windows-1252)"),
    #[cfg(feature = "engine")]
    (K::WarnUtf16, "UTF-16 text, decoded"),
    #[cfg(feature = "engine")]
    (K::WarnUtf16Broken, "UTF-16 text, decoded; {0} broken characters show as �"),
    #[cfg(feature = "engine")]
    (K::WarnHtml, "this is an HTML page's source: its text was read, tags removed"),
    #[cfg(feature = "engine")]
    (K::WarnRtf, "this is an RTF document: its text was read, formatting removed"),
    #[cfg(feature = "engine")]
    (K::WarnNul, "{0} NUL bytes removed"),
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    (K::SeriesCalls, "{0} calls"),
    #[cfg(feature = "engine")]
    (K::ChartEps, "EPS"),
    #[cfg(feature = "engine")]
    (K::ChartVersus, "Guidance vs actual"),
    #[cfg(feature = "engine")]
    (K::EmptyEps, "No EPS figures found in these calls"),
    #[cfg(feature = "engine")]
    (K::EmptyVersus, "No guide in these calls was followed by its actual in a later call"),
    #[cfg(feature = "engine")]
    (K::VerdictBeat, "Beat"),
    #[cfg(feature = "engine")]
    (K::VerdictInRange, "In range"),
    #[cfg(feature = "engine")]
    (K::VerdictMiss, "Miss"),
    #[cfg(feature = "engine")]
    (K::VersusActual, "actual {0}"),
    #[cfg(feature = "engine")]
    (K::VersusCall, "{0} call"),
    #[cfg(feature = "engine")]
    (K::VersusOpen, "not reported yet"),
    #[cfg(feature = "engine")]
    (K::RowCall, "Call"),
    #[cfg(feature = "engine")]
    (K::RowAlsoIn, "Also said in"),
    #[cfg(feature = "engine")]
    (K::RowRevision, "Guide"),
    #[cfg(feature = "engine")]
    (K::RevRaised, "raised"),
    #[cfg(feature = "engine")]
    (K::RevLowered, "lowered"),
    #[cfg(feature = "engine")]
    (K::RevReaffirmed, "reaffirmed"),
    #[cfg(feature = "engine")]
    (K::RevWithdrawn, "withdrawn by a later call"),
    #[cfg(feature = "engine")]
    (K::VersusWithdrawn, "Withdrawn"),
    #[cfg(feature = "engine")]
    (K::LegendWithdrawn, "Guide withdrawn later ✕"),
];
