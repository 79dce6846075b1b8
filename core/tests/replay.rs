//! Rows from another time, and pages that hide rows: an older revision, a
//! deleted entry or a row of an old backup put back is refused at open as
//! `Error::OutOfStep`; a damaged page header as `Error::Corrupt`. Either
//! way the file is left as it was, and `open_damaged` still reads what is
//! sound while refusing every write.

mod common;

use common::*;
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};
use tandem_core::{CheckIn, Error, Journal, Move, PartnerMove};

const DAY_A: &str = "2025-07-14";
const DAY_B: &str = "2025-07-15";

fn checkin(d: &str, mood: u8) -> CheckIn {
    CheckIn::new(day(d), mood, Move::Withdrew, PartnerMove::Pursued)
}

/// Every column of the check-in row with `id`, as stored.
fn row(conn: &Connection, id: &[u8]) -> Vec<Value> {
    conn.query_row("SELECT * FROM checkins WHERE id = ?1", [id], |r| {
        (0..7).map(|i| r.get(i)).collect()
    })
    .unwrap()
}

/// Writes `row` into the check-ins table, replacing the row with its id.
fn put_back(conn: &Connection, row: &[Value]) {
    conn.execute(
        "INSERT OR REPLACE INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params_from_iter(row),
    )
    .unwrap();
}

/// Asserts that the journal refuses to open as `want`, unchanged, and that
/// opened to salvage it says so, reads the rest and refuses every write.
fn assert_found(fx: &Fixture, want: Error, readable: usize) {
    fx.assert_open_refused(&want, &format!("{want:?}"));
    let mut journal = fx.open_damaged();
    let health = journal.health().unwrap();
    match want {
        Error::OutOfStep => assert!(!health.rows_in_step && health.file_whole),
        _ => assert!(!health.file_whole),
    }
    assert!(!health.is_sound());
    assert_eq!(journal.checkins(None, None).unwrap().len(), readable);
    let before = std::fs::read(&fx.path).unwrap();
    for result in [
        journal.save_checkin(checkin(DAY_B, 5)).map(|_| ()),
        journal.delete_checkin(day(DAY_B)),
        journal.set_passphrase(None),
    ] {
        assert_eq!(
            result.unwrap_err().to_string(),
            want.to_string(),
            "a write to a salvaged journal"
        );
    }
    drop(journal);
    assert_eq!(std::fs::read(&fx.path).unwrap(), before);
}

/// A journal with check-ins on [`DAY_A`] and [`DAY_B`], where `change`
/// then writes over the first, whose row as first saved is put back.
fn with_first_row_put_back(change: impl FnOnce(&mut Journal)) -> Fixture {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let a = journal.save_checkin(checkin(DAY_A, 1)).unwrap();
    journal.save_checkin(checkin(DAY_B, 2)).unwrap();
    drop(journal);
    let first = row(&fx.raw(), &a.id.0);
    let mut journal = fx.open_device();
    change(&mut journal);
    drop(journal);
    put_back(&fx.raw(), &first);
    fx
}

#[test]
fn an_older_revision_put_back_is_refused_at_open() {
    let fx = with_first_row_put_back(|j| {
        assert_eq!(j.save_checkin(checkin(DAY_A, 4)).unwrap().revision, 2);
    });
    assert_found(&fx, Error::OutOfStep, 2);
}

#[test]
fn a_deleted_entry_put_back_is_refused_at_open() {
    let fx = with_first_row_put_back(|j| j.delete_checkin(day(DAY_A)).unwrap());
    assert_found(&fx, Error::OutOfStep, 2);
}

#[test]
fn a_row_from_an_old_backup_put_back_is_refused_at_open() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let a = journal.save_checkin(checkin(DAY_A, 1)).unwrap();
    journal.save_checkin(checkin(DAY_B, 2)).unwrap();
    let backup = fx.dir.path().join("old.backup");
    journal.backup(&backup).unwrap();
    journal.save_checkin(checkin(DAY_A, 3)).unwrap();
    drop(journal);
    let old = row(&Connection::open(&backup).unwrap(), &a.id.0);
    put_back(&fx.raw(), &old);
    assert_found(&fx, Error::OutOfStep, 2);
}

#[test]
fn the_whole_file_put_back_is_not_detected_as_the_readme_says() {
    // The digest travels with the rows: a whole older copy is consistent
    // with itself. This is the limit the README states.
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    journal.save_checkin(checkin(DAY_A, 1)).unwrap();
    drop(journal);
    let old = std::fs::read(&fx.path).unwrap();
    let mut journal = fx.open_device();
    journal.save_checkin(checkin(DAY_A, 5)).unwrap();
    drop(journal);
    std::fs::write(&fx.path, old).unwrap();
    let journal = fx.open_device();
    assert_eq!(journal.checkin(day(DAY_A)).unwrap().unwrap().value.mood, 1);
}

#[test]
fn a_page_header_that_hides_a_row_is_refused_at_open() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    journal.save_checkin(checkin(DAY_A, 1)).unwrap();
    journal.save_checkin(checkin(DAY_B, 2)).unwrap();
    journal.save_checkin(checkin("2025-07-16", 3)).unwrap();
    drop(journal);
    let (root, page_size): (i64, i64) = {
        let conn = fx.raw();
        let root = conn
            .query_row(
                "SELECT rootpage FROM sqlite_schema WHERE name = 'checkins'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let size = conn
            .pragma_query_value(None, "page_size", |r| r.get(0))
            .unwrap();
        (root, size)
    };
    // Three small rows fit in the root page, a leaf: its header's cell
    // count (two bytes at offset 3) goes from 3 to 2, hiding the last row.
    let mut bytes = std::fs::read(&fx.path).unwrap();
    let at = usize::try_from((root - 1) * page_size).unwrap();
    assert_eq!(bytes[at], 0x0a, "a leaf page of an index b-tree");
    assert_eq!(&bytes[at + 3..at + 5], &[0, 3]);
    bytes[at + 4] = 2;
    std::fs::write(&fx.path, &bytes).unwrap();
    // Before this check, every read went on without the hidden row.
    assert_found(&fx, Error::Corrupt, 2);
    let journal = Journal::open_damaged(&fx.path, device(&DEVICE)).unwrap();
    let (_, left_out) = journal.export_sound_json().unwrap();
    assert_eq!(left_out, 0, "the hidden row is not seen as a record at all");
}
