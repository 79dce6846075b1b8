//! Tandem's core: everything the phones and the CLI share. The vocabulary of
//! the pursue–withdraw cycle, daily check-ins and weekly reflections with
//! their rules, and the encrypted journal that stores them.
//!
//! Nothing here knows about FFI; `tandem-ffi` wraps it for the phones.

pub mod day;
pub mod demo;
pub mod entries;
pub mod error;
pub mod insights;
mod num;
pub mod rules;
pub mod sentences;
pub mod share;
pub mod store;
pub mod summary;

pub use day::{Clock, FixedClock, SystemClock};
pub use entries::checkin::{CheckIn, Closeness};
pub use entries::identity::JournalId;
pub use entries::questions::{Prompt, Scale};
pub use entries::reflection::Reflection;
pub use entries::settings::{Settings, WeekStart};
pub use entries::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Side, Skill, VocabEntry,
    VocabKind, Who, vocabulary,
};
pub use entries::{Author, RecordId, Saved};
pub use error::{Error, Result};
pub use insights::history::HistoryWeek;
pub use sentences::{Field, Sentence};
pub use share::{ImportAs, ImportReport};
pub use store::crypto::{
    DeviceKey, Kdf, MIN_PASSPHRASE_CHARS, Method, PBKDF2_ITERATIONS, Passphrase, RecoveryCode,
    Unlock,
};
pub use store::files::write_private;
pub use store::{CreateOptions, Health, Journal, Readable};
