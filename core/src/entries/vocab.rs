//! The vocabulary: every move, behaviour, feeling, skill, repair and
//! closeness word a check-in can hold, with stable codes and English labels.
//!
//! Codes are what is stored and exchanged; they are never renamed or reused.
//! Labels are the app's own wording, drawn from the ideas of the
//! pursue–withdraw article. Shells build every picker from [`vocabulary`].

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Which side of the cycle a behaviour or feeling usually belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// Reaching toward the other: raising, pressing, seeking.
    Pursuing,
    /// Stepping back: quieting, delaying, needing space.
    Withdrawing,
}

impl Side {
    /// Stable code of the side.
    pub fn code(self) -> &'static str {
        match self {
            Side::Pursuing => "pursuing",
            Side::Withdrawing => "withdrawing",
        }
    }
}

/// The groups the vocabulary is organised in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VocabKind {
    /// What I did in the hardest moment of the day.
    Move,
    /// What my partner did, as I saw it.
    PartnerMove,
    /// Things I did that day.
    Behaviour,
    /// Things I felt that day.
    Feeling,
    /// Skills I practised.
    Skill,
    /// Whether we found our way back.
    Repair,
    /// Words for physical and sexual closeness (private section).
    Closeness,
    /// Answers to "who" in the weekly reflection.
    Who,
}

impl VocabKind {
    /// Every kind, in the order pickers show them.
    pub const ALL: &'static [VocabKind] = &[
        VocabKind::Move,
        VocabKind::PartnerMove,
        VocabKind::Behaviour,
        VocabKind::Feeling,
        VocabKind::Skill,
        VocabKind::Repair,
        VocabKind::Closeness,
        VocabKind::Who,
    ];

    /// Stable code of the kind.
    pub fn code(self) -> &'static str {
        match self {
            VocabKind::Move => "move",
            VocabKind::PartnerMove => "partner_move",
            VocabKind::Behaviour => "behaviour",
            VocabKind::Feeling => "feeling",
            VocabKind::Skill => "skill",
            VocabKind::Repair => "repair",
            VocabKind::Closeness => "closeness",
            VocabKind::Who => "who",
        }
    }
}

/// One entry of the vocabulary, as a shell needs it for a picker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VocabEntry {
    /// The group the entry belongs to.
    pub kind: VocabKind,
    /// The stable code stored in records.
    pub code: &'static str,
    /// The English label shown to people.
    pub label: &'static str,
    /// The side of the cycle, for behaviours and feelings that lean one way.
    pub side: Option<Side>,
}

/// Declares a vocabulary enum: variants with code, label and side, the
/// lookup both ways, and serde through the code.
macro_rules! vocab_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:expr, $field:ident {
            $($(#[$vmeta:meta])* $variant:ident => $code:literal, $label:literal, $side:expr;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in the order pickers show them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The vocabulary group these values belong to.
            pub const KIND: VocabKind = $kind;

            /// The stable code stored in records.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The English label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The side of the cycle this value leans to, if any.
            pub fn side(self) -> Option<Side> {
                match self { $($name::$variant => $side),+ }
            }

            /// Looks a value up by its code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }

            /// Parses a code, naming the field in the error (the code itself is not echoed).
            pub fn parse(code: &str) -> crate::Result<Self> {
                Self::from_code(code.trim()).ok_or_else(|| {
                    crate::error::invalid(
                        crate::error::Field::$field,
                        format!("not a known {} code (see the vocabulary)", $kind.code()),
                    )
                })
            }

            fn entries() -> impl Iterator<Item = VocabEntry> {
                Self::ALL.iter().map(|v| VocabEntry {
                    kind: $kind,
                    code: v.code(),
                    label: v.label(),
                    side: v.side(),
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = std::borrow::Cow::<str>::deserialize(d)?;
                Self::from_code(&code).ok_or_else(|| {
                    serde::de::Error::custom(format_args!("unknown {} code", crate::error::Field::$field))
                })
            }
        }
    };
}

vocab_enum! {
    /// What I did in the hardest moment of the day.
    Move, VocabKind::Move, MyMove {
        /// Reached toward my partner: pressed to talk, to settle it, to be close.
        Pursued => "pursued", "I pursued: reached out, pressed to talk it through", Some(Side::Pursuing);
        /// Pulled back to calm down or to avoid the conversation.
        Withdrew => "withdrew", "I withdrew: pulled back, went quiet, needed space", Some(Side::Withdrawing);
        /// Did both at different moments.
        Both => "both", "Both, at different moments", None;
        /// Neither: no reaching, no retreating.
        Neither => "neither", "Neither: no chasing, no retreating", None;
    }
}

vocab_enum! {
    /// What my partner did, as I saw it.
    PartnerMove, VocabKind::PartnerMove, PartnerMove {
        /// My partner reached toward me.
        Pursued => "pursued", "My partner pursued", Some(Side::Pursuing);
        /// My partner pulled back.
        Withdrew => "withdrew", "My partner withdrew", Some(Side::Withdrawing);
        /// Both at different moments.
        Both => "both", "Both, at different moments", None;
        /// Neither.
        Neither => "neither", "Neither", None;
        /// I could not tell, or we were apart.
        Unknown => "unknown", "I couldn't tell", None;
    }
}

vocab_enum! {
    /// Things I did that day, on either side of the cycle.
    Behaviour, VocabKind::Behaviour, Behaviours {
        /// Raised a concern about us.
        RaiseConcern => "raise_concern", "Brought up a worry about us", Some(Side::Pursuing);
        /// Wanted to work through feelings together.
        ProcessTogether => "process_together", "Wanted us to work through feelings together", Some(Side::Pursuing);
        /// Asked to talk.
        AskToTalk => "ask_to_talk", "Asked if we could talk", Some(Side::Pursuing);
        /// Looked for reassurance or clarity.
        SeekReassurance => "seek_reassurance", "Looked for reassurance or a clear answer", Some(Side::Pursuing);
        /// Could not settle while it stayed unresolved.
        AnxiousUnresolved => "anxious_unresolved", "Couldn't settle while it was unresolved", Some(Side::Pursuing);
        /// Came back to it again and again, more urgently.
        PressedHarder => "pressed_harder", "Came back to it again, more urgently", Some(Side::Pursuing);
        /// Went quiet or shut down.
        ShutDown => "shut_down", "Went quiet or shut down", Some(Side::Withdrawing);
        /// Said I did not want to fight.
        AvoidFight => "avoid_fight", "Said I didn't want to fight", Some(Side::Withdrawing);
        /// Put off or steered around a hard topic.
        DelayTopic => "delay_topic", "Put off a hard topic for later", Some(Side::Withdrawing);
        /// Changed the subject.
        ChangeSubject => "change_subject", "Changed the subject", Some(Side::Withdrawing);
        /// Needed space when things got intense.
        NeedSpace => "need_space", "Needed space when it got intense", Some(Side::Withdrawing);
        /// Left the room or the conversation.
        WalkAway => "walk_away", "Left the room or the conversation", Some(Side::Withdrawing);
    }
}

vocab_enum! {
    /// Things I felt that day.
    Feeling, VocabKind::Feeling, Feelings {
        /// Anxious while things went unaddressed.
        Anxious => "anxious", "Anxious", Some(Side::Pursuing);
        /// Rejected when my partner pulled away.
        Rejected => "rejected", "Rejected", Some(Side::Pursuing);
        /// Unheard, desperate to be heard.
        Unheard => "unheard", "Unheard", Some(Side::Pursuing);
        /// Alone in caring about us.
        Alone => "alone", "Alone in caring about us", Some(Side::Pursuing);
        /// Like I had to chase connection.
        Chasing => "chasing", "Like I had to chase closeness", Some(Side::Pursuing);
        /// Like I am "too much".
        TooMuch => "too_much", "Like I'm \"too much\"", Some(Side::Pursuing);
        /// Unimportant.
        Unimportant => "unimportant", "Unimportant", Some(Side::Pursuing);
        /// Overwhelmed.
        Overwhelmed => "overwhelmed", "Overwhelmed", Some(Side::Withdrawing);
        /// Pressured.
        Pressured => "pressured", "Pressured", Some(Side::Withdrawing);
        /// Criticised or attacked.
        Criticised => "criticised", "Criticised or attacked", Some(Side::Withdrawing);
        /// Afraid of saying the wrong thing.
        AfraidWrongThing => "afraid_wrong_thing", "Afraid of saying the wrong thing", Some(Side::Withdrawing);
        /// Like I can't get it right.
        CantGetItRight => "cant_get_it_right", "Like I can't get it right", Some(Side::Withdrawing);
        /// Trapped in a conversation with no end.
        Trapped => "trapped", "Trapped", Some(Side::Withdrawing);
        /// Emotionally worn out.
        Exhausted => "exhausted", "Worn out", Some(Side::Withdrawing);
        /// Calm.
        Calm => "calm", "Calm", None;
        /// Close to my partner.
        Connected => "connected", "Close to my partner", None;
        /// Heard and understood.
        Heard => "heard", "Heard", None;
        /// Hopeful about us.
        Hopeful => "hopeful", "Hopeful about us", None;
    }
}

vocab_enum! {
    /// Skills that soften the cycle.
    Skill, VocabKind::Skill, Skills {
        /// Slowed the conversation down.
        SlowDown => "slow_down", "Slowed the conversation down", None;
        /// Calmed my body: breath, a walk, a pause.
        Regulate => "regulate", "Calmed my body (breathing, a walk, a pause)", None;
        /// Spoke softly and clearly.
        SpeakSoftly => "speak_softly", "Spoke softly and clearly", None;
        /// Stayed present instead of shutting down.
        StayPresent => "stay_present", "Stayed present instead of shutting down", None;
        /// Took a break and came back as promised.
        BreakAndReturn => "break_and_return", "Took a break and came back", None;
    }
}

vocab_enum! {
    /// Whether we found our way back after a hard moment.
    Repair, VocabKind::Repair, Repair {
        /// We reconnected.
        Reconnected => "reconnected", "We reconnected", None;
        /// Partly.
        Partly => "partly", "Partly", None;
        /// Not yet.
        NotYet => "not_yet", "Not yet", None;
    }
}

vocab_enum! {
    /// Words for physical and sexual closeness; the private section.
    ClosenessWord, VocabKind::Closeness, Closeness {
        /// Warm and connected.
        Warm => "warm", "Warm, connected", None;
        /// Tense.
        Tense => "tense", "Tense", None;
        /// Avoided.
        Avoided => "avoided", "Avoided", None;
        /// Felt pressured.
        Pressured => "pressured", "Pressured", None;
        /// Going through the motions.
        Mechanical => "mechanical", "Going through the motions", None;
        /// Distant or absent.
        Distant => "distant", "Distant or absent", None;
    }
}

vocab_enum! {
    /// Answers to the reflection's "who" questions.
    Who, VocabKind::Who, Who {
        /// Me.
        Me => "me", "Me", None;
        /// My partner.
        Partner => "partner", "My partner", None;
        /// Both of us.
        Both => "both", "Both of us", None;
        /// Neither of us.
        Neither => "neither", "Neither of us", None;
    }
}

/// Every vocabulary entry, grouped by kind in picker order.
pub fn vocabulary() -> Vec<VocabEntry> {
    let mut all = Vec::new();
    all.extend(Move::entries());
    all.extend(PartnerMove::entries());
    all.extend(Behaviour::entries());
    all.extend(Feeling::entries());
    all.extend(Skill::entries());
    all.extend(Repair::entries());
    all.extend(ClosenessWord::entries());
    all.extend(Who::entries());
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_within_each_kind_and_labels_are_filled() {
        let all = vocabulary();
        for kind in VocabKind::ALL {
            let codes: Vec<_> = all
                .iter()
                .filter(|e| e.kind == *kind)
                .map(|e| e.code)
                .collect();
            let unique: HashSet<_> = codes.iter().collect();
            assert!(!codes.is_empty(), "{kind:?} has entries");
            assert_eq!(codes.len(), unique.len(), "{kind:?} codes are unique");
        }
        assert!(all.iter().all(|e| !e.label.trim().is_empty()));
        assert!(
            all.iter()
                .all(|e| e.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        );
    }

    #[test]
    fn the_design_vocabulary_is_all_there() {
        let codes = |kind| -> Vec<&str> {
            vocabulary()
                .into_iter()
                .filter(|e| e.kind == kind)
                .map(|e| e.code)
                .collect()
        };
        assert_eq!(
            codes(VocabKind::Move),
            ["pursued", "withdrew", "both", "neither"]
        );
        assert_eq!(
            codes(VocabKind::PartnerMove),
            ["pursued", "withdrew", "both", "neither", "unknown"]
        );
        assert_eq!(
            codes(VocabKind::Skill),
            [
                "slow_down",
                "regulate",
                "speak_softly",
                "stay_present",
                "break_and_return"
            ]
        );
        assert_eq!(
            codes(VocabKind::Repair),
            ["reconnected", "partly", "not_yet"]
        );
        for code in [
            "raise_concern",
            "ask_to_talk",
            "seek_reassurance",
            "shut_down",
            "avoid_fight",
            "delay_topic",
            "change_subject",
            "need_space",
        ] {
            assert!(codes(VocabKind::Behaviour).contains(&code), "{code}");
        }
        for code in [
            "anxious",
            "rejected",
            "unheard",
            "alone",
            "too_much",
            "overwhelmed",
            "pressured",
            "criticised",
            "afraid_wrong_thing",
            "trapped",
        ] {
            assert!(codes(VocabKind::Feeling).contains(&code), "{code}");
        }
    }

    #[test]
    fn behaviours_lean_to_the_side_the_article_puts_them_on() {
        assert_eq!(Behaviour::AskToTalk.side(), Some(Side::Pursuing));
        assert_eq!(Behaviour::ChangeSubject.side(), Some(Side::Withdrawing));
        assert_eq!(Feeling::TooMuch.side(), Some(Side::Pursuing));
        assert_eq!(Feeling::Trapped.side(), Some(Side::Withdrawing));
        assert_eq!(Feeling::Calm.side(), None);
    }

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused_without_echo() {
        for b in Behaviour::ALL {
            assert_eq!(Behaviour::from_code(b.code()), Some(*b));
        }
        let err = Skill::parse("sulk-secretly").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("skills"), "{msg}");
        assert!(!msg.contains("sulk"), "{msg}");
        assert_eq!(
            serde_json::to_string(&Repair::NotYet).unwrap(),
            "\"not_yet\""
        );
        assert_eq!(
            serde_json::from_str::<Repair>("\"partly\"").unwrap(),
            Repair::Partly
        );
        assert!(serde_json::from_str::<Repair>("\"maybe\"").is_err());
    }
}
