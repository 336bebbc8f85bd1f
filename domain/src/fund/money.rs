//! Money as the fund counts it: whole fen (分) in an `i64`, never a float. Typed amounts are read
//! in yuan with at most two decimals ("12,000", "3500.5", "¥800.00"); written back the same way.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Sub};

use serde::{Deserialize, Serialize};

/// An amount of money in fen (1 yuan = 100 fen).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fen(pub i64);

/// The largest amount anything in the fund may be: ten billion yuan, far above any district's
/// budget and far below where sums of many amounts could overflow.
pub const MAX_FEN: i64 = 1_000_000_000_000;

impl Fen {
    /// Reads yuan as typed: digits with an optional decimal point and at most two decimals;
    /// thousands commas, a leading ¥/￥ and a trailing 元 are allowed. `None` for anything else,
    /// negative amounts, and amounts above [`MAX_FEN`].
    pub fn parse_yuan(text: &str) -> Option<Fen> {
        let text = text.trim();
        let text = text.strip_prefix('¥').or_else(|| text.strip_prefix('￥')).unwrap_or(text).trim_start();
        let text = text.strip_suffix('元').unwrap_or(text).trim_end();
        let digits: String = text.chars().filter(|c| *c != ',' && *c != '，').collect();
        let (whole, cents) = digits.split_once('.').unwrap_or((&digits, ""));
        let ascii_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || whole.len() > 13 || cents.len() > 2 || !ascii_digits(whole) || !ascii_digits(cents) {
            return None;
        }
        let cents = format!("{cents:0<2}");
        let fen = whole.parse::<i64>().ok()?.checked_mul(100)?.checked_add(cents.parse::<i64>().ok()?)?;
        (fen <= MAX_FEN).then_some(Fen(fen))
    }

    /// `percent` % of this amount, for staged payments.
    pub fn share(self, percent: u32) -> Fen {
        // Rounded down to the fen: the last stage takes what the others leave.
        Fen(self.0 * i64::from(percent) / 100)
    }
}

impl fmt::Display for Fen {
    /// `12,345.60`: yuan with thousands commas and two decimals.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        write!(f, "{sign}{grouped}.{:02}", abs % 100)
    }
}

impl Add for Fen {
    type Output = Fen;
    fn add(self, other: Fen) -> Fen {
        Fen(self.0 + other.0)
    }
}

impl Sub for Fen {
    type Output = Fen;
    fn sub(self, other: Fen) -> Fen {
        Fen(self.0 - other.0)
    }
}

impl Sum for Fen {
    fn sum<I: Iterator<Item = Fen>>(iter: I) -> Fen {
        iter.fold(Fen(0), Add::add)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn yuan_are_read_as_people_type_them() {
        assert_eq!(Fen::parse_yuan("12,000"), Some(Fen(1_200_000)));
        assert_eq!(Fen::parse_yuan(" ¥3500.5 "), Some(Fen(350_050)));
        assert_eq!(Fen::parse_yuan("800.00元"), Some(Fen(80_000)));
        assert_eq!(Fen::parse_yuan("0.01"), Some(Fen(1)));
        for bad in ["", "-5", "1.234", "1e5", "12,00.0.0", "五百", "１２", "99999999999999", ".5", "NaN"] {
            assert_eq!(Fen::parse_yuan(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn amounts_are_written_with_commas_and_two_decimals() {
        assert_eq!(Fen(1_234_560).to_string(), "12,345.60");
        assert_eq!(Fen(5).to_string(), "0.05");
        assert_eq!(Fen(100_000_000).to_string(), "1,000,000.00");
        assert_eq!(Fen(-150).to_string(), "-1.50");
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(fen in 0..MAX_FEN) {
            prop_assert_eq!(Fen::parse_yuan(&Fen(fen).to_string()), Some(Fen(fen)));
        }

        #[test]
        fn reading_never_panics(text in "\\PC{0,24}") {
            let _ = Fen::parse_yuan(&text);
        }
    }
}
