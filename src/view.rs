//! The transcript as the page shows it beside the charts: speakers with
//! titles, turns in prepared remarks or Q&A, paragraphs cut into sentences,
//! and every extracted figure marked with the facts it produced.
//!
//! ```text
//! &str ──transcript::parse──▶ Transcript ─┐
//!                       Facts (analyze) ──┴─view──▶ View { speakers, turns, sentences, fact_sentence }
//! ```
//!
//! A figure is found by its fact's `source {line, start, end}` (char offsets
//! in the input line) through the paragraph's pieces, so hard-wrapped lines
//! and speaker prefixes map exactly. The page writes every run as text
//! (never markup), so nothing here escapes anything.

use std::collections::HashMap;

use serde::Serialize;

use crate::facts::Facts;
use crate::text;
use crate::transcript::{self, Paragraph, Role, Section, Transcript};

/// The parsed transcript, ready to display.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct View {
    /// Distinct speakers in order of first appearance.
    pub speakers: Vec<Speaker>,
    /// Turns in order.
    pub turns: Vec<Turn>,
    /// Every sentence, in order; turns refer to them by index.
    pub sentences: Vec<Sentence>,
    /// Per fact (same index as `Facts::facts`): the sentence its figure is in.
    pub fact_sentence: Vec<Option<usize>>,
    /// 1-based line where the Q&A starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qa_line: Option<usize>,
}

/// A speaker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// Name as written.
    pub name: String,
    /// Title, if the transcript gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `"operator"`, `"analyst"` or `"other"` (management, IR, unknown).
    pub role: String,
}

/// One speaker's turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Turn {
    /// Index into [`View::speakers`]; absent for text before the first speaker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<usize>,
    /// 1-based line where the turn starts.
    pub line: usize,
    /// `"prepared"` or `"qa"`.
    pub section: String,
    /// Paragraphs, each a list of indices into [`View::sentences`].
    pub paragraphs: Vec<Vec<usize>>,
}

/// A sentence, as runs of plain text and figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// 1-based input line the sentence starts on.
    pub line: usize,
    /// The sentence's text, cut where figures start and end.
    pub runs: Vec<Run>,
}

/// A piece of a sentence: plain text, or a figure and the facts read from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Indices of the facts whose figure this is (empty for plain text).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<usize>,
}

/// The view of transcript `text` with the figures of `facts` (the facts
/// `analyze(text)` returned) marked. Parses `text`: where the transcript is
/// parsed already (an [`crate::analysis::Analysis`]), use [`view_of`].
pub fn view(text: &str, facts: &Facts) -> View {
    view_of(&transcript::parse(text), facts)
}

/// The view of the parsed transcript `t` with the figures of `facts` (the
/// facts extracted from `t`) marked.
pub fn view_of(t: &Transcript<'_>, facts: &Facts) -> View {
    // Where each input line sits: (turn, paragraph, piece).
    let mut at: HashMap<usize, (usize, usize, usize)> = HashMap::new();
    for (ti, turn) in t.turns.iter().enumerate() {
        for (pi, para) in turn.paragraphs.iter().enumerate() {
            for (k, piece) in para.pieces.iter().enumerate() {
                at.entry(piece.line).or_insert((ti, pi, k));
            }
        }
    }
    // Figure spans per paragraph, in paragraph bytes.
    let mut spans: HashMap<(usize, usize), Vec<Span>> = HashMap::new();
    let mut line_only: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (i, f) in facts.facts.iter().enumerate() {
        let Some(&(ti, pi, k)) = at.get(&f.source.line) else { continue };
        let para = &t.turns[ti].paragraphs[pi];
        // No end: the figure goes on past the end of its line (the
        // extractor keeps positions within one line); mark its first line.
        let line_end = para.pieces.get(k + 1).map_or(para.text.len(), |n| n.at.saturating_sub(1));
        let span = match (f.source.start, f.source.end) {
            (Some(s), Some(e)) if s < e => byte_at(para, k, s).zip(byte_at(para, k, e)),
            (Some(s), None) => byte_at(para, k, s).map(|a| (a, line_end)),
            _ => None,
        };
        match span {
            Some((a, b)) if a < b => spans.entry((ti, pi)).or_default().push((a, b, i)),
            _ => line_only.push((ti, pi, k, i)),
        }
    }

    let mut out = View {
        speakers: t
            .speakers
            .iter()
            .map(|s| Speaker {
                name: s.name.clone(),
                title: s.title.clone(),
                role: match s.role {
                    Role::Operator => "operator",
                    Role::Analyst => "analyst",
                    Role::Other => "other",
                }
                .to_string(),
            })
            .collect(),
        fact_sentence: vec![None; facts.facts.len()],
        qa_line: t.qa_line,
        ..View::default()
    };
    for (ti, turn) in t.turns.iter().enumerate() {
        let mut paragraphs = Vec::new();
        for (pi, para) in turn.paragraphs.iter().enumerate() {
            let figs = spans.get(&(ti, pi)).map(Vec::as_slice).unwrap_or(&[]);
            let mut ids = Vec::new();
            for (a, b) in text::sentences(&para.text) {
                let id = out.sentences.len();
                for &(fa, _, i) in figs {
                    if fa >= a && fa < b {
                        out.fact_sentence[i] = Some(id);
                    }
                }
                for &(_, _, k, i) in line_only.iter().filter(|x| x.0 == ti && x.1 == pi) {
                    let start = para.pieces.get(k).map_or(0, |p| p.at);
                    if out.fact_sentence[i].is_none() && b > start {
                        out.fact_sentence[i] = Some(id);
                    }
                }
                out.sentences.push(Sentence { line: para.locate(a).0, runs: runs(&para.text, a, b, figs) });
                ids.push(id);
            }
            if !ids.is_empty() {
                paragraphs.push(ids);
            }
        }
        if paragraphs.is_empty() && turn.speaker.is_none() {
            continue;
        }
        out.turns.push(Turn {
            speaker: turn.speaker,
            line: turn.line,
            section: match turn.section {
                Section::Prepared => "prepared",
                Section::Qa => "qa",
            }
            .to_string(),
            paragraphs,
        });
    }
    out
}

/// A figure in a paragraph: start and end byte, fact index.
type Span = (usize, usize, usize);

/// The paragraph byte offset of char `col` of the line of piece `k`.
fn byte_at(para: &Paragraph, k: usize, col: usize) -> Option<usize> {
    let piece = para.pieces.get(k)?;
    let end = para.pieces.get(k + 1).map_or(para.text.len(), |n| n.at.saturating_sub(1));
    let text = para.text.get(piece.at..end)?;
    let n = col.checked_sub(piece.col_chars)?;
    if n == text.chars().count() {
        return Some(end);
    }
    text.char_indices().nth(n).map(|(b, _)| piece.at + b)
}

/// `text[a..b]` cut at every figure boundary, each run with the facts
/// whose figure covers it.
fn runs(text: &str, a: usize, b: usize, figs: &[Span]) -> Vec<Run> {
    let mut cuts: Vec<usize> = vec![a, b];
    for &(fa, fb, _) in figs {
        for x in [fa, fb] {
            if x > a && x < b && text.is_char_boundary(x) {
                cuts.push(x);
            }
        }
    }
    crate::order::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Run> = Vec::new();
    for w in cuts.windows(2) {
        let (x, y) = (w[0], w[1]);
        let Some(piece) = text.get(x..y) else { continue };
        let mut facts: Vec<usize> = figs.iter().filter(|(fa, fb, _)| *fa <= x && *fb >= y).map(|f| f.2).collect();
        crate::order::sort(&mut facts);
        facts.dedup();
        match out.last_mut() {
            Some(last) if last.facts == facts => last.text.push_str(piece),
            _ => out.push(Run { text: piece.to_string(), facts }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const CALL: &str = "\
Acme Corp Q4 2023 Earnings Call
Operator
Good day and welcome. I will now hand over to Jane Doe.
Jane Doe - Chief Financial Officer
Thank you. Revenue was $32.1 million in the fourth quarter of 2023, down 41% sequentially.
Gross margin was 58.2%. For the first quarter of 2024 we expect revenue between $33 million and
$35 million.
Operator
Our first question comes from Sam Analyst.
Sam Analyst
What drove the decline in revenue?
Jane Doe - Chief Financial Officer
Lower shipments. Revenue was $32.1 million, as I said.
";

    fn text_of(v: &View, s: usize) -> String {
        v.sentences[s].runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn view_marks_each_figure_in_its_sentence() {
        let facts = crate::analyze(CALL);
        let v = view(CALL, &facts);
        let jane = v.speakers.iter().position(|s| s.name == "Jane Doe").expect("speaker");
        assert_eq!(v.speakers[jane].title.as_deref(), Some("Chief Financial Officer"));
        assert!(v.speakers.iter().any(|s| s.role == "analyst" && s.name == "Sam Analyst"), "{:?}", v.speakers);
        assert!(v.turns.iter().any(|t| t.section == "prepared") && v.turns.iter().any(|t| t.section == "qa"));
        let lines: Vec<usize> = v.turns.iter().map(|t| t.line).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");

        // Every fact with a source position is marked, with exactly its figure's text.
        let src: Vec<&str> = CALL.split('\n').collect();
        for (i, f) in facts.facts.iter().enumerate() {
            let (Some(s), Some(e)) = (f.source.start, f.source.end) else { continue };
            // (A figure without an end goes on past its line: checked below.)
            let sid = v.fact_sentence[i].unwrap_or_else(|| panic!("fact {i} has no sentence: {f:?}"));
            let marked: String =
                v.sentences[sid].runs.iter().filter(|r| r.facts.contains(&i)).map(|r| r.text.as_str()).collect::<Vec<_>>().join(" ");
            let want: String = src[f.source.line - 1].chars().skip(s).take(e - s).collect();
            assert_eq!(marked, want, "fact {i}: {f:?}");
            if f.kind != crate::Kind::Derived {
                assert_eq!(text_of(&v, sid), f.source.text, "fact {i}'s sentence");
            }
        }
        // The range wraps onto the next line: one figure, two pieces of text.
        let guide = facts.facts.iter().position(|f| f.kind == crate::Kind::Guidance && f.metric == "revenue").expect("guide");
        let sid = v.fact_sentence[guide].expect("guide sentence");
        assert!(text_of(&v, sid).contains("between $33 million and $35 million"), "{}", text_of(&v, sid));
        let marked: Vec<&str> = v.sentences[sid].runs.iter().filter(|r| r.facts.contains(&guide)).map(|r| r.text.as_str()).collect();
        assert_eq!(marked, ["between $33 million and"], "the figure's first line");
        // A derived figure points at the change it came from.
        let derived = facts.facts.iter().position(|f| f.kind == crate::Kind::Derived).expect("derived Q3");
        let sid = v.fact_sentence[derived].expect("derived sentence");
        assert!(v.sentences[sid].runs.iter().any(|r| r.facts.contains(&derived) && r.text == "41%"), "{:?}", v.sentences[sid]);
        // Plain text is all there, in order.
        let all: String = (0..v.sentences.len()).map(|s| text_of(&v, s)).collect::<Vec<_>>().join(" ");
        assert!(all.contains("What drove the decline in revenue?"));
    }

    #[test]
    fn view_of_anything_never_panics() {
        let facts = crate::analyze(CALL);
        for text in ["", "\n\n", "Ünïcødé $1.5 million 売上高 3,210 萬美元", "a\r\nb\r\n", CALL] {
            let v = view(text, &facts);
            // Facts of another text are only marked where their positions fit.
            assert_eq!(v.fact_sentence.len(), facts.facts.len());
            for s in &v.sentences {
                assert!(!s.runs.is_empty());
            }
        }
        assert!(view("", &Facts::default()).turns.is_empty());
        // Positions that do not fit the text.
        let mut odd = facts.clone();
        for (k, f) in odd.facts.iter_mut().enumerate() {
            let (s, e, line) = [(Some(90), Some(3), 5), (Some(usize::MAX), None, 6), (Some(2), Some(usize::MAX), 6), (None, Some(4), 99)][k % 4];
            f.source.start = s;
            f.source.end = e;
            f.source.line = line;
        }
        let v = view(CALL, &odd);
        assert!(v.sentences.iter().all(|s| !s.runs.is_empty()));
    }
}
