//! Tandem's core: everything the phones and the CLI share. The vocabulary of
//! the pursue–withdraw cycle, daily check-ins and weekly reflections with
//! their rules, and the encrypted journal that stores them.
//!
//! Nothing here knows about FFI; `tandem-ffi` wraps it for the phones.

pub mod backup;
pub mod chart;
pub mod checkin;
pub mod crypto;
pub mod day;
pub mod demo;
pub mod error;
pub mod export;
pub mod history;
pub mod insights;
pub mod reflection;
pub mod schema;
pub mod settings;
pub mod store;
pub mod summary;
pub mod vocab;

pub use checkin::{CheckIn, Closeness};
pub use crypto::{DeviceKey, Method, Passphrase, RecoveryCode, Unlock};
pub use day::{Clock, FixedClock, SystemClock};
pub use error::{Error, Result};
pub use reflection::Reflection;
pub use settings::{Settings, WeekStart};
pub use store::{Author, CreateOptions, Journal, RecordId, Saved};
pub use vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Side, Skill, VocabEntry,
    VocabKind, Who, vocabulary,
};
