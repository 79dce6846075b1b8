//! Restoring an encrypted backup into place.
//!
//! **A restore** ([`Journal::restore`]) copies the backup beside the target
//! and does all its work on that copy: the backup itself is only read. The
//! copy must be a Tandem file this build reads (`NotAJournal`,
//! `NewerVersion`), carry the backup marker (`NotABackup`: a journal file
//! may be missing saves that are still in its `-wal`, so it is refused),
//! be exactly as long as its header says, have sane header fields and
//! exactly this build's schema, and pass `PRAGMA integrity_check`
//! (`Corrupt`); it must open with the passphrase or recovery code
//! (`WrongKey`); and every record must decrypt and sit under its own keyed
//! tag (`Corrupt`). Flipping any single byte of a backup was tried: each
//! gives one of these errors, or (unused page space, a wrap the key in
//! hand does not read) the very same entries.
//! Then the marker goes, a wrap under the new device key is added, the copy
//! is checkpointed, closed and fsynced, and renamed over the target. Until
//! that rename the target and its side files are not written at all.
//!
//! **The target's side files.** A `-wal` names no database: one left beside
//! the old file would be replayed into the restored one and corrupt it. So,
//! just before the rename, a `-wal` of the old target is folded into the
//! old file by a checkpoint (its close deletes the `-wal` and `-shm`); a
//! crash between that and the rename leaves the old journal whole. If the
//! old file is not a database SQLite can read, its side files are removed
//! instead (the caller asked for it to be replaced). A journal open in
//! another program makes the checkpoint fail as busy, and the restore stops
//! there with the target unreplaced.
//!
//! **Replacing.** Without `replace`, only a missing target or a journal
//! with no check-in and no reflection is replaced; anything else is
//! [`Error::WouldReplace`]. That check reads a copy of the target (and of
//! its `-wal`), so not even SQLite's `-shm` index of the original is
//! touched.

use std::fs::File;
use std::path::Path;

use rusqlite::ffi::ErrorCode;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::entries::KINDS;
use crate::error::{DbError, Error, Field, Result, invalid};
use crate::store::backup::KIND;
use crate::store::crypto::{DeviceKey, Keys, Method, Unlock};
use crate::store::files::{SIDE_SUFFIXES, TempFile, copy_private, side, sync_parent};
use crate::store::verify::{check_backup_file, check_schema};
use crate::store::{Journal, count_entries, open_rw, schema, verify_records};

impl Journal {
    /// Restores the backup at `backup` into a journal at `target` and
    /// returns it, unlocked.
    ///
    /// `unlock` is the passphrase or the recovery code (a backup has no
    /// device key: [`Error::InvalidInput`] for one). With `device_key`, the
    /// restored journal gets a wrap under it (the new phone's key). An
    /// existing `target` that holds any check-in or reflection, or is not a
    /// journal, is replaced only with `replace` ([`Error::WouldReplace`]).
    ///
    /// The backup is verified in full first: a wrong key, a truncated or
    /// altered backup, or a file that is not a backup gives a typed error
    /// (`WrongKey`, `Corrupt`, `NotAJournal`, `NotABackup`, `NewerVersion`)
    /// and leaves `target` and its side files byte-for-byte as they were.
    /// Then the verified copy is renamed over `target`: a crash leaves the
    /// old journal or the new one, and at most a stray temporary file
    /// beside it. Drop any `Journal` open on `target` first; it would go on
    /// using the replaced file.
    pub fn restore(
        backup: &Path,
        target: &Path,
        unlock: Unlock,
        device_key: Option<DeviceKey>,
        replace: bool,
    ) -> Result<Journal> {
        check_request(backup, &unlock)?;
        let target_exists = target.symlink_metadata().is_ok();
        if target_exists {
            if !target.is_file() {
                return Err(invalid(Field::Target, "is not a file"));
            }
            if !replace && !is_empty_journal(target)? {
                return Err(Error::WouldReplace);
            }
        }

        // Everything up to the rename happens to this copy.
        let tmp = TempFile::beside(target, "restoring")?;
        let mut journal = open_verified(backup, &tmp, unlock)?;
        {
            let tx = journal
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            tx.execute("DELETE FROM meta WHERE name = ?1", [KIND])?;
            tx.execute(
                "DELETE FROM key_wraps WHERE method = ?1",
                [Method::Device.code()],
            )?;
            tx.commit()?;
        }
        if let Some(key) = device_key {
            journal.set_device_key(key)?;
        }
        let keys = close_journal(journal)?;
        if side(tmp.path(), "-wal").is_file() {
            // The close did not fold the WAL in; the file alone is not whole.
            return Err(Error::Database(DbError {
                code: None,
                description: "the restored journal could not be checkpointed",
            }));
        }
        File::open(tmp.path())?.sync_all()?;

        // The point of no return.
        if target_exists {
            retire_side_files(target)?;
        }
        std::fs::rename(tmp.path(), target)?;
        sync_parent(target)?;
        Journal::open_with_keys(target, keys)
    }
}

impl Journal {
    /// Checks that the backup at `backup` is whole and opens with `unlock`,
    /// exactly as [`Journal::restore`] would before replacing anything, but
    /// restores it nowhere: its copy is made in `scratch_dir` and removed.
    /// A shell calls this before closing the open journal for a restore, so
    /// a mistyped passphrase leaves that journal open as it was.
    pub fn check_backup(backup: &Path, scratch_dir: &Path, unlock: Unlock) -> Result<()> {
        check_request(backup, &unlock)?;
        if !scratch_dir.is_dir() {
            return Err(invalid(
                Field::Path,
                "must name a folder for the check's copy",
            ));
        }
        let tmp = TempFile::beside(&scratch_dir.join("backup.tandem"), "checking")?;
        let journal = open_verified(backup, &tmp, unlock)?;
        drop(journal);
        Ok(())
    }
}

/// The checks of a restore request made before any file is read.
fn check_request(backup: &Path, unlock: &Unlock) -> Result<()> {
    if unlock.method() == Method::Device {
        return Err(invalid(
            Field::Unlock,
            "a backup opens only with the passphrase or the recovery code",
        ));
    }
    if !backup.is_file() {
        return Err(Error::NotFound("backup file"));
    }
    check_size(backup)
}

/// The most bytes a backup may have: far beyond a century of entries.
const MAX_BACKUP_BYTES: u64 = 1 << 30;

/// Checks, before copying anything, that the file at `backup` starts as an
/// SQLite file and is exactly as long as its header says (a cut-off,
/// padded or sparse file is refused here rather than copied first).
fn check_size(backup: &Path) -> Result<()> {
    let len = std::fs::metadata(backup)?.len();
    if len > MAX_BACKUP_BYTES {
        return Err(invalid(
            Field::Path,
            "is larger than 1 GiB, larger than any journal",
        ));
    }
    let mut header = Vec::with_capacity(100);
    std::io::Read::read_to_end(
        &mut std::io::Read::take(File::open(backup)?, 100),
        &mut header,
    )?;
    if !header.starts_with(b"SQLite format 3\0") {
        return Err(Error::NotAJournal);
    }
    if header.len() < 100 {
        // Cut inside the header: damaged if it already named itself Tandem.
        return Err(match header.get(68..72) {
            Some(b"Tndm") => Error::Corrupt,
            _ => Error::NotAJournal,
        });
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    if page_size.checked_mul(pages) != Some(len) {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// Copies the backup into `tmp`, then checks the copy's file, opens it with
/// `unlock` and verifies every record: the backup itself is only read.
fn open_verified(backup: &Path, tmp: &TempFile, unlock: Unlock) -> Result<Journal> {
    copy_private(backup, tmp.path())?;
    check_backup_file(tmp.path())?;
    let journal = Journal::open(tmp.path(), unlock)?;
    // Nothing written to the copy needs to be durable before the one
    // fsync of the whole file ahead of the rename.
    journal.conn.pragma_update(None, "synchronous", "OFF")?;
    check_schema(&journal.conn)?;
    verify_records(&journal)?;
    Ok(journal)
}

/// Checkpoints and closes a journal on a temporary file; returns its keys.
fn close_journal(mut journal: Journal) -> Result<Keys> {
    let (busy, _, _): (i64, i64, i64) =
        journal
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
    if busy != 0 {
        return Err(busy_error());
    }
    let keys = journal.keys.take().ok_or(Error::Locked)?;
    let conn = std::mem::replace(&mut journal.conn, Connection::open_in_memory()?);
    drop(journal);
    close(conn)?;
    Ok(keys)
}

/// Whether `target` is a journal with no check-in and no reflection, read
/// from a copy of it and of its `-wal`, so that nothing of the original,
/// not even SQLite's `-shm` index, is written. Whatever cannot be read as a
/// journal counts as not empty: only an empty journal is replaced without
/// the caller's consent.
fn is_empty_journal(target: &Path) -> Result<bool> {
    let copy = TempFile::beside(target, "inspecting")?;
    copy_private(target, copy.path())?;
    let wal = side(target, "-wal");
    if wal.is_file() {
        copy_private(&wal, &side(copy.path(), "-wal"))?;
    }
    Ok(matches!(entries_in(copy.path()), Ok(0)))
}

fn entries_in(path: &Path) -> Result<i64> {
    let conn = open_rw(path)?;
    schema::check_version(&conn)?;
    let n = count_entries(&conn, KINDS)?;
    close(conn)?;
    Ok(n)
}

/// Makes way for the restored file at `target` (see the module notes): the
/// old file's `-wal` is folded into it, then any side file left is removed.
fn retire_side_files(target: &Path) -> Result<()> {
    if side(target, "-wal").exists() {
        match checkpoint(target) {
            Err(e) if is_busy(&e) => return Err(busy_error()),
            // Folded in; or not a database SQLite can read, with nothing
            // to fold in, whose side files go below.
            _ => {}
        }
    }
    for suffix in SIDE_SUFFIXES {
        match std::fs::remove_file(side(target, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

/// Folds the `-wal` of the database at `path` into it; the close then
/// removes the `-wal` and `-shm`.
pub(crate) fn checkpoint(path: &Path) -> rusqlite::Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // A first read opens the WAL; a checkpoint before it has nothing to do.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
        r.get::<_, i64>(0)
    })?;
    let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
    if busy != 0 {
        return Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ));
    }
    conn.close().map_err(|(_, e)| e)
}

pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

pub(crate) fn busy_error() -> Error {
    Error::Database(DbError {
        code: None,
        description: "the journal is in use by another program",
    })
}

pub(crate) fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, e)| Error::from(e))
}
