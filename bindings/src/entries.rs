//! Check-ins, reflections, settings and import reports as records, with
//! the conversions to and from the core's types. Validation stays in the
//! core: a record crosses as typed, and the core refuses what breaks a rule.

use std::time::SystemTime;

use chrono::NaiveDate;
use tandem_core as tc;

use crate::vocab::{
    Author, Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill, WeekStart, Who,
};

fn map<A, B: From<A>>(values: Vec<A>) -> Vec<B> {
    values.into_iter().map(Into::into).collect()
}

/// One day's check-in (see the core's `CheckIn` for each rule).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct CheckIn {
    /// The local day it is about; at most one check-in a day.
    pub date: NaiveDate,
    /// Mood, 1–5.
    pub mood: u8,
    /// What I did in the hardest moment.
    pub my_move: Move,
    /// What my partner did, as I saw it.
    pub partner_move: PartnerMove,
    /// Things I did.
    #[uniffi(default)]
    pub behaviours: Vec<Behaviour>,
    /// Things I felt.
    #[uniffi(default)]
    pub feelings: Vec<Feeling>,
    /// How heated the hardest moment got, 0–10.
    #[uniffi(default)]
    pub intensity: Option<u8>,
    /// Skills I practised.
    #[uniffi(default)]
    pub skills: Vec<Skill>,
    /// Whether we found our way back.
    #[uniffi(default)]
    pub repair: Option<Repair>,
    /// The private closeness section; `None` when skipped.
    #[uniffi(default)]
    pub closeness: Option<Closeness>,
    /// Free text.
    #[uniffi(default)]
    pub note: String,
}

/// The private section on physical and sexual closeness.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Closeness {
    /// How close we felt, 1–5.
    #[uniffi(default)]
    pub rating: Option<u8>,
    /// Words for how closeness felt.
    #[uniffi(default)]
    pub words: Vec<ClosenessWord>,
}

impl From<tc::CheckIn> for CheckIn {
    fn from(c: tc::CheckIn) -> Self {
        CheckIn {
            date: c.date,
            mood: c.mood,
            my_move: c.my_move.into(),
            partner_move: c.partner_move.into(),
            behaviours: map(c.behaviours),
            feelings: map(c.feelings),
            intensity: c.intensity,
            skills: map(c.skills),
            repair: c.repair.map(Into::into),
            closeness: c.closeness.map(|k| Closeness {
                rating: k.rating,
                words: map(k.words),
            }),
            note: c.note,
        }
    }
}

impl From<CheckIn> for tc::CheckIn {
    fn from(c: CheckIn) -> Self {
        tc::CheckIn {
            date: c.date,
            mood: c.mood,
            my_move: c.my_move.into(),
            partner_move: c.partner_move.into(),
            behaviours: map(c.behaviours),
            feelings: map(c.feelings),
            intensity: c.intensity,
            skills: map(c.skills),
            repair: c.repair.map(Into::into),
            closeness: c.closeness.map(|k| tc::Closeness {
                rating: k.rating,
                words: map(k.words),
            }),
            note: c.note,
        }
    }
}

/// One week's reflection; every answer optional.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Reflection {
    /// Any day of the week reflected on; saving normalises it to the Monday.
    pub week_start: NaiveDate,
    /// Who usually brought up concerns.
    #[uniffi(default)]
    pub raises_concerns: Option<Who>,
    /// Who tended to shut down or walk away.
    #[uniffi(default)]
    pub shuts_down: Option<Who>,
    /// How hard talks felt: 1 safe … 5 overwhelming.
    #[uniffi(default)]
    pub talk_safety: Option<u8>,
    /// Who felt chased or cornered.
    #[uniffi(default)]
    pub felt_chased: Option<Who>,
    /// What happened when one of us needed space.
    #[uniffi(default)]
    pub needing_space: String,
    /// Anything else about the week.
    #[uniffi(default)]
    pub note: String,
}

impl From<tc::Reflection> for Reflection {
    fn from(r: tc::Reflection) -> Self {
        Reflection {
            week_start: r.week_start,
            raises_concerns: r.raises_concerns.map(Into::into),
            shuts_down: r.shuts_down.map(Into::into),
            talk_safety: r.talk_safety,
            felt_chased: r.felt_chased.map(Into::into),
            needing_space: r.needing_space,
            note: r.note,
        }
    }
}

impl From<Reflection> for tc::Reflection {
    fn from(r: Reflection) -> Self {
        tc::Reflection {
            week_start: r.week_start,
            raises_concerns: r.raises_concerns.map(Into::into),
            shuts_down: r.shuts_down.map(Into::into),
            talk_safety: r.talk_safety,
            felt_chased: r.felt_chased.map(Into::into),
            needing_space: r.needing_space,
            note: r.note,
        }
    }
}

/// A stored check-in with the facts the store keeps about it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SavedCheckIn {
    /// The record's random id (hex), stable across edits.
    pub id: String,
    /// 1 when first saved, one more on each edit.
    pub revision: u32,
    /// When it was last saved.
    pub saved_at: SystemTime,
    /// Whose entry it is.
    pub author: Author,
    /// The check-in.
    pub checkin: CheckIn,
}

impl From<tc::Saved<tc::CheckIn>> for SavedCheckIn {
    fn from(s: tc::Saved<tc::CheckIn>) -> Self {
        SavedCheckIn {
            id: s.id.to_string(),
            revision: s.revision,
            saved_at: s.saved_at.into(),
            author: s.author.into(),
            checkin: s.value.into(),
        }
    }
}

/// A stored reflection with the facts the store keeps about it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SavedReflection {
    /// The record's random id (hex), stable across edits.
    pub id: String,
    /// 1 when first saved, one more on each edit.
    pub revision: u32,
    /// When it was last saved.
    pub saved_at: SystemTime,
    /// Whose entry it is.
    pub author: Author,
    /// The reflection.
    pub reflection: Reflection,
}

impl From<tc::Saved<tc::Reflection>> for SavedReflection {
    fn from(s: tc::Saved<tc::Reflection>) -> Self {
        SavedReflection {
            id: s.id.to_string(),
            revision: s.revision,
            saved_at: s.saved_at.into(),
            author: s.author.into(),
            reflection: s.value.into(),
        }
    }
}

/// One week of the history list, with what was written in it.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct HistoryWeek {
    /// The week's first day (as the week start is set).
    pub first_day: NaiveDate,
    /// The week's last day.
    pub last_day: NaiveDate,
    /// Its check-ins, oldest day first.
    pub checkins: Vec<SavedCheckIn>,
    /// Its weekly reflection, when there is one (at most one a week).
    pub reflections: Vec<SavedReflection>,
}

impl From<tc::HistoryWeek> for HistoryWeek {
    fn from(w: tc::HistoryWeek) -> Self {
        HistoryWeek {
            first_day: w.first_day,
            last_day: w.last_day,
            checkins: w.checkins.into_iter().map(Into::into).collect(),
            reflections: w.reflections.into_iter().map(Into::into).collect(),
        }
    }
}

/// The journal's settings.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Settings {
    /// The first day of a week, for every week the insights count.
    pub week_start: WeekStart,
}

impl From<tc::Settings> for Settings {
    fn from(s: tc::Settings) -> Self {
        Settings {
            week_start: s.week_start.into(),
        }
    }
}

impl From<Settings> for tc::Settings {
    fn from(s: Settings) -> Self {
        tc::Settings {
            week_start: s.week_start.into(),
        }
    }
}

/// What an import did, entry by entry.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportReport {
    /// Entries for a day or week the journal had none for.
    pub added: u32,
    /// Entries that replaced an older one.
    pub updated: u32,
    /// Entries the journal already held.
    pub unchanged: u32,
    /// Entries left out because the journal's own was newer.
    pub kept_newer_local: u32,
    /// Entries of a partner's file that were not the partner's own (what
    /// they had received from me), left out.
    pub not_theirs: u32,
    /// Whether the journal took the file's settings.
    pub settings_imported: bool,
}

impl From<tc::ImportReport> for ImportReport {
    fn from(r: tc::ImportReport) -> Self {
        ImportReport {
            added: r.added,
            updated: r.updated,
            unchanged: r.unchanged,
            kept_newer_local: r.kept_newer_local,
            not_theirs: r.not_theirs,
            settings_imported: r.settings_imported,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn check_in_with_every_field_set_crosses_to_the_core_and_back_unchanged() {
        let mut core = tc::CheckIn::new(
            d("2026-03-09"),
            2,
            tc::Move::Pursued,
            tc::PartnerMove::Unknown,
        );
        core.behaviours = vec![tc::Behaviour::WalkAway, tc::Behaviour::AskToTalk];
        core.feelings = vec![tc::Feeling::TooMuch, tc::Feeling::Hopeful];
        core.intensity = Some(10);
        core.skills = vec![tc::Skill::BreakAndReturn];
        core.repair = Some(tc::Repair::NotYet);
        core.closeness = Some(tc::Closeness {
            rating: Some(1),
            words: vec![tc::ClosenessWord::Distant, tc::ClosenessWord::Warm],
        });
        core.note = "a note".into();
        let ffi = CheckIn::from(core.clone());
        assert_eq!(ffi.my_move, Move::Pursued);
        assert_eq!(ffi.partner_move, PartnerMove::Unknown);
        assert_eq!(ffi.feelings, vec![Feeling::TooMuch, Feeling::Hopeful]);
        assert_eq!(tc::CheckIn::from(ffi), core);
    }

    #[test]
    fn reflection_with_every_answer_crosses_to_the_core_and_back_unchanged() {
        let core = tc::Reflection {
            week_start: d("2026-03-09"),
            raises_concerns: Some(tc::Who::Me),
            shuts_down: Some(tc::Who::Partner),
            talk_safety: Some(5),
            felt_chased: Some(tc::Who::Both),
            needing_space: "space".into(),
            note: "note".into(),
        };
        let ffi = Reflection::from(core.clone());
        assert_eq!(ffi.shuts_down, Some(Who::Partner));
        assert_eq!(tc::Reflection::from(ffi), core);
    }
}
