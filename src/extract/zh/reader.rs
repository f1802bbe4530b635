//! The reader of one Chinese line: figures with their scale and currency,
//! metric and period words, change and guidance cues, each written out as
//! the English grammar's words and mapped back to the Chinese bytes.

use super::*;

impl Reader<'_> {
    pub(super) fn rest(&self) -> &str {
        &self.line[self.i..]
    }


    /// Writes `w` for bytes `from..to`, a space before it unless it is punctuation.
    pub(super) fn word(&mut self, w: &str, from: usize, to: usize) {
        if w.is_empty() {
            return;
        }
        let punct = w.starts_with([',', '.', ';', '?', '!', ')', ':']);
        let t = &mut self.out.text;
        if !punct && !t.is_empty() && !t.ends_with([' ', '(', '-', '$']) {
            t.push(' ');
        }
        let at = t.len();
        if self.cap && w.starts_with(|c: char| c.is_ascii_lowercase()) {
            let mut cs = w.chars();
            t.extend(cs.next().map(|c| c.to_ascii_uppercase()));
            t.push_str(cs.as_str());
        } else {
            t.push_str(w);
        }
        if !punct {
            self.cap = false;
        }
        self.out.segs.push(Seg { out: at, len: t.len() - at, from, to });
        self.figure = false;
        self.change = false;
    }

    /// The words held for after the figure, now that it is written.
    pub(super) fn flush_after(&mut self) {
        let after = std::mem::take(&mut self.after);
        // The comparison first, then where on a range: "up 6% sequentially at the midpoint".
        for (w, from, to) in after.iter().filter(|a| !a.0.starts_with("at ")).chain(after.iter().filter(|a| a.0.starts_with("at "))) {
            self.word(w, *from, *to);
        }
    }

    /// A clause ends: what waited for a figure that never came is dropped.
    pub(super) fn clause_end(&mut self) {
        self.after.clear();
        self.between = false;
    }

    pub(super) fn step(&mut self) {
        let start = self.i;
        let Some(raw) = self.rest().chars().next() else { return };
        let c = ascii(raw);
        let len = raw.len_utf8();
        if c.is_whitespace() {
            self.i += len;
            return;
        }
        if c.is_ascii_digit() {
            self.number();
            return;
        }
        match c {
            '。' | '!' | '?' => {
                self.i += len;
                self.clause_end();
                let p = match c { '!' => "!", '?' => "?", _ => "." };
                self.word(p, start, self.i);
                self.cap = true;
                self.guide = false;
                return;
            }
            ',' | '、' | ';' | ':' => {
                self.i += len;
                self.clause_end();
                let p = match c { ';' => ";", ':' => ":", _ => "," };
                self.word(p, start, self.i);
                return;
            }
            '.' if self.rest()[1..].starts_with(|n: char| n.is_whitespace()) || self.rest().len() == 1 => {
                self.i += 1;
                self.clause_end();
                self.word(".", start, self.i);
                self.cap = true;
                self.guide = false;
                return;
            }
            _ => {}
        }
        if crate::transcript::is_cjk(raw) {
            if numeral::may_start(raw) && self.figure_at(start).is_some() {
                self.number();
                return;
            }
            self.cjk();
            return;
        }
        // Latin words, symbols: as written, up to a space or a CJK character.
        let end = self.rest().char_indices().find(|&(_, ch)| ch.is_whitespace() || crate::transcript::is_cjk(ch) || matches!(ascii(ch), ',' | ';' | '(' | ')' | '!' | '?') && ch != raw).map_or(self.line.len(), |(k, _)| self.i + k.max(len));
        let w = &self.line[self.i..end];
        let w = w.strip_suffix('.').filter(|_| end == self.line.len()).unwrap_or(w);
        let end = self.i + w.len();
        self.i = end;
        let w: String = w.chars().map(ascii).collect();
        self.word(&w, start, end);
    }

    /// A CJK phrase: the longest in the lexicon, else skipped.
    pub(super) fn cjk(&mut self) {
        let start = self.i;
        let rest = self.rest();
        let Some(&(key, say)) = longest(rest) else {
            self.i += rest.chars().next().map_or(1, char::len_utf8);
            return;
        };
        self.i += key.len();
        let end = self.i;
        match say {
            Say::Words(w) | Say::Metric(w) => self.word(w, start, end),
            Say::Change(w, after) => {
                self.word(w, start, end);
                self.after.push((after.to_string(), start, end));
                self.change = true;
            }
            Say::After(w) => self.after.push((w.to_string(), start, end)),
            Say::Guide(w) => {
                self.guide = true;
                self.word(w, start, end);
            }
            Say::Versus => {
                // "比第三季減少 1,520 萬美元": "down $15.2 million versus Q3".
                if let Some((p, to)) = self.period_here() {
                    self.i = to;
                    self.after.push((format!("versus {p}"), start, to));
                }
            }
            Say::From => {
                // "從第三季的 72 天": "from 72 days in Q3".
                self.word("from", start, end);
                if let Some((p, to)) = self.period_here() {
                    self.i = to;
                    if self.rest().trim_start().starts_with('的') {
                        self.i += self.rest().len() - self.rest().trim_start().len() + '的'.len_utf8();
                    }
                    self.after.push((format!("in {p}"), end, to));
                }
            }
            Say::Between => {
                self.between = true;
                self.word("between", start, end);
            }
            Say::To => {
                let w = if std::mem::take(&mut self.between) { "and" } else { "to" };
                self.word(w, start, end);
            }
            Say::BetweenEnd => self.between = false,
            Say::Is if self.change => {}
            Say::Is => self.word(if self.guide { "to be" } else { "was" }, start, end),
            Say::IsAbout => self.word(if self.guide { "to be approximately" } else { "was approximately" }, start, end),
            Say::Flat => {
                self.word("flat", start, end);
                self.flush_after();
            }
            Say::In => {
                let clause = clause(self.rest());
                let figure_next = self.rest().trim_start().starts_with(|c: char| ascii(c).is_ascii_digit());
                if figure_next && clause.contains("之間") {
                    self.between = true;
                    self.word("between", start, end);
                } else {
                    self.word("in", start, end);
                }
            }
            Say::Of => {
                if self.figure {
                    self.word("of", start, end);
                }
            }
            Say::PerShare => {
                // "每股 0.05 美元" is "$0.05 per share"; "每股收益" is a metric, matched as longer.
                self.after.push(("per share".to_string(), start, end));
            }
            Say::Period(p) => self.word(p, start, end),
            Say::That => {
                // "產品收入 …，該收入增長了 87%": "product revenue …, which grew 87%".
                let rest = self.rest();
                let next = longest(rest);
                if let Some(&(key, Say::Words(w) | Say::Metric(w))) = next {
                    let sentence = self.out.text.rsplit(['.', '?', '!']).next().unwrap_or("");
                    if sentence.contains(w) {
                        self.i += key.len();
                        self.word("which", start, self.i);
                        return;
                    }
                }
                self.word("that", start, end);
            }
        }
    }

    /// A period said at the reading position (after spaces): its English and where it ends.
    pub(super) fn period_here(&self) -> Option<(String, usize)> {
        let lead = self.rest().len() - self.rest().trim_start().len();
        let at = self.i + lead;
        let rest = &self.line[at..];
        if rest.starts_with(|c: char| ascii(c).is_ascii_digit()) {
            let mut r = Reader { line: self.line, i: at, out: Normalised::default(), cap: false, after: Vec::new(), between: false, guide: false, figure: false, change: false, yuan: self.yuan };
            let (year, to) = r.year()?;
            return Some((year, to));
        }
        let (key, say) = longest(rest)?;
        match say {
            Say::Period(p) => Some((p.to_string(), at + key.len())),
            _ => None,
        }
    }

    /// Digits at the reading position: (text as ASCII, value, decimals, end).
    pub(super) fn digits(&self, at: usize) -> Option<(String, f64, u32, usize)> {
        let mut s = String::new();
        let mut end = at;
        let chars: Vec<(usize, char)> = self.line[at..].char_indices().take(64).map(|(k, c)| (at + k, c)).collect();
        let mut k = 0;
        while k < chars.len() {
            let c = ascii(chars[k].1);
            let next_digit = |n: usize| chars.get(k + n).is_some_and(|&(_, d)| ascii(d).is_ascii_digit());
            let ok = c.is_ascii_digit()
                || c == '.' && next_digit(1) && !s.contains('.')
                || c == ',' && (1..=3).all(next_digit) && !chars.get(k + 4).is_some_and(|&(_, d)| ascii(d).is_ascii_digit()) && !s.contains('.');
            if !ok {
                break;
            }
            s.push(c);
            end = chars[k].0 + chars[k].1.len_utf8();
            k += 1;
        }
        let v = crate::decimal::parse(&s.replace(',', ""))?;
        let dec = s.split_once('.').map_or(0, |(_, d)| d.len() as u32);
        Some((s, v, dec, end))
    }

    /// A year at the reading position, `23 財年`, `2024 年`, with the quarter
    /// or half after it (`24 財年第一季`): its English and where it ends.
    pub(super) fn year(&mut self) -> Option<(String, usize)> {
        let (s, v, _, end) = self.digits(self.i)?;
        if s.contains(['.', ',']) || !(s.len() == 2 || s.len() == 4 && (1990.0..=2100.0).contains(&v)) {
            return None;
        }
        let after = &self.line[end..];
        let lead = after.len() - after.trim_start().len();
        let after = after.trim_start();
        let (fiscal, unit) = ["財年", "財政年度", "會計年度", "年度", "財年度"]
            .iter()
            .filter(|u| after.starts_with(*u))
            .max_by_key(|u| u.len())
            .map(|u| (true, u.len()))
            .or_else(|| {
                // "2024 年", not "年增" (a change) or "年比".
                let y = after.strip_prefix('年')?;
                (!y.starts_with(['增', '減', '比', '成', '對', '衰'])).then_some((false, '年'.len_utf8()))
            })?;
        let year = if s.len() == 2 { format!("'{s}") } else { s.clone() };
        let mut text = if fiscal { format!("fiscal {year}") } else { year };
        let mut to = end + lead + unit;
        let tail = self.line[to..].trim_start();
        let skip = self.line[to..].len() - tail.len();
        if let Some((key, Say::Period(p))) = longest(tail) {
            if p.starts_with('Q') || p.contains("half") {
                text = format!("{text} {}", p.trim_start_matches("the "));
                to += skip + key.len();
            }
        }
        Some((text, to))
    }

    /// A number: a year (`23 財年`), or a figure with its scale, currency and
    /// unit after it (`1.842 億美元`, `三千萬美元`, `58%`, `百分之七點五`,
    /// `245 個基點`, `1.49億股`), or digits as written.
    pub(super) fn number(&mut self) {
        let start = self.i;
        if self.rest().starts_with(|c: char| ascii(c).is_ascii_digit()) {
            if let Some((p, to)) = self.year() {
                self.i = to;
                self.word(&p, start, to);
                return;
            }
            // "5G", "112g", "800G": a name, not a figure.
            let end = self.digits(start).map_or(start, |d| d.3);
            if end > start && self.line[end..].starts_with(|c: char| c.is_ascii_alphabetic()) {
                let to = self.line[end..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(self.line.len(), |k| end + k);
                self.i = to;
                let w = self.line[start..to].to_string();
                self.word(&w, start, to);
                return;
            }
        }
        let Some(mut fig) = self.figure_at(start) else {
            self.i += self.rest().chars().next().map_or(1, char::len_utf8);
            return;
        };
        // "3,300 至 3,500 萬美元", "兩億至三億美元": what is said once at the
        // second end is the first's too.
        if fig.x.cur.is_none() && fig.x.unit.is_none() {
            if let Some(second) = self.range_end(fig.x.end).and_then(|at| self.figure_at(at)) {
                let scale = if fig.x.scale == 1.0 { second.x.scale } else { fig.x.scale };
                fig.x = Suffix { end: fig.x.end, scale, ..second.x };
            }
        }
        self.i = fig.x.end;
        let text = figure_text(&fig.s, fig.v, fig.dec, &fig.x);
        // "58.2% 的毛利率": "gross margin of 58.2%".
        if let Some((metric, from, to)) = self.metric_of() {
            self.word(metric, from, to);
            self.word("of", from, to);
        }
        self.word(&text, start, fig.x.end);
        self.figure = fig.x.scale != 1.0 || fig.x.cur.is_some() || fig.x.unit.is_some();
        // A range's first end: what waits for the figure goes after the second.
        let range = self.range_end(self.i).is_some_and(|at| self.figure_at(at).is_some());
        if self.figure && !range {
            let figure = self.figure;
            self.flush_after();
            self.figure = figure;
        }
    }

    /// Where a range's second end would start after byte `at` (`至`, `到`, a dash).
    pub(super) fn range_end(&self, at: usize) -> Option<usize> {
        let rest = self.line[at..].trim_start();
        let r = ["至", "到", "-", "－", "~", "～"].iter().find_map(|w| rest.strip_prefix(w))?;
        Some(self.line.len() - r.trim_start().len())
    }

    /// A figure at byte `at`: digits (`3,210 萬美元`) or Chinese numerals
    /// (`三千萬美元`, `百分之七十三`, `三成`; only with a scale, currency or
    /// unit, or a decimal point, since `一` is also "a"), with what follows.
    pub(super) fn figure_at(&self, at: usize) -> Option<Figure> {
        let rest = &self.line[at..];
        if rest.starts_with(|c: char| ascii(c).is_ascii_digit()) {
            let (s, v, dec, end) = self.digits(at)?;
            return Some(Figure { s, v, dec, x: self.suffix(end) });
        }
        let percent = |v: f64, end: usize| Figure::read(v, Suffix { scale: 1.0, cur: None, unit: Some("%"), end });
        if let Some(p) = rest.strip_prefix("百分之") {
            let (v, _, len, _) = numeral::numeral(p).filter(|n| n.1 == 1.0)?;
            return Some(percent(v, at + "百分之".len() + len));
        }
        if let Some((v, len)) = numeral::tenths(rest) {
            return Some(percent(v, at + len));
        }
        let (v, big, len, point) = numeral::numeral(rest)?;
        let mut x = self.suffix(at + len);
        if big > 1.0 && x.scale != 1.0 {
            return None;
        }
        let v = if big > 1.0 {
            x.scale = big;
            v / big
        } else {
            v
        };
        (x.scale != 1.0 || x.cur.is_some() || x.unit.is_some() || point).then(|| Figure::read(v, x))
    }

    /// A metric after `的` at the reading position, its words and bytes;
    /// the reading position moves past it.
    pub(super) fn metric_of(&mut self) -> Option<(&'static str, usize, usize)> {
        let rest = self.rest().trim_start();
        let after = rest.strip_prefix('的')?.trim_start();
        let from = self.line.len() - after.len();
        let (key, say) = longest(after)?;
        let Say::Metric(w) = say else { return None };
        self.i = from + key.len();
        Some((w, from, self.i))
    }

    /// The scale, currency and unit after a number ending at `at`.
    pub(super) fn suffix(&self, at: usize) -> Suffix {
        let mut k = at;
        let skip = |k: usize| k + self.line[k..].len() - self.line[k..].trim_start().len();
        let mut out = Suffix { scale: 1.0, cur: None, unit: None, end: at };
        let j = skip(k);
        if let Some(&(w, x)) = SCALES.iter().find(|(w, _)| self.line[j..].starts_with(w)) {
            out.scale = x;
            k = j + w.len();
            out.end = k;
        }
        let j = skip(k);
        if let Some(&(w, c)) = CURRENCIES.iter().filter(|(w, _)| self.line[j..].starts_with(w)).max_by_key(|(w, _)| w.len()) {
            out.cur = Some(if w == "元" { self.yuan } else { c });
            k = j + w.len();
            out.end = k;
        }
        let j = skip(k);
        if let Some(&(w, u)) = UNITS.iter().find(|(w, _)| self.line[j..].starts_with(w) || *w == "%" && self.line[j..].starts_with('％')) {
            out.unit = Some(u);
            out.end = j + if w == "%" { self.line[j..].chars().next().map_or(1, char::len_utf8) } else { w.len() };
        }
        out
    }
}
