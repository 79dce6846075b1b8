//! The journal object: core's `Journal` behind a mutex, so Kotlin and
//! Swift may call it from any thread. Each method locks, converts, calls
//! the core once and converts back.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use chrono::NaiveDate;
use tandem_core as tc;

use crate::entries::{
    CheckIn, HistoryWeek, ImportReport, Reflection, SavedCheckIn, SavedReflection, Settings,
};
use crate::error::{JournalError, Result};
use crate::health::{Health, SoundExport};
use crate::insights::{Insights, Pattern, WeekSummary};
use crate::summary::{DateRange, core_sections};
use crate::vocab::{Author, ImportAs, Section, UnlockMethod};

/// What opens a journal.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum Unlock {
    /// The 32-byte key from the platform keystore.
    DeviceKey {
        /// The raw key bytes.
        key: Vec<u8>,
    },
    /// The user's passphrase.
    Passphrase {
        /// As typed.
        passphrase: String,
    },
    /// The recovery code shown at creation (spaces and dashes allowed).
    RecoveryCode {
        /// As typed.
        code: String,
    },
}

impl TryFrom<Unlock> for tc::Unlock {
    type Error = JournalError;
    fn try_from(u: Unlock) -> Result<Self> {
        Ok(match u {
            Unlock::DeviceKey { key } => tc::Unlock::device_key(&key)?,
            Unlock::Passphrase { passphrase } => tc::Unlock::passphrase(passphrase)?,
            Unlock::RecoveryCode { code } => tc::Unlock::recovery_code(&code)?,
        })
    }
}

/// A new journal, with the recovery code to show the user once.
#[derive(uniffi::Record)]
pub struct NewJournal {
    /// The journal, unlocked.
    pub journal: Arc<Journal>,
    /// The recovery code, grouped for reading; it is not stored anywhere.
    pub recovery_code: String,
}

/// Creates a journal at `path`: with the device key, a passphrase, or both.
/// `kdf_iterations` is for tests only: `Some(n)` makes passphrase wraps
/// with a deliberately cheap Argon2id (8 KiB, `n` passes) to keep them
/// fast; the apps pass `None` and get the core's Argon2id (64 MiB, 3 passes).
#[uniffi::export(default(kdf_iterations = None))]
pub fn create_journal(
    path: String,
    device_key: Option<Vec<u8>>,
    passphrase: Option<String>,
    kdf_iterations: Option<u32>,
) -> Result<NewJournal> {
    let defaults = tc::CreateOptions::default();
    let opts = tc::CreateOptions {
        device_key: device_key
            .map(|k| tc::DeviceKey::from_bytes(&k))
            .transpose()?,
        passphrase: passphrase.map(tc::Passphrase::new).transpose()?,
        kdf: kdf_iterations.map_or(defaults.kdf, tc::Kdf::fast_for_tests),
    };
    let (journal, code) = tc::Journal::create(PathBuf::from(path), opts)?;
    Ok(NewJournal {
        journal: Journal::wrap(journal),
        recovery_code: code.display().to_string(),
    })
}

/// Restores the backup at `backup` into a journal at `target` and returns
/// it unlocked. `unlock` is the passphrase or recovery code; `device_key`
/// adds a wrap under the new phone's key. A `target` with entries is
/// replaced only with `replace` (else `WouldReplace`). Close any journal
/// open on `target` first.
#[uniffi::export]
pub fn restore_journal(
    backup: String,
    target: String,
    unlock: Unlock,
    device_key: Option<Vec<u8>>,
    replace: bool,
) -> Result<Arc<Journal>> {
    let device_key = device_key
        .map(|k| tc::DeviceKey::from_bytes(&k))
        .transpose()?;
    let journal = tc::Journal::restore(
        Path::new(&backup),
        Path::new(&target),
        unlock.try_into()?,
        device_key,
        replace,
    )?;
    Ok(Journal::wrap(journal))
}

/// Checks that the backup at `backup` is whole and opens with `unlock`, as a
/// restore would, restoring it nowhere (its copy goes in `scratch_dir` and
/// is removed). Call it before closing an open journal to restore over it.
#[uniffi::export]
pub fn check_backup(backup: String, scratch_dir: String, unlock: Unlock) -> Result<()> {
    Ok(tc::Journal::check_backup(
        Path::new(&backup),
        Path::new(&scratch_dir),
        unlock.try_into()?,
    )?)
}

/// The fewest characters a passphrase may have, for the hint beside the field.
#[uniffi::export]
pub fn min_passphrase_chars() -> u32 {
    u32::try_from(tc::MIN_PASSPHRASE_CHARS).unwrap_or(u32::MAX)
}

/// The ways the journal file at `path` can be unlocked, read without a
/// key, for the unlock screen. `NotFound` when there is no file.
#[uniffi::export]
pub fn unlock_methods_at(path: String) -> Result<Vec<UnlockMethod>> {
    let methods = tc::Journal::methods_at(Path::new(&path))?;
    Ok(methods.into_iter().map(Into::into).collect())
}

/// An open journal, safe to share between threads. After `close_file()`
/// every call fails with `Closed`.
#[derive(uniffi::Object)]
pub struct Journal {
    inner: Mutex<Option<tc::Journal>>,
}

impl Journal {
    fn wrap(journal: tc::Journal) -> Arc<Self> {
        Arc::new(Journal {
            inner: Mutex::new(Some(journal)),
        })
    }

    /// The lock; a panic in another call (a bug, raised there as an
    /// internal error) leaves the SQLite state consistent, so carry on.
    fn guard(&self) -> MutexGuard<'_, Option<tc::Journal>> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn with<T>(&self, f: impl FnOnce(&tc::Journal) -> tc::Result<T>) -> Result<T> {
        let guard = self.guard();
        let journal = guard.as_ref().ok_or(JournalError::Closed)?;
        Ok(f(journal)?)
    }

    fn with_mut<T>(&self, f: impl FnOnce(&mut tc::Journal) -> tc::Result<T>) -> Result<T> {
        let mut guard = self.guard();
        let journal = guard.as_mut().ok_or(JournalError::Closed)?;
        Ok(f(journal)?)
    }
}

#[uniffi::export]
impl Journal {
    /// Opens the journal at `path` with one unlock method.
    #[uniffi::constructor]
    pub fn open(path: String, unlock: Unlock) -> Result<Arc<Self>> {
        let journal = tc::Journal::open(PathBuf::from(path), unlock.try_into()?)?;
        Ok(Journal::wrap(journal))
    }

    /// Opens a journal that `open` refuses as damaged (`Corrupt`,
    /// `OutOfStep`), only to save what is sound: `health` says what is
    /// wrong, `exportSoundJson` holds what opens, and every write fails with
    /// the error `open` gave.
    #[uniffi::constructor]
    pub fn open_damaged(path: String, unlock: Unlock) -> Result<Arc<Self>> {
        let journal = tc::Journal::open_damaged(PathBuf::from(path), unlock.try_into()?)?;
        Ok(Journal::wrap(journal))
    }

    /// Drops the keys from memory; calls fail with `Locked` until `unlock`.
    pub fn lock(&self) -> Result<()> {
        self.with_mut(|j| {
            j.lock();
            Ok(())
        })
    }

    /// Unlocks a locked journal again with any one method.
    pub fn unlock(&self, unlock: Unlock) -> Result<()> {
        let unlock = unlock.try_into()?;
        self.with_mut(|j| j.unlock(unlock))
    }

    /// Whether the keys are dropped.
    pub fn is_locked(&self) -> Result<bool> {
        self.with(|j| Ok(j.is_locked()))
    }

    /// Closes the file and wipes the keys, even while other references to
    /// this object live on (before a restore onto its path); later calls
    /// fail with `Closed`. (Not `close`: Kotlin's `AutoCloseable` has it.)
    pub fn close_file(&self) {
        self.guard().take();
    }

    /// The unlock methods this journal has.
    pub fn unlock_methods(&self) -> Result<Vec<UnlockMethod>> {
        self.with(|j| Ok(j.unlock_methods()?.into_iter().map(Into::into).collect()))
    }

    /// Sets, changes or (with `None`) removes the passphrase; no record is touched.
    pub fn set_passphrase(&self, passphrase: Option<String>) -> Result<()> {
        let passphrase = passphrase.map(tc::Passphrase::new).transpose()?;
        self.with_mut(|j| j.set_passphrase(passphrase))
    }

    /// Adds or replaces the device-key wrap (a new keystore key).
    pub fn set_device_key(&self, key: Vec<u8>) -> Result<()> {
        let key = tc::DeviceKey::from_bytes(&key)?;
        self.with_mut(|j| j.set_device_key(key))
    }

    /// Removes the device-key wrap; refused when no passphrase is set.
    pub fn remove_device_key(&self) -> Result<()> {
        self.with_mut(|j| j.remove_device_key())
    }

    /// "Someone may know my passphrase": a new data key, every record sealed
    /// again, and every old wrap dropped (old passphrase, old device key,
    /// old recovery code). Afterwards `passphrase` and `device_key` (at
    /// least one; pass the new keystore key) and the returned recovery code
    /// (grouped for reading; show it once) open the journal. A damaged
    /// record refuses it with `Corrupt` and nothing changes.
    pub fn rekey(&self, passphrase: Option<String>, device_key: Option<Vec<u8>>) -> Result<String> {
        let passphrase = passphrase.map(tc::Passphrase::new).transpose()?;
        let device_key = device_key
            .map(|k| tc::DeviceKey::from_bytes(&k))
            .transpose()?;
        self.with_mut(|j| j.rekey(passphrase, device_key))
            .map(|code| code.display().to_string())
    }

    /// A new recovery code (grouped for reading; show it once) in place of
    /// the old one, which stops opening the journal.
    pub fn renew_recovery_code(&self) -> Result<String> {
        self.with_mut(|j| j.renew_recovery_code())
            .map(|code| code.display().to_string())
    }

    /// For tests only: passphrases set from now on use a deliberately
    /// cheap Argon2id (8 KiB, `iterations` passes); the apps never call it.
    pub fn set_kdf_iterations(&self, iterations: u32) -> Result<()> {
        self.with_mut(|j| j.set_kdf(tc::Kdf::fast_for_tests(iterations)))
    }

    /// Pins the journal's local today (tests, or a shell that knows the
    /// user's zone better); `None` goes back to the system clock.
    pub fn set_today(&self, today: Option<NaiveDate>) -> Result<()> {
        let mut guard = self.guard();
        let journal = guard.take().ok_or(JournalError::Closed)?;
        let clock: Box<dyn tc::Clock> = match today {
            Some(day) => Box::new(tc::FixedClock::on(day)),
            None => Box::new(tc::SystemClock),
        };
        *guard = Some(journal.with_clock(clock));
        Ok(())
    }

    /// The user's local today, by the journal's clock.
    pub fn today(&self) -> Result<NaiveDate> {
        self.with(|j| j.today())
    }

    /// Saves a check-in for its day, replacing any earlier one (revision + 1).
    pub fn save_checkin(&self, checkin: CheckIn) -> Result<SavedCheckIn> {
        self.with_mut(|j| j.save_checkin(checkin.into()))
            .map(Into::into)
    }

    /// Saves many check-ins in one transaction: all of them or none.
    pub fn save_checkins(&self, checkins: Vec<CheckIn>) -> Result<Vec<SavedCheckIn>> {
        let checkins = checkins.into_iter().map(Into::into).collect();
        let saved = self.with_mut(|j| j.save_checkins(checkins))?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    /// The check-in for one day, if there is one.
    pub fn checkin(&self, day: NaiveDate) -> Result<Option<SavedCheckIn>> {
        Ok(self.with(|j| j.checkin(day))?.map(Into::into))
    }

    /// Check-ins from `from` to `to` inclusive (either end open), by day.
    pub fn checkins(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<SavedCheckIn>> {
        let saved = self.with(|j| j.checkins(from, to))?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    /// The check-ins by `author` (my partner's, received from their export)
    /// from `from` to `to` inclusive, by day.
    pub fn checkins_by(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<SavedCheckIn>> {
        let saved = self.with(|j| j.checkins_by(author.into(), from, to))?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    /// Deletes one day's check-in; `NotFound` if there is none.
    pub fn delete_checkin(&self, day: NaiveDate) -> Result<()> {
        self.with_mut(|j| j.delete_checkin(day))
    }

    /// Saves the reflection for its week, replacing any earlier one.
    pub fn save_reflection(&self, reflection: Reflection) -> Result<SavedReflection> {
        self.with_mut(|j| j.save_reflection(reflection.into()))
            .map(Into::into)
    }

    /// The reflection for the week holding `day`, if there is one.
    pub fn reflection(&self, day: NaiveDate) -> Result<Option<SavedReflection>> {
        Ok(self.with(|j| j.reflection(day))?.map(Into::into))
    }

    /// Reflections whose week starts from `from` to `to` inclusive.
    pub fn reflections(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<SavedReflection>> {
        let saved = self.with(|j| j.reflections(from, to))?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    /// The reflections by `author` whose week starts from `from` to `to`.
    pub fn reflections_by(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<SavedReflection>> {
        let saved = self.with(|j| j.reflections_by(author.into(), from, to))?;
        Ok(saved.into_iter().map(Into::into).collect())
    }

    /// Deletes the reflection for the week holding `day`.
    pub fn delete_reflection(&self, day: NaiveDate) -> Result<()> {
        self.with_mut(|j| j.delete_reflection(day))
    }

    /// The journal's settings.
    pub fn settings(&self) -> Result<Settings> {
        self.with(|j| j.settings()).map(Into::into)
    }

    /// Saves the journal's settings.
    pub fn set_settings(&self, settings: Settings) -> Result<()> {
        self.with_mut(|j| j.set_settings(settings.into()))
    }

    /// The first and last day of the week holding `day`, weeks starting as set.
    pub fn week_of(&self, day: NaiveDate) -> Result<DateRange> {
        self.with(|j| j.week_of(day))
            .map(|(from, to)| DateRange { from, to })
    }

    /// The weeks from `from` to `to` (either end open, widened to whole
    /// weeks) that hold an entry, newest first.
    pub fn history(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<HistoryWeek>> {
        let weeks = self.with(|j| j.history(from, to))?;
        Ok(weeks.into_iter().map(Into::into).collect())
    }

    /// The week holding `day`, in numbers.
    pub fn week_summary(&self, day: NaiveDate) -> Result<WeekSummary> {
        self.with(|j| j.week_summary(day)).map(Into::into)
    }

    /// `weeks` weeks of series ending with the week holding `last_day`.
    pub fn pattern(&self, last_day: NaiveDate, weeks: u32) -> Result<Pattern> {
        self.with(|j| j.pattern(last_day, weeks)).map(Into::into)
    }

    /// The weeks from the one holding `from` to the one holding `to`.
    pub fn pattern_between(&self, from: NaiveDate, to: NaiveDate) -> Result<Pattern> {
        self.with(|j| j.pattern_between(from, to)).map(Into::into)
    }

    /// Pattern, trend and findings for `weeks` weeks ending with `last_day`'s.
    pub fn insights(&self, last_day: NaiveDate, weeks: u32) -> Result<Insights> {
        self.with(|j| j.insights(last_day, weeks)).map(Into::into)
    }

    /// Days logged back from today (or yesterday, if today has none yet).
    pub fn streak(&self) -> Result<u32> {
        self.with(|j| j.streak())
    }

    /// The summary's default range: the last twelve weeks up to today.
    pub fn default_summary_range(&self) -> Result<DateRange> {
        self.with(|j| {
            let week_start = j.settings()?.week_start;
            let (from, to) = tc::summary::default_range(j.today()?, week_start);
            Ok(DateRange { from, to })
        })
    }

    /// The therapist summary as one self-contained HTML document.
    pub fn summary_html(&self, range: DateRange, sections: Vec<Section>) -> Result<String> {
        let sections = core_sections(sections);
        let summary = self.with(|j| j.summary(range.from, range.to, &sections))?;
        Ok(tc::summary::render_html(&summary))
    }

    /// The same summary as JSON with a schema version.
    pub fn summary_json(&self, range: DateRange, sections: Vec<Section>) -> Result<String> {
        let sections = core_sections(sections);
        let summary = self.with(|j| j.summary(range.from, range.to, &sections))?;
        Ok(tc::summary::to_json(&summary))
    }

    /// The whole journal as the documented JSON export (plaintext: hand it
    /// only to the share sheet or file picker).
    pub fn export_json(&self) -> Result<String> {
        self.with(|j| j.export_json())
    }

    /// The export of every record that opens in a damaged journal, and how
    /// many were left out (plaintext, like `export_json`).
    pub fn export_sound_json(&self) -> Result<SoundExport> {
        self.with(|j| j.export_sound_json())
            .map(|(json, left_out)| SoundExport { json, left_out })
    }

    /// Imports an export, merging by author, day, id and revision. An
    /// export of another journal into a journal that holds entries is
    /// `FromAnotherJournal` until the user says whose it is (`import_json_as`).
    pub fn import_json(&self, json: String) -> Result<ImportReport> {
        self.with_mut(|j| j.import_json(&json)).map(Into::into)
    }

    /// Imports an export as the user says it is: my partner's (its entries
    /// land as theirs, read-only) or my own journal from another phone.
    pub fn import_json_as(&self, json: String, how: ImportAs) -> Result<ImportReport> {
        self.with_mut(|j| j.import_json_as(&json, how.into()))
            .map(Into::into)
    }

    /// The journal's health: whether SQLite finds the file whole, and how
    /// many records open (and sit under their own tag) and how many do not.
    pub fn health(&self) -> Result<Health> {
        self.with(|j| j.health()).map(|h| Health {
            file_whole: h.file_whole,
            schema_as_made: h.schema_as_made,
            rows_in_step: h.rows_in_step,
            sound: h.sound,
            damaged: h.damaged,
        })
    }

    /// This journal's random id (32 hex digits), as written into its exports.
    pub fn journal_id(&self) -> Result<String> {
        self.with(|j| j.journal_id()).map(|id| id.to_string())
    }

    /// Whether the journal holds any check-in or reflection (mine or my
    /// partner's); settings alone are not entries.
    pub fn holds_entries(&self) -> Result<bool> {
        self.with(|j| j.holds_entries())
    }

    /// Writes an encrypted backup to `dest`, a new file; it opens with the
    /// passphrase or recovery code.
    pub fn backup(&self, dest: String) -> Result<()> {
        self.with(|j| j.backup(Path::new(&dest)))
    }
}
