//! The journal's settings, kept sealed in the journal like every entry.

use chrono::{Datelike, Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::entries::{Entry, Table, table};
use crate::error::{Result, invalid};

/// The day a week starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WeekStart {
    /// ISO weeks, Monday to Sunday (the default).
    #[default]
    Monday,
    /// Sunday to Saturday.
    Sunday,
}

impl WeekStart {
    /// Stable code of the setting.
    pub fn code(self) -> &'static str {
        match self {
            WeekStart::Monday => "monday",
            WeekStart::Sunday => "sunday",
        }
    }

    /// Parses `monday` or `sunday`.
    pub fn parse(text: &str) -> Result<Self> {
        match text.trim() {
            "monday" => Ok(WeekStart::Monday),
            "sunday" => Ok(WeekStart::Sunday),
            _ => Err(invalid(
                crate::error::Field::WeekStart,
                "must be monday or sunday",
            )),
        }
    }

    /// The first and last day of the week holding `day`.
    pub fn week_of(self, day: NaiveDate) -> (NaiveDate, NaiveDate) {
        let first = self.first_day(day);
        (first, crate::day::week_end(first))
    }

    /// The first day of the week holding `day`.
    pub fn first_day(self, day: NaiveDate) -> NaiveDate {
        let back = match self {
            WeekStart::Monday => day.weekday().num_days_from_monday(),
            WeekStart::Sunday => day.weekday().num_days_from_sunday(),
        };
        day.checked_sub_days(Days::new(u64::from(back)))
            .unwrap_or(day)
    }
}

/// Everything the user can set, stored as one sealed record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Settings {
    /// The day weeks start on in summaries and charts.
    #[serde(default)]
    pub week_start: WeekStart,
}

/// The one settings record's natural key.
pub(crate) const SETTINGS_KEY: &str = "settings";

impl Entry for Settings {
    const TABLE: Table = table!(3, "settings");
    const LIST: &'static str = "settings";
    const KEY_FIELD: &'static str = "week_start";
    const KEY_NAME: &'static str = "record";
    const COUNTS_AS_ENTRY: bool = false;
    fn key(&self) -> String {
        SETTINGS_KEY.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_day_of_a_week_follows_the_setting() {
        // 2026-11-25 is a Wednesday.
        let wed: NaiveDate = "2026-11-25".parse().unwrap();
        assert_eq!(
            WeekStart::Monday.first_day(wed),
            "2026-11-23".parse::<NaiveDate>().unwrap()
        );
        assert_eq!(
            WeekStart::Sunday.first_day(wed),
            "2026-11-22".parse::<NaiveDate>().unwrap()
        );
        let sun: NaiveDate = "2026-11-29".parse().unwrap();
        assert_eq!(WeekStart::Sunday.first_day(sun), sun);
        assert_eq!(
            WeekStart::Monday.first_day(sun),
            "2026-11-23".parse::<NaiveDate>().unwrap()
        );
    }
}
