//! The numbers and checks the screens are drawn by, kept here so that no
//! shell restates them: the answer scales, when a check-in may be saved,
//! how many weeks the charts show by default, and the charts' axes.

use std::ops::RangeInclusive;

use crate::entries::checkin::{CLOSENESS_RANGE, INTENSITY_RANGE, MOOD_RANGE};
use crate::entries::reflection::SAFETY_RANGE;
use crate::entries::vocab::{Move, PartnerMove};

/// Mood, 1 (very low) to 5 (very good).
pub const MOOD: RangeInclusive<u8> = MOOD_RANGE;
/// How heated the hardest moment got, 0 (calm) to 10.
pub const INTENSITY: RangeInclusive<u8> = INTENSITY_RANGE;
/// How close we felt, 1 (far apart) to 5 (very close).
pub const CLOSENESS: RangeInclusive<u8> = CLOSENESS_RANGE;
/// Whether hard talks feel safe, 1 (safe) to 5 (overwhelming).
pub const TALK_SAFETY: RangeInclusive<u8> = SAFETY_RANGE;

/// Weeks the charts and the CLI's `pattern` show unless asked otherwise,
/// ending with the current week.
pub const DEFAULT_WEEKS: u32 = 12;

/// The most weeks a pattern, a chart or a summary covers: a hundred years.
/// Beyond it a range would only cost memory.
pub const MAX_WEEKS: u32 = 5_218;

/// Refuses a pattern of more than [`MAX_WEEKS`] weeks.
pub fn check_weeks(weeks: u32) -> crate::Result<()> {
    if weeks > MAX_WEEKS {
        return Err(crate::error::invalid(
            crate::Field::Weeks,
            "must be at most 5218 (a hundred years)",
        ));
    }
    Ok(())
}

/// Refuses a range from `from` to `to` longer than [`MAX_WEEKS`] weeks.
pub fn check_range(from: chrono::NaiveDate, to: chrono::NaiveDate) -> crate::Result<()> {
    if (to - from).num_days() > i64::from(MAX_WEEKS) * 7 {
        return Err(crate::error::invalid(
            crate::Field::From,
            "is more than a hundred years before the end",
        ));
    }
    Ok(())
}

/// The days axis of the moves and cycle-days charts: a week's days.
pub const DAYS_AXIS: RangeInclusive<f64> = 0.0..=7.0;
/// The mood chart's axis: the mood scale.
pub const MOOD_AXIS: RangeInclusive<f64> = 1.0..=5.0;

/// Whether a check-in being written has what it cannot be saved without:
/// a mood and both moves. Everything else may be left unanswered.
pub fn checkin_can_save(
    mood: Option<u8>,
    my_move: Option<Move>,
    partner_move: Option<PartnerMove>,
) -> bool {
    mood.is_some() && my_move.is_some() && partner_move.is_some()
}

/// A value on the days axis, clamped into it (a trend line's ends can run
/// past a week's days).
pub fn clamp_days(value: f64) -> f64 {
    value.clamp(*DAYS_AXIS.start(), *DAYS_AXIS.end())
}

/// Where a trend line (`intercept` at week 0, `slope` per week) starts and
/// ends over `weeks` weeks, each end clamped to the days axis.
pub fn trend_ends(intercept: f64, slope: f64, weeks: u32) -> (f64, f64) {
    let last = f64::from(weeks.saturating_sub(1));
    (clamp_days(intercept), clamp_days(intercept + slope * last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_in_needs_a_mood_and_both_moves() {
        let (m, p) = (Some(Move::Pursued), Some(PartnerMove::Unknown));
        assert!(checkin_can_save(Some(1), m, p));
        assert!(!checkin_can_save(None, m, p));
        assert!(!checkin_can_save(Some(1), None, p));
        assert!(!checkin_can_save(Some(1), m, None));
    }

    #[test]
    fn patterns_and_ranges_stop_at_a_hundred_years() {
        assert!(check_weeks(MAX_WEEKS).is_ok());
        assert!(check_weeks(MAX_WEEKS + 1).is_err());
        let from: chrono::NaiveDate = "1926-01-01".parse().unwrap();
        let to = from + chrono::Days::new(u64::from(MAX_WEEKS) * 7);
        assert!(check_range(from, to).is_ok());
        assert!(check_range(from, to + chrono::Days::new(1)).is_err());
    }

    #[test]
    fn trend_ends_are_clamped_to_a_weeks_days() {
        // 6.5 rising 0.25 a week over 12 weeks ends at 6.5 + 2.75 = 9.25: clamped to 7.
        assert_eq!(trend_ends(6.5, 0.25, 12), (6.5, 7.0));
        // Falling below zero: -1 at the start, 2 - 0.5 * 3 = 0.5 at week 4.
        assert_eq!(trend_ends(-1.0, 0.5, 4), (0.0, 0.5));
        assert_eq!(trend_ends(2.0, -0.5, 4), (2.0, 0.5));
        // One week (or none): both ends at the intercept.
        assert_eq!(trend_ends(3.0, 9.0, 1), (3.0, 3.0));
        assert_eq!(trend_ends(3.0, 9.0, 0), (3.0, 3.0));
    }
}
