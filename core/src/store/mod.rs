//! The encrypted journal: one SQLite file holding key wraps and sealed
//! records. Opening unwraps the data key with one unlock method; every read
//! decrypts and filters in memory; every write seals a whole record.

mod backup;
pub(crate) mod crypto;
pub mod schema;

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::config::DbConfig;
use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::day::{Clock, SystemClock};
use crate::entries::checkin::CheckIn;
use crate::entries::reflection::Reflection;
use crate::entries::settings::Settings;
use crate::error::{Error, Result, invalid};
use crate::store::crypto::{
    DeviceKey, Id, Keys, Method, PBKDF2_ITERATIONS, Passphrase, RECORD_FORMAT, RecordPlace,
    RecoveryCode, Table, Unlock, Wrap,
};

/// A record's random id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RecordId(pub Id);

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.iter().try_for_each(|b| write!(f, "{b:02x}"))
    }
}

/// Whose entry a record is. Every entry today is the user's own; the
/// partner exchange to come will import the partner's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// Written on this phone.
    #[default]
    Me,
    /// Received from my partner.
    Partner,
}

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

/// What a sealed record holds: the entry and its save facts.
#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    saved_at: DateTime<Utc>,
    #[serde(default)]
    author: Author,
    value: T,
}

/// An entry type the store keeps: which table, and the natural key it is
/// unique for (a day, a week, or a fixed name), which the keyed tag hides.
trait Entry: Serialize + DeserializeOwned {
    const TABLE: Table;
    const SQL: &'static TableSql;
    fn key(&self) -> String;
}

/// The statements for one record table, fixed at compile time so a save
/// builds no SQL text.
struct TableSql {
    /// The id and revision of the row with a tag.
    find_id: &'static str,
    /// The whole row with a tag.
    find: &'static str,
    /// Every row.
    all: &'static str,
    /// Insert, or replace the sealed part of the row with that id.
    upsert: &'static str,
    /// Delete the row with a tag.
    delete: &'static str,
}

macro_rules! table_sql {
    ($table:literal) => {
        &TableSql {
            find_id: concat!("SELECT id, revision FROM ", $table, " WHERE tag = ?1"),
            find: concat!(
                "SELECT id, format, key_id, revision, nonce, sealed FROM ",
                $table,
                " WHERE tag = ?1"
            ),
            all: concat!(
                "SELECT id, format, key_id, revision, nonce, sealed FROM ",
                $table
            ),
            upsert: concat!(
                "INSERT INTO ",
                $table,
                " (id, tag, format, key_id, revision, nonce, sealed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (id) DO UPDATE SET format = ?3, key_id = ?4,
                     revision = ?5, nonce = ?6, sealed = ?7"
            ),
            delete: concat!("DELETE FROM ", $table, " WHERE tag = ?1"),
        }
    };
}

/// An entry that belongs to a calendar day, so it can be listed by range.
trait Dated: Entry {
    /// Just the day, read from a record without building the whole entry:
    /// a range query parses in full only the records inside the range.
    type Day: DeserializeOwned + Into<NaiveDate>;
    fn day(&self) -> NaiveDate;
}

/// The part of a sealed envelope a range query reads first.
#[derive(Deserialize)]
struct DayProbe<D> {
    value: D,
}

/// A check-in's day, alone.
#[derive(Deserialize)]
struct CheckInDay {
    date: NaiveDate,
}

impl From<CheckInDay> for NaiveDate {
    fn from(d: CheckInDay) -> Self {
        d.date
    }
}

/// A reflection's week, alone.
#[derive(Deserialize)]
struct ReflectionWeek {
    week_start: NaiveDate,
}

impl From<ReflectionWeek> for NaiveDate {
    fn from(d: ReflectionWeek) -> Self {
        d.week_start
    }
}

impl Entry for CheckIn {
    const TABLE: Table = Table::CheckIns;
    const SQL: &'static TableSql = table_sql!("checkins");
    fn key(&self) -> String {
        self.date.to_string()
    }
}

impl Dated for CheckIn {
    type Day = CheckInDay;
    fn day(&self) -> NaiveDate {
        self.date
    }
}

impl Entry for Reflection {
    const TABLE: Table = Table::Reflections;
    const SQL: &'static TableSql = table_sql!("reflections");
    fn key(&self) -> String {
        self.week_start.to_string()
    }
}

impl Dated for Reflection {
    type Day = ReflectionWeek;
    fn day(&self) -> NaiveDate {
        self.week_start
    }
}

/// The one settings record's natural key.
const SETTINGS_KEY: &str = "settings";

impl Entry for Settings {
    const TABLE: Table = Table::Settings;
    const SQL: &'static TableSql = table_sql!("settings");
    fn key(&self) -> String {
        SETTINGS_KEY.to_string()
    }
}

/// Plaintext is padded with spaces (which JSON ignores) to a multiple of
/// this, so a ciphertext's length says little about a note's length.
const PAD_TO: usize = 64;

/// How a new journal is unlocked.
pub struct CreateOptions {
    /// The platform keystore's key; phones always pass one.
    pub device_key: Option<DeviceKey>,
    /// An optional passphrase; required when there is no device key.
    pub passphrase: Option<Passphrase>,
    /// PBKDF2 iterations for passphrase wraps ([`PBKDF2_ITERATIONS`] unless a test lowers it).
    pub kdf_iterations: u32,
}

impl Default for CreateOptions {
    fn default() -> Self {
        CreateOptions {
            device_key: None,
            passphrase: None,
            kdf_iterations: PBKDF2_ITERATIONS,
        }
    }
}

/// An open journal. Holds the connection and, while unlocked, the keys.
pub struct Journal {
    pub(crate) conn: Connection,
    pub(crate) keys: Option<Keys>,
    clock: Box<dyn Clock>,
    path: PathBuf,
    kdf_iterations: u32,
}

impl fmt::Debug for Journal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Journal")
            .field("locked", &self.keys.is_none())
            .finish_non_exhaustive()
    }
}

fn open_connection(path: &Path, create: bool) -> Result<Connection> {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    Ok(Connection::open_with_flags(path, flags)?)
}

fn insert_wrap(tx: &Transaction<'_>, wrap: &Wrap) -> Result<()> {
    tx.execute(
        "INSERT OR REPLACE INTO key_wraps (method, salt, iterations, nonce, sealed)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            wrap.method.code(),
            wrap.salt,
            wrap.iterations,
            wrap.nonce,
            wrap.sealed
        ],
    )?;
    Ok(())
}

impl Journal {
    /// Creates a new journal at `path` and returns it unlocked, with the
    /// recovery code to show the user once. Either the whole journal appears
    /// at `path` or nothing does.
    pub fn create(path: impl AsRef<Path>, opts: CreateOptions) -> Result<(Journal, RecoveryCode)> {
        let path = path.as_ref();
        if opts.device_key.is_none() && opts.passphrase.is_none() {
            return Err(invalid(
                "passphrase",
                "is needed when there is no device key",
            ));
        }
        if !(1..=crypto::MAX_PBKDF2_ITERATIONS).contains(&opts.kdf_iterations) {
            return Err(invalid("kdf_iterations", "must be from 1 to 10,000,000"));
        }
        if path.exists() {
            return Err(Error::AlreadyExists);
        }
        let keys = Keys::generate()?;
        let (code, recovery) = keys.new_recovery_wrap()?;
        let mut wraps = vec![recovery];
        if let Some(d) = opts.device_key {
            wraps.push(keys.wrap(&Unlock::Device(d), 0)?);
        }
        if let Some(p) = opts.passphrase {
            wraps.push(keys.wrap(&Unlock::Passphrase(p), opts.kdf_iterations)?);
        }

        // Build beside the target, then link it into place: a crash leaves
        // at most a stray temporary file, never a half-made journal.
        let tmp = temp_sibling(path)?;
        let built = (|| -> Result<()> {
            let mut conn = open_connection(&tmp, true)?;
            restrict_to_owner(&tmp)?;
            schema::configure(&conn)?;
            schema::init(&mut conn, |tx| {
                tx.execute(
                    "INSERT INTO meta (name, value) VALUES ('key_id', ?1)",
                    params![keys.key_id().as_slice()],
                )?;
                wraps.iter().try_for_each(|w| insert_wrap(tx, w))
            })?;
            // Closing checkpoints the WAL into the file and removes it.
            conn.close().map_err(|(_, e)| Error::from(e))?;
            std::fs::hard_link(&tmp, path).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Error::AlreadyExists,
                _ => Error::Io(e),
            })?;
            Ok(())
        })();
        remove_quietly(&tmp);
        built?;

        let conn = open_connection(path, false)?;
        schema::configure(&conn)?;
        Ok((
            Journal {
                conn,
                keys: Some(keys),
                clock: Box::new(SystemClock),
                path: path.to_path_buf(),
                kdf_iterations: opts.kdf_iterations,
            },
            code,
        ))
    }

    /// Opens the journal at `path` with one unlock method. Nothing is written
    /// before the key is proven right; a file from a newer version is refused
    /// and left as it was.
    pub fn open(path: impl AsRef<Path>, unlock: Unlock) -> Result<Journal> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::NotFound("journal file"));
        }
        let left_wal = sibling(path, "-wal").is_file();
        let mut conn = open_connection(path, false)?;
        // A WAL left by a crash holds saved entries not yet in the file. Until
        // the file and the key are proven right, closing must not fold it in:
        // a refused open writes nothing. (Without one, closing only removes
        // the empty side files SQLite made.)
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, left_wal)?;
        let version = schema::check_version(&conn)?;
        let keys = unlock_keys(&conn, &unlock)?;
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, false)?;
        schema::configure(&conn)?;
        schema::upgrade(&mut conn, version)?;
        Ok(Journal {
            conn,
            keys: Some(keys),
            clock: Box::new(SystemClock),
            path: path.to_path_buf(),
            kdf_iterations: PBKDF2_ITERATIONS,
        })
    }

    /// Opens the journal at `path` with keys already proven on these very
    /// bytes: a restore unlocks and verifies a copy, then moves it into
    /// place, and must not make the user's passphrase run through PBKDF2 a
    /// second time. The keys must still belong to the file.
    pub(crate) fn open_with_keys(path: &Path, keys: Keys) -> Result<Journal> {
        let mut conn = open_connection(path, false)?;
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
        schema::configure(&conn)?;
        schema::upgrade(&mut conn, version)?;
        Ok(Journal {
            conn,
            keys: Some(keys),
            clock: Box::new(SystemClock),
            path: path.to_path_buf(),
            kdf_iterations: PBKDF2_ITERATIONS,
        })
    }

    /// Replaces the clock (tests, and shells that know the user's zone better).
    pub fn with_clock(mut self, clock: Box<dyn Clock>) -> Self {
        self.clock = clock;
        self
    }

    /// Sets the PBKDF2 iterations for passphrases set from now on. Tests
    /// lower it to stay fast; the apps and the CLI keep the default.
    pub fn set_kdf_iterations(&mut self, iterations: u32) {
        self.kdf_iterations = iterations.clamp(1, crypto::MAX_PBKDF2_ITERATIONS);
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

    /// Unlocks a locked journal again with any one method.
    pub fn unlock(&mut self, unlock: Unlock) -> Result<()> {
        self.keys = Some(unlock_keys(&self.conn, &unlock)?);
        Ok(())
    }

    fn keys(&self) -> Result<&Keys> {
        self.keys.as_ref().ok_or(Error::Locked)
    }

    /// The unlock methods this journal has, in a fixed order.
    pub fn unlock_methods(&self) -> Result<Vec<Method>> {
        methods_of(&self.conn)
    }

    /// The unlock methods of the journal file at `path`, read without a
    /// key, so an unlock screen offers only what can open it. Reads and
    /// writes nothing else: a `-wal` left by a crash is not folded in.
    pub fn methods_at(path: impl AsRef<Path>) -> Result<Vec<Method>> {
        let path = path.as_ref();
        if !path.is_file() {
            return Err(Error::NotFound("journal file"));
        }
        let left_wal = sibling(path, "-wal").is_file();
        let conn = open_connection(path, false)?;
        // As in `open`: keep a crash's WAL as it is; without one, closing
        // only removes the side files SQLite made.
        conn.set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, left_wal)?;
        schema::check_version(&conn)?;
        methods_of(&conn)
    }

    /// PBKDF2 iterations of the stored passphrase wrap, if there is one.
    pub fn passphrase_iterations(&self) -> Result<Option<u32>> {
        Ok(load_wrap(&self.conn, Method::Passphrase)?.map(|w| w.iterations))
    }

    /// Sets, changes or (with `None`) removes the passphrase. The data key is
    /// rewrapped; no record is touched. Removing it is refused when no device
    /// key could open the journal afterwards.
    pub fn set_passphrase(&mut self, new: Option<Passphrase>) -> Result<()> {
        let keys = self.keys()?;
        match new {
            Some(p) => {
                let wrap = keys.wrap(&Unlock::Passphrase(p), self.kdf_iterations)?;
                let tx = self.conn.transaction()?;
                insert_wrap(&tx, &wrap)?;
                tx.commit()?;
            }
            None => {
                if load_wrap(&self.conn, Method::Device)?.is_none() {
                    return Err(invalid(
                        "passphrase",
                        "cannot be removed: this journal has no device key to open it",
                    ));
                }
                self.conn
                    .execute("DELETE FROM key_wraps WHERE method = 'passphrase'", [])?;
            }
        }
        Ok(())
    }

    /// Adds or replaces the device-key wrap (a new phone after a restore).
    pub fn set_device_key(&mut self, device_key: DeviceKey) -> Result<()> {
        let wrap = self.keys()?.wrap(&Unlock::Device(device_key), 0)?;
        let tx = self.conn.transaction()?;
        insert_wrap(&tx, &wrap)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes the device-key wrap (biometric unlock turned off, or a
    /// keystore key that was lost). Refused when no passphrase could open
    /// the journal afterwards; removing a wrap that is not there is no error.
    pub fn remove_device_key(&mut self) -> Result<()> {
        self.keys()?;
        if load_wrap(&self.conn, Method::Passphrase)?.is_none() {
            return Err(invalid(
                "device_key",
                "cannot be removed: this journal has no passphrase to open it",
            ));
        }
        self.conn
            .execute("DELETE FROM key_wraps WHERE method = 'device'", [])?;
        Ok(())
    }

    /// Saves a check-in for its day, replacing any earlier one for that day
    /// (its revision goes up by one).
    pub fn save_checkin(&mut self, checkin: CheckIn) -> Result<Saved<CheckIn>> {
        let mut saved = self.save_checkins(vec![checkin])?;
        saved.pop().ok_or(Error::NotFound("check-in"))
    }

    /// Saves many check-ins in one transaction: all of them or none.
    pub fn save_checkins(&mut self, checkins: Vec<CheckIn>) -> Result<Vec<Saved<CheckIn>>> {
        let today = self.clock.today();
        let valid = checkins
            .into_iter()
            .map(|c| c.validated(today))
            .collect::<Result<Vec<_>>>()?;
        self.save_all(valid)
    }

    /// The check-in for one day, if there is one.
    pub fn checkin(&self, day: NaiveDate) -> Result<Option<Saved<CheckIn>>> {
        self.load_one(&day.to_string())
    }

    /// Check-ins from `from` to `to` inclusive (either end open), by day.
    pub fn checkins(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<CheckIn>>> {
        self.load_range(from, to)
    }

    /// Deletes one day's check-in; [`Error::NotFound`] if there is none.
    pub fn delete_checkin(&mut self, day: NaiveDate) -> Result<()> {
        self.delete_one::<CheckIn>(&day.to_string(), "check-in for that day")
    }

    /// Saves the reflection for its week, replacing any earlier one.
    pub fn save_reflection(&mut self, reflection: Reflection) -> Result<Saved<Reflection>> {
        let mut saved = self.save_reflections(vec![reflection])?;
        saved.pop().ok_or(Error::NotFound("reflection"))
    }

    /// Saves many reflections in one transaction: all of them or none.
    pub fn save_reflections(
        &mut self,
        reflections: Vec<Reflection>,
    ) -> Result<Vec<Saved<Reflection>>> {
        let today = self.clock.today();
        let valid = reflections
            .into_iter()
            .map(|r| r.validated(today))
            .collect::<Result<Vec<_>>>()?;
        self.save_all(valid)
    }

    /// The reflection for the week holding `day`, if there is one.
    pub fn reflection(&self, day: NaiveDate) -> Result<Option<Saved<Reflection>>> {
        self.load_one(&crate::day::monday_of(day).to_string())
    }

    /// Reflections whose week starts from `from` to `to` inclusive, by week.
    pub fn reflections(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<Reflection>>> {
        self.load_range(from, to)
    }

    /// Deletes the reflection for the week holding `day`.
    pub fn delete_reflection(&mut self, day: NaiveDate) -> Result<()> {
        self.delete_one::<Reflection>(
            &crate::day::monday_of(day).to_string(),
            "reflection for that week",
        )
    }

    /// The journal's settings; the defaults until any are saved.
    pub fn settings(&self) -> Result<Settings> {
        Ok(self
            .load_one::<Settings>(SETTINGS_KEY)?
            .map(|s| s.value)
            .unwrap_or_default())
    }

    /// Saves the journal's settings.
    pub fn set_settings(&mut self, settings: Settings) -> Result<()> {
        self.save_all(vec![settings]).map(|_| ())
    }

    /// Writes entries exactly as given (id, revision, save time, author),
    /// each replacing whatever row holds the same day or week, all in one
    /// transaction. For import and restore, which carry records from
    /// elsewhere; entries must already be validated.
    pub(crate) fn write_saved(
        &mut self,
        checkins: &[Saved<CheckIn>],
        reflections: &[Saved<Reflection>],
    ) -> Result<()> {
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        put_saved(&tx, keys, checkins)?;
        put_saved(&tx, keys, reflections)?;
        tx.commit()?;
        Ok(())
    }

    /// [`Journal::write_saved`], and in the same transaction `settings`
    /// saved as the journal's settings (the record's next revision). An
    /// import into an empty journal takes the file's settings this way, so
    /// entries and settings land together or not at all.
    pub(crate) fn write_saved_with_settings(
        &mut self,
        checkins: &[Saved<CheckIn>],
        reflections: &[Saved<Reflection>],
        settings: Settings,
    ) -> Result<()> {
        let (id, revision) = match self.load_one::<Settings>(SETTINGS_KEY)? {
            Some(s) => (s.id, s.revision.checked_add(1).ok_or(Error::Corrupt)?),
            None => (RecordId(crypto::random_id()?), 1),
        };
        let settings = Saved {
            id,
            revision,
            saved_at: self.clock.now(),
            author: Author::Me,
            value: settings,
        };
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        put_saved(&tx, keys, checkins)?;
        put_saved(&tx, keys, reflections)?;
        put_saved(&tx, keys, std::slice::from_ref(&settings))?;
        tx.commit()?;
        Ok(())
    }

    /// The journal clock's current instant (save times, export stamps).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    fn tag<T: Entry>(&self, key: &str) -> Result<Vec<u8>> {
        Ok(self.keys()?.tag(T::TABLE, key.as_bytes()))
    }

    fn save_all<T: Entry>(&mut self, values: Vec<T>) -> Result<Vec<Saved<T>>> {
        let keys = self.keys.as_ref().ok_or(Error::Locked)?;
        let now = self.clock.now();
        // Take the write lock at once rather than upgrading from a read lock
        // after the lookup: fewer lock calls on every save.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut out = Vec::with_capacity(values.len());
        {
            let mut find = tx.prepare_cached(T::SQL.find_id)?;
            let mut upsert = tx.prepare_cached(T::SQL.upsert)?;
            for value in values {
                let key = value.key();
                let tag = keys.tag(T::TABLE, key.as_bytes());
                // The tag is not sealed: a row whose tag was swapped with
                // another's would be replaced here. Only someone who can
                // write the file can swap tags, and they could as well delete
                // rows; what they cannot do is forge or move content, which
                // the seal refuses on every read.
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

    fn load_one<T: Entry>(&self, key: &str) -> Result<Option<Saved<T>>> {
        let tag = self.tag::<T>(key)?;
        let mut stmt = self.conn.prepare_cached(T::SQL.find)?;
        let mut rows = stmt.query(params![tag])?;
        let Some(row) = rows.next()? else {
            return Ok(None);
        };
        let saved: Saved<T> = RawRecord::from_row(row)?.open(self.keys()?, T::TABLE)?;
        // The tag is not sealed; a swapped tag shows up as a key mismatch.
        if saved.value.key() != key {
            return Err(Error::Corrupt);
        }
        Ok(Some(saved))
    }

    fn load_range<T: Dated>(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<T>>> {
        let keys = self.keys()?;
        let mut stmt = self.conn.prepare_cached(T::SQL.all)?;
        let mut out: Vec<Saved<T>> = Vec::new();
        let mut buf = Zeroizing::new(Vec::with_capacity(4096));
        let mut rows = stmt.query([])?;
        let everything = from.is_none() && to.is_none();
        while let Some(row) = rows.next()? {
            let raw = RawRecord::from_row(row)?;
            if everything {
                out.push(raw.open_with(keys, T::TABLE, &mut buf)?);
                continue;
            }
            let plain = raw.decrypt(keys, T::TABLE, &mut buf)?;
            let probe: DayProbe<T::Day> =
                serde_json::from_slice(plain).map_err(|_| Error::Corrupt)?;
            let day: NaiveDate = probe.value.into();
            if from.is_none_or(|f| day >= f) && to.is_none_or(|t| day <= t) {
                out.push(raw.parse(plain)?);
            }
        }
        // Days are unique per table, so an unstable sort loses nothing and
        // moves the large entries less.
        out.sort_unstable_by_key(|s| s.value.day());
        Ok(out)
    }

    fn delete_one<T: Entry>(&mut self, key: &str, what: &'static str) -> Result<()> {
        let tag = self.tag::<T>(key)?;
        let n = self
            .conn
            .prepare_cached(T::SQL.delete)?
            .execute(params![tag])?;
        if n == 0 {
            return Err(Error::NotFound(what));
        }
        Ok(())
    }
}

/// Seals and writes records with their own id and revision, replacing any
/// row with the same natural key.
fn put_saved<T: Entry>(tx: &Transaction<'_>, keys: &Keys, items: &[Saved<T>]) -> Result<()> {
    let mut delete = tx.prepare_cached(T::SQL.delete)?;
    let mut upsert = tx.prepare_cached(T::SQL.upsert)?;
    for saved in items {
        let tag = keys.tag(T::TABLE, saved.value.key().as_bytes());
        delete.execute(params![tag])?;
        seal_row(&mut upsert, keys, &tag, saved)?;
    }
    Ok(())
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

    fn open<T: DeserializeOwned>(&self, keys: &Keys, table: Table) -> Result<Saved<T>> {
        self.open_with(keys, table, &mut Zeroizing::new(Vec::new()))
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

fn methods_of(conn: &Connection) -> Result<Vec<Method>> {
    let mut out = Vec::new();
    for m in [Method::Device, Method::Passphrase, Method::Recovery] {
        if load_wrap(conn, m)?.is_some() {
            out.push(m);
        }
    }
    Ok(out)
}

fn load_wrap(conn: &Connection, method: Method) -> Result<Option<Wrap>> {
    Ok(conn
        .query_row(
            "SELECT salt, iterations, nonce, sealed FROM key_wraps WHERE method = ?1",
            params![method.code()],
            |r| {
                Ok(Wrap {
                    method,
                    salt: r.get(0)?,
                    iterations: r.get(1)?,
                    nonce: r.get(2)?,
                    sealed: r.get(3)?,
                })
            },
        )
        .optional()?)
}

fn unlock_keys(conn: &Connection, unlock: &Unlock) -> Result<Keys> {
    let key_id: Vec<u8> = conn
        .query_row("SELECT value FROM meta WHERE name = 'key_id'", [], |r| {
            r.get(0)
        })
        .optional()?
        .ok_or(Error::Corrupt)?;
    let key_id: Id = key_id.try_into().map_err(|_| Error::Corrupt)?;
    let wrap = match load_wrap(conn, unlock.method())? {
        Some(w) => w,
        None if unlock.method() == Method::Passphrase => {
            return Err(invalid("passphrase", "is not set for this journal"));
        }
        None => return Err(Error::WrongKey),
    };
    Keys::unwrap(&wrap, unlock, key_id)
}

fn temp_sibling(path: &Path) -> Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| invalid("path", "must name a file"))?;
    let id = crypto::random_id()?;
    let mut tmp = name.to_os_string();
    tmp.push(format!(".creating-{}", RecordId(id)));
    Ok(path.with_file_name(tmp))
}

/// Makes the file readable by its owner alone; SQLite gives the `-wal` and
/// `-shm` files the same permissions.
fn restrict_to_owner(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The path of a side file of the database (`-wal`, `-shm`).
fn sibling(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

fn remove_quietly(db: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sibling(db, suffix));
    }
}

/// Convenience for the unlock methods from raw input.
impl Unlock {
    /// Unlock with a passphrase typed by the user.
    pub fn passphrase(text: impl Into<String>) -> Result<Self> {
        Ok(Unlock::Passphrase(Passphrase::new(text)?))
    }
    /// Unlock with a recovery code typed by the user (checked before any key work).
    pub fn recovery_code(text: &str) -> Result<Self> {
        Ok(Unlock::Recovery(RecoveryCode::parse(text)?))
    }
    /// Unlock with the device key's raw bytes.
    pub fn device_key(bytes: &[u8]) -> Result<Self> {
        Ok(Unlock::Device(DeviceKey::from_bytes(bytes)?))
    }
}
