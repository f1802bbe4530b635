//! Which segment names stand. The binder names a segment from the words
//! around a figure ("Data Center revenue", "For Seating, ...", a topic
//! sentence); some of those words are no part of the business: a person the
//! call is handed to, the company itself, a word said once in passing. A
//! segment that does not stand is the company's total.
//!
//! A name stands when it is said at least twice in the call (a part of the
//! business the call reports on comes up again: in the prepared remarks, the
//! slides' captions, the Q&A) and is neither a speaker's name nor the
//! company's.

use std::collections::{HashMap, HashSet};

use crate::facts::Fact;

/// Text folded for matching names: lower case, every non-alphanumeric
/// character a space, one space between words, a space at both ends (so
/// that `" data center "` matches whole words only), and no "and" or "&":
/// a list's name matches however the call joins it ("subscription, SaaS, and
/// license", "subscription and SaaS and license").
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if is_cjk_ideograph(c) {
            // Alphanumeric and without case (a test says so): kept, without the
            // Unicode table look-ups below (a call's Chinese lines are most of its
            // non-ASCII text).
            out.push(c);
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(crate::case::lower(c));
        } else {
            if !out.ends_with(' ') {
                // The word just ended: "and" is dropped.
                if out.ends_with(" and") {
                    out.truncate(out.len() - 3);
                } else {
                    out.push(' ');
                }
            }
        }
    }
    if out.ends_with(" and") {
        out.truncate(out.len() - 3);
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// CJK Unified Ideographs (U+4E00..U+9FFF): letters with no case.
fn is_cjk_ideograph(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The call's text folded for [`called_a_segment`] and [`settle`].
pub fn folded(text: &str) -> String {
    fold(text)
}

/// Whether the call (`text`, and `folded`) names `name` (`financial_services`)
/// as a part of its business elsewhere: right before a noun that says so
/// ("our financial services segment"), or in capitals inside a sentence
/// ("results in Pharmacy Services").
pub fn called_a_segment(text: &str, folded: &str, name: &str) -> bool {
    let folded_name = fold_name(name);
    let capitalised = |w: &str| w.chars().enumerate().flat_map(|(i, c)| (i == 0).then(|| crate::case::upper(c)).into_iter().flatten().chain((i > 0).then_some(c))).collect::<String>();
    let title: String = name.split('_').map(capitalised).collect::<Vec<_>>().join(" ");
    let inside = |at: usize| text[..at].chars().rev().nth(1).is_some_and(|c| c.is_lowercase() || c == ',');
    SEGMENT_NOUNS.iter().any(|noun| folded.contains(&format!("{folded_name}{noun} ")))
        || !title.is_empty() && text.match_indices(title.as_str()).any(|(at, _)| inside(at) && !text[at + title.len()..].starts_with(char::is_alphanumeric))
}

/// A segment name (`new_zealand_timber`, `c&i`) as folded words.
fn fold_name(segment: &str) -> String {
    fold(&segment.replace('_', " "))
}

/// How often a name is said (up to twice), and whether the call, saying it,
/// calls it a segment ("game and network service segment"). The last word of
/// the name also finds its other forms: it loses a plural or a final "e"
/// ("license" finds "licenses", "licensing") and matches as a prefix.
struct Said {
    times: usize,
    as_segment: bool,
}

/// The folded text's words, with the positions of those that may start one of
/// the names (by their first four letters): one pass over the text, however
/// many names there are.
struct Words<'a> {
    words: Vec<&'a str>,
    starts: HashMap<&'a str, Vec<usize>>,
}

fn prefix_key(w: &str) -> &str {
    let end = w.char_indices().nth(4).map_or(w.len(), |(i, _)| i);
    &w[..end]
}

impl<'a> Words<'a> {
    fn new(folded: &'a str, names: &[Vec<&str>]) -> Words<'a> {
        let mut starts: HashMap<&'a str, Vec<usize>> = HashMap::new();
        let keys: HashSet<&str> = names.iter().filter_map(|n| n.first().map(|w| prefix_key(w))).collect();
        // The first bytes of the names, to pass over most words without hashing them.
        let mut firsts = [false; 256];
        for k in &keys {
            if let Some(&b) = k.as_bytes().first() {
                firsts[b as usize] = true;
            }
        }
        let words: Vec<&'a str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        for (i, w) in words.iter().enumerate() {
            if !firsts[w.as_bytes()[0] as usize] {
                continue;
            }
            let k = prefix_key(w);
            if keys.contains(&k) {
                starts.entry(k).or_default().push(i);
            }
        }
        Words { words, starts }
    }

    fn said(&self, name: &[&str]) -> Said {
        let mut said = Said { times: 0, as_segment: false };
        let Some(first) = name.first() else { return said };
        let last = name.len() - 1;
        let end = name[last];
        let stem = if end.len() <= 4 {
            end
        } else {
            let w = end.strip_suffix('s').unwrap_or(end);
            w.strip_suffix('e').unwrap_or(w)
        };
        // A short last word ("IT", "had") only as itself; a longer one in its other forms too.
        let last_fits = |w: &str| if end.len() <= 4 { w == end } else { w.starts_with(stem) };
        for &p in self.starts.get(prefix_key(first)).into_iter().flatten() {
            let at = |j: usize| self.words.get(p + j).copied().unwrap_or("");
            let whole = (0..last).all(|j| at(j) == name[j]) && last_fits(at(last));
            if whole {
                said.times += 1;
                said.as_segment |= SEGMENT_NOUNS.contains(&at(last + 1));
            }
        }
        said
    }
}

/// Sets the segment of every fact whose segment does not stand to `total`,
/// and drops such a fact where the call states that total itself: the figure
/// was a part's, under a name the binder could not tell. `text` is the whole
/// transcript, [`folded`]; `people` the speakers' names; `company` the company's name when
/// known.
pub fn settle(raw: &mut Vec<(Fact, f64)>, folded: &str, people: &[&str], company: &str, announced: &[String]) {
    if raw.iter().all(|(f, _)| f.segment == "total") {
        return;
    }
    let mut distinct = distinct_segments(raw);
    // "the C&I Group" and "C&I" are one segment: a name that ends in its noun
    // takes the shorter name the call also gives figures under.
    let mut renamed = false;
    for (f, _) in raw.iter_mut() {
        if let Some(stem) = noun_stem(&f.segment).filter(|s| distinct.binary_search_by(|d| d.as_str().cmp(s)).is_ok()) {
            f.segment = stem.to_string();
            renamed = true;
        }
    }
    if renamed {
        distinct = distinct_segments(raw);
    }
    let folded_names: Vec<String> = distinct.iter().map(|s| fold_name(s)).collect();
    let names: Vec<Vec<&str>> = folded_names.iter().map(|n| n.split_whitespace().collect()).collect();
    let words = Words::new(folded, &names);
    let company = fold(company);
    let company_words: Vec<&str> = company.split_whitespace().filter(|w| !GENERIC_COMPANY_WORDS.contains(w)).collect();
    let person_words: Vec<String> = people.iter().flat_map(|p| fold(p).split_whitespace().map(str::to_string).collect::<Vec<_>>()).collect();
    // The company's own name ("Harsco's revenue") names the total itself.
    let mut own = vec![false; names.len()];
    let stands: Vec<bool> = names
        .iter()
        .zip(&folded_names)
        .enumerate()
        .map(|(i, (words_of, name))| {
            let said = words.said(words_of);
            // "the Harsco Group" is Harsco.
            let stem = noun_stem(&distinct[i]).map(fold_name);
            let stem_words: Vec<&str> = stem.as_deref().map_or_else(Vec::new, |s| s.split_whitespace().collect());
            let person = words_of.len() == 1 && person_words.iter().any(|p| p == words_of[0]);
            let own_name = !company_words.is_empty()
                && [(words_of, name), (&stem_words, stem.as_ref().unwrap_or(name))].iter().any(|(w, n)| {
                    !w.is_empty() && (**n == company || company.starts_with(n.as_str()) || w.len() == 1 && company_words.contains(&w[0]))
                });
            // "pro forma EPS", "acquisitions sales", "common stock dividends": a basis or a kind of figure.
            let generic = words_of.iter().any(|w| NOT_A_PART.contains(w));
            own[i] = own_name;
            // Said once, a name stands where the call calls it a segment: "First is game and network service segment".
            (said.times >= 2 || said.as_segment) && !person && !own_name && !generic && !words_of.is_empty()
        })
        .collect();
    let mut demoted = vec![false; raw.len()];
    for (n, (f, _)) in raw.iter().enumerate() {
        if let Ok(i) = distinct.binary_search(&f.segment) {
            // A name said once stands for the sentence that turns to it ("In Display
            // Technologies, sales were $956 million"), not for the sentences after it.
            let turned_to = announced.contains(&f.segment) && {
                let opening: String = fold(&f.source.text).split_whitespace().take(8).collect::<Vec<_>>().join(" ");
                format!(" {opening} ").contains(folded_names[i].as_str())
            };
            if !stands[i] && !turned_to {
                demoted[n] = !own[i];
            }
        }
    }
    for (f, _) in raw.iter_mut() {
        if distinct.binary_search(&f.segment).is_ok_and(|i| own[i]) {
            f.segment = "total".to_string();
        }
    }
    for (n, (f, _)) in raw.iter_mut().enumerate() {
        if demoted[n] {
            f.segment = "total".to_string();
        }
    }
    let key = |f: &Fact| format!("{}|{}|{:?}|{:?}|{}", f.metric, f.period, f.kind, f.measure, f.unit);
    let totals: HashSet<String> = raw.iter().zip(&demoted).filter(|((g, _), d)| !**d && g.segment == "total").map(|((g, _), _)| key(g)).collect();
    let mut k = 0;
    raw.retain(|(f, _)| {
        k += 1;
        !(demoted[k - 1] && totals.contains(&key(f)))
    });
}

/// The segment's names, sorted, without "total".
fn distinct_segments(raw: &[(Fact, f64)]) -> Vec<String> {
    let mut distinct: Vec<String> = raw.iter().map(|(f, _)| f.segment.clone()).filter(|s| s != "total").collect();
    crate::order::sort(&mut distinct);
    distinct.dedup();
    distinct
}

/// A name without the noun it ends in: `c&i_group` -> `c&i`.
fn noun_stem(segment: &str) -> Option<&str> {
    let (stem, noun) = segment.rsplit_once('_')?;
    // Not "unit": "smartphone unit volumes" counts units, it names no business unit.
    (SEGMENT_NOUNS.contains(&noun) && noun != "unit" && !stem.is_empty()).then_some(stem)
}

/// Words that qualify a figure (its basis, what drove it, the verb of its
/// sentence) and are never a part of the business.
const NOT_A_PART: &[&str] = &[
    "pro", "forma", "proforma", "acquisition", "acquisitions", "acquired", "divestiture", "divestitures", "commodities",
    "commodity", "currency", "fx", "foreign", "exchange", "organic", "organically", "positive", "negative", "paid", "had",
    "has", "have", "common", "stock", "preferred", "record", "comparable", "reported", "incremental", "will", "would",
    "contribute", "contributed", "end", "date", "estimated", "expected", "impact", "price", "pricing", "volume", "mix",
    "shareholders", "stockholders", "quarterly", "annualized", "run", "rate", "sequential", "total",
    // Groups that are no part of the business: "our peer group", "the disposal group".
    "peer", "peers", "disposal", "restricted", "working",
];

/// Nouns that make the name before them a part of the business.
const SEGMENT_NOUNS: &[&str] = &["segment", "segments", "business", "businesses", "division", "unit", "group"];

/// Words of a company's name that say nothing of which company it is.
pub(crate) const GENERIC_COMPANY_WORDS: &[&str] = &["inc", "corp", "corporation", "company", "co", "ltd", "limited", "plc", "group", "holdings", "industries", "international", "the", "and", "llc", "sa", "nv", "ag"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Kind;

    fn fact(segment: &str) -> Fact {
        Fact::for_test("revenue", segment, "FY2024-Q3", Kind::Actual)
    }

    #[test]
    fn cjk_ideographs_fold_to_themselves() {
        for c in ('\u{4E00}'..='\u{9FFF}').filter(|&c| is_cjk_ideograph(c)) {
            assert!(c.is_alphanumeric() && crate::case::lower(c).eq([c]), "{c:?}");
        }
        assert!(!is_cjk_ideograph('\u{4DFF}') && !is_cjk_ideograph('\u{A000}'));
        assert_eq!(fold("營收 Data-Center 和 AND"), " 營收 data center 和 ");
    }

    #[test]
    fn which_names_stand() {
        let text = "Data Center revenue was $5. Data Center grew. I'll turn it back to Shantanu. Thanks, Shantanu. \
                    Quaker Houghton sales rose; the Houghton combination. C&I revenue fell. C&I margin rose. Revenue had grown. License revenue grew; IP licensing too. In the Mobile segment, sales fell. Pro forma EPS rose; pro forma sales too. Tools sales rose; Tools margins too. Our peer group grew; the peer group shrank.";
        let cases = [
            ("data_center", "data_center"), // said twice
            ("had", "total"),               // said once
            ("shantanu", "total"),          // a speaker
            ("houghton", "total"),          // a word of the company's name
            ("c&i", "c&i"),                 // an acronym with '&', said twice
            ("c_and_i", "c_and_i"),         // the same, spelled out
            ("license", "license"),         // "License revenue", "licensing"
            ("mobile", "mobile"),           // said once, but as "the Mobile segment"
            ("pro_forma", "total"),         // a basis, however often said
            ("tools_group", "total"),       // never said with its noun: "Tools" may be anything
            ("houghton_group", "total"),    // the company's, with its noun or without
            ("peer_group", "total"),        // no part of the business, however often said
        ];
        let text = &folded(text);
        for (seg, want) in cases {
            let mut raw = vec![(fact(seg), 0.0)];
            settle(&mut raw, text, &["Shantanu Agrawal"], "Quaker Houghton Inc.", &[]);
            assert_eq!(raw[0].0.segment, want, "{seg}");
        }
        // "the C&I Group" takes the name the call gives its other figures.
        let mut raw = vec![(fact("c&i_group"), 0.0), (fact("c&i"), 0.0), (fact("data_center"), 0.0)];
        settle(&mut raw, text, &[], "", &[]);
        let names: Vec<&str> = raw.iter().map(|(f, _)| f.segment.as_str()).collect();
        assert_eq!(names, ["c&i", "c&i", "data_center"]);
        // A figure under a name that does not stand, where the call states the total: dropped.
        let mut total = fact("total");
        total.value = Some(2.0);
        let mut raw = vec![(fact("had"), 0.0), (total, 0.0)];
        settle(&mut raw, text, &[], "", &[]);
        assert_eq!(raw.len(), 1);
        assert_eq!(raw[0].0.value, Some(2.0));
    }
}
