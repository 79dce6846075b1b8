//! The weekly reflection: the article's gentle questions as structured
//! answers, one reflection per week.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::day;
use crate::entries::checkin::check_text;
use crate::entries::vocab::Who;
use crate::entries::{Dated, Entry, Table, table};
use crate::error::{Result, invalid};

/// Scale for "do hard talks feel safe": 1 (safe) to 5 (overwhelming).
pub const SAFETY_RANGE: std::ops::RangeInclusive<u8> = 1..=5;

/// One week's reflection. Every answer is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reflection {
    /// The first day (Monday) of the week reflected on. Saving normalises
    /// any day of the week to its Monday.
    #[serde(with = "crate::day::compact")]
    pub week_start: NaiveDate,
    /// Who usually brought up concerns about us.
    #[serde(default)]
    pub raises_concerns: Option<Who>,
    /// Who tended to shut down or walk away.
    #[serde(default)]
    pub shuts_down: Option<Who>,
    /// How hard talks felt: 1 safe … 5 overwhelming.
    #[serde(default)]
    pub talk_safety: Option<u8>,
    /// Who felt chased or cornered.
    #[serde(default)]
    pub felt_chased: Option<Who>,
    /// What happened when one of us needed space.
    #[serde(default)]
    pub needing_space: String,
    /// Anything else about the week.
    #[serde(default)]
    pub note: String,
}

impl Reflection {
    /// An empty reflection for the week holding `day`.
    pub fn new(day: NaiveDate) -> Self {
        Reflection {
            week_start: day::monday_of(day),
            raises_concerns: None,
            shuts_down: None,
            talk_safety: None,
            felt_chased: None,
            needing_space: String::new(),
            note: String::new(),
        }
    }

    /// Checks every rule, given the user's local today; returns the
    /// reflection with its week normalised to the Monday.
    pub fn validated(mut self, today: NaiveDate) -> Result<Self> {
        self.week_start = day::monday_of(self.week_start);
        day::check_not_future(crate::error::Field::WeekStart, self.week_start, today)?;
        if let Some(s) = self.talk_safety
            && !SAFETY_RANGE.contains(&s)
        {
            return Err(invalid(
                crate::error::Field::TalkSafety,
                "must be from 1 (safe) to 5 (overwhelming)",
            ));
        }
        check_text(crate::error::Field::NeedingSpace, &self.needing_space)?;
        check_text(crate::error::Field::Note, &self.note)?;
        Ok(self)
    }
}

impl Entry for Reflection {
    const TABLE: Table = table!(2, "reflections");
    const LIST: &'static str = "reflections";
    const KEY_FIELD: &'static str = "week_start";
    const KEY_NAME: &'static str = "week";
    const COUNTS_AS_ENTRY: bool = true;
    fn key(&self) -> String {
        self.week_start.to_string()
    }
}

/// A reflection's week, alone.
#[derive(Deserialize)]
pub(crate) struct ReflectionWeek {
    #[serde(with = "crate::day::compact")]
    week_start: NaiveDate,
}

impl From<ReflectionWeek> for NaiveDate {
    fn from(d: ReflectionWeek) -> Self {
        d.week_start
    }
}

impl Dated for Reflection {
    type Day = ReflectionWeek;
    fn day(&self) -> NaiveDate {
        self.week_start
    }
    fn days_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        crate::entries::days_from(from, to, 7, |d| d.weekday() == chrono::Weekday::Mon)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_day_of_the_week_is_stored_under_its_monday() {
        // 2026-11-29 is a Sunday; its ISO week began on Monday 2026-11-23.
        let r = Reflection::new("2026-11-29".parse().unwrap());
        let v = r.validated("2026-11-30".parse().unwrap()).unwrap();
        assert_eq!(v.week_start, "2026-11-23".parse::<NaiveDate>().unwrap());
    }

    #[test]
    fn safety_outside_one_to_five_names_the_field() {
        let mut r = Reflection::new("2026-11-23".parse().unwrap());
        r.talk_safety = Some(0);
        match r.validated("2026-11-25".parse().unwrap()) {
            Err(crate::Error::InvalidInput { field, .. }) => {
                assert_eq!(field, crate::error::Field::TalkSafety)
            }
            other => panic!("{other:?}"),
        }
    }
}
