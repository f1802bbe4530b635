//! The binary form of a link (`v2`, and the older `v1`), before deflate and
//! base64url: the writer ([`to_binary`]) and the strict, bounds-checked
//! reader ([`from_binary`]); the format is documented byte by byte in
//! `share.rs`.

use super::*;

mod parts;
pub(super) use parts::{Col, Parts};
#[cfg(feature = "engine")]
pub(super) use parts::COLS;

#[derive(Default, Clone)]
pub(super) struct Writer {
    pub(super) out: Vec<u8>,
}

impl Writer {
    pub(super) fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    pub(super) fn var(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(b);
                return;
            }
            self.out.push(b | 0x80);
        }
    }
    pub(super) fn str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }
    pub(super) fn period(&mut self, p: Period) -> Result<(), ShareError> {
        let (cal, year, part) = match p {
            Period::LongTerm => {
                self.byte(0);
                return Ok(());
            }
            Period::Fiscal { year, part } => (false, year, part),
            Period::Calendar { year, part } => (true, year, part),
        };
        if !(0..=9999).contains(&year) {
            return Err(ShareError::Unencodable(format!("the year {year} is out of range")));
        }
        let code = match part {
            Part::Year => 1,
            Part::Half(h @ 1..=2) => 1 + h,
            Part::Quarter(q @ 1..=4) => 3 + q,
            _ => return Err(ShareError::Unencodable(format!("the period {p} is not a real period"))),
        };
        self.byte(code + if cal { 8 } else { 0 });
        self.var(zigzag(i64::from(year) - 2000));
        Ok(())
    }
    #[cfg(test)]
    pub(super) fn number(&mut self, v: f64) {
        let mut p = Parts::one(std::mem::take(self));
        number(&mut p, v);
        *self = p.cols.pop().unwrap_or_default();
    }
}

impl Parts<Writer> {
    fn line(&mut self, line: usize) {
        let v = if self.columnar { zigzag(line as i64 - self.line as i64) } else { line as u64 };
        self.line = line;
        self.at(Col::Line).var(v);
    }
}

/// A number: its tag, then its mantissa (or its 8 bytes).
fn number(o: &mut Parts<Writer>, v: f64) {
    match decimal(v) {
        Some((m, e)) => {
            o.at(Col::Tag).byte((e + 128) as u8);
            o.at(Col::Number).var(zigzag(m));
        }
        None => {
            o.at(Col::Tag).byte(0);
            o.at(Col::Number).out.extend_from_slice(&v.to_le_bytes());
        }
    }
}

pub(super) fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

pub(super) fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

/// Powers of ten that are exact doubles.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// Largest decimal exponent a link writes (`10^e` must be an exact double).
const MAX_EXP: i32 = 22;

/// `v` as `m × 10^e` (`|m| < 2^53`, `|e| <= 22`), when that is exactly `v`.
pub(super) fn decimal(v: f64) -> Option<(i64, i32)> {
    if !v.is_finite() {
        return None;
    }
    // The shortest digits that read back as `v`: ("1842", 9) for 1.842e8.
    let (digits, p) = crate::decimal::shortest_digits(v);
    let mut m: i64 = 0;
    for b in digits.bytes() {
        m = m.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    let m = if v.is_sign_negative() { -m } else { m };
    let e = p - digits.len() as i32;
    // Exact, or not at all (-0.0, for one, reads back as +0.0).
    (from_decimal(m, e)?.to_bits() == v.to_bits()).then_some((m, e))
}

/// `m × 10^e`, correctly rounded: both operands are exact doubles, so one
/// multiplication or division rounds once (Clinger's fast path).
pub(super) fn from_decimal(m: i64, e: i32) -> Option<f64> {
    if m.unsigned_abs() >= 1 << 53 || e.unsigned_abs() > MAX_EXP as u32 {
        return None;
    }
    let p = POW10[e.unsigned_abs() as usize];
    Some(if e >= 0 { m as f64 * p } else { m as f64 / p })
}

pub(super) fn unit_code(u: Unit, currency: Currency) -> (u8, Option<Currency>) {
    match u {
        Unit::Percent => (1, None),
        Unit::Bp => (2, None),
        Unit::Pp => (3, None),
        Unit::Days => (4, None),
        Unit::Shares => (5, None),
        Unit::Times => (6, None),
        Unit::Money(c) if c == currency => (7, None),
        Unit::Money(c) => (8, Some(c)),
        Unit::PerShare(c) if c == currency => (9, None),
        Unit::PerShare(c) => (10, Some(c)),
    }
}

/// A name's reference: the [`DICTIONARY`]'s, then `names` (the link's
/// own, added in first use).
fn name_ref<'f>(s: &'f str, names: &mut Vec<&'f str>) -> u64 {
    if let Some(i) = DICTIONARY.iter().position(|d| *d == s) {
        return i as u64;
    }
    let i = names.iter().position(|n| *n == s).unwrap_or_else(|| {
        names.push(s);
        names.len() - 1
    });
    (DICTIONARY.len() + i) as u64
}

/// The name references of a call's facts (metric, segment) and notes (kind).
pub(super) struct Refs {
    facts: Vec<(u64, u64)>,
    notes: Vec<u64>,
}

/// `facts`' [`Refs`], their names added to `names` (at most [`MAX_NAMES`]).
pub(super) fn refs<'f>(facts: &'f Facts, names: &mut Vec<&'f str>) -> Result<Refs, ShareError> {
    let mut refs = Refs { facts: Vec::with_capacity(facts.facts.len()), notes: Vec::with_capacity(facts.notes.len()) };
    for f in &facts.facts {
        let m = name_ref(&f.metric, names);
        refs.facts.push((m, name_ref(&f.segment, names)));
    }
    refs.notes = facts.notes.iter().map(|n| name_ref(&n.kind, names)).collect();
    if names.len() > MAX_NAMES {
        return Err(ShareError::Unencodable(format!("{} distinct names, a link holds at most {MAX_NAMES}", names.len())));
    }
    Ok(refs)
}

/// The currency `facts` are in.
pub(super) fn currency_of(facts: &Facts) -> Result<Currency, ShareError> {
    Currency::from_code(&facts.currency)
        .ok_or_else(|| ShareError::Unencodable(format!("the currency {} is not a three-letter code", crate::i18n::quoted(&facts.currency))))
}

/// A call's flags (bit 0 call present, bit 1 currency other than USD, and
/// `more`), company, call and currency.
pub(super) fn call_header(w: &mut Writer, facts: &Facts, currency: Currency, more: u8) -> Result<(), ShareError> {
    w.byte(u8::from(facts.call.is_some()) | u8::from(currency != Currency::USD) << 1 | more);
    w.str(&facts.company);
    if let Some(p) = facts.call {
        w.period(p)?;
    }
    if currency != Currency::USD {
        w.out.extend_from_slice(&currency.0);
    }
    Ok(())
}

/// `facts` in format `version` (2; 1 leaves the notes' subjects out).
pub(super) fn to_binary(facts: &Facts, state: &ShareState, version: u32) -> Result<Vec<u8>, ShareError> {
    let currency = currency_of(facts)?;
    let mut names: Vec<&str> = Vec::new();
    let refs = refs(facts, &mut names)?;
    let mut w = Writer { out: Vec::with_capacity(64 + facts.facts.len() * 12) };
    w.byte(version as u8);
    call_header(&mut w, facts, currency, state_bits(state, version))?;
    w.var(names.len() as u64);
    for n in &names {
        w.str(n);
    }
    w.var(facts.facts.len() as u64);
    let mut p = Parts::one(w);
    write_facts(&mut p, facts, &refs, currency)?;
    p.cols[0].var(facts.notes.len() as u64);
    write_notes(&mut p, facts, &refs, version)?;
    Ok(p.cols.pop().unwrap_or_default().out)
}

/// Each fact of `facts`, its parts where `o` puts them.
pub(super) fn write_facts(o: &mut Parts<Writer>, facts: &Facts, refs: &Refs, currency: Currency) -> Result<(), ShareError> {
    for (f, &(m, s)) in facts.facts.iter().zip(&refs.facts) {
        o.at(Col::Metric).var(m);
        o.at(Col::Segment).var(s);
        o.at(Col::Period).period(f.period)?;
        let kind = match f.kind {
            Kind::Actual => 0,
            Kind::Guidance => 1,
            Kind::Derived => 2,
        };
        let measure = match f.measure {
            Measure::Level => 0,
            Measure::Qoq => 1,
            Measure::Yoy => 2,
        };
        let basis = match f.basis {
            None => 0,
            Some(Basis::Gaap) => 1,
            Some(Basis::NonGaap) => 2,
            Some(Basis::Organic) => 3,
            // The fifth basis sets bit 7 (links before it never do).
            Some(Basis::ConstantCurrency) => 4,
        };
        o.at(Col::Bits).byte(kind | measure << 2 | (basis & 3) << 4 | u8::from(f.conflict) << 6 | basis >> 2 << 7);
        let (code, own) = unit_code(f.unit, currency);
        let present = u8::from(f.value.is_some()) | u8::from(f.low.is_some()) << 1 | u8::from(f.high.is_some()) << 2;
        o.at(Col::Unit).byte(code | present << 4);
        if let Some(c) = own {
            o.at(Col::Unit).out.extend_from_slice(&c.0);
        }
        for v in [f.value, f.low, f.high].into_iter().flatten() {
            number(o, v);
        }
        o.line(f.source.line);
    }
    Ok(())
}

/// Whether note `n`'s message is the one [`Note::conflict_message`] makes
/// of its one fact (a series link rebuilds it rather than carrying it).
fn rebuilt(n: &Note, facts: &[Fact]) -> bool {
    match n.subject[..] {
        [i] => facts.get(i).is_some_and(|f| n.message == Note::conflict_message(f)),
        _ => false,
    }
}

/// Each note of `facts` in format `version`, its parts where `o` puts them.
pub(super) fn write_notes(o: &mut Parts<Writer>, facts: &Facts, refs: &Refs, version: u32) -> Result<(), ShareError> {
    for (n, &k) in facts.notes.iter().zip(&refs.notes) {
        let has_period = version >= 2 && n.period.is_some();
        let rebuilt = o.columnar && rebuilt(n, &facts.facts);
        let ok = match n.ok {
            None => 0,
            Some(true) => 1,
            Some(false) => 2,
        };
        o.at(Col::NoteState).byte(ok | u8::from(has_period) << 2 | u8::from(rebuilt) << 3);
        o.at(Col::NoteKind).var(k);
        if version >= 2 {
            o.at(Col::Subject).var(n.subject.len() as u64);
            for &i in &n.subject {
                o.at(Col::Subject).var(i as u64);
            }
        }
        if !rebuilt {
            o.at(Col::Message).str(&n.message);
        }
        if let Some(p) = n.period.filter(|_| has_period) {
            o.at(Col::NotePeriod).period(p)?;
        }
    }
    Ok(())
}

pub(super) struct Reader<'a> {
    pub(super) data: &'a [u8],
    pub(super) pos: usize,
}

pub(super) fn ends_early() -> ShareError {
    ShareError::Damaged("the data ends early".into())
}

pub(super) fn invalid(why: impl Into<String>) -> ShareError {
    ShareError::Invalid(why.into())
}

impl<'a> Reader<'a> {
    pub(super) fn left(&self) -> usize {
        self.data.len() - self.pos
    }
    pub(super) fn byte(&mut self) -> Result<u8, ShareError> {
        let b = *self.data.get(self.pos).ok_or_else(ends_early)?;
        self.pos += 1;
        Ok(b)
    }
    pub(super) fn bytes(&mut self, n: usize) -> Result<&'a [u8], ShareError> {
        if self.left() < n {
            return Err(ends_early());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    pub(super) fn var(&mut self) -> Result<u64, ShareError> {
        let mut v = 0u64;
        for i in 0..10 {
            let b = self.byte()?;
            if i == 9 && b > 1 {
                return Err(invalid("a number is too large"));
            }
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(invalid("a number is too large"))
    }
    /// A count of items each at least `min_bytes` long, at most `max`.
    pub(super) fn count(&mut self, what: &str, max: usize, min_bytes: usize) -> Result<usize, ShareError> {
        let n = self.var()?;
        if n > max as u64 {
            return Err(invalid(format!("{n} {what}, at most {max} allowed")));
        }
        let n = n as usize;
        if n.saturating_mul(min_bytes) > self.left() {
            return Err(ends_early());
        }
        Ok(n)
    }
    pub(super) fn str(&mut self) -> Result<String, ShareError> {
        let n = self.var()?;
        if n > MAX_STR as u64 {
            return Err(invalid(format!("a text of {n} bytes, at most {MAX_STR} allowed")));
        }
        let b = self.bytes(n as usize)?;
        let s = std::str::from_utf8(b).map_err(|_| invalid("a text is not UTF-8"))?;
        if s.chars().any(char::is_control) {
            return Err(invalid("a text has control characters"));
        }
        Ok(s.to_string())
    }
    pub(super) fn period(&mut self) -> Result<Period, ShareError> {
        let code = self.byte()?;
        if code == 0 {
            return Ok(Period::LongTerm);
        }
        let (cal, c) = if code >= 8 { (true, code - 8) } else { (false, code) };
        let part = match c {
            1 => Part::Year,
            2 | 3 => Part::Half(c - 1),
            4..=7 => Part::Quarter(c - 3),
            _ => return Err(invalid(format!("unknown period code {code}"))),
        };
        let year = unzigzag(self.var()?).checked_add(2000).ok_or_else(|| invalid("a year is out of range"))?;
        if !(0..=9999).contains(&year) {
            return Err(invalid(format!("the year {year} is out of range")));
        }
        let year = year as i32;
        Ok(if cal { Period::Calendar { year, part } } else { Period::Fiscal { year, part } })
    }
    #[cfg(test)]
    pub(super) fn number(&mut self) -> Result<f64, ShareError> {
        let mut p = Parts::one(Reader { data: self.data, pos: self.pos });
        let v = read_number(&mut p);
        self.pos = p.cols[0].pos;
        v
    }
    fn currency(&mut self) -> Result<Currency, ShareError> {
        let b = self.bytes(3)?;
        if !b.iter().all(u8::is_ascii_uppercase) {
            return Err(invalid("a currency is not a three-letter code"));
        }
        Ok(Currency([b[0], b[1], b[2]]))
    }
}

impl<'a> Parts<Reader<'a>> {
    fn line(&mut self) -> Result<usize, ShareError> {
        let v = self.at(Col::Line).var()?;
        let line = if self.columnar { (self.line as i64).saturating_add(unzigzag(v)) } else { v.try_into().unwrap_or(-1) };
        self.line = line_in_range(line)?;
        Ok(self.line)
    }
}

/// A source line, when it is one (0 to 10^8).
pub(super) fn line_in_range(line: i64) -> Result<usize, ShareError> {
    usize::try_from(line).ok().filter(|l| *l <= 100_000_000).ok_or_else(|| invalid("a line number is out of range"))
}

/// A number: its tag, then its mantissa (or its 8 bytes).
fn read_number(i: &mut Parts<Reader<'_>>) -> Result<f64, ShareError> {
    let tag = i.at(Col::Tag).byte()?;
    let r = i.at(Col::Number);
    let v = if tag == 0 {
        let b = r.bytes(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        f64::from_le_bytes(a)
    } else {
        let m = unzigzag(r.var()?);
        from_decimal(m, i32::from(tag) - 128).ok_or_else(|| invalid("a value is out of range"))?
    };
    if !v.is_finite() {
        return Err(invalid("a value is not a finite number"));
    }
    Ok(v)
}

/// The facts and state of a link in format `version` (its fragment's `vN=`).
pub(super) fn from_binary(data: &[u8], version: u32) -> Result<(Facts, ShareState), ShareError> {
    let mut r = Reader { data, pos: 0 };
    let format = r.byte()?;
    if u32::from(format) != version {
        return Err(invalid(format!("format byte {format}, expected {version}")));
    }
    let flags = r.byte()?;
    let state = state_of(flags, version)?;
    let (company, call, currency) = r.call_header(flags)?;
    let names = Names::read(&mut r)?;
    // A fact is at least 6 bytes: two references, period, flags, unit, line.
    let n = r.count("facts", MAX_FACTS, 6)?;
    let mut p = Parts::one(r);
    let mut facts = Vec::with_capacity(n);
    for _ in 0..n {
        facts.push(fact(&mut p, &names, currency)?);
    }
    let r = &mut p.cols[0];
    let n = r.count("notes", MAX_NOTES, 3)?;
    let mut notes = Vec::with_capacity(n);
    for _ in 0..n {
        let mut note = note(&mut p, &names, version, &facts)?;
        if version == 1 {
            note.subject = v1::subject(&facts, &note.message);
        }
        notes.push(note);
    }
    let left = p.cols[0].left();
    if left != 0 {
        return Err(ShareError::Damaged(format!("{left} unexpected bytes at the end")));
    }
    Ok((call_facts(company, call, currency, facts, notes), state))
}

/// A call's facts as a link gives them.
pub(super) fn call_facts(company: String, call: Option<Period>, currency: Currency, facts: Vec<Fact>, notes: Vec<Note>) -> Facts {
    Facts {
        schema: SCHEMA.to_string(),
        company,
        call,
        currency: currency.as_str().to_string(),
        layout: String::new(),
        transcript: None,
        facts,
        notes,
    }
}

/// `state` as bits 2-7 of a flags byte: charts (2-4; none chosen is all),
/// theme (5-6), Traditional Chinese (7, from v2 on).
pub(super) fn state_bits(state: &ShareState, version: u32) -> u8 {
    let mut charts = 0u8;
    for (i, k) in ChartKind::ALL.iter().enumerate() {
        if state.charts.contains(k) {
            charts |= 1 << i;
        }
    }
    if charts == 0 {
        charts = 0b111;
    }
    let theme = match state.theme {
        ThemeChoice::Auto => 0,
        ThemeChoice::Light => 1,
        ThemeChoice::Dark => 2,
    };
    let zh = u8::from(version >= 2 && state.lang == Some(Lang::ZhTw));
    charts << 2 | theme << 5 | zh << 7
}

/// The chart choice, theme and language in the flags byte (bits 2-4, 5-6,
/// 7; bit 7 is unused in v1).
pub(super) fn state_of(flags: u8, version: u32) -> Result<ShareState, ShareError> {
    if flags & 0x80 != 0 && version < 2 {
        return Err(invalid("unknown flags"));
    }
    let lang = (flags & 0x80 != 0).then_some(Lang::ZhTw);
    let charts_bits = (flags >> 2) & 0b111;
    if charts_bits == 0 {
        return Err(invalid("no chart chosen"));
    }
    let theme = match (flags >> 5) & 0b11 {
        0 => ThemeChoice::Auto,
        1 => ThemeChoice::Light,
        2 => ThemeChoice::Dark,
        _ => return Err(invalid("unknown theme")),
    };
    let charts = ChartKind::ALL.iter().enumerate().filter(|(i, _)| charts_bits & (1 << i) != 0).map(|(_, k)| *k).collect();
    Ok(ShareState { charts, theme, lang })
}

/// The link's own names, after the [`DICTIONARY`]'s.
pub(super) struct Names(Vec<String>);

impl Names {
    pub(super) fn read(r: &mut Reader<'_>) -> Result<Names, ShareError> {
        let n = r.count("names", MAX_NAMES, 1)?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            names.push(r.str()?);
        }
        Ok(Names(names))
    }

    /// Name reference `i`: the dictionary's, then the link's own.
    fn get(&self, i: u64) -> Result<String, ShareError> {
        let i = usize::try_from(i).map_err(|_| invalid("a name reference is out of range"))?;
        match DICTIONARY.get(i) {
            Some(d) => Ok((*d).to_string()),
            None => self.0.get(i - DICTIONARY.len()).cloned().ok_or_else(|| invalid("a name reference is out of range")),
        }
    }
}

impl Reader<'_> {
    /// The call's own currency, when it is not USD (which is never spelt out).
    fn own_currency(&mut self) -> Result<Currency, ShareError> {
        let c = self.currency()?;
        if c == Currency::USD {
            return Err(invalid("USD spelt out"));
        }
        Ok(c)
    }

    /// A call's company, call and currency as its flags (bit 0 call
    /// present, bit 1 currency other than USD) say.
    pub(super) fn call_header(&mut self, flags: u8) -> Result<(String, Option<Period>, Currency), ShareError> {
        let company = self.str()?;
        let call = if flags & 1 != 0 { Some(self.period()?) } else { None };
        let currency = if flags & 2 != 0 { self.own_currency()? } else { Currency::USD };
        Ok((company, call, currency))
    }

    /// Unit code `code` (a currency of its own follows codes 8 and 10).
    fn unit(&mut self, code: u8, currency: Currency) -> Result<Unit, ShareError> {
        Ok(match code {
            1 => Unit::Percent,
            2 => Unit::Bp,
            3 => Unit::Pp,
            4 => Unit::Days,
            5 => Unit::Shares,
            6 => Unit::Times,
            7 => Unit::Money(currency),
            8 => Unit::Money(self.currency()?),
            9 => Unit::PerShare(currency),
            10 => Unit::PerShare(self.currency()?),
            c => return Err(invalid(format!("unknown unit code {c}"))),
        })
    }

}

/// A fact, its parts where `i` finds them.
pub(super) fn fact(i: &mut Parts<Reader<'_>>, names: &Names, currency: Currency) -> Result<Fact, ShareError> {
    let metric = names.get(i.at(Col::Metric).var()?)?;
    let segment = names.get(i.at(Col::Segment).var()?)?;
    let period = i.at(Col::Period).period()?;
    let (kind, measure, basis, conflict) = fact_bits(i.at(Col::Bits).byte()?)?;
    let u = i.at(Col::Unit).byte()?;
    if u & 0x80 != 0 {
        return Err(invalid("unknown unit flags"));
    }
    let unit = i.at(Col::Unit).unit(u & 0x0f, currency)?;
    let present = u >> 4;
    let mut num = |bit: u8| if present & bit != 0 { read_number(i).map(Some) } else { Ok(None) };
    let (value, low, high) = (num(1)?, num(2)?, num(4)?);
    let source = Source { line: i.line()?, start: None, end: None, text: String::new() };
    Ok(Fact { metric, segment, period, kind, measure, value, low, high, unit, basis, conflict, source })
}

/// A note of a link in format `version` about some of its `facts` (a v1
/// note's subject is left empty: it is not in the data), its parts where
/// `i` finds them.
pub(super) fn note(i: &mut Parts<Reader<'_>>, names: &Names, version: u32, facts: &[Fact]) -> Result<Note, ShareError> {
    let state = i.at(Col::NoteState).byte()?;
    let rebuilt = state & 8 != 0 && i.columnar;
    let ok = match state & !(4 | u8::from(rebuilt) << 3) {
        0 => None,
        1 => Some(true),
        2 => Some(false),
        _ => return Err(invalid("unknown note state")),
    };
    let has_period = state & 4 != 0;
    if has_period && version < 2 {
        return Err(invalid("unknown note state"));
    }
    let kind = names.get(i.at(Col::NoteKind).var()?)?;
    let mut subject = Vec::new();
    if version >= 2 {
        let r = i.at(Col::Subject);
        let n = r.count("facts in a note's subject", facts.len(), 1)?;
        for _ in 0..n {
            let at = usize::try_from(r.var()?).ok().filter(|&at| at < facts.len());
            subject.push(at.ok_or_else(|| invalid("a note is about a fact the link does not have"))?);
        }
    }
    let message = match (rebuilt, &subject[..]) {
        (false, _) => i.at(Col::Message).str()?,
        (true, [at]) => Note::conflict_message(&facts[*at]),
        (true, _) => return Err(invalid("a note rebuilt from no one fact")),
    };
    let period = if has_period { Some(i.at(Col::NotePeriod).period()?) } else { None };
    Ok(Note { kind, subject, message, ok, period })
}

/// A fact's flags byte: kind (bits 0-1), measure (2-3), basis (4-5), conflict
/// (6), and bit 7 for the basis in constant currency (with bits 4-5 clear).
fn fact_bits(bits: u8) -> Result<(Kind, Measure, Option<Basis>, bool), ShareError> {
    if bits & 0x80 != 0 && bits & 0x30 != 0 {
        return Err(invalid("unknown fact flags"));
    }
    let kind = match bits & 0b11 {
        0 => Kind::Actual,
        1 => Kind::Guidance,
        2 => Kind::Derived,
        _ => return Err(invalid("unknown fact kind")),
    };
    let measure = match (bits >> 2) & 0b11 {
        0 => Measure::Level,
        1 => Measure::Qoq,
        2 => Measure::Yoy,
        _ => return Err(invalid("unknown measure")),
    };
    let basis = match (bits >> 4) & 0b11 {
        _ if bits & 0x80 != 0 => Some(Basis::ConstantCurrency),
        0 => None,
        1 => Some(Basis::Gaap),
        2 => Some(Basis::NonGaap),
        _ => Some(Basis::Organic),
    };
    Ok((kind, measure, basis, bits & 0x40 != 0))
}

