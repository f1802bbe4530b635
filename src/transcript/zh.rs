//! Chinese-only transcripts (a translated call, a Taiwanese company's call):
//! their CJK lines are the speech, not translations of English lines.
//!
//! [`promote`] runs on the classified lines before the layout is detected:
//! when CJK lines make up the text (English prose is at most a quarter of
//! them), each CJK line becomes text or, shaped like `名字 – 職稱` or a
//! lone `主持人`, a speaker line. Bilingual transcripts, whose English
//! lines pair with their translations, are left exactly as they were.

use super::{Class, Line};

/// Words of a title in a Chinese speaker line (`丹·弗萊明 – 財務長`).
const TITLE_WORDS: &[&str] = &[
    "長", "總裁", "經理", "董事", "主席", "總監", "副總", "分析師", "投資人關係", "投資者關係", "發言人", "協理", "處長",
    "主管", "研究員", "創辦人", "執行", "財務", "營運",
];

/// Names the conference operator goes by.
const OPERATORS: &[&str] = &["主持人", "會議主持人", "操作員", "接線員", "接線生", "司儀", "會議操作員"];

/// Whether `name` is the conference operator's (`主持人`, `操作員`).
pub(crate) fn is_operator(name: &str) -> bool {
    OPERATORS.contains(&name.trim())
}

/// A Chinese speaker line: `主持人`, `名字 – 職稱` (any dash, with or without
/// spaces), `名字，職稱`. Returns (name, title).
pub(crate) fn speaker(line: &str) -> Option<(&str, Option<&str>)> {
    let t = line.trim();
    if is_operator(t) {
        return Some((t, None));
    }
    if t.chars().count() > 40 || t.ends_with(['。', '？', '！', '.', '?', '!', '：', ':']) {
        return None;
    }
    let (i, sep) = [" - ", " – ", " — ", "－", "–", "—", "，", ", "].iter().filter_map(|s| t.find(s).map(|i| (i, s.len()))).min()?;
    let (name, title) = (t[..i].trim(), t[i + sep..].trim());
    let name_ok = (1..=24).contains(&name.chars().count()) && !name.contains(['，', '。', ',']);
    let title_ok = !title.is_empty() && title.chars().count() <= 24 && TITLE_WORDS.iter().any(|w| title.contains(w));
    (name_ok && title_ok).then_some((name, Some(title)))
}

/// Makes the CJK lines of a Chinese-only transcript its text and speaker
/// lines; returns whether it did.
pub(super) fn promote(lines: &mut [Line<'_>]) -> bool {
    let cjk = lines.iter().filter(|l| l.class == Class::Cjk).count();
    let english = lines.iter().filter(|l| matches!(l.class, Class::Text { .. })).count();
    if cjk < 3 || english * 4 >= cjk {
        return false;
    }
    for l in lines.iter_mut().filter(|l| l.class == Class::Cjk) {
        l.class = match speaker(l.raw) {
            Some((name, title)) => Class::Speaker { name: name.to_string(), title: title.map(str::to_string), rest: None },
            None => Class::Text { col: l.raw.len() - l.raw.trim_start().len() },
        };
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::{parse, Layout, Role};

    #[test]
    fn speaker_lines() {
        for (line, want) in [
            ("主持人", Some(("主持人", None))),
            ("丹·弗萊明 – 財務長", Some(("丹·弗萊明", Some("財務長")))),
            ("黃仁勳－總裁暨執行長", Some(("黃仁勳", Some("總裁暨執行長")))),
            ("張三，投資人關係處長", Some(("張三", Some("投資人關係處長")))),
            ("Daniel Fleming - 財務長", Some(("Daniel Fleming", Some("財務長")))),
            ("第四季營收為 3,210 萬美元 - 季減 41%。", None),
            ("營收 - 季減", None),
        ] {
            assert_eq!(speaker(line), want, "{line}");
        }
    }

    #[test]
    fn chinese_only_lines_are_the_speech() {
        let t = parse("主持人\n歡迎參加 Acme 2023 財年第四季財報電話會議。\n丹·弗萊明 – 財務長\n第四季營收為 3,210 萬美元。毛利率為 58%。\n");
        assert!(t.chinese);
        assert_eq!(t.speakers.len(), 2);
        assert_eq!(t.speakers[0].role, Role::Operator);
        assert_eq!(t.speakers[1].title.as_deref(), Some("財務長"));
        assert_eq!(t.turns[1].paragraphs[0].text, "第四季營收為 3,210 萬美元。毛利率為 58%。");
        // A bilingual transcript keeps its CJK lines as translations.
        let b = parse("Operator\nOperator\nWelcome to the Acme Q4 call.\n歡迎。\nJane Doe - CFO\nJane Doe - CFO\nRevenue was $5 million.\n收入為 500 萬美元。\nGross margin was 58%.\n毛利率為 58%。\n");
        assert!(!b.chinese);
        assert_eq!(b.layout, Layout::BilingualLines);
    }
}
