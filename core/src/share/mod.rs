//! Export and import: the whole journal as one documented, unencrypted JSON
//! document (`docs/export-schema.md`), and reading such a document back.
//!
//! This module owns the document's shape and its version, the validation of
//! a file before anything is written, and the merge rule that decides, for
//! each entry in the file, whether it is added, replaces the journal's entry
//! for the same day (or week), or is left out:
//!
//! - no entry for that day or week in the journal: **added**;
//! - the same id and the same revision: **unchanged** (nothing written);
//! - otherwise the entry with the higher revision wins; at equal revisions
//!   the later `saved_at`; at equal save times the greater id (compared as
//!   bytes, so both sides of an exchange pick the same one). If the file's
//!   entry wins it is **updated**, else the journal's is **kept** as newer.
//!
//! Settings are taken from the file only when the journal holds no
//! check-in and no reflection; otherwise the journal keeps its own.
//! Importing the same file twice therefore writes nothing the second time.
//!
//! A file is read whole and checked whole first: the first problem found is
//! returned as [`Error::InvalidInput`] with field `import` and a reason that
//! starts with the JSON path (`checkins[3].mood: must be a whole number from
//! 1 to 5`). Reasons never repeat a value or a field name from the file.
//! Only a file without any problem is written, in one transaction.

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::entries::checkin::{CLOSENESS_RANGE, CheckIn, Closeness, INTENSITY_RANGE, MOOD_RANGE};
use crate::entries::reflection::{Reflection, SAFETY_RANGE};
use crate::entries::settings::{Settings, WeekStart};
use crate::entries::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill, VocabKind, Who,
};
use crate::error::{Error, Result, invalid};
use crate::store::crypto::ID_LEN;
use crate::store::{Author, Journal, RecordId, Saved};

/// The value of the document's `format` field.
pub const FORMAT: &str = "tandem-export";

/// The document's schema version. Raised whenever a field is added, changes
/// meaning or goes away; a file with a higher version is refused.
pub const SCHEMA_VERSION: u32 = 1;

/// What an import did, entry by entry (check-ins and reflections together).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportReport {
    /// Entries for a day (or week) the journal had no entry for.
    pub added: u32,
    /// Entries that replaced the journal's older entry for their day or week.
    pub updated: u32,
    /// Entries the journal already held: the same id and revision.
    pub unchanged: u32,
    /// Entries left out because the journal's entry for that day or week
    /// was newer by the merge rule.
    pub kept_newer_local: u32,
    /// Whether the journal took the file's settings (it held no entries).
    pub settings_imported: bool,
}

impl Journal {
    /// Everything in the journal as one JSON document (pretty-printed,
    /// check-ins by day, reflections by week). **Not encrypted**: the caller
    /// writes it only because the user asked for it.
    pub fn export_json(&self) -> Result<String> {
        let settings = self.settings()?;
        let checkins = self.checkins(None, None)?;
        let reflections = self.reflections(None, None)?;
        let doc = DocumentOut {
            format: FORMAT,
            schema_version: SCHEMA_VERSION,
            exported_at: instant_text(self.now()),
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

    /// Reads an export and merges it into the journal by the rule in the
    /// module documentation. The whole file is checked before anything is
    /// written; a file with any problem changes nothing and the error names
    /// the first problem. What is written goes in one transaction.
    pub fn import_json(&mut self, json: &str) -> Result<ImportReport> {
        let file = parse(json, self.today()?)?;
        let local_checkins = self.checkins(None, None)?;
        let local_reflections = self.reflections(None, None)?;
        let empty = local_checkins.is_empty() && local_reflections.is_empty();

        let mut report = ImportReport::default();
        let checkins = merge(&local_checkins, file.checkins, &mut report)?;
        let reflections = merge(&local_reflections, file.reflections, &mut report)?;
        let settings = if empty {
            report.settings_imported = true;
            let current = self.settings()?;
            (file.settings != current).then_some(file.settings)
        } else {
            None
        };
        match settings {
            Some(s) => self.write_saved_with_settings(&checkins, &reflections, s)?,
            None if !checkins.is_empty() || !reflections.is_empty() => {
                self.write_saved(&checkins, &reflections)?;
            }
            None => {}
        }
        Ok(report)
    }
}

// ---------------------------------------------------------------------------
// Writing the document

#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    schema_version: u32,
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
    id: String,
    revision: u32,
    saved_at: String,
    author: &'static str,
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
    id: String,
    revision: u32,
    saved_at: String,
    author: &'static str,
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

fn author_code(a: Author) -> &'static str {
    match a {
        Author::Me => "me",
        Author::Partner => "partner",
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
            id: s.id.to_string(),
            revision: s.revision,
            saved_at: instant_text(s.saved_at),
            author: author_code(s.author),
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
            id: s.id.to_string(),
            revision: s.revision,
            saved_at: instant_text(s.saved_at),
            author: author_code(s.author),
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

// ---------------------------------------------------------------------------
// Reading the document

/// A file that passed every check.
struct ImportFile {
    settings: Settings,
    checkins: Vec<Saved<CheckIn>>,
    reflections: Vec<Saved<Reflection>>,
}

const TOP_FIELDS: &[&str] = &[
    "format",
    "schema_version",
    "exported_at",
    "settings",
    "checkins",
    "reflections",
];
const SETTINGS_FIELDS: &[&str] = &["week_start"];
const CHECKIN_FIELDS: &[&str] = &[
    "id",
    "revision",
    "saved_at",
    "author",
    "date",
    "mood",
    "my_move",
    "partner_move",
    "behaviours",
    "feelings",
    "intensity",
    "skills",
    "repair",
    "closeness",
    "note",
];
const CLOSENESS_FIELDS: &[&str] = &["rating", "words"];
const REFLECTION_FIELDS: &[&str] = &[
    "id",
    "revision",
    "saved_at",
    "author",
    "week_start",
    "raises_concerns",
    "shuts_down",
    "talk_safety",
    "felt_chased",
    "needing_space",
    "note",
];

/// Where in the document a value sits, built from our own field names and
/// indices only, so a path never holds text from the file.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'static str),
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    /// The import error for a problem at this path.
    fn fail(&self, reason: impl fmt::Display) -> Error {
        invalid("import", format!("{self}: {reason}"))
    }
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => f.write_str("the document"),
            Path::Field(Path::Root, name) => f.write_str(name),
            Path::Field(parent, name) => write!(f, "{parent}.{name}"),
            Path::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A JSON object whose keys were checked against the fields the schema
/// defines.
struct Object<'v, 'p> {
    map: &'v Map<String, Value>,
    path: &'p Path<'p>,
}

impl<'v, 'p> Object<'v, 'p> {
    fn of(value: &'v Value, path: &'p Path<'p>, known: &[&str]) -> Result<Self> {
        let map = value
            .as_object()
            .ok_or_else(|| path.fail("must be an object"))?;
        if map.keys().any(|k| !known.contains(&k.as_str())) {
            return Err(path.fail(format!(
                "holds a field that schema version {SCHEMA_VERSION} does not define"
            )));
        }
        Ok(Object { map, path })
    }

    /// A field that must be there.
    fn req<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.field(name);
        let value = self.map.get(name).ok_or_else(|| path.fail("is missing"))?;
        read(value, &path)
    }

    /// A field that may be left out or `null`.
    fn opt<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<Option<T>> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) => read(value, &self.path.field(name)).map(Some),
        }
    }

    /// Text that may be left out (then empty).
    fn text_or_empty(&self, name: &'static str) -> Result<String> {
        match self.map.get(name) {
            None => Ok(String::new()),
            Some(value) => text(value, &self.path.field(name)).map(str::to_string),
        }
    }

    /// A list of vocabulary codes that may be left out (then empty); a code
    /// given twice is refused.
    fn codes<T: Copy + PartialEq>(
        &self,
        name: &'static str,
        from_code: fn(&str) -> Option<T>,
        kind: VocabKind,
    ) -> Result<Vec<T>> {
        let Some(value) = self.map.get(name) else {
            return Ok(Vec::new());
        };
        let path = self.path.field(name);
        let items = value
            .as_array()
            .ok_or_else(|| path.fail(format!("must be a list of {} codes", kind.code())))?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = path.item(i);
            let c = code(item, &item_path, from_code, kind)?;
            if out.contains(&c) {
                return Err(item_path.fail("repeats a code listed before it"));
            }
            out.push(c);
        }
        Ok(out)
    }
}

fn text<'v>(value: &'v Value, path: &Path<'_>) -> Result<&'v str> {
    value
        .as_str()
        .ok_or_else(|| path.fail("must be text (a JSON string)"))
}

fn small_number(value: &Value, path: &Path<'_>, range: RangeInclusive<u8>) -> Result<u8> {
    value
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| range.contains(n))
        .ok_or_else(|| {
            path.fail(format!(
                "must be a whole number from {} to {}",
                range.start(),
                range.end()
            ))
        })
}

fn code<T>(
    value: &Value,
    path: &Path<'_>,
    from_code: fn(&str) -> Option<T>,
    kind: VocabKind,
) -> Result<T> {
    let reason = || {
        path.fail(format!(
            "must be a known {} code (see the vocabulary: tandem vocab)",
            kind.code()
        ))
    };
    value.as_str().and_then(from_code).ok_or_else(reason)
}

fn day(value: &Value, path: &Path<'_>) -> Result<NaiveDate> {
    // Exactly `YYYY-MM-DD`: chrono alone would also take `2026-3-1`.
    let shaped = |s: &&str| {
        s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    value
        .as_str()
        .filter(shaped)
        .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .ok_or_else(|| path.fail("must be a calendar date written YYYY-MM-DD"))
}

fn instant(value: &Value, path: &Path<'_>) -> Result<DateTime<Utc>> {
    value
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            path.fail("must be a date and time in RFC 3339 form, such as 2026-03-10T12:00:00Z")
        })
}

fn record_id(value: &Value, path: &Path<'_>) -> Result<RecordId> {
    let hex = value
        .as_str()
        .filter(|s| s.len() == 2 * ID_LEN && s.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| path.fail(format!("must be {} hexadecimal digits", 2 * ID_LEN)))?;
    // Every byte is an ASCII hex digit here.
    let nibble = |b: u8| match b {
        b'0'..=b'9' => b - b'0',
        b'a'..=b'f' => b - b'a' + 10,
        _ => b - b'A' + 10,
    };
    let mut id = [0u8; ID_LEN];
    for (byte, pair) in id.iter_mut().zip(hex.as_bytes().chunks_exact(2)) {
        *byte = nibble(pair[0]) << 4 | nibble(pair[1]);
    }
    Ok(RecordId(id))
}

fn revision(value: &Value, path: &Path<'_>) -> Result<u32> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| *n >= 1)
        .ok_or_else(|| path.fail(format!("must be a whole number from 1 to {}", u32::MAX)))
}

fn author(value: &Value, path: &Path<'_>) -> Result<Author> {
    match value.as_str() {
        Some("me") => Ok(Author::Me),
        Some("partner") => Ok(Author::Partner),
        _ => Err(path.fail("must be me or partner")),
    }
}

/// Moves an entry's own validation error (`mood`, `note` …) under the
/// entry's path in the file.
fn under(path: &Path<'_>, e: Error) -> Error {
    match e {
        Error::InvalidInput { field, reason } => path.field(field).fail(reason),
        other => other,
    }
}

/// The facts every exported entry carries beside its fields.
struct Facts {
    id: RecordId,
    revision: u32,
    saved_at: DateTime<Utc>,
    author: Author,
}

impl Facts {
    fn read(o: &Object<'_, '_>) -> Result<Facts> {
        Ok(Facts {
            id: o.req("id", record_id)?,
            revision: o.req("revision", revision)?,
            saved_at: o.req("saved_at", instant)?,
            author: o.req("author", author)?,
        })
    }

    fn with<T>(self, value: T) -> Saved<T> {
        Saved {
            id: self.id,
            revision: self.revision,
            saved_at: self.saved_at,
            author: self.author,
            value,
        }
    }
}

fn checkin(value: &Value, path: &Path<'_>, today: NaiveDate) -> Result<Saved<CheckIn>> {
    let o = Object::of(value, path, CHECKIN_FIELDS)?;
    let facts = Facts::read(&o)?;
    let checkin = CheckIn {
        date: o.req("date", day)?,
        mood: o.req("mood", |v, p| small_number(v, p, MOOD_RANGE))?,
        my_move: o.req("my_move", |v, p| code(v, p, Move::from_code, Move::KIND))?,
        partner_move: o.req("partner_move", |v, p| {
            code(v, p, PartnerMove::from_code, PartnerMove::KIND)
        })?,
        behaviours: o.codes("behaviours", Behaviour::from_code, Behaviour::KIND)?,
        feelings: o.codes("feelings", Feeling::from_code, Feeling::KIND)?,
        intensity: o.opt("intensity", |v, p| small_number(v, p, INTENSITY_RANGE))?,
        skills: o.codes("skills", Skill::from_code, Skill::KIND)?,
        repair: o.opt("repair", |v, p| code(v, p, Repair::from_code, Repair::KIND))?,
        closeness: o.opt("closeness", closeness)?,
        note: o.text_or_empty("note")?,
    };
    let checkin = checkin.validated(today).map_err(|e| under(path, e))?;
    Ok(facts.with(checkin))
}

fn closeness(value: &Value, path: &Path<'_>) -> Result<Closeness> {
    let o = Object::of(value, path, CLOSENESS_FIELDS)?;
    Ok(Closeness {
        rating: o.opt("rating", |v, p| small_number(v, p, CLOSENESS_RANGE))?,
        words: o.codes("words", ClosenessWord::from_code, ClosenessWord::KIND)?,
    })
}

fn reflection(value: &Value, path: &Path<'_>, today: NaiveDate) -> Result<Saved<Reflection>> {
    let o = Object::of(value, path, REFLECTION_FIELDS)?;
    let facts = Facts::read(&o)?;
    let who = |v: &Value, p: &Path<'_>| code(v, p, Who::from_code, Who::KIND);
    let week_start = o.req("week_start", |v, p| {
        let d = day(v, p)?;
        if crate::day::monday_of(d) != d {
            return Err(p.fail("must be a Monday"));
        }
        Ok(d)
    })?;
    let reflection = Reflection {
        week_start,
        raises_concerns: o.opt("raises_concerns", who)?,
        shuts_down: o.opt("shuts_down", who)?,
        talk_safety: o.opt("talk_safety", |v, p| small_number(v, p, SAFETY_RANGE))?,
        felt_chased: o.opt("felt_chased", who)?,
        needing_space: o.text_or_empty("needing_space")?,
        note: o.text_or_empty("note")?,
    };
    let reflection = reflection.validated(today).map_err(|e| under(path, e))?;
    Ok(facts.with(reflection))
}

fn settings(value: &Value, path: &Path<'_>) -> Result<Settings> {
    let o = Object::of(value, path, SETTINGS_FIELDS)?;
    let week_start = o.req("week_start", |v, p| match v.as_str() {
        Some("monday") => Ok(WeekStart::Monday),
        Some("sunday") => Ok(WeekStart::Sunday),
        _ => Err(p.fail("must be monday or sunday")),
    })?;
    Ok(Settings { week_start })
}

/// An entry kind as the import sees it: the natural key it is unique for.
trait Keyed {
    /// The list the entries sit in.
    const LIST: &'static str;
    /// The field holding the key.
    const KEY_FIELD: &'static str;
    /// What the key is, in messages.
    const KEY_NAME: &'static str;
    fn key(&self) -> NaiveDate;
}

impl Keyed for CheckIn {
    const LIST: &'static str = "checkins";
    const KEY_FIELD: &'static str = "date";
    const KEY_NAME: &'static str = "day";
    fn key(&self) -> NaiveDate {
        self.date
    }
}

impl Keyed for Reflection {
    const LIST: &'static str = "reflections";
    const KEY_FIELD: &'static str = "week_start";
    const KEY_NAME: &'static str = "week";
    fn key(&self) -> NaiveDate {
        self.week_start
    }
}

/// Reads a list of entries; no two may share a day (week) or an id.
fn entries<T: Keyed>(
    value: &Value,
    path: &Path<'_>,
    read: impl Fn(&Value, &Path<'_>) -> Result<Saved<T>>,
) -> Result<Vec<Saved<T>>> {
    let items = value
        .as_array()
        .ok_or_else(|| path.fail("must be a list"))?;
    let mut keys: HashMap<NaiveDate, usize> = HashMap::with_capacity(items.len());
    let mut ids: HashMap<RecordId, usize> = HashMap::with_capacity(items.len());
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.item(i);
        let saved = read(item, &item_path)?;
        if let Some(first) = keys.insert(saved.value.key(), i) {
            return Err(item_path.field(T::KEY_FIELD).fail(format!(
                "is the same {} as {path}[{first}]; a file holds one entry per {}",
                T::KEY_NAME,
                T::KEY_NAME
            )));
        }
        if let Some(first) = ids.insert(saved.id, i) {
            return Err(item_path
                .field("id")
                .fail(format!("is the same id as {path}[{first}]")));
        }
        out.push(saved);
    }
    Ok(out)
}

fn not_json(e: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "it ends too early",
        Category::Syntax => "a syntax error",
        Category::Data | Category::Io => "it cannot be read",
    };
    invalid(
        "import",
        format!(
            "line {}, column {}: not valid JSON ({what})",
            e.line(),
            e.column()
        ),
    )
}

/// Checks a whole file, returning the first problem.
fn parse(json: &str, today: NaiveDate) -> Result<ImportFile> {
    let doc: Value = serde_json::from_str(json).map_err(not_json)?;
    let root = Path::Root;
    let map = doc
        .as_object()
        .ok_or_else(|| root.fail("must be a JSON object (this is not a Tandem export)"))?;

    // What the file is, before anything else: a foreign file or one from a
    // newer version is named as such rather than by its first odd field.
    let format_path = root.field("format");
    match map.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(_) => {
            return Err(
                format_path.fail(format!("is not \"{FORMAT}\" (this is not a Tandem export)"))
            );
        }
        None => return Err(format_path.fail("is missing (this is not a Tandem export)")),
    }
    let version_path = root.field("schema_version");
    match map.get("schema_version").map(Value::as_u64) {
        Some(Some(v)) if v == u64::from(SCHEMA_VERSION) => {}
        Some(Some(v)) if v > u64::from(SCHEMA_VERSION) => {
            return Err(version_path.fail(format!(
                "the file comes from a newer version of Tandem (this one reads schema \
                 version {SCHEMA_VERSION}); update Tandem to import it"
            )));
        }
        Some(_) => return Err(version_path.fail(format!("must be {SCHEMA_VERSION}"))),
        None => return Err(version_path.fail("is missing")),
    }

    let o = Object::of(&doc, &root, TOP_FIELDS)?;
    o.req("exported_at", instant)?;
    Ok(ImportFile {
        settings: o.req("settings", settings)?,
        checkins: o.req("checkins", |v, p| {
            entries(v, p, |v, p| checkin(v, p, today))
        })?,
        reflections: o.req("reflections", |v, p| {
            entries(v, p, |v, p| reflection(v, p, today))
        })?,
    })
}

// ---------------------------------------------------------------------------
// Merging

/// What happens to one entry of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Added,
    Updated,
    Unchanged,
    KeptLocal,
}

/// The merge rule for one entry of the file against the journal's entry for
/// the same day or week.
fn outcome<T>(local: Option<&Saved<T>>, incoming: &Saved<T>) -> Outcome {
    let Some(local) = local else {
        return Outcome::Added;
    };
    if local.id == incoming.id && local.revision == incoming.revision {
        return Outcome::Unchanged;
    }
    let rank = |s: &Saved<T>| (s.revision, s.saved_at, s.id.0);
    if rank(incoming) > rank(local) {
        Outcome::Updated
    } else {
        Outcome::KeptLocal
    }
}

/// Decides every entry of one list; returns those to write. An id the
/// journal already uses for another day or week is refused: writing it
/// would tie two days to one record.
fn merge<T: Keyed + Clone>(
    local: &[Saved<T>],
    incoming: Vec<Saved<T>>,
    report: &mut ImportReport,
) -> Result<Vec<Saved<T>>> {
    let by_key: HashMap<NaiveDate, &Saved<T>> = local.iter().map(|s| (s.value.key(), s)).collect();
    let key_of_id: HashMap<RecordId, NaiveDate> =
        local.iter().map(|s| (s.id, s.value.key())).collect();
    let root = Path::Root;
    let list = root.field(T::LIST);
    let mut out = Vec::new();
    for (i, saved) in incoming.into_iter().enumerate() {
        let key = saved.value.key();
        if key_of_id.get(&saved.id).is_some_and(|k| *k != key) {
            return Err(list.item(i).field("id").fail(format!(
                "the journal already holds this id for another {}",
                T::KEY_NAME
            )));
        }
        match outcome(by_key.get(&key).copied(), &saved) {
            Outcome::Added => {
                report.added += 1;
                out.push(saved);
            }
            Outcome::Updated => {
                report.updated += 1;
                out.push(saved);
            }
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::KeptLocal => report.kept_newer_local += 1,
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(id: u8, revision: u32, saved_at: &str) -> Saved<()> {
        Saved {
            id: RecordId([id; ID_LEN]),
            revision,
            saved_at: saved_at.parse().unwrap(),
            author: Author::Me,
            value: (),
        }
    }

    #[test]
    fn the_merge_rule_orders_by_revision_then_save_time_then_id() {
        let local = saved(1, 3, "2026-03-01T10:00:00Z");
        // No local entry: added.
        assert_eq!(outcome(None, &local), Outcome::Added);
        // Same id and revision: unchanged, whatever the save time says.
        assert_eq!(
            outcome(Some(&local), &saved(1, 3, "2030-01-01T00:00:00Z")),
            Outcome::Unchanged
        );
        // Higher revision wins even when saved earlier; lower loses.
        assert_eq!(
            outcome(Some(&local), &saved(1, 4, "2020-01-01T00:00:00Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(9, 2, "2030-01-01T00:00:00Z")),
            Outcome::KeptLocal
        );
        // Equal revisions: the later save wins.
        assert_eq!(
            outcome(Some(&local), &saved(0, 3, "2026-03-01T10:00:01Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(9, 3, "2026-03-01T09:59:59Z")),
            Outcome::KeptLocal
        );
        // Equal revisions and save times: the greater id wins.
        assert_eq!(
            outcome(Some(&local), &saved(2, 3, "2026-03-01T10:00:00Z")),
            Outcome::Updated
        );
        assert_eq!(
            outcome(Some(&local), &saved(0, 3, "2026-03-01T10:00:00Z")),
            Outcome::KeptLocal
        );
    }

    #[test]
    fn paths_name_fields_and_list_items_from_the_top() {
        let root = Path::Root;
        let list = root.field("checkins");
        let item = list.item(3);
        let field = item.field("closeness");
        let words = field.field("words");
        assert_eq!(words.item(0).to_string(), "checkins[3].closeness.words[0]");
        assert_eq!(root.to_string(), "the document");
        assert_eq!(
            item.field("mood").fail("must be x").to_string(),
            "invalid import: checkins[3].mood: must be x"
        );
    }
}
