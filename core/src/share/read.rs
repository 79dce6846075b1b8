//! Reading one JSON value of an export: where it sits ([`Path`], built
//! from our own names so a message never holds the file's text), objects
//! checked against the fields the schema defines, and each kind of value.

use std::fmt;
use std::ops::RangeInclusive;

use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value};

use crate::entries::vocab::VocabKind;
use crate::entries::{Author, MAX_REVISION, RecordId};
use crate::error::{Error, Result, invalid};
use crate::share::SCHEMA_VERSION;

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
pub(super) struct Object<'v, 'p> {
    map: &'v Map<String, Value>,
    path: &'p Path<'p>,
}

impl<'v, 'p> Object<'v, 'p> {
    pub(super) fn of(value: &'v Value, path: &'p Path<'p>, known: &[&str]) -> Result<Self> {
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
    pub(super) fn req<T>(
        &self,
        name: &'static str,
        read: impl FnOnce(&'v Value, &Path<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = self.path.field(name);
        let value = self.map.get(name).ok_or_else(|| path.fail("is missing"))?;
        read(value, &path)
    }

    /// A field that may be left out or `null`.
    pub(super) fn opt<T>(
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
    pub(super) fn text_or_empty(&self, name: &'static str) -> Result<String> {
        match self.map.get(name) {
            None => Ok(String::new()),
            Some(value) => text(value, &self.path.field(name)).map(str::to_string),
        }
    }

    /// A list of vocabulary codes that may be left out (then empty); a code
    /// given twice is refused.
    pub(super) fn codes<T: Copy + PartialEq>(
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

pub(super) fn text<'v>(value: &'v Value, path: &Path<'_>) -> Result<&'v str> {
    value
        .as_str()
        .ok_or_else(|| path.fail("must be text (a JSON string)"))
}

pub(super) fn small_number(
    value: &Value,
    path: &Path<'_>,
    range: RangeInclusive<u8>,
) -> Result<u8> {
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

pub(super) fn code<T>(
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

pub(super) fn day(value: &Value, path: &Path<'_>) -> Result<NaiveDate> {
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

pub(super) fn instant(value: &Value, path: &Path<'_>) -> Result<DateTime<Utc>> {
    value
        .as_str()
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| {
            path.fail("must be a date and time in RFC 3339 form, such as 2026-03-10T12:00:00Z")
        })
}

pub(super) fn record_id(value: &Value, path: &Path<'_>) -> Result<RecordId> {
    value
        .as_str()
        .and_then(RecordId::from_hex)
        .ok_or_else(|| path.fail("must be 32 hexadecimal digits"))
}

pub(super) fn revision(value: &Value, path: &Path<'_>) -> Result<u32> {
    value
        .as_u64()
        .and_then(|n| u32::try_from(n).ok())
        .filter(|n| (1..=MAX_REVISION).contains(n))
        .ok_or_else(|| path.fail(format!("must be a whole number from 1 to {MAX_REVISION}")))
}

pub(super) fn author(value: &Value, path: &Path<'_>) -> Result<Author> {
    match value.as_str() {
        Some("me") => Ok(Author::Me),
        Some("partner") => Ok(Author::Partner),
        _ => Err(path.fail("must be me or partner")),
    }
}

/// Moves an entry's own validation error (`mood`, `note` …) under the
/// entry's path in the file.
pub(super) fn under(path: &Path<'_>, e: Error) -> Error {
    match e {
        Error::InvalidInput { field, reason } => path.field(field.code()).fail(reason),
        other => other,
    }
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
