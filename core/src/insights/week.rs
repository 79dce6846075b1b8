//! One week in numbers, the first days of runs of weeks, and the streak.

use crate::num;
use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::tally::Tally;
use super::{MoveCounts, PartnerMoveCounts, RepairCounts, TOP_N, mean};
use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;
use crate::entries::vocab::{Behaviour, Feeling, Side, Skill};

/// Feelings or behaviours most often chosen, split by the side of the cycle
/// they lean to; each list holds at most [`TOP_N`], most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BySide<T> {
    /// Pursuing-side values.
    pub pursuing: Vec<(T, u32)>,
    /// Withdrawing-side values.
    pub withdrawing: Vec<(T, u32)>,
    /// Values that lean to neither side (calm, heard …).
    pub neither: Vec<(T, u32)>,
}

/// One week in numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekSummary {
    /// The week's first day.
    pub week_start: NaiveDate,
    /// Days with a check-in.
    pub days_logged: u32,
    /// Mean mood over days logged.
    pub mood_average: Option<f64>,
    /// My moves.
    pub my_moves: MoveCounts,
    /// My partner's moves as I saw them.
    pub partner_moves: PartnerMoveCounts,
    /// Days when one of us pursued while the other withdrew.
    pub cycle_days: u32,
    /// Mean intensity of the hardest moment, over days that gave one.
    pub intensity_average: Option<f64>,
    /// Days with a hard moment (intensity at least
    /// [`HARD_MOMENT_MIN`](super::HARD_MOMENT_MIN) or a repair answer).
    pub hard_days: u32,
    /// Repair answers on hard days.
    pub repair: RepairCounts,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
    /// Days each skill was practised, every skill in vocabulary order.
    pub skills: Vec<(Skill, u32)>,
    /// Feelings most often chosen, by side.
    pub top_feelings: BySide<Feeling>,
    /// Behaviours most often chosen, by side.
    pub top_behaviours: BySide<Behaviour>,
}

fn top<T: Copy + PartialEq>(
    all: &[T],
    side_of: impl Fn(T) -> Option<Side>,
    chosen: &[&[T]],
) -> BySide<T> {
    let count = |v: T| num::count_u32(chosen.iter().filter(|list| list.contains(&v)).count());
    let pick = |side: Option<Side>| {
        let mut counted: Vec<(T, u32)> = all
            .iter()
            .copied()
            .filter(|v| side_of(*v) == side)
            .map(|v| (v, count(v)))
            .filter(|(_, n)| *n > 0)
            .collect();
        // Stable sort keeps vocabulary order among equal counts.
        counted.sort_by_key(|c| std::cmp::Reverse(c.1));
        counted.truncate(TOP_N);
        counted
    };
    BySide {
        pursuing: pick(Some(Side::Pursuing)),
        withdrawing: pick(Some(Side::Withdrawing)),
        neither: pick(None),
    }
}

fn days_of(start: NaiveDate) -> impl Fn(&&CheckIn) -> bool {
    let end = crate::day::week_end(start);
    move |c| c.date >= start && c.date <= end
}

/// The summary of the week starting on `week_start` (any check-ins outside
/// that week are ignored).
pub fn week_summary(checkins: &[CheckIn], week_start: NaiveDate) -> WeekSummary {
    let week: Vec<&CheckIn> = checkins.iter().filter(days_of(week_start)).collect();
    summary_of(&week, week_start)
}

/// The same figures as a week's summary, over any set of check-ins (a
/// summary's whole range); `first_day` is reported as its start.
pub fn summary_of(week: &[&CheckIn], first_day: NaiveDate) -> WeekSummary {
    let week_start = first_day;
    let t = Tally::of(week.iter().copied());
    let skills = Skill::ALL
        .iter()
        .map(|s| {
            (
                *s,
                num::count_u32(week.iter().filter(|c| c.skills.contains(s)).count()),
            )
        })
        .collect();
    let feelings: Vec<&[Feeling]> = week.iter().map(|c| c.feelings.as_slice()).collect();
    let behaviours: Vec<&[Behaviour]> = week.iter().map(|c| c.behaviours.as_slice()).collect();
    WeekSummary {
        week_start,
        days_logged: t.days,
        mood_average: mean(t.mood_sum, t.days),
        my_moves: t.my,
        partner_moves: t.partner,
        cycle_days: t.cycle,
        intensity_average: mean(t.intensity_sum, t.intensity_days),
        hard_days: t.hard,
        repair: t.repair,
        repair_rate: t.repair.rate(),
        skills,
        top_feelings: top(Feeling::ALL, Feeling::side, &feelings),
        top_behaviours: top(Behaviour::ALL, Behaviour::side, &behaviours),
    }
}

/// The first days of `weeks` consecutive weeks ending with the week that
/// holds `last_day`, oldest first.
pub fn week_starts(last_day: NaiveDate, weeks: u32, start: WeekStart) -> Vec<NaiveDate> {
    let last = start.first_day(last_day);
    (0..weeks)
        .rev()
        .filter_map(|back| last.checked_sub_days(Days::new(7 * u64::from(back))))
        .collect()
}

/// The first days of every week that touches `from..=to`, oldest first.
pub fn week_starts_between(from: NaiveDate, to: NaiveDate, start: WeekStart) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut week = start.first_day(from);
    while week <= to {
        out.push(week);
        match week.checked_add_days(Days::new(7)) {
            Some(next) => week = next,
            None => break,
        }
    }
    out
}

/// Consecutive days logged up to today; a day not yet logged today does not
/// break the streak that ran to yesterday.
pub fn streak(checkins: &[CheckIn], today: NaiveDate) -> u32 {
    let days: std::collections::HashSet<NaiveDate> = checkins.iter().map(|c| c.date).collect();
    let mut day = if days.contains(&today) {
        today
    } else {
        match today.pred_opt() {
            Some(d) => d,
            None => return 0,
        }
    };
    let mut n = 0;
    while days.contains(&day) {
        n += 1;
        match day.pred_opt() {
            Some(d) => day = d,
            None => break,
        }
    }
    n
}
