//! The Traditional-Chinese (zh-TW) catalogue, as Taiwanese financial media
//! write: every key of [`K`] once, in its order, with the English one's
//! placeholders (the tests in `i18n.rs` hold it to both).

use super::K;

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
    (K::MetricOrders, "訂單"),
    (K::MetricBacklog, "未出貨訂單"),
    (K::MetricBookings, "接單"),
    (K::MetricArr, "年度經常性收入"),
    (K::MetricAum, "管理資產規模"),
    (K::MetricNetInterestIncome, "淨利息收入"),
    (K::MetricNetInterestMargin, "淨利差"),
    (K::MetricLoans, "放款"),
    (K::MetricDeposits, "存款"),
    (K::MetricFfoPerShare, "每股營運資金"),
    (K::MetricAffoPerShare, "每股調整後營運資金"),
    (K::MetricSameStoreSales, "同店銷售"),
    (K::MetricCombinedRatio, "綜合成本率"),
    (K::MetricEbitdaMargin, "EBITDA 利潤率"),
    (K::MetricTaxRate, "稅率"),
    (K::MetricAsp, "平均售價"),
    (K::MetricBookValue, "帳面價值"),
    (K::MetricBookValuePerShare, "每股淨值"),
    (K::MetricTangibleBookValuePerShare, "每股有形淨值"),
    (K::MetricCostSavings, "成本節省"),
    (K::MetricDebt, "債務"),
    (K::MetricNetDebt, "淨負債"),
    (K::MetricLiquidity, "流動性"),
    (K::MetricNetChargeOffs, "淨沖銷"),
    (K::MetricProvisionForCreditLosses, "信用損失準備"),
    (K::MetricNetWrittenPremiums, "淨簽單保費"),
    (K::MetricPremiums, "保費"),
    (K::MetricNoi, "淨營運收入"),
    (K::MetricSameStoreNoi, "同店淨營運收入"),
    (K::MetricOccupancy, "出租率"),
    (K::MetricRevpar, "平均每間可售房收入"),
    (K::MetricReturnOnEquity, "股東權益報酬率"),
    (K::MetricTotalExpenses, "總費用"),
    (K::MetricOperatingExpenseRatio, "營業費用率"),
    (K::MetricSgaRatio, "銷售及管理費用率"),
    (K::MetricRdRatio, "研發費用率"),
    (K::MetricCapexRatio, "資本支出占營收比"),
    (K::MetricFreeCashFlowMargin, "自由現金流率"),
    (K::MetricExpenseRatio, "費用率"),
    (K::MetricShareholderReturns, "股東回饋"),
    (K::MetricDeferredRevenue, "遞延收入"),
    #[cfg(feature = "engine")]
    (K::DetailPeriod, "期間"),
    #[cfg(feature = "engine")]
    (K::DetailMetric, "指標"),
    #[cfg(feature = "engine")]
    (K::DetailSegment, "部門"),
    #[cfg(feature = "engine")]
    (K::DetailValue, "數值"),
    #[cfg(feature = "engine")]
    (K::DetailMidpoint, "中位數"),
    #[cfg(feature = "engine")]
    (K::DetailChange, "變動"),
    #[cfg(feature = "engine")]
    (K::DetailCompared, "比較基期"),
    #[cfg(feature = "engine")]
    (K::DetailBasis, "會計基礎"),
    #[cfg(feature = "engine")]
    (K::DetailKind, "類型"),
    #[cfg(feature = "engine")]
    (K::BasisGaap, "GAAP"),
    #[cfg(feature = "engine")]
    (K::BasisNonGaap, "非 GAAP"),
    #[cfg(feature = "engine")]
    (K::BasisOrganic, "有機"),
    #[cfg(feature = "engine")]
    (K::BasisConstantCurrency, "固定匯率"),
    #[cfg(feature = "engine")]
    (K::BasisNone, "未說明"),
    #[cfg(feature = "engine")]
    (K::KindActualLong, "實際值，法說會中提及"),
    #[cfg(feature = "engine")]
    (K::KindGuidanceLong, "財測"),
    #[cfg(feature = "engine")]
    (K::KindDerivedLong, "推算值：由提及的變動率計算"),
    #[cfg(feature = "engine")]
    (K::KindActual, "實際"),
    #[cfg(feature = "engine")]
    (K::KindGuidance, "財測"),
    #[cfg(feature = "engine")]
    (K::KindDerived, "推算"),
    #[cfg(feature = "engine")]
    (K::MeasureQoq, "季增減"),
    #[cfg(feature = "engine")]
    (K::MeasureYoy, "年增減"),
    #[cfg(feature = "engine")]
    (K::FlagConflict, " · 數字矛盾"),
    #[cfg(feature = "engine")]
    (K::FlagFailed, " · 檢查未通過"),
    #[cfg(feature = "engine")]
    (K::DetailComputed, "{1} {0}（較 {2}，計算值）"),
    #[cfg(feature = "engine")]
    (K::DetailTitle, "{0} · {1}"),
    #[cfg(feature = "engine")]
    (K::DetailTitleGuidance, "財測"),
    #[cfg(feature = "engine")]
    (K::DetailTitleQoq, "（季增減）"),
    #[cfg(feature = "engine")]
    (K::DetailTitleYoy, "（年增減）"),
    #[cfg(feature = "engine")]
    (K::ProblemConflict, "數字矛盾：法說會在別處提到不同的數值。"),
    #[cfg(feature = "engine")]
    (K::ProblemFailed, "檢查未通過：{0}"),
    #[cfg(feature = "engine")]
    (K::TablePeriod, "期間"),
    #[cfg(feature = "engine")]
    (K::TableSeries, "項目"),
    #[cfg(feature = "engine")]
    (K::TableFigure, "數字"),
    #[cfg(feature = "engine")]
    (K::TableValue, "數值"),
    #[cfg(feature = "engine")]
    (K::TableKind, "類型"),
    #[cfg(feature = "engine")]
    (K::TableBasis, "會計基礎"),
    #[cfg(feature = "engine")]
    (K::TableSource, "出處"),
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    (K::MetaCurrency, "幣別：{0}"),
    #[cfg(feature = "engine")]
    (K::MetaMore, "及其他 {0} 人"),
    #[cfg(feature = "engine")]
    (K::MetaPeople, "、"),
    #[cfg(feature = "engine")]
    (K::NoteConflict, "{0}：法說會提到不同的數值（第 {1} 行）"),
    #[cfg(feature = "engine")]
    (K::NoteCheck, "{0}：{1}"),
    #[cfg(feature = "engine")]
    (K::NoteCallGiven, "法說會期間 {0} 由讀者指定"),
    #[cfg(feature = "engine")]
    (K::NoteWithdrawn, "{0}的財測已撤回"),
    #[cfg(feature = "engine")]
    (K::CsvHeader, "指標,部門,期間,類別,衡量,數值,下限,上限,單位,基礎,衝突,行,出處"),
    #[cfg(feature = "engine")]
    (K::InputEmpty, "輸入是空的：沒有可讀的逐字稿"),
    #[cfg(feature = "engine")]
    (K::InputBlank, "輸入沒有文字，只有空白或標記"),
    #[cfg(feature = "engine")]
    (K::InputBinary, "這是二進位檔，不是文字；請改以純文字（.txt）開啟逐字稿"),
    #[cfg(feature = "engine")]
    (K::InputBinaryKind, "這是 {0} 檔，不是文字；{1}"),
    #[cfg(feature = "engine")]
    (K::InputAdvicePdf, "請從 PDF 複製逐字稿的文字，或另存為純文字（.txt）"),
    #[cfg(feature = "engine")]
    (K::InputAdviceDoc, "請另存為純文字（.txt），或複製其中的文字"),
    #[cfg(feature = "engine")]
    (K::InputAdviceImage, "callchart 讀的是文字，不是文字的圖片：請使用逐字稿的文字"),
    #[cfg(feature = "engine")]
    (K::InputAdviceArchive, "請先解壓縮，再開啟其中的逐字稿（.txt）"),
    #[cfg(feature = "engine")]
    (K::InputAdviceMedia, "callchart 讀的是逐字稿，不是錄音錄影：請使用逐字稿的文字"),
    #[cfg(feature = "engine")]
    (K::InputAdviceOther, "請改以純文字（.txt）開啟逐字稿"),
    #[cfg(feature = "engine")]
    (K::WarnLossy, "文字不是有效的 UTF-8：有 {0} 個位元組無法讀取，顯示為 �"),
    #[cfg(feature = "engine")]
    (K::WarnLatin1, "文字不是 UTF-8，已依 Latin-1（Windows-1252）讀取"),
    #[cfg(feature = "engine")]
    (K::WarnUtf16, "UTF-16 文字，已解碼"),
    #[cfg(feature = "engine")]
    (K::WarnUtf16Broken, "UTF-16 文字，已解碼；有 {0} 個損壞的字元顯示為 �"),
    #[cfg(feature = "engine")]
    (K::WarnHtml, "這是 HTML 網頁原始碼：已讀取其文字，移除標籤"),
    #[cfg(feature = "engine")]
    (K::WarnRtf, "這是 RTF 文件：已讀取其文字，移除格式"),
    #[cfg(feature = "engine")]
    (K::WarnNul, "已移除 {0} 個 NUL 位元組"),
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    (K::SeriesCalls, "{0} 場法說會"),
    #[cfg(feature = "engine")]
    (K::ChartEps, "每股盈餘"),
    #[cfg(feature = "engine")]
    (K::ChartVersus, "財測與實際"),
    #[cfg(feature = "engine")]
    (K::EmptyEps, "這些法說會沒有每股盈餘數字"),
    #[cfg(feature = "engine")]
    (K::EmptyVersus, "這些法說會的財測沒有後續法說會的實際數字可對照"),
    #[cfg(feature = "engine")]
    (K::VerdictBeat, "優於財測"),
    #[cfg(feature = "engine")]
    (K::VerdictInRange, "符合財測"),
    #[cfg(feature = "engine")]
    (K::VerdictMiss, "不及財測"),
    #[cfg(feature = "engine")]
    (K::VersusActual, "實際 {0}"),
    #[cfg(feature = "engine")]
    (K::VersusCall, "{0} 法說會"),
    #[cfg(feature = "engine")]
    (K::VersusOpen, "尚未公布實際數字"),
    #[cfg(feature = "engine")]
    (K::RowCall, "法說會"),
    #[cfg(feature = "engine")]
    (K::RowAlsoIn, "亦見於"),
    #[cfg(feature = "engine")]
    (K::RowRevision, "財測調整"),
    #[cfg(feature = "engine")]
    (K::RevRaised, "上調"),
    #[cfg(feature = "engine")]
    (K::RevLowered, "下修"),
    #[cfg(feature = "engine")]
    (K::RevReaffirmed, "維持"),
    #[cfg(feature = "engine")]
    (K::RevWithdrawn, "其後的法說會撤回"),
    #[cfg(feature = "engine")]
    (K::VersusWithdrawn, "已撤回"),
    #[cfg(feature = "engine")]
    (K::LegendWithdrawn, "其後撤回的財測 ✕"),
];
