//! Numbers for people: a unit's magnitude (K, M, B; 萬, 億 in Chinese) and
//! symbols ([`Fmt`]: axis captions, values, ranges), signs with a
//! typographic minus, thousands separators in Chinese.

use crate::facts::{Currency, Unit};
use crate::i18n;

/// How a chart writes values of one unit: magnitude (K, M, B) and symbols.
#[derive(Debug, Clone)]
pub(crate) struct Fmt {
    pub unit: Unit,
    div: f64,
    mag: &'static str,
    /// Chinese: 萬 and 億 instead of K, M, B; currencies by name ("億美元").
    zh: bool,
}

/// The minus sign used in labels.
const MINUS: char = '−';

impl Fmt {
    /// A format for `unit` that suits values up to `max_abs`.
    pub(crate) fn new(unit: Unit, max_abs: f64) -> Fmt {
        let zh = i18n::zh();
        let (div, mag) = match unit {
            Unit::Money(_) | Unit::Shares => magnitude(max_abs, if zh { MAGNITUDES_ZH } else { MAGNITUDES }),
            _ => (1.0, ""),
        };
        Fmt { unit, div, mag, zh }
    }

    /// The unit as an axis caption: "$M", "¥B", "%", "M shares".
    pub(crate) fn axis(&self) -> String {
        if self.zh {
            return match self.unit {
                Unit::Money(c) => format!("{}{}", self.mag, currency_zh(c)),
                Unit::PerShare(c) => format!("{}/股", currency_zh(c)),
                Unit::Shares => format!("{}股", self.mag),
                Unit::Bp => "基點".into(),
                Unit::Pp => "百分點".into(),
                Unit::Days => "天".into(),
                Unit::Times => "倍".into(),
                other => other.to_string(),
            };
        }
        match self.unit {
            Unit::Money(c) => money_prefix(c, self.mag),
            Unit::PerShare(c) => format!("{}/share", c.symbol()),
            Unit::Shares => format!("{}shares", if self.mag.is_empty() { String::new() } else { format!("{} ", self.mag) }),
            other => other.to_string(),
        }
    }

    /// The value scaled to the axis ("32.1" for $32.1M on a $M axis).
    pub(crate) fn scaled(&self, v: f64) -> f64 {
        v / self.div
    }

    /// A scaled number with `dec` decimals and a proper minus sign.
    pub(crate) fn num(&self, v: f64, dec: usize) -> String {
        let s = signed(self.scaled(v), dec);
        if self.zh {
            group(&s)
        } else {
            s
        }
    }

    /// A scaled number with up to one decimal (two below 1), trailing zeros trimmed.
    pub(crate) fn short(&self, v: f64) -> String {
        let x = self.scaled(v);
        if self.zh && matches!(self.unit, Unit::Money(_) | Unit::Shares) {
            // About four significant digits, as 184.2M is 1.842 億 and 32.1M 3,210 萬.
            let dec = match x.abs() {
                a if a >= 1000.0 || x == 0.0 => 0,
                a if a >= 100.0 => 1,
                a if a >= 10.0 => 2,
                _ => 3,
            };
            return group(&trim_zeros(signed(x, dec)));
        }
        let dec = match self.unit {
            Unit::PerShare(_) => 2,
            _ if x.abs() >= 1000.0 => 0,
            _ if x.abs() >= 1.0 || x == 0.0 => 1,
            _ => 2,
        };
        let s = signed(x, dec);
        if matches!(self.unit, Unit::PerShare(_)) {
            s
        } else {
            trim_zeros(s)
        }
    }

    /// The scaled number rounded to a whole one ("184" for $184.2M): the
    /// shortest a value label gets.
    pub(crate) fn whole(&self, v: f64) -> String {
        if matches!(self.unit, Unit::PerShare(_)) {
            // "$5.50" rounded is "6", another figure: EPS keeps its cents.
            return self.short(v);
        }
        let x = self.scaled(v);
        if self.zh {
            // 億 are large: "1.8" keeps what "184" keeps of $184.2M.
            return group(&if x.abs() < 10.0 { trim_zeros(signed(x, 1)) } else { signed(x.round(), 0) });
        }
        signed(x.round(), 0)
    }

    /// A value with its unit: "$32.1M", "58.2%", "149M shares".
    pub(crate) fn full(&self, v: f64) -> String {
        if let Some(f) = self.own_magnitude(v.abs()) {
            return f.full(v);
        }
        self.wrap(&self.short(v))
    }

    /// A range with its unit: "$33–35M", "58–60%".
    pub(crate) fn range(&self, lo: f64, hi: f64) -> String {
        if let Some(f) = self.own_magnitude(lo.abs().max(hi.abs())) {
            return f.range(lo, hi);
        }
        self.wrap(&format!("{}–{}", self.short(lo), self.short(hi)))
    }

    /// In Chinese an amount with its unit is written in its own magnitude
    /// ("3,210 萬美元" on a 億美元 axis, as the media write it): the format
    /// for that, when it is not this one's.
    fn own_magnitude(&self, abs: f64) -> Option<Fmt> {
        if !self.zh || !matches!(self.unit, Unit::Money(_) | Unit::Shares) || !abs.is_finite() {
            return None;
        }
        let (div, mag) = magnitude(abs, MAGNITUDES_ZH_VALUE);
        (mag != self.mag).then_some(Fmt { div, mag, ..self.clone() })
    }

    fn wrap(&self, n: &str) -> String {
        let (sign, n) = match n.strip_prefix(MINUS) {
            Some(rest) => (MINUS.to_string(), rest),
            None => (String::new(), n),
        };
        if self.zh {
            let mag = self.mag;
            return match self.unit {
                Unit::Money(c) => format!("{sign}{n} {mag}{}", currency_zh(c)),
                Unit::PerShare(c) => format!("每股 {sign}{n} {}", currency_zh(c)),
                Unit::Percent => format!("{sign}{n}%"),
                Unit::Bp => format!("{sign}{n} 個基點"),
                Unit::Pp => format!("{sign}{n} 個百分點"),
                Unit::Days => format!("{sign}{n} 天"),
                Unit::Shares => format!("{sign}{n} {mag}股"),
                Unit::Times => format!("{sign}{n} 倍"),
            };
        }
        match self.unit {
            Unit::Money(c) | Unit::PerShare(c) => {
                let sym = c.symbol();
                let sep = if sym.chars().count() > 1 { " " } else { "" };
                format!("{sign}{sym}{sep}{n}{}", self.mag)
            }
            Unit::Percent => format!("{sign}{n}%"),
            Unit::Bp => format!("{sign}{n} bp"),
            Unit::Pp => format!("{sign}{n} pp"),
            Unit::Days => format!("{sign}{n} days"),
            Unit::Shares => format!("{sign}{n}{} shares", self.mag),
            Unit::Times => format!("{sign}{n}x"),
        }
    }
}

/// Magnitudes, largest first: from what size on, the divisor, the word.
type Magnitudes = [(f64, f64, &'static str)];

/// English: T, B, M, and K from 10⁴.
const MAGNITUDES: &Magnitudes = &[(1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "K")];

/// Chinese axes: 兆 (10¹²), 億 (10⁸; from 0.1 億, so an axis up to 5,440 萬
/// reads 0–0.6 億美元 with short tick labels), 萬 (10⁴).
const MAGNITUDES_ZH: &Magnitudes = &[(1e12, 1e12, "兆"), (1e7, 1e8, "億"), (1e4, 1e4, "萬")];

/// Chinese amounts written out, each in its own magnitude ("3,210 萬").
const MAGNITUDES_ZH_VALUE: &Magnitudes = &[(1e12, 1e12, "兆"), (1e8, 1e8, "億"), (1e4, 1e4, "萬")];

/// The divisor and word for values up to `max_abs`.
fn magnitude(max_abs: f64, mags: &Magnitudes) -> (f64, &'static str) {
    let m = if max_abs.is_finite() { max_abs.abs() } else { 0.0 };
    mags.iter().find(|(from, _, _)| m >= *from).map_or((1.0, ""), |&(_, div, word)| (div, word))
}

/// A currency as Taiwanese media name it after an amount ("美元"; a
/// Taiwanese company's 新台幣 is "元"), else its code.
fn currency_zh(c: Currency) -> String {
    const NAMES: [(&[u8; 3], &str); 12] = [
        (b"USD", "美元"),
        (b"TWD", "元"),
        (b"EUR", "歐元"),
        (b"JPY", "日圓"),
        (b"CNY", "人民幣"),
        (b"GBP", "英鎊"),
        (b"HKD", "港元"),
        (b"KRW", "韓元"),
        (b"CHF", "瑞士法郎"),
        (b"CAD", "加幣"),
        (b"AUD", "澳幣"),
        (b"INR", "印度盧比"),
    ];
    NAMES.iter().find(|(code, _)| **code == c.0).map_or(c.as_str(), |(_, name)| name).to_string()
}

/// Thousands separators in a number's whole part: "3210.5" → "3,210.5".
fn group(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix(MINUS) {
        Some(r) => (MINUS.to_string(), r),
        None => (String::new(), s),
    };
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
        return s.to_string();
    }
    let mut out = sign;
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

fn money_prefix(c: Currency, mag: &str) -> String {
    let sym = c.symbol();
    if sym.chars().count() > 1 && !mag.is_empty() {
        format!("{sym} {mag}")
    } else {
        format!("{sym}{mag}")
    }
}

/// `x` with `dec` decimals and a typographic minus.
pub(crate) fn signed(x: f64, dec: usize) -> String {
    if !x.is_finite() {
        return "n/a".to_string();
    }
    let s = crate::decimal::fixed(x.abs(), dec);
    let zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !zero {
        format!("{MINUS}{s}")
    } else {
        s
    }
}

/// "+6.0%" style: an explicit sign on a change.
pub(crate) fn change(x: f64, dec: usize) -> String {
    let s = signed(x, dec);
    if s.starts_with(MINUS) || s == "n/a" || s.chars().all(|c| c == '0' || c == '.') {
        s
    } else {
        format!("+{s}")
    }
}

fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_money_and_percent() {
        let f = Fmt::new(Unit::USD, 184.2e6);
        assert_eq!(f.axis(), "$M");
        assert_eq!(f.full(32.1e6), "$32.1M");
        assert_eq!(f.full(-8.5e6), "−$8.5M");
        assert_eq!(f.range(33e6, 35e6), "$33–35M");
        let y = Fmt::new(Unit::Money(Currency(*b"JPY")), 2.5e12);
        assert_eq!(y.axis(), "¥T");
        let c = Fmt::new(Unit::Money(Currency(*b"CHF")), 3e9);
        assert_eq!(c.axis(), "CHF B");
        assert_eq!(c.full(3e9), "CHF 3B");
        let p = Fmt::new(Unit::Percent, 60.0);
        assert_eq!(p.range(58.0, 60.0), "58–60%");
        assert_eq!(p.full(-26.4), "−26.4%");
        assert_eq!(Fmt::new(Unit::Shares, 149e6).full(149e6), "149M shares");
        assert_eq!(change(6.0, 1), "+6.0");
        assert_eq!(change(-0.04, 1), "−0.0".replace('−', ""));
    }
}
