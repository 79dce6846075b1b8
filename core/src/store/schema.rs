//! The file's schema and its migrations: forward-only steps keyed by
//! `PRAGMA user_version`, all applied in one transaction. A file from a
//! newer version is refused before anything is written.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{Error, Result};

/// `PRAGMA application_id` of a Tandem journal ("Tndm").
pub const APPLICATION_ID: i32 = 0x546e_646d;

/// The schema version this build writes and reads.
pub const CURRENT_VERSION: u32 = 4;

/// Each step brings the file from the version before it to its own.
/// Append new steps; never edit one that has shipped.
const STEPS: &[(u32, &str)] = &[(1, V1), (2, V2), (3, V3), (4, V4)];

/// Version 1: key wraps, check-ins and reflections. Record tables hold a
/// random id, a keyed tag of the day, format and key ids, the revision, a
/// nonce and the ciphertext: no content and no date.
const V1: &str = "
CREATE TABLE meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
) STRICT;
CREATE TABLE key_wraps (
    method     TEXT PRIMARY KEY,
    salt       BLOB NOT NULL,
    iterations INTEGER NOT NULL,
    nonce      BLOB NOT NULL,
    sealed     BLOB NOT NULL
) STRICT;
CREATE TABLE checkins (
    id       BLOB PRIMARY KEY,
    tag      BLOB NOT NULL UNIQUE,
    format   INTEGER NOT NULL,
    key_id   BLOB NOT NULL,
    revision INTEGER NOT NULL,
    nonce    BLOB NOT NULL,
    sealed   BLOB NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE reflections (
    id       BLOB PRIMARY KEY,
    tag      BLOB NOT NULL UNIQUE,
    format   INTEGER NOT NULL,
    key_id   BLOB NOT NULL,
    revision INTEGER NOT NULL,
    nonce    BLOB NOT NULL,
    sealed   BLOB NOT NULL
) STRICT, WITHOUT ROWID;
";

/// Version 2: the settings record (week start …), sealed like every entry.
const V2: &str = "
CREATE TABLE settings (
    id       BLOB PRIMARY KEY,
    tag      BLOB NOT NULL UNIQUE,
    format   INTEGER NOT NULL,
    key_id   BLOB NOT NULL,
    revision INTEGER NOT NULL,
    nonce    BLOB NOT NULL,
    sealed   BLOB NOT NULL
) STRICT, WITHOUT ROWID;
";

/// Version 3: the journal's identity (its random id), sealed like every
/// record. Authors became part of every record's keyed tag at the same
/// time; my own records' tags are made exactly as before, so no row changes.
/// Opening a file from before gives it an id once the key is proven.
const V3: &str = "
CREATE TABLE identity (
    id       BLOB PRIMARY KEY,
    tag      BLOB NOT NULL UNIQUE,
    format   INTEGER NOT NULL,
    key_id   BLOB NOT NULL,
    revision INTEGER NOT NULL,
    nonce    BLOB NOT NULL,
    sealed   BLOB NOT NULL
) STRICT, WITHOUT ROWID;
";

/// Version 4: record format 2 (the tag sealed in each record, a binary
/// envelope) and the sealed digest of every row's id and revision in
/// `meta`. No table changes; the records are rewritten and the digest made
/// once the key is proven (`Journal::make_ready`), and the version says an
/// older build cannot read them. Passphrase wraps name their KDF: Argon2id
/// for new ones (its memory and lanes beside the pass count in
/// `iterations`), PBKDF2 for those from before.
const V4: &str = "
ALTER TABLE key_wraps ADD COLUMN kdf TEXT NOT NULL DEFAULT 'pbkdf2-sha256';
ALTER TABLE key_wraps ADD COLUMN memory_kib INTEGER NOT NULL DEFAULT 0;
ALTER TABLE key_wraps ADD COLUMN lanes INTEGER NOT NULL DEFAULT 0;
";

/// Sets the connection's PRAGMAs. `journal_mode=WAL` writes only when the
/// file is not yet in WAL mode, which is never true of a journal we made.
pub fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    // 8 MiB of page cache: ten years of entries stay in memory between reads.
    conn.pragma_update(None, "cache_size", -8192)?;
    // Another process (the CLI beside a running shell) waits its turn.
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    Ok(())
}

/// Reads the schema version without writing, refusing foreign and newer files.
pub fn check_version(conn: &Connection) -> Result<u32> {
    let app: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let version: u32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if app != APPLICATION_ID || version == 0 {
        return Err(Error::NotAJournal);
    }
    if version > CURRENT_VERSION {
        return Err(Error::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }
    Ok(version)
}

/// Lays out a new, empty file at the current version, in one transaction
/// that also runs `fill` (keys and wraps), so nothing is left half-made.
pub fn init(
    conn: &mut Connection,
    fill: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<()>,
) -> Result<()> {
    conn.pragma_update(None, "application_id", APPLICATION_ID)?;
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    for (_, sql) in STEPS {
        tx.execute_batch(sql)?;
    }
    fill(&tx)?;
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Applies every step after `from`, all in one transaction.
pub fn upgrade(conn: &mut Connection, from: u32) -> Result<()> {
    if from >= CURRENT_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive)?;
    for (version, sql) in STEPS {
        if *version > from {
            tx.execute_batch(sql)?;
        }
    }
    tx.pragma_update(None, "user_version", CURRENT_VERSION)?;
    tx.commit()?;
    Ok(())
}
