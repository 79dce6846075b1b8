//! The questions of the check-in and the weekly reflection, as the apps ask
//! them, with the words at the two ends of each scale. Both apps show these
//! words; neither restates them. Written in the article's spirit: they ask
//! about moves and feelings, never who is to blame.

use std::ops::RangeInclusive;

use crate::rules;

/// Every question the apps ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Prompt {
    /// The day's mood.
    Mood,
    /// What I did in the hardest moment.
    MyMove,
    /// What my partner did, as I saw it.
    PartnerMove,
    /// Things I did.
    Behaviours,
    /// Things I felt.
    Feelings,
    /// How heated it got.
    Intensity,
    /// Skills I practised.
    Skills,
    /// Whether we found our way back.
    Repair,
    /// How close we felt.
    Closeness,
    /// The day's note.
    Note,
    /// Who usually brought up concerns.
    RaisesConcerns,
    /// Who tended to shut down.
    ShutsDown,
    /// Whether either of us felt chased or cornered.
    FeltChased,
    /// How hard talks felt.
    TalkSafety,
    /// What happens when one of us needs space.
    NeedingSpace,
    /// Anything else about the week.
    WeekNote,
}

impl Prompt {
    /// Every question, check-in first, in the order the forms ask them.
    pub const ALL: &'static [Prompt] = &[
        Prompt::Mood,
        Prompt::MyMove,
        Prompt::PartnerMove,
        Prompt::Behaviours,
        Prompt::Feelings,
        Prompt::Intensity,
        Prompt::Skills,
        Prompt::Repair,
        Prompt::Closeness,
        Prompt::Note,
        Prompt::RaisesConcerns,
        Prompt::ShutsDown,
        Prompt::FeltChased,
        Prompt::TalkSafety,
        Prompt::NeedingSpace,
        Prompt::WeekNote,
    ];

    /// The question as asked.
    pub fn text(self) -> &'static str {
        match self {
            Prompt::Mood => "How was the day?",
            Prompt::MyMove => "In the hardest moment, what did you do?",
            Prompt::PartnerMove => "And your partner, as you saw it?",
            Prompt::Behaviours => "What you did",
            Prompt::Feelings => "What you felt",
            Prompt::Intensity => "How heated did it get?",
            Prompt::Skills => "Skills you practised",
            Prompt::Repair => "Did you find your way back?",
            Prompt::Closeness => "How close did you feel?",
            Prompt::Note => "Note",
            Prompt::RaisesConcerns => "Who usually brought up concerns?",
            Prompt::ShutsDown => "Who tended to shut down?",
            Prompt::FeltChased => "Did either of you feel chased or cornered?",
            Prompt::TalkSafety => "How did hard talks feel?",
            Prompt::NeedingSpace => "What happens when one of you needs space?",
            Prompt::WeekNote => "Anything else about this week",
        }
    }

    /// The scale a question is answered on, with the words at its two ends.
    pub fn scale(self) -> Option<Scale> {
        let (range, low, high) = match self {
            Prompt::Mood => (rules::MOOD, "very low", "very good"),
            Prompt::Intensity => (rules::INTENSITY, "calm", "as heated as it gets"),
            Prompt::Closeness => (rules::CLOSENESS, "far apart", "very close"),
            Prompt::TalkSafety => (rules::TALK_SAFETY, "safe", "overwhelming"),
            _ => return None,
        };
        Some(Scale { range, low, high })
    }
}

/// A question's answer scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scale {
    /// Its answers.
    pub range: RangeInclusive<u8>,
    /// The word at the low end ("very low").
    pub low: &'static str,
    /// The word at the high end ("very good").
    pub high: &'static str,
}

impl Scale {
    /// The scale in a sentence: "1 is very low, 5 is very good."
    pub fn hint(&self) -> String {
        format!(
            "{} is {}, {} is {}.",
            self.range.start(),
            self.low,
            self.range.end(),
            self.high
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_scale_reads_as_one_sentence_from_its_range() {
        assert_eq!(
            Prompt::Mood.scale().unwrap().hint(),
            "1 is very low, 5 is very good."
        );
        assert_eq!(
            Prompt::Intensity.scale().unwrap().hint(),
            "0 is calm, 10 is as heated as it gets."
        );
        assert_eq!(
            Prompt::TalkSafety.scale().unwrap().hint(),
            "1 is safe, 5 is overwhelming."
        );
        assert!(Prompt::Note.scale().is_none());
    }

    #[test]
    fn every_question_has_its_own_words() {
        let mut texts: Vec<&str> = Prompt::ALL.iter().map(|p| p.text()).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), Prompt::ALL.len());
    }
}
