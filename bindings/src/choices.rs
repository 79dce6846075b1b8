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
