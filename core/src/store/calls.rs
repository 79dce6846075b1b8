//! The public calls for each kind the user writes: check-ins, reflections
//! and settings. Saving and deleting touch only my own entries; reading
//! gives my own unless the call names my partner's.

use chrono::{DateTime, NaiveDate, Utc};

use crate::entries::checkin::CheckIn;
use crate::entries::reflection::Reflection;
use crate::entries::settings::{SETTINGS_KEY, Settings};
use crate::entries::{Author, RecordId, Saved};
use crate::error::{Error, Result};
use crate::store::Journal;
use crate::store::Readable;
use crate::store::crypto;

impl Journal {
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

    /// My check-in for one day, if there is one.
    pub fn checkin(&self, day: NaiveDate) -> Result<Option<Saved<CheckIn>>> {
        self.load_one(Author::Me, &day.to_string())
    }

    /// My check-ins from `from` to `to` inclusive (either end open), by day.
    pub fn checkins(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<CheckIn>>> {
        self.load_range(Author::Me, from, to)
    }

    /// The check-ins by `author` from `from` to `to` inclusive, by day: my
    /// partner's, received from their export, with [`Author::Partner`].
    pub fn checkins_by(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<CheckIn>>> {
        self.load_range(author, from, to)
    }

    /// The check-ins by `author` from `from` to `to` that open, by day, in a
    /// journal that may hold damaged records: each record that does not
    /// open is skipped and counted (its day is sealed with it, so it counts
    /// whatever the range), never hiding the rest.
    pub fn readable_checkins(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Readable<Saved<CheckIn>>> {
        self.load_readable(author, from, to)
    }

    /// The reflections by `author` that open, as [`Journal::readable_checkins`].
    pub fn readable_reflections(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Readable<Saved<Reflection>>> {
        self.load_readable(author, from, to)
    }

    /// Deletes my check-in for one day; [`Error::NotFound`] if there is none.
    /// My partner's entries are read-only here.
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

    /// My reflection for the week holding `day`, if there is one.
    pub fn reflection(&self, day: NaiveDate) -> Result<Option<Saved<Reflection>>> {
        self.load_one(Author::Me, &crate::day::monday_of(day).to_string())
    }

    /// My reflections whose week starts from `from` to `to` inclusive, by week.
    pub fn reflections(
        &self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<Reflection>>> {
        self.load_range(Author::Me, from, to)
    }

    /// The reflections by `author` whose week starts from `from` to `to`.
    pub fn reflections_by(
        &self,
        author: Author,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
    ) -> Result<Vec<Saved<Reflection>>> {
        self.load_range(author, from, to)
    }

    /// Deletes my reflection for the week holding `day`.
    pub fn delete_reflection(&mut self, day: NaiveDate) -> Result<()> {
        self.delete_one::<Reflection>(
            &crate::day::monday_of(day).to_string(),
            "reflection for that week",
        )
    }

    /// The journal's settings; the defaults until any are saved.
    pub fn settings(&self) -> Result<Settings> {
        Ok(self
            .load_one::<Settings>(Author::Me, SETTINGS_KEY)?
            .map(|s| s.value)
            .unwrap_or_default())
    }

    /// Saves the journal's settings.
    pub fn set_settings(&mut self, settings: Settings) -> Result<()> {
        self.save_all(vec![settings]).map(|_| ())
    }

    /// The next saved form of the settings record holding `settings` (its
    /// next revision, or a first one), for an import that takes a file's
    /// settings in the same transaction as its entries.
    pub(crate) fn next_settings(&self, settings: Settings) -> Result<Saved<Settings>> {
        let (id, revision) = match self.load_one::<Settings>(Author::Me, SETTINGS_KEY)? {
            Some(s) => (s.id, s.revision.checked_add(1).ok_or(Error::Corrupt)?),
            None => (RecordId(crypto::random_id()?), 1),
        };
        Ok(Saved {
            id,
            revision,
            saved_at: self.clock.now(),
            author: Author::Me,
            value: settings,
        })
    }

    /// The journal clock's current instant (save times, export stamps).
    pub(crate) fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }
}
