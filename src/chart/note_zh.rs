//! A check's arithmetic in Chinese. The extractor writes its notes in
//! English (the facts document is one language); the Chinese page says the
//! same arithmetic in Chinese words, the figures as written. A message of
//! another shape is left as it is.

/// The arithmetic of `message` in Chinese, without the English subject
/// before it (the caller names the subject in Chinese).
pub(super) fn arithmetic(message: &str) -> Option<String> {
    if let Some((n, rest)) = message.split_once(" figure") {
        if rest.contains("left out: the call's period is unknown") {
            return Some(format!("{n} 個數字未列入：不知道這場法說會的期間（標題或開場白會說，例如「Q3 2024 earnings call」）"));
        }
    }
    if let Some(rest) = message.strip_prefix("translation lines agree with ") {
        let (m, n) = rest.strip_suffix(" English figures")?.split_once(" of ")?;
        return Some(format!("譯文行與 {n} 個英文數字中的 {m} 個相符"));
    }
    if let Some((_, rest)) = message.split_once(" guidance midpoint ") {
        // "{mid} is {+x%} vs {prev} ({base}), stated {+y%}"
        let (mid, rest) = rest.split_once(" is ")?;
        let (x, rest) = rest.split_once(" vs ")?;
        let (prev, rest) = rest.split_once(" (")?;
        let (base, said) = rest.split_once("), stated ")?;
        let prev = prev.parse::<crate::facts::Period>().map_or_else(|_| prev.to_string(), |p| super::names::call_label(&p));
        return Some(format!("財測中位數 {mid} 較 {prev}（{base}）{x}，法說會說 {said}"));
    }
    let rest = message.split_once(": ")?.1;
    if let Some(rest) = rest.strip_prefix("said ") {
        let (a, rest) = rest.split_once(", but the change implies ")?;
        let (b, how) = rest.split_once(" (")?;
        return Some(format!("法說會說 {a}，但由變動推算為 {b}（{}）", how.strip_suffix(')')?));
    }
    if let Some(rest) = rest.strip_prefix("segments ") {
        let (list, rest) = rest.split_once(" sum to ")?;
        let (sum, rest) = rest.split_once(' ')?;
        let (op, total) = rest.split_once(" total ")?;
        return Some(format!("各部門 {list} 合計 {sum} {op} 總計 {total}"));
    }
    if let Some(rest) = rest.strip_prefix("segment margins (") {
        let (list, rest) = rest.split_once(") weighted by revenue give ")?;
        let (x, rest) = rest.split_once(' ')?;
        let (op, total) = rest.split_once(" total ")?;
        return Some(format!("各部門利潤率（{list}）依營收加權為 {x} {op} 整體 {total}"));
    }
    if let Some(rest) = rest.strip_prefix("the segment \"") {
        let (r, rest) = rest.split_once("\" has no gross margin, but \"")?;
        let (m, _) = rest.split_once("\" has one and no revenue")?;
        return Some(format!("部門「{r}」沒有毛利率，「{m}」有毛利率卻沒有營收；兩者只差一個字母，可能是同一個部門聽錯了"));
    }
    if message.starts_with("line ") && rest.ends_with(" is not in its translation line") {
        let line = message.trim_start_matches("line ").split(':').next()?;
        let value = rest.rsplit_once(" = ")?.1.trim_end_matches(" is not in its translation line");
        return Some(format!("第 {line} 行的 {value} 不在它的譯文行中"));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_the_extractor_writes() {
        for (en, zh) in [
            ("revenue total FY2023-Q3: said 54.0M, but the change implies 54.4M (32.1M / (1 − 0.41) = 54.4M)", "法說會說 54.0M，但由變動推算為 54.4M（32.1M / (1 − 0.41) = 54.4M）"),
            ("revenue FY2023-Q4: segments product 30.0M + license 2.1M sum to 32.1M = total 32.1M", "各部門 product 30.0M + license 2.1M 合計 32.1M = 總計 32.1M"),
            ("revenue FY2023-Q4: segments a 1.0M + b 2.0M sum to 3.0M ≠ total 4.0M", "各部門 a 1.0M + b 2.0M 合計 3.0M ≠ 總計 4.0M"),
            ("gross_margin FY2023-Q4: segment margins (a 50%, b 60%) weighted by revenue give 55.0% ≠ total 58%", "各部門利潤率（a 50%, b 60%）依營收加權為 55.0% ≠ 整體 58%"),
            ("revenue FY2024-Q1 guidance midpoint 34.0M is +5.9% vs FY2023-Q4 (32.1M), stated +6%", "財測中位數 34.0M 較 2023 財年第四季（32.1M）+5.9%，法說會說 +6%"),
            ("revenue IT FY2023-Q4: the segment \"IT\" has no gross margin, but \"IP\" has one and no revenue; one letter apart, probably the same segment misheard", "部門「IT」沒有毛利率，「IP」有毛利率卻沒有營收；兩者只差一個字母，可能是同一個部門聽錯了"),
            ("line 82: revenue total FY2023-Q4 = 32.1M is not in its translation line", "第 82 行的 32.1M 不在它的譯文行中"),
            ("translation lines agree with 40 of 41 English figures", "譯文行與 41 個英文數字中的 40 個相符"),
            ("3 figures were left out: the call's period is unknown (a title or welcome line such as \"Q3 2024 earnings call\" tells it)", "3 個數字未列入：不知道這場法說會的期間（標題或開場白會說，例如「Q3 2024 earnings call」）"),
        ] {
            let got = crate::i18n::with(crate::i18n::Lang::ZhTw, || arithmetic(en));
            assert_eq!(got.as_deref(), Some(zh), "{en}");
        }
        assert_eq!(arithmetic("a remark of another shape"), None);
    }

    #[test]
    fn the_sample_notes_are_all_said_in_chinese() {
        let facts: crate::facts::Facts = serde_json::from_str(include_str!("../../tests/golden/credo-q4-fy2023.facts.json")).unwrap_or_default();
        assert!(facts.notes.iter().any(|n| n.kind == "check"));
        for n in facts.notes.iter().filter(|n| n.kind != "conflict") {
            assert!(arithmetic(&n.message).is_some(), "{}", n.message);
        }
    }
}
