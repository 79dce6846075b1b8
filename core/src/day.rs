//! Local calendar days and the clock: which day is "today" for the user,
//! and the rule that nothing is logged for a day beyond tomorrow.

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};

use crate::error::{Result, invalid};

/// Earliest day a journal accepts.
pub const EARLIEST: NaiveDate = match NaiveDate::from_ymd_opt(1900, 1, 1) {
    Some(d) => d,
    None => panic!("1900-01-01 is a valid date"),
};

/// Where "now" comes from; tests hand in a fixed one.
pub trait Clock: Send + Sync {
    /// The user's local calendar day.
    fn today(&self) -> NaiveDate;
    /// The current instant, for save times.
    fn now(&self) -> DateTime<Utc>;
}

/// The system clock, with the machine's local time zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn today(&self) -> NaiveDate {
        chrono::Local::now().date_naive()
    }
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock stopped at one instant and one local day.
#[derive(Debug, Clone, Copy)]
pub struct FixedClock {
    /// The local day it reports.
    pub today: NaiveDate,
    /// The instant it reports.
    pub now: DateTime<Utc>,
}

impl FixedClock {
    /// A clock whose local day is `today`, at noon UTC of that day.
    pub fn on(today: NaiveDate) -> Self {
        let now = today
            .and_hms_opt(12, 0, 0)
            .map(|t| t.and_utc())
            .unwrap_or_default();
        FixedClock { today, now }
    }
}

impl Clock for FixedClock {
    fn today(&self) -> NaiveDate {
        self.today
    }
    fn now(&self) -> DateTime<Utc> {
        self.now
    }
}

/// The Monday that starts the ISO week holding `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}

/// The last day of the week that starts on `first` (six days later).
pub fn week_end(first: NaiveDate) -> NaiveDate {
    first.checked_add_days(Days::new(6)).unwrap_or(first)
}

/// Refuses a day after tomorrow (a traveller may be a day ahead of the
/// phone's zone) or before [`EARLIEST`].
pub fn check_not_future(
    field: crate::error::Field,
    day: NaiveDate,
    today: NaiveDate,
) -> Result<()> {
    let tomorrow = today.succ_opt().unwrap_or(today);
    if day > tomorrow {
        return Err(invalid(field, "is later than tomorrow"));
    }
    if day < EARLIEST {
        return Err(invalid(field, "is earlier than 1900"));
    }
    Ok(())
}

/// The last day any call is asked about: beyond it a week's end or a
/// range's weeks could not be counted, and no journal has entries there.
pub const LATEST: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(d) => d,
    None => NaiveDate::MAX,
};

/// Parses `YYYY-MM-DD` for a day from 1900 to 9999, naming the field on
/// failure without echoing the text.
pub fn parse_day(field: crate::error::Field, text: &str) -> Result<NaiveDate> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| invalid(field, "must be a calendar date written YYYY-MM-DD"))?;
    if !(EARLIEST..=LATEST).contains(&day) {
        return Err(invalid(field, "must be a day from 1900 to 9999"));
    }
    Ok(day)
}

/// Serde for a calendar day that is compact where no one reads it: a
/// `YYYY-MM-DD` string in human-readable formats (JSON exports, exactly as
/// chrono writes and reads it), the day number counted from 1 January of
/// year 1 in binary ones (the sealed records). Use with
/// `#[serde(with = "crate::day::compact")]`.
pub(crate) mod compact {
    use chrono::{Datelike, NaiveDate};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// Writes `day`.
    pub fn serialize<S: Serializer>(day: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            day.serialize(s)
        } else {
            s.serialize_i32(day.num_days_from_ce())
        }
    }

    /// Reads a day; a number outside chrono's range is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            return NaiveDate::deserialize(d);
        }
        let n = i32::deserialize(d)?;
        NaiveDate::from_num_days_from_ce_opt(n)
            .ok_or_else(|| serde::de::Error::custom("a day number out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Holder(#[serde(with = "compact")] NaiveDate);

    #[test]
    fn a_compact_day_is_text_in_json_and_its_day_number_in_postcard() {
        let d = Holder(NaiveDate::from_ymd_opt(2026, 3, 2).unwrap());
        assert_eq!(serde_json::to_string(&d).unwrap(), "\"2026-03-02\"");
        // 1 January of year 1 is day 1; 2026-03-02 is day 739,677 (as
        // Python's date(2026, 3, 2).toordinal() counts too), a zigzag varint.
        assert_eq!(d.0.num_days_from_ce(), 739_677);
        let bytes = postcard::to_allocvec(&d).unwrap();
        assert_eq!(bytes, postcard::to_allocvec(&739_677i32).unwrap());
        assert_eq!(postcard::from_bytes::<Holder>(&bytes).unwrap(), d);
        assert!(
            postcard::from_bytes::<Holder>(&postcard::to_allocvec(&i32::MAX).unwrap()).is_err()
        );
    }

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn monday_of_crosses_month_and_year_ends() {
        // 2027-01-01 is a Friday: its week began Monday 2026-12-28.
        assert_eq!(monday_of(d("2027-01-01")), d("2026-12-28"));
        assert_eq!(monday_of(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(monday_of(d("2026-11-29")), d("2026-11-23"));
    }

    #[test]
    fn parse_day_takes_days_from_1900_to_9999_only() {
        let f = crate::error::Field::Date;
        assert_eq!(parse_day(f, "9999-12-31").unwrap(), LATEST);
        assert_eq!(parse_day(f, "1900-01-01").unwrap(), EARLIEST);
        for far in ["+262142-12-31", "10000-01-01", "1899-12-31", "-0001-01-01"] {
            match parse_day(f, far) {
                Err(crate::Error::InvalidInput { field, .. }) => assert_eq!(field, f),
                other => panic!("{far}: {other:?}"),
            }
        }
    }

    #[test]
    fn parse_day_wants_iso_dates_and_names_the_field() {
        assert_eq!(
            parse_day(crate::error::Field::Date, " 2026-02-28 ").unwrap(),
            d("2026-02-28")
        );
        for bad in ["2026-02-30", "28/02/2026", "", "tomorrow"] {
            match parse_day(crate::error::Field::Date, bad) {
                Err(crate::Error::InvalidInput { field, reason }) => {
                    assert_eq!(field, crate::error::Field::Date);
                    assert!(bad.is_empty() || !reason.contains(bad));
                }
                other => panic!("{bad}: {other:?}"),
            }
        }
    }
}
