//! The words the apps show when something is refused or fails: one sentence
//! for each error, the words for each input field, and the sentences the
//! shells' model layers say for checks made before the core is called. The
//! shells show these and restate none of them; every field has its words.
//!
//! People in conflict read these: a sentence says what happened and what to
//! do next, never blames, and never repeats a path, a typed value or entry
//! content.

use std::fmt;

use crate::error::Error;

macro_rules! fields {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $words:literal; )*) => {
        /// A value the core can refuse, named the way the API names it. Crosses
        /// to the shells as a typed enum; [`Field::words`] says it in a sentence.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Field {
            $( $(#[$doc])* $variant, )*
        }

        impl Field {
            /// Every field, in a fixed order.
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            /// The name the API and the export use (`mood`, `recovery_code` …).
            pub fn code(self) -> &'static str {
                match self {
                    $(Field::$variant => $code,)*
                }
            }

            /// The field as the words that start a sentence about it ("The mood").
            pub fn words(self) -> &'static str {
                match self {
                    $(Field::$variant => $words,)*
                }
            }
        }
    };
}

fields! {
    /// A check-in's mood.
    Mood = "mood", "The mood";
    /// What I did in the hardest moment.
    MyMove = "my_move", "What you did";
    /// What my partner did, as I saw it.
    PartnerMove = "partner_move", "What your partner did";
    /// Things I did.
    Behaviours = "behaviours", "The things you did";
    /// Things I felt.
    Feelings = "feelings", "The feelings";
    /// How heated it got.
    Intensity = "intensity", "How heated it got";
    /// Skills I practised.
    Skills = "skills", "The skills";
    /// Whether we found our way back.
    Repair = "repair", "Whether you found your way back";
    /// The closeness section.
    Closeness = "closeness", "The closeness";
    /// A note.
    Note = "note", "The note";
    /// The day of a check-in.
    Date = "date", "The day";
    /// The week of a reflection, or the day weeks start on.
    WeekStart = "week_start", "The week";
    /// Who raises concerns, shuts down, felt chased (a reflection's answers).
    Who = "who", "The answer";
    /// Whether hard talks feel safe.
    TalkSafety = "talk_safety", "How safe talking felt";
    /// What happened when one of us needed space.
    NeedingSpace = "needing_space", "The answer about needing space";
    /// The sections of a summary.
    Sections = "sections", "The summary";
    /// The first day of a range.
    From = "from", "The start of the range";
    /// How many weeks a pattern covers.
    Weeks = "weeks", "The number of weeks";
    /// A file to import.
    Import = "import", "The file";
    /// The passphrase.
    Passphrase = "passphrase", "The passphrase";
    /// The recovery code.
    RecoveryCode = "recovery_code", "The recovery code";
    /// The key kept in the phone's keystore.
    DeviceKey = "device_key", "The device key";
    /// How hard a passphrase is stretched.
    KdfIterations = "kdf_iterations", "The passphrase strength setting";
    /// A way of unlocking.
    Unlock = "unlock", "The way of unlocking";
    /// A file's path.
    Path = "path", "The file's name";
    /// Where a backup is restored to.
    Target = "target", "The place to restore to";
    /// The journal as a whole.
    Journal = "journal", "The journal";
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Everything a screen may have to say about a refusal or a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sentence {
    /// [`Error::WrongKey`].
    WrongKey,
    /// [`Error::Corrupt`].
    Corrupt,
    /// [`Error::OutOfStep`].
    OutOfStep,
    /// [`Error::NewerVersion`].
    NewerVersion,
    /// [`Error::NotAJournal`].
    NotAJournal,
    /// [`Error::NotABackup`].
    NotABackup,
    /// [`Error::WouldReplace`].
    WouldReplace,
    /// [`Error::FromAnotherJournal`].
    FromAnotherJournal,
    /// [`Error::NotFound`].
    NotFound,
    /// [`Error::AlreadyExists`].
    AlreadyExists,
    /// [`Error::Locked`].
    Locked,
    /// The shell closed the journal (the bindings' own error).
    Closed,
    /// [`Error::Io`].
    Io,
    /// [`Error::Database`].
    Database,
    /// Anything else.
    Unknown,
    /// The two copies of a new passphrase differ (checked by the shell).
    PassphrasesDiffer,
    /// The typed groups are not the end of the recovery code (checked by the shell).
    CodeDiffers,
    /// A summary with every section switched off.
    NoSection,
    /// A check-in without its mood or one of the two moves.
    CheckInIncomplete,
}

impl Sentence {
    /// The sentence.
    pub fn text(self) -> &'static str {
        match self {
            Sentence::WrongKey => "That didn't unlock the journal. Check it and try again.",
            Sentence::Corrupt => {
                "The journal file is damaged and can't be read. Restore it from a backup."
            }
            Sentence::OutOfStep => {
                "Some of this journal's entries were put back from an older copy of it. \
                 Restore your latest backup, or save what can be read."
            }
            Sentence::NewerVersion => {
                "This journal was saved by a newer version of Tandem. Update the app to open it."
            }
            Sentence::NotAJournal => "That file isn't a Tandem journal.",
            Sentence::NotABackup => "That file isn't a Tandem backup.",
            Sentence::WouldReplace => {
                "Restoring would replace the entries on this phone. Confirm to replace them."
            }
            Sentence::FromAnotherJournal => {
                "That file comes from another journal. Say whether it's your partner's or \
                 your own from another phone; nothing was changed."
            }
            Sentence::NotFound => "There's no entry for that day.",
            Sentence::AlreadyExists => "A journal already exists here.",
            Sentence::Locked => "The journal is locked. Unlock it to go on.",
            Sentence::Closed => "The journal was closed. Open it again.",
            Sentence::Io => {
                "The file couldn't be read or written. Check there's space on the phone and try again."
            }
            Sentence::Database => {
                "Something went wrong saving your journal. Nothing was changed. Try again."
            }
            Sentence::Unknown => "Something went wrong. Nothing was changed.",
            Sentence::PassphrasesDiffer => {
                "The two passphrases don't match. Type the same one twice."
            }
            Sentence::CodeDiffers => {
                "That isn't the end of your recovery code. Check it and try again."
            }
            Sentence::NoSection => "Turn on at least one section for the summary.",
            Sentence::CheckInIncomplete => "Pick a mood, what you did and what your partner did.",
        }
    }
}

/// The sentence for refused input: the field in words, then the core's
/// reason (which never holds the value).
pub fn invalid_input_sentence(field: Field, reason: &str) -> String {
    format!("{} {reason}.", field.words())
}

impl Error {
    /// The one plain sentence a screen shows for this error.
    pub fn sentence(&self) -> String {
        let which = match self {
            Error::InvalidInput { field, reason } => {
                return invalid_input_sentence(*field, reason);
            }
            Error::WrongKey => Sentence::WrongKey,
            Error::Corrupt => Sentence::Corrupt,
            Error::OutOfStep => Sentence::OutOfStep,
            Error::NewerVersion { .. } => Sentence::NewerVersion,
            Error::NotAJournal => Sentence::NotAJournal,
            Error::NotABackup => Sentence::NotABackup,
            Error::WouldReplace => Sentence::WouldReplace,
            Error::FromAnotherJournal => Sentence::FromAnotherJournal,
            Error::NotFound(_) => Sentence::NotFound,
            Error::AlreadyExists => Sentence::AlreadyExists,
            Error::Locked => Sentence::Locked,
            Error::Io(_) => Sentence::Io,
            Error::Database(_) => Sentence::Database,
        };
        which.text().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_words_of_its_own_and_a_distinct_code() {
        let mut codes: Vec<&str> = Field::ALL.iter().map(|f| f.code()).collect();
        let mut words: Vec<&str> = Field::ALL.iter().map(|f| f.words()).collect();
        codes.sort_unstable();
        codes.dedup();
        words.sort_unstable();
        words.dedup();
        assert_eq!(codes.len(), Field::ALL.len());
        assert_eq!(words.len(), Field::ALL.len());
        for f in Field::ALL {
            assert!(f.words().starts_with(char::is_uppercase), "{f}");
            assert!(!f.words().ends_with('.'), "{f}");
        }
    }

    #[test]
    fn refused_input_reads_as_one_sentence() {
        let e = crate::error::invalid(Field::Mood, "must be from 1 to 5");
        assert_eq!(e.sentence(), "The mood must be from 1 to 5.");
        assert_eq!(e.to_string(), "invalid mood: must be from 1 to 5");
    }
}
