//! The trend: the last four weeks against the four before, each figure
//! left out when it rests on too few days.

use chrono::NaiveDate;
use serde::Serialize;

use super::tally::Tally;
use super::{MIN_DAYS, TREND_WEEKS, mean, ratio, week_starts};
use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;

/// A stretch of days and its figures; a figure is `None` when it rests on
/// fewer than [`MIN_DAYS`] observations.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Window {
    /// First day of the window.
    pub first_day: NaiveDate,
    /// Last day of the window.
    pub last_day: NaiveDate,
    /// Days logged in it.
    pub days_logged: u32,
    /// Cycle days per seven days logged.
    pub cycle_days_per_week: Option<f64>,
    /// Mean intensity, and how many days gave one.
    pub intensity: Option<f64>,
    /// Days that gave an intensity.
    pub intensity_days: u32,
    /// Repair rate.
    pub repair_rate: Option<f64>,
    /// Hard days with a repair answer.
    pub repair_days: u32,
    /// Mean mood.
    pub mood: Option<f64>,
}

/// The last [`TREND_WEEKS`] weeks against the ones before.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Trend {
    /// The four weeks before the recent ones.
    pub before: Window,
    /// The most recent four weeks.
    pub recent: Window,
}

fn window(checkins: &[CheckIn], first_day: NaiveDate, last_day: NaiveDate) -> Window {
    let t = Tally::of(
        checkins
            .iter()
            .filter(|c| c.date >= first_day && c.date <= last_day),
    );
    let enough = |n: u32| n >= MIN_DAYS;
    Window {
        first_day,
        last_day,
        days_logged: t.days,
        cycle_days_per_week: ratio(t.cycle * 7, t.days).filter(|_| enough(t.days)),
        intensity: mean(t.intensity_sum, t.intensity_days).filter(|_| enough(t.intensity_days)),
        intensity_days: t.intensity_days,
        repair_rate: t.repair.rate().filter(|_| enough(t.repair.answered())),
        repair_days: t.repair.answered(),
        mood: mean(t.mood_sum, t.days).filter(|_| enough(t.days)),
    }
}

/// The last [`TREND_WEEKS`] weeks up to and including the week holding
/// `last_day`, against the [`TREND_WEEKS`] weeks before them.
pub fn trend(checkins: &[CheckIn], last_day: NaiveDate, start: WeekStart) -> Trend {
    let weeks = week_starts(last_day, 2 * TREND_WEEKS, start);
    let (before, recent) = weeks.split_at(weeks.len() / 2);
    let span = |ws: &[NaiveDate]| match (ws.first(), ws.last()) {
        (Some(a), Some(b)) => window(checkins, *a, crate::day::week_end(*b)),
        _ => window(checkins, last_day, last_day),
    };
    Trend {
        before: span(before),
        recent: span(recent),
    }
}
