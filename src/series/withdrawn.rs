//! Withdrawn guides: a call that withdrew its guidance for a period (its
//! `withdrawn` note, `src/extract/withdrawn.rs`) withdrew the guide of that
//! period an earlier call gave. Each figure's guide standing when the
//! withdrawal was said (the latest guide of it before that call) is marked
//! [`Revision::Withdrawn`], unless the withdrawing call guides the figure
//! again itself (a new guide replaces the old one: that is a revision, not a
//! withdrawal). A guide that a later call gives again after the withdrawal
//! is its own and stays unmarked.

use super::figure::same_key;
use super::{Facts, Revision, SeriesFact};
use crate::facts::Kind;

/// Marks the guides the calls' `withdrawn` notes withdrew (`members`: the
/// company's calls, `position`: a call's place in fiscal order).
pub(super) fn mark(facts: &mut [SeriesFact], calls: &[&Facts], members: &[usize], position: &dyn Fn(usize) -> usize) {
    let guides: Vec<usize> = (0..facts.len()).filter(|&i| facts[i].fact.kind == Kind::Guidance).collect();
    for &w in members {
        let at = position(w);
        for period in calls[w].notes.iter().filter(|n| n.kind == "withdrawn").filter_map(|n| n.period) {
            let standing: Vec<usize> = guides
                .iter()
                .copied()
                .filter(|&g| facts[g].fact.period == period && position(facts[g].call) < at)
                .filter(|&g| {
                    let before = position(facts[g].call);
                    // A later guide of the figure before the withdrawal, or the withdrawing call's own.
                    !guides.iter().any(|&h| h != g && same_key(&facts[h].fact, &facts[g].fact) && (before..=at).contains(&position(facts[h].call)) && position(facts[h].call) != before)
                })
                .collect();
            for g in standing {
                facts[g].revision = Some(Revision::Withdrawn);
            }
        }
    }
}
