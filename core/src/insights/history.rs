//! The journal as the history screen lists it: entries grouped into weeks
//! (starting on the day the user set), newest week first, each week with
//! its check-ins by day and the weekly reflections that fall in it.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::entries::Saved;
use crate::entries::settings::WeekStart;
use crate::store::Journal;
use crate::{CheckIn, Reflection, Result};

/// One week of the history: its days and what was written in them.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryWeek {
    /// The week's first day.
    pub first_day: NaiveDate,
    /// The week's last day (six days later).
    pub last_day: NaiveDate,
    /// The check-ins of the week, oldest day first.
    pub checkins: Vec<Saved<CheckIn>>,
    /// Reflections whose (Monday) week start falls in this week; with
    /// Sunday weeks this is still at most one.
    pub reflections: Vec<Saved<Reflection>>,
}

/// Groups entries into the weeks that hold at least one, newest week first.
/// Both lists must be in day order, as the journal returns them.
pub fn group(
    checkins: Vec<Saved<CheckIn>>,
    reflections: Vec<Saved<Reflection>>,
    start: WeekStart,
) -> Vec<HistoryWeek> {
    let mut weeks: BTreeMap<NaiveDate, HistoryWeek> = BTreeMap::new();
    fn week(
        weeks: &mut BTreeMap<NaiveDate, HistoryWeek>,
        day: NaiveDate,
        start: WeekStart,
    ) -> &mut HistoryWeek {
        let (first_day, last_day) = start.week_of(day);
        weeks.entry(first_day).or_insert_with(|| HistoryWeek {
            first_day,
            last_day,
            checkins: Vec::new(),
            reflections: Vec::new(),
        })
    }
    for c in checkins {
        week(&mut weeks, c.value.date, start).checkins.push(c);
    }
    for r in reflections {
        week(&mut weeks, r.value.week_start, start)
            .reflections
            .push(r);
    }
    weeks.into_values().rev().collect()
}

impl Journal {
    /// The week holding `day`, weeks starting as set.
    pub fn week_of(&self, day: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
        Ok(self.settings()?.week_start.week_of(day))
    }

    /// Every week from `from` to `to` (either end open) that holds a
    /// check-in or a reflection, newest first. Whole weeks: the range is
    /// widened to the weeks holding its ends.
    pub fn history(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<HistoryWeek>> {
        let start = self.settings()?.week_start;
        let from = from.map(|d| start.week_of(d).0);
        let to = to.map(|d| start.week_of(d).1);
        // A reflection is keyed by its Monday, which lies inside the week
        // whether weeks start on Monday or on the Sunday before it.
        let checkins = self.checkins(from, to)?;
        let reflections = self.reflections(from, to)?;
        let weeks = group(checkins, reflections, start);
        Ok(weeks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn week_of_a_wednesday_runs_monday_to_sunday_or_sunday_to_saturday() {
        // 2026-11-25 is a Wednesday.
        assert_eq!(
            WeekStart::Monday.week_of(d("2026-11-25")),
            (d("2026-11-23"), d("2026-11-29"))
        );
        assert_eq!(
            WeekStart::Sunday.week_of(d("2026-11-25")),
            (d("2026-11-22"), d("2026-11-28"))
        );
        // A Sunday starts its own week when weeks start on Sunday.
        assert_eq!(
            WeekStart::Sunday.week_of(d("2026-11-29")),
            (d("2026-11-29"), d("2026-12-05"))
        );
    }
}
