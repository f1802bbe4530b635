//! Stable sorting with one sort routine in the binary.
//!
//! `slice::sort_by` is generic: each element type and comparator gets its
//! own copy of the standard library's stable sort (~3–4 KB of wasm each, some
//! twenty of them in the page). These helpers sort a list of indices with one
//! non-generic comparator call instead, then move the elements into that
//! order: the same stable order as `sort_by`, for one copy of a sort (a
//! small merge sort of this module's own, not even one of std's).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like [`slice::sort_by`].
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_indices(&mut order, &mut |a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` stably by `key`, like [`slice::sort_by_key`].
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably, like [`slice::sort`].
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, |a, b| a.cmp(b));
}

/// Drops the indices of `v` seen before, keeping first occurrences in order
/// (what a set of seen indices does, without a set type in the wasm).
pub fn dedup_indices(v: &mut Vec<usize>) {
    let mut seen = vec![false; v.iter().max().map_or(0, |m| m + 1)];
    v.retain(|&i| !std::mem::replace(&mut seen[i], true));
}

/// The one sort: a stable merge sort of indices (runs of [`RUN`] by
/// insertion, then merged bottom-up through one scratch buffer). Not the
/// standard library's: its driftsort (quicksort, drift, small-sort
/// networks) is ~4 KB of wasm for sorts of a few hundred items at most,
/// and it may panic on a comparator that is no total order, where this one
/// gives some order.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    let n = order.len();
    for start in (0..n).step_by(RUN) {
        for i in start + 1..(start + RUN).min(n) {
            let mut j = i;
            while j > start && cmp(order[j - 1], order[j]) == Ordering::Greater {
                order.swap(j - 1, j);
                j -= 1;
            }
        }
    }
    let mut buf = vec![0; n];
    let mut width = RUN;
    while width < n {
        for lo in (0..n).step_by(2 * width) {
            let (mid, hi) = ((lo + width).min(n), (lo + 2 * width).min(n));
            let (mut i, mut j) = (lo, mid);
            for slot in &mut buf[lo..hi] {
                // The left run's first on a tie: stable.
                let left = j == hi || (i < mid && cmp(order[j], order[i]) != Ordering::Less);
                *slot = if left { order[i] } else { order[j] };
                if left {
                    i += 1;
                } else {
                    j += 1;
                }
            }
        }
        order.copy_from_slice(&buf);
        width *= 2;
    }
}

/// The length of the runs [`sort_indices`] sorts by insertion.
const RUN: usize = 8;

fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library() {
        // Pairs compared by their first member only: stability shows.
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 7, 8, 9, 10, 16, 17, 33, 200, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut want = v.clone();
            want.sort_by(|a, b| a.0.cmp(&b.0));
            let mut got = v.clone();
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            assert_eq!(got, want, "n = {n}");
            let mut got = v.clone();
            sort_by_key(&mut got, |a| std::cmp::Reverse(a.0));
            want.sort_by_key(|a| std::cmp::Reverse(a.0));
            assert_eq!(got, want, "n = {n}, by key");
            let mut got = v.clone();
            sort(&mut got);
            want.sort();
            assert_eq!(got, want, "n = {n}, whole");
        }
    }

    #[test]
    fn dedup_keeps_first_occurrences() {
        let mut v = vec![3, 1, 3, 0, 1, 7, 7, 2];
        dedup_indices(&mut v);
        assert_eq!(v, [3, 1, 0, 7, 2]);
        let mut empty: Vec<usize> = Vec::new();
        dedup_indices(&mut empty);
        assert!(empty.is_empty());
    }
}
