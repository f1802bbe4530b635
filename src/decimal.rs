//! Decimal text of a float, exactly as `format!` writes it, without the
//! standard library's float formatting: fixed decimals ([`fixed`], as
//! `{:.N}`), the shortest text that reads back ([`shortest`], as `{}`; and
//! [`shortest_digits`], the digits `{:e}` writes); and plain decimals read
//! into floats exactly as `str::parse::<f64>` reads them, without its
//! tables ([`parse`]).
//!
//! `core::fmt`'s float code (Grisu with a Dragon4 fallback, bignums, its
//! tables) is ~20 KB of wasm, ~8 KB gzipped. Neither build carries it
//! (`tests/size_guards.rs` keeps `{}` and `{:.N}` of floats out of library
//! code, and build.sh fails when a wasm names `flt2dec`): charts, notes,
//! exports and links format through here. Both are exact integer
//! arithmetic: `x·10^dec = m·5^dec·2^(e+dec)` for `x = m·2^e`, rounded half
//! to even as `core::fmt` rounds; the shortest digits are the exact
//! expansion rounded to 1, 2, … digits until [`parse`] reads them back as
//! `x`. Tests compare both with `format!` over many values, ties and
//! extremes.

/// `x` with `dec` decimals: what `format!("{:.*}", dec, x)` gives ("NaN",
/// "inf" and "-inf" included).
pub fn fixed(x: f64, dec: usize) -> String {
    let mut out = String::new();
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // x = m · 2^e, m an integer.
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    let mut n = Big::from_u64(m);
    for _ in 0..dec {
        n.mul_small(5);
    }
    let k = e + dec as i32;
    if k >= 0 {
        n.shl(k as u32);
    } else {
        n.shr_round_even((-k) as u32);
    }
    let digits = n.to_decimal();
    // At least one digit before the point.
    let digits = if digits.len() <= dec { "0".repeat(dec + 1 - digits.len()) + &digits } else { digits };
    // `split_at_checked`: no slice that can panic (see strs::split_once).
    let (int, fr) = digits.split_at_checked(digits.len() - dec).unwrap_or((&digits, ""));
    out.push_str(int);
    if dec > 0 {
        out.push('.');
        out.push_str(fr);
    }
    out
}

/// Finite `x`'s exact value in decimal, without trailing zeros
/// ("0.1000000000000000055511151231257827021181583404541015625" for 0.1):
/// every `f64` is a finite decimal, which a correct reader (`JSON.parse`,
/// `str::parse`) reads back as `x` exactly. Longer than [`shortest`], but
/// without its search for the fewest digits (which reads each candidate back
/// with [`parse`]): the viewer writes its objects' numbers this way.
pub fn exact(x: f64) -> String {
    let exp = ((x.to_bits() >> 52) & 0x7ff) as usize;
    // x = m · 2^e with e = exp − 1075 (−1074 for subnormals): −e decimals when e < 0.
    let mut s = fixed(x, 1075usize.saturating_sub(exp.max(1)));
    if s.contains('.') {
        s.truncate(s.trim_end_matches('0').trim_end_matches('.').len());
    }
    s
}

/// A float that formats through [`fixed`] (with a precision, `{:.2}`) or
/// [`shortest`] (`{}`), and `+` before a positive value with `{:+}`: what
/// `format!` writes for the `f64`, without `core::fmt`'s float code. Width
/// and fill are not supported (no caller uses them).
#[derive(Debug, Clone, Copy)]
pub struct Dec(pub f64);

impl std::fmt::Display for Dec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if f.sign_plus() && !self.0.is_sign_negative() && !self.0.is_nan() {
            f.write_str("+")?;
        }
        f.write_str(&match f.precision() {
            Some(dec) => fixed(self.0, dec),
            None => shortest(self.0),
        })
    }
}

/// `x` as `format!("{x}")` writes it: the shortest decimal that reads back
/// as `x`, without an exponent ("184200000", "0.25", "-0", "NaN", "inf").
pub fn shortest(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let (digits, p) = shortest_digits(x);
    format!("{sign}{}", plain(&digits, p))
}

/// The shortest digits that read back as `|x|` (finite) and where the point
/// goes: `|x|` is `0.d₁d₂… × 10^p` (("1842", 9) for 184.2e6, ("0", 1) for
/// zero); `format!("{x:e}")` writes `d₁.d₂…e{p - 1}`. Among the shortest,
/// the nearest, as `core::fmt` chooses.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    if m == 0 {
        return ("0".to_string(), 1);
    }
    // The exact expansion: m·2^e as an integer, or m·5^-e with -e decimals.
    let mut n = Big::from_u64(m);
    if e >= 0 {
        n.shl(e as u32);
    }
    for _ in e..0 {
        n.mul_small(5);
    }
    let all = n.to_decimal();
    let p = all.len() as i32 + e.min(0);
    let all = all.trim_end_matches('0');
    // A power of two (the least normal aside) is nearer to the double below
    // than to the one above: digits that round it down a little may not read
    // back where the same digits rounded up do.
    let lopsided = frac == 0 && exp > 1;
    for len in 1..all.len() {
        let (d, q, up) = cut(all, p, len, false);
        if parse(&plain(&d, q)) == Some(x) {
            return (d, q);
        }
        if lopsided && !up {
            let (d, q, _) = cut(all, p, len, true);
            if parse(&plain(&d, q)) == Some(x) {
                return (d, q);
            }
        }
    }
    (all.to_string(), p)
}

/// Digits `d` with the point at `p` (`0.d × 10^p`) as a plain decimal.
fn plain(d: &str, p: i32) -> String {
    let zeros = |k: i32| "0".repeat(k.max(0) as usize);
    match usize::try_from(p) {
        Ok(p) if p >= d.len() => format!("{d}{}", zeros((p - d.len()) as i32)),
        Ok(p) if p > 0 => {
            let (int, frac) = d.split_at_checked(p).unwrap_or((d, ""));
            format!("{int}.{frac}")
        }
        _ => format!("0.{}{d}", zeros(-p)),
    }
}

/// The first `len` of `all`'s digits (point at `p`, more digits after),
/// rounded to the nearest, half up (as `core::fmt` breaks a tie between two
/// shortest texts: 2^-25 is "…5313", not "…5312"), or up when `up`; without trailing zeros, with the
/// point moved when 9s carry over; and whether it rounded up.
fn cut(all: &str, p: i32, len: usize, up: bool) -> (String, i32, bool) {
    let (head, rest) = all.as_bytes().split_at(len);
    let up = up || rest[0] >= b'5';
    let mut d = head.to_vec();
    let mut p = p;
    if up {
        match d.iter().rposition(|&b| b != b'9') {
            Some(i) => {
                d[i] += 1;
                d.truncate(i + 1);
            }
            None => {
                d = vec![b'1'];
                p += 1;
            }
        }
    }
    while d.len() > 1 && d.last() == Some(&b'0') {
        d.pop();
    }
    (String::from_utf8(d).unwrap_or_default(), p, up)
}

/// A plain decimal's value: what `s.parse::<f64>().ok()` gives for `s` of
/// ASCII digits with at most one `.` and at least one digit ("184.2",
/// "0.5", ".5", "5."), bit for bit; `None` for anything else (signs,
/// exponents, "inf" and "NaN" included, which the extractor never reads as
/// numbers).
///
/// `f64::from_str` brings Eisel-Lemire's table of powers of five, ~10 KB of
/// wasm that gzip cannot shrink, and its slow path's code. Here the numbers
/// people say (up to 15 significant digits, within 10^±22) are one exact
/// division or multiplication (Clinger's fast path: correctly rounded,
/// since both operands are exact); any other digit string is rounded
/// exactly by big-integer division. A test compares both paths with std.
pub fn parse(s: &str) -> Option<f64> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = || int.bytes().chain(frac.bytes());
    if int.len() + frac.len() == 0 || !digits().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // The digits without leading zeros, as an integer times 10^exp.
    let sig = digits().skip_while(|&b| b == b'0');
    let (n, mut exp) = (sig.clone().count(), -(frac.len() as i64));
    if n == 0 {
        return Some(0.0);
    }
    if n <= 15 && exp >= -22 {
        let m = sig.fold(0u64, |m, b| m * 10 + u64::from(b - b'0')) as f64;
        return Some(m / (0..-exp).fold(1.0f64, |p, _| p * 10.0));
    }
    // value < 10^(n + exp) <= 1e-324, under half the least subnormal: zero;
    // value >= 10^(n - 1 + exp) >= 1e309: beyond f64::MAX.
    if n as i64 + exp <= -324 {
        return Some(0.0);
    }
    if n as i64 - 1 + exp >= 309 {
        return Some(f64::INFINITY);
    }
    // Halfway points between doubles have at most 767 significant digits:
    // past 780, the digits only say whether the value is above the cut.
    let mut num = Big(vec![0]);
    for b in sig.clone().take(780) {
        num.mul_small(10);
        num.add_small(u32::from(b - b'0'));
    }
    if n > 780 {
        exp += n as i64 - 780;
        if sig.skip(780).any(|b| b != b'0') {
            num.mul_small(10);
            num.add_small(1);
            exp -= 1;
        }
    }
    let mut den = Big(vec![1]);
    for _ in 0..exp.unsigned_abs() {
        if exp < 0 { den.mul_small(10) } else { num.mul_small(10) }
    }
    Some(quotient(num, den))
}

/// `num / den` (both > 0) rounded to the nearest f64, ties to even.
fn quotient(mut num: Big, mut den: Big) -> f64 {
    // Scale by 2^s so that q = floor(num·2^s / den) is in [2^62, 2^64).
    let s = 63 - (i64::from(num.bits()) - i64::from(den.bits()));
    if s >= 0 { num.shl(s as u32) } else { den.shl((-s) as u32) }
    let mut q = 0u128;
    for bit in (0..64).rev() {
        let mut d = Big(den.0.clone());
        d.shl(bit);
        if num.sub_if_not_less(&d) {
            q |= 1 << bit;
        }
    }
    let sticky = !num.is_zero();
    // value = (q + a fraction when sticky) · 2^-s; keep 53 bits, or down to 2^-1074.
    let top = 127 - i64::from(q.leading_zeros());
    let shift = (top - 52).max(s - 1074);
    if shift > 65 {
        return 0.0; // under 2^-1076
    }
    let shift = shift as u32;
    let (mut m, rest, half) = (q >> shift, q & ((1 << shift) - 1), 1u128 << (shift - 1));
    if rest > half || rest == half && (sticky || m & 1 == 1) {
        m += 1;
    }
    let mut e = i64::from(shift) - s; // value = m · 2^e
    if m == 1 << 53 {
        m >>= 1;
        e += 1;
    }
    let m = m as u64;
    if m < 1 << 52 {
        return f64::from_bits(m); // subnormal (e = -1074), or zero
    }
    let biased = e + 52 + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits((biased as u64) << 52 | (m - (1 << 52)))
}

/// A non-negative big integer: little-endian 32-bit limbs.
struct Big(Vec<u32>);

impl Big {
    fn from_u64(v: u64) -> Big {
        Big(vec![v as u32, (v >> 32) as u32])
    }

    fn mul_small(&mut self, k: u32) {
        let mut carry = 0u64;
        for limb in &mut self.0 {
            let v = u64::from(*limb) * u64::from(k) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn add_small(&mut self, k: u32) {
        let mut carry = k;
        for limb in &mut self.0 {
            let (v, over) = limb.overflowing_add(carry);
            *limb = v;
            carry = u32::from(over);
            if carry == 0 {
                return;
            }
        }
        if carry > 0 {
            self.0.push(carry);
        }
    }

    /// How many bits: one more than the highest set bit's index (0 for zero).
    fn bits(&self) -> u32 {
        let top = self.0.iter().rposition(|&l| l != 0);
        top.map_or(0, |i| 32 * i as u32 + 32 - self.0[i].leading_zeros())
    }

    fn is_zero(&self) -> bool {
        self.0.iter().all(|&l| l == 0)
    }

    fn limb(&self, i: usize) -> u32 {
        self.0.get(i).copied().unwrap_or(0)
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        let n = self.0.len().max(other.0.len());
        (0..n).rev().map(|i| self.limb(i).cmp(&other.limb(i))).find(|o| o.is_ne()).unwrap_or(std::cmp::Ordering::Equal)
    }

    /// `self -= other` when `self >= other`; whether it was.
    fn sub_if_not_less(&mut self, other: &Big) -> bool {
        let n = self.0.len().max(other.0.len());
        if self.cmp(other).is_lt() {
            return false;
        }
        self.0.resize(n, 0);
        let mut borrow = false;
        for i in 0..n {
            let (v, b1) = self.0[i].overflowing_sub(other.limb(i));
            let (v, b2) = v.overflowing_sub(u32::from(borrow));
            self.0[i] = v;
            borrow = b1 || b2;
        }
        true
    }

    fn bit(&self, i: u32) -> bool {
        self.0.get((i / 32) as usize).is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    fn shl(&mut self, k: u32) {
        let (words, bits) = ((k / 32) as usize, k % 32);
        let mut v = vec![0u32; words];
        let mut carry = 0u32;
        for &l in &self.0 {
            v.push(if bits == 0 { l } else { l << bits | carry });
            carry = if bits == 0 { 0 } else { l >> (32 - bits) };
        }
        v.push(carry);
        self.0 = v;
    }

    /// `self >> k`, rounded to the nearest integer, ties to even.
    fn shr_round_even(&mut self, k: u32) {
        let half = self.bit(k - 1);
        let below = (0..k - 1).any(|i| self.bit(i));
        let (words, bits) = ((k / 32) as usize, k % 32);
        let src = self.0.get(words..).unwrap_or(&[]);
        let mut v: Vec<u32> = Vec::with_capacity(src.len());
        for (i, &l) in src.iter().enumerate() {
            let next = src.get(i + 1).copied().unwrap_or(0);
            v.push(if bits == 0 { l } else { l >> bits | next << (32 - bits) });
        }
        self.0 = v;
        let odd = self.bit(0);
        if half && (below || odd) {
            self.add_one();
        }
    }

    fn add_one(&mut self) {
        for limb in &mut self.0 {
            let (v, over) = limb.overflowing_add(1);
            *limb = v;
            if !over {
                return;
            }
        }
        self.0.push(1);
    }

    /// Decimal digits, no leading zeros ("0" for zero).
    fn to_decimal(mut self) -> String {
        let mut chunks = Vec::new();
        while self.0.iter().any(|&l| l != 0) {
            let mut rem = 0u64;
            for limb in self.0.iter_mut().rev() {
                let v = rem << 32 | u64::from(*limb);
                *limb = (v / 1_000_000_000) as u32;
                rem = v % 1_000_000_000;
            }
            chunks.push(rem as u32);
        }
        let mut out = String::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let mut buf = [b'0'; 9];
            let mut c = *c;
            for b in buf.iter_mut().rev() {
                *b = b'0' + (c % 10) as u8;
                c /= 10;
            }
            let s = std::str::from_utf8(&buf).unwrap_or_default();
            out.push_str(if i == 0 { s.trim_start_matches('0') } else { s });
        }
        if out.is_empty() {
            out.push('0');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fixed pseudo-random sequence (xorshift64) from `seed`.
    fn xorshift(mut s: u64) -> impl FnMut() -> u64 {
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        }
    }

    fn same(x: f64, dec: usize) {
        assert_eq!(fixed(x, dec), format!("{:.*}", dec, x), "x = {x:e} ({:#x}), dec = {dec}", x.to_bits());
    }

    #[test]
    fn matches_std_on_ties_and_extremes() {
        let special = [
            0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.05, 0.15, 0.25, 0.35, 0.45, 1.005, 2.675, 9.95, 9.995, 99.5, 0.125,
            0.375, 1e-7, 5e-324, f64::MIN_POSITIVE, 1e15, 1e16 + 2.0, 1e21, 1e22, 1.7976931348623157e308, 4.35,
            12.345, 54.4, 3210.5, 1234567.891, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 0.1 + 0.2,
        ];
        for x in special {
            for dec in 0..8 {
                same(x, dec);
                same(-x, dec);
            }
        }
        same(2.5e-10, 20);
    }

    #[test]
    fn exact_reads_back_as_itself() {
        assert_eq!(exact(0.1), "0.1000000000000000055511151231257827021181583404541015625");
        assert_eq!(exact(26_400_000.0), "26400000");
        assert_eq!(exact(-0.0), "-0");
        assert_eq!(exact(0.5), "0.5");
        assert_eq!(exact(1e22), "10000000000000000000000");
        let mut next = xorshift(0x5eed_0f_e8ac7);
        let extremes = [5e-324, f64::MIN_POSITIVE, 1.7976931348623157e308, 74.20333333333332, 1e-7];
        for x in extremes.into_iter().chain((0..2_000).map(|_| f64::from_bits(next())).filter(|x| x.is_finite())) {
            let s = exact(x);
            assert_eq!(s.parse::<f64>().map(f64::to_bits), Ok(x.to_bits()), "{s}");
            assert!(!s.contains('.') || !s.ends_with('0') && !s.ends_with('.'), "{s}");
        }
    }

    #[test]
    fn matches_std_on_many_values() {
        // A fixed xorshift sequence: random bit patterns, chart-like values
        // with few decimals, and halves at many scales.
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for i in 0..60_000 {
            let r = next();
            let x = match i % 3 {
                0 => f64::from_bits(r),
                1 => (r % 10_000_000) as f64 / 10f64.powi((r >> 40) as i32 % 7),
                _ => ((r % 100_000) as f64 + 0.5) / 10f64.powi((r >> 40) as i32 % 5),
            };
            if x.is_finite() && x.abs() < 1e30 {
                same(x, (r >> 56) as usize % 7);
            }
        }
    }

    fn shortest_as_std(x: f64) {
        assert_eq!(shortest(x), format!("{x}"), "x = {x:e} ({:#x})", x.to_bits());
        if x.is_finite() {
            let (d, p) = shortest_digits(x);
            let dot = if d.len() > 1 { "." } else { "" };
            assert_eq!(format!("{}{dot}{}e{}", &d[..1], &d[1..], p - 1), format!("{:e}", x.abs()), "x = {x:e} ({:#x})", x.to_bits());
        }
    }

    #[test]
    fn dec_formats_as_f64() {
        for x in [0.0, -0.0, 1.5, -2.25, 184.2e6, 0.1 + 0.2, f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e-7] {
            assert_eq!(format!("{}", Dec(x)), format!("{x}"));
            assert_eq!(format!("{:.2}", Dec(x)), format!("{x:.2}"));
            assert_eq!(format!("{:+}", Dec(x)), format!("{x:+}"));
            assert_eq!(format!("{:+.1}", Dec(x)), format!("{x:+.1}"));
        }
    }

    #[test]
    fn shortest_matches_std() {
        let special = [
            0.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.0, 1.5, 184.2e6, 32.1, 1e-7, 1e15, 1e16, 1e21, 1e22, 1e23, 5e-324,
            f64::MIN_POSITIVE, f64::MAX, 9007199254740993.0, 123456789012345680.0, 2.675, 1.005, 0.000123, 4.35,
            f64::NAN, f64::INFINITY,
        ];
        for x in special {
            shortest_as_std(x);
            shortest_as_std(-x);
        }
        // Every power of two (their lower neighbour is nearer) and its neighbours.
        // (Built from their bits: powi underflows to 0 below 2^-1022 on some targets.)
        for k in -1074i32..=1023 {
            let bits = if k >= -1022 { ((k + 1023) as u64) << 52 } else { 1u64 << (k + 1074) };
            shortest_as_std(f64::from_bits(bits));
            shortest_as_std(f64::from_bits(bits + 1));
            shortest_as_std(f64::from_bits(bits - 1));
        }
        let mut next = xorshift(0x1234_5678_9abc_def1);
        for i in 0..30_000 {
            let r = next();
            shortest_as_std(match i % 3 {
                0 => f64::from_bits(r),
                1 => (r % 10_000_000) as f64 / 10f64.powi((r >> 40) as i32 % 7),
                _ => (r % 100_000) as f64 * 10f64.powi((r >> 40) as i32 % 12),
            });
        }
    }

    fn parses_as_std(s: &str) {
        let want = s.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(parse(s).map(f64::to_bits), want, "{s:?}: {:?}, std {:?}", parse(s), s.parse::<f64>());
    }

    /// The exact decimal of `(2m + 1) · 2^(e - 1)`: halfway between `m · 2^e` and the next double.
    fn halfway(x: f64) -> String {
        let bits = x.to_bits();
        let (exp, frac) = (((bits >> 52) & 0x7ff) as i32, bits & ((1u64 << 52) - 1));
        let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
        let mut n = Big::from_u64(2 * m + 1);
        let k = 1 - e; // midpoint = n / 2^k
        if k <= 0 {
            n.shl((-k) as u32);
            return n.to_decimal();
        }
        for _ in 0..k {
            n.mul_small(5);
        }
        let d = n.to_decimal();
        let d = if d.len() <= k as usize { "0".repeat(k as usize + 1 - d.len()) + &d } else { d };
        let (int, fr) = d.split_at(d.len() - k as usize);
        format!("{int}.{fr}")
    }

    #[test]
    fn parses_plain_decimals_as_std() {
        for s in [
            "0", "00", "0.0", ".5", "5.", ".", "", "1.2.3", "1..5", "184.2", "32.1", "0.1", "0.3", "9007199254740993",
            "123456789012345678901234567890", "1.7976931348623157", "0.000001", "2.2250738585072014", "4.9406564584124654",
        ] {
            parses_as_std(s);
        }
        parses_as_std(&("1".to_string() + &"0".repeat(308)));
        parses_as_std(&("1".to_string() + &"0".repeat(309)));
        parses_as_std(&("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791".to_string()));
        parses_as_std(&format!("0.{}1", "0".repeat(322)));
        parses_as_std(&format!("0.{}1", "0".repeat(323)));
        parses_as_std(&format!("0.{}25", "0".repeat(323)));
        parses_as_std(&format!("0.{}", "9".repeat(2000)));
        parses_as_std(&format!("1.{}1", "0".repeat(2000)));
    }

    #[test]
    fn parses_many_values_as_std() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for i in 0..40_000 {
            let r = next();
            let x = f64::from_bits(r >> 1); // positive, any exponent
            match i % 5 {
                // Shortest round-trip text, every scale (up to 309 integer digits, 1074 decimals).
                0 if x.is_finite() => parses_as_std(&format!("{x}")),
                // Halfway between two doubles, exactly, and just above and below.
                1 if x.is_finite() && x < f64::MAX => {
                    let h = halfway(x);
                    let h = if h.contains('.') { h } else { h + "." };
                    parses_as_std(&h);
                    parses_as_std(&format!("{h}{}1", "0".repeat((r % 900) as usize)));
                    let below = h.trim_end_matches(['0', '.']);
                    parses_as_std(&below[..below.len() - 1]);
                }
                // Numbers as calls say them: few digits, few decimals.
                2 => parses_as_std(&fixed((r % 100_000_000) as f64 / 1000.0, (r >> 50) as usize % 5)),
                // Digits and dots at random.
                _ => {
                    let len = 1 + (r % 30) as usize;
                    let text: String = (0..len).map(|k| b"0123456789.0123456789"[(r >> (2 * k % 60)) as usize % 21] as char).collect();
                    parses_as_std(&text);
                }
            }
        }
    }
}
