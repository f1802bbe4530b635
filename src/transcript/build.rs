//! [`parse`]: the lines classified, the layout detected, then one pass over
//! the lines that a [`Builder`] turns into speakers, turns and paragraphs.

use super::*;

/// Parses a transcript. Never fails.
pub fn parse(text: &str) -> Transcript<'_> {
    parse_keeping(text, &[])
}

/// [`parse`], the speaker lines at `kept` (1-based, sorted) kept whatever
/// the layout: a Chinese-only transcript's English reading has the turns
/// its Chinese speaker lines make.
pub(crate) fn parse_keeping<'a>(text: &'a str, kept: &[usize]) -> Transcript<'a> {
    let mut lines: Vec<Line<'_>> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| Line { no: i + 1, raw: raw.trim_end_matches('\r'), class: classify(raw), kept: kept.binary_search(&(i + 1)).is_ok() })
        .collect();
    let chinese = zh::promote(&mut lines);
    let layout = detect_layout(&lines);
    demote_false_speakers(&mut lines, layout);
    let mut b = Builder::new(layout);
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        match &line.class {
            Class::Blank => b.blank(),
            Class::Header { qa } => b.header_line(line, *qa),
            Class::SkipStart => {
                b.flush();
                b.skipping = true;
                b.header.push((line.no, line.raw.trim().to_string()));
            }
            Class::Meta => {
                b.flush();
                b.header.push((line.no, line.raw.trim().to_string()));
            }
            Class::Cjk => b.translation(line),
            Class::Speaker { name, title, rest } => b.speaker_line(&lines, i, name, title.as_deref(), *rest),
            Class::Text { col } => b.text_line(line, *col),
        }
        i += 1;
    }
    Transcript { chinese, ..b.finish(text) }
}

/// What [`parse`] has built so far, line by line.
struct Builder {
    layout: Layout,
    header: Vec<(usize, String)>,
    /// Titles from a participant list, by name (given to speakers at the end).
    titles: Vec<(String, String)>,
    speakers: Vec<Speaker>,
    turns: Vec<Turn>,
    section: Section,
    qa_line: Option<usize>,
    /// Inside a participant list or other non-speech block.
    skipping: bool,
    last_speaker_line: Option<(usize, String)>,
    para: Option<Paragraph>,
    /// Refinitiv: the speaker whose "Company - Title" line may come next.
    pending_title_for: Option<usize>,
    /// Refinitiv: the speaker whose title may wrap onto the next line.
    wrapped_title_for: Option<usize>,
}

impl Builder {
    fn new(layout: Layout) -> Builder {
        Builder {
            layout,
            header: Vec::new(),
            titles: Vec::new(),
            speakers: Vec::new(),
            turns: Vec::new(),
            section: Section::Prepared,
            qa_line: None,
            skipping: false,
            last_speaker_line: None,
            para: None,
            pending_title_for: None,
            wrapped_title_for: None,
        }
    }

    /// Ends the paragraph being read (into the current turn, or an
    /// anonymous first turn).
    fn flush(&mut self) {
        if let Some(p) = self.para.take() {
            if !p.text.trim().is_empty() {
                if self.turns.is_empty() {
                    let line = p.pieces.first().map_or(1, |x| x.line);
                    self.turns.push(Turn { speaker: None, line, section: Section::Prepared, paragraphs: vec![] });
                }
                if let Some(t) = self.turns.last_mut() {
                    t.paragraphs.push(p);
                }
            }
        }
    }

    fn blank(&mut self) {
        if !matches!(self.layout, Layout::Whisper | Layout::Plain | Layout::Refinitiv) {
            self.flush();
        }
        self.pending_title_for = None;
    }

    fn header_line(&mut self, line: &Line<'_>, qa: bool) {
        self.flush();
        self.skipping = false;
        if qa {
            self.section = Section::Qa;
            self.qa_line.get_or_insert(line.no);
        }
        self.header.push((line.no, line.raw.trim().to_string()));
    }

    /// A CJK line: the translation of the English line before it.
    fn translation(&mut self, line: &Line<'_>) {
        if let Some(p) = self.para.as_mut() {
            if let Some(last) = p.pieces.last() {
                let l = last.line;
                p.translations.push((l, line.raw.trim().to_string()));
            }
        }
    }

    /// Line `i`, shaped like a speaker line: a participant-list entry, a
    /// Refinitiv title line, a doubled speaker line, or a new turn.
    fn speaker_line(&mut self, lines: &[Line<'_>], i: usize, name: &str, title: Option<&str>, rest: Option<usize>) {
        let line = &lines[i];
        // A speaker followed by prose ends a participant list (Seeking Alpha has
        // no section header between the list and the first turn).
        if self.skipping && title.is_none() && rest.is_none() {
            let next = lines[i + 1..].iter().find(|l| !matches!(l.class, Class::Blank));
            if next.is_some_and(|l| matches!(l.class, Class::Text { .. }) && is_prose(l.raw)) {
                self.skipping = false;
            }
        }
        if self.skipping {
            // Participant list entry: "Name - Title", or a name line
            // followed by a "Company - Title" line.
            let t = title.map(str::to_string).or_else(|| lines.get(i + 1).and_then(|n| affiliation_title(n.raw)));
            if let Some(t) = t {
                self.titles.push((name.to_string(), t));
            }
            self.header.push((line.no, line.raw.trim().to_string()));
            return;
        }
        if self.refinitiv_title(lines, i, name, title, rest) {
            return;
        }
        // A doubled speaker line is one speaker line.
        if let Some((prev, prev_raw)) = &self.last_speaker_line {
            if *prev + 1 == line.no && prev_raw == line.raw.trim() && rest.is_none() {
                self.last_speaker_line = Some((line.no, line.raw.trim().to_string()));
                return;
            }
        }
        self.start_turn(line, name, title, rest);
    }

    /// Refinitiv: the line after a name line is "Company - Title", and a
    /// long title wraps onto one more name-shaped line. Whether line `i`
    /// was one of those.
    fn refinitiv_title(&mut self, lines: &[Line<'_>], i: usize, name: &str, title: Option<&str>, rest: Option<usize>) -> bool {
        let line = &lines[i];
        if let (Some(k), Some(t)) = (self.pending_title_for.take(), title.and_then(|_| affiliation_title(line.raw))) {
            if self.speakers[k].title.is_none() {
                self.speakers[k].title = Some(t);
            }
            self.wrapped_title_for = Some(k);
            return true;
        }
        if let Some(k) = self.wrapped_title_for.take() {
            let next_is_text = matches!(lines.get(i + 1).map(|l| &l.class), Some(Class::Text { .. }));
            if title.is_none() && rest.is_none() && next_is_text && !name.eq_ignore_ascii_case("operator") {
                if let Some(t) = self.speakers[k].title.as_mut().filter(|t| !t.ends_with(name)) {
                    t.push(' ');
                    t.push_str(name);
                }
                return true;
            }
        }
        false
    }

    /// A new turn of `name` (a known speaker or a new one) at `line`, with
    /// the speech that follows the name on the same line, if any.
    fn start_turn(&mut self, line: &Line<'_>, name: &str, title: Option<&str>, rest: Option<usize>) {
        self.flush();
        let idx = match self.speakers.iter().position(|s| same_person(&s.name, name)) {
            Some(k) => {
                if self.speakers[k].title.is_none() {
                    self.speakers[k].title = title.map(str::to_string);
                }
                k
            }
            None => {
                let role = if name.eq_ignore_ascii_case("operator") || zh::is_operator(name) { Role::Operator } else { Role::Other };
                self.speakers.push(Speaker { name: name.to_string(), title: title.map(str::to_string), role });
                self.speakers.len() - 1
            }
        };
        self.turns.push(Turn { speaker: Some(idx), line: line.no, section: self.section, paragraphs: vec![] });
        self.last_speaker_line = Some((line.no, line.raw.trim().to_string()));
        self.pending_title_for = if self.layout == Layout::Refinitiv && rest.is_none() { Some(idx) } else { None };
        if let Some(col) = rest {
            let mut p = Paragraph::default();
            let body = &line.raw[col..];
            if !body.trim().is_empty() {
                p.push_line(line.no, line.raw, col, body.trim_end());
                self.para = Some(p);
            }
            if matches!(self.layout, Layout::NameColon | Layout::SpeakerN) {
                self.flush();
            }
        }
    }

    /// A line of text from column `col`: a header line while skipping, a
    /// Refinitiv title line, title lines before the first speaker, speech.
    fn text_line(&mut self, line: &Line<'_>, col: usize) {
        if self.skipping {
            self.header.push((line.no, line.raw.trim().to_string()));
            return;
        }
        self.wrapped_title_for = None;
        if let Some(k) = self.pending_title_for.take() {
            if let Some(t) = affiliation_title(line.raw) {
                if self.speakers[k].title.is_none() {
                    self.speakers[k].title = Some(t);
                }
                self.wrapped_title_for = Some(k);
                return;
            }
        }
        let body = line.raw[col..].trim_end();
        if self.turns.is_empty()
            && self.para.is_none()
            && self.layout != Layout::Plain
            && self.layout != Layout::Whisper
            && self.header.len() < 12
        {
            // Text before the first speaker: title lines.
            self.header.push((line.no, body.trim().to_string()));
        }
        let p = self.para.get_or_insert_with(Paragraph::default);
        p.push_line(line.no, line.raw, col + (body.len() - body.trim_start().len()), body.trim_start());
    }

    /// The transcript: participant-list titles given to their speakers, the
    /// Q&A found by the operator when no header marked it, analysts marked.
    fn finish(mut self, text: &str) -> Transcript<'_> {
        self.flush();
        let Builder { layout, header, titles, mut speakers, mut turns, mut qa_line, .. } = self;
        for (name, title) in titles {
            if let Some(s) = speakers.iter_mut().find(|s| same_person(&s.name, &name)) {
                if s.title.is_none() {
                    s.title = Some(title);
                }
            }
        }
        if qa_line.is_none() {
            qa_line = find_qa_by_operator(&turns, &speakers);
            if let Some(q) = qa_line {
                for t in turns.iter_mut().filter(|t| t.line >= q) {
                    t.section = Section::Qa;
                }
            }
        }
        mark_analysts(&turns, &mut speakers);
        Transcript { text, layout, speakers, turns, qa_line, header, chinese: false }
    }
}

