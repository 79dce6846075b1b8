//! Counting check-ins: the move and repair counts, which days are cycle
//! days and hard days, and the running totals every figure is made from.

use chrono::NaiveDate;
use serde::Serialize;

use super::{HARD_MOMENT_MIN, WeekPoint, mean, ratio};
use crate::entries::checkin::CheckIn;
use crate::entries::vocab::{Move, PartnerMove, Repair};

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
pub(super) struct Tally {
    pub(super) days: u32,
    pub(super) mood_sum: u32,
    pub(super) my: MoveCounts,
    pub(super) partner: PartnerMoveCounts,
    pub(super) cycle: u32,
    pub(super) intensity_sum: u32,
    pub(super) intensity_days: u32,
    pub(super) hard: u32,
    pub(super) repair: RepairCounts,
}

impl Tally {
    /// Counts one more check-in.
    pub(super) fn add(&mut self, c: &CheckIn) {
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

    /// The totals of `checkins`.
    pub(super) fn of<'a>(checkins: impl IntoIterator<Item = &'a CheckIn>) -> Self {
        let mut t = Tally::default();
        checkins.into_iter().for_each(|c| t.add(c));
        t
    }

    /// The totals as the week starting on `week_start`'s point of the series.
    pub(super) fn point(&self, week_start: NaiveDate) -> WeekPoint {
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
