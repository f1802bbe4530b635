//! The company a call names in its text when no title or welcome names
//! it: the name said in the possessive or before its own people, never a
//! business it acquired ([`possessive_name`]); else the organisation most
//! speakers' titles give ([`speaker_company`]).

use std::collections::HashMap;

use super::super::lex::{self, Tok, Token};
use crate::transcript::Transcript;

/// Last words of many company names, plurals that also name parts of a
/// business: said in the possessive, they name the company only with the
/// word before them.
const GENERIC_NAME_ENDS: &[&str] = &[
    "industries", "systems", "solutions", "services", "partners", "properties", "controls", "resorts", "technologies",
    "holdings", "brands", "companies", "goods", "flags", "tankers", "utilities", "garments", "states", "americas",
    "products", "communications", "networks", "laboratories", "labs", "foods", "stores", "motors", "airlines",
    "pharmaceuticals", "therapeutics", "sciences", "resources", "materials", "oilseeds", "operations", "markets",
];

/// Words that, after a name, make it the company's own people ("our
/// Donaldson employees", "the Rollins associates"): a name said so is a candidate
/// as a possessive is.
const OWN_PEOPLE: &[&str] = &["employees", "associates", "colleagues", "teammates", "workforce"];

/// Whether the name at `toks[i]` is said as one the call acquired ("the
/// acquisition of Solaris Biotech", "we acquired Orkin", "the purchase of
/// P-A"): a business bought is not the company.
fn acquired_at(toks: &[Token<'_>], i: usize) -> bool {
    let word = |k: usize| i.checked_sub(k).and_then(|k| toks.get(k)).filter(|x| x.kind == Tok::Word);
    let bought = |x: &Token<'_>| x.is_any(&["acquisition", "acquisitions", "purchase"]);
    // "to acquire IDEX-like businesses" names no business bought.
    let like = toks.get(i + 1).is_some_and(|x| x.sym('-') && x.start == toks[i].end);
    !like && word(1).is_some_and(|x| x.is_any(&["acquired", "acquire", "acquiring", "bought"]))
        || word(1).is_some_and(|x| x.is("of")) && word(2).is_some_and(bought)
}

/// The company as the call names itself: the most frequent capitalised word
/// said in the possessive ("Lear's sales", "Deere's fourth quarter") or
/// with its own people after it ("our Donaldson employees"), and never as
/// a business it acquired ("Solaris' technology" of "the acquisition of
/// Solaris Biotech").
pub(super) fn possessive_name(t: &Transcript<'_>) -> Option<String> {
    const COMMON: &[&str] = &[
        "today", "company", "year", "quarter", "let", "it", "that", "there", "what", "here", "he", "she", "who", "world",
        "industry", "nation", "country", "america", "china", "europe", "management", "everyone", "last", "next", "this", "covid",
    ];
    let mut counts: Vec<(String, usize)> = Vec::new();
    // How often each capitalised word is said at all, possessive or not ("Lear", "Lear's"):
    // one pass over the words, however long the call.
    let mut said: HashMap<&str, usize> = HashMap::new();
    let speakers: Vec<String> = t.speakers.iter().map(|s| s.name.to_ascii_lowercase()).collect();
    let mut acquired: Vec<&str> = Vec::new();
    for turn in t.turns.iter().take(60) {
        for p in &turn.paragraphs {
            let toks = lex::tokenize(&p.text, 0, p.text.len());
            for (i, tok) in toks.iter().enumerate() {
                if tok.kind != Tok::Word || !tok.text.starts_with(|c: char| c.is_uppercase()) {
                    continue;
                }
                // "Rollins' purchase of Orkin": a name ending in s takes the apostrophe alone.
                let apostrophe = tok.text.ends_with('s') && toks.get(i + 1).is_some_and(|x| (x.sym('\'') || x.sym('’')) && x.start == tok.end);
                let possessive = tok.text.strip_suffix("'s").or_else(|| tok.text.strip_suffix("’s")).or(apostrophe.then_some(tok.text));
                *said.entry(possessive.unwrap_or(tok.text)).or_default() += 1;
                if acquired_at(&toks, i) {
                    acquired.push(tok.text);
                }
                // Mid-sentence, after a lower-case word ("our Donaldson employees"; not "Our team").
                let lower = |x: &Token<'_>| x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_ascii_lowercase());
                let own = || toks.get(i + 1).is_some_and(|x| x.is_any(OWN_PEOPLE)) && i.checked_sub(1).is_some_and(|k| lower(&toks[k]));
                let Some(w) = possessive.or_else(|| own().then_some(tok.text)) else { continue };
                if w.len() < 2 {
                    continue;
                }
                // "Winnebago Industries'", "Six Flags'": a word many names end in is the
                // company's only with the name before it ("the Americas'" is none).
                let owned;
                let w = if GENERIC_NAME_ENDS.iter().any(|g| w.eq_ignore_ascii_case(g)) {
                    let Some(prev) = i.checked_sub(1).map(|k| &toks[k]).filter(|x| x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_uppercase()) && x.end + 1 == tok.start) else {
                        continue;
                    };
                    owned = format!("{} {}", prev.text, w);
                    owned.as_str()
                } else {
                    w
                };
                let lw = w.to_ascii_lowercase();
                if COMMON.contains(&lw.as_str()) || speakers.iter().any(|s| s.split(' ').any(|part| part == lw)) {
                    continue;
                }
                if !counts.iter().any(|(c, _)| c == w) {
                    counts.push((w.to_string(), 0));
                }
            }
        }
    }
    // Rank the possessive names by how often the name is said at all.
    for (w, n) in counts.iter_mut() {
        *n = said.get(w.split(' ').next().unwrap_or(w.as_str())).copied().unwrap_or(0);
    }
    counts.retain(|(w, _)| !acquired.contains(&w.split(' ').next().unwrap_or(w.as_str())));
    counts.into_iter().filter(|&(_, n)| n >= 3).max_by_key(|&(_, n)| n).map(|(w, _)| w)
}

/// "**Jessie Wang - MediaTek, Investor Relation**": the company most speakers work for.
pub(super) fn speaker_company(t: &Transcript<'_>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in &t.speakers {
        let Some(title) = &s.title else { continue };
        let Some((org, _)) = title.split_once(", ") else { continue };
        if org.contains("Research") || org.split_whitespace().count() > 4 {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| c == org) {
            Some((_, n)) => *n += 1,
            None => counts.push((org.to_string(), 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
}
