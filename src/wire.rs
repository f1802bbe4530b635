//! Facts as bytes, whole, for one hand-off inside the page: the worker that
//! read a large input sends its analysis's facts to the page this way (a
//! transferable `ArrayBuffer`, no copy), and the page rebuilds the analysis
//! from them without parsing the transcript again.
//!
//! Why not the facts as a JS object: turning a JS object back into `Facts`
//! needs serde's `Deserialize` for the whole model in the wasm, about 8 KB
//! gzipped, for this one use. Why not a share link: a link leaves out the
//! sentences, offsets and transcript statistics, and caps the facts' count.
//!
//! The form is private to one build of the page (the worker and the page
//! run the same wasm module), so it has no version promise and is never
//! stored: a leading byte [`MAGIC`], then each field in the order of the
//! model; counts, lengths and integers as LEB128 varints, strings as their
//! length and UTF-8 bytes, numbers as their f64 bits (exact), `Option`s with
//! a 0/1 byte, periods and units as their text ([`Period`]'s and [`Unit`]'s
//! `FromStr`).
//! [`from_bytes`] is strict and bounds-checked: wrong bytes give `None`,
//! never a panic.

use crate::facts::{Basis, Fact, Facts, Kind, Measure, Note, Period, Source, SpeakerInfo, TranscriptStats, Unit};

/// The first byte.
pub const MAGIC: u8 = 0xcf;

// A fact's kind, measure and basis are their index in these (2 bits each;
// the basis's third bit is bit 7, above the conflict's).
const KINDS: [Kind; 3] = [Kind::Actual, Kind::Guidance, Kind::Derived];
const MEASURES: [Measure; 3] = [Measure::Level, Measure::Qoq, Measure::Yoy];
const BASES: [Option<Basis>; 5] = [None, Some(Basis::Gaap), Some(Basis::NonGaap), Some(Basis::Organic), Some(Basis::ConstantCurrency)];

fn index_of<T: PartialEq>(all: &[T], x: &T) -> u8 {
    all.iter().position(|a| a == x).unwrap_or(0) as u8
}

/// `facts` as bytes ([`from_bytes`] gives them back, equal).
pub fn to_bytes(facts: &Facts) -> Vec<u8> {
    let mut w = Vec::with_capacity(64 + facts.facts.len() * 96);
    w.push(MAGIC);
    for s in [&facts.schema, &facts.company, &facts.currency, &facts.layout] {
        put_str(&mut w, s);
    }
    put_opt_str(&mut w, facts.call.map(|p| p.to_string()).as_deref());
    put_bool(&mut w, facts.transcript.is_some());
    if let Some(t) = &facts.transcript {
        put_var(&mut w, t.turns);
        put_opt_var(&mut w, t.qa_line);
        put_opt_var(&mut w, t.call_quarter.map(usize::from));
        put_var(&mut w, t.speakers.len());
        for s in &t.speakers {
            put_str(&mut w, &s.name);
            put_opt_str(&mut w, s.title.as_deref());
        }
    }
    put_var(&mut w, facts.facts.len());
    for f in &facts.facts {
        put_str(&mut w, &f.metric);
        put_str(&mut w, &f.segment);
        put_str(&mut w, &f.period.to_string());
        put_str(&mut w, &f.unit.to_string());
        let basis = index_of(&BASES, &f.basis);
        let bits = index_of(&KINDS, &f.kind) | index_of(&MEASURES, &f.measure) << 2 | (basis & 3) << 4 | basis >> 2 << 7;
        w.push(bits | u8::from(f.conflict) << 6);
        for v in [f.value, f.low, f.high] {
            put_bool(&mut w, v.is_some());
            if let Some(v) = v {
                w.extend_from_slice(&v.to_bits().to_le_bytes());
            }
        }
        put_var(&mut w, f.source.line);
        put_opt_var(&mut w, f.source.start);
        put_opt_var(&mut w, f.source.end);
        put_str(&mut w, &f.source.text);
    }
    put_var(&mut w, facts.notes.len());
    for n in &facts.notes {
        put_str(&mut w, &n.kind);
        put_var(&mut w, n.subject.len());
        for &i in &n.subject {
            put_var(&mut w, i);
        }
        put_str(&mut w, &n.message);
        w.push(match n.ok {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        });
        put_opt_str(&mut w, n.period.map(|p| p.to_string()).as_deref());
    }
    w
}

/// The facts [`to_bytes`] wrote; `None` for anything else (nothing trailing,
/// every count within the bytes there are).
pub fn from_bytes(bytes: &[u8]) -> Option<Facts> {
    let mut r = Reader { data: bytes, pos: 0 };
    if r.byte()? != MAGIC {
        return None;
    }
    let (schema, company, currency, layout) = (r.str()?, r.str()?, r.str()?, r.str()?);
    let call = match r.opt_str()? {
        Some(p) => Some(p.parse::<Period>().ok()?),
        None => None,
    };
    let transcript = if r.bool()? {
        let turns = r.var()?;
        let qa_line = r.opt_var()?;
        let call_quarter = match r.opt_var()? {
            Some(q @ 1..=4) => Some(q as u8),
            Some(_) => return None,
            None => None,
        };
        let n = r.count(2)?;
        let mut speakers = Vec::with_capacity(n);
        for _ in 0..n {
            speakers.push(SpeakerInfo { name: r.str()?, title: r.opt_str()? });
        }
        Some(TranscriptStats { turns, speakers, qa_line, call_quarter })
    } else {
        None
    };
    let n = r.count(16)?;
    let mut facts = Vec::with_capacity(n);
    for _ in 0..n {
        let metric = r.str()?;
        let segment = r.str()?;
        let period: Period = r.str()?.parse().ok()?;
        let unit: Unit = r.str()?.parse().ok()?;
        let bits = r.byte()?;
        let kind = KINDS.get(usize::from(bits & 3)).copied()?;
        let measure = MEASURES.get(usize::from(bits >> 2 & 3)).copied()?;
        let basis = BASES.get(usize::from(bits >> 4 & 3 | bits >> 7 << 2)).copied()?;
        let [value, low, high] = [r.opt_f64()?, r.opt_f64()?, r.opt_f64()?];
        let source = Source { line: r.var()?, start: r.opt_var()?, end: r.opt_var()?, text: r.str()? };
        let conflict = bits >> 6 & 1 == 1;
        facts.push(Fact { metric, segment, period, kind, measure, value, low, high, unit, basis, conflict, source });
    }
    let n = r.count(3)?;
    let mut notes = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = r.str()?;
        let k = r.count(1)?;
        let mut subject = Vec::with_capacity(k);
        for _ in 0..k {
            // A subject names one of the facts above.
            subject.push(Some(r.var()?).filter(|&i| i < facts.len())?);
        }
        let message = r.str()?;
        let ok = [None, Some(false), Some(true)].get(usize::from(r.byte()?)).copied()?;
        let period = match r.opt_str()? {
            Some(p) => Some(p.parse::<Period>().ok()?),
            None => None,
        };
        notes.push(Note { kind, subject, message, ok, period });
    }
    (r.pos == bytes.len()).then_some(Facts { schema, company, call, currency, layout, transcript, facts, notes })
}

fn put_var(w: &mut Vec<u8>, mut n: usize) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            w.push(b);
            return;
        }
        w.push(b | 0x80);
    }
}

fn put_bool(w: &mut Vec<u8>, b: bool) {
    w.push(u8::from(b));
}

fn put_opt_var(w: &mut Vec<u8>, n: Option<usize>) {
    put_bool(w, n.is_some());
    if let Some(n) = n {
        put_var(w, n);
    }
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put_var(w, s.len());
    w.extend_from_slice(s.as_bytes());
}

fn put_opt_str(w: &mut Vec<u8>, s: Option<&str>) {
    put_bool(w, s.is_some());
    if let Some(s) = s {
        put_str(w, s);
    }
}

struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.pos)?;
        self.pos += 1;
        Some(b)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    fn var(&mut self) -> Option<usize> {
        let mut n: usize = 0;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    /// A count of items of at least `min_bytes` each: no more than the bytes left allow.
    fn count(&mut self, min_bytes: usize) -> Option<usize> {
        let n = self.var()?;
        (n <= (self.data.len() - self.pos) / min_bytes).then_some(n)
    }

    fn opt_var(&mut self) -> Option<Option<usize>> {
        Some(if self.bool()? { Some(self.var()?) } else { None })
    }

    fn str(&mut self) -> Option<String> {
        let n = self.var()?;
        let end = self.pos.checked_add(n)?;
        let s = std::str::from_utf8(self.data.get(self.pos..end)?).ok()?;
        self.pos = end;
        Some(s.to_string())
    }

    fn opt_str(&mut self) -> Option<Option<String>> {
        Some(if self.bool()? { Some(self.str()?) } else { None })
    }

    fn opt_f64(&mut self) -> Option<Option<f64>> {
        if !self.bool()? {
            return Some(None);
        }
        let end = self.pos.checked_add(8)?;
        let b: [u8; 8] = self.data.get(self.pos..end)?.try_into().ok()?;
        self.pos = end;
        Some(Some(f64::from_bits(u64::from_le_bytes(b))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &Facts, b: &Facts) {
        // Bit for bit: NaN and -0.0 too.
        let bits = |f: &Facts| f.facts.iter().map(|x| [x.value, x.low, x.high].map(|v| v.map(f64::to_bits))).collect::<Vec<_>>();
        assert_eq!(bits(a), bits(b));
        let strip = |f: &Facts| Facts {
            facts: f.facts.iter().map(|x| Fact { value: None, low: None, high: None, ..x.clone() }).collect(),
            ..f.clone()
        };
        assert_eq!(strip(a), strip(b));
    }

    #[test]
    fn facts_of_every_test_call_come_back_whole() {
        let mut texts = vec![include_str!("../www/sample/credo-q4-fy2023.txt").to_string()];
        let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data/dev");
        if let Ok(dir) = std::fs::read_dir(dev) {
            for e in dir.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "txt") && !p.to_string_lossy().ends_with(".summary.txt") {
                    texts.push(std::fs::read_to_string(&p).unwrap_or_default());
                }
            }
        }
        assert!(texts.len() > 1, "the dev calls in {dev}");
        for text in &texts {
            let facts = crate::analyze(text);
            let back = from_bytes(&to_bytes(&facts)).expect("read back");
            same(&facts, &back);
        }
    }

    #[test]
    fn every_field_and_odd_value_travels() {
        let f = |metric: &str, unit: Unit, kind: Kind, measure: Measure, basis: Option<Basis>| Fact {
            metric: metric.into(),
            segment: "ünïcode «seg»".into(),
            period: "CY2024-H2".parse().unwrap(),
            kind,
            measure,
            value: Some(-0.0),
            low: Some(f64::NAN),
            high: Some(f64::INFINITY),
            unit,
            basis,
            conflict: true,
            source: Source { line: 300, start: Some(0), end: Some(1 << 40), text: "line\nbreak".into() },
        };
        let facts = Facts {
            company: "Acme".into(),
            call: Some("LT".parse().unwrap()),
            currency: "EUR".into(),
            layout: "bilingual-lines".into(),
            transcript: Some(TranscriptStats {
                turns: 9,
                speakers: vec![SpeakerInfo { name: "Ann".into(), title: Some("CFO".into()) }, SpeakerInfo { name: "Bo".into(), title: None }],
                qa_line: Some(70),
                call_quarter: Some(3),
            }),
            facts: vec![
                f("revenue", "USD".parse().unwrap(), Kind::Guidance, Measure::Yoy, Some(Basis::NonGaap)),
                f("eps", "JPY/share".parse().unwrap(), Kind::Derived, Measure::Qoq, Some(Basis::Gaap)),
                Fact { value: None, low: None, high: None, conflict: false, source: Source::default(), ..f("x", Unit::Percent, Kind::Actual, Measure::Level, None) },
                // Restated changes keep their basis across (the worker's facts had lost "organic").
                f("revenue", Unit::Percent, Kind::Actual, Measure::Yoy, Some(Basis::Organic)),
                f("revenue", Unit::Percent, Kind::Actual, Measure::Yoy, Some(Basis::ConstantCurrency)),
            ],
            notes: vec![
                Note { kind: "check".into(), subject: vec![0, 2], message: "ok".into(), ok: Some(true), period: None },
                Note { kind: "conflict".into(), subject: vec![1], message: "".into(), ok: None, period: None },
                Note { kind: "withdrawn".into(), subject: Vec::new(), message: "bad".into(), ok: Some(false), period: Some("FY2020".parse().unwrap()) },
            ],
            ..Facts::default()
        };
        same(&facts, &from_bytes(&to_bytes(&facts)).expect("read back"));
        same(&Facts::default(), &from_bytes(&to_bytes(&Facts::default())).expect("empty"));
    }

    #[test]
    fn other_bytes_are_refused_without_a_panic() {
        let good = to_bytes(&crate::analyze(include_str!("../www/sample/credo-q4-fy2023.txt")));
        assert!(from_bytes(&[]).is_none());
        assert!(from_bytes(b"{\"facts\": []}").is_none());
        // Every cut and a trailing byte.
        for n in 0..good.len() {
            assert!(from_bytes(&good[..n]).is_none(), "cut at {n}");
        }
        let mut long = good.clone();
        long.push(0);
        assert!(from_bytes(&long).is_none());
        // Flipped bytes: an answer either way, never a panic.
        for i in (0..good.len()).step_by(7) {
            let mut bad = good.clone();
            bad[i] ^= 0xff;
            let _ = from_bytes(&bad);
        }
        // A note about a fact that is not there.
        let stray = Facts { notes: vec![Note { kind: "check".into(), subject: vec![0], message: String::new(), ok: None, period: None }], ..Facts::default() };
        assert!(from_bytes(&to_bytes(&stray)).is_none());
        // A count far beyond the bytes.
        let mut huge = vec![MAGIC];
        for _ in 0..4 {
            put_str(&mut huge, "");
        }
        huge.extend_from_slice(&[0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f]);
        assert!(from_bytes(&huge).is_none());
    }
}
