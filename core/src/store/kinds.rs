//! What walks every record of one kind at once: which records are sound
//! (verifying backups, the health count, salvage reads and exports), the
//! rewrite of older formats at the first unlock, and re-keying.

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use zeroize::Zeroizing;

use crate::entries::{Author, Dated, Entry, Kind, Saved};
use crate::error::{Error, Result};
use crate::store::Journal;
use crate::store::crypto::Keys;
use crate::store::records::{RawRecord, seal_row, tag_of};

/// Every record of kind `T` that opens and sits under the tag of its own
/// author and natural key (which are part of the file format: the tags on
/// disk are made from them), in table order; and how many rows do not.
fn sound_records<T: Entry>(journal: &Journal) -> Result<(Vec<Saved<T>>, u32)> {
    let keys = journal.keys()?;
    let mut stmt = journal.conn.prepare(T::TABLE.sql.all)?;
    let mut rows = stmt.query([])?;
    let mut buf = Zeroizing::new(Vec::new());
    let (mut out, mut damaged) = (Vec::new(), 0u32);
    while let Some(row) = rows.next()? {
        match RawRecord::from_row(row)
            .ok()
            .and_then(|raw| raw.sound(keys, &mut buf))
        {
            Some(saved) => out.push(saved),
            None => damaged = damaged.saturating_add(1),
        }
    }
    Ok((out, damaged))
}

/// Rewrites every sound format-1 record of kind `T` as format 2, with the
/// same id, revision, author and save time (so the digest is unchanged);
/// a record that does not open is left as it is, and counted as damaged
/// wherever records are counted. Runs in the caller's transaction.
pub(crate) fn migrate_kind<T: Entry>(tx: &Transaction<'_>, keys: &Keys) -> Result<()> {
    let mut buf = Zeroizing::new(Vec::new());
    let sound: Vec<(Vec<u8>, Saved<T>)> = {
        let mut stmt = tx.prepare(T::TABLE.sql.older)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            if let Some((tag, saved)) = RawRecord::from_row(row)
                .ok()
                .and_then(|raw| Some((raw.tag.to_vec(), raw.sound(keys, &mut buf)?)))
            {
                out.push((tag, saved));
            }
        }
        out
    };
    let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
    for (tag, saved) in &sound {
        seal_row(&mut upsert, keys, tag, saved)?;
    }
    Ok(())
}

/// Seals every record of kind `T` again under `new` keys: new tags, new
/// ciphertexts, the same ids, revisions, authors and save times. A record
/// that does not open under `old` stops it with [`Error::Corrupt`], so
/// nothing is lost. Runs in the caller's transaction.
pub(crate) fn rekey_kind<T: Entry>(tx: &Transaction<'_>, old: &Keys, new: &Keys) -> Result<()> {
    let mut buf = Zeroizing::new(Vec::new());
    let records: Vec<Saved<T>> = {
        let mut stmt = tx.prepare(T::TABLE.sql.all)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let raw = RawRecord::from_row(row)?;
            out.push(raw.sound(old, &mut buf).ok_or(Error::Corrupt)?);
        }
        out
    };
    tx.execute(T::TABLE.sql.clear, [])?;
    let mut upsert = tx.prepare_cached(T::TABLE.sql.upsert)?;
    for saved in &records {
        let tag = tag_of::<T>(new, saved.author, &saved.value.key());
        seal_row(&mut upsert, new, &tag, saved)?;
    }
    Ok(())
}

/// Checks that every record of kind `T` opens under its own tag.
pub(crate) fn verify_kind<T: Entry>(journal: &Journal) -> Result<()> {
    match sound_records::<T>(journal)? {
        (_, 0) => Ok(()),
        _ => Err(Error::Corrupt),
    }
}

/// Deletes every record of kind `T` that does not open under its own tag
/// (whatever its columns hold) and returns how many. For a salvage copy.
pub(crate) fn drop_unsound_kind<T: Entry>(conn: &Connection, keys: &Keys) -> Result<u32> {
    let mut buf = Zeroizing::new(Vec::new());
    let unsound: Vec<rusqlite::types::Value> = {
        let mut stmt = conn.prepare(T::TABLE.sql.all)?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let sound = RawRecord::from_row(row)
                .ok()
                .and_then(|raw| raw.sound::<T>(keys, &mut buf))
                .is_some();
            if !sound {
                out.push(row.get(0)?);
            }
        }
        out
    };
    let mut delete = conn.prepare(T::TABLE.sql.delete)?;
    for id in &unsound {
        delete.execute([id])?;
    }
    Ok(crate::num::count_u32(unsound.len()))
}

/// How many records of kind `T` open under their own tag, and how many do not.
pub(crate) fn count_sound<T: Entry>(journal: &Journal) -> Result<(u32, u32)> {
    let (sound, damaged) = sound_records::<T>(journal)?;
    Ok((crate::num::count_u32(sound.len()), damaged))
}

/// What a read of a journal that may be damaged gives: the records that
/// open, and how many did not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readable<T> {
    /// The records that open and sit under their own tag, by day.
    pub items: Vec<T>,
    /// Records that could not be read and are left out.
    pub skipped: u32,
}

impl Journal {
    /// The author's records of dated kind `T` from `from` to `to` that
    /// open, by day, and how many records of the kind do not.
    pub(crate) fn load_readable<T: Dated>(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Readable<Saved<T>>> {
        let (all, skipped) = self.load_all_sound::<T>()?;
        let items = all
            .into_iter()
            .filter(|s| {
                let day = s.value.day();
                s.author == author && from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t)
            })
            .collect();
        Ok(Readable { items, skipped })
    }

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
            drop_unsound: |_, _| Ok(0),
            migrate: |_, _| Ok(()),
            rekey: |_, _, _| Ok(()),
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
