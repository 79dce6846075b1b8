//! The export document, read: checked whole, its first problem named by
//! its JSON path, before anything is written.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

use crate::entries::checkin::{CLOSENESS_RANGE, CheckIn, Closeness, INTENSITY_RANGE, MOOD_RANGE};
use crate::entries::identity::JournalId;
use crate::entries::reflection::{Reflection, SAFETY_RANGE};
use crate::entries::settings::{Settings, WeekStart};
use crate::entries::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill, Who,
};
use crate::entries::{Author, Entry, RecordId, Saved};
use crate::error::{Error, Result, invalid};
use crate::share::read::{
    Object, Path, author, code, day, instant, record_id, revision, small_number, under,
};
use crate::share::unique::{TWICE, Unique};
use crate::share::{FORMAT, SCHEMA_VERSION};

/// The first schema version still read (it had no journal id).
const OLDEST_VERSION: u32 = 1;

/// A file that passed every check.
pub(super) struct ImportFile {
    /// The journal it was exported from; files of schema version 1 do not say.
    pub journal_id: Option<JournalId>,
    pub settings: Settings,
    pub checkins: Vec<Saved<CheckIn>>,
    pub reflections: Vec<Saved<Reflection>>,
}

const TOP_FIELDS: &[&str] = &[
    "format",
    "schema_version",
    "journal_id",
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

/// Reads a list of entries; no two may share an author and a day (week),
/// nor an id.
fn entries<T: Entry>(
    value: &Value,
    path: &Path<'_>,
    read: impl Fn(&Value, &Path<'_>) -> Result<Saved<T>>,
) -> Result<Vec<Saved<T>>> {
    let items = value
        .as_array()
        .ok_or_else(|| path.fail("must be a list"))?;
    let mut keys: HashMap<(Author, String), usize> = HashMap::with_capacity(items.len());
    let mut ids: HashMap<RecordId, usize> = HashMap::with_capacity(items.len());
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.item(i);
        let saved = read(item, &item_path)?;
        if let Some(first) = keys.insert((saved.author, saved.value.key()), i) {
            return Err(item_path.field(T::KEY_FIELD).fail(format!(
                "is the same {} as {path}[{first}]; a file holds one entry per author and {}",
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

/// [`not_json`], or a key given twice named as such (with its line and
/// column, never the key).
fn not_json_or_twice(e: serde_json::Error) -> Error {
    if e.is_data() && e.to_string().starts_with(TWICE) {
        return invalid(
            crate::error::Field::Import,
            format!("line {}, column {}: {TWICE}", e.line(), e.column()),
        );
    }
    not_json(e)
}

fn not_json(e: serde_json::Error) -> Error {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Eof => "it ends too early",
        Category::Syntax => "a syntax error",
        Category::Data | Category::Io => "it cannot be read",
    };
    invalid(
        crate::error::Field::Import,
        format!(
            "line {}, column {}: not valid JSON ({what})",
            e.line(),
            e.column()
        ),
    )
}

/// Checks a whole file, returning the first problem.
pub(super) fn parse(json: &str, today: NaiveDate) -> Result<ImportFile> {
    // serde_json keeps the last of two equal keys; a file that says one
    // thing twice is refused instead, before anything else is read.
    serde_json::from_str::<Unique>(json).map_err(not_json_or_twice)?;
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
    let version = match map.get("schema_version").map(Value::as_u64) {
        Some(Some(v)) if (u64::from(OLDEST_VERSION)..=u64::from(SCHEMA_VERSION)).contains(&v) => v,
        Some(Some(v)) if v > u64::from(SCHEMA_VERSION) => {
            return Err(version_path.fail(format!(
                "the file comes from a newer version of Tandem (this one reads schema \
                 version {SCHEMA_VERSION}); update Tandem to import it"
            )));
        }
        Some(_) => {
            return Err(version_path.fail(format!(
                "must be a whole number from {OLDEST_VERSION} to {SCHEMA_VERSION}"
            )));
        }
        None => return Err(version_path.fail("is missing")),
    };

    let o = Object::of(&doc, &root, TOP_FIELDS)?;
    o.req("exported_at", instant)?;
    let journal_id = if version == 1 {
        if map.contains_key("journal_id") {
            return Err(root
                .field("journal_id")
                .fail("is not part of schema version 1"));
        }
        None
    } else {
        Some(o.req("journal_id", |v, p| record_id(v, p).map(JournalId))?)
    };
    Ok(ImportFile {
        journal_id,
        settings: o.req("settings", settings)?,
        checkins: o.req("checkins", |v, p| {
            entries(v, p, |v, p| checkin(v, p, today))
        })?,
        reflections: o.req("reflections", |v, p| {
            entries(v, p, |v, p| reflection(v, p, today))
        })?,
    })
}
