//! The figure grammar's tables: what `figures` reads from a phrase, and which of its steps reads it.

use super::super::lex::tokenize;
use super::*;
use super::ranges::{amount_at, between_range, implied_change, replaced_range};

/// Renders the figures of `s` compactly: value[unit] or lo..hi[unit].
fn check(s: &str) -> String {
    let t = tokenize(s, 0, s.len());
    figures(&t)
        .iter()
        .map(|f| {
            let u = match f.dim {
                Dim::Money { cur, explicit } => format!("{}{}", cur.as_str(), if explicit { "" } else { "?" }),
                Dim::PerShare(c) => format!("{}/sh", c.as_str()),
                d => format!("{d:?}"),
            };
            let v = match f.range {
                Some((l, h)) => format!("{l}..{h}"),
                None => format!("{}", f.value),
            };
            format!("{}{v} {u}{}", if f.replaced { "old " } else { "" }, if f.approx { " ~" } else { "" })
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Which step of [`figures`] reads what starts at the first token; each
/// leaves the others' words alone.
#[test]
fn step_table() {
    let cases = [
        ("between $33 million and $35 million", "between_range"),
        ("between a loss of $36 million and a loss of $31 million", "between_range"),
        ("between friends", "nothing"),
        ("from $2.40 to $2.60 per share to $2.55 to $2.65 per share", "replaced_range"),
        ("from $2.40 to $2.60 per share", "nothing"),
        ("flat to down 6%", "implied_change"),
        ("doubled", "implied_change"),
        ("$5 million", "amount_at"),
        ("58 to 60%", "amount_at"),
    ];
    for (s, want) in cases {
        let t = tokenize(s, 0, s.len());
        let mut out = Vec::new();
        let got = if between_range(&t, 0, &mut out).is_some() {
            "between_range"
        } else if replaced_range(&t, 0, &mut out).is_some() {
            "replaced_range"
        } else if implied_change(&t, 0, &mut out).is_some() {
            "implied_change"
        } else {
            amount_at(&t, 0, &mut out);
            if out.is_empty() { "nothing" } else { "amount_at" }
        };
        assert_eq!(got, want, "{s}");
    }
}

#[test]
fn grammar_table() {
    let cases = [
        ("revenue of $32.1 million", "32100000 USD"),
        ("$184.2 million, up 73%", "184200000 USD; 73 Percent"),
        ("between $33 million and $35 million", "33000000..35000000 USD"),
        ("up between 10% to 15%", "10..15 Percent"),
        ("flat to down 6% sequentially", "-6..0 Percent"),
        // A change range whose ends go opposite ways keeps its signs.
        ("between a 4% decline and a 1% increase", "-4..1 Percent"),
        ("a 2% decline to flat", "-2..0 Percent"),
        ("1% decline to increase of 1%", "-1..1 Percent"),
        ("down 2% to up 1%", "-2..1 Percent"),
        ("-4% to +1%", "-4..1 Percent"),
        // Ends the same way that both say their amount.
        ("in the range of plus 5% to plus 7%", "5..7 Percent"),
        ("between negative 0.4% and negative 0.2%", "-0.4..-0.2 Percent"),
        ("a decline of 3% to a decline of 5%", "-5..-3 Percent"),
        ("from our previous guidance of plus 4% to plus 6%", "4 Percent; 6 Percent"),
        // Not a range: a move from one rate to another, or two falls.
        ("from a 2% decline to a 1% increase", "2 Percent; 1 Percent"),
        ("flat to slightly up 2%", "0..2 Percent"),
        ("between a loss of $36 million and a loss of $31 million", "-36000000..-31000000 USD"),
        ("a range of 58% to 60%", "58..60 Percent"),
        ("$2.35 to $2.47 per share", "2.35..2.47 USD/sh"),
        // A year is never a range end: "the same period of 2020 to $263 million" is one amount.
        ("compared to the same period of 2020 to $263 million", "263000000 USD"),
        ("expanded 520 basis points over 2019 to 64%", "520 Bp; 64 Percent"),
        ("1,990 to 2,100 stores", ""),
        ("in the range of $15 and $15.20 per share", "15..15.2 USD/sh"),
        ("$7.30 a share to $7.40 a share", "7.3..7.4 USD/sh"),
        // A range replaced by another: both read whole, the earlier one marked (shown with "old").
        ("from $2.40 to $2.60 per share to $2.55 to $2.65 per share", "old 2.4..2.6 USD/sh; 2.55..2.65 USD/sh"),
        ("from $10.55-$11.15 to $11.40-$12.00", "old 10.55..11.15 USD; 11.4..12 USD"),
        ("from 12% to 16% to new range of 13% to 15%", "old 12..16 Percent; 13..15 Percent"),
        ("from $12 million to $16 million to a new range of $13 million to $15 million", "old 12000000..16000000 USD; 13000000..15000000 USD"),
        ("from 6% to 8%, up to 9% to 10%", "old 6..8 Percent; 9..10 Percent"),
        // Not a range replaced: a change to a level, then another figure.
        ("from 6% to 8%, up to 9%", "6 Percent; 8 Percent; 9 Percent"),
        // "and to" joins a range's ends; "from A to B" alone is a change, not a range.
        ("in the range of $4.20 and to $4.40", "4.2..4.4 USD"),
        ("grew from $2.1 billion to $2.4 billion", "2100000000 USD; 2400000000 USD"),
        // A change and the level it reached: two figures.
        ("increased $62 million to $1.4 billion", "62000000 USD; 1400000000 USD"),
        ("up 10% to 12%", "10..12 Percent"),
        ("58 to 60%", "58..60 Percent"),
        ("$4.75 to $4.87", "4.75..4.87 USD"),
        ("$6.80-$6.90", "6.8..6.9 USD"),
        ("$1.3 billion to $1.7 billion", "1300000000..1700000000 USD"),
        ("1.3 to 1.7 billion", "1300000000..1700000000 USD?"),
        // Digits glued to a letter are a name's: no range from "Q4", no $2 billion from "B2B".
        ("increased 8% in Q4 to $1.133 billion", "8 Percent; 1133000000 USD"),
        ("face-to-face selling, B2B sales", ""),
        ("H1 to $5 million", "5000000 USD"),
        ("down 94 basis points", "94 Bp"),
        ("13 percentage points", "13 Pp"),
        ("140 days", "140 Days"),
        ("approximately 149 million shares", "149000000 Shares ~"),
        ("earnings per share of $0.05", "0.05 USD"),
        ("$0.05 per share", "0.05 USD/sh"),
        ("negative $15.7 million", "-15700000 USD"),
        ("loss of (3.4) million", "-3400000 USD?"),
        ("3 trillion, 31.3 billion yen", "3031300000000 JPY"),
        ("two trillions 730 billion yen", "2730000000000 JPY"),
        ("one trillion, 155 billion yen", "1155000000000 JPY"),
        ("465.2 billion yen", "465200000000 JPY"),
        ("INR 82,000 crores", "820000000000 INR"),
        ("1.87 lakh crores", "1870000000000 USD?"),
        ("17 billion Euros", "17000000000 EUR"),
        ("$24 billion, plus or minus 2%", "23520000000..24480000000 USD"),
        ("46 % plus or minus 1.5 percentage point", "44.5..47.5 Percent"),
        ("nine percent", "9 Percent"),
        ("76.3% and 77% respectively, plus or minus 50 basis points", "75.8..76.8 Percent; 76.5..77.5 Percent"),
        ("twenty-five percent", "25 Percent"),
        ("flat year-over-year", "0 Percent"),
        ("revenue doubled", "100 Percent"),
        ("just over $184 million", "184000000 USD ~"),
        ("US$1.2 billion", "1200000000 USD"),
        ("C$5 million", "5000000 CAD"),
        ("32.1M and 5B", "32100000 USD?; 5000000000 USD?"),
        ("in 2023 we had 20 customers", ""),
        ("from $25 million to $32 million", "25000000 USD; 32000000 USD"),
        // A move said with one scale, at its end: the start takes it, up or down (not a share price's dollars).
        ("increased 10.8% from $155.25 to $172.5 million", "10.8 Percent; 155250000 USD; 172500000 USD"),
        ("fell from $542 to $401 million", "542000000 USD; 401000000 USD"),
        ("from $15 to $172.2 million", "15 USD; 172200000 USD"),
        ("5x", "5 Times"),
        ("down 2 points", "2 Pp"),
        ("14.7 billion dollars", "14700000000 USD"),
    ];
    let mut bad = Vec::new();
    for (input, want) in cases {
        let got = check(input);
        if got != want {
            bad.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(bad.is_empty(), "\n{}", bad.join("\n"));
}
