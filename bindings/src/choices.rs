//! The vocabulary as typed picker lists: each value as the enum the
//! records take, with its label and side from the core, so a shell builds
//! its pickers without mapping codes to enums itself.

use tandem_core as tc;

use crate::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Side, Skill, Who,
};

/// Declares a choice record for an FFI enum and the list of them from the
/// core's values, in the core's order.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident for $value:ident from $core:ty) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
        pub struct $name {
            /// The value to store.
            pub value: $value,
            /// English label to show.
            pub label: String,
            /// The side of the cycle, when it has one.
            pub side: Option<Side>,
        }

        impl $name {
            fn all() -> Vec<$name> {
                <$core>::ALL
                    .iter()
                    .map(|&v| $name {
                        value: v.into(),
                        label: v.label().to_string(),
                        side: v.side().map(Into::into),
                    })
                    .collect()
            }
        }
    };
}

choice!(/** A choice of what I did. */ MoveChoice for Move from tc::Move);
choice!(/** A choice of what my partner did. */ PartnerMoveChoice for PartnerMove from tc::PartnerMove);
choice!(/** A choice of behaviour. */ BehaviourChoice for Behaviour from tc::Behaviour);
choice!(/** A choice of feeling. */ FeelingChoice for Feeling from tc::Feeling);
choice!(/** A choice of skill. */ SkillChoice for Skill from tc::Skill);
choice!(/** A choice of how repair went. */ RepairChoice for Repair from tc::Repair);
choice!(/** A choice of closeness word. */ ClosenessWordChoice for ClosenessWord from tc::ClosenessWord);
choice!(/** A choice of who, for the reflection. */ WhoChoice for Who from tc::Who);

/// Every picker list of the check-in and the reflection.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct Choices {
    /// What I did.
    pub moves: Vec<MoveChoice>,
    /// What my partner did, as I saw it.
    pub partner_moves: Vec<PartnerMoveChoice>,
    /// Behaviours, pursuing then withdrawing.
    pub behaviours: Vec<BehaviourChoice>,
    /// Feelings, pursuing, withdrawing, then neither.
    pub feelings: Vec<FeelingChoice>,
    /// Skills.
    pub skills: Vec<SkillChoice>,
    /// How repair went.
    pub repairs: Vec<RepairChoice>,
    /// Words for closeness.
    pub closeness_words: Vec<ClosenessWordChoice>,
    /// Answers to the reflection's "who" questions.
    pub whos: Vec<WhoChoice>,
}

/// The pickers, labelled and ordered by the core.
#[uniffi::export]
pub fn choices() -> Choices {
    Choices {
        moves: MoveChoice::all(),
        partner_moves: PartnerMoveChoice::all(),
        behaviours: BehaviourChoice::all(),
        feelings: FeelingChoice::all(),
        skills: SkillChoice::all(),
        repairs: RepairChoice::all(),
        closeness_words: ClosenessWordChoice::all(),
        whos: WhoChoice::all(),
    }
}

/// A scale's ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct ScaleRange {
    /// The lowest answer.
    pub min: u8,
    /// The highest answer.
    pub max: u8,
}

impl From<std::ops::RangeInclusive<u8>> for ScaleRange {
    fn from(r: std::ops::RangeInclusive<u8>) -> Self {
        ScaleRange {
            min: *r.start(),
            max: *r.end(),
        }
    }
}

/// The numbers the screens are drawn by, from the core: the answer scales,
/// the default number of weeks and the charts' axes.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct Scales {
    /// Mood.
    pub mood: ScaleRange,
    /// How heated it got.
    pub intensity: ScaleRange,
    /// How close we felt.
    pub closeness: ScaleRange,
    /// Whether hard talks feel safe.
    pub talk_safety: ScaleRange,
    /// Weeks the charts show unless asked otherwise.
    pub default_weeks: u32,
    /// The days axis (moves and cycle-days charts): from.
    pub days_axis_min: f64,
    /// The days axis: to.
    pub days_axis_max: f64,
    /// The mood chart's axis: from.
    pub mood_axis_min: f64,
    /// The mood chart's axis: to.
    pub mood_axis_max: f64,
}

/// The core's scales, default weeks and chart axes.
#[uniffi::export]
pub fn scales() -> Scales {
    use tc::rules;
    Scales {
        mood: rules::MOOD.into(),
        intensity: rules::INTENSITY.into(),
        closeness: rules::CLOSENESS.into(),
        talk_safety: rules::TALK_SAFETY.into(),
        default_weeks: rules::DEFAULT_WEEKS,
        days_axis_min: *rules::DAYS_AXIS.start(),
        days_axis_max: *rules::DAYS_AXIS.end(),
        mood_axis_min: *rules::MOOD_AXIS.start(),
        mood_axis_max: *rules::MOOD_AXIS.end(),
    }
}

/// Whether a check-in being written may be saved: a mood and both moves.
#[uniffi::export]
pub fn checkin_can_save(
    mood: Option<u8>,
    my_move: Option<Move>,
    partner_move: Option<PartnerMove>,
) -> bool {
    tc::rules::checkin_can_save(mood, my_move.map(Into::into), partner_move.map(Into::into))
}

/// A trend line's ends over `weeks` weeks, clamped to the days axis.
#[derive(Debug, Clone, Copy, PartialEq, uniffi::Record)]
pub struct TrendLineEnds {
    /// At the first week.
    pub first: f64,
    /// At the last week.
    pub last: f64,
}

/// Where the cycle-days trend line (`intercept`, `slope` per week) starts
/// and ends over `weeks` weeks, each end clamped to the days axis.
#[uniffi::export]
pub fn trend_ends(intercept: f64, slope: f64, weeks: u32) -> TrendLineEnds {
    let (first, last) = tc::rules::trend_ends(intercept, slope, weeks);
    TrendLineEnds { first, last }
}

/// A question's words, from the core.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct QuestionText {
    /// The question as asked ("How was the day?").
    pub prompt: String,
    /// The answer scale, for a question answered on one.
    pub scale: Option<ScaleText>,
}

/// A question's answer scale in words.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ScaleText {
    /// Its answers.
    pub range: ScaleRange,
    /// The word at the low end ("very low").
    pub low_word: String,
    /// The word at the high end ("very good").
    pub high_word: String,
    /// The scale in a sentence ("1 is very low, 5 is very good.").
    pub hint: String,
}

/// The words of one question of the check-in or the reflection.
#[uniffi::export]
pub fn question_text(which: crate::vocab::Prompt) -> QuestionText {
    let p = tc::Prompt::from(which);
    QuestionText {
        prompt: p.text().to_string(),
        scale: p.scale().map(|s| ScaleText {
            hint: s.hint(),
            range: s.range.clone().into(),
            low_word: s.low.to_string(),
            high_word: s.high.to_string(),
        }),
    }
}
