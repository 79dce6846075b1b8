//! The journal's insights: a week's summary, the series, trend and findings
//! over a run of weeks, and the streak, read from the store.

use chrono::NaiveDate;
use serde::Serialize;

use super::{
    Finding, Pattern, TREND_WEEKS, Trend, WeekSummary, findings, pattern, streak, trend,
    week_starts, week_starts_between, week_summary,
};
use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;

/// The pattern over a run of weeks with its trend and findings, from one
/// pass over the journal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Insights {
    /// One point per week.
    pub pattern: Pattern,
    /// The last four weeks against the four before.
    pub trend: Trend,
    /// Plain-language findings over the whole run.
    pub findings: Vec<Finding>,
}

fn values(saved: Vec<crate::entries::Saved<CheckIn>>) -> Vec<CheckIn> {
    saved.into_iter().map(|s| s.value).collect()
}

impl crate::store::Journal {
    /// The summary of the week holding `day`, weeks starting as set.
    pub fn week_summary(&self, day: NaiveDate) -> crate::Result<WeekSummary> {
        let (first, last) = self.settings()?.week_start.week_of(day);
        let checkins = values(self.checkins(Some(first), Some(last))?);
        Ok(week_summary(&checkins, first))
    }

    /// The series for `weeks` weeks ending with the week holding `last_day`.
    pub fn pattern(&self, last_day: NaiveDate, weeks: u32) -> crate::Result<Pattern> {
        Ok(self.insights(last_day, weeks)?.pattern)
    }

    /// The series, trend and findings for `weeks` weeks ending with the week
    /// holding `last_day`.
    pub fn insights(&self, last_day: NaiveDate, weeks: u32) -> crate::Result<Insights> {
        crate::rules::check_weeks(weeks)?;
        let start = self.settings()?.week_start;
        let starts = week_starts(last_day, weeks.max(1), start);
        let first = starts.first().copied().unwrap_or(last_day);
        let (_, last) = start.week_of(last_day);
        let checkins =
            values(self.checkins(Some(first.min(trend_start(last_day, start))), Some(last))?);
        Ok(Insights {
            pattern: pattern(&checkins, &starts, start),
            trend: trend(&checkins, last_day, start),
            findings: findings(&checkins, first, last, start),
        })
    }

    /// The series for every week touching `from..=to`.
    pub fn pattern_between(&self, from: NaiveDate, to: NaiveDate) -> crate::Result<Pattern> {
        crate::rules::check_range(from, to)?;
        let start = self.settings()?.week_start;
        let starts = week_starts_between(from, to, start);
        let checkins = values(self.checkins(Some(from), Some(to))?);
        Ok(pattern(&checkins, &starts, start))
    }

    /// Consecutive days logged up to today.
    pub fn streak(&self) -> crate::Result<u32> {
        let today = self.today()?;
        Ok(streak(&values(self.checkins(None, Some(today))?), today))
    }
}

/// The first day the trend looks at: eight weeks back from `last_day`'s week.
fn trend_start(last_day: NaiveDate, start: WeekStart) -> NaiveDate {
    week_starts(last_day, 2 * TREND_WEEKS, start)
        .first()
        .copied()
        .unwrap_or(last_day)
}
