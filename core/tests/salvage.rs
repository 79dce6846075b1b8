//! Backing up what is sound in a damaged journal: `backup_sound` leaves out
//! the records that do not open and anything planted in the schema, says
//! how many records it left out, and what it writes restores; the plain
//! backup of a damaged journal is refused and writes nothing.

mod common;

use common::*;
use rusqlite::Connection;
use tandem_core::{CheckIn, Error, Journal, Move, PartnerMove, Reflection, Saved};

const DAY_A: &str = "2026-03-02";
const DAY_B: &str = "2026-03-04";

fn checkin(d: &str, mood: u8) -> CheckIn {
    let mut c = CheckIn::new(day(d), mood, Move::Pursued, PartnerMove::Withdrew);
    c.note = format!("a note for {d}");
    c
}

/// A closed journal (device key and passphrase) holding check-ins on
/// [`DAY_A`] and [`DAY_B`] and a reflection for the week of `DAY_A`.
fn journal() -> (Fixture, Saved<CheckIn>, Saved<CheckIn>, Saved<Reflection>) {
    let (fx, mut j) = Fixture::new(Methods::Both);
    let a = j.save_checkin(checkin(DAY_A, 2)).unwrap();
    let b = j.save_checkin(checkin(DAY_B, 4)).unwrap();
    let mut r = Reflection::new(day(DAY_A));
    r.note = "what we noticed".into();
    let r = j.save_reflection(r).unwrap();
    drop(j);
    (fx, a, b, r)
}

/// Flips one bit of the check-in `id`'s ciphertext.
fn damage_record(conn: &Connection, id: &[u8]) {
    let mut sealed: Vec<u8> = conn
        .query_row("SELECT sealed FROM checkins WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap();
    sealed[5] ^= 0x01;
    conn.execute(
        "UPDATE checkins SET sealed = ?2 WHERE id = ?1",
        rusqlite::params![id, sealed],
    )
    .unwrap();
}

/// Restores `backup` into a fresh path beside it with the passphrase.
fn restored(fx: &Fixture, backup: &std::path::Path) -> Journal {
    let target = fx.dir.path().join("restored.tandem");
    Journal::restore(backup, &target, pass(PASSPHRASE), None, false)
        .expect("the salvaged backup restores")
        .with_clock(clock(TODAY))
}

#[test]
fn a_damaged_record_is_left_out_of_the_backup_and_the_rest_restores() {
    let (fx, a, b, r) = journal();
    damage_record(&fx.raw(), &a.id.0);
    let journal = fx.open_device();
    let dest = fx.dir.path().join("backup.tandem");
    // The plain backup would not restore: refused, nothing written.
    assert!(matches!(journal.backup(&dest), Err(Error::Corrupt)));
    assert!(!dest.exists());

    assert_eq!(journal.backup_sound(&dest).unwrap(), 1);
    let back = restored(&fx, &dest);
    assert_eq!(back.checkins(None, None).unwrap(), vec![b]);
    assert_eq!(back.reflections(None, None).unwrap(), vec![r]);
    assert!(back.health().unwrap().is_sound());
    // The journal itself is as it was: still one damaged record.
    assert_eq!(journal.health().unwrap().damaged, 1);
}

#[test]
fn a_planted_trigger_is_left_out_and_every_entry_is_kept() {
    let (fx, a, b, r) = journal();
    fx.raw()
        .execute_batch(
            "CREATE TRIGGER t AFTER DELETE ON checkins BEGIN
                 INSERT INTO meta (name, value) VALUES ('planted', x'00');
             END;
             CREATE VIEW v AS SELECT id FROM checkins;",
        )
        .unwrap();
    let journal = fx.open_damaged();
    let dest = fx.dir.path().join("backup.tandem");
    assert!(matches!(journal.backup(&dest), Err(Error::Corrupt)));
    assert_eq!(journal.backup_sound(&dest).unwrap(), 0);
    let back = restored(&fx, &dest);
    assert_eq!(back.checkins(None, None).unwrap(), vec![a, b]);
    assert_eq!(back.reflections(None, None).unwrap(), vec![r]);
    drop(back);
    let conn = Connection::open(fx.dir.path().join("restored.tandem")).unwrap();
    let planted: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type IN ('trigger', 'view')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(planted, 0);
}

#[test]
fn a_damaged_record_and_a_trigger_that_fires_on_deletes_together() {
    // The trigger would put every deleted row back; it goes first.
    let (fx, a, b, _) = journal();
    let conn = fx.raw();
    damage_record(&conn, &a.id.0);
    conn.execute_batch(
        "CREATE TRIGGER keep BEFORE DELETE ON checkins BEGIN SELECT RAISE(IGNORE); END;",
    )
    .unwrap();
    drop(conn);
    let journal = fx.open_damaged();
    let dest = fx.dir.path().join("backup.tandem");
    assert_eq!(journal.backup_sound(&dest).unwrap(), 1);
    assert_eq!(restored(&fx, &dest).checkins(None, None).unwrap(), vec![b]);
}

#[test]
fn rows_put_back_from_another_time_that_open_are_kept_in_step() {
    let (fx, a, _, _) = journal();
    let conn = fx.raw();
    let old: Vec<rusqlite::types::Value> = conn
        .query_row("SELECT * FROM checkins WHERE id = ?1", [&a.id.0], |r| {
            (0..7).map(|i| r.get(i)).collect()
        })
        .unwrap();
    drop(conn);
    let mut j = fx.open_device();
    let newer = j.save_checkin(checkin(DAY_A, 5)).unwrap();
    drop(j);
    let conn = fx.raw();
    conn.execute("DELETE FROM checkins WHERE id = ?1", [&a.id.0])
        .unwrap();
    conn.execute(
        "INSERT INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        rusqlite::params_from_iter(old.iter()),
    )
    .unwrap();
    drop(conn);
    assert!(matches!(fx.open(device(&DEVICE)), Err(Error::OutOfStep)));

    let journal = fx.open_damaged();
    let dest = fx.dir.path().join("backup.tandem");
    assert_eq!(journal.backup_sound(&dest).unwrap(), 0);
    // The backup holds what the file holds (the older revision), and
    // opens in step: the owner sees it and decides.
    let back = restored(&fx, &dest);
    let day_a = back.checkin(day(DAY_A)).unwrap().unwrap();
    assert_eq!((day_a.revision, day_a.value), (a.revision, a.value));
    assert_ne!(day_a.revision, newer.revision);
    assert!(back.health().unwrap().is_sound());
}

#[test]
fn a_sound_journal_is_backed_up_whole() {
    let (fx, a, b, r) = journal();
    let journal = fx.open_device();
    let dest = fx.dir.path().join("backup.tandem");
    assert_eq!(journal.backup_sound(&dest).unwrap(), 0);
    let back = restored(&fx, &dest);
    assert_eq!(back.checkins(None, None).unwrap(), vec![a, b]);
    assert_eq!(back.reflections(None, None).unwrap(), vec![r]);
}

#[test]
fn an_altered_table_cannot_be_salvaged_as_a_backup_and_nothing_is_written() {
    let (fx, ..) = journal();
    fx.raw()
        .execute_batch("ALTER TABLE checkins ADD COLUMN extra BLOB;")
        .unwrap();
    let journal = fx.open_damaged();
    let dest = fx.dir.path().join("backup.tandem");
    assert!(matches!(journal.backup_sound(&dest), Err(Error::Corrupt)));
    let names: Vec<String> = std::fs::read_dir(fx.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("backup"))
        .collect();
    assert!(names.is_empty(), "{names:?}");
    // What is sound still exports.
    let (_, left_out) = journal.export_sound_json().unwrap();
    assert_eq!(left_out, 0);
}

#[test]
fn an_existing_file_is_never_replaced() {
    let (fx, a, ..) = journal();
    damage_record(&fx.raw(), &a.id.0);
    let journal = fx.open_device();
    let dest = fx.dir.path().join("backup.tandem");
    std::fs::write(&dest, b"keep me").unwrap();
    assert!(matches!(
        journal.backup_sound(&dest),
        Err(Error::AlreadyExists)
    ));
    assert_eq!(std::fs::read(&dest).unwrap(), b"keep me");
}
