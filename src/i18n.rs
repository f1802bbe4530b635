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
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = t.split('-');
        match parts.next() {
            Some("en") => Some(Lang::En),
            Some("zh") => {
                let rest: Vec<&str> = parts.collect();
                rest.iter().any(|p| matches!(*p, "tw" | "hant" | "hk" | "mo")).then_some(Lang::ZhTw)
            }
            _ => None,
        }
    }

    fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => EN,
            Lang::ZhTw => ZH_TW,
        }
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

/// The text of `key` in the current language (English when the key is
/// missing there; the key itself when it is missing everywhere, which the
/// catalogue test rules out for the keys the code uses).
pub fn t(key: &str) -> &'static str {
    let find = |table: &'static [(&'static str, &'static str)]| table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
    find(lang().table()).or_else(|| find(EN)).unwrap_or("")
}

/// [`t`] with `{0}`, `{1}`, … replaced by `args`.
pub fn tf(key: &str, args: &[&str]) -> String {
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

/// The English catalogue.
pub const EN: &[(&str, &str)] = &[
    // Charts and their names.
    ("chart.revenue", "Revenue"),
    ("chart.margins", "Margins"),
    ("chart.guidance", "Guidance"),
    ("empty.revenue", "No revenue figures found in this call"),
    ("empty.margins", "No margin figures found in this call"),
    ("empty.guidance", "No guidance found in this call"),
    ("heading.unknown", "Earnings call"),
    ("period.long_term", "Long term"),
    ("period.lt", "LT"),
    // Legends, groups and notes under labels.
    ("legend.other", "Other"),
    ("legend.total_nosplit", "Total (no split)"),
    ("legend.derived_change", "Derived from % change"),
    ("legend.guide_range", "Guidance range · ◆ midpoint"),
    ("legend.flag", "Conflict or failed check"),
    ("legend.derived", "Derived"),
    ("legend.last_actual", "Last actual"),
    ("group.year", "Full year"),
    ("group.year_half", "Full year / half"),
    ("group.quarterly", "Quarterly"),
    ("note.guidance", "guidance"),
    ("note.derived", "derived"),
    ("note.partly_derived", "partly derived"),
    ("note.actual", "actual"),
    ("guide.no_actual", "No actual in this call"),
    ("guide.more", "+{0} more guided figures not shown"),
    ("guide.more_one", "+{0} more guided figure not shown"),
    ("guide.vs", "{0} vs {1}"),
    ("guide.mid", "mid {0}"),
    ("unit.pp", " pp"),
    ("unit.bp", " bp"),
    // Element labels (tooltip headers, buttons' names).
    ("region.total", "{0} · Revenue, total: {1}"),
    ("region.revenue_guide", "{0} · Revenue guidance: {1}"),
    ("region.midpoint", " (midpoint {0})"),
    ("region.segment_revenue", "{0} revenue"),
    ("region.other_revenue", "Other revenue (total less the named segments)"),
    ("region.revenue", "Revenue"),
    ("region.derived", " (derived)"),
    ("region.piece", "{0} · {1}: {2}{3}"),
    ("region.guide", "{0} · {1} guidance: {2}{3}"),
    ("region.last_actual", "{0} · {1} (last actual): {2}"),
    // Names.
    ("segment.total", "Total"),
    ("name.segment_metric", "{0} {1}"),
    ("metric.revenue", "Revenue"),
    ("metric.gross_margin", "Gross margin"),
    ("metric.operating_margin", "Operating margin"),
    ("metric.net_margin", "Net margin"),
    ("metric.gross_profit", "Gross profit"),
    ("metric.operating_income", "Operating income"),
    ("metric.net_income", "Net income"),
    ("metric.eps", "EPS"),
    ("metric.ebitda", "EBITDA"),
    ("metric.capex", "Capex"),
    ("metric.sga_expense", "SG&A expense"),
    ("metric.rd_expense", "R&D expense"),
    ("metric.operating_expenses", "Operating expenses"),
    ("metric.share_count", "Share count"),
    ("metric.days_sales_outstanding", "DSO"),
    ("metric.free_cash_flow", "Free cash flow"),
    ("metric.operating_cash_flow", "Operating cash flow"),
    ("metric.cash", "Cash"),
    ("metric.inventory", "Inventory"),
    ("metric.accounts_receivable", "Accounts receivable"),
    ("metric.dividend", "Dividend"),
    ("metric.buyback", "Buyback"),
    ("metric.revenue_mix", "Revenue mix"),
    // Details (the tooltip).
    ("detail.period", "Period"),
    ("detail.metric", "Metric"),
    ("detail.segment", "Segment"),
    ("detail.value", "Value"),
    ("detail.midpoint", "Midpoint"),
    ("detail.change", "Change"),
    ("detail.compared", "Compared with"),
    ("detail.basis", "Basis"),
    ("detail.kind", "Kind"),
    ("basis.gaap", "GAAP"),
    ("basis.non_gaap", "non-GAAP"),
    ("basis.none", "not stated"),
    ("kind.actual_long", "Actual, said on the call"),
    ("kind.guidance_long", "Guidance"),
    ("kind.derived_long", "Derived: computed from a stated change"),
    ("kind.actual", "Actual"),
    ("kind.guidance", "Guidance"),
    ("kind.derived", "Derived"),
    ("measure.qoq", "QoQ"),
    ("measure.yoy", "YoY"),
    ("flag.conflict", " · conflict"),
    ("flag.failed", " · failed check"),
    ("detail.computed", "{0} {1} (vs {2}, computed)"),
    ("detail.title", "{0} · {1}"),
    ("detail.title_guidance", " guidance"),
    ("detail.title_qoq", " (change QoQ)"),
    ("detail.title_yoy", " (change YoY)"),
    ("problem.conflict", "Conflicting figure: the call gives a different value for this elsewhere."),
    ("problem.failed", "Failed check: {0}"),
    ("table.period", "Period"),
    ("table.series", "Series"),
    ("table.figure", "Figure"),
    ("table.value", "Value"),
    ("table.kind", "Kind"),
    ("table.basis", "Basis"),
    ("table.source", "Source"),
    ("table.line", "line {0}"),
    // Summaries (a chart's accessible name).
    ("sum.flat", "was flat"),
    ("sum.fell", "fell {0}"),
    ("sum.rose", "rose {0}"),
    ("sum.at", "{0} in {1}"),
    ("sum.rev_flat", "Revenue was flat at {0}"),
    ("sum.rev_moved", "Revenue {0} to {1}"),
    ("sum.rev_flat_yoy", "Revenue was flat year over year at {0}"),
    ("sum.rev_moved_yoy", "Revenue {0} year over year to {1}"),
    ("sum.rev_was", "Revenue was {0}"),
    ("sum.split", " ({0})"),
    ("sum.list", ", "),
    ("sum.item", "{0} {1}"),
    ("sum.guided", "{0} guided {1}"),
    ("sum.rev_derived", "Revenue derived as {0} in {1}"),
    ("sum.join", "; "),
    ("sum.sentences", ". "),
    ("sum.end", "."),
    ("sum.margin_was", "{0} was {1} in {2}"),
    ("sum.margin_flat", ", flat from {0}"),
    ("sum.margin_up", ", up {0} pp from {1}"),
    ("sum.margin_down", ", down {0} pp from {1}"),
    ("sum.margin_guided", "{0} {1} guided {2}"),
    ("sum.guide_item", "{0} {1}"),
    ("sum.guide_for", "{0} for {1}"),
    ("sum.guide_one", "Guidance for {0}: {1}."),
    ("sum.guide_many", "Guidance: {0}."),
    // The heading's line and notes.
    ("meta.currency", "Figures in {0}"),
    ("meta.more", " and {0} more"),
    ("meta.people", ", "),
    ("note.conflict", "{0}: different values said (line {1})"),
    ("note.check", "{0}: {1}"),
    // Reading input (refusals and warnings).
    ("input.empty", "the input is empty: there is no transcript to read"),
    ("input.blank", "the input has no text, only whitespace or markup"),
    ("input.binary", "this is a binary file, not text; open the transcript as plain text (.txt) instead"),
    ("input.binary_kind", "this is a {0} file, not text; {1}"),
    ("input.advice_pdf", "copy the transcript's text out of the PDF, or save it as plain text (.txt)"),
    ("input.advice_doc", "save it as plain text (.txt), or copy its text"),
    ("input.advice_image", "callchart reads text, not pictures of text: use the transcript's text"),
    ("input.advice_archive", "unpack it and open the transcript (.txt) inside"),
    ("input.advice_media", "callchart reads transcripts, not recordings: use the transcript's text"),
    ("input.advice_other", "open the transcript as plain text (.txt) instead"),
    ("warn.lossy", "the text is not valid UTF-8: {0} bytes could not be read and show as �"),
    ("warn.latin1", "the text is not UTF-8; it was read as Latin-1 (Windows-1252)"),
    ("warn.utf16", "UTF-16 text, decoded"),
    ("warn.utf16_broken", "UTF-16 text, decoded; {0} broken characters show as �"),
    ("warn.html", "this is an HTML page's source: its text was read, tags removed"),
    ("warn.rtf", "this is an RTF document: its text was read, formatting removed"),
    ("warn.nul", "{0} NUL bytes removed"),
    ("warn.long_line", "one line is {0} long: speakers and paragraphs are told apart by line breaks, so few or no figures can be read without them"),
];

/// The Traditional-Chinese catalogue (as Taiwanese financial media write).
pub const ZH_TW: &[(&str, &str)] = &[
    ("chart.revenue", "營收"),
    ("chart.margins", "利潤率"),
    ("chart.guidance", "財測"),
    ("empty.revenue", "這場法說會沒有營收數字"),
    ("empty.margins", "這場法說會沒有利潤率數字"),
    ("empty.guidance", "這場法說會沒有財測"),
    ("heading.unknown", "法說會"),
    ("period.long_term", "長期"),
    ("period.lt", "長期"),
    ("legend.other", "其他"),
    ("legend.total_nosplit", "合計（未拆分）"),
    ("legend.derived_change", "由變動率推算"),
    ("legend.guide_range", "財測區間 · ◆ 中位數"),
    ("legend.flag", "數字矛盾或檢查未通過"),
    ("legend.derived", "推算值"),
    ("legend.last_actual", "最近實際值"),
    ("group.year", "全年"),
    ("group.year_half", "全年／半年"),
    ("group.quarterly", "季度"),
    ("note.guidance", "財測"),
    ("note.derived", "推算"),
    ("note.partly_derived", "部分推算"),
    ("note.actual", "實際"),
    ("guide.no_actual", "本次未提及實際值"),
    ("guide.more", "另有 {0} 項財測未顯示"),
    ("guide.more_one", "另有 {0} 項財測未顯示"),
    ("guide.vs", "較 {1} {0}"),
    ("guide.mid", "中位數 {0}"),
    ("unit.pp", " 個百分點"),
    ("unit.bp", " 個基點"),
    ("region.total", "{0} · 營收合計：{1}"),
    ("region.revenue_guide", "{0} · 營收財測：{1}"),
    ("region.midpoint", "（中位數 {0}）"),
    ("region.segment_revenue", "{0} 營收"),
    ("region.other_revenue", "其他營收（合計減去列名部門）"),
    ("region.revenue", "營收"),
    ("region.derived", "（推算）"),
    ("region.piece", "{0} · {1}：{2}{3}"),
    ("region.guide", "{0} · {1}財測：{2}{3}"),
    ("region.last_actual", "{0} · {1}（最近實際值）：{2}"),
    ("segment.total", "合計"),
    ("name.segment_metric", "{0} {1}"),
    ("metric.revenue", "營收"),
    ("metric.gross_margin", "毛利率"),
    ("metric.operating_margin", "營業利益率"),
    ("metric.net_margin", "淨利率"),
    ("metric.gross_profit", "毛利"),
    ("metric.operating_income", "營業利益"),
    ("metric.net_income", "淨利"),
    ("metric.eps", "每股盈餘"),
    ("metric.ebitda", "EBITDA"),
    ("metric.capex", "資本支出"),
    ("metric.sga_expense", "銷售及管理費用"),
    ("metric.rd_expense", "研發費用"),
    ("metric.operating_expenses", "營業費用"),
    ("metric.share_count", "股數"),
    ("metric.days_sales_outstanding", "應收帳款天數"),
    ("metric.free_cash_flow", "自由現金流"),
    ("metric.operating_cash_flow", "營業現金流"),
    ("metric.cash", "現金"),
    ("metric.inventory", "存貨"),
    ("metric.accounts_receivable", "應收帳款"),
    ("metric.dividend", "股利"),
    ("metric.buyback", "庫藏股"),
    ("metric.revenue_mix", "營收占比"),
    ("detail.period", "期間"),
    ("detail.metric", "指標"),
    ("detail.segment", "部門"),
    ("detail.value", "數值"),
    ("detail.midpoint", "中位數"),
    ("detail.change", "變動"),
    ("detail.compared", "比較基期"),
    ("detail.basis", "會計基礎"),
    ("detail.kind", "類型"),
    ("basis.gaap", "GAAP"),
    ("basis.non_gaap", "非 GAAP"),
    ("basis.none", "未說明"),
    ("kind.actual_long", "實際值，法說會中提及"),
    ("kind.guidance_long", "財測"),
    ("kind.derived_long", "推算值：由提及的變動率計算"),
    ("kind.actual", "實際"),
    ("kind.guidance", "財測"),
    ("kind.derived", "推算"),
    ("measure.qoq", "季增減"),
    ("measure.yoy", "年增減"),
    ("flag.conflict", " · 數字矛盾"),
    ("flag.failed", " · 檢查未通過"),
    ("detail.computed", "{1} {0}（較{2}，計算值）"),
    ("detail.title", "{0} · {1}"),
    ("detail.title_guidance", "財測"),
    ("detail.title_qoq", "（季增減）"),
    ("detail.title_yoy", "（年增減）"),
    ("problem.conflict", "數字矛盾：法說會在別處提到不同的數值。"),
    ("problem.failed", "檢查未通過：{0}"),
    ("table.period", "期間"),
    ("table.series", "項目"),
    ("table.figure", "數字"),
    ("table.value", "數值"),
    ("table.kind", "類型"),
    ("table.basis", "會計基礎"),
    ("table.source", "出處"),
    ("table.line", "第 {0} 行"),
    ("sum.flat", "持平"),
    ("sum.fell", "減少 {0}"),
    ("sum.rose", "成長 {0}"),
    ("sum.at", "{1}為 {0}"),
    ("sum.rev_flat", "營收持平，{0}"),
    ("sum.rev_moved", "營收{0}，{1}"),
    ("sum.rev_flat_yoy", "營收年持平，{0}"),
    ("sum.rev_moved_yoy", "營收年{0}，{1}"),
    ("sum.rev_was", "營收：{0}"),
    ("sum.split", "（{0}）"),
    ("sum.list", "、"),
    ("sum.item", "{0} {1}"),
    ("sum.guided", "{0}財測 {1}"),
    ("sum.rev_derived", "營收推算為 {0}（{1}）"),
    ("sum.join", "；"),
    ("sum.sentences", "。"),
    ("sum.end", "。"),
    ("sum.margin_was", "{2}{0}為 {1}"),
    ("sum.margin_flat", "，與{0}持平"),
    ("sum.margin_up", "，較{1}上升 {0} 個百分點"),
    ("sum.margin_down", "，較{1}下降 {0} 個百分點"),
    ("sum.margin_guided", "{0}{1}財測 {2}"),
    ("sum.guide_item", "{0} {1}"),
    ("sum.guide_for", "{1}{0}"),
    ("sum.guide_one", "{0}財測：{1}。"),
    ("sum.guide_many", "財測：{0}。"),
    ("meta.currency", "幣別：{0}"),
    ("meta.more", "等 {0} 人"),
    ("meta.people", "、"),
    ("note.conflict", "{0}：法說會提到不同的數值（第 {1} 行）"),
    ("note.check", "{0}：{1}"),
    ("input.empty", "輸入是空的：沒有可讀的逐字稿"),
    ("input.blank", "輸入沒有文字，只有空白或標記"),
    ("input.binary", "這是二進位檔，不是文字；請改以純文字（.txt）開啟逐字稿"),
    ("input.binary_kind", "這是 {0} 檔，不是文字；{1}"),
    ("input.advice_pdf", "請從 PDF 複製逐字稿的文字，或另存為純文字（.txt）"),
    ("input.advice_doc", "請另存為純文字（.txt），或複製其中的文字"),
    ("input.advice_image", "callchart 讀的是文字，不是文字的圖片：請使用逐字稿的文字"),
    ("input.advice_archive", "請先解壓縮，再開啟其中的逐字稿（.txt）"),
    ("input.advice_media", "callchart 讀的是逐字稿，不是錄音錄影：請使用逐字稿的文字"),
    ("input.advice_other", "請改以純文字（.txt）開啟逐字稿"),
    ("warn.lossy", "文字不是有效的 UTF-8：有 {0} 個位元組無法讀取，顯示為 �"),
    ("warn.latin1", "文字不是 UTF-8，已依 Latin-1（Windows-1252）讀取"),
    ("warn.utf16", "UTF-16 文字，已解碼"),
    ("warn.utf16_broken", "UTF-16 文字，已解碼；有 {0} 個損壞的字元顯示為 �"),
    ("warn.html", "這是 HTML 網頁原始碼：已讀取其文字，移除標籤"),
    ("warn.rtf", "這是 RTF 文件：已讀取其文字，移除格式"),
    ("warn.nul", "已移除 {0} 個 NUL 位元組"),
    ("warn.long_line", "有一行長達 {0}：發言者與段落靠換行區分，沒有換行就幾乎讀不到數字"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    fn keys(table: &[(&str, &str)]) -> Vec<&'static str> {
        // 'static: the tables are constants.
        table.iter().map(|(k, _)| k.to_string().leak() as &'static str).collect()
    }

    #[test]
    fn both_catalogues_have_the_same_keys_once_each() {
        for table in [EN, ZH_TW] {
            let ks = keys(table);
            let set: BTreeSet<_> = ks.iter().collect();
            assert_eq!(set.len(), ks.len(), "a key is listed twice");
        }
        let en: BTreeSet<_> = keys(EN).into_iter().collect();
        let zh: BTreeSet<_> = keys(ZH_TW).into_iter().collect();
        assert_eq!(en.difference(&zh).collect::<Vec<_>>(), Vec::<&&str>::new(), "keys missing in zh-TW");
        assert_eq!(zh.difference(&en).collect::<Vec<_>>(), Vec::<&&str>::new(), "keys missing in English");
    }

    #[test]
    fn placeholders_agree_between_languages() {
        let holes = |s: &str| (0..10).filter(|d| s.contains(&format!("{{{d}}}"))).collect::<Vec<_>>();
        for (k, en) in EN {
            let zh = ZH_TW.iter().find(|(z, _)| z == k).map(|(_, v)| *v).unwrap_or("");
            assert_eq!(holes(en), holes(zh), "{k}: {en:?} vs {zh:?}");
        }
    }

    #[test]
    fn every_zh_text_is_not_the_english_one_where_words_are_translated() {
        // Names kept as they are (GAAP, EBITDA) and pure layouts may be equal;
        // a sentence left in English is a missed translation.
        for (k, en) in EN {
            let zh = ZH_TW.iter().find(|(z, _)| z == k).map(|(_, v)| *v).unwrap_or("");
            let words = en.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 3).count();
            if words > 0 && !matches!(*k, "metric.ebitda" | "basis.gaap") {
                assert_ne!(*en, zh, "{k} is not translated");
            }
        }
    }

    #[test]
    fn looks_up_and_fills_in_the_current_language() {
        assert_eq!(t("chart.revenue"), "Revenue");
        assert_eq!(with(Lang::ZhTw, || t("chart.revenue")), "營收");
        assert_eq!(t("chart.revenue"), "Revenue", "the language is restored after the call");
        assert_eq!(with(Lang::ZhTw, || tf("table.line", &["12"])), "第 12 行");
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
