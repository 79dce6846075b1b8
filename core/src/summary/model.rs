//! The summary's model: the figures each section holds, as both the HTML
//! and the JSON document show them.

use chrono::NaiveDate;
use serde::Serialize;

use super::Section;
use crate::entries::settings::WeekStart;
use crate::entries::vocab::Who;
use crate::insights::{Finding, Pattern, RepairCounts, Trend};

/// Version of the JSON document; raised whenever a field changes meaning or
/// goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// A vocabulary value with its label and how often it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The stable code.
    pub code: &'static str,
    /// The English label.
    pub label: &'static str,
    /// Days it was chosen on.
    pub count: u32,
}

/// The overview figures over the whole range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Days with a check-in.
    pub days_logged: u32,
    /// Days in the range.
    pub days_in_range: u32,
    /// Mean mood, 1–5.
    pub mood_average: Option<f64>,
    /// Cycle days over the range.
    pub cycle_days: u32,
    /// Cycle days per seven days logged.
    pub cycle_days_per_week: Option<f64>,
    /// Mean intensity of the hardest moment, 0–10.
    pub intensity_average: Option<f64>,
    /// Days with a hard moment.
    pub hard_days: u32,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
    /// Days I pursued (including "both").
    pub i_pursued: u32,
    /// Days I withdrew (including "both").
    pub i_withdrew: u32,
    /// Days my partner pursued, as I saw it (including "both").
    pub partner_pursued: u32,
    /// Days my partner withdrew, as I saw it (including "both").
    pub partner_withdrew: u32,
    /// Days I couldn't tell what my partner did.
    pub partner_unknown: u32,
}

/// The pattern section: the series the charts draw, and the findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Patterns {
    /// One point per week.
    pub pattern: Pattern,
    /// The last four weeks against the four before.
    pub trend: Trend,
    /// Plain-language findings with their n.
    pub findings: Vec<Finding>,
}

/// Feelings and behaviours by side of the cycle, most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeelingsSection {
    /// Feelings on the pursuing side.
    pub pursuing_feelings: Vec<Count>,
    /// Feelings on the withdrawing side.
    pub withdrawing_feelings: Vec<Count>,
    /// Feelings that lean to neither side.
    pub other_feelings: Vec<Count>,
    /// Behaviours on the pursuing side.
    pub pursuing_behaviours: Vec<Count>,
    /// Behaviours on the withdrawing side.
    pub withdrawing_behaviours: Vec<Count>,
}

/// Skills practised and how hard moments ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillsSection {
    /// Days each skill was practised, every skill in vocabulary order.
    pub skills: Vec<Count>,
    /// Days with a hard moment.
    pub hard_days: u32,
    /// How the hard moments ended.
    pub repair: RepairCounts,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
}

/// One week's structured reflection answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionAnswers {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// Who usually brought up concerns.
    pub raises_concerns: Option<Who>,
    /// Who tended to shut down.
    pub shuts_down: Option<Who>,
    /// 1 safe … 5 overwhelming.
    pub talk_safety: Option<u8>,
    /// Who felt chased or cornered.
    pub felt_chased: Option<Who>,
}

/// One week's reflection free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionText {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// What happened when one of us needed space.
    pub needing_space: String,
    /// Anything else about the week.
    pub note: String,
}

/// One day's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayNote {
    /// The day.
    pub date: NaiveDate,
    /// The note.
    pub note: String,
}

/// The closeness section: ratings and words over the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosenessSection {
    /// Days with a closeness answer.
    pub days_answered: u32,
    /// Mean rating, 1–5, over days with a rating.
    pub rating_average: Option<f64>,
    /// Words chosen, in vocabulary order, with their counts.
    pub words: Vec<Count>,
}

/// Everything a summary holds; each section is `None` unless picked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day it was made (the user's local day).
    pub made_on: NaiveDate,
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range.
    pub to: NaiveDate,
    /// The day weeks start on.
    pub week_start: WeekStart,
    /// The sections picked, in document order.
    pub sections: Vec<Section>,
    /// Overview figures.
    pub overview: Option<Overview>,
    /// Charts' series and findings.
    pub patterns: Option<Patterns>,
    /// Feelings and behaviours.
    pub feelings: Option<FeelingsSection>,
    /// Skills and repair.
    pub skills: Option<SkillsSection>,
    /// Weekly structured answers.
    pub reflections: Option<Vec<ReflectionAnswers>>,
    /// Weekly free text.
    pub reflection_notes: Option<Vec<ReflectionText>>,
    /// Daily notes.
    pub notes: Option<Vec<DayNote>>,
    /// Closeness.
    pub closeness: Option<ClosenessSection>,
}
