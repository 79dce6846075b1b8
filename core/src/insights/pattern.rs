//! The series a chart draws: one point per week, a gap (not a zero) where
//! nothing was logged.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::tally::Tally;
use super::{MoveCounts, PartnerMoveCounts};
use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;

/// One week's point of every series; all `None` when nothing was logged.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct WeekPoint {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// Days with a check-in (0 for a gap).
    pub days_logged: u32,
    /// My moves (stacked bars).
    pub my_moves: Option<MoveCounts>,
    /// My partner's moves as I saw them (stacked bars).
    pub partner_moves: Option<PartnerMoveCounts>,
    /// Mean mood.
    pub mood: Option<f64>,
    /// Cycle days.
    pub cycle_days: Option<u32>,
    /// Mean intensity.
    pub intensity: Option<f64>,
    /// Repair rate.
    pub repair_rate: Option<f64>,
}

/// The series for a run of consecutive weeks, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pattern {
    /// The day weeks start on.
    pub week_start: WeekStart,
    /// One point per week.
    pub points: Vec<WeekPoint>,
}

/// The series for the given weeks (first days, oldest first).
pub fn pattern(checkins: &[CheckIn], weeks: &[NaiveDate], start: WeekStart) -> Pattern {
    let mut by_week: BTreeMap<NaiveDate, Tally> =
        weeks.iter().map(|w| (*w, Tally::default())).collect();
    for c in checkins {
        if let Some(t) = by_week.get_mut(&start.first_day(c.date)) {
            t.add(c);
        }
    }
    Pattern {
        week_start: start,
        points: weeks.iter().map(|w| by_week[w].point(*w)).collect(),
    }
}
