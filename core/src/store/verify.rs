//! Checks of a whole file before it is trusted: the header, the schema
//! (exactly this build's), SQLite's integrity check, and every record of
//! every kind opened and found under its own tag.

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::sync::OnceLock;

use rusqlite::{Connection, OptionalExtension};

use crate::entries::KINDS;
use crate::error::{Error, Result};
use crate::store::backup::{BACKUP_KIND, KIND};
use crate::store::open_rw;
use crate::store::restore::close;
use crate::store::{Journal, schema};

/// Checks, before any key work, that the file at `path` is a backup this
/// build reads and that SQLite finds it whole.
pub(crate) fn check_backup_file(path: &Path) -> Result<()> {
    let conn = open_rw(path)?;
    let version = schema::check_version(&conn)?;
    check_header(path)?;
    // Before any statement of the store touches a table: a backup of this
    // version must have exactly this build's schema. (An older backup is
    // checked once opening it has upgraded it.)
    if version == schema::CURRENT_VERSION {
        check_schema(&conn)?;
    }
    let has_meta: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_schema WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get(0),
    )?;
    if !has_meta {
        return Err(Error::Corrupt);
    }
    let kind: Option<Vec<u8>> = conn
        .query_row("SELECT value FROM meta WHERE name = ?1", [KIND], |r| {
            r.get(0)
        })
        .optional()?;
    if kind.as_deref() != Some(BACKUP_KIND) {
        return Err(Error::NotABackup);
    }
    // A cut-off file whose last page ends in zero bytes would still read
    // back; its length says it was cut (and appended bytes show up too).
    let page_size: u32 = conn.pragma_query_value(None, "page_size", |r| r.get(0))?;
    let pages: u32 = conn.pragma_query_value(None, "page_count", |r| r.get(0))?;
    if u64::from(page_size) * u64::from(pages) != std::fs::metadata(path)?.len() {
        return Err(Error::Corrupt);
    }
    let report: Vec<String> = conn
        .prepare("PRAGMA integrity_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if report != ["ok"] {
        return Err(Error::Corrupt);
    }
    close(conn)
}

/// SQLite's `PRAGMA quick_check`: every page and cell count, without the
/// index-against-table cross-check of `integrity_check`. A damaged page
/// header that would hide rows is [`Error::Corrupt`].
pub(crate) fn quick_check(conn: &Connection) -> Result<()> {
    let report: Vec<String> = conn
        .prepare("PRAGMA quick_check")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if report != ["ok"] {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// Checks the fields of SQLite's 100-byte file header that SQLite would
/// otherwise report as an unsupported file or a read-only one: the file
/// format versions (1 rollback, 2 WAL) and the schema format (1 to 4).
fn check_header(path: &Path) -> Result<()> {
    let mut header = [0u8; 100];
    File::open(path)?
        .read_exact(&mut header)
        .map_err(|_| Error::Corrupt)?;
    let schema_format = u32::from_be_bytes([header[44], header[45], header[46], header[47]]);
    if !(1..=2).contains(&header[18])
        || !(1..=2).contains(&header[19])
        || !(1..=4).contains(&schema_format)
    {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// Checks that the schema (every table and index, with its SQL) is exactly
/// the one this build lays out; an opened backup of an older version has
/// been upgraded to it by then. Altered schema text means a damaged file.
pub(crate) fn check_schema(conn: &Connection) -> Result<()> {
    if schema_rows(conn)? != *expected_schema()? {
        return Err(Error::Corrupt);
    }
    Ok(())
}

/// Drops every trigger, view, index and table in the schema that this
/// build does not lay out (found by type and name; SQLite's own objects
/// are left for [`check_schema`] to judge). For a salvage copy, never the
/// journal itself.
pub(crate) fn drop_planted(conn: &Connection) -> Result<()> {
    let expected: Vec<(&[u8], &[u8])> = expected_schema()?
        .iter()
        .map(|(kind, name, _, _)| (kind.as_slice(), name.as_slice()))
        .collect();
    let planted: Vec<(String, String)> = schema_rows(conn)?
        .into_iter()
        .filter(|(kind, name, _, _)| {
            !expected.contains(&(kind.as_slice(), name.as_slice())) && !name.starts_with(b"sqlite_")
        })
        .filter_map(|(kind, name, _, _)| {
            Some((String::from_utf8(kind).ok()?, String::from_utf8(name).ok()?))
        })
        .collect();
    for (kind, name) in planted {
        let kind = match kind.as_str() {
            "trigger" => "TRIGGER",
            "view" => "VIEW",
            "index" => "INDEX",
            "table" => "TABLE",
            _ => continue,
        };
        let quoted = name.replace('"', "\"\"");
        conn.execute_batch(&format!("DROP {kind} IF EXISTS \"{quoted}\""))?;
    }
    Ok(())
}

/// The schema this build lays out, made once per process in memory.
fn expected_schema() -> Result<&'static Vec<SchemaRow>> {
    static EXPECTED: OnceLock<Vec<SchemaRow>> = OnceLock::new();
    if let Some(rows) = EXPECTED.get() {
        return Ok(rows);
    }
    let mut fresh = Connection::open_in_memory()?;
    schema::init(&mut fresh, |_| Ok(()))?;
    let rows = schema_rows(&fresh)?;
    Ok(EXPECTED.get_or_init(|| rows))
}

/// A schema row as bytes: an altered file need not hold valid UTF-8 there.
type SchemaRow = (Vec<u8>, Vec<u8>, Vec<u8>, Option<Vec<u8>>);

fn schema_rows(conn: &Connection) -> Result<Vec<SchemaRow>> {
    let mut stmt = conn.prepare(
        "SELECT CAST(type AS BLOB), CAST(name AS BLOB), CAST(tbl_name AS BLOB),
                CAST(sql AS BLOB)
         FROM sqlite_schema ORDER BY 1, 2",
    )?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// Opens every record of every kind and checks that each row sits under
/// the keyed tag of its own author and natural key.
pub(crate) fn verify_records(journal: &Journal) -> Result<()> {
    KINDS.iter().try_for_each(|kind| (kind.verify)(journal))
}
