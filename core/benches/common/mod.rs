//! What the benchmarks share: exactly ten years of entries.
//!
//! Ten years is 3,650 check-ins (one for every day) and 520 reflections (one
//! per week). The demo generator skips about 12% of days, so it is asked for
//! 522 weeks ending on a Sunday: every day of the last 3,650 that the demo
//! skipped gets a clone of the latest earlier demo check-in, redated; the
//! last 520 of its 522 weekly reflections are kept.

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use tandem_core::day::monday_of;
use tandem_core::demo::{self, DEMO_SEED};
use tandem_core::{CheckIn, Reflection};

/// Ten years of days, and of weeks.
pub const DAYS: usize = 3_650;
pub const WEEKS: usize = 520;
/// The demo is asked for a little more than ten years, then trimmed.
const DEMO_WEEKS: u32 = 522;
/// The device key every benchmark journal is made and opened with.
pub const DEVICE_KEY: [u8; 32] = [0x5a; 32];

/// The last day of the ten years: a Sunday, so the last week is complete.
pub fn end_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date")
}

/// Exactly ten years of entries: 3,650 check-ins (one a day) and 520
/// reflections (one a week), ending on [`end_day`].
pub fn ten_years() -> (Vec<CheckIn>, Vec<Reflection>) {
    let end = end_day();
    let data = demo::generate(DEMO_SEED, end, DEMO_WEEKS);
    let first = end
        .checked_sub_days(Days::new(DAYS as u64 - 1))
        .expect("a valid date");

    let mut checkins = Vec::with_capacity(DAYS);
    let mut demo_days = data.checkins.iter().peekable();
    let mut latest: Option<&CheckIn> = None;
    for i in 0..DAYS as u64 {
        let day = first.checked_add_days(Days::new(i)).expect("a valid date");
        while let Some(c) = demo_days.next_if(|c| c.date <= day) {
            latest = Some(c);
        }
        // A skipped day gets the latest earlier demo check-in, redated.
        let source = latest.or(data.checkins.first()).expect("demo check-ins");
        let mut c = source.clone();
        c.date = day;
        checkins.push(c);
    }

    let skip = data.reflections.len().saturating_sub(WEEKS);
    let reflections: Vec<Reflection> = data.reflections[skip..].to_vec();

    assert_eq!(checkins.len(), DAYS);
    assert_eq!(reflections.len(), WEEKS);
    assert_eq!(checkins[DAYS - 1].date, end);
    assert_eq!(reflections[WEEKS - 1].week_start, monday_of(end));
    (checkins, reflections)
}
