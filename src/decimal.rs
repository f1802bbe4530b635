//! Fixed-point decimal text of a float, exactly as `format!("{:.*}", dec, x)`
//! writes it, without the standard library's float formatting.
//!
//! `core::fmt`'s float code (Grisu with a Dragon4 fallback, bignums, its
//! tables) is ~18 KB of wasm, ~7 KB gzipped, a twelfth of the viewer build;
//! the charts only ever need a fixed number of decimals, which is exact
//! integer arithmetic: `x·10^dec = m·5^dec·2^(e+dec)` for `x = m·2^e`,
//! rounded half to even as `core::fmt` rounds. A test compares it with
//! `format!` over many values, ties and extremes.
//!
//! The engine build calls `format!` instead: its extractor and exports
//! format floats anyway, so the float code is in that wasm already, and
//! this one would only add to it (as `case.rs` does for letter case).

/// `x` with `dec` decimals: what `format!("{:.*}", dec, x)` gives ("NaN",
/// "inf" and "-inf" included).
pub fn fixed(x: f64, dec: usize) -> String {
    #[cfg(feature = "engine")]
    return format!("{:.*}", dec, x);
    #[cfg(not(feature = "engine"))]
    return exact(x, dec);
}

/// [`fixed`] by integer arithmetic.
#[cfg(any(test, not(feature = "engine")))]
fn exact(x: f64, dec: usize) -> String {
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
    let (int, fr) = digits.split_at(digits.len() - dec);
    out.push_str(int);
    if dec > 0 {
        out.push('.');
        out.push_str(fr);
    }
    out
}

/// A non-negative big integer: little-endian 32-bit limbs.
#[cfg(any(test, not(feature = "engine")))]
struct Big(Vec<u32>);

#[cfg(any(test, not(feature = "engine")))]
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
    use super::exact as fixed;

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
    fn matches_std_on_many_values() {
        // A fixed xorshift sequence: random bit patterns, chart-like values
        // with few decimals, and halves at many scales.
        let mut s = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
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
}
