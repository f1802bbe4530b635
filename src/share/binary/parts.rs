//! Where each part of a link's facts and notes is written or read: one
//! stream (a call's link) or a column per part (a series link, v4).

/// The parts of a link's facts and notes. A call's link (v1, v2) writes a
/// fact's parts one after another; a series link (v4) writes each part of
/// all its calls' facts as a column of its own, which deflate packs far
/// better (like follows like).
#[derive(Clone, Copy)]
pub(in crate::share) enum Col {
    Metric,
    Segment,
    Period,
    Bits,
    Unit,
    Tag,
    Number,
    Line,
    NoteState,
    NoteKind,
    Subject,
    Message,
    NotePeriod,
}

/// How many [`Col`]s there are.
#[cfg(feature = "engine")]
pub(in crate::share) const COLS: usize = 13;

/// Where each part of the facts and notes ([`Col`]) is written or read:
/// one stream for a call's link (v1, v2: `cols` is one writer or reader),
/// a column each for a series link (v4), where a fact's line is the change
/// from the call's fact before and a conflict note's message is rebuilt
/// rather than carried. One type for both, so the code of each part is
/// there once.
pub(in crate::share) struct Parts<T> {
    pub(in crate::share) cols: Vec<T>,
    pub(super) columnar: bool,
    /// The line of the call's fact before (columns only).
    pub(in crate::share) line: usize,
}

impl<T> Parts<T> {
    /// One stream.
    pub(in crate::share) fn one(t: T) -> Parts<T> {
        Parts { cols: vec![t], columnar: false, line: 0 }
    }
    /// A column per part.
    #[cfg(feature = "engine")]
    pub(in crate::share) fn columns(cols: Vec<T>) -> Parts<T> {
        Parts { cols, columnar: true, line: 0 }
    }
    pub(super) fn at(&mut self, c: Col) -> &mut T {
        &mut self.cols[if self.columnar { c as usize } else { 0 }]
    }
}
