//! Which calls are one company: the same name after dropping case,
//! punctuation and legal words, one name's words part of the other's, or
//! names one letter apart; a call alone under its name joins the company
//! whose calls state the most of its reported figures (see the rules in
//! [`super`]).

use super::figure::{agree, same_key};
use super::MIN_SHARED;
use crate::facts::{Fact, Facts, Kind};
use crate::order;

/// Words of a company's legal name that do not tell companies apart.
const LEGAL_WORDS: &[&str] = &[
    "inc", "incorporated", "corp", "corporation", "co", "company", "companies", "ltd", "limited", "plc", "llc", "lp",
    "holdings", "holding", "group", "the", "sa", "nv", "ag", "se",
];

/// Words of job titles: a "company" made only of them is a misread title.
pub(crate) const TITLE_WORDS: &[&str] = &[
    "executive", "vice", "president", "chief", "officer", "financial", "operating", "director", "operator", "analyst",
    "senior", "manager", "chairman", "chairwoman", "ceo", "cfo", "coo", "investor", "relations", "head", "treasurer",
    "controller", "corporate", "and", "of", "the", "board",
];

/// A company name's distinguishing words, lower case; empty when the name
/// says nothing (none, or a job title).
fn name_words(name: &str) -> Vec<String> {
    let lower = crate::case::lower_str(name);
    let words: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !LEGAL_WORDS.contains(w))
        .map(str::to_string)
        .collect();
    if words.iter().all(|w| TITLE_WORDS.contains(&w.as_str())) {
        Vec::new()
    } else {
        words
    }
}

/// Whether two (non-empty) names name one company.
fn same_company(a: &[String], b: &[String]) -> bool {
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if subset(a, b) || subset(b, a) {
        return true;
    }
    let (a, b) = (a.concat(), b.concat());
    a.chars().count().min(b.chars().count()) >= 5 && one_edit_apart(&a, &b)
}

/// Whether `a` becomes `b` by at most one inserted, deleted or changed letter.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short.iter().zip(long.iter()).take_while(|(x, y)| x == y).count();
    let rest = if short.len() == long.len() { head + 1 } else { head };
    short.get(rest..).unwrap_or(&[]) == long.get(head + 1..).unwrap_or(&[])
}

/// The calls grouped by company (indices into `calls`), groups in the order
/// of their first call, calls in input order.
pub fn companies(calls: &[&Facts]) -> Vec<Vec<usize>> {
    let words: Vec<Vec<String>> = calls.iter().map(|f| name_words(&f.company)).collect();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let named = groups.iter_mut().find(|g| g.iter().any(|&j| same_company(w, &words[j])));
        match named {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    // Figures over names: a group that no two calls name (no name, a job
    // title, or a name one call alone gives) joins the group whose calls
    // state the most of its calls' reported figures; until none moves.
    let named_calls = |g: &[usize]| g.iter().filter(|&&i| !words[i].is_empty()).count();
    let shared = |g: &[usize], h: &[usize]| -> usize {
        g.iter().map(|&i| h.iter().map(|&j| shared_figures(calls[i], calls[j])).sum::<usize>()).sum()
    };
    loop {
        let moves = (0..groups.len()).filter(|&g| named_calls(&groups[g]) <= 1).find_map(|g| {
            let best = (0..groups.len()).filter(|&h| h != g).map(|h| (shared(&groups[g], &groups[h]), h)).max_by_key(|&(n, h)| (n, std::cmp::Reverse(h)));
            best.filter(|&(n, _)| n >= MIN_SHARED).map(|(_, h)| (g, h))
        });
        let Some((g, h)) = moves else { break };
        let moved = std::mem::take(&mut groups[g]);
        groups[h].extend(moved);
        groups.remove(g);
    }
    // Calls no name and no figure places: with the only company named, or,
    // when nothing names any company, all one company's.
    let named: Vec<usize> = (0..groups.len()).filter(|&g| groups[g].iter().any(|&i| !words[i].is_empty())).collect();
    if named.len() <= 1 {
        let into = named.first().copied().unwrap_or(0);
        let mut merged = Vec::new();
        for (g, group) in groups.iter_mut().enumerate() {
            if g == into || !named.contains(&g) {
                merged.append(group);
            }
        }
        groups.retain(|g| !g.is_empty());
        if !merged.is_empty() {
            groups.push(merged);
        }
    }
    for g in &mut groups {
        order::sort(g);
    }
    order::sort_by_key(&mut groups, |g| g[0]);
    groups
}

/// How many reported figures of `a` `b` states too (same key, values agree).
fn shared_figures(a: &Facts, b: &Facts) -> usize {
    let actual = |f: &&Fact| f.kind == Kind::Actual;
    a.facts.iter().filter(actual).filter(|f| b.facts.iter().filter(actual).any(|g| same_key(f, g) && agree(f, g))).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_one_letter_apart_are_one_name() {
        assert!(one_edit_apart("rollings", "rollins") && one_edit_apart("graco", "grace") && !one_edit_apart("graco", "gr"));
    }
}
