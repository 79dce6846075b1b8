//! The entry kinds and their rules: daily check-ins, weekly reflections,
//! the settings record, the journal's identity, and the vocabulary they are
//! written in.
//!
//! [`Entry`] is the one place that knows an entry kind: its table, its
//! natural key (a day, a week or a fixed name, **and whose entry it is**),
//! and whether it counts when asking "does this journal hold entries".
//! [`KINDS`] lists every kind; the store verifies, counts and backs up by
//! walking that list, so adding a kind is its file, one line there, and the
//! schema step that makes its table.

pub mod checkin;
pub mod identity;
pub mod questions;
pub mod reflection;
pub mod settings;
pub mod vocab;

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::store::crypto::{ID_LEN, Id};

/// A record's random id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub Id);

impl RecordId {
    /// Reads exactly 32 hexadecimal digits (either case).
    pub fn from_hex(hex: &str) -> Option<RecordId> {
        let bytes = hex.as_bytes();
        if bytes.len() != 2 * ID_LEN {
            return None;
        }
        let nibble = |b: u8| {
            char::from(b)
                .to_digit(16)
                .and_then(|d| u8::try_from(d).ok())
        };
        let mut id = [0u8; ID_LEN];
        for (byte, pair) in id.iter_mut().zip(bytes.chunks_exact(2)) {
            *byte = nibble(pair[0])? << 4 | nibble(pair[1])?;
        }
        Some(RecordId(id))
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// Whose entry a record is: written here, or received from my partner.
/// Part of every entry's natural key, so my entry and my partner's for the
/// same day are two entries, and nothing of my partner's replaces mine.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// Written on this phone (or on another phone of mine, merged in).
    #[default]
    Me,
    /// Received from my partner; read-only here.
    Partner,
}

impl Author {
    /// Stable code (`me`, `partner`), as in exports.
    pub fn code(self) -> &'static str {
        match self {
            Author::Me => "me",
            Author::Partner => "partner",
        }
    }
}

/// The highest revision a record may carry: far more edits than anyone
/// makes, and below `u32::MAX`, so an entry imported at this revision can
/// still be edited.
pub const MAX_REVISION: u32 = 1_000_000_000;

/// A stored entry with the facts the store keeps about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved<T> {
    /// The record's random id, stable across edits.
    pub id: RecordId,
    /// 1 when first saved, one more on each edit.
    pub revision: u32,
    /// When it was last saved.
    pub saved_at: DateTime<Utc>,
    /// Whose entry it is.
    pub author: Author,
    /// The entry itself.
    pub value: T,
}

/// The statements for one record table, fixed at compile time so a save
/// builds no SQL text. Rows are read as id, tag, format, key id, revision,
/// nonce and sealed bytes.
#[derive(Debug)]
pub(crate) struct TableSql {
    /// The whole row with a tag.
    pub find: &'static str,
    /// Every row.
    pub all: &'static str,
    /// Every row still in an older record format.
    pub older: &'static str,
    /// How many rows are in the current record format.
    pub current: &'static str,
    /// The id and revision of every row (for the digest).
    pub revisions: &'static str,
    /// How many rows there are.
    pub count: &'static str,
    /// Insert, or replace the sealed part of the row with that id.
    pub upsert: &'static str,
    /// Delete the row with an id.
    pub delete: &'static str,
    /// Delete every row.
    pub clear: &'static str,
}

/// The table a kind's sealed records live in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Table {
    /// Bound into each record's seal and tag, so a record cannot be moved
    /// between tables. Never reused.
    pub code: u8,
    /// The SQL table's name.
    pub name: &'static str,
    /// Its statements.
    pub sql: &'static TableSql,
}

impl PartialEq for Table {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

/// Builds a [`Table`] with its statements from a code and a table name.
macro_rules! table {
    ($code:literal, $name:literal) => {
        $crate::entries::Table {
            code: $code,
            name: $name,
            sql: &$crate::entries::TableSql {
                find: concat!(
                    "SELECT id, tag, format, key_id, revision, nonce, sealed FROM ",
                    $name,
                    " WHERE tag = ?1"
                ),
                all: concat!(
                    "SELECT id, tag, format, key_id, revision, nonce, sealed FROM ",
                    $name
                ),
                older: concat!(
                    "SELECT id, tag, format, key_id, revision, nonce, sealed FROM ",
                    $name,
                    " WHERE format < 2"
                ),
                current: concat!("SELECT count(*) FROM ", $name, " WHERE format = 2"),
                revisions: concat!("SELECT id, revision FROM ", $name),
                count: concat!("SELECT count(*) FROM ", $name),
                upsert: concat!(
                    "INSERT INTO ",
                    $name,
                    " (id, tag, format, key_id, revision, nonce, sealed)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                     ON CONFLICT (id) DO UPDATE SET format = ?3, key_id = ?4,
                         revision = ?5, nonce = ?6, sealed = ?7
                     WHERE tag = ?2"
                ),
                delete: concat!("DELETE FROM ", $name, " WHERE id = ?1"),
                clear: concat!("DELETE FROM ", $name),
            },
        }
    };
}
pub(crate) use table;

/// An entry kind the store keeps.
pub(crate) trait Entry: Serialize + DeserializeOwned + Clone {
    /// Where its records live.
    const TABLE: Table;
    /// The export document's list of entries of this kind (`checkins` …).
    const LIST: &'static str;
    /// The field holding its natural key (`date` …), in exports.
    const KEY_FIELD: &'static str;
    /// What its natural key is (`day`, `week` …), in messages.
    const KEY_NAME: &'static str;
    /// Whether a journal holding one of these holds entries (check-ins and
    /// reflections do; settings and the journal's identity do not).
    const COUNTS_AS_ENTRY: bool;
    /// The natural key without the author: unique per author.
    fn key(&self) -> String;
}

/// An entry that belongs to a calendar day, so it can be listed by range.
pub(crate) trait Dated: Entry {
    /// Just the day, read from a record without building the whole entry:
    /// a range query parses in full only the records inside the range.
    type Day: DeserializeOwned + Into<NaiveDate>;
    /// The day (or the first day of the week) it is about.
    fn day(&self) -> NaiveDate;
    /// Every day from `from` to `to` inclusive that an entry of this kind
    /// can be about (every day; every Monday for weeks), in order.
    fn days_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate>;
}

/// Every day from `from` to `to` inclusive, stepping by `step` days from
/// the first that `keep` accepts.
pub(crate) fn days_from(
    from: NaiveDate,
    to: NaiveDate,
    step: u64,
    keep: impl Fn(NaiveDate) -> bool,
) -> Vec<NaiveDate> {
    let first = from.iter_days().take(7).find(|d| keep(*d));
    let Some(first) = first.filter(|d| *d <= to) else {
        return Vec::new();
    };
    first
        .iter_days()
        .step_by(usize::try_from(step).unwrap_or(1))
        .take_while(|d| *d <= to)
        .collect()
}

/// The bytes a record's keyed tag is made from: the author and the natural
/// key. My own entries' keys are the bare key, as every journal before
/// authors were keyed wrote them; a partner's carry a prefix.
pub(crate) fn natural_key(author: Author, key: &str) -> Vec<u8> {
    match author {
        Author::Me => key.as_bytes().to_vec(),
        Author::Partner => [b"partner/".as_slice(), key.as_bytes()].concat(),
    }
}

/// What the store knows about one kind without knowing its type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Kind {
    /// Where its records live.
    pub table: Table,
    /// See [`Entry::COUNTS_AS_ENTRY`].
    pub counts_as_entry: bool,
    /// Opens every record of the kind and checks that each sits under the
    /// tag of its own author and key.
    pub verify: fn(&crate::store::Journal) -> crate::Result<()>,
    /// Opens every record of the kind and counts those that open and sit
    /// under their own tag, and those that do not: `(sound, damaged)`.
    pub count_sound: fn(&crate::store::Journal) -> crate::Result<(u32, u32)>,
    /// Deletes the kind's records that do not open under their own tag
    /// (for a salvage copy); returns how many.
    pub drop_unsound: fn(&rusqlite::Connection, &crate::store::crypto::Keys) -> crate::Result<u32>,
    /// Rewrites the kind's records of an older format in the current one.
    pub migrate: fn(&rusqlite::Transaction<'_>, &crate::store::crypto::Keys) -> crate::Result<()>,
    /// Seals every record of the kind again under new keys.
    pub rekey: fn(
        &rusqlite::Transaction<'_>,
        &crate::store::crypto::Keys,
        &crate::store::crypto::Keys,
    ) -> crate::Result<()>,
}

impl Kind {
    /// The facts of kind `T`.
    pub const fn of<T: Entry>() -> Kind {
        Kind {
            table: T::TABLE,
            counts_as_entry: T::COUNTS_AS_ENTRY,
            verify: crate::store::verify_kind::<T>,
            count_sound: crate::store::count_sound::<T>,
            drop_unsound: crate::store::drop_unsound_kind::<T>,
            migrate: crate::store::migrate_kind::<T>,
            rekey: crate::store::rekey_kind::<T>,
        }
    }
}

/// Every entry kind, in table order. A new kind is one more line here.
pub(crate) const KINDS: &[Kind] = &[
    Kind::of::<checkin::CheckIn>(),
    Kind::of::<reflection::Reflection>(),
    Kind::of::<settings::Settings>(),
    Kind::of::<identity::Identity>(),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_codes_are_unique_and_never_zero() {
        let mut codes: Vec<u8> = KINDS.iter().map(|k| k.table.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), KINDS.len());
        assert!(!codes.contains(&0));
    }

    #[test]
    fn my_key_is_the_bare_key_and_my_partners_differs() {
        assert_eq!(natural_key(Author::Me, "2026-03-02"), b"2026-03-02");
        assert_eq!(
            natural_key(Author::Partner, "2026-03-02"),
            b"partner/2026-03-02"
        );
    }
}
