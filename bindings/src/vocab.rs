//! The vocabulary and the other closed sets of values, mirrored from the
//! core variant for variant. The conversions are exhaustive matches, so a
//! code added to the core fails this crate's build until it is added here.
//! Labels are not repeated: shells read them from [`vocabulary`].

use tandem_core as tc;

/// Declares an FFI enum with the same variants as a core enum, and the
/// conversions both ways.
macro_rules! mirror_enum {
    ($(#[$meta:meta])* $name:ident = $core:ty { $($variant:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        // Each variant is the core's variant of the same name, documented there.
        #[allow(missing_docs)]
        pub enum $name {
            $($variant),+
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                type Core = $core;
                match v {
                    $(Core::$variant => $name::$variant),+
                }
            }
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                type Core = $core;
                match v {
                    $($name::$variant => Core::$variant),+
                }
            }
        }
    };
}

mirror_enum! {
    /// What I did in the hardest moment.
    Move = tc::Move { Pursued, Withdrew, Both, Neither }
}
mirror_enum! {
    /// What my partner did, as I saw it.
    PartnerMove = tc::PartnerMove { Pursued, Withdrew, Both, Neither, Unknown }
}
mirror_enum! {
    /// A pursuing or withdrawing behaviour.
    Behaviour = tc::Behaviour {
        RaiseConcern, ProcessTogether, AskToTalk, SeekReassurance, AnxiousUnresolved,
        PressedHarder, ShutDown, AvoidFight, DelayTopic, ChangeSubject, NeedSpace, WalkAway,
    }
}
mirror_enum! {
    /// A feeling, on either side of the cycle or neither.
    Feeling = tc::Feeling {
        Anxious, Rejected, Unheard, Alone, Chasing, TooMuch, Unimportant, Overwhelmed,
        Pressured, Criticised, AfraidWrongThing, CantGetItRight, Trapped, Exhausted, Calm,
        Connected, Heard, Hopeful,
    }
}
mirror_enum! {
    /// A skill practised.
    Skill = tc::Skill { SlowDown, Regulate, SpeakSoftly, StayPresent, BreakAndReturn }
}
mirror_enum! {
    /// Whether we found our way back.
    Repair = tc::Repair { Reconnected, Partly, NotYet }
}
mirror_enum! {
    /// A word for how closeness felt (the private section).
    ClosenessWord = tc::ClosenessWord { Warm, Tense, Avoided, Pressured, Mechanical, Distant }
}
mirror_enum! {
    /// Who, in the weekly reflection's answers.
    Who = tc::Who { Me, Partner, Both, Neither }
}
mirror_enum! {
    /// Which side of the cycle a value belongs to.
    Side = tc::Side { Pursuing, Withdrawing }
}
mirror_enum! {
    /// Which list of the vocabulary an entry belongs to.
    VocabKind = tc::VocabKind { Move, PartnerMove, Behaviour, Feeling, Skill, Repair, Closeness, Who }
}
mirror_enum! {
    /// The first day of a week.
    WeekStart = tc::WeekStart { Monday, Sunday }
}
mirror_enum! {
    /// Whose entry a record is.
    Author = tc::Author { Me, Partner }
}
mirror_enum! {
    /// A way the journal can be unlocked.
    UnlockMethod = tc::Method { Device, Passphrase, Recovery }
}
mirror_enum! {
    /// What a finding is about.
    FindingKind = tc::insights::FindingKind { CycleDays, Intensity, Repair, Mood, Roles, Skills }
}
mirror_enum! {
    /// A part of the therapist summary.
    Section = tc::summary::Section {
        Overview, Patterns, Feelings, Skills, Reflections, ReflectionNotes, Notes, Closeness,
    }
}

/// One vocabulary value: its stable code and English label.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct VocabEntry {
    /// The list it belongs to.
    pub kind: VocabKind,
    /// Stable code, never renumbered or renamed.
    pub code: String,
    /// English label to show.
    pub label: String,
    /// The side of the cycle, when it has one.
    pub side: Option<Side>,
}

impl From<tc::VocabEntry> for VocabEntry {
    fn from(e: tc::VocabEntry) -> Self {
        VocabEntry {
            kind: e.kind.into(),
            code: e.code.to_string(),
            label: e.label.to_string(),
            side: e.side.map(Into::into),
        }
    }
}

/// Every vocabulary value with its label, in the core's order.
#[uniffi::export]
pub fn vocabulary() -> Vec<VocabEntry> {
    tc::vocabulary().into_iter().map(Into::into).collect()
}
mirror_enum! {
    /// A value the core can refuse; `field_words` says it in a sentence.
    InputField = tc::Field {
        Mood, MyMove, PartnerMove, Behaviours, Feelings, Intensity, Skills, Repair, Closeness,
        Note, Date, WeekStart, Who, TalkSafety, NeedingSpace, Sections, From, Weeks, Import,
        Passphrase,
        RecoveryCode, DeviceKey, KdfIterations, Unlock, Path, Target, Journal,
    }
}
mirror_enum! {
    /// Something a screen may have to say; `sentence` gives its words.
    Sentence = tc::Sentence {
        WrongKey, Corrupt, OutOfStep, NewerVersion, NotAJournal, NotABackup, WouldReplace,
        FromAnotherJournal, NotFound, AlreadyExists, Locked, Closed, Io, Database, Unknown,
        PassphrasesDiffer, CodeDiffers, NoSection, CheckInIncomplete,
    }
}
mirror_enum! {
    /// What the user says an export file is, when importing it.
    ImportAs = tc::ImportAs { Auto, Partner, MyOtherJournal }
}
mirror_enum! {
    /// A question the check-in or the reflection asks; `question_text` gives its words.
    Prompt = tc::Prompt {
        Mood, MyMove, PartnerMove, Behaviours, Feelings, Intensity, Skills, Repair, Closeness,
        Note, RaisesConcerns, ShutsDown, FeltChased, TalkSafety, NeedingSpace, WeekNote,
    }
}
