//! The one error type of the core. Messages name what went wrong and which
//! field, never the user's content.

use std::fmt;

pub use crate::sentences::Field;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The passphrase, recovery code or device key does not open this journal.
    #[error("the key does not open this journal")]
    WrongKey,
    /// A stored record or key wrap failed authentication: the file was altered or damaged.
    #[error("the journal is damaged: a record failed its integrity check")]
    Corrupt,
    /// The rows present are not the ones the journal last wrote: an older
    /// revision, a deleted entry or a row of another copy was put back
    /// (the digest of rows differs). Open refuses the file;
    /// [`crate::Journal::open_damaged`] reads what is sound.
    #[error(
        "the journal holds rows from another time: an older revision, a deleted entry or a row from another copy was put back"
    )]
    OutOfStep,
    /// The file was written by a newer version of Tandem; it is left untouched.
    #[error(
        "the journal was written by a newer version of Tandem (format {found}, this build reads up to {supported})"
    )]
    NewerVersion {
        /// Format version found in the file.
        found: u32,
        /// Highest format version this build understands.
        supported: u32,
    },
    /// The file is not a Tandem journal (another SQLite file, or not SQLite at all).
    #[error("the file is not a Tandem journal")]
    NotAJournal,
    /// The file is a Tandem journal but not a backup made by `Journal::backup`
    /// (a journal file itself, which may be missing saves still in its `-wal`).
    #[error("the file is not a Tandem backup")]
    NotABackup,
    /// A restore would replace a journal that has entries (or a file that is
    /// not a journal); it needs the caller's explicit consent.
    #[error("restoring would replace a journal that has entries, or a file that is not a journal")]
    WouldReplace,
    /// An export of another journal, imported into a journal that holds
    /// entries without saying whose it is: the user says whether it is
    /// their partner's or their own from another phone. Nothing was written.
    #[error(
        "the file was exported from another journal; say whether it is your partner's or your own from another phone"
    )]
    FromAnotherJournal,
    /// A value handed in is out of range or unknown.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The field at fault, as named in the API (`mood`, `note`, `behaviours` …).
        field: Field,
        /// Why it was refused; never echoes the value itself.
        reason: String,
    },
    /// The requested entry or journal does not exist.
    #[error("not found: {0}")]
    NotFound(&'static str),
    /// A journal already exists where a new one was to be created.
    #[error("a journal already exists at that path")]
    AlreadyExists,
    /// The journal is locked: its keys were dropped by `lock()`.
    #[error("the journal is locked")]
    Locked,
    /// Reading or writing the file failed.
    #[error("file error: {0}")]
    Io(#[from] std::io::Error),
    /// SQLite reported an error (a code, never a value).
    #[error("database error: {0}")]
    Database(DbError),
}

/// A SQLite failure reduced to its code and a fixed description, so that no
/// bound value can reach a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DbError {
    /// SQLite's extended result code, when there is one.
    pub code: Option<i32>,
    /// A short, fixed description of the failure.
    pub description: &'static str,
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "{} (SQLite code {code})", self.description),
            None => f.write_str(self.description),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ffi::ErrorCode;
        match e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                ErrorCode::NotADatabase => Error::NotAJournal,
                ErrorCode::DatabaseCorrupt => Error::Corrupt,
                ErrorCode::CannotOpen => Error::NotFound("journal file"),
                ErrorCode::DiskFull => Error::Database(DbError {
                    code: Some(f.extended_code),
                    description: "the disk is full",
                }),
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Error::Database(DbError {
                    code: Some(f.extended_code),
                    description: "the journal is in use by another program",
                }),
                ErrorCode::ReadOnly | ErrorCode::PermissionDenied => Error::Database(DbError {
                    code: Some(f.extended_code),
                    description: "the journal cannot be written",
                }),
                _ => Error::Database(DbError {
                    code: Some(f.extended_code),
                    description: "SQLite failed",
                }),
            },
            // Column type or row-shape surprises mean the file is not what we wrote.
            rusqlite::Error::FromSqlConversionFailure(..)
            | rusqlite::Error::InvalidColumnType(..)
            | rusqlite::Error::IntegralValueOutOfRange(..) => Error::Corrupt,
            // The statement text is ours, but keep it out of messages anyway.
            rusqlite::Error::SqlInputError { error, .. } => Error::Database(DbError {
                code: Some(error.extended_code),
                description: "SQLite refused a statement",
            }),
            _ => Error::Database(DbError {
                code: None,
                description: "SQLite call failed",
            }),
        }
    }
}

/// Shorthand for the core's results.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Builds an [`Error::InvalidInput`].
pub(crate) fn invalid(field: Field, reason: impl Into<String>) -> Error {
    Error::InvalidInput {
        field,
        reason: reason.into(),
    }
}
