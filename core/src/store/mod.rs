//! The encrypted journal: one SQLite file holding key wraps and sealed
//! records. Opening unwraps the data key with one unlock method; every read
//! decrypts and filters in memory; every write seals a whole record.
//!
//! - `mod.rs`: the journal's lifecycle (create, open, lock, unlock);
//! - [`crypto`]: keys, wraps and sealing; `kdf`: passphrase key
//!   derivation; `secrets`: the device key, the passphrase and the
//!   recovery code; `digest`: the running digest of rows;
//! - `wraps`: the unlock methods a journal has, and changing them;
//! - `records`: sealed rows, for every entry kind; `kinds`: every record of
//!   a kind at once (sound records, migration, re-keying, salvage reads);
//! - `calls`: the public calls for check-ins, reflections and settings;
//! - [`schema`]: the file's tables and their migrations;
//! - [`files`]: temporary, private and side files, once;
//! - `backup`, `restore` and `verify`: encrypted backups and restoring them.

mod backup;
mod calls;
pub(crate) mod crypto;
mod digest;
pub mod files;
mod kdf;
mod kinds;
mod records;
mod restore;
pub mod schema;
mod secrets;
mod verify;
mod wraps;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::day::{Clock, SystemClock};
use crate::entries::identity::{IDENTITY_KEY, Identity, JournalId};
use crate::entries::{Author, RecordId, Saved};
use crate::error::{Error, Result, invalid};
use crate::store::crypto::{DeviceKey, Kdf, Keys, Passphrase, RecoveryCode, Unlock};
use crate::store::files::{TempFile, create_private, link_new, side, sync_parent};

pub use kinds::Readable;
pub(crate) use kinds::{
    count_entries, count_sound, drop_unsound_kind, migrate_kind, rekey_kind, verify_kind,
};
pub(crate) use records::put_saved;
pub(crate) use verify::verify_records;
use wraps::{insert_wrap, unlock_keys};

/// How a new journal is unlocked.
pub struct CreateOptions {
    /// The platform keystore's key; phones always pass one.
    pub device_key: Option<DeviceKey>,
    /// An optional passphrase; required when there is no device key.
    pub passphrase: Option<Passphrase>,
    /// How passphrase wraps derive their key ([`Kdf::ARGON2ID`] unless a
    /// test picks [`Kdf::fast_for_tests`]).
    pub kdf: Kdf,
}

impl Default for CreateOptions {
    fn default() -> Self {
        CreateOptions {
            device_key: None,
            passphrase: None,
            kdf: Kdf::ARGON2ID,
        }
    }
}

/// What [`Journal::health`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Health {
    /// SQLite's own check of the file's pages and indexes passed.
    pub file_whole: bool,
    /// The tables, indexes and nothing else are the ones Tandem made.
    pub schema_as_made: bool,
    /// The rows present are the ones the journal last wrote, each at the
    /// revision it last wrote: none put back from another time.
    pub rows_in_step: bool,
    /// Records (of every kind) that open and sit under their own tag.
    pub sound: u32,
    /// Records that do not: altered, damaged, or moved from another row.
    pub damaged: u32,
}

impl Health {
    /// Nothing is wrong.
    pub fn is_sound(&self) -> bool {
        self.file_whole && self.schema_as_made && self.rows_in_step && self.damaged == 0
    }
}

/// An open journal. Holds the connection and, while unlocked, the keys.
pub struct Journal {
    pub(crate) conn: Connection,
    pub(crate) keys: Option<Keys>,
    /// Why this journal was opened only to save what is sound
    /// ([`Journal::open_damaged`]): every write is refused with it.
    damage: Option<Damage>,
    clock: Box<dyn Clock>,
    path: PathBuf,
    kdf: Kdf,
}

/// What a check on open found wrong, kept by a journal opened to salvage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Damage {
    Corrupt,
    OutOfStep,
}

impl Damage {
    fn error(self) -> Error {
        match self {
            Damage::Corrupt => Error::Corrupt,
            Damage::OutOfStep => Error::OutOfStep,
        }
    }

    fn of(e: &Error) -> Option<Damage> {
        match e {
            Error::Corrupt => Some(Damage::Corrupt),
            Error::OutOfStep => Some(Damage::OutOfStep),
            _ => None,
        }
    }
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("locked", &self.keys.is_none())
            .finish_non_exhaustive()
    }
}

/// Opens the journal file at `path` for reading before its key is proven:
/// a WAL left by a crash holds saved entries not yet in the file, and until
/// the file and the key are proven right, closing must not fold it in (a
/// refused open writes nothing). Without one, closing only removes the
/// empty side files SQLite made. [`Journal::open`] turns folding back on.
pub(crate) fn open_unfolded(path: &Path) -> Result<Connection> {
    if !path.is_file() {
        return Err(Error::NotFound("journal file"));
    }
    let left_wal = side(path, "-wal").is_file();
    let conn = open_rw(path)?;
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, left_wal)?;
    Ok(conn)
}

/// Opens an existing file read-write, for this thread alone (the journal
/// serialises its own calls).
pub(crate) fn open_rw(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?)
}

impl Journal {
    /// Creates a new journal at `path` and returns it unlocked, with the
    /// recovery code to show the user once. Either the whole journal appears
    /// at `path` or nothing does.
    pub fn create(path: impl AsRef<Path>, opts: CreateOptions) -> Result<(Journal, RecoveryCode)> {
        let path = path.as_ref();
        if opts.device_key.is_none() && opts.passphrase.is_none() {
            return Err(invalid(
                crate::error::Field::Passphrase,
                "is needed when there is no device key",
            ));
        }
        opts.kdf.check()?;
        if path.exists() {
            return Err(Error::AlreadyExists);
        }
        let keys = Keys::generate()?;
        let (code, recovery) = keys.new_recovery_wrap()?;
        let mut wraps = vec![recovery];
        if let Some(d) = opts.device_key {
            wraps.push(keys.wrap(&Unlock::Device(d), opts.kdf)?);
        }
        if let Some(p) = opts.passphrase {
            wraps.push(keys.wrap(&Unlock::Passphrase(p), opts.kdf)?);
        }

        let identity = Saved {
            id: RecordId(crypto::random_id()?),
            revision: 1,
            saved_at: SystemClock.now(),
            author: Author::Me,
            value: Identity {
                journal_id: JournalId(RecordId(crypto::random_id()?)),
            },
        };

        // Build beside the target, private from its first byte, then link it
        // into place: a crash leaves at most a stray temporary file, never a
        // half-made journal.
        let tmp = TempFile::beside(path, "creating")?;
        drop(create_private(tmp.path())?);
        let mut conn = open_rw(tmp.path())?;
        schema::configure(&conn)?;
        schema::init(&mut conn, |tx| {
            tx.execute(
                "INSERT INTO meta (name, value) VALUES ('key_id', ?1)",
                params![keys.key_id().as_slice()],
            )?;
            wraps.iter().try_for_each(|w| insert_wrap(tx, w))?;
            digest::store(tx, &keys, &digest::Sum::default())?;
            put_saved(tx, &keys, std::slice::from_ref(&identity))
        })?;
        // Closing checkpoints the WAL into the file and removes it.
        conn.close().map_err(|(_, e)| Error::from(e))?;
        link_new(tmp.path(), path)?;
        drop(tmp);
        sync_parent(path)?;

        let conn = open_rw(path)?;
        schema::configure(&conn)?;
        let mut journal = Journal::with_parts(conn, keys, path);
        journal.kdf = opts.kdf;
        Ok((journal, code))
    }

    /// Opens the journal at `path` with one unlock method. Nothing is written
    /// before the key is proven right; a file from a newer version is refused
    /// and left as it was. Open checks the file before it is used: SQLite's
    /// `quick_check` of every page, the schema (exactly this build's tables
    /// and indexes, nothing planted), and the digest of the rows present
    /// ([`Error::OutOfStep`] when rows were put back from another time).
    /// A file from before record format 2 is rewritten in it, in one
    /// transaction. [`Journal::open_damaged`] opens a journal that fails
    /// these checks, to save what is sound.
    pub fn open(path: impl AsRef<Path>, unlock: Unlock) -> Result<Journal> {
        let (mut journal, version) = Journal::unlocked(path.as_ref(), &unlock)?;
        journal.make_ready(version)?;
        journal.renew_passphrase_wrap(&unlock)?;
        // A crash during a create or restore beside it left these behind.
        files::remove_stale_temporaries(&journal.path);
        Ok(journal)
    }

    /// Opens a journal that [`Journal::open`] refuses as damaged
    /// ([`Error::Corrupt`], [`Error::OutOfStep`]), only to read what is
    /// sound: [`Journal::health`] says what is wrong, and an export holds
    /// the records that open. Every write is refused with the error open
    /// gave. A sound journal opens as with [`Journal::open`].
    pub fn open_damaged(path: impl AsRef<Path>, unlock: Unlock) -> Result<Journal> {
        let (mut journal, version) = Journal::unlocked(path.as_ref(), &unlock)?;
        match journal.make_ready(version) {
            Ok(()) => Ok(journal),
            Err(e) => {
                journal.damage = Some(Damage::of(&e).ok_or(e)?);
                let now: u32 = journal
                    .conn
                    .pragma_query_value(None, "user_version", |r| r.get(0))?;
                // Reading needs every table; the schema steps add tables only.
                schema::upgrade(&mut journal.conn, now)?;
                Ok(journal)
            }
        }
    }

    /// The file at `path`, its key proven by `unlock`, and its version.
    fn unlocked(path: &Path, unlock: &Unlock) -> Result<(Journal, u32)> {
        let conn = open_unfolded(path)?;
        let version = schema::check_version(&conn)?;
        let keys = unlock_keys(&conn, unlock)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        Ok((Journal::with_parts(conn, keys, path), version))
    }

    /// Opens the journal at `path` with keys already proven on these very
    /// bytes: a restore unlocks and verifies a copy, then moves it into
    /// place, and must not make the user's passphrase run through PBKDF2 a
    /// second time. The keys must still belong to the file.
    pub(crate) fn open_with_keys(path: &Path, keys: Keys) -> Result<Journal> {
        let conn = open_rw(path)?;
        let version = schema::check_version(&conn)?;
        let key_id: Vec<u8> = conn
            .query_row("SELECT value FROM meta WHERE name = 'key_id'", [], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or(Error::Corrupt)?;
        if key_id.as_slice() != keys.key_id().as_slice() {
            return Err(Error::WrongKey);
        }
        let mut journal = Journal::with_parts(conn, keys, path);
        journal.make_ready(version)?;
        Ok(journal)
    }

    fn with_parts(conn: Connection, keys: Keys, path: &Path) -> Journal {
        Journal {
            conn,
            keys: Some(keys),
            damage: None,
            clock: Box::new(SystemClock),
            path: path.to_path_buf(),
            kdf: Kdf::ARGON2ID,
        }
    }

    /// Checks an unlocked file of schema `version`, brings it to the
    /// current schema and record format, and gives a journal from before
    /// identities its id.
    fn make_ready(&mut self, version: u32) -> Result<()> {
        // Every page, before anything is written or trusted (about 0.8 ms
        // on ten years here).
        verify::quick_check(&self.conn)?;
        // A file of this version must have exactly this build's tables and
        // indexes, and nothing else: a trigger or view planted in it would
        // change what a save stores. Checked before anything is written.
        if version == schema::CURRENT_VERSION {
            verify::check_schema(&self.conn)?;
        }
        schema::configure(&self.conn)?;
        schema::upgrade(&mut self.conn, version)?;
        if version != schema::CURRENT_VERSION {
            verify::check_schema(&self.conn)?;
        }
        self.bring_records_up()?;
        if self
            .load_one::<Identity>(Author::Me, IDENTITY_KEY)?
            .is_none()
        {
            let id = JournalId(RecordId(crypto::random_id()?));
            self.save_all(vec![Identity { journal_id: id }])?;
        }
        Ok(())
    }

    /// Checks the rows present against the digest; a journal from before
    /// record format 2 (no digest, no format-2 row) has its records
    /// rewritten and its digest made, in one transaction.
    fn bring_records_up(&mut self) -> Result<()> {
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        if let Some(sum) = digest::load(&self.conn, keys)? {
            return if sum == digest::of_rows(&self.conn, keys)? {
                Ok(())
            } else {
                Err(Error::OutOfStep)
            };
        }
        // No digest: rows of format 2 mean it was taken away.
        for kind in crate::entries::KINDS {
            let newer: i64 = self
                .conn
                .query_row(kind.table.sql.current, [], |r| r.get(0))?;
            if newer > 0 {
                return Err(Error::Corrupt);
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for kind in crate::entries::KINDS {
            (kind.migrate)(&tx, keys)?;
        }
        digest::store(&tx, keys, &digest::of_rows(&tx, keys)?)?;
        tx.commit()?;
        Ok(())
    }

    /// Whether the journal holds any entry of a kind that counts (check-ins
    /// and reflections, mine or my partner's; not the settings). A restore
    /// replaces a journal that holds entries only when told to.
    pub fn holds_entries(&self) -> Result<bool> {
        self.keys()?;
        Ok(count_entries(&self.conn, crate::entries::KINDS)? > 0)
    }

    /// The journal's health: whether SQLite finds the file whole
    /// (`PRAGMA integrity_check`, about 2 ms on ten years here), whether
    /// its schema is the one Tandem made and its rows the ones it last
    /// wrote (the digest), and how many records open and sit under their
    /// own tag. Reads only.
    pub fn health(&self) -> Result<Health> {
        let keys = self.keys()?;
        let report: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let in_step = match (
            digest::load(&self.conn, keys),
            digest::of_rows(&self.conn, keys),
        ) {
            (Ok(Some(sum)), Ok(now)) => sum == now,
            _ => false,
        };
        let mut health = Health {
            file_whole: report == ["ok"],
            schema_as_made: verify::check_schema(&self.conn).is_ok(),
            rows_in_step: in_step,
            sound: 0,
            damaged: 0,
        };
        for kind in crate::entries::KINDS {
            let (sound, damaged) = (kind.count_sound)(self)?;
            health.sound = health.sound.saturating_add(sound);
            health.damaged = health.damaged.saturating_add(damaged);
        }
        Ok(health)
    }

    /// This journal's random id, written into its exports.
    pub fn journal_id(&self) -> Result<JournalId> {
        self.load_one::<Identity>(Author::Me, IDENTITY_KEY)?
            .map(|s| s.value.journal_id)
            .ok_or(Error::Corrupt)
    }

    /// The identity record, saved anew with `id` (its next revision), for an
    /// import that makes an empty journal the one a file came from.
    pub(crate) fn next_identity(&self, id: JournalId) -> Result<Saved<Identity>> {
        let mut saved = self
            .load_one::<Identity>(Author::Me, IDENTITY_KEY)?
            .ok_or(Error::Corrupt)?;
        saved.revision = saved.revision.checked_add(1).ok_or(Error::Corrupt)?;
        saved.saved_at = self.clock.now();
        saved.value.journal_id = id;
        Ok(saved)
    }

    /// Replaces the clock (tests, and shells that know the user's zone better).
    pub fn with_clock(mut self, clock: Box<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Sets how passphrases set from now on derive their key. Tests pick a
    /// cheap one to stay fast; the apps and the CLI keep [`Kdf::ARGON2ID`].
    pub fn set_kdf(&mut self, kdf: Kdf) -> Result<()> {
        kdf.check()?;
        self.kdf = kdf;
        Ok(())
    }

    /// The user's local today, by the journal's clock. Like every call
    /// that is not about unlocking, refused with [`Error::Locked`] while
    /// the journal is locked: a locked journal answers only how it opens.
    pub fn today(&self) -> Result<NaiveDate> {
        self.keys()?;
        Ok(self.clock.today())
    }

    /// Where the journal lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Drops the keys from memory (they are wiped). Every call but those
    /// about unlocking ([`Journal::unlock`], [`Journal::is_locked`],
    /// [`Journal::unlock_methods`]) fails with [`Error::Locked`] until
    /// [`Journal::unlock`].
    pub fn lock(&mut self) {
        self.keys = None;
    }

    /// Whether the keys are dropped.
    pub fn is_locked(&self) -> bool {
        self.keys.is_none()
    }

    /// Unlocks a locked journal again with any one method. A passphrase
    /// wrap made with PBKDF2 is made again with Argon2id.
    pub fn unlock(&mut self, unlock: Unlock) -> Result<()> {
        self.keys = Some(unlock_keys(&self.conn, &unlock)?);
        self.renew_passphrase_wrap(&unlock)
    }

    pub(crate) fn keys(&self) -> Result<&Keys> {
        self.keys.as_ref().ok_or(Error::Locked)
    }

    /// Refuses a write to a journal opened only to salvage it, with the
    /// error its open gave.
    pub(crate) fn writable(&self) -> Result<()> {
        match self.damage {
            Some(damage) => Err(damage.error()),
            None => Ok(()),
        }
    }
}
