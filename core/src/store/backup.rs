//! Encrypted backup and restore of a whole journal.
//!
//! This module owns the backup file and the restore into place; the store
//! keeps owning the journal format and its keys.
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

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::ffi::ErrorCode;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::error::{DbError, Error, Result, invalid};
use crate::store::crypto::{self, DeviceKey, Keys, Method, Table, Unlock};
use crate::store::schema;
use crate::store::{Journal, RecordId};

/// The `meta` row that marks a backup: its name.
const KIND: &str = "kind";
/// The `meta` row that marks a backup: its value.
const BACKUP_KIND: &[u8] = b"backup";

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
            .ok_or_else(|| invalid("path", "must be valid Unicode"))?;
        self.conn.execute("VACUUM INTO ?1", [name])?;
        mark_as_backup(tmp.path())?;
        File::open(tmp.path())?.sync_all()?;
        link_new(tmp.path(), dest)?;
        sync_parent(dest)
    }

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
        if unlock.method() == Method::Device {
            return Err(invalid(
                "unlock",
                "a backup opens only with the passphrase or the recovery code",
            ));
        }
        if !backup.is_file() {
            return Err(Error::NotFound("backup file"));
        }
        let target_exists = target.symlink_metadata().is_ok();
        if target_exists {
            if !target.is_file() {
                return Err(invalid("target", "is not a file"));
            }
            if !replace && !is_empty_journal(target)? {
                return Err(Error::WouldReplace);
            }
        }

        // Everything up to the rename happens to this copy.
        let tmp = TempFile::beside(target, "restoring")?;
        copy_private(backup, tmp.path())?;
        check_backup_file(tmp.path())?;
        let mut journal = Journal::open(tmp.path(), unlock)?;
        // Nothing written to the copy needs to be durable before the one
        // fsync of the whole file ahead of the rename.
        journal.conn.pragma_update(None, "synchronous", "OFF")?;
        check_schema(&journal.conn)?;
        verify_records(&journal)?;
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
            "journal",
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

/// Checks, before any key work, that the file at `path` is a backup this
/// build reads and that SQLite finds it whole.
fn check_backup_file(path: &Path) -> Result<()> {
    let conn = open_rw(path)?;
    let version = schema::check_version(&conn)?;
    check_header(path)?;
    // Before any statement of the store touches a table: a backup of this
    // version must have exactly this build's schema. (An older backup is
    // checked once opening it has upgraded it.)
    if version == schema::CURRENT_VERSION {
        check_schema(&conn)?;
    }
    let has_meta: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get(0),
    )?;
    if !has_meta {
        return Err(Error::Corrupt);
    }
    let kind: Option<Vec<u8>> = conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [KIND], |r| {
            r.get(0)
        })
        .optional()?;
    if kind.as_deref() != Some(BACKUP_KIND) {
        return Err(Error::NotABackup);
    }
    // A cut-off file whose last page ends in zero bytes would still read
    // back; its length says it was cut (and appended bytes show up too).
    let page_size: u32 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
    let pages: u32 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
    if u64::from(page_size) * u64::from(pages) != std::fs::metadata(path)?.len() {
        return Err(Error::Corrupt);
    }
    let report: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if report != ["ok"] {
        return Err(Error::Corrupt);
    }
    close(conn)
}

/// Checks the fields of SQLite's 100-byte file header that SQLite would
/// otherwise report as an unsupported file or a read-only one: the file
/// format versions (1 rollback, 2 WAL) and the schema format (1 to 4).
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    File::open(path)?
        .read_exact(&mut header)
        .map_err(|_| Error::Corrupt)?;
    let schema_format = u32::from_be_bytes([header[44], header[45], header[46], header[47]]);
    if !(1..=2).contains(&header[18])
        || !(1..=2).contains(&header[19])
        || !(1..=4).contains(&schema_format)
    {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// Checks that the schema (every table and index, with its SQL) is exactly
/// the one this build lays out; an opened backup of an older version has
/// been upgraded to it by then. Altered schema text means a damaged file.
fn check_schema(conn: &Connection) -> Result<()> {
    let mut fresh = Connection::open_in_memory()?;
    schema::init(&mut fresh, |_| Ok(()))?;
    if schema_rows(conn)? != schema_rows(&fresh)? {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// A schema row as bytes: an altered file need not hold valid UTF-8 there.
type SchemaRow = (Vec<u8>, Vec<u8>, Vec<u8>, Option<Vec<u8>>);

fn schema_rows(conn: &Connection) -> Result<Vec<SchemaRow>> {
    let mut stmt = conn.prepare(
        "SELECT CAST(type AS BLOB), CAST(name AS BLOB), CAST(tbl_name AS BLOB),
                CAST(sql AS BLOB)
         FROM sqlite_schema ORDER BY 1, 2",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Decrypts every record and checks that each row sits under the keyed tag
/// of its own day, week or name. The natural keys are part of the file
/// format (the tags on disk are made from them): a check-in's day and a
/// reflection's Monday written `YYYY-MM-DD`, and the name `settings`.
fn verify_records(journal: &Journal) -> Result<()> {
    let keys = journal.keys.as_ref().ok_or(Error::Locked)?;
    let checkins = journal.checkins(None, None)?;
    check_tags(
        &journal.conn,
        "SELECT id, tag FROM checkins",
        keys,
        Table::CheckIns,
        checkins.iter().map(|s| (s.id, s.value.date.to_string())),
    )?;
    drop(checkins);
    let reflections = journal.reflections(None, None)?;
    check_tags(
        &journal.conn,
        "SELECT id, tag FROM reflections",
        keys,
        Table::Reflections,
        reflections
            .iter()
            .map(|s| (s.id, s.value.week_start.to_string())),
    )?;
    // The one settings record, if any, is found by its tag and decrypted.
    let settings_rows: i64 = journal
        .conn
        .query_row("SELECT count(*) FROM settings", [], |r| r.get(0))?;
    match settings_rows {
        0 => Ok(()),
        1 => {
            let tag: Vec<u8> = journal
                .conn
                .query_row("SELECT tag FROM settings", [], |r| r.get(0))?;
            if tag != keys.tag(Table::Settings, b"settings") {
                return Err(Error::Corrupt);
            }
            journal.settings().map(|_| ())
        }
        _ => Err(Error::Corrupt),
    }
}

/// Checks that the table read by `sql` (id, tag) holds exactly the opened
/// records, each under the tag of its natural key.
fn check_tags(
    conn: &Connection,
    sql: &str,
    keys: &Keys,
    table: Table,
    opened: impl Iterator<Item = (RecordId, String)>,
) -> Result<()> {
    let mut expected: HashMap<crypto::Id, Vec<u8>> = opened
        .map(|(id, key)| (id.0, keys.tag(table, key.as_bytes())))
        .collect();
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let id: Vec<u8> = row.get(0)?;
        let tag: Vec<u8> = row.get(1)?;
        let id: crypto::Id = id.try_into().map_err(|_| Error::Corrupt)?;
        if expected.remove(&id) != Some(tag) {
            return Err(Error::Corrupt);
        }
    }
    if !expected.is_empty() {
        return Err(Error::Corrupt);
    }
    Ok(())
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
    Ok(matches!(count_entries(copy.path()), Ok(0)))
}

fn count_entries(path: &Path) -> Result<i64> {
    let conn = open_rw(path)?;
    schema::check_version(&conn)?;
    let n = conn.query_row(
        "SELECT (SELECT count(*) FROM checkins) + (SELECT count(*) FROM reflections)",
        [],
        |r| r.get(0),
    )?;
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
    for suffix in ["-wal", "-shm", "-journal"] {
        match std::fs::remove_file(side(target, suffix)) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    Ok(())
}

/// Folds the `-wal` of the database at `path` into it; the close then
/// removes the `-wal` and `-shm`.
fn checkpoint(path: &Path) -> rusqlite::Result<()> {
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

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked))
}

fn busy_error() -> Error {
    Error::Database(DbError {
        code: None,
        description: "the journal is in use by another program",
    })
}

fn open_rw(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

fn close(conn: Connection) -> Result<()> {
    conn.close().map_err(|(_, e)| Error::from(e))
}

/// Creates a new file readable by its owner alone (mode 0600 on Unix).
fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    Ok(opts.open(path)?)
}

/// Copies `from` into a new private file `to`.
fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = File::open(from)?;
    let mut dst = create_private(to)?;
    std::io::copy(&mut src, &mut dst)?;
    Ok(())
}

/// Puts the finished file `tmp` at `dest` without ever replacing a file
/// there. A hard link refuses an existing name atomically; filesystems
/// without hard links (FAT on a memory stick) get a rename after a last
/// look, the best they allow.
fn link_new(tmp: &Path, dest: &Path) -> Result<()> {
    match std::fs::hard_link(tmp, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::AlreadyExists),
        Err(_) => {
            if dest.symlink_metadata().is_ok() {
                return Err(Error::AlreadyExists);
            }
            Ok(std::fs::rename(tmp, dest)?)
        }
    }
}

/// Makes a rename or link in the folder of `path` durable (Unix; elsewhere
/// the rename is as durable as the platform makes it).
fn sync_parent(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The path of a side file of a database (`-wal`, `-shm`, `-journal`).
fn side(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

/// A temporary file beside another, removed with its SQLite side files when
/// dropped, whichever way the work ended. (After a rename nothing is left
/// under its name, and removing it does nothing.)
struct TempFile(PathBuf);

impl TempFile {
    /// A fresh random name beside `path`: `<name>.<what>-<random hex>`.
    fn beside(path: &Path, what: &str) -> Result<TempFile> {
        let name = path
            .file_name()
            .ok_or_else(|| invalid("path", "must name a file"))?;
        let mut tmp = name.to_os_string();
        tmp.push(format!(".{what}-{}", RecordId(crypto::random_id()?)));
        Ok(TempFile(path.with_file_name(tmp)))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let _ = std::fs::remove_file(side(&self.0, suffix));
        }
    }
}
