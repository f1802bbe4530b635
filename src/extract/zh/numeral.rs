//! Numbers written in Chinese numerals: `兩億`, `三千萬`, `一百二十億`,
//! `七點五`, `零點五`, `一億二千萬`; and `三成` (30%), `七成五` (75%). And
//! a figure as the English grammar reads it (`figure_text`).

/// The value of a Chinese digit (`零`/`〇` … `九`, `兩`).
fn digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '兩' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether a Chinese figure may start with `c` (a digit, `十`, `百` of `百分之`).
pub(super) fn may_start(c: char) -> bool {
    digit(c).is_some() || c == '十' || c == '百'
}

/// A number in Chinese numerals at the start of `s`, which starts with a
/// digit or `十` (a lone `千萬`, `萬一`, `百分比` is no number): its value,
/// the largest of `萬`/`億`/`兆` it was written with (1 if none), the bytes
/// read and whether it had a decimal point (`點`).
pub(super) fn numeral(s: &str) -> Option<(f64, f64, usize, bool)> {
    let first = s.chars().next()?;
    if digit(first).is_none() && first != '十' {
        return None;
    }
    let (mut total, mut section, mut num, mut big) = (0.0f64, 0.0f64, 0.0f64, 1.0f64);
    let (mut end, mut point, mut last_digit) = (0, false, false);
    let mut chars = s.char_indices().peekable();
    while let Some((k, c)) = chars.next() {
        if let Some(d) = digit(c) {
            // "二零二四": digits in a row are positional.
            num = if last_digit { num * 10.0 + f64::from(d) } else { f64::from(d) };
            last_digit = true;
        } else {
            last_digit = false;
            match c {
                '十' | '百' | '千' => {
                    let unit = match c { '十' => 10.0, '百' => 100.0, _ => 1000.0 };
                    // "十五" is 15; "百" or "千" needs its digit.
                    if num == 0.0 && c != '十' {
                        break;
                    }
                    section += num.max(1.0) * unit;
                    num = 0.0;
                }
                '萬' | '万' => {
                    let n = section + num;
                    if n == 0.0 && total == 0.0 {
                        break;
                    }
                    total = if n == 0.0 { total * 1e4 } else { total + n * 1e4 };
                    (section, num, big) = (0.0, 0.0, big.max(1e4));
                }
                '億' | '亿' | '兆' => {
                    let x = if c == '兆' { 1e12 } else { 1e8 };
                    total = (total + section + num) * x;
                    (section, num, big) = (0.0, 0.0, big.max(x));
                }
                '點' | '点' if !point && chars.peek().is_some_and(|&(_, d)| digit(d).is_some()) => {
                    // "七點五": the decimals, each digit in turn.
                    let mut frac = String::from("0.");
                    while let Some(d) = chars.peek().and_then(|&(_, d)| digit(d)) {
                        frac.push(char::from(b'0' + d as u8));
                        end = chars.next().map_or(end, |(k, d)| k + d.len_utf8());
                    }
                    num = section + num + crate::decimal::parse(&frac).unwrap_or(0.0);
                    (section, point) = (0.0, true);
                    continue;
                }
                _ => break,
            }
        }
        end = k + c.len_utf8();
    }
    (end > 0).then_some((total + section + num, big, end, point))
}

/// Tenths said with `成` after a Chinese digit, as a percentage (`三成` is
/// 30, `七成五` 75), and the bytes read; only where `成` is no word's first
/// character (`成長`, `成本`, `一成不變`): the clause ends, or a word that
/// goes with a share follows (`三成以上`, `三成的營收`, `約三成左右`).
pub(super) fn tenths(s: &str) -> Option<(f64, usize)> {
    let mut cs = s.char_indices();
    let (_, a) = cs.next()?;
    let a = if a == '十' { 10 } else { digit(a).filter(|&d| d > 0)? };
    let rest = s[a_len(s)..].strip_prefix('成')?;
    let (b, used) = match rest.chars().next().and_then(digit) {
        Some(b) if a < 10 => (b, 3),
        _ => (0, 0),
    };
    let after = &rest[used..];
    let ok = after.chars().next().is_none_or(|c| c.is_whitespace() || "，。、；：！？,.;:!?)）的以左多至到及和與或".contains(c));
    ok.then(|| (f64::from(a * 10 + b), a_len(s) + '成'.len_utf8() + used))
}

fn a_len(s: &str) -> usize {
    s.chars().next().map_or(0, char::len_utf8)
}

/// A figure read at a position.
pub(super) struct Figure {
    /// Its digits as ASCII.
    pub(super) s: String,
    pub(super) v: f64,
    /// Decimals written.
    pub(super) dec: u32,
    pub(super) x: Suffix,
}

impl Figure {
    /// A figure read from Chinese numerals: its digits as they would be written.
    pub(super) fn read(v: f64, x: Suffix) -> Figure {
        let s = crate::decimal::fixed(v, 6);
        let s = s.trim_end_matches('0').trim_end_matches('.').to_string();
        let dec = s.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        Figure { s, v, dec, x }
    }
}

/// What follows a number.
#[derive(Debug, Clone, Copy)]
pub(super) struct Suffix {
    pub(super) scale: f64,
    pub(super) cur: Option<&'static str>,
    pub(super) unit: Option<&'static str>,
    pub(super) end: usize,
}

/// A figure in English: `$32.1 million`, `149 million shares`, `58%`.
pub(super) fn figure_text(s: &str, v: f64, dec: u32, x: &Suffix) -> String {
    let amount = if x.scale == 1.0 {
        s.to_string()
    } else {
        let value = v * x.scale;
        // The digits as written stay significant: 3,210 萬 is 32.10 million.
        let (div, word): (f64, &str) = if value >= 1e9 { (1e9, " billion") } else if value >= 1e6 { (1e6, " million") } else { (1.0, "") };
        let places = (dec as i32 + (div.log10() - x.scale.log10()).round() as i32).max(0) as usize;
        let n = crate::decimal::fixed(value / div, places);
        let n = if n.contains('.') { n.trim_end_matches('0').trim_end_matches('.').to_string() } else { n };
        format!("{n}{word}")
    };
    match (x.cur, x.unit) {
        (Some(c), _) => format!("{c}{amount}"),
        (None, Some(u)) => format!("{amount}{u}"),
        (None, None) => amount,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        for (s, want) in [
            ("兩億", Some((2e8, 1e8, 6, false))),
            ("三千萬美元", Some((3e7, 1e4, 9, false))),
            ("一百二十億", Some((1.2e10, 1e8, 15, false))),
            ("十五億美元", Some((1.5e9, 1e8, 9, false))),
            ("零點五", Some((0.5, 1.0, 9, true))),
            ("七點五", Some((7.5, 1.0, 9, true))),
            ("七十三", Some((73.0, 1.0, 9, false))),
            ("一億二千萬", Some((1.2e8, 1e8, 15, false))),
            ("一點五億", Some((1.5e8, 1e8, 12, true))),
            ("三千三百萬至", Some((3.3e7, 1e4, 15, false))),
            ("一千零五十萬", Some((1.05e7, 1e4, 18, false))),
            ("二零二四年", Some((2024.0, 1.0, 12, false))),
            ("一點點", Some((1.0, 1.0, 3, false))),
            ("千萬不要", None),
            ("萬一", None),
            ("百分比", None),
            ("營收", None),
        ] {
            assert_eq!(numeral(s), want, "{s}");
        }
    }

    #[test]
    fn shares_in_tenths() {
        for (s, want) in [
            ("三成", Some((30.0, 6))),
            ("三成。", Some((30.0, 6))),
            ("七成五的營收", Some((75.0, 9))),
            ("兩成以上", Some((20.0, 6))),
            ("十成", Some((100.0, 6))),
            ("三成長", None),
            ("一成不變", None),
            ("三成本", None),
            ("零成", None),
            ("三十成", None),
        ] {
            assert_eq!(tenths(s), want, "{s}");
        }
    }
}
