//! Tandem's core for the phones: a UniFFI wrapper over `tandem-core`.
//!
//! This crate converts and nothing more. Every rule, number and label comes
//! from the core; here values only change shape to cross into Kotlin and
//! Swift. Dates cross as ISO `YYYY-MM-DD` strings (`day`), errors as one
//! public enum (`error`), and the journal as one thread-safe object
//! (`journal`). No function is async, so Kotlin needs only JNA.

uniffi::setup_scaffolding!();

mod choices;
mod day;
mod entries;
mod error;
mod health;
mod insights;
mod journal;
mod summary;
mod vocab;

pub use choices::{
    BehaviourChoice, Choices, ClosenessWordChoice, FeelingChoice, MoveChoice, PartnerMoveChoice,
    QuestionText, RepairChoice, ScaleRange, ScaleText, Scales, SkillChoice, TrendLineEnds,
    WhoChoice, checkin_can_save, choices, scales, trend_ends,
};
pub use entries::{
    CheckIn, Closeness, HistoryWeek, ImportReport, Reflection, SavedCheckIn, SavedReflection,
    Settings,
};
pub use error::{JournalError, error_sentence, field_words, input_fields, sentence};
pub use health::{Health, SoundExport};
pub use insights::{
    BehaviourCount, ChartText, ChartTexts, FeelingCount, Finding, Insights, MoveCounts,
    MovesLegend, PartnerMoveCounts, Pattern, RepairCounts, SkillCount, TopBehaviours, TopFeelings,
    Trend, TrendLine, WeekPoint, WeekSummary, Window,
};
pub use journal::{
    Journal, NewJournal, Unlock, check_backup, create_journal, min_passphrase_chars,
    restore_journal, unlock_methods_at,
};
pub use summary::{DateRange, SectionChoice, default_summary_sections, summary_sections};
pub use vocab::{
    Author, Behaviour, ClosenessWord, Feeling, FindingKind, ImportAs, InputField, Move,
    PartnerMove, Prompt, Repair, Section, Sentence, Side, Skill, UnlockMethod, VocabEntry,
    VocabKind, WeekStart, Who, vocabulary,
};
