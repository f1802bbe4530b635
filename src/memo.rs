//! A small memo keyed by two strings, for what the canvas side of the page
//! (`wasm/canvas.rs`) keeps between draws: a text's size in a font, and the
//! JavaScript copy of a string. A redraw on resize lays the same labels out
//! again at another width; their sizes in their fonts have not changed, so
//! they are measured once per page rather than once per draw.
//!
//! Entries are sorted by a hash of the key (FNV-1a), so a look-up is a
//! binary search, not a scan (a draw asks a few hundred times); a memo
//! that reaches [`Memo::CAP`] entries starts again empty (a page that has
//! drawn that many different labels has long since stopped needing the
//! first ones). No map type: the viewer's wasm is kept small (see
//! `ARCHITECTURE.md`).
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

/// Values of type `V` under a key of two strings (`(font, text)`, or a
/// string and nothing).
pub(crate) struct Memo<V> {
    entries: Vec<Entry<V>>,
}

struct Entry<V> {
    hash: u64,
    a: String,
    b: String,
    value: V,
}

/// FNV-1a over `a`, a 0xff byte (no UTF-8 text has one), then `b`.
fn hash(a: &str, b: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain(std::iter::once(0xff)).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

impl<V> Default for Memo<V> {
    fn default() -> Self {
        Memo { entries: Vec::new() }
    }
}

impl<V> Memo<V> {
    /// The most entries kept.
    pub(crate) const CAP: usize = 4096;

    /// The value kept under `(a, b)`.
    pub(crate) fn get(&self, a: &str, b: &str) -> Option<&V> {
        let h = hash(a, b);
        let from = self.entries.partition_point(|e| e.hash < h);
        self.entries[from..].iter().take_while(|e| e.hash == h).find(|e| e.a == a && e.b == b).map(|e| &e.value)
    }

    /// Keeps `value` under `(a, b)` (the caller asked [`Memo::get`] first:
    /// a key is put once).
    pub(crate) fn put(&mut self, a: &str, b: &str, value: V) {
        if self.entries.len() >= Self::CAP {
            self.entries.clear();
        }
        let h = hash(a, b);
        let at = self.entries.partition_point(|e| e.hash <= h);
        self.entries.insert(at, Entry { hash: h, a: a.to_string(), b: b.to_string(), value });
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_was_put_under_both_strings() {
        let mut m = Memo::default();
        m.put("12px sans-serif", "Q4 FY23", (41, 14));
        m.put("12px sans-serif", "Q4", (18, 14));
        m.put("14px sans-serif", "Q4", (21, 16));
        assert_eq!(m.get("12px sans-serif", "Q4 FY23"), Some(&(41, 14)));
        assert_eq!(m.get("12px sans-serif", "Q4"), Some(&(18, 14)));
        assert_eq!(m.get("14px sans-serif", "Q4"), Some(&(21, 16)));
        assert_eq!(m.get("14px sans-serif", "Q4 FY23"), None);
        // The two strings are not one: "ab" + "c" is not "a" + "bc".
        m.put("ab", "c", (1, 1));
        assert_eq!(m.get("a", "bc"), None);
        assert_eq!(m.get("ab", "c"), Some(&(1, 1)));
    }

    #[test]
    fn finds_every_key_among_many_and_starts_again_when_full() {
        let mut m = Memo::default();
        let n = Memo::<usize>::CAP;
        for i in 0..n {
            m.put("font", &i.to_string(), i);
        }
        assert_eq!(m.len(), n);
        assert!((0..n).all(|i| m.get("font", &i.to_string()) == Some(&i)));
        m.put("font", "one more", n);
        assert_eq!(m.len(), 1);
        assert_eq!(m.get("font", "one more"), Some(&n));
        assert_eq!(m.get("font", "0"), None);
    }
}
