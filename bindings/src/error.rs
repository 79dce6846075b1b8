//! The one public error: core's `Error` reduced to what a screen needs,
//! converted in this one place. No variant carries user content.

use tandem_core::{self as tc, Error as CoreError};

use crate::vocab::{InputField, Sentence};

/// Everything a journal call can fail with.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum JournalError {
    /// The passphrase, recovery code or device key does not open this journal.
    #[error("the key does not open this journal")]
    WrongKey,
    /// A record or key wrap failed its integrity check: the file was altered or damaged.
    #[error("the journal is damaged")]
    Corrupt,
    /// Rows were put back from another time (an older revision, a deleted
    /// entry, a row of another copy); `Journal.openDamaged` reads what is sound.
    #[error("the journal holds rows from another time")]
    OutOfStep,
    /// The file was written by a newer version of Tandem; it is left untouched.
    #[error(
        "the journal was written by a newer version (format {found}, this build reads up to {supported})"
    )]
    NewerVersion {
        /// Format version found in the file.
        found: u32,
        /// Highest format version this build reads.
        supported: u32,
    },
    /// The file is not a Tandem journal.
    #[error("the file is not a Tandem journal")]
    NotAJournal,
    /// The file is not a backup made by `Journal.backup`.
    #[error("the file is not a Tandem backup")]
    NotABackup,
    /// A restore would replace a journal with entries; it needs `replace = true`.
    #[error("restoring would replace a journal that has entries")]
    WouldReplace,
    /// An export of another journal into a journal with entries, without
    /// saying whose it is; nothing was written. Import it again as the
    /// partner's or as my own from another phone.
    #[error("the file was exported from another journal")]
    FromAnotherJournal,
    /// A value handed in is out of range or unknown; `field` names it as the API does.
    #[error("invalid {}: {reason}", tc::Field::from(*field))]
    InvalidInput {
        /// The field at fault.
        field: InputField,
        /// Why it was refused; never the value itself.
        reason: String,
    },
    /// The entry, journal or backup asked for does not exist.
    #[error("not found: {what}")]
    NotFound {
        /// What was missing (`journal file`, `check-in for that day` …).
        what: String,
    },
    /// A journal (or backup) already exists at that path.
    #[error("a file already exists at that path")]
    AlreadyExists,
    /// The journal is locked; unlock it first.
    #[error("the journal is locked")]
    Locked,
    /// The journal was closed; open it again.
    #[error("the journal is closed")]
    Closed,
    /// Reading or writing a file failed.
    #[error("file error: {reason}")]
    Io {
        /// The kind of failure, never a path or content.
        reason: String,
    },
    /// SQLite failed (a fixed description and code, never a value).
    #[error("database error: {reason}")]
    Database {
        /// The fixed description and code.
        reason: String,
    },
}

impl From<CoreError> for JournalError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::WrongKey => JournalError::WrongKey,
            CoreError::Corrupt => JournalError::Corrupt,
            CoreError::OutOfStep => JournalError::OutOfStep,
            CoreError::NewerVersion { found, supported } => {
                JournalError::NewerVersion { found, supported }
            }
            CoreError::NotAJournal => JournalError::NotAJournal,
            CoreError::NotABackup => JournalError::NotABackup,
            CoreError::WouldReplace => JournalError::WouldReplace,
            CoreError::FromAnotherJournal => JournalError::FromAnotherJournal,
            CoreError::InvalidInput { field, reason } => JournalError::InvalidInput {
                field: field.into(),
                reason,
            },
            CoreError::NotFound(what) => JournalError::NotFound {
                what: what.to_string(),
            },
            CoreError::AlreadyExists => JournalError::AlreadyExists,
            CoreError::Locked => JournalError::Locked,
            // The kind only: an io::Error's message may name a path.
            CoreError::Io(io) => JournalError::Io {
                reason: io.kind().to_string(),
            },
            CoreError::Database(db) => JournalError::Database {
                reason: db.to_string(),
            },
        }
    }
}

/// The one plain sentence a screen shows for `error`, from the core: never
/// a path, a typed value or entry content.
#[uniffi::export]
pub fn error_sentence(error: JournalError) -> String {
    let which = match error {
        JournalError::InvalidInput { field, reason } => {
            return tc::sentences::invalid_input_sentence(field.into(), &reason);
        }
        JournalError::WrongKey => Sentence::WrongKey,
        JournalError::Corrupt => Sentence::Corrupt,
        JournalError::OutOfStep => Sentence::OutOfStep,
        JournalError::NewerVersion { .. } => Sentence::NewerVersion,
        JournalError::NotAJournal => Sentence::NotAJournal,
        JournalError::NotABackup => Sentence::NotABackup,
        JournalError::WouldReplace => Sentence::WouldReplace,
        JournalError::FromAnotherJournal => Sentence::FromAnotherJournal,
        JournalError::NotFound { .. } => Sentence::NotFound,
        JournalError::AlreadyExists => Sentence::AlreadyExists,
        JournalError::Locked => Sentence::Locked,
        JournalError::Closed => Sentence::Closed,
        JournalError::Io { .. } => Sentence::Io,
        JournalError::Database { .. } => Sentence::Database,
    };
    sentence(which)
}

/// The words of one of the sentences the core keeps for the screens.
#[uniffi::export]
pub fn sentence(which: Sentence) -> String {
    tc::Sentence::from(which).text().to_string()
}

/// A field as the words that start a sentence about it ("The mood").
#[uniffi::export]
pub fn field_words(field: InputField) -> String {
    tc::Field::from(field).words().to_string()
}

/// Every field the core can refuse, so a shell's test can check each has words.
#[uniffi::export]
pub fn input_fields() -> Vec<InputField> {
    tc::Field::ALL.iter().map(|&f| f.into()).collect()
}

/// Shorthand for the bindings' results.
pub type Result<T, E = JournalError> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn io_error_keeps_its_kind_and_drops_its_message() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "/home/secret/path");
        let e = JournalError::from(CoreError::Io(io));
        assert!(!e.to_string().contains("secret"));
        assert!(matches!(e, JournalError::Io { .. }));
    }

    #[test]
    fn every_error_has_a_sentence_and_refused_input_names_its_field_in_words() {
        let e = JournalError::InvalidInput {
            field: InputField::Mood,
            reason: "must be from 1 to 5".into(),
        };
        assert_eq!(error_sentence(e), "The mood must be from 1 to 5.");
        assert_eq!(
            error_sentence(JournalError::Closed),
            "The journal was closed. Open it again."
        );
        assert_eq!(input_fields().len(), tc::Field::ALL.len());
        for f in input_fields() {
            assert!(!field_words(f).is_empty());
        }
    }

    #[test]
    fn invalid_input_keeps_the_field_name() {
        let e = JournalError::from(CoreError::InvalidInput {
            field: tc::Field::Mood,
            reason: "must be from 1 to 5".into(),
        });
        match e {
            JournalError::InvalidInput { field, .. } => assert_eq!(field, InputField::Mood),
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }
}
