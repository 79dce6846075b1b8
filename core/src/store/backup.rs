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

use crate::error::{Error, Result, invalid};
use crate::store::Journal;
use crate::store::crypto::Method;
use crate::store::files::{TempFile, create_private, link_new, sync_parent};
use crate::store::open_rw;
use crate::store::restore::close;

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
    /// nothing does.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        if self.keys.is_none() {
            return Err(Error::Locked);
        }
        if dest.symlink_metadata().is_ok() {
            return Err(Error::AlreadyExists);
        }
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
