//! Withdrawn guidance: "we are withdrawing our full-year 2020 guidance",
//! "we have suspended our outlook", "our guidance remains suspended", "we
//! are no longer providing guidance". A call that says so withdraws the
//! guide of that period that an earlier call gave (`series.rs` marks it);
//! the call's own notes say it (kind `withdrawn`, with the period).
//!
//! One pure function over a sentence's words, [`withdrawn`]: a withdrawal
//! verb whose object is the company's guidance (a guidance noun in the
//! verb's own clause, no other verb or preposition between), not negated
//! nor hypothetical ("we are not withdrawing", "if we were to suspend"),
//! and the period it is about: the one named with the guidance ("our 2020
//! guidance", "guidance for fiscal 2020", "our second quarter and full-year
//! guidance"), else one named earlier in the sentence ("Regarding 2021, we
//! are withdrawing …", "In April 2020, we withdrew …"), else the call's
//! fiscal year (the next in a Q4 call, whose outlook is the next year's).
//! What is no withdrawal of guidance: "withdrawal of cash", "withdrew from
//! the market", "suspended our dividend", "many companies withdrew their
//! guidance".

use super::lex::{self, Token};
use super::period::{self, PeriodRef};
use crate::facts::{Part, Period};

/// Verbs (and nouns) that withdraw.
const VERBS: &[&str] = &[
    "withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing", "withdrawal", "suspend", "suspends", "suspended",
    "suspending", "suspension", "rescind", "rescinds", "rescinded", "rescinding",
];

/// Participles a withdrawn guidance is said with ("our guidance remains suspended").
const PARTICIPLES: &[&str] = &["withdrawn", "suspended", "rescinded"];

/// What a company guides with.
const NOUNS: &[&str] = &["guidance", "outlook", "outlooks", "forecast", "forecasts", "guide"];

/// Words between a guidance noun and a participle: "guidance is being withdrawn".
const BE: &[&str] = &["is", "was", "were", "are", "has", "have", "had", "been", "being", "remain", "remains", "remained", "still", "currently", "also", "now", "temporarily", "formally"];

/// Words that end a verb's object before it reaches a guidance noun: a
/// preposition, a conjunction that opens a clause, a subject.
const BREAKS: &[&str] = &[
    "due", "because", "given", "since", "until", "while", "which", "that", "when", "but", "so", "from", "to", "on", "at",
    "in", "into", "with", "by", "after", "before", "amid", "as", "we", "it", "they", "he", "she", "i", "is", "are", "was",
    "were", "will", "would", "could", "has", "have", "had", "be", "than", "if", "not", "although", "though",
];

/// Past participles that qualify a guide rather than open a clause: "our previously issued guidance".
const QUALIFIERS: &[&str] = &["issued", "announced", "provided", "stated", "communicated", "published", "disclosed", "released", "reported", "established", "initiated", "increased", "raised", "updated", "reaffirmed"];

/// Words before the verb that deny it ("we are not withdrawing", "no plans to withdraw").
const DENIALS: &[&str] = &["not", "never", "no", "without", "nor", "avoid", "avoided"];

/// Words a little before the verb that only suppose it ("if we were to suspend", "whether to withdraw").
const SUPPOSED: &[&str] = &["if", "whether", "unless", "consider", "considering", "considered", "rather", "might", "may", "could", "would", "should"];

/// Words after a guidance noun that still speak of its period: "guidance for the remainder of fiscal 2020".
const TAIL: &[&str] = &["for", "the", "remainder", "rest", "balance", "of", "fiscal", "full", "year", "calendar", "current", "entire", "whole", "this", "and"];

/// The periods whose guidance sentence `s` says is withdrawn, for a call of
/// period `call` (when known); empty when it withdraws none.
pub fn withdrawn(s: &str, call: Option<Period>) -> Vec<Period> {
    if !may_withdraw(s) {
        return Vec::new();
    }
    let t = lex::tokenize(s, 0, s.len());
    let mentions = period::mentions(&t);
    let mut out = Vec::new();
    for v in 0..t.len() {
        let Some((from, to)) = object(&t, v, &mentions) else { continue };
        if denied(&t, v) || t[from..to].iter().any(|x| x.is_any(&["their", "his", "her"])) {
            continue;
        }
        for p in periods(&t, v, (from, to), &mentions, call) {
            if !out.contains(&p) {
                out.push(p);
            }
        }
    }
    out
}

/// A cheap look for the words before tokenizing: most sentences have none.
fn may_withdraw(s: &str) -> bool {
    ["ithdr", "ITHDR", "uspen", "USPEN", "escind", "ESCIND", "longer", "LONGER"].iter().any(|w| s.contains(w))
}

/// The tokens of the guidance withdrawn by a verb at `v` (its object, with
/// the words about its period after it), as a range; `None` when `v` is no
/// withdrawal of guidance.
fn object(t: &[Token<'_>], v: usize, mentions: &[period::Mention]) -> Option<(usize, usize)> {
    let no_longer = v >= 2 && t[v - 2].is("no") && t[v - 1].is("longer") && ["provid", "giv", "issu", "offer"].iter().any(|w| t[v].text.to_ascii_lowercase().starts_with(w));
    if !(t[v].is_any(VERBS) || no_longer) {
        return None;
    }
    // Said after the guidance: "our 2020 guidance was withdrawn", "our guidance withdrawal".
    if t[v].is_any(PARTICIPLES) || t[v].is_any(&["withdrawal", "suspension"]) {
        let mut k = v;
        while k > 0 && v - k < 4 && t[k - 1].is_any(BE) {
            k -= 1;
        }
        if k > 0 && t[k - 1].is_any(NOUNS) && (k < v || t[v].is_any(&["withdrawal", "suspension"])) {
            let mut from = k - 1;
            while from > 0 && k - 1 - from < 6 && !breaks(&t[from - 1]) {
                from -= 1;
            }
            return Some((from, k));
        }
    }
    // Said before it: "withdrawing our full-year 2020 guidance", "the withdrawal of guidance".
    let mut n = v + 1;
    while n < t.len() && n - v <= 8 && !t[n].is_any(NOUNS) {
        if breaks(&t[n]) && !(t[n].is("of") || t[n].is("for") && t[n - 1].is_any(&["withdrawal", "suspension"])) {
            return None;
        }
        n += 1;
    }
    if n >= t.len() || !t[n].is_any(NOUNS) {
        return None;
    }
    let mut end = n + 1;
    let dated = |k: usize| mentions.iter().any(|m| (m.first..m.last).contains(&k));
    while end < t.len() && end - n <= 8 && (t[end].is_any(TAIL) || t[end].kind == lex::Tok::Num || t[end].sym('\'') || dated(end)) {
        end += 1;
    }
    Some((v + 1, end))
}

/// Whether a token ends a verb's object: punctuation of a clause, a
/// preposition or a new clause's word, a past verb that is no qualifier.
fn breaks(x: &Token<'_>) -> bool {
    match x.kind {
        lex::Tok::Sym => [',', ';', ':', '(', ')', '.', '?', '!'].iter().any(|&c| x.sym(c)) || x.text == "—",
        lex::Tok::Word => {
            let past = x.text.len() > 4 && x.text.to_ascii_lowercase().ends_with("ed") && !x.is_any(QUALIFIERS) && !x.is_any(VERBS);
            x.is_any(BREAKS) || x.is("of") || x.is("for") || past || x.text.ends_with("n't")
        }
        lex::Tok::Num => false,
    }
}

/// Whether the words before verb `v` in its clause deny it (three words)
/// or only suppose it (five).
fn denied(t: &[Token<'_>], v: usize) -> bool {
    let start = t[..v].iter().rposition(|x| x.kind == lex::Tok::Sym && !x.sym('\'') && !x.sym('’')).map_or(0, |i| i + 1);
    let no_longer = v >= 2 && t[v - 2].is("no") && t[v - 1].is("longer");
    let near = &t[v.saturating_sub(3).max(start)..v];
    let denial = near.iter().any(|x| (x.is_any(DENIALS) && !(no_longer && x.is("no"))) || x.text.ends_with("n't") || x.text.ends_with("n’t"));
    denial || t[v.saturating_sub(5).max(start)..v].iter().any(|x| x.is_any(SUPPOSED))
}

/// The periods of a withdrawal: those named in its object `from..to`, else
/// before verb `v`, else the call's guided year (a guide withdrawn earlier,
/// "our rescinded guidance", is the call's own year's, even in a Q4 call).
fn periods(t: &[Token<'_>], v: usize, (from, to): (usize, usize), mentions: &[period::Mention], call: Option<Period>) -> Vec<Period> {
    let q4 = call.and_then(|c| c.part()) == Some(Part::Quarter(4));
    let resolve = |m: &period::Mention| match m.what {
        // "last year" is a year here, never the year-ago quarter; a Q4 call is
        // held in the next year, so its "last year" is the year it reports.
        PeriodRef::PrevYear => call.and_then(|c| c.year_number()).map(|y| Period::year(if q4 { y } else { y - 1 })),
        PeriodRef::LongTerm | PeriodRef::NineMonths => None,
        PeriodRef::Abs(p) => Some(p),
        what => period::resolve(what, call, None, true),
    };
    let within = |a: usize, b: usize| mentions.iter().filter(|m| m.first >= a && m.last <= b && !m.comparison).filter_map(resolve).collect::<Vec<_>>();
    let own = within(from.min(v), to);
    if !own.is_empty() {
        return own;
    }
    let before = within(0, from.min(v));
    if !before.is_empty() {
        return before;
    }
    let earlier = v > 0 && t[v - 1].is_any(&["our", "the", "its", "previously", "recently", "formerly"]);
    period::resolve(PeriodRef::ThisYear, call, None, !earlier).into_iter().filter(|p| p.part() == Some(Part::Year)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real phrasings (the corpus's 2020 calls and others) and what each withdraws, in a call
    /// of the period given; "-" for none.
    #[test]
    fn withdrawals_and_what_is_none() {
        let cases = [
            // Withdrawals, the period named with the guidance.
            ("We are withdrawing our full-year 2020 guidance.", "FY2020-Q1", "FY2020"),
            ("Due to economic uncertainty, we have withdrawn our revenue guidance for the remainder of 2020.", "FY2020-Q1", "FY2020"),
            ("Given the many rapidly changing variables related to the pandemic, we are currently not in a position to accurately forecast the future impacts of the pandemic and are therefore withdrawing our full year fiscal 2020 financial guidance.", "FY2020-Q2", "FY2020"),
            ("As we announced in our business update on April 22nd, we have withdrawn our guidance for fiscal 2020.", "FY2020-Q1", "FY2020"),
            ("Regarding 2021, we are withdrawing our prior 2021 forecast as a result of today's announcement regarding the potential sale of the U.S. business.", "FY2021-Q2", "FY2021"),
            ("As previously disclosed, we withdrew our 2020 guidance on April 3 due to the uncertainty that the pandemic would have on our existing guidance.", "FY2020-Q1", "FY2020"),
            ("Accordingly, while we remain confident in the fundamental strength and underlying drivers of our business, we have withdrawn our 2020 full year guidance issued back in February.", "FY2020-Q1", "FY2020"),
            ("Due to the significant uncertainty regarding the impact that COVID-19 would have on our end-market demand and supply chain, on March 27, 2020, we suspended guidance for 2020.", "FY2020-Q1", "FY2020"),
            ("We withdrew our 2020 AFFO per share guidance range in conjunction with our first quarter 2020 results, and given the continued uncertainty related to the COVID-19 pandemic, we are not reinstating guidance at this time.", "FY2020-Q2", "FY2020"),
            ("Because of the timing of the pandemic aligned with the time in our fiscal year in which we recognize the majority of our revenue, we withdrew our fiscal year '20 financial outlook.", "FY2020-Q3", "FY2020"),
            ("And as a result we continue to suspend our 2020 full year guidance.", "FY2020-Q2", "FY2020"),
            ("Just to remind everyone, on March 17, we temporarily suspended the 2021 guidance to reflect the significant uncertainty of Uri.", "FY2021-Q1", "FY2021"),
            ("Finally, due to the timing of the closing of the merger and the challenge of determining correct guidance for a partial quarter we are suspending our 2021 guidance.", "FY2021-Q3", "FY2021"),
            // The period said before the verb, or none: the call's year (the next one in a Q4 call).
            ("For 2020, Pentair has withdrawn its guidance.", "FY2020-Q1", "FY2020"),
            ("Given the uncertainty created by COVID-19, we are withdrawing our annual outlook.", "FY2020-Q1", "FY2020"),
            ("We have withdrawn guidance due to the uncertain trajectory of the virus.", "FY2020-Q2", "FY2020"),
            ("On March 27, we withdrew our guidance due to the uncertainty driven by the pandemic.", "FY2020-Q1", "FY2020"),
            ("As you may recall, on March the 27 of last year, we withdrew our guidance due to the uncertainty driven by the coronavirus pandemic.", "FY2021-Q1", "FY2020"),
            ("While we have suspended our guidance until better visibility returns, we wanted to provide some of our current planning assumptions.", "FY2020-Q2", "FY2020"),
            ("As previously reported, we are no longer providing guidance due to continued uncertainty surrounding COVID-19.", "FY2020-Q2", "FY2020"),
            ("Our guidance remains suspended.", "FY2020-Q3", "FY2020"),
            ("Our full-year guidance was withdrawn in April.", "FY2020-Q1", "FY2020"),
            ("We are withdrawing the guidance we gave in February.", "FY2019-Q4", "FY2020"),
            ("Given the current environment, we've elected to suspend quarterly guidance for the second quarter.", "FY2020-Q1", "FY2020-Q2"),
            ("As you may recall, on March the 27 of last year, we withdrew our guidance.", "FY2020-Q4", "FY2020"),
            ("Adjusted OIBDA of $286.2 million was at the high end of our rescinded guidance.", "FY2020-Q4", "FY2020"),
            ("We will not provide an update to our previously suspended fiscal 2021 earnings and sales guidance range.", "FY2021-Q3", "FY2021"),
            // Two periods: the quarter's guide and the year's; the reduced quarter is no withdrawal.
            ("As such, we withdrew our second quarter and full-year guidance late in March and will not be providing new detailed financial third quarter or full-year guidance on this call.", "FY2020-Q1", "FY2020-Q2 FY2020"),
            ("March was impacted by postponements, causing us to reduce our original guidance for the first quarter and withdraw our full-year guidance.", "FY2020-Q1", "FY2020"),
            // None: denied, supposed, another's, or not guidance at all.
            ("We are not withdrawing our guidance.", "FY2020-Q1", "-"),
            ("Unlike many of our peers, we did not withdraw our full-year outlook.", "FY2020-Q1", "-"),
            ("We have no plans to withdraw our 2020 guidance.", "FY2020-Q1", "-"),
            ("We aren't suspending our outlook.", "FY2020-Q1", "-"),
            ("If we were to suspend guidance, we would say so.", "FY2020-Q1", "-"),
            ("The withdrawal of cash from the joint venture reduced our outlook for liquidity.", "FY2020-Q1", "-"),
            ("Net withdrawals of cash were $12 million in the quarter.", "FY2020-Q1", "-"),
            ("We withdrew from the market in Brazil last year, and our outlook for the region is unchanged.", "FY2020-Q1", "-"),
            ("We suspended our share repurchase program, and our guidance is unchanged.", "FY2020-Q1", "-"),
            ("We suspended production at two plants in March.", "FY2020-Q1", "-"),
            ("Many companies have withdrawn their guidance this year.", "FY2020-Q1", "-"),
            ("Our guidance is not withdrawn.", "FY2020-Q1", "-"),
            ("We expect revenue of $5 billion, and the outlook assumes no further suspensions.", "FY2020-Q1", "-"),
            ("We are no longer seeing the supply constraints that weighed on our outlook.", "FY2021-Q3", "-"),
        ];
        let mut bad = Vec::new();
        for (s, call, want) in cases {
            let got = withdrawn(s, call.parse().ok()).iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
            let got = if got.is_empty() { "-".to_string() } else { got };
            if got != want {
                bad.push(format!("{s:?} ({call}): got {got}, want {want}"));
            }
        }
        assert!(bad.is_empty(), "\n{}", bad.join("\n"));
    }

    #[test]
    fn a_call_of_unknown_period_withdraws_only_what_it_names() {
        assert_eq!(withdrawn("We are withdrawing our 2020 guidance.", None), [Period::year(2020)]);
        assert!(withdrawn("We are withdrawing our guidance.", None).is_empty());
        assert!(withdrawn("", None).is_empty() && withdrawn("withdraw", None).is_empty() && withdrawn("guidance withdrawn", None).is_empty());
    }
}
