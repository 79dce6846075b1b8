//! Sealed rows: how one entry becomes one row and back, for every kind.
//!
//! A row holds a random id, the keyed tag of its author and natural key,
//! the format and key ids, the revision, a nonce and the ciphertext of an
//! envelope (author, the entry, save time): no content and no date.
//!
//! Format 2 (written now) seals the tag with the rest of the row's place
//! and holds a postcard envelope; a row moved under another tag does not
//! open, and a save or delete only ever replaces a row that opens under the
//! tag it looked up. Format 1 (JSON, tag not sealed) is still read, and
//! [`migrate_kind`] rewrites it as format 2 on the first unlock.
//!
//! Every write also updates the journal's digest ([`super::digest`]).
//! What walks every record of a kind at once (verifying, migrating,
//! re-keying, salvage reads) is in [`super::kinds`].

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{CachedStatement, Transaction, TransactionBehavior, params};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::entries::{Author, Dated, Entry, RecordId, Saved, Table, natural_key};
use crate::error::{Error, Result};
use crate::store::Journal;
use crate::store::crypto::{self, Id, Keys, RECORD_FORMAT, RECORD_FORMAT_1, RecordPlace};
use crate::store::digest::Change;

/// Plaintext is padded (with zeros, which postcard leaves unread) to a
/// multiple of this, so a ciphertext's length says little about a note's.
const PAD_TO: usize = 64;

/// What a format-2 record holds, in postcard: whose entry, the entry, and
/// when it was saved (seconds and nanoseconds since 1970). The author and
/// the entry come first, so a range scan reads just those.
#[derive(Serialize, Deserialize)]
struct Envelope<V> {
    author: Author,
    value: V,
    saved_secs: i64,
    saved_nanos: u32,
}

/// The first part of a format-2 envelope: what a range scan reads.
#[derive(Deserialize)]
struct Probe<D> {
    author: Author,
    value: D,
}

/// What a format-1 record holds, in JSON.
#[derive(Deserialize)]
struct EnvelopeV1<T> {
    saved_at: DateTime<Utc>,
    #[serde(default)]
    author: Author,
    value: T,
}

/// The part of a format-1 envelope a range scan reads first.
#[derive(Deserialize)]
struct ProbeV1<D> {
    #[serde(default)]
    author: Author,
    value: D,
}

/// The keyed tag of an author's entry with natural key `key`.
pub(super) fn tag_of<T: Entry>(keys: &Keys, author: Author, key: &str) -> Vec<u8> {
    keys.tag(T::TABLE, &natural_key(author, key))
}

/// Below this many days or weeks, a range is read by looking up each
/// one's tag; above it, by one pass over the table when that is smaller.
const LOOKUP_ALWAYS: usize = 64;

impl Journal {
    /// Saves my own entries, each replacing my entry with the same natural
    /// key (its revision goes up by one), all in one transaction. A row
    /// found under an entry's tag that does not open there is never
    /// replaced: the save is refused with [`Error::Corrupt`].
    pub(crate) fn save_all<T: Entry>(&mut self, values: Vec<T>) -> Result<Vec<Saved<T>>> {
        self.writable()?;
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let now = self.clock.now();
        // Take the write lock at once rather than upgrading from a read lock
        // after the lookup: fewer lock calls on every save.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(values.len());
        let mut change = Change::default();
        {
            let mut find = tx.prepare_cached(T::TABLE.sql.find)?;
            let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
            let mut buf = Zeroizing::new(Vec::new());
            for value in values {
                let key = value.key();
                let tag = tag_of::<T>(keys, Author::Me, &key);
                let existing = find_at::<T>(&mut find, keys, &tag, Author::Me, &key, &mut buf)?;
                let (id, revision) = match existing {
                    Some(old) => {
                        change.removed(keys, T::TABLE, &old.id.0, old.revision);
                        (old.id.0, old.revision.checked_add(1).ok_or(Error::Corrupt)?)
                    }
                    None => (crypto::random_id()?, 1),
                };
                let saved = Saved {
                    id: RecordId(id),
                    revision,
                    saved_at: now,
                    author: Author::Me,
                    value,
                };
                seal_row(&mut upsert, keys, &tag, &saved)?;
                change.added(keys, T::TABLE, &saved.id.0, saved.revision);
                out.push(saved);
            }
        }
        change.apply(&tx, keys)?;
        tx.commit()?;
        Ok(out)
    }

    /// The author's entry of kind `T` with natural key `key`, if any.
    pub(crate) fn load_one<T: Entry>(&self, author: Author, key: &str) -> Result<Option<Saved<T>>> {
        let keys = self.keys()?;
        let tag = tag_of::<T>(keys, author, key);
        let mut stmt = self.conn.prepare_cached(T::TABLE.sql.find)?;
        find_at(
            &mut stmt,
            keys,
            &tag,
            author,
            key,
            &mut Zeroizing::new(Vec::new()),
        )
    }

    /// The author's entries of kind `T` from `from` to `to` inclusive
    /// (either end open), by day. A short range is read by its tags, one
    /// lookup per day or week, whatever the journal's size; anything else
    /// in one pass. Each record is decrypted once.
    pub(crate) fn load_range<T: Dated>(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<T>>> {
        let keys = self.keys()?;
        if let (Some(from), Some(to)) = (from, to) {
            let days = T::days_between(from, to);
            if days.len() <= LOOKUP_ALWAYS || days.len() * 4 <= self.rows_of(T::TABLE)? {
                return self.load_days(keys, author, &days);
            }
        }
        let mut stmt = self.conn.prepare_cached(T::TABLE.sql.all)?;
        let mut out: Vec<Saved<T>> = Vec::new();
        let mut buf = Zeroizing::new(Vec::with_capacity(4096));
        let mut rows = stmt.query([])?;
        let everything = from.is_none() && to.is_none();
        while let Some(row) = rows.next()? {
            let raw = RawRecord::from_row(row)?;
            let plain = raw.decrypt(keys, T::TABLE, &mut buf)?;
            if everything {
                let saved: Saved<T> = raw.parse(plain)?;
                if saved.author == author {
                    out.push(saved);
                }
                continue;
            }
            let (who, day) = raw.probe::<T::Day>(plain)?;
            let day: NaiveDate = day.into();
            if who == author && from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t) {
                out.push(raw.parse(plain)?);
            }
        }
        // Days are unique per author and table, so an unstable sort loses
        // nothing and moves the large entries less.
        out.sort_unstable_by_key(|s| s.value.day());
        Ok(out)
    }

    /// The author's entries for exactly these days (or weeks), in order,
    /// each looked up by its tag.
    fn load_days<T: Dated>(
        &self,
        keys: &Keys,
        author: Author,
        days: &[NaiveDate],
    ) -> Result<Vec<Saved<T>>> {
        let mut stmt = self.conn.prepare_cached(T::TABLE.sql.find)?;
        let mut buf = Zeroizing::new(Vec::with_capacity(4096));
        let mut out = Vec::new();
        for day in days {
            let key = day.to_string();
            let tag = tag_of::<T>(keys, author, &key);
            if let Some(saved) = find_at(&mut stmt, keys, &tag, author, &key, &mut buf)? {
                out.push(saved);
            }
        }
        Ok(out)
    }

    /// How many rows a table holds.
    fn rows_of(&self, table: Table) -> Result<usize> {
        let n: i64 = self
            .conn
            .prepare_cached(table.sql.count)?
            .query_row([], |r| r.get(0))?;
        usize::try_from(n).map_err(|_| Error::Corrupt)
    }

    /// Deletes my own entry of kind `T` with natural key `key`; a row under
    /// its tag that does not open there is left, and [`Error::Corrupt`].
    pub(crate) fn delete_one<T: Entry>(&mut self, key: &str, what: &'static str) -> Result<()> {
        self.writable()?;
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let tag = tag_of::<T>(keys, Author::Me, key);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut change = Change::default();
        {
            let mut find = tx.prepare_cached(T::TABLE.sql.find)?;
            let mut buf = Zeroizing::new(Vec::new());
            let old = find_at::<T>(&mut find, keys, &tag, Author::Me, key, &mut buf)?
                .ok_or(Error::NotFound(what))?;
            tx.prepare_cached(T::TABLE.sql.delete)?
                .execute(params![old.id.0.as_slice()])?;
            change.removed(keys, T::TABLE, &old.id.0, old.revision);
        }
        change.apply(&tx, keys)?;
        tx.commit()?;
        Ok(())
    }

    /// Runs `write` in one write transaction with the keys: everything it
    /// puts lands together or not at all (imports, restores).
    pub(crate) fn write_batch(
        &mut self,
        write: impl FnOnce(&Transaction<'_>, &Keys) -> Result<()>,
    ) -> Result<()> {
        self.writable()?;
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write(&tx, keys)?;
        tx.commit()?;
        Ok(())
    }
}

/// The row under `tag`, opened and checked to be the author's entry with
/// natural key `key`; `None` when there is no row there. A row that does
/// not open under that tag is [`Error::Corrupt`].
fn find_at<T: Entry>(
    find: &mut CachedStatement<'_>,
    keys: &Keys,
    tag: &[u8],
    author: Author,
    key: &str,
    buf: &mut Zeroizing<Vec<u8>>,
) -> Result<Option<Saved<T>>> {
    let mut rows = find.query(params![tag])?;
    let Some(row) = rows.next()? else {
        return Ok(None);
    };
    let raw = RawRecord::from_row(row)?;
    let saved: Saved<T> = raw.open_with(keys, T::TABLE, buf)?;
    // Format 2 seals the tag, so this holds for any row that opened; a
    // format-1 row that was moved shows up here.
    if saved.value.key() != key || saved.author != author || raw.tag != tag {
        return Err(Error::Corrupt);
    }
    Ok(Some(saved))
}

/// Seals and writes records exactly as given (id, revision, save time,
/// author), each replacing the row of the same author and natural key,
/// and updates the digest. Entries must already be validated. A row under
/// the same tag that does not open there is [`Error::Corrupt`].
pub(crate) fn put_saved<T: Entry>(
    tx: &Transaction<'_>,
    keys: &Keys,
    items: &[Saved<T>],
) -> Result<()> {
    let mut find = tx.prepare_cached(T::TABLE.sql.find)?;
    let mut delete = tx.prepare_cached(T::TABLE.sql.delete)?;
    let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
    let mut buf = Zeroizing::new(Vec::new());
    let mut change = Change::default();
    for saved in items {
        let key = saved.value.key();
        let tag = tag_of::<T>(keys, saved.author, &key);
        if let Some(old) = find_at::<T>(&mut find, keys, &tag, saved.author, &key, &mut buf)? {
            delete.execute(params![old.id.0.as_slice()])?;
            change.removed(keys, T::TABLE, &old.id.0, old.revision);
        }
        seal_row(&mut upsert, keys, &tag, saved)?;
        change.added(keys, T::TABLE, &saved.id.0, saved.revision);
    }
    change.apply(tx, keys)
}

/// Serialises, pads and seals one record for its place (format 2, its tag
/// sealed with it), and writes it through the table's upsert statement.
pub(super) fn seal_row<T: Entry>(
    upsert: &mut CachedStatement<'_>,
    keys: &Keys,
    tag: &[u8],
    saved: &Saved<T>,
) -> Result<()> {
    let envelope = Envelope {
        author: saved.author,
        value: &saved.value,
        saved_secs: saved.saved_at.timestamp(),
        saved_nanos: saved.saved_at.timestamp_subsec_nanos(),
    };
    let mut plain = Zeroizing::new(Vec::with_capacity(512));
    postcard::to_io(&envelope, &mut *plain).map_err(|_| Error::Corrupt)?;
    let padded = plain.len().div_ceil(PAD_TO) * PAD_TO;
    plain.resize(padded, 0);
    let place = RecordPlace {
        table: T::TABLE,
        id: &saved.id.0,
        key_id: keys.key_id(),
        revision: saved.revision,
        format: RECORD_FORMAT,
        tag,
    };
    let (nonce, sealed) = keys.seal(&place, &plain)?;
    let written = upsert.execute(params![
        saved.id.0.as_slice(),
        tag,
        RECORD_FORMAT,
        keys.key_id().as_slice(),
        saved.revision,
        nonce.as_slice(),
        sealed
    ])?;
    // The upsert changes a row with this id only where it has this tag.
    if written != 1 {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// One record row as read, before it is opened. The byte columns are
/// borrowed from SQLite's row, not copied: opening copies the ciphertext
/// once anyway, into the wiped buffer it decrypts in place.
pub(super) struct RawRecord<'a> {
    id: &'a [u8],
    /// The row's keyed tag.
    pub(super) tag: &'a [u8],
    format: u32,
    key_id: &'a [u8],
    revision: u32,
    nonce: &'a [u8],
    sealed: &'a [u8],
}

/// A BLOB column borrowed from a row; any other type is a conversion error.
fn blob<'a>(r: &'a rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<&'a [u8]> {
    let value = r.get_ref(idx)?;
    value
        .as_blob()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, value.data_type(), Box::new(e)))
}

impl<'a> RawRecord<'a> {
    pub(super) fn from_row(r: &'a rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawRecord {
            id: blob(r, 0)?,
            tag: blob(r, 1)?,
            format: r.get(2)?,
            key_id: blob(r, 3)?,
            revision: r.get(4)?,
            nonce: blob(r, 5)?,
            sealed: blob(r, 6)?,
        })
    }

    /// Opens the record using `buf` for the plaintext (see [`Keys::open_into`]).
    fn open_with<T: DeserializeOwned>(
        &self,
        keys: &Keys,
        table: Table,
        buf: &mut Zeroizing<Vec<u8>>,
    ) -> Result<Saved<T>> {
        let plain = self.decrypt(keys, table, buf)?;
        self.parse(plain)
    }

    /// The record, if it opens and sits under the tag of its own author and
    /// natural key.
    pub(super) fn sound<T: Entry>(
        &self,
        keys: &Keys,
        buf: &mut Zeroizing<Vec<u8>>,
    ) -> Option<Saved<T>> {
        let saved: Saved<T> = self.open_with(keys, T::TABLE, buf).ok()?;
        let tag = tag_of::<T>(keys, saved.author, &saved.value.key());
        (self.tag == tag.as_slice()).then_some(saved)
    }

    /// The record's plaintext, in `buf`.
    fn decrypt<'b>(
        &self,
        keys: &Keys,
        table: Table,
        buf: &'b mut Zeroizing<Vec<u8>>,
    ) -> Result<&'b [u8]> {
        let place = RecordPlace {
            table,
            id: self.id,
            key_id: self.key_id,
            revision: self.revision,
            format: self.format,
            tag: self.tag,
        };
        keys.open_into(&place, self.nonce, self.sealed, buf)
    }

    /// Whose entry it is and its day, read from the plaintext's start.
    fn probe<D: DeserializeOwned>(&self, plain: &[u8]) -> Result<(Author, D)> {
        if self.format == RECORD_FORMAT_1 {
            let p: ProbeV1<D> = serde_json::from_slice(plain).map_err(|_| Error::Corrupt)?;
            return Ok((p.author, p.value));
        }
        let p: Probe<D> = postcard::from_bytes(plain).map_err(|_| Error::Corrupt)?;
        Ok((p.author, p.value))
    }

    /// The entry and its save facts from the record's plaintext.
    fn parse<T: DeserializeOwned>(&self, plain: &[u8]) -> Result<Saved<T>> {
        let (author, value, saved_at) = if self.format == RECORD_FORMAT_1 {
            let env: EnvelopeV1<T> = serde_json::from_slice(plain).map_err(|_| Error::Corrupt)?;
            (env.author, env.value, env.saved_at)
        } else {
            let env: Envelope<T> = postcard::from_bytes(plain).map_err(|_| Error::Corrupt)?;
            let at =
                DateTime::from_timestamp(env.saved_secs, env.saved_nanos).ok_or(Error::Corrupt)?;
            (env.author, env.value, at)
        };
        let id: Id = self.id.try_into().map_err(|_| Error::Corrupt)?;
        Ok(Saved {
            id: RecordId(id),
            revision: self.revision,
            saved_at,
            author,
            value,
        })
    }
}
