//! The company a call names in its text when no title or welcome names
//! it: the name said in the possessive or before its own people, never a
//! business it acquired ([`possessive_name`]); else the organisation most
//! speakers' titles give ([`speaker_company`]).

use std::collections::HashMap;

use super::super::lex::{self, Tok, Token};
use crate::series::TITLE_WORDS;
use crate::transcript::{Role, Transcript};

/// Last words of company names that a call need not use lower-case but
/// that name a kind of business, not one company: said in the possessive,
/// they name the company only with the word before them ("Winnebago
/// Industries'", not "the Industries'"). Any other word is judged by the
/// call itself ([`no_name_alone`]).
const GENERIC_NAME_ENDS: &[&str] = &["industries", "holdings", "companies", "brands", "technologies", "partners"];

/// Words after a person's name and a comma ("Rick Cardenas, CFO"; "Tom Webb, our ...").
const TITLES: &[&str] = &[
    "ceo", "cfo", "coo", "president", "chief", "chairman", "executive", "senior", "vice", "director", "head", "treasurer",
    "controller",
];

/// Verbs of what a person said ("as John mentioned") and words a person's
/// possessive names ("Tom's last call", "Jim's contribution").
const SAID: &[&str] = &["mentioned", "said", "noted", "discussed", "described", "highlighted", "indicated", "explained", "outlined"];
const PERSONAL: &[&str] = &["comments", "remarks", "commentary", "retirement", "tenure", "contribution", "contributions"];

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

fn cap(x: &Token<'_>) -> bool {
    x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_uppercase())
}

/// Where the name whose last word is `toks[i]` starts: over hyphens
/// ("Snap-on's", "Bio-Rad's") and '&' ("Brown & Brown's"); `None` when it
/// starts lower-case ("well-known").
fn name_start(toks: &[Token<'_>], i: usize) -> Option<usize> {
    let mut s = i;
    loop {
        if s >= 2 && toks[s - 1].sym('-') && toks[s - 2].end == toks[s - 1].start && toks[s - 1].end == toks[s].start && toks[s - 2].kind == Tok::Word {
            s -= 2;
        } else if s >= 2 && toks[s - 1].is("&") && cap(&toks[s - 2]) && cap(&toks[s]) {
            s -= 2;
        } else {
            break;
        }
    }
    cap(&toks[s]).then_some(s)
}

/// Whether the capitalised word at `toks[i]` is said as a person's name:
/// before a surname and a title ("Rick Cardenas, CFO"), "as John
/// mentioned", "Thanks, Tom", or its possessive before what a person has
/// ("Tom's last call", "Jim's contribution").
fn a_person(toks: &[Token<'_>], i: usize, possessive: bool) -> bool {
    let at = |k: usize| toks.get(k);
    let title = |k: usize| at(k).is_some_and(|x| x.is_any(TITLES)) || at(k).is_some_and(|x| x.is("our")) && at(k + 1).is_some_and(|x| x.is_any(TITLES));
    let titled = at(i + 1).is_some_and(cap) && at(i + 2).is_some_and(|x| x.sym(',')) && title(i + 3);
    let before = |k: usize| i.checked_sub(k).and_then(at);
    let as_said = before(1).is_some_and(|x| x.is("as")) && at(i + 1).is_some_and(|x| x.is_any(SAID));
    let thanked = before(1).is_some_and(|x| x.sym(',')) && before(2).is_some_and(|x| x.is("thanks") || x.is("you") && before(3).is_some_and(|y| y.is("thank")));
    let skip = usize::from(at(i + 1).is_some_and(|x| x.sym('\'') || x.sym('’')));
    // A first name is written "Tom", not "UTI" or "VF".
    let word = toks[i].text.trim_end_matches("'s").trim_end_matches("’s");
    let cased = word.chars().skip(1).any(|c| c.is_lowercase());
    cased && (!possessive && titled || as_said || thanked || possessive && at(i + 1 + skip).is_some_and(|x| x.is_any(PERSONAL)))
}

/// Whether a one-word name is no name by itself: a word many names end in
/// ([`GENERIC_NAME_ENDS`]), or one the call also writes lower-case, as a
/// common word (twice, outside web addresses: "General" of "general
/// merchandise"). A plural's singular decides nothing: "Waters'" is a name
/// in a call about water.
fn no_name_alone(w: &str, lower: &HashMap<&str, usize>) -> bool {
    let l = crate::case::lower_str(w);
    GENERIC_NAME_ENDS.contains(&l.as_str()) || lower.get(l.as_str()).is_some_and(|&n| n >= 2)
}

/// The first word of a name ("Snap" of "Snap-on", "Dollar" of "Dollar General").
fn first_word(name: &str) -> &str {
    name.split([' ', '-']).next().unwrap_or(name)
}

/// What one pass over the call's words gathers.
#[derive(Default)]
struct Said<'a> {
    /// Names said in the possessive or before the company's own people, once
    /// per saying, with the capitalised word right before ("Dollar" of "at Dollar General's").
    candidates: Vec<(Option<&'a str>, &'a str)>,
    /// How often each capitalised word is said at all, possessive or not ("Lear", "Lear's").
    words: HashMap<&'a str, usize>,
    /// How often a capitalised word is said right after another ("Dollar General").
    pairs: HashMap<&'a str, usize>,
    /// How often a capitalised word ends an item of a list of names
    /// ("Economic Consulting and Technology", "Economic Consulting, Technology").
    listed: HashMap<&'a str, usize>,
    /// Capitalised words said mid-sentence, after another word ("at Dollar General"; not "The" of "The Board").
    mid: Vec<&'a str>,
    /// How often each word is written lower-case.
    lower: HashMap<&'a str, usize>,
    /// Words said as a person's name, and names of businesses bought.
    people: Vec<&'a str>,
    acquired: Vec<&'a str>,
}

impl<'a> Said<'a> {
    fn paragraph(&mut self, text: &'a str) {
        let toks = lex::tokenize(text, 0, text.len());
        for (i, tok) in toks.iter().enumerate() {
            if tok.kind != Tok::Word {
                continue;
            }
            // Written lower-case as a word, not in a web address ("www.abbott.com").
            let address = |x: Option<&Token<'_>>| x.is_some_and(|x| (x.sym('.') || x.sym('/') || x.sym('@')) && (x.end == tok.start || x.start == tok.end));
            if !cap(tok) && !address(i.checked_sub(1).map(|k| &toks[k])) && !address(toks.get(i + 1)) {
                *self.lower.entry(tok.text).or_default() += 1;
            }
            // "Rollins' purchase of Orkin": a name ending in s takes the apostrophe alone.
            let apostrophe = tok.text.ends_with('s') && toks.get(i + 1).is_some_and(|x| (x.sym('\'') || x.sym('’')) && x.start == tok.end);
            let possessive = tok.text.strip_suffix("'s").or_else(|| tok.text.strip_suffix("’s")).or(apostrophe.then_some(tok.text));
            let Some(start) = name_start(&toks, i) else { continue };
            let bare = possessive.unwrap_or(tok.text);
            *self.words.entry(bare).or_default() += 1;
            if i.checked_sub(1).is_some_and(|k| toks[k].kind == Tok::Word) && !self.mid.contains(&bare) {
                self.mid.push(bare);
            }
            if toks.get(i + 1).is_some_and(|x| x.sym(',') || x.is("and")) && toks.get(i + 2).is_some_and(cap) {
                *self.listed.entry(bare).or_default() += 1;
            }
            let prev = i.checked_sub(1).map(|k| &toks[k]).filter(|x| cap(x) && x.end + 1 == tok.start && x.text.chars().all(|c| c.is_alphabetic() || c == '&'));
            if let Some(prev) = prev {
                // "Dollar General", as the text writes it (one space between).
                *self.pairs.entry(&text[prev.start..tok.start + bare.len()]).or_default() += 1;
            }
            if acquired_at(&toks, start) {
                self.acquired.push(first_word(&text[toks[start].start..tok.end]));
            }
            if a_person(&toks, i, possessive.is_some()) && !self.people.contains(&bare) {
                self.people.push(bare);
            }
            // Mid-sentence, after a lower-case word ("our Donaldson employees"; not "Our team").
            let lower = |x: &Token<'_>| x.kind == Tok::Word && x.text.starts_with(|c: char| c.is_ascii_lowercase());
            let own = toks.get(i + 1).is_some_and(|x| x.is_any(OWN_PEOPLE)) && start.checked_sub(1).is_some_and(|k| lower(&toks[k]));
            if possessive.is_some() || own {
                let name = &text[toks[start].start..tok.start + bare.len()];
                if name.len() >= 2 {
                    // The word before counts where it is mid-sentence ("at Dollar General's"), not
                    // opening one ("Economic Consulting's record revenues", a segment's).
                    let mid = i >= 2 && toks[i - 2].kind == Tok::Word;
                    self.candidates.push((prev.filter(|_| start == i && mid).map(|x| x.text), name));
                }
            }
        }
    }

    /// How often a name is said: as often as the least said of its words
    /// that name something alone ("Winnebago" of "Winnebago Industries",
    /// "Kingdom" of "United Kingdom", not every "United" of "United
    /// States"); a name of common words only ("Dollar General") as often as
    /// its first two words are said together.
    fn times(&self, name: &str) -> usize {
        let count = |w: &str| self.words.get(first_word(w)).copied().unwrap_or(0);
        let words: Vec<&str> = name.split(' ').filter(|w| *w != "&").collect();
        if let Some(n) = words.iter().filter(|w| w.contains('-') || !no_name_alone(w, &self.lower)).map(|w| count(w)).min() {
            return n;
        }
        match words[..] {
            [a, b, ..] => self.pairs.get(format!("{a} {b}").as_str()).copied().unwrap_or(0),
            _ => count(name),
        }
    }

    /// A candidate as the call names it: a one-word name after a word the
    /// call writes capitalised mid-sentence is the two when it is no name
    /// alone ([`no_name_alone`]) or usually said so ("General" of "at Dollar
    /// General's", "Consulting" of "FTI Consulting's"); said with no such word
    /// before ("Six Flags'" opening a sentence), the word it usually follows;
    /// `None` when a word alone is no name.
    fn named(&self, prev: Option<&'a str>, name: &'a str) -> Option<String> {
        if name.contains([' ', '-']) {
            return Some(name.to_string());
        }
        let n = self.words.get(name).copied().unwrap_or(0);
        let alone = !no_name_alone(name, &self.lower);
        let pair = |p: &str| self.pairs.get(format!("{p} {name}").as_str()).copied().unwrap_or(0);
        let usual = |p: &str| 2 * pair(p) >= n;
        if let Some(p) = prev.filter(|p| self.mid.contains(p)) {
            return (!alone || usual(p)).then(|| format!("{p} {name}")).or_else(|| Some(name.to_string()));
        }
        let before = self.pairs.iter().filter_map(|(k, &c)| k.split_once(' ').filter(|(p, w)| *w == name && self.mid.contains(p)).map(|(p, _)| (c, p))).max_by_key(|&(c, p)| (c, std::cmp::Reverse(p)));
        match before {
            Some((_, p)) if usual(p) => Some(format!("{p} {name}")),
            _ => alone.then(|| name.to_string()),
        }
    }
}

/// The company as the call names itself: the most frequent capitalised name
/// said in the possessive ("Lear's sales", "Deere's fourth quarter") or
/// with its own people after it ("our Donaldson employees"), and never as
/// a business it acquired ("Solaris' technology" of "the acquisition of
/// Solaris Biotech"), a person ("as John mentioned") or a common word.
pub(super) fn possessive_name(t: &Transcript<'_>) -> Option<String> {
    const COMMON: &[&str] = &[
        "today", "company", "year", "quarter", "let", "it", "that", "there", "what", "here", "he", "she", "who", "world",
        "industry", "nation", "country", "america", "americas", "china", "europe", "management", "everyone", "last", "next", "this",
        "covid", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december",
    ];
    let speakers: Vec<String> = t.speakers.iter().map(|s| s.name.to_ascii_lowercase()).collect();
    let mut said = Said::default();
    for turn in t.turns.iter().take(60) {
        for p in &turn.paragraphs {
            said.paragraph(&p.text);
        }
    }
    let mut counts: Vec<(String, usize)> = Vec::new();
    for &(prev, c) in &said.candidates {
        if COMMON.contains(&c.to_ascii_lowercase().as_str()) {
            continue;
        }
        let Some(w) = said.named(prev, c) else { continue };
        let words: Vec<String> = w.split(' ').map(str::to_ascii_lowercase).collect();
        let person = w.split(' ').any(|x| said.people.contains(&x)) || speakers.iter().any(|s| s.split(' ').any(|part| words.iter().any(|x| x == part)));
        // A name of several words listed among others is a part of the business ("our Economic
        // Consulting and Technology segments").
        let part = w.contains(' ') && w.rsplit(' ').next().and_then(|l| said.listed.get(l)).is_some_and(|&n| n >= 3);
        if person || part || said.acquired.contains(&first_word(&w)) || counts.iter().any(|(x, _)| *x == w) {
            continue;
        }
        counts.push((w.clone(), said.times(&w)));
    }
    // Said as often, the name of fewer words ("Harsco", not "Harsco Environmental"), then the one said first.
    let rank = |(w, n): &(String, usize)| (*n, std::cmp::Reverse(w.split(' ').count()));
    counts.into_iter().filter(|&(_, n)| n >= 3).fold(None, |best: Option<(String, usize)>, c| match best {
        Some(b) if rank(&b) >= rank(&c) => Some(b),
        _ => Some(c),
    }).map(|(w, _)| w)
}

/// "**Jessie Wang - MediaTek, Investor Relation**": the company most speakers work for.
pub(super) fn speaker_company(t: &Transcript<'_>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for s in t.speakers.iter().filter(|s| s.role != Role::Analyst) {
        let Some(title) = &s.title else { continue };
        let Some((org, role)) = title.split_once(", ") else { continue };
        if role.contains("Analyst") {
            continue;
        }
        let title_only = org.split_whitespace().all(|w| TITLE_WORDS.contains(&crate::case::lower_str(w).as_str()));
        if org.contains("Research") || org.split_whitespace().count() > 4 || title_only {
            continue;
        }
        match counts.iter_mut().find(|(c, _)| c == org) {
            Some((_, n)) => *n += 1,
            None => counts.push((org.to_string(), 1)),
        }
    }
    counts.into_iter().max_by_key(|&(_, n)| n).map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::transcript::parse;

    fn name(text: &str) -> String {
        possessive_name(&parse(text)).unwrap_or_default()
    }

    /// Names none of these rules were written for: the call's own grammar
    /// decides how many words a possessive names.
    #[test]
    fn a_possessive_names_as_many_words_as_the_call_does() {
        let cases: &[(&str, &str)] = &[
            // A last word the call also writes lower-case takes the word before it.
            ("Sales at Dollar General were up. We thank Dollar General's teams. The general merchandise grew, and general expenses fell. Dollar General's stores grew. Dollar General's margin rose.\n", "Dollar General"),
            ("At Zorbax Widgets, we build. Demand for widgets grew and widgets shipped. Zorbax Widgets' sales rose. Zorbax Widgets' margin rose.\n", "Zorbax Widgets"),
            // A word usually said after the same one: "Six Flags'" opening a sentence.
            ("Six Flags' attendance rose. We thank the Six Flags team. Six Flags' parks opened. At Six Flags, we grow.\n", "Six Flags"),
            ("Waters' sales rose. Water use fell, and water quality rose. Waters' margin rose. At Waters, we grow.\n", "Waters"),
            // A hyphen or '&' joins the words: "Snap-on's", not the segment "RS&I's".
            ("Snap-on's sales grew. RS&I's trade rose. Snap-on is strong. Snap-on's margin rose. We thank Snap-on.\n", "Snap-on"),
            ("Brown & Brown's revenue grew. At Brown & Brown, we serve. Brown & Brown's teams grew.\n", "Brown & Brown"),
            // A name written lower-case only in a web address ("www.quorvia.com") is still a name.
            ("See www.quorvia.com and ir.quorvia.com. Quorvia's sales rose. Quorvia's margin rose. At Quorvia, we grow.\n", "Quorvia"),
        ];
        for (text, want) in cases {
            assert_eq!(name(text), *want, "{text}");
        }
        // A word the call writes lower-case is no name alone: "Industries'" of nothing, "the Americas'".
        assert_eq!(name("The Industries' results rose. The industries we serve grew. The Industries' margin rose. Industries' sales rose.\n"), "");
    }

    /// A name listed among other names is a part of the business ("our
    /// Economic Consulting and Technology segments"), not the company.
    #[test]
    fn a_part_listed_among_parts_is_no_company() {
        let text = "Demand for our Economic Consulting and Technology segments grew. Restructuring, Economic Consulting and Technology rose. \
                    Our Economic Consulting, Technology and Strategic units grew. Economic Consulting's revenues rose. Revenues in Economic Consulting rose.\n";
        assert_eq!(name(text), "");
    }

    /// People and months said in the possessive are not the company.
    #[test]
    fn people_and_months_are_no_company() {
        let text = "Joining me is Rick Cardenas, CFO. Thanks, Rick. As Rick mentioned, sales grew. Rick's comments covered it. \
                    July's sales rose. July's traffic rose. July was strong.\nDarden's sales rose. Darden grew. At Darden, we serve.\n";
        assert_eq!(name(text), "Darden");
        // An acronym is no first name ("UTI's comments" are the company's).
        assert_eq!(name("UTI's comments today may include forecasts. UTI grew. UTI's students rose. At UTI, we teach.\n"), "UTI");
    }

    /// A title-only "company" ("Executive Vice President, Chief Financial Officer") or
    /// an analyst's firm is not the company the speakers' titles give.
    #[test]
    fn speakers_give_their_own_company() {
        let text = "Operator\n\nHello.\n\nJane Roe - Executive Vice President, Chief Financial Officer\n\nThanks.\n\n\
                    John Doe - Acme Corp, Chief Executive Officer\n\nHi.\n\nQuestions and Answers\n\nOperator\n\nFirst question.\n\n\
                    Ann Lee - Big Bank Securities, Analyst\n\nHi.\n\nBob Ray - Big Bank Securities, Analyst\n\nHi.\n";
        let t = parse(text);
        assert_eq!(speaker_company(&t).as_deref(), Some("Acme Corp"), "{:?}", t.speakers);
    }
}
