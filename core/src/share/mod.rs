//! Export and import: the whole journal as one documented, unencrypted JSON
//! document (`docs/export-schema.md`), and reading such a document back.
//!
//! - `export`: the document's shape, written;
//! - `import`: the document read and checked whole before anything is
//!   written; the first problem is returned as [`Error::InvalidInput`] with
//!   field `import` and a reason that starts with the JSON path
//!   (`checkins[3].mood: must be a whole number from 1 to 5`). Reasons
//!   never repeat a value or a field name from the file;
//! - `merge`: the one merge rule every import uses.
//!
//! **Whose file it is.** Every export carries its journal's random id.
//! An export of this very journal, or any export into a journal that holds
//! no entries yet, merges as it is ([`ImportAs::Auto`]). An export of
//! another journal into a journal that holds entries is refused
//! ([`Error::FromAnotherJournal`]) unless the user says what it is: their
//! partner's ([`ImportAs::Partner`]: the file's own entries land as the
//! partner's, read-only, and nothing else of the file is taken), or their
//! own journal from another phone ([`ImportAs::MyOtherJournal`]).
//!
//! **The merge rule**, for each entry of the file against the journal's
//! entry by the same author for the same day or week (my entries and my
//! partner's are never compared with each other):
//!
//! - no such entry in the journal: **added**;
//! - the same id and the same revision: **unchanged** (nothing written);
//! - otherwise the entry with the higher revision wins; at equal revisions
//!   the later `saved_at`; at equal save times the greater id (compared as
//!   bytes, so both sides of an exchange pick the same one). If the file's
//!   entry wins it is **updated**, else the journal's is **kept** as newer.
//!
//! Settings are taken from the file only when the journal holds no entries
//! and the file is not a partner's; such a journal also takes the file's
//! journal id, becoming the journal the file was exported from (the same
//! person's journal, moved to a new phone). Importing the same file twice therefore
//! writes nothing the second time. Only a file without any problem is
//! written, in one transaction; a refused file leaves the journal
//! byte-for-byte as it was.

mod export;
mod import;
mod merge;
mod read;
mod unique;

use crate::entries::{Author, Saved};
use crate::error::{Error, Result, invalid};
use crate::store::{Journal, put_saved};

/// The value of the document's `format` field.
pub const FORMAT: &str = "tandem-export";

/// The document's schema version. Raised whenever a field is added, changes
/// meaning or goes away; a file with a higher version is refused. Version 2
/// added the journal's id.
pub const SCHEMA_VERSION: u32 = 2;

/// What the user says an export file is, when importing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ImportAs {
    /// Nothing said: accepted when the file is this journal's own export,
    /// or when the journal holds no entries yet.
    #[default]
    Auto,
    /// My partner's export: its own entries land as my partner's.
    Partner,
    /// My own journal from another phone: merged as it is.
    MyOtherJournal,
}

/// What an import did, entry by entry (check-ins and reflections together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Entries for a day (or week) the journal had no entry for by that author.
    pub added: u32,
    /// Entries that replaced the journal's older entry by the same author.
    pub updated: u32,
    /// Entries the journal already held: the same id and revision.
    pub unchanged: u32,
    /// Entries left out because the journal's entry by the same author for
    /// that day or week was newer by the merge rule.
    pub kept_newer_local: u32,
    /// Entries of a partner's file that were not the partner's own (what
    /// the partner had received), left out.
    pub not_theirs: u32,
    /// Whether the journal took the file's settings (it held no entries).
    pub settings_imported: bool,
}

impl Journal {
    /// Everything in the journal as one JSON document (pretty-printed,
    /// check-ins by author and day, reflections by author and week).
    /// **Not encrypted**: the caller writes it only because the user asked.
    pub fn export_json(&self) -> Result<String> {
        export::document(self)
    }

    /// What of the journal is sound, as the export document, and how many
    /// records were left out because they do not open: a damaged journal's
    /// way out. Where nothing is damaged it is [`Journal::export_json`].
    pub fn export_sound_json(&self) -> Result<(String, u32)> {
        export::sound_document(self)
    }

    /// [`Journal::import_json_as`] with nothing said ([`ImportAs::Auto`]).
    pub fn import_json(&mut self, json: &str) -> Result<ImportReport> {
        self.import_json_as(json, ImportAs::Auto)
    }

    /// Reads an export and merges it into the journal by the rules in the
    /// module documentation. The whole file is checked before anything is
    /// written; a file with any problem, or refused for whose it is,
    /// changes nothing. What is written goes in one transaction.
    pub fn import_json_as(&mut self, json: &str, how: ImportAs) -> Result<ImportReport> {
        let file = import::parse(json, self.today()?)?;
        let mine = self.journal_id()?;
        let same_journal = file.journal_id == Some(mine);
        let empty = !self.holds_entries()?;
        let mut report = ImportReport::default();
        let (checkins, reflections) = match how {
            ImportAs::Partner if same_journal => return Err(own_file_as_partner()),
            ImportAs::Partner => (
                as_partners(file.checkins, &mut report),
                as_partners(file.reflections, &mut report),
            ),
            ImportAs::Auto if !same_journal && !empty => {
                return Err(Error::FromAnotherJournal);
            }
            ImportAs::Auto | ImportAs::MyOtherJournal => (
                file.checkins.into_iter().enumerate().collect(),
                file.reflections.into_iter().enumerate().collect(),
            ),
        };

        let local_checkins = self.all_by_both::<crate::CheckIn>()?;
        let local_reflections = self.all_by_both::<crate::Reflection>()?;
        let checkins = merge::merge(&local_checkins, checkins, &mut report)?;
        let reflections = merge::merge(&local_reflections, reflections, &mut report)?;
        let settings = match how {
            ImportAs::Partner => None,
            _ if empty => {
                report.settings_imported = true;
                let current = self.settings()?;
                (file.settings != current)
                    .then(|| self.next_settings(file.settings))
                    .transpose()?
            }
            _ => None,
        };
        // An empty journal that takes a file of another journal as its own
        // becomes that journal (the same person's, moved to this phone): it
        // takes the file's id, so importing the file again is no surprise.
        let identity = match file.journal_id {
            Some(id) if empty && !same_journal && how != ImportAs::Partner => {
                Some(self.next_identity(id)?)
            }
            _ => None,
        };
        if checkins.is_empty() && reflections.is_empty() && settings.is_none() && identity.is_none()
        {
            return Ok(report);
        }
        self.write_batch(|tx, keys| {
            put_saved(tx, keys, &checkins)?;
            put_saved(tx, keys, &reflections)?;
            put_saved(tx, keys, settings.as_slice())?;
            put_saved(tx, keys, identity.as_slice())
        })?;
        Ok(report)
    }

    /// Every entry of a dated kind, mine and my partner's.
    fn all_by_both<T: crate::entries::Dated>(&self) -> Result<Vec<Saved<T>>> {
        let mut all = self.load_range::<T>(Author::Me, None, None)?;
        all.extend(self.load_range::<T>(Author::Partner, None, None)?);
        Ok(all)
    }
}

/// The entries of a partner's file that are the partner's own, now marked
/// as my partner's, each with its index in the file; the rest (what the
/// partner had received) are counted and left out.
fn as_partners<T>(entries: Vec<Saved<T>>, report: &mut ImportReport) -> Vec<(usize, Saved<T>)> {
    let mut out = Vec::with_capacity(entries.len());
    for (i, mut saved) in entries.into_iter().enumerate() {
        if saved.author == Author::Me {
            saved.author = Author::Partner;
            out.push((i, saved));
        } else {
            report.not_theirs += 1;
        }
    }
    out
}

fn own_file_as_partner() -> Error {
    invalid(
        crate::error::Field::Import,
        "this file was exported from this very journal, so it is not your partner's",
    )
}
