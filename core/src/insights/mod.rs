//! Insights: what the check-ins say about the cycle, week by week. A week's
//! summary, the series a chart draws (weeks with no check-in are gaps, not
//! zeros), the last four weeks against the four before, plain-language
//! findings that give their n and never claim a cause, and the streak.
//!
//! Everything here is a pure function of the check-ins, so both phones and
//! the CLI show the same numbers.

pub mod history;

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;
use crate::entries::vocab::{Behaviour, Feeling, Move, PartnerMove, Repair, Side, Skill};

/// A day counts as having a hard moment when its intensity is at least this,
/// or when a repair answer was given (there was something to repair).
pub const HARD_MOMENT_MIN: u8 = 3;
/// Fewest observations a window needs before a finding speaks of it.
pub const MIN_DAYS: u32 = 3;
/// Weeks in each trend window.
pub const TREND_WEEKS: usize = 4;
/// How many feelings or behaviours a summary lists per side.
pub const TOP_N: usize = 3;

/// How often I made each move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct MoveCounts {
    /// Days I pursued.
    pub pursued: u32,
    /// Days I withdrew.
    pub withdrew: u32,
    /// Days I did both.
    pub both: u32,
    /// Days I did neither.
    pub neither: u32,
}

/// How often my partner made each move, as I saw it; "couldn't tell" is
/// kept apart from "neither".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct PartnerMoveCounts {
    /// Days my partner pursued.
    pub pursued: u32,
    /// Days my partner withdrew.
    pub withdrew: u32,
    /// Days my partner did both.
    pub both: u32,
    /// Days my partner did neither.
    pub neither: u32,
    /// Days I couldn't tell.
    pub unknown: u32,
}

/// Repair answers on days with a hard moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct RepairCounts {
    /// We reconnected.
    pub reconnected: u32,
    /// Partly.
    pub partly: u32,
    /// Not yet.
    pub not_yet: u32,
    /// A hard moment with no repair answer.
    pub unanswered: u32,
}

impl RepairCounts {
    /// Hard days with an answer.
    pub fn answered(&self) -> u32 {
        self.reconnected + self.partly + self.not_yet
    }

    /// Share of answered hard days that ended reconnected.
    pub fn rate(&self) -> Option<f64> {
        ratio(self.reconnected, self.answered())
    }
}

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
    /// Days with a hard moment (intensity at least [`HARD_MOMENT_MIN`] or a repair answer).
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

/// What a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Cycle days, recent against before.
    CycleDays,
    /// Intensity, recent against before.
    Intensity,
    /// Repair rate, recent against before.
    Repair,
    /// Mood, recent against before.
    Mood,
    /// Who pursued and who withdrew most over the range.
    Roles,
    /// Repair on hard days with and without a skill practised.
    Skills,
}

/// One plain-language finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// What it is about.
    pub kind: FindingKind,
    /// The sentence, with its n.
    pub text: String,
}

fn ratio(a: u32, b: u32) -> Option<f64> {
    (b > 0).then(|| f64::from(a) / f64::from(b))
}

fn mean(sum: u32, n: u32) -> Option<f64> {
    ratio(sum, n)
}

/// Whether one of us pursued while the other withdrew.
pub fn is_cycle_day(c: &CheckIn) -> bool {
    matches!(
        (c.my_move, c.partner_move),
        (Move::Pursued, PartnerMove::Withdrew) | (Move::Withdrew, PartnerMove::Pursued)
    )
}

/// Whether the day had a hard moment.
pub fn is_hard_day(c: &CheckIn) -> bool {
    c.intensity.is_some_and(|i| i >= HARD_MOMENT_MIN) || c.repair.is_some()
}

/// Running totals over a set of check-ins.
#[derive(Default)]
struct Tally {
    days: u32,
    mood_sum: u32,
    my: MoveCounts,
    partner: PartnerMoveCounts,
    cycle: u32,
    intensity_sum: u32,
    intensity_days: u32,
    hard: u32,
    repair: RepairCounts,
}

impl Tally {
    fn add(&mut self, c: &CheckIn) {
        self.days += 1;
        self.mood_sum += u32::from(c.mood);
        match c.my_move {
            Move::Pursued => self.my.pursued += 1,
            Move::Withdrew => self.my.withdrew += 1,
            Move::Both => self.my.both += 1,
            Move::Neither => self.my.neither += 1,
        }
        match c.partner_move {
            PartnerMove::Pursued => self.partner.pursued += 1,
            PartnerMove::Withdrew => self.partner.withdrew += 1,
            PartnerMove::Both => self.partner.both += 1,
            PartnerMove::Neither => self.partner.neither += 1,
            PartnerMove::Unknown => self.partner.unknown += 1,
        }
        if is_cycle_day(c) {
            self.cycle += 1;
        }
        if let Some(i) = c.intensity {
            self.intensity_sum += u32::from(i);
            self.intensity_days += 1;
        }
        if is_hard_day(c) {
            self.hard += 1;
            match c.repair {
                Some(Repair::Reconnected) => self.repair.reconnected += 1,
                Some(Repair::Partly) => self.repair.partly += 1,
                Some(Repair::NotYet) => self.repair.not_yet += 1,
                None => self.repair.unanswered += 1,
            }
        }
    }

    fn of<'a>(checkins: impl IntoIterator<Item = &'a CheckIn>) -> Self {
        let mut t = Tally::default();
        checkins.into_iter().for_each(|c| t.add(c));
        t
    }

    fn point(&self, week_start: NaiveDate) -> WeekPoint {
        let logged = self.days > 0;
        WeekPoint {
            week_start,
            days_logged: self.days,
            my_moves: logged.then_some(self.my),
            partner_moves: logged.then_some(self.partner),
            mood: mean(self.mood_sum, self.days),
            cycle_days: logged.then_some(self.cycle),
            intensity: mean(self.intensity_sum, self.intensity_days),
            repair_rate: self.repair.rate(),
        }
    }
}

fn top<T: Copy + PartialEq>(
    all: &[T],
    side_of: impl Fn(T) -> Option<Side>,
    chosen: &[&[T]],
) -> BySide<T> {
    let count = |v: T| chosen.iter().filter(|list| list.contains(&v)).count() as u32;
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
                week.iter().filter(|c| c.skills.contains(s)).count() as u32,
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
    let weeks = week_starts(last_day, 2 * TREND_WEEKS as u32, start);
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

fn one(x: f64) -> String {
    format!("{x:.1}")
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// "fell from 3.5 to 1.8" / "rose from …" / "held steady at about …".
fn movement(before: f64, recent: f64, threshold: f64, show: fn(f64) -> String) -> String {
    if recent <= before - threshold {
        format!("fell from {} to {}", show(before), show(recent))
    } else if recent >= before + threshold {
        format!("rose from {} to {}", show(before), show(recent))
    } else {
        format!("held steady at about {}", show(recent))
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Plain-language findings for the check-ins from `first_day` to
/// `last_day`: the trend of the last four weeks against the four before,
/// who pursued and who withdrew, and repair with and without skills. Each
/// gives its n; none is made from fewer than [`MIN_DAYS`] days.
pub fn findings(
    checkins: &[CheckIn],
    first_day: NaiveDate,
    last_day: NaiveDate,
    start: WeekStart,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let tr = trend(checkins, last_day, start);
    let (b, r) = (tr.before, tr.recent);
    let days_n = format!("n = {} and {} days logged", b.days_logged, r.days_logged);
    let mut say = |kind, text: String| out.push(Finding { kind, text });

    if let (Some(x), Some(y)) = (b.cycle_days_per_week, r.cycle_days_per_week) {
        say(
            FindingKind::CycleDays,
            format!(
                "Cycle days {} a week over the last four weeks, against the four before ({days_n}).",
                movement(x, y, 0.5, one)
            ),
        );
    }
    if let (Some(x), Some(y)) = (b.intensity, r.intensity) {
        say(
            FindingKind::Intensity,
            format!(
                "The hardest moment of the day {} out of 10 ({}).",
                movement(x, y, 0.5, one),
                format_args!(
                    "n = {} and {} days rated",
                    b.intensity_days, r.intensity_days
                )
            ),
        );
    }
    if let (Some(x), Some(y)) = (b.repair_rate, r.repair_rate) {
        say(
            FindingKind::Repair,
            format!(
                "Reconnecting after a hard moment {} (n = {} and {} hard days).",
                movement(x, y, 0.1, pct),
                b.repair_days,
                r.repair_days
            ),
        );
    }
    if let (Some(x), Some(y)) = (b.mood, r.mood) {
        say(
            FindingKind::Mood,
            format!("Mood {} out of 5 ({days_n}).", movement(x, y, 0.3, one)),
        );
    }

    let range: Vec<&CheckIn> = checkins
        .iter()
        .filter(|c| c.date >= first_day && c.date <= last_day)
        .collect();
    let t = Tally::of(range.iter().copied());
    if t.days >= MIN_DAYS {
        let me_p = t.my.pursued + t.my.both;
        let me_w = t.my.withdrew + t.my.both;
        let them_p = t.partner.pursued + t.partner.both;
        let them_w = t.partner.withdrew + t.partner.both;
        let lead = |mine: u32, theirs: u32| match mine.cmp(&theirs) {
            std::cmp::Ordering::Greater => "you did more often",
            std::cmp::Ordering::Less => "your partner did more often, as you saw it",
            std::cmp::Ordering::Equal => "you were even",
        };
        say(
            FindingKind::Roles,
            format!(
                "Of {}, you pursued on {} and your partner on {}: {}. You withdrew on {} and your partner on {}: {}.",
                plural(t.days, "day logged", "days logged"),
                me_p,
                them_p,
                lead(me_p, them_p),
                me_w,
                them_w,
                lead(me_w, them_w),
            ),
        );
    }

    let hard_answered =
        |with_skill: bool| {
            Tally::of(range.iter().copied().filter(|c| {
                is_hard_day(c) && c.repair.is_some() && c.skills.is_empty() != with_skill
            }))
            .repair
        };
    let (with, without) = (hard_answered(true), hard_answered(false));
    if with.answered() >= MIN_DAYS && without.answered() >= MIN_DAYS {
        let (x, y) = (with.rate().unwrap_or(0.0), without.rate().unwrap_or(0.0));
        say(
            FindingKind::Skills,
            format!(
                "On hard days when you practised a skill you reconnected {} of the time (n = {}); on hard days without one, {} (n = {}).",
                pct(x),
                with.answered(),
                pct(y),
                without.answered()
            ),
        );
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
    week_starts(last_day, 2 * TREND_WEEKS as u32, start)
        .first()
        .copied()
        .unwrap_or(last_day)
}
