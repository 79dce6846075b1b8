//! Insights: what the check-ins say about the cycle, week by week. A week's
//! summary, the series a chart draws (weeks with no check-in are gaps, not
//! zeros), the last four weeks against the four before, plain-language
//! findings that give their n and never claim a cause, and the streak.
//!
//! Everything here is a pure function of the check-ins, so both phones and
//! the CLI show the same numbers.
//!
//! - `tally`: move and repair counts, cycle days and hard days, and the
//!   running totals the other parts are made from.
//! - `week`: [`WeekSummary`] and [`BySide`], runs of weeks, the [`streak`].
//! - `pattern`: [`Pattern`] and [`WeekPoint`], the series a chart draws.
//! - `trend`: [`Trend`] and [`Window`], recent weeks against the ones before.
//! - `findings`: [`Finding`], the plain-language findings.
//! - `journal`: [`Insights`] and the `Journal` methods that read them.
//! - [`history`]: the journal grouped into weeks for the history screen.

mod findings;
pub mod history;
mod journal;
mod pattern;
mod tally;
mod trend;
mod week;

pub use findings::{Finding, FindingKind, findings};
pub use journal::Insights;
pub use pattern::{Pattern, WeekPoint, pattern};
pub use tally::{MoveCounts, PartnerMoveCounts, RepairCounts, is_cycle_day, is_hard_day};
pub use trend::{Trend, Window, trend};
pub use week::{
    BySide, WeekSummary, streak, summary_of, week_starts, week_starts_between, week_summary,
};

/// A day counts as having a hard moment when its intensity is at least this,
/// or when a repair answer was given (there was something to repair).
pub const HARD_MOMENT_MIN: u8 = 3;
/// Fewest observations a window needs before a finding speaks of it.
pub const MIN_DAYS: u32 = 3;
/// Weeks in each trend window.
pub const TREND_WEEKS: u32 = 4;
/// How many feelings or behaviours a summary lists per side.
pub const TOP_N: usize = 3;

/// `a / b`, or `None` when `b` is zero.
fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

/// The mean of `n` values summing to `sum`, or `None` when there are none.
fn mean(sum: u32, n: u32) -> Option<f64> {
    ratio(sum, n)
}
