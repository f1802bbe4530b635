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

use crate::facts::Fact;

/// Text folded for matching names: lower case, `&` as " and ", every other
/// non-alphanumeric character a space, one space between words, a space at
/// both ends (so that `" data center "` matches whole words only).
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    for c in s.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else {
            if c == '&' && !out.ends_with(' ') {
                out.push(' ');
            }
            if c == '&' {
                out.push_str("and");
            }
            if !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// A segment name (`new_zealand_timber`, `c&i`) as folded words.
fn fold_name(segment: &str) -> String {
    fold(&segment.replace('_', " "))
}

/// A folded name as a pattern that also finds its other forms: the last word
/// loses a plural or a final "e" ("license" finds "licenses", "licensing"), and
/// the pattern is open at its end.
fn stem(name: &str) -> &str {
    let name = name.trim_end();
    let last = name.rsplit(' ').next().unwrap_or("");
    if last.len() <= 4 {
        return name;
    }
    let name = name.strip_suffix('s').unwrap_or(name);
    name.strip_suffix('e').unwrap_or(name)
}

/// Sets the segment of every fact whose segment does not stand to `total`,
/// and drops such a fact where the call states that total itself: the figure
/// was a part's, under a name the binder could not tell. `text` is the whole
/// transcript; `people` the speakers' names; `company` the company's name when
/// known.
pub fn settle(raw: &mut Vec<(Fact, f64)>, text: &str, people: &[&str], company: &str) {
    if raw.iter().all(|(f, _)| f.segment == "total") {
        return;
    }
    let folded = fold(text);
    let company = fold(company);
    let company_words: Vec<&str> = company.split_whitespace().filter(|w| !GENERIC_COMPANY_WORDS.contains(w)).collect();
    let person_words: Vec<String> = people.iter().flat_map(|p| fold(p).split_whitespace().map(str::to_string).collect::<Vec<_>>()).collect();
    let mut verdicts: Vec<(String, bool)> = Vec::new();
    let mut demoted = vec![false; raw.len()];
    for (n, (f, _)) in raw.iter_mut().enumerate().filter(|(_, (f, _))| f.segment != "total") {
        let stands = match verdicts.iter().find(|(s, _)| *s == f.segment) {
            Some((_, v)) => *v,
            None => {
                let name = fold_name(&f.segment);
                let words: Vec<&str> = name.split_whitespace().collect();
                let said = folded.matches(stem(&name)).take(2).count();
                let person = words.len() == 1 && person_words.iter().any(|p| p == words[0]);
                let own_name = !company_words.is_empty()
                    && (name == company || company.starts_with(name.as_str()) || words.len() == 1 && company_words.contains(&words[0]));
                // Said once, it stands where the call calls it a segment: "First is game and network service segment".
                let named = said == 1 && SEGMENT_NOUNS.iter().any(|n| folded.contains(&format!("{name}{n} ")));
                // "pro forma EPS", "acquisitions sales", "common stock dividends": a basis or a kind of figure.
                let generic = words.iter().any(|w| NOT_A_PART.contains(w));
                let v = (said >= 2 || named) && !person && !own_name && !generic && !words.is_empty();
                verdicts.push((f.segment.clone(), v));
                v
            }
        };
        if !stands {
            f.segment = "total".to_string();
            demoted[n] = true;
        }
    }
    let stated_total = |f: &Fact, raw: &[(Fact, f64)], demoted: &[bool]| {
        raw.iter().zip(demoted).any(|((g, _), d)| {
            !d && g.segment == "total" && g.metric == f.metric && g.period == f.period && g.kind == f.kind && g.measure == f.measure && g.unit == f.unit
        })
    };
    let drop: Vec<bool> = raw.iter().zip(&demoted).map(|((f, _), &d)| d && stated_total(f, raw, &demoted)).collect();
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// Words that qualify a figure (its basis, what drove it, the verb of its
/// sentence) and are never a part of the business.
const NOT_A_PART: &[&str] = &[
    "pro", "forma", "proforma", "acquisition", "acquisitions", "acquired", "divestiture", "divestitures", "commodities",
    "commodity", "currency", "fx", "foreign", "exchange", "organic", "organically", "positive", "negative", "paid", "had",
    "has", "have", "common", "stock", "preferred", "record", "comparable", "reported", "incremental", "will", "would",
    "contribute", "contributed", "end", "date", "estimated", "expected", "impact", "price", "pricing", "volume", "mix",
    "shareholders", "stockholders", "quarterly", "annualized", "run", "rate", "sequential", "total",
];

/// Nouns that make the name before them a part of the business.
const SEGMENT_NOUNS: &[&str] = &["segment", "segments", "business", "businesses", "division", "unit", "group"];

/// Words of a company's name that say nothing of which company it is.
const GENERIC_COMPANY_WORDS: &[&str] = &["inc", "corp", "corporation", "company", "co", "ltd", "limited", "plc", "group", "holdings", "the", "and", "llc", "sa", "nv", "ag"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{Kind, Measure, Source, Unit};

    fn fact(segment: &str) -> Fact {
        Fact {
            metric: "revenue".into(),
            segment: segment.into(),
            period: "FY2024-Q3".parse().unwrap(),
            kind: Kind::Actual,
            measure: Measure::Level,
            value: Some(1.0),
            low: None,
            high: None,
            unit: Unit::Percent,
            basis: None,
            conflict: false,
            source: Source { line: 1, start: None, end: None, text: String::new() },
        }
    }

    #[test]
    fn which_names_stand() {
        let text = "Data Center revenue was $5. Data Center grew. I'll turn it back to Shantanu. Thanks, Shantanu. \
                    Quaker Houghton sales rose; the Houghton combination. C&I revenue fell. C&I margin rose. Revenue had grown. License revenue grew; IP licensing too. In the Mobile segment, sales fell. Pro forma EPS rose; pro forma sales too.";
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
        ];
        for (seg, want) in cases {
            let mut raw = vec![(fact(seg), 0.0)];
            settle(&mut raw, text, &["Shantanu Agrawal"], "Quaker Houghton Inc.");
            assert_eq!(raw[0].0.segment, want, "{seg}");
        }
        // A figure under a name that does not stand, where the call states the total: dropped.
        let mut total = fact("total");
        total.value = Some(2.0);
        let mut raw = vec![(fact("had"), 0.0), (total, 0.0)];
        settle(&mut raw, text, &[], "");
        assert_eq!(raw.len(), 1);
        assert_eq!(raw[0].0.value, Some(2.0));
    }
}
