//! Plain-language findings: each gives its n, none claims a cause, and none
//! is made from fewer than [`MIN_DAYS`] days.

use chrono::NaiveDate;
use serde::Serialize;

use super::tally::Tally;
use super::{MIN_DAYS, Window, is_hard_day, trend};
use crate::entries::checkin::CheckIn;
use crate::entries::settings::WeekStart;

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

/// A figure to one decimal.
fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// A share as a whole percentage.
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

/// "1 day logged" / "3 days logged".
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
    let tr = trend(checkins, last_day, start);
    let mut out = trend_findings(&tr.before, &tr.recent);
    let range: Vec<&CheckIn> = checkins
        .iter()
        .filter(|c| c.date >= first_day && c.date <= last_day)
        .collect();
    out.extend(roles_finding(&range));
    out.extend(skills_finding(&range));
    out
}

/// Cycle days, intensity, repair and mood, recent (`r`) against before
/// (`b`), for each figure both windows have.
fn trend_findings(b: &Window, r: &Window) -> Vec<Finding> {
    let mut out = Vec::new();
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
    out
}

/// Who pursued and who withdrew more often over the range, once it has
/// [`MIN_DAYS`] days logged.
fn roles_finding(range: &[&CheckIn]) -> Option<Finding> {
    let t = Tally::of(range.iter().copied());
    if t.days < MIN_DAYS {
        return None;
    }
    let me_p = t.my.pursued + t.my.both;
    let me_w = t.my.withdrew + t.my.both;
    let them_p = t.partner.pursued + t.partner.both;
    let them_w = t.partner.withdrew + t.partner.both;
    let lead = |mine: u32, theirs: u32| match mine.cmp(&theirs) {
        std::cmp::Ordering::Greater => "you did more often",
        std::cmp::Ordering::Less => "your partner did more often, as you saw it",
        std::cmp::Ordering::Equal => "you were even",
    };
    Some(Finding {
        kind: FindingKind::Roles,
        text: format!(
            "Of {}, you pursued on {} and your partner on {}: {}. You withdrew on {} and your partner on {}: {}.",
            plural(t.days, "day logged", "days logged"),
            me_p,
            them_p,
            lead(me_p, them_p),
            me_w,
            them_w,
            lead(me_w, them_w),
        ),
    })
}

/// Reconnecting on answered hard days with a skill practised against those
/// without, once each has [`MIN_DAYS`] days.
fn skills_finding(range: &[&CheckIn]) -> Option<Finding> {
    let hard_answered =
        |with_skill: bool| {
            Tally::of(range.iter().copied().filter(|c| {
                is_hard_day(c) && c.repair.is_some() && c.skills.is_empty() != with_skill
            }))
            .repair
        };
    let (with, without) = (hard_answered(true), hard_answered(false));
    if with.answered() < MIN_DAYS || without.answered() < MIN_DAYS {
        return None;
    }
    let (x, y) = (with.rate().unwrap_or(0.0), without.rate().unwrap_or(0.0));
    Some(Finding {
        kind: FindingKind::Skills,
        text: format!(
            "On hard days when you practised a skill you reconnected {} of the time (n = {}); on hard days without one, {} (n = {}).",
            pct(x),
            with.answered(),
            pct(y),
            without.answered()
        ),
    })
}
