//! Encrypted backups of a whole journal (restoring one is `restore`).
//!
//! **A backup** is a Tandem-format SQLite file (same `application_id` and
//! `user_version`, same sealed rows) written by [`Journal::backup`]:
//!
//! - A consistent snapshot taken with `VACUUM INTO` on the journal's own
//!   connection, so saves still in the `-wal` are in it and no free page
//!   carries old bytes over; never a copy of the raw file.
//! - The device-key wrap is removed: a device key belongs to one phone, and
//!   a backup opens only with the passphrase or the recovery code. The row
//!   is deleted with `secure_delete` on, so its bytes are zeroed in the file.
//! - One row in `meta`, `kind` = `backup`, tells it apart from a journal
//!   file. Nothing else about content or dates is in plaintext (the rows
//!   are the journal's own sealed rows).
//! - It is built in a temporary sibling (mode 0600, rollback journal kept in
//!   memory, since a damaged temporary is simply thrown away), fsynced, and
//!   linked into place: an existing file is never overwritten, and a crash
//!   leaves at most a stray temporary file beside `dest`.

use std::fs::File;
use std::path::Path;

use rusqlite::{TransactionBehavior, params};

use crate::entries::KINDS;
use crate::error::{Error, Result, invalid};
use crate::store::crypto::Method;
use crate::store::files::{TempFile, create_private, link_new, sync_parent};
use crate::store::restore::close;
use crate::store::verify::{check_backup_file, drop_planted};
use crate::store::{Journal, digest, open_rw, schema, verify_records};

/// The `meta` row that marks a backup: its name.
pub(crate) const KIND: &str = "kind";
/// The `meta` row that marks a backup: its value.
pub(crate) const BACKUP_KIND: &[u8] = b"backup";

impl Journal {
    /// Writes an encrypted backup of the journal to `dest`, a new file.
    ///
    /// The backup is a consistent snapshot (saves still in the `-wal`
    /// included) that opens only with the passphrase or the recovery code:
    /// the device-key wrap is left out. `dest` must not exist
    /// ([`Error::AlreadyExists`]); the journal must be unlocked
    /// ([`Error::Locked`]). Either the whole backup appears at `dest` or
    /// nothing does. A backup restores only if every record in it opens,
    /// so a journal that is damaged (opened with [`Journal::open_damaged`],
    /// or holding a record that does not open) gives that error and writes
    /// nothing: [`Journal::backup_sound`] backs up what is sound.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if self.keys.is_none() {
            return Err(Error::Locked);
        }
        if dest.symlink_metadata().is_ok() {
            return Err(Error::AlreadyExists);
        }
        self.writable()?;
        verify_records(self)?;
        let tmp = TempFile::beside(dest, "backup")?;
        // VACUUM INTO accepts an empty file; making it first gives it mode
        // 0600 from the start.
        drop(create_private(tmp.path())?);
        let name = tmp
            .path()
            .to_str()
            .ok_or_else(|| invalid(crate::error::Field::Path, "must be valid Unicode"))?;
        self.conn.execute("VACUUM INTO ?1", [name])?;
        mark_as_backup(tmp.path())?;
        File::open(tmp.path())?.sync_all()?;
        link_new(tmp.path(), dest)?;
        sync_parent(dest)
    }

    /// Writes an encrypted backup of what is sound to `dest`, a new file,
    /// and returns how many records were left out because they do not open
    /// under their own tag. For a damaged journal (opened with
    /// [`Journal::open_damaged`]); a sound journal is backed up whole, as by
    /// [`Journal::backup`], and 0 is returned.
    ///
    /// The backup starts as the same snapshot; then anything planted in
    /// the schema (a trigger, a view, an index or table this build does not
    /// make) is dropped, every record that does not open is deleted, and
    /// the digest is made again over the rows that remain, so the backup
    /// restores. Rows put back from another time that open are kept: the
    /// owner decides what to do with them. A snapshot that still fails the
    /// backup checks (a table whose definition was altered, pages SQLite
    /// cannot read) gives [`Error::Corrupt`] and nothing at `dest`; the
    /// export of what is sound ([`Journal::export_sound_json`]) is the way
    /// out then.
    pub fn backup_sound(&self, dest: &Path) -> Result<u32> {
        let keys = self.keys()?;
        if self.health()?.is_sound() {
            self.backup(dest)?;
            return Ok(0);
        }
        if dest.symlink_metadata().is_ok() {
            return Err(Error::AlreadyExists);
        }
        let tmp = TempFile::beside(dest, "backup")?;
        drop(create_private(tmp.path())?);
        let name = tmp
            .path()
            .to_str()
            .ok_or_else(|| invalid(crate::error::Field::Path, "must be valid Unicode"))?;
        self.conn.execute("VACUUM INTO ?1", [name])?;
        let left_out = {
            let mut conn = open_rw(tmp.path())?;
            conn.pragma_update(None, "journal_mode", "MEMORY")?;
            conn.pragma_update(None, "synchronous", "OFF")?;
            conn.pragma_update(None, "secure_delete", "ON")?;
            // Planted objects go first: a trigger would fire on the deletes.
            drop_planted(&conn)?;
            let version = schema::check_version(&conn)?;
            schema::upgrade(&mut conn, version)?;
            let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
            let mut left_out = 0u32;
            for kind in KINDS {
                left_out = left_out.saturating_add((kind.drop_unsound)(&tx, keys)?);
            }
            digest::store(&tx, keys, &digest::of_rows(&tx, keys)?)?;
            tx.commit()?;
            close(conn)?;
            left_out
        };
        mark_as_backup(tmp.path())?;
        check_backup_file(tmp.path())?;
        File::open(tmp.path())?.sync_all()?;
        link_new(tmp.path(), dest)?;
        sync_parent(dest)?;
        Ok(left_out)
    }
}

/// Turns the fresh snapshot at `path` into a backup: no device wrap, the
/// marker row. Refuses a journal no passphrase or recovery code would open.
fn mark_as_backup(path: &Path) -> Result<()> {
    let mut conn = open_rw(path)?;
    // A temporary that a crash damages is thrown away anyway, so its
    // rollback journal stays in memory (no side file beside `dest`) and
    // the commit need not sync: the whole file is fsynced before it is
    // linked into place.
    conn.pragma_update(None, "journal_mode", "MEMORY")?;
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    tx.execute(
        "DELETE FROM key_wraps WHERE method = ?1",
        [Method::Device.code()],
    )?;
    let openers: i64 = tx.query_row(
        "SELECT count(*) FROM key_wraps WHERE method IN (?1, ?2)",
        [Method::Passphrase.code(), Method::Recovery.code()],
        |r| r.get(0),
    )?;
    if openers == 0 {
        return Err(invalid(
            crate::error::Field::Journal,
            "has neither a passphrase nor a recovery code, so no backup of it could be opened",
        ));
    }
    tx.execute(
        "INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)",
        params![KIND, BACKUP_KIND],
    )?;
    tx.commit()?;
    close(conn)
}
