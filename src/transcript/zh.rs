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

/// Simplified characters of the words read here (the lexicon's, titles,
/// surnames) and their Traditional forms, in pairs sorted by the first
/// (a binary search finds one): `营營` is 营 → 營. A
/// mainland translation is read through the one Traditional lexicon. Both
/// forms are 3 bytes in UTF-8, so a line keeps its byte offsets.
const SIMPLIFIED: &[&str] = &[
    "万萬与與业業东東两兩严嚴个個为為买買于於亏虧亚亞产產亿億从從仪儀们們价價会會体體余餘储儲关關冯馮净淨准準减減刘劉则則创創",
    "务務动動劲勁区區华華协協单單卖賣卢盧历歷压壓参參发發叶葉后後吴吳员員团團围圍国國场場坏壞处處备備孙孫实實对對导導将將层層",
    "属屬币幣师師帐帳带帶库庫应應开開张張强強归歸录錄态態总總执執扩擴报報损損摊攤数數旧舊时時术術机機权權来來杨楊构構标標欢歡",
    "欧歐汇匯汤湯测測润潤湾灣点點献獻环環现現电電监監盖蓋础礎积積税稅稳穩紧緊约約纪紀线線经經结結绩績续續缩縮罗羅苏蘇范範获獲",
    "营營萧蕭计計订訂认認让讓议議讯訊记記许許设設话話该該说說调調谢謝谭譚负負贡貢财財账賬货貨质質购購费費贺賀贾賈资資赖賴赵趙",
    "转轉轮輪较較达達过過运運这這进進连連邓鄧邹鄒郑鄭钟鍾钱錢销銷长長门門问問间間阎閻队隊际際陆陸陈陳韦韋韩韓项項顾顧预預题題",
    "额額马馬黄黃龚龔",
];

/// Simplified characters that Traditional text also writes (`后`, `余`,
/// `准`, `范` as names or words of their own): no sign of Simplified text.
const SHARED: &str = "后余准范于";

/// `s` in Traditional characters (byte for byte where they differ), and
/// whether it was written in Simplified ones (where plain `元` is the yuan).
pub(crate) fn traditional(s: &str) -> (std::borrow::Cow<'_, str>, bool) {
    // The pairs sorted, and a bit per ideograph (U+4E00..U+9FFF): most
    // characters are not in the table, and a bit says so at once.
    static MAP: std::sync::OnceLock<(Vec<(char, char)>, Vec<u64>)> = std::sync::OnceLock::new();
    let (map, bits) = MAP.get_or_init(|| {
        let cs: Vec<char> = SIMPLIFIED.concat().chars().collect();
        let map: Vec<(char, char)> = cs.chunks(2).map(|p| (p[0], p[1])).collect();
        let mut bits = vec![0u64; 0x5200 / 64];
        for &(c, _) in &map {
            let k = c as usize - 0x4e00;
            bits[k / 64] |= 1 << (k % 64);
        }
        (map, bits)
    });
    let find = |c: char| {
        let k = (c as usize).wrapping_sub(0x4e00);
        let hit = bits.get(k / 64).is_some_and(|b| b & (1 << (k % 64)) != 0);
        if hit { map.binary_search_by_key(&c, |p| p.0).ok().map(|k| map[k].1) } else { None }
    };
    let Some(first) = s.char_indices().find(|&(_, c)| find(c).is_some()).map(|(k, _)| k) else {
        return (std::borrow::Cow::Borrowed(s), false);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let mut simplified = false;
    for c in s[first..].chars() {
        match find(c) {
            Some(t) => {
                simplified |= !SHARED.contains(c);
                out.push(t);
            }
            None => out.push(c),
        }
    }
    (std::borrow::Cow::Owned(out), simplified)
}

/// The part of `raw` at the bytes `part` has in `conv`, `raw` read as `conv`.
fn back<'a>(raw: &'a str, conv: &str, part: &str) -> &'a str {
    let at = (part.as_ptr() as usize).wrapping_sub(conv.as_ptr() as usize).min(raw.len());
    raw.get(at..at + part.len()).unwrap_or("")
}

/// Whether `name` is the conference operator's (`主持人`, `操作員`).
pub(crate) fn is_operator(name: &str) -> bool {
    OPERATORS.contains(&traditional(name.trim()).0.as_ref())
}

/// A Chinese speaker line: `主持人`, `名字 – 職稱` (any dash, with or without
/// spaces), `名字，職稱`. Returns (name, title).
pub(crate) fn speaker(line: &str) -> Option<(&str, Option<&str>)> {
    if line.trim().chars().nth(40).is_some() {
        return None;
    }
    let conv = traditional(line).0;
    let (name, title) = speaker_in(&conv)?;
    Some((back(line, &conv, name), title.map(|t| back(line, &conv, t))))
}

/// [`speaker`] in Traditional characters.
fn speaker_in(line: &str) -> Option<(&str, Option<&str>)> {
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

/// How a title ends, alone before a colon (`財務長：`) or beside a name
/// (`執行長 黃仁勳：`, `分析師張三：`).
const TITLE_ENDS: &[&str] = &[
    "執行長", "財務長", "營運長", "技術長", "董事長", "總經理", "總裁", "分析師", "發言人", "主席", "處長", "協理", "副總",
    "總監", "經理", "執行官", "財務官", "關係",
];

fn titled(s: &str) -> bool {
    TITLE_ENDS.iter().any(|w| s.ends_with(w))
}

/// A speaker line with the speech after a colon (full-width or not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Colon<'a> {
    pub(crate) name: &'a str,
    pub(crate) title: Option<&'a str>,
    /// Where the speech starts (the line's length when it is on the next line).
    pub(crate) col: usize,
    /// The operator, or a title said: a speaker line by its shape. A name
    /// alone is one only if it speaks again and others are named by shape.
    pub(crate) strong: bool,
}

/// `主持人：歡迎…`, `黃仁勳：…`, `執行長 黃仁勳：…`, `分析師張三：…`,
/// `黃仁勳（執行長）：…`, `丹·弗萊明 – 財務長：…`, `財務長：…`, `Bill Brennan：…`.
pub(crate) fn colon_speaker(line: &str) -> Option<Colon<'_>> {
    if !line.trim_start().chars().take(26).any(|c| matches!(c, '：' | ':')) {
        return None;
    }
    let conv = traditional(line).0;
    let c = colon_in(&conv)?;
    Some(Colon { name: back(line, &conv, c.name), title: c.title.map(|t| back(line, &conv, t)), ..c })
}

/// [`colon_speaker`] in Traditional characters.
fn colon_in<'a>(line: &'a str) -> Option<Colon<'a>> {
    let lead = line.len() - line.trim_start().len();
    let t = &line[lead..];
    let (i, c) = t.char_indices().find(|&(_, c)| matches!(c, '：' | ':'))?;
    let label = t[..i].trim();
    let n = label.chars().count();
    if n == 0 || n > 24 || label.contains(|c: char| c.is_ascii_digit() || "，。、；！？,;!?%％「」\"".contains(c)) {
        return None;
    }
    let rest = &t[i + c.len_utf8()..];
    let col = lead + i + c.len_utf8() + (rest.len() - rest.trim_start().len());
    let colon = |name: &'a str, title: Option<&'a str>, strong: bool| Some(Colon { name, title, col, strong });
    if is_operator(label) {
        return colon(label, None, true);
    }
    if let Some((name, title)) = speaker_in(label) {
        return colon(name, title, true);
    }
    if let Some(open) = label.ends_with(['）', ')']).then(|| label.find(['（', '('])).flatten() {
        let name = label[..open].trim();
        let inner = label[open..].trim_start_matches(['（', '(']).trim_end_matches(['）', ')']).trim();
        return (!name.is_empty() && !inner.is_empty()).then_some(Colon { name, title: Some(inner), col, strong: true });
    }
    if let Some((a, b)) = label.rsplit_once(' ').filter(|(_, b)| titled(b)) {
        return colon(a.trim(), Some(b.trim()), true);
    }
    if let Some((a, b)) = label.split_once(' ').filter(|(a, _)| titled(a)) {
        return colon(b.trim(), Some(a.trim()), true);
    }
    if let Some(w) = TITLE_ENDS.iter().find(|w| label.starts_with(*w) && (2..=6).contains(&label[w.len()..].trim().chars().count())) {
        return colon(label[w.len()..].trim(), Some(&label[..w.len()]), true);
    }
    if titled(label) && n <= 10 {
        return colon(label, Some(label), true);
    }
    let cjk_name = (2..=6).contains(&n) && label.chars().all(|c| c >= '\u{4e00}' && c <= '\u{9fff}' || "·‧•・".contains(c));
    let latin_name = label.split(' ').count() <= 4 && label.split(' ').all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && w.chars().all(|c| c.is_ascii_alphabetic() || c == '.' || c == '-'));
    ((cjk_name || latin_name) && !crate::extract::has_phrase(label)).then_some(Colon { name: label, title: None, col, strong: false })
}

/// Common surnames (those also common words' first characters left out):
/// a name of two to four characters that starts with one is a name.
const SURNAMES: &str = "王李張劉陳楊黃趙吳周徐孫馬朱胡郭林羅鄭梁謝宋唐許韓馮鄧曹彭曾蕭田董袁潘蔣蔡杜葉蘇魏呂丁沈姚盧姜崔鍾譚陸汪范賈夏韋鄒孟熊秦邱尹薛閻雷侯陶黎賀顧郝龔邵錢嚴覃戴孔湯柯翁洪游詹賴簡";

/// Whether a name said alone before a colon is a speaker: other speakers
/// are named by shape, and it speaks more than once or looks like a name.
fn weak_ok(c: &Colon<'_>, seen: usize) -> bool {
    let name = traditional(c.name).0;
    let n = name.chars().count();
    seen >= 2 || name.contains(['·', '‧', '•', '・', ' ']) || (2..=4).contains(&n) && name.starts_with(|ch: char| SURNAMES.contains(ch))
}

/// A Q&A header line: `問答`, `問答環節`, `問與答`, `提問環節：`.
pub(crate) fn is_qa_header(line: &str) -> bool {
    if line.trim().chars().nth(12).is_some() {
        return false;
    }
    let conv = traditional(line).0;
    let t = conv.trim().trim_start_matches('#').trim().trim_end_matches(['：', ':']).trim();
    t.chars().count() <= 8 && ["問答", "問與答", "提問", "答問"].iter().any(|w| t.starts_with(w)) && !t.contains(['，', '。', '？', ',', '.', '?'])
}

/// What an operator says to open the Q&A in Chinese.
pub(crate) fn opens_qa(text: &str) -> bool {
    let text = traditional(text).0;
    ["第一個問題", "第一位提問", "操作員說明", "操作員指示", "開始問答", "進入問答", "開放提問", "開始提問"].iter().any(|w| text.contains(w))
}

/// A Chinese title of a company's own (not an analyst's).
pub(crate) fn is_executive(title: &str) -> bool {
    let title = traditional(title).0;
    ["長", "總裁", "關係", "董事", "經理", "總監", "副總", "執行官", "財務官", "發言人", "主席", "協理"].iter().any(|w| title.contains(w))
}

/// Makes the CJK lines of a Chinese-only transcript its text, Q&A header
/// and speaker lines (kept whatever the layout: their shapes are strict);
/// returns whether it did.
pub(super) fn promote(lines: &mut [Line<'_>]) -> bool {
    let cjk = lines.iter().filter(|l| l.class == Class::Cjk).count();
    let english = lines.iter().filter(|l| matches!(l.class, Class::Text { .. })).count();
    if cjk < 3 || english * 4 >= cjk {
        return false;
    }
    let colons: Vec<Option<Colon<'_>>> = lines.iter().map(|l| if l.class == Class::Cjk && speaker(l.raw).is_none() { colon_speaker(l.raw) } else { None }).collect();
    let strong = colons.iter().flatten().any(|c| c.strong);
    // The names said before a colon, sorted: how often each is said, by two binary searches.
    let mut seen: Vec<&str> = colons.iter().flatten().map(|c| c.name).collect();
    crate::order::sort(&mut seen);
    let times = |name: &str| seen.partition_point(|n| *n <= name) - seen.partition_point(|n| *n < name);
    for (l, c) in lines.iter_mut().zip(&colons).filter(|(l, _)| l.class == Class::Cjk) {
        let c = c.filter(|c| c.strong || strong && weak_ok(c, times(c.name)));
        l.class = if is_qa_header(l.raw) {
            Class::Header { qa: true }
        } else if let Some((name, title)) = speaker(l.raw) {
            Class::Speaker { name: name.to_string(), title: title.map(str::to_string), rest: None }
        } else if let Some(c) = c {
            let rest = (c.col < l.raw.trim_end().len()).then_some(c.col);
            Class::Speaker { name: c.name.to_string(), title: c.title.map(str::to_string), rest }
        } else {
            Class::Text { col: l.raw.len() - l.raw.trim_start().len() }
        };
        l.kept = matches!(l.class, Class::Speaker { .. });
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

    #[test]
    fn simplified_table() {
        let cs: Vec<char> = SIMPLIFIED.concat().chars().collect();
        assert_eq!(cs.len() % 2, 0);
        let firsts: Vec<char> = cs.chunks(2).map(|p| p[0]).collect();
        assert!(firsts.windows(2).all(|w| w[0] < w[1]), "sorted, no character twice");
        assert!(cs.iter().all(|c| c.len_utf8() == 3 && ('\u{4e00}'..='\u{9fff}').contains(c)));
        assert_eq!(traditional("营收为 3 亿元").0, "營收為 3 億元");
        assert_eq!(traditional("营收为 3 亿元").1, true);
        assert_eq!(traditional("營收為 3 億元"), (std::borrow::Cow::Borrowed("營收為 3 億元"), false));
        assert_eq!(traditional("經董事會核准").1, false, "准 is Traditional too");
    }

    #[test]
    fn colon_speaker_lines() {
        let c = |name, title, col, strong| Some(Colon { name, title, col, strong });
        for (line, want) in [
            ("主持人：歡迎參加本次法說會。", c("主持人", None, 12, true)),
            ("主持人: 歡迎。", c("主持人", None, 11, true)),
            ("黃仁勳：謝謝。", c("黃仁勳", None, 12, false)),
            ("執行長 黃仁勳：謝謝。", c("黃仁勳", Some("執行長"), 22, true)),
            ("黃仁勳 執行長：謝謝。", c("黃仁勳", Some("執行長"), 22, true)),
            ("分析師張三：請問毛利率？", c("張三", Some("分析師"), 18, true)),
            ("黃仁勳（執行長）：謝謝。", c("黃仁勳", Some("執行長"), 27, true)),
            ("張三(摩根士丹利):請問。", c("張三", Some("摩根士丹利"), 24, true)),
            ("丹·弗萊明 – 財務長：謝謝。", c("丹·弗萊明", Some("財務長"), 31, true)),
            ("財務長：第四季營收為 3,210 萬美元。", c("財務長", Some("財務長"), 12, true)),
            ("Bill Brennan：謝謝。", c("Bill Brennan", None, 15, false)),
            ("黃仁勳（執行長）：", c("黃仁勳", Some("執行長"), 27, true)),
            // Not speakers: a sentence, a figure's label, a growth word.
            ("我們的重點有三個：第一，營收成長。", None),
            ("營收成長：百分之二十", None),
            ("毛利率：58%", None),
            ("時間為 10:30", None),
            ("第四季營收為 3,210 萬美元。", None),
        ] {
            assert_eq!(colon_speaker(line), want, "{line}");
        }
        assert!(is_qa_header("問答環節"));
        assert!(is_qa_header("## 問與答："));
        assert!(!is_qa_header("問答環節將在簡報後開始。"));
    }

    #[test]
    fn colon_turns_and_the_qa() {
        let text = "主持人：歡迎參加 Acme 2023 財年第四季財報電話會議。\n黃仁勳：謝謝。\n財務長 王五：第四季營收為 3,210 萬美元。\n問答環節\n主持人：我們的第一個問題來自張三。\n張三：請問毛利率？\n王五：毛利率為 58%。\n主持人：謝謝。\n張三：好的。\n";
        let t = parse(text);
        assert!(t.chinese);
        assert_eq!(t.speakers.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["主持人", "黃仁勳", "王五", "張三"]);
        assert_eq!(t.turns.len(), 8);
        assert_eq!(t.qa_line, Some(4));
        assert_eq!(t.turns[2].paragraphs[0].text, "第四季營收為 3,210 萬美元。");
        assert_eq!(t.speakers[0].role, Role::Operator);
        assert_eq!(t.speakers[2].role, Role::Other);
        assert_eq!(t.speakers[3].role, Role::Analyst);
        // Without the header, the operator's first question opens the Q&A.
        let no_header = text.replace("問答環節\n", "");
        let t = parse(&no_header);
        assert_eq!(t.qa_line, Some(4));
        // A name alone before a colon, with no speaker named by shape, is text;
        // so is a label said once that is no name.
        let t = parse("張三：請問。\n第四季營收為 3,210 萬美元。\n毛利率為 58%。\n");
        assert!(t.speakers.is_empty());
        let t = parse("主持人：歡迎。\n注意：以下為預估。\n第四季營收為 3,210 萬美元。\n毛利率為 58%。\n");
        assert_eq!(t.speakers.len(), 1);
    }
}
