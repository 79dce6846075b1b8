//! The export document, written: every field of every entry named, so a
//! field added to an entry fails to compile here until the export (and its
//! schema version) says what to do with it.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;

use crate::entries::checkin::{CheckIn, Closeness};
use crate::entries::reflection::Reflection;
use crate::entries::vocab::{Repair, Who};
use crate::entries::{Author, Saved};
use crate::error::{Error, Result};
use crate::share::{FORMAT, SCHEMA_VERSION};
use crate::store::Journal;

/// The whole journal as the export document.
pub(super) fn document(journal: &Journal) -> Result<String> {
    let settings = journal.settings()?;
    let mut checkins = journal.checkins(None, None)?;
    checkins.extend(journal.checkins_by(Author::Partner, None, None)?);
    let mut reflections = journal.reflections(None, None)?;
    reflections.extend(journal.reflections_by(Author::Partner, None, None)?);
    write(journal, settings, &checkins, &reflections)
}

/// The export document of what in the journal is sound, and how many
/// records were left out because they do not open (damaged settings are
/// left out for the defaults, and counted).
pub(super) fn sound_document(journal: &Journal) -> Result<(String, u32)> {
    let (checkins, bad_checkins) = journal.load_all_sound::<CheckIn>()?;
    let (reflections, bad_reflections) = journal.load_all_sound::<Reflection>()?;
    let (settings, bad_settings) = match journal.settings() {
        Ok(s) => (s, 0),
        Err(Error::Corrupt) => (crate::Settings::default(), 1),
        Err(e) => return Err(e),
    };
    let text = write(journal, settings, &checkins, &reflections)?;
    Ok((text, bad_checkins + bad_reflections + bad_settings))
}

fn write(
    journal: &Journal,
    settings: crate::Settings,
    checkins: &[Saved<CheckIn>],
    reflections: &[Saved<Reflection>],
) -> Result<String> {
    let doc = DocumentOut {
        format: FORMAT,
        schema_version: SCHEMA_VERSION,
        journal_id: journal.journal_id()?.to_string(),
        exported_at: instant_text(journal.now()),
        settings: SettingsOut {
            week_start: settings.week_start.code(),
        },
        checkins: checkins.iter().map(CheckInOut::from).collect(),
        reflections: reflections.iter().map(ReflectionOut::from).collect(),
    };
    let mut text = serde_json::to_string_pretty(&doc).map_err(|_| Error::Corrupt)?;
    text.push('\n');
    Ok(text)
}

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    schema_version: u32,
    journal_id: String,
    exported_at: String,
    settings: SettingsOut,
    checkins: Vec<CheckInOut<'a>>,
    reflections: Vec<ReflectionOut<'a>>,
}

#[derive(Serialize)]
struct SettingsOut {
    week_start: &'static str,
}

#[derive(Serialize)]
struct CheckInOut<'a> {
    #[serde(flatten)]
    facts: FactsOut,
    date: String,
    mood: u8,
    my_move: &'static str,
    partner_move: &'static str,
    behaviours: Vec<&'static str>,
    feelings: Vec<&'static str>,
    intensity: Option<u8>,
    skills: Vec<&'static str>,
    repair: Option<&'static str>,
    closeness: Option<ClosenessOut>,
    note: &'a str,
}

#[derive(Serialize)]
struct ClosenessOut {
    rating: Option<u8>,
    words: Vec<&'static str>,
}

#[derive(Serialize)]
struct ReflectionOut<'a> {
    #[serde(flatten)]
    facts: FactsOut,
    week_start: String,
    raises_concerns: Option<&'static str>,
    shuts_down: Option<&'static str>,
    talk_safety: Option<u8>,
    felt_chased: Option<&'static str>,
    needing_space: &'a str,
    note: &'a str,
}

fn instant_text(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn day_text(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The facts every exported entry starts with.
#[derive(Serialize)]
struct FactsOut {
    id: String,
    revision: u32,
    saved_at: String,
    author: &'static str,
}

impl FactsOut {
    fn of<T>(s: &Saved<T>) -> FactsOut {
        FactsOut {
            id: s.id.to_string(),
            revision: s.revision,
            saved_at: instant_text(s.saved_at),
            author: s.author.code(),
        }
    }
}

macro_rules! codes_of {
    ($list:expr) => {
        $list.iter().map(|c| c.code()).collect()
    };
}

impl<'a> From<&'a Saved<CheckIn>> for CheckInOut<'a> {
    fn from(s: &'a Saved<CheckIn>) -> Self {
        // Every field named: a field added to CheckIn fails to compile here
        // until the export (and its schema version) says what to do with it.
        let CheckIn {
            date,
            mood,
            my_move,
            partner_move,
            behaviours,
            feelings,
            intensity,
            skills,
            repair,
            closeness,
            note,
        } = &s.value;
        CheckInOut {
            facts: FactsOut::of(s),
            date: day_text(*date),
            mood: *mood,
            my_move: my_move.code(),
            partner_move: partner_move.code(),
            behaviours: codes_of!(behaviours),
            feelings: codes_of!(feelings),
            intensity: *intensity,
            skills: codes_of!(skills),
            repair: repair.map(Repair::code),
            closeness: closeness.as_ref().map(|c| {
                let Closeness { rating, words } = c;
                ClosenessOut {
                    rating: *rating,
                    words: codes_of!(words),
                }
            }),
            note,
        }
    }
}

impl<'a> From<&'a Saved<Reflection>> for ReflectionOut<'a> {
    fn from(s: &'a Saved<Reflection>) -> Self {
        let Reflection {
            week_start,
            raises_concerns,
            shuts_down,
            talk_safety,
            felt_chased,
            needing_space,
            note,
        } = &s.value;
        ReflectionOut {
            facts: FactsOut::of(s),
            week_start: day_text(*week_start),
            raises_concerns: raises_concerns.map(Who::code),
            shuts_down: shuts_down.map(Who::code),
            talk_safety: *talk_safety,
            felt_chased: felt_chased.map(Who::code),
            needing_space,
            note,
        }
    }
}
