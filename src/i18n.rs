//! The words Rust writes for people, in English and Traditional Chinese
//! (zh-TW): one catalogue per language ([`EN`] in `i18n/en.rs`, [`ZH_TW`] in
//! `i18n/zh_tw.rs`; this file has the keys, [`K`]), the same keys in
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

/// `s` in double quotes for a message, escaped as `{:?}` escapes plain text
/// (quotes, backslashes, line breaks, tabs, other control characters as
/// `\u{…}`; other characters as they are), without `{:?}`: `str`'s `Debug`
/// brings core::fmt's table of printable characters into the viewer.
pub fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                out.push_str("\\u{");
                let n = c as u32;
                let digits = if n > 0xf { 2 } else { 1 };
                for k in (0..digits).rev() {
                    out.push(char::from_digit(n >> (4 * k) & 0xf, 16).unwrap_or('0'));
                }
                out.push('}');
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
    let (bytes, ends): (&'static [u8], &'static [u16]) = match lang() {
        Lang::En => (&EN_PACKED.bytes, &EN_PACKED.ends),
        Lang::ZhTw => (&ZH_TW_PACKED.bytes, &ZH_TW_PACKED.ends),
    };
    let i = key as usize;
    let (Some(&end), start) = (ends.get(i), if i == 0 { 0 } else { ends[i - 1] }) else { return "" };
    std::str::from_utf8(&bytes[usize::from(start)..usize::from(end)]).unwrap_or("")
}

/// A catalogue as the wasm carries it: its `N` texts end to end in `B`
/// bytes, and where each ends. Packed at compile time from the readable
/// `(key, text)` tables: a table of `&str` costs 8 bytes of pointer and
/// length per text (12 with its key), which gzip barely shrinks (~4.7 KB
/// of each wasm for the two catalogues).
pub(crate) struct Packed<const N: usize, const B: usize> {
    bytes: [u8; B],
    ends: [u16; N],
}

/// How many bytes `table`'s texts take, end to end.
const fn packed_len(table: &[(K, &str)]) -> usize {
    let (mut i, mut n) = (0, 0);
    while i < table.len() {
        n += table[i].1.len();
        i += 1;
    }
    n
}

impl<const N: usize, const B: usize> Packed<N, B> {
    const fn new(table: &[(K, &str)]) -> Self {
        assert!(B <= u16::MAX as usize, "a catalogue over 64 KB");
        let (mut bytes, mut ends) = ([0u8; B], [0u16; N]);
        let (mut i, mut at) = (0, 0);
        while i < N {
            // Each build's keys in order (the engine-only ones are left out
            // of the viewer's enum and catalogues alike): checked as it compiles.
            assert!(table[i].0 as usize == i, "a catalogue's keys out of K's order");
            let s = table[i].1.as_bytes();
            let mut j = 0;
            while j < s.len() {
                bytes[at] = s[j];
                at += 1;
                j += 1;
            }
            ends[i] = at as u16;
            i += 1;
        }
        Packed { bytes, ends }
    }
}

static EN_PACKED: Packed<{ EN.len() }, { packed_len(EN) }> = Packed::new(EN);
static ZH_TW_PACKED: Packed<{ ZH_TW.len() }, { packed_len(ZH_TW) }> = Packed::new(ZH_TW);

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
    // `get`, not `rest[i..]`: no slice that can panic (see strs::split_once).
    while let Some((head, tail)) = rest.find('{').and_then(|i| rest.split_at_checked(i)) {
        out.push_str(head);
        let b = tail.as_bytes();
        match (b.get(1), b.get(2)) {
            (Some(d @ b'0'..=b'9'), Some(b'}')) => {
                out.push_str(args.get(usize::from(d - b'0')).copied().unwrap_or(""));
                rest = tail.get(3..).unwrap_or("");
            }
            _ => {
                out.push('{');
                rest = tail.get(1..).unwrap_or("");
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
    // Metrics outside the core with a name of their own (facts::NAMED_METRICS).
    MetricOrders,
    MetricBacklog,
    MetricBookings,
    MetricArr,
    MetricAum,
    MetricNetInterestIncome,
    MetricNetInterestMargin,
    MetricLoans,
    MetricDeposits,
    MetricFfoPerShare,
    MetricAffoPerShare,
    MetricSameStoreSales,
    MetricCombinedRatio,
    MetricEbitdaMargin,
    MetricTaxRate,
    MetricAsp,
    MetricBookValue,
    MetricBookValuePerShare,
    MetricTangibleBookValuePerShare,
    MetricCostSavings,
    MetricDebt,
    MetricNetDebt,
    MetricLiquidity,
    MetricNetChargeOffs,
    MetricProvisionForCreditLosses,
    MetricNetWrittenPremiums,
    MetricPremiums,
    MetricNoi,
    MetricSameStoreNoi,
    MetricOccupancy,
    MetricRevpar,
    MetricReturnOnEquity,
    MetricTotalExpenses,
    MetricOperatingExpenseRatio,
    MetricSgaRatio,
    MetricRdRatio,
    MetricCapexRatio,
    MetricFreeCashFlowMargin,
    MetricExpenseRatio,
    MetricShareholderReturns,
    MetricDeferredRevenue,
    #[cfg(feature = "engine")]
    DetailPeriod,
    #[cfg(feature = "engine")]
    DetailMetric,
    #[cfg(feature = "engine")]
    DetailSegment,
    #[cfg(feature = "engine")]
    DetailValue,
    #[cfg(feature = "engine")]
    DetailMidpoint,
    #[cfg(feature = "engine")]
    DetailChange,
    #[cfg(feature = "engine")]
    DetailCompared,
    #[cfg(feature = "engine")]
    DetailBasis,
    #[cfg(feature = "engine")]
    DetailKind,
    #[cfg(feature = "engine")]
    BasisGaap,
    #[cfg(feature = "engine")]
    BasisNonGaap,
    #[cfg(feature = "engine")]
    BasisOrganic,
    #[cfg(feature = "engine")]
    BasisConstantCurrency,
    #[cfg(feature = "engine")]
    BasisNone,
    #[cfg(feature = "engine")]
    KindActualLong,
    #[cfg(feature = "engine")]
    KindGuidanceLong,
    #[cfg(feature = "engine")]
    KindDerivedLong,
    #[cfg(feature = "engine")]
    KindActual,
    #[cfg(feature = "engine")]
    KindGuidance,
    #[cfg(feature = "engine")]
    KindDerived,
    #[cfg(feature = "engine")]
    MeasureQoq,
    #[cfg(feature = "engine")]
    MeasureYoy,
    #[cfg(feature = "engine")]
    FlagConflict,
    #[cfg(feature = "engine")]
    FlagFailed,
    #[cfg(feature = "engine")]
    DetailComputed,
    #[cfg(feature = "engine")]
    DetailTitle,
    #[cfg(feature = "engine")]
    DetailTitleGuidance,
    #[cfg(feature = "engine")]
    DetailTitleQoq,
    #[cfg(feature = "engine")]
    DetailTitleYoy,
    #[cfg(feature = "engine")]
    ProblemConflict,
    #[cfg(feature = "engine")]
    ProblemFailed,
    #[cfg(feature = "engine")]
    TablePeriod,
    #[cfg(feature = "engine")]
    TableSeries,
    #[cfg(feature = "engine")]
    TableFigure,
    #[cfg(feature = "engine")]
    TableValue,
    #[cfg(feature = "engine")]
    TableKind,
    #[cfg(feature = "engine")]
    TableBasis,
    #[cfg(feature = "engine")]
    TableSource,
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    MetaCurrency,
    #[cfg(feature = "engine")]
    MetaMore,
    #[cfg(feature = "engine")]
    MetaPeople,
    #[cfg(feature = "engine")]
    NoteConflict,
    #[cfg(feature = "engine")]
    NoteCheck,
    #[cfg(feature = "engine")]
    NoteCallGiven,
    #[cfg(feature = "engine")]
    NoteWithdrawn,
    #[cfg(feature = "engine")]
    CsvHeader,
    #[cfg(feature = "engine")]
    InputEmpty,
    #[cfg(feature = "engine")]
    InputBlank,
    #[cfg(feature = "engine")]
    InputBinary,
    #[cfg(feature = "engine")]
    InputBinaryKind,
    #[cfg(feature = "engine")]
    InputAdvicePdf,
    #[cfg(feature = "engine")]
    InputAdviceDoc,
    #[cfg(feature = "engine")]
    InputAdviceImage,
    #[cfg(feature = "engine")]
    InputAdviceArchive,
    #[cfg(feature = "engine")]
    InputAdviceMedia,
    #[cfg(feature = "engine")]
    InputAdviceOther,
    #[cfg(feature = "engine")]
    WarnLossy,
    #[cfg(feature = "engine")]
    WarnLatin1,
    #[cfg(feature = "engine")]
    WarnUtf16,
    #[cfg(feature = "engine")]
    WarnUtf16Broken,
    #[cfg(feature = "engine")]
    WarnHtml,
    #[cfg(feature = "engine")]
    WarnRtf,
    #[cfg(feature = "engine")]
    WarnNul,
    #[cfg(feature = "engine")]
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
    #[cfg(feature = "engine")]
    SeriesCalls,
    #[cfg(feature = "engine")]
    ChartEps,
    #[cfg(feature = "engine")]
    ChartVersus,
    #[cfg(feature = "engine")]
    EmptyEps,
    #[cfg(feature = "engine")]
    EmptyVersus,
    #[cfg(feature = "engine")]
    VerdictBeat,
    #[cfg(feature = "engine")]
    VerdictInRange,
    #[cfg(feature = "engine")]
    VerdictMiss,
    #[cfg(feature = "engine")]
    VersusActual,
    #[cfg(feature = "engine")]
    VersusCall,
    #[cfg(feature = "engine")]
    VersusOpen,
    #[cfg(feature = "engine")]
    RowCall,
    #[cfg(feature = "engine")]
    RowAlsoIn,
    #[cfg(feature = "engine")]
    RowRevision,
    #[cfg(feature = "engine")]
    RevRaised,
    #[cfg(feature = "engine")]
    RevLowered,
    #[cfg(feature = "engine")]
    RevReaffirmed,
    #[cfg(feature = "engine")]
    RevWithdrawn,
    #[cfg(feature = "engine")]
    VersusWithdrawn,
    #[cfg(feature = "engine")]
    LegendWithdrawn,
}

mod en;
mod zh_tw;
pub(crate) use en::EN;
pub(crate) use zh_tw::ZH_TW;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_escapes_as_debug_does() {
        for s in ["pie", "", "a \"b\" c\\d", "x\ny\rz\t\0", "\u{1b}[0m\u{7f}\u{85}\u{9f}", "營收 ΣΑ é", "'single'"] {
            assert_eq!(quoted(s), format!("{s:?}"), "{s:?}");
        }
    }

    #[test]
    fn the_packed_catalogues_give_each_text() {
        for (lang, table) in [(Lang::En, EN), (Lang::ZhTw, ZH_TW)] {
            with(lang, || {
                for (k, text) in table {
                    assert_eq!(t(*k), *text, "{lang:?} {k:?}");
                }
            });
        }
    }

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
