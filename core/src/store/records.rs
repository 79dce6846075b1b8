//! Sealed rows: how one entry becomes one row and back, for every kind.
//!
//! A row holds a random id, the keyed tag of its author and natural key,
//! the format and key ids, the revision, a nonce and the ciphertext of an
//! envelope (save time, author, the entry): no content and no date.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::entries::{Author, Dated, Entry, Kind, RecordId, Saved, Table, natural_key};
use crate::error::{Error, Result};
use crate::store::Journal;
use crate::store::crypto::{self, Id, Keys, RECORD_FORMAT, RecordPlace};

/// Plaintext is padded with spaces (which JSON ignores) to a multiple of
/// this, so a ciphertext's length says little about a note's length.
const PAD_TO: usize = 64;

/// What a sealed record holds: the entry and its save facts.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    saved_at: chrono::DateTime<chrono::Utc>,
    #[serde(default)]
    author: Author,
    value: T,
}

/// The part of a sealed envelope a range query reads first.
#[derive(Deserialize)]
struct Probe<D> {
    #[serde(default)]
    author: Author,
    value: D,
}

/// The keyed tag of an author's entry with natural key `key`.
fn tag_of<T: Entry>(keys: &Keys, author: Author, key: &str) -> Vec<u8> {
    keys.tag(T::TABLE, &natural_key(author, key))
}

impl Journal {
    /// Saves my own entries, each replacing my entry with the same natural
    /// key (its revision goes up by one), all in one transaction.
    pub(crate) fn save_all<T: Entry>(&mut self, values: Vec<T>) -> Result<Vec<Saved<T>>> {
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let now = self.clock.now();
        // Take the write lock at once rather than upgrading from a read lock
        // after the lookup: fewer lock calls on every save.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(values.len());
        {
            let mut find = tx.prepare_cached(T::TABLE.sql.find_id)?;
            let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
            for value in values {
                let tag = tag_of::<T>(keys, Author::Me, &value.key());
                let existing: Option<(Vec<u8>, u32)> = find
                    .query_row(params![tag], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                let (id, revision) = match existing {
                    Some((id, rev)) => {
                        let id: Id = id.try_into().map_err(|_| Error::Corrupt)?;
                        (id, rev.checked_add(1).ok_or(Error::Corrupt)?)
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
                out.push(saved);
            }
        }
        tx.commit()?;
        Ok(out)
    }

    /// The author's entry of kind `T` with natural key `key`, if any.
    pub(crate) fn load_one<T: Entry>(&self, author: Author, key: &str) -> Result<Option<Saved<T>>> {
        let keys = self.keys()?;
        let tag = tag_of::<T>(keys, author, key);
        let mut stmt = self.conn.prepare_cached(T::TABLE.sql.find)?;
        let mut rows = stmt.query(params![tag])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let raw = RawRecord::from_row(row)?;
        let saved: Saved<T> = raw.open_with(keys, T::TABLE, &mut Zeroizing::new(Vec::new()))?;
        // The tag is not sealed; a swapped tag shows up as a key mismatch.
        if saved.value.key() != key || saved.author != author {
            return Err(Error::Corrupt);
        }
        Ok(Some(saved))
    }

    /// The author's entries of kind `T` from `from` to `to` inclusive
    /// (either end open), by day.
    pub(crate) fn load_range<T: Dated>(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<T>>> {
        let keys = self.keys()?;
        let mut stmt = self.conn.prepare_cached(T::TABLE.sql.all)?;
        let mut out: Vec<Saved<T>> = Vec::new();
        let mut buf = Zeroizing::new(Vec::with_capacity(4096));
        let mut rows = stmt.query([])?;
        let everything = from.is_none() && to.is_none();
        while let Some(row) = rows.next()? {
            let raw = RawRecord::from_row(row)?;
            if everything {
                let saved: Saved<T> = raw.open_with(keys, T::TABLE, &mut buf)?;
                if saved.author == author {
                    out.push(saved);
                }
                continue;
            }
            let plain = raw.decrypt(keys, T::TABLE, &mut buf)?;
            let probe: Probe<T::Day> = serde_json::from_slice(plain).map_err(|_| Error::Corrupt)?;
            let day: NaiveDate = probe.value.into();
            if probe.author == author
                && from.is_none_or(|f| day >= f)
                && to.is_none_or(|t| day <= t)
            {
                out.push(raw.parse(plain)?);
            }
        }
        // Days are unique per author and table, so an unstable sort loses
        // nothing and moves the large entries less.
        out.sort_unstable_by_key(|s| s.value.day());
        Ok(out)
    }

    /// Deletes my own entry of kind `T` with natural key `key`.
    pub(crate) fn delete_one<T: Entry>(&mut self, key: &str, what: &'static str) -> Result<()> {
        let tag = tag_of::<T>(self.keys()?, Author::Me, key);
        let n = self
            .conn
            .prepare_cached(T::TABLE.sql.delete)?
            .execute(params![tag])?;
        if n == 0 {
            return Err(Error::NotFound(what));
        }
        Ok(())
    }

    /// Runs `write` in one write transaction with the keys: everything it
    /// puts lands together or not at all (imports, restores).
    pub(crate) fn write_batch(
        &mut self,
        write: impl FnOnce(&Transaction<'_>, &Keys) -> Result<()>,
    ) -> Result<()> {
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        write(&tx, keys)?;
        tx.commit()?;
        Ok(())
    }
}

/// Seals and writes records exactly as given (id, revision, save time,
/// author), each replacing any row with the same author and natural key.
/// Entries must already be validated.
pub(crate) fn put_saved<T: Entry>(
    tx: &Transaction<'_>,
    keys: &Keys,
    items: &[Saved<T>],
) -> Result<()> {
    let mut delete = tx.prepare_cached(T::TABLE.sql.delete)?;
    let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
    for saved in items {
        let tag = tag_of::<T>(keys, saved.author, &saved.value.key());
        delete.execute(params![tag])?;
        seal_row(&mut upsert, keys, &tag, saved)?;
    }
    Ok(())
}

/// Every record of kind `T` that opens and sits under the tag of its own
/// author and natural key (which are part of the file format: the tags on
/// disk are made from them), in table order; and how many rows do not.
fn sound_records<T: Entry>(journal: &Journal) -> Result<(Vec<Saved<T>>, u32)> {
    let keys = journal.keys()?;
    let tag_of_id: HashMap<Vec<u8>, Vec<u8>> = journal
        .conn
        .prepare(T::TABLE.sql.ids_and_tags)?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = journal.conn.prepare(T::TABLE.sql.all)?;
    let mut rows = stmt.query([])?;
    let mut buf = Zeroizing::new(Vec::new());
    let (mut out, mut damaged) = (Vec::new(), 0u32);
    while let Some(row) = rows.next()? {
        let sound = RawRecord::from_row(row).ok().and_then(|raw| {
            let saved: Saved<T> = raw.open_with(keys, T::TABLE, &mut buf).ok()?;
            let tag = tag_of::<T>(keys, saved.author, &saved.value.key());
            (tag_of_id.get(raw.id) == Some(&tag)).then_some(saved)
        });
        match sound {
            Some(saved) => out.push(saved),
            None => damaged = damaged.saturating_add(1),
        }
    }
    Ok((out, damaged))
}

/// Checks that every record of kind `T` opens under its own tag.
pub(crate) fn verify_kind<T: Entry>(journal: &Journal) -> Result<()> {
    match sound_records::<T>(journal)? {
        (_, 0) => Ok(()),
        _ => Err(Error::Corrupt),
    }
}

/// How many records of kind `T` open under their own tag, and how many do not.
pub(crate) fn count_sound<T: Entry>(journal: &Journal) -> Result<(u32, u32)> {
    let (sound, damaged) = sound_records::<T>(journal)?;
    Ok((crate::num::count_u32(sound.len()), damaged))
}

impl Journal {
    /// Every record of dated kind `T` that opens and sits under its own
    /// tag, mine then my partner's, each by day; and how many did not (left
    /// out). For saving what is sound from a damaged journal.
    pub(crate) fn load_all_sound<T: Dated>(&self) -> Result<(Vec<Saved<T>>, u32)> {
        let (mut out, damaged) = sound_records::<T>(self)?;
        out.sort_by_key(|s| (s.author != Author::Me, s.value.day()));
        Ok((out, damaged))
    }
}

/// How many rows of the kinds that count as entries the file holds (a
/// kind newer than the file has no table there, and none). Reads row
/// counts only: no key is needed.
pub(crate) fn count_entries(conn: &Connection, kinds: &[Kind]) -> Result<i64> {
    let mut n = 0i64;
    for kind in kinds.iter().filter(|k| k.counts_as_entry) {
        let exists: bool = conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
            [kind.table.name],
            |r| r.get(0),
        )?;
        if !exists {
            continue;
        }
        let rows: i64 = conn.query_row(kind.table.sql.count, [], |r| r.get(0))?;
        n = n.saturating_add(rows);
    }
    Ok(n)
}

/// Serialises, pads and seals one record for its place, and writes it
/// through the table's upsert statement.
fn seal_row<T: Entry>(
    upsert: &mut rusqlite::CachedStatement<'_>,
    keys: &Keys,
    tag: &[u8],
    saved: &Saved<T>,
) -> Result<()> {
    let envelope = Envelope {
        saved_at: saved.saved_at,
        author: saved.author,
        value: &saved.value,
    };
    let mut plain = Zeroizing::new(serde_json::to_vec(&envelope).map_err(|_| Error::Corrupt)?);
    let padded = plain.len().div_ceil(PAD_TO) * PAD_TO;
    plain.resize(padded, b' ');
    let place = RecordPlace {
        table: T::TABLE,
        id: &saved.id.0,
        key_id: keys.key_id(),
        revision: saved.revision,
        format: RECORD_FORMAT,
    };
    let (nonce, sealed) = keys.seal(&place, &plain)?;
    upsert.execute(params![
        saved.id.0.as_slice(),
        tag,
        RECORD_FORMAT,
        keys.key_id().as_slice(),
        saved.revision,
        nonce.as_slice(),
        sealed
    ])?;
    Ok(())
}

/// One record row as read, before it is opened. The byte columns are
/// borrowed from SQLite's row, not copied: opening copies the ciphertext
/// once anyway, into the wiped buffer it decrypts in place.
struct RawRecord<'a> {
    id: &'a [u8],
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
    fn from_row(r: &'a rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawRecord {
            id: blob(r, 0)?,
            format: r.get(1)?,
            key_id: blob(r, 2)?,
            revision: r.get(3)?,
            nonce: blob(r, 4)?,
            sealed: blob(r, 5)?,
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
        };
        keys.open_into(&place, self.nonce, self.sealed, buf)
    }

    /// The entry and its save facts from the record's plaintext.
    fn parse<T: DeserializeOwned>(&self, plain: &[u8]) -> Result<Saved<T>> {
        let env: Envelope<T> = serde_json::from_slice(plain).map_err(|_| Error::Corrupt)?;
        let id: Id = self.id.try_into().map_err(|_| Error::Corrupt)?;
        Ok(Saved {
            id: RecordId(id),
            revision: self.revision,
            saved_at: env.saved_at,
            author: env.author,
            value: env.value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entries::table;

    fn record_table(conn: &Connection, name: &str) {
        conn.execute_batch(&format!(
            "CREATE TABLE {name} (id BLOB PRIMARY KEY, tag BLOB NOT NULL UNIQUE,
             format INTEGER NOT NULL, key_id BLOB NOT NULL, revision INTEGER NOT NULL,
             nonce BLOB NOT NULL, sealed BLOB NOT NULL) STRICT, WITHOUT ROWID;"
        ))
        .unwrap();
    }

    fn one_row(conn: &Connection, name: &str) {
        conn.execute(
            &format!("INSERT INTO {name} VALUES (x'01', x'02', 1, x'03', 1, x'04', x'05')"),
            [],
        )
        .unwrap();
    }

    #[test]
    fn settings_alone_do_not_count_and_any_kind_that_counts_does() {
        let conn = Connection::open_in_memory().unwrap();
        record_table(&conn, "settings");
        record_table(&conn, "pauses");
        one_row(&conn, "settings");
        let settings = Kind::of::<crate::Settings>();
        // A kind to come, one line in a list like KINDS.
        let future = Kind {
            table: table!(99, "pauses"),
            counts_as_entry: true,
            verify: |_| Ok(()),
            count_sound: |_| Ok((0, 0)),
        };
        let kinds = [settings, future];
        assert_eq!(count_entries(&conn, &kinds).unwrap(), 0);
        one_row(&conn, "pauses");
        assert_eq!(count_entries(&conn, &kinds).unwrap(), 1);
        // A kind newer than the file (no table there) counts none.
        let newer = Kind {
            table: table!(98, "not_in_this_file"),
            ..future
        };
        assert_eq!(count_entries(&conn, &[newer, future]).unwrap(), 1);
    }
}
