//! The daily check-in: what one partner logs about one local calendar day,
//! and the rules a check-in must meet before it is stored.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::day;
use crate::entries::vocab::{Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill};
use crate::entries::{Dated, Entry, Table, table};
use crate::error::{Result, invalid};

/// Longest note accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Mood scale: 1 (very low) to 5 (very good).
pub const MOOD_RANGE: std::ops::RangeInclusive<u8> = 1..=5;
/// Intensity of the hardest moment: 0 (calm) to 10 (as heated as it gets).
pub const INTENSITY_RANGE: std::ops::RangeInclusive<u8> = 0..=10;
/// Closeness rating: 1 (far apart) to 5 (very close).
pub const CLOSENESS_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One day's check-in. Each partner has at most one per local day; saving
/// another for the same day replaces my own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckIn {
    /// The local calendar day this check-in is about.
    #[serde(with = "crate::day::compact")]
    pub date: NaiveDate,
    /// Mood, 1–5.
    pub mood: u8,
    /// What I did in the hardest moment.
    pub my_move: Move,
    /// What my partner did, as I saw it.
    pub partner_move: PartnerMove,
    /// Things I did.
    #[serde(default)]
    pub behaviours: Vec<Behaviour>,
    /// Things I felt.
    #[serde(default)]
    pub feelings: Vec<Feeling>,
    /// How heated the hardest moment got, 0–10; `None` when not answered.
    #[serde(default)]
    pub intensity: Option<u8>,
    /// Skills I practised.
    #[serde(default)]
    pub skills: Vec<Skill>,
    /// Whether we found our way back; `None` when not answered.
    #[serde(default)]
    pub repair: Option<Repair>,
    /// The private closeness section; `None` when skipped.
    #[serde(default)]
    pub closeness: Option<Closeness>,
    /// Free text, at most [`MAX_NOTE_CHARS`] characters.
    #[serde(default)]
    pub note: String,
}

impl Entry for CheckIn {
    const TABLE: Table = table!(1, "checkins");
    const LIST: &'static str = "checkins";
    const KEY_FIELD: &'static str = "date";
    const KEY_NAME: &'static str = "day";
    const COUNTS_AS_ENTRY: bool = true;
    fn key(&self) -> String {
        self.date.to_string()
    }
}

/// A check-in's day, alone.
#[derive(Deserialize)]
pub(crate) struct CheckInDay {
    #[serde(with = "crate::day::compact")]
    date: NaiveDate,
}

impl From<CheckInDay> for NaiveDate {
    fn from(d: CheckInDay) -> Self {
        d.date
    }
}

impl Dated for CheckIn {
    type Day = CheckInDay;
    fn day(&self) -> NaiveDate {
        self.date
    }
    fn days_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        crate::entries::days_from(from, to, 1, |_| true)
    }
}

/// The private section on physical and sexual closeness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Closeness {
    /// How close we felt, 1–5; `None` when not answered.
    #[serde(default)]
    pub rating: Option<u8>,
    /// Words for how closeness felt.
    #[serde(default)]
    pub words: Vec<ClosenessWord>,
}

impl CheckIn {
    /// A check-in with only the required answers; every list empty.
    pub fn new(date: NaiveDate, mood: u8, my_move: Move, partner_move: PartnerMove) -> Self {
        CheckIn {
            date,
            mood,
            my_move,
            partner_move,
            behaviours: Vec::new(),
            feelings: Vec::new(),
            intensity: None,
            skills: Vec::new(),
            repair: None,
            closeness: None,
            note: String::new(),
        }
    }

    /// Checks every rule, given the user's local today; returns the
    /// check-in with duplicate codes removed (first occurrence kept).
    pub fn validated(mut self, today: NaiveDate) -> Result<Self> {
        day::check_not_future(crate::error::Field::Date, self.date, today)?;
        if !MOOD_RANGE.contains(&self.mood) {
            return Err(invalid(crate::error::Field::Mood, "must be from 1 to 5"));
        }
        if let Some(i) = self.intensity
            && !INTENSITY_RANGE.contains(&i)
        {
            return Err(invalid(
                crate::error::Field::Intensity,
                "must be from 0 to 10",
            ));
        }
        if let Some(c) = &mut self.closeness {
            if let Some(r) = c.rating
                && !CLOSENESS_RANGE.contains(&r)
            {
                return Err(invalid(
                    crate::error::Field::Closeness,
                    "rating must be from 1 to 5",
                ));
            }
            dedup(&mut c.words);
        }
        check_text(crate::error::Field::Note, &self.note)?;
        dedup(&mut self.behaviours);
        dedup(&mut self.feelings);
        dedup(&mut self.skills);
        Ok(self)
    }
}

/// Refuses text longer than [`MAX_NOTE_CHARS`] characters.
pub(crate) fn check_text(field: crate::error::Field, text: &str) -> Result<()> {
    // Counting stops at the limit, so a huge paste costs no more than the limit.
    if text.chars().nth(MAX_NOTE_CHARS).is_some() {
        return Err(invalid(
            field,
            format!("is longer than {MAX_NOTE_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Removes repeated values, keeping the first of each.
fn dedup<T: PartialEq + Copy>(values: &mut Vec<T>) {
    let mut seen = Vec::with_capacity(values.len());
    values.retain(|v| {
        if seen.contains(v) {
            false
        } else {
            seen.push(*v);
            true
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Error;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn field_of(e: Error) -> &'static str {
        match e {
            Error::InvalidInput { field, .. } => field.code(),
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }

    #[test]
    fn mood_outside_one_to_five_names_the_mood_field() {
        let today = d("2026-03-10");
        for mood in [0, 6, 255] {
            let c = CheckIn::new(today, mood, Move::Neither, PartnerMove::Unknown);
            assert_eq!(field_of(c.validated(today).unwrap_err()), "mood");
        }
        for mood in 1..=5 {
            let c = CheckIn::new(today, mood, Move::Neither, PartnerMove::Unknown);
            assert!(c.validated(today).is_ok());
        }
    }

    #[test]
    fn intensity_above_ten_is_refused_and_zero_to_ten_accepted() {
        let today = d("2026-03-10");
        let mut c = CheckIn::new(today, 3, Move::Pursued, PartnerMove::Withdrew);
        c.intensity = Some(11);
        assert_eq!(
            field_of(c.clone().validated(today).unwrap_err()),
            "intensity"
        );
        c.intensity = Some(0);
        assert!(c.clone().validated(today).is_ok());
        c.intensity = Some(10);
        assert!(c.validated(today).is_ok());
    }

    #[test]
    fn tomorrow_is_allowed_for_time_zones_but_the_day_after_is_not() {
        let today = d("2026-12-31");
        let ok = CheckIn::new(d("2027-01-01"), 3, Move::Both, PartnerMove::Both);
        assert!(ok.validated(today).is_ok());
        let late = CheckIn::new(d("2027-01-02"), 3, Move::Both, PartnerMove::Both);
        assert_eq!(field_of(late.validated(today).unwrap_err()), "date");
    }

    #[test]
    fn note_of_exactly_twenty_thousand_characters_fits_and_one_more_does_not() {
        let today = d("2026-03-10");
        let mut c = CheckIn::new(today, 3, Move::Neither, PartnerMove::Neither);
        // Multi-byte characters: the limit is characters, not bytes.
        c.note = "é".repeat(20_000);
        assert!(c.clone().validated(today).is_ok());
        c.note.push('x');
        let err = c.validated(today).unwrap_err();
        assert!(!err.to_string().contains('é'));
        assert_eq!(field_of(err), "note");
    }

    #[test]
    fn repeated_codes_are_kept_once_in_first_order() {
        let today = d("2026-03-10");
        let mut c = CheckIn::new(today, 3, Move::Neither, PartnerMove::Neither);
        c.skills = vec![Skill::Regulate, Skill::SlowDown, Skill::Regulate];
        let v = c.validated(today).unwrap();
        assert_eq!(v.skills, vec![Skill::Regulate, Skill::SlowDown]);
    }

    #[test]
    fn closeness_rating_outside_one_to_five_is_refused() {
        let today = d("2026-03-10");
        let mut c = CheckIn::new(today, 3, Move::Neither, PartnerMove::Neither);
        c.closeness = Some(Closeness {
            rating: Some(6),
            words: vec![],
        });
        assert_eq!(field_of(c.validated(today).unwrap_err()), "closeness");
    }
}
