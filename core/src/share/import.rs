//! The export document, read: checked whole, its first problem named by
//! its JSON path, before anything is written.

use std::collections::HashMap;
use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use crate::entries::checkin::{CLOSENESS_RANGE, CheckIn, Closeness, INTENSITY_RANGE, MOOD_RANGE};
use crate::entries::identity::JournalId;
use crate::entries::reflection::{Reflection, SAFETY_RANGE};
use crate::entries::settings::{Settings, WeekStart};
use crate::entries::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill, VocabKind, Who,
};
use crate::entries::{Author, Entry, MAX_REVISION, RecordId, Saved};
use crate::error::{Error, Result, invalid};
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

/// Where in the document a value sits, built from our own field names and
/// indices only, so a path never holds text from the file.
#[derive(Clone, Copy)]
pub(super) enum Path<'a> {
    Root,
    Field(&'a Path<'a>, &'static str),
    Item(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    pub(super) fn field(&'a self, name: &'static str) -> Path<'a> {
        Path::Field(self, name)
    }

    pub(super) fn item(&'a self, index: usize) -> Path<'a> {
        Path::Item(self, index)
    }

    /// The import error for a problem at this path.
    pub(super) fn fail(&self, reason: impl fmt::Display) -> Error {
        invalid(crate::error::Field::Import, format!("{self}: {reason}"))
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
    value
        .as_str()
        .and_then(RecordId::from_hex)
        .ok_or_else(|| path.fail("must be 32 hexadecimal digits"))
}

fn revision(value: &Value, path: &Path<'_>) -> Result<u32> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (1..=MAX_REVISION).contains(n))
        .ok_or_else(|| path.fail(format!("must be a whole number from 1 to {MAX_REVISION}")))
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
        Error::InvalidInput { field, reason } => path.field(field.code()).fail(reason),
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

/// A JSON value walked only to check that no object holds a key twice.
struct Unique;

/// The marker of the duplicate-key error, recognised in [`not_json_or_twice`].
const TWICE: &str = "a key appears twice in one object";

impl<'de> serde::Deserialize<'de> for Unique {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(UniqueVisitor)
    }
}

struct UniqueVisitor;

impl<'de> serde::de::Visitor<'de> for UniqueVisitor {
    type Value = Unique;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Unique, A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key) {
                return Err(serde::de::Error::custom(TWICE));
            }
            map.next_value::<Unique>()?;
        }
        Ok(Unique)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Unique, A::Error> {
        while seq.next_element::<Unique>()?.is_some() {}
        Ok(Unique)
    }

    fn visit_bool<E>(self, _: bool) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_i64<E>(self, _: i64) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_u64<E>(self, _: u64) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_f64<E>(self, _: f64) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_str<E>(self, _: &str) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
    fn visit_unit<E>(self) -> std::result::Result<Unique, E> {
        Ok(Unique)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
