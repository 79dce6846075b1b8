//! Tampering with the file through raw SQL: every altered byte or column of
//! a sealed record reads as `Error::Corrupt` (never as data, never as a
//! panic), and an altered key wrap never opens the journal.

mod common;

use common::*;
use rusqlite::{Connection, params};
use tandem_core::{CheckIn, Error, Journal, Move, PartnerMove, Reflection, Saved};

const NOTE: &str = "CANARY-tamper-5150 ✂️";
const DAY_A: &str = "2025-07-14";
const DAY_B: &str = "2025-07-15";

fn forbidden() -> [&'static str; 5] {
    [NOTE, "CANARY", DAY_A, DAY_B, "2025-07"]
}

fn checkin(d: &str) -> CheckIn {
    let mut c = CheckIn::new(day(d), 2, Move::Withdrew, PartnerMove::Pursued);
    c.note = NOTE.into();
    c.intensity = Some(6);
    c
}

/// A closed journal holding check-ins on [`DAY_A`] and [`DAY_B`] and a
/// reflection for the week of [`DAY_A`]; their saved forms.
fn two_day_journal() -> (Fixture, Saved<CheckIn>, Saved<CheckIn>, Saved<Reflection>) {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let a = journal.save_checkin(checkin(DAY_A)).unwrap();
    let b = journal.save_checkin(checkin(DAY_B)).unwrap();
    let mut r = Reflection::new(day(DAY_A));
    r.note = NOTE.into();
    let r = journal.save_reflection(r).unwrap();
    drop(journal);
    (fx, a, b, r)
}

fn get_blob(conn: &Connection, table: &str, column: &str, id: &[u8]) -> Vec<u8> {
    conn.query_row(
        &format!("SELECT {column} FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )
    .unwrap()
}

fn set_blob(conn: &Connection, table: &str, column: &str, id: &[u8], value: &[u8]) {
    let n = conn
        .execute(
            &format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"),
            params![value, id],
        )
        .unwrap();
    assert_eq!(n, 1, "one row updated");
}

fn set_int(conn: &Connection, table: &str, column: &str, id: &[u8], value: i64) {
    let n = conn
        .execute(
            &format!("UPDATE {table} SET {column} = ?1 WHERE id = ?2"),
            params![value, id],
        )
        .unwrap();
    assert_eq!(n, 1, "one row updated");
}

/// Asserts `result` is `Error::Corrupt`.
fn assert_corrupt<T: std::fmt::Debug>(result: Result<T, Error>, what: &str) {
    match result {
        Err(Error::Corrupt) => {}
        Err(e) => panic!("{what}: expected Corrupt, got {e:?}"),
        Ok(v) => panic!("{what}: expected Corrupt, read {v:?}"),
    }
}

/// Both ways of reading a day's check-in give Corrupt.
fn assert_checkin_reads_corrupt(journal: &Journal, d: &str, what: &str) {
    let one = journal.checkin(day(d));
    if let Err(e) = &one {
        assert_no_user_content(e, &forbidden());
    }
    assert_corrupt(one, &format!("checkin({d}) after {what}"));
    let all = journal.checkins(None, None);
    if let Err(e) = &all {
        assert_no_user_content(e, &forbidden());
    }
    assert_corrupt(all, &format!("checkins(None, None) after {what}"));
}

#[test]
fn every_flipped_byte_of_a_checkin_nonce_or_ciphertext_reads_as_corrupt() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let saved = journal.save_checkin(checkin(DAY_A)).unwrap();
    drop(journal);
    let id = saved.id.0;
    let conn = fx.raw();

    for column in ["nonce", "sealed"] {
        let original = get_blob(&conn, "checkins", column, &id);
        if column == "nonce" {
            assert_eq!(original.len(), 12, "a 96-bit nonce");
        } else {
            // The JSON is padded to a multiple of 64 bytes, then a 16-byte tag.
            assert_eq!(original.len() % 64, 16, "padded plaintext plus tag");
        }
        for i in 0..original.len() {
            for mask in [0x01u8, 0x80, 0xff] {
                let mut bad = original.clone();
                bad[i] ^= mask;
                set_blob(&conn, "checkins", column, &id, &bad);
                let journal = fx.open_device();
                assert_checkin_reads_corrupt(
                    &journal,
                    DAY_A,
                    &format!("{column}[{i}] ^= {mask:#04x}"),
                );
            }
            set_blob(&conn, "checkins", column, &id, &original);
        }
    }

    // Restored, it reads back as saved: the flips were the only cause.
    let journal = fx.open_device();
    assert_eq!(journal.checkin(day(DAY_A)).unwrap(), Some(saved.clone()));
    assert_eq!(journal.checkins(None, None).unwrap(), vec![saved]);
}

#[test]
fn a_truncated_extended_or_emptied_nonce_or_ciphertext_reads_as_corrupt() {
    let (fx, a, _b, _r) = two_day_journal();
    let id = a.id.0;
    let conn = fx.raw();
    for column in ["nonce", "sealed"] {
        let original = get_blob(&conn, "checkins", column, &id);
        let mut longer = original.clone();
        longer.push(0);
        let shapes: Vec<Vec<u8>> = vec![
            Vec::new(),
            original[..1].to_vec(),
            original[..original.len() - 1].to_vec(),
            longer,
            vec![0u8; original.len()],
        ];
        for (k, bad) in shapes.iter().enumerate() {
            set_blob(&conn, "checkins", column, &id, bad);
            let journal = fx.open_device();
            assert_checkin_reads_corrupt(&journal, DAY_A, &format!("{column} shape {k}"));
        }
        set_blob(&conn, "checkins", column, &id, &original);
    }
    assert_eq!(fx.open_device().checkin(day(DAY_A)).unwrap(), Some(a));
}

#[test]
fn a_ciphertext_moved_to_another_days_row_reads_as_corrupt() {
    let (fx, a, b, _r) = two_day_journal();
    let conn = fx.raw();
    let nonce_a = get_blob(&conn, "checkins", "nonce", &a.id.0);
    let sealed_a = get_blob(&conn, "checkins", "sealed", &a.id.0);
    // Both rows are revision 1 under the same key; only the id differs.
    set_blob(&conn, "checkins", "nonce", &b.id.0, &nonce_a);
    set_blob(&conn, "checkins", "sealed", &b.id.0, &sealed_a);

    let journal = fx.open_device();
    assert_checkin_reads_corrupt(&journal, DAY_B, "moving A's ciphertext into B's row");
    // A's own row is untouched and still reads.
    assert_eq!(journal.checkin(day(DAY_A)).unwrap(), Some(a));
}

#[test]
fn a_checkin_ciphertext_moved_into_the_reflections_table_reads_as_corrupt() {
    let (fx, a, _b, r) = two_day_journal();
    let conn = fx.raw();
    // Give the reflection row everything of the check-in's row but its tag:
    // same id, revision, nonce and ciphertext. Only the table differs.
    for column in ["nonce", "sealed", "id"] {
        let value = get_blob(&conn, "checkins", column, &a.id.0);
        set_blob(&conn, "reflections", column, &r.id.0, &value);
    }
    // The reflection row now carries another id: rows out of step.
    fx.assert_open_refused(&Error::OutOfStep, "a check-in's id in the reflections");
    let journal = fx.open_damaged();
    let one = journal.reflection(day(DAY_A));
    assert_corrupt(one, "reflection() holding a check-in's ciphertext");
    assert_corrupt(
        journal.reflections(None, None),
        "reflections() holding a check-in's ciphertext",
    );
    assert_eq!(journal.checkin(day(DAY_A)).unwrap(), Some(a));
}

#[test]
fn a_changed_revision_reads_as_corrupt() {
    let (fx, a, _b, _r) = two_day_journal();
    let conn = fx.raw();
    // Saved once: revision 1. Up and down are rows out of step with the
    // digest; negative and past u32 are no revision at all.
    for revision in [2i64, 0, -1, 1 << 32, (1 << 32) + 1, i64::MAX] {
        set_int(&conn, "checkins", "revision", &a.id.0, revision);
        let want = if (0..=2).contains(&revision) {
            Error::OutOfStep
        } else {
            Error::Corrupt
        };
        fx.assert_open_refused(&want, &format!("revision {revision}"));
        let journal = fx.open_damaged();
        assert_checkin_reads_corrupt(&journal, DAY_A, &format!("revision {revision}"));
    }
    set_int(&conn, "checkins", "revision", &a.id.0, 1);
    assert_eq!(fx.open_device().checkin(day(DAY_A)).unwrap(), Some(a));
}

#[test]
fn a_changed_id_format_or_key_id_reads_as_corrupt() {
    let (fx, a, _b, _r) = two_day_journal();
    let conn = fx.raw();

    let mut new_id = a.id.0;
    new_id[0] ^= 1;
    set_blob(&conn, "checkins", "id", &a.id.0, &new_id);
    fx.assert_open_refused(&Error::OutOfStep, "a changed id");
    assert_checkin_reads_corrupt(&fx.open_damaged(), DAY_A, "a changed id");
    set_blob(&conn, "checkins", "id", &new_id, &a.id.0);

    // Format 1 is still read, but this record was sealed as format 2.
    for format in [0i64, 1, 3, -1] {
        set_int(&conn, "checkins", "format", &a.id.0, format);
        assert_checkin_reads_corrupt(&fx.open_device(), DAY_A, &format!("format {format}"));
    }
    set_int(&conn, "checkins", "format", &a.id.0, 2);

    let key_id = get_blob(&conn, "checkins", "key_id", &a.id.0);
    assert_eq!(key_id.len(), 16);
    let mut bad = key_id.clone();
    bad[15] ^= 0x40;
    set_blob(&conn, "checkins", "key_id", &a.id.0, &bad);
    assert_checkin_reads_corrupt(&fx.open_device(), DAY_A, "a changed key id");
    set_blob(&conn, "checkins", "key_id", &a.id.0, &key_id);

    assert_eq!(fx.open_device().checkin(day(DAY_A)).unwrap(), Some(a));
}

/// Swaps two rows' tags, through a placeholder (the column is unique).
fn swap_tags(conn: &Connection, a: &[u8], b: &[u8]) {
    let tag_a = get_blob(conn, "checkins", "tag", a);
    let tag_b = get_blob(conn, "checkins", "tag", b);
    assert_ne!(tag_a, tag_b);
    set_blob(conn, "checkins", "tag", a, b"placeholder");
    set_blob(conn, "checkins", "tag", b, &tag_a);
    set_blob(conn, "checkins", "tag", a, &tag_b);
}

#[test]
fn swapped_tags_make_each_days_read_corrupt_and_no_save_replaces_either() {
    let (fx, a, b, _r) = two_day_journal();
    swap_tags(&fx.raw(), &a.id.0, &b.id.0);

    let journal = fx.open_device();
    for d in [DAY_A, DAY_B] {
        let one = journal.checkin(day(d));
        if let Err(e) = &one {
            assert_no_user_content(e, &forbidden());
        }
        assert_corrupt(one, &format!("checkin({d}) with swapped tags"));
    }
    // The tag is sealed in each record, so listing sees it too.
    assert_corrupt(journal.checkins(None, None), "checkins() with swapped tags");
    // A save of either day would replace the other day's row: refused, and
    // the file is as it was.
    drop(journal);
    let before = fx.snapshot();
    let mut journal = fx.open_device();
    for d in [DAY_A, DAY_B] {
        assert_corrupt(journal.save_checkin(checkin(d)), &format!("saving {d}"));
        assert_corrupt(journal.delete_checkin(day(d)), &format!("deleting {d}"));
    }
    drop(journal);
    assert_same_files(&before, &fx.snapshot());
    // Put back, both read as saved.
    swap_tags(&fx.raw(), &a.id.0, &b.id.0);
    assert_eq!(fx.open_device().checkins(None, None).unwrap(), vec![a, b]);
}

/// Sets one column of the passphrase wrap.
fn set_wrap_param(fx: &Fixture, column: &str, value: rusqlite::types::Value) {
    fx.raw()
        .execute(
            &format!("UPDATE key_wraps SET {column} = ?1 WHERE method = 'passphrase'"),
            [value],
        )
        .unwrap();
}

#[test]
fn a_raised_passphrase_kdf_cost_is_refused_before_any_key_work() {
    // Costs pushed past the caps would stall an unlock for hours (a stored
    // PBKDF2 count of 10,000,000 stalled each attempt about ten seconds):
    // refused as damage at once, never derived.
    use rusqlite::types::Value::{Integer, Text};
    let cases = [
        vec![("iterations", Integer(i64::from(u32::MAX)))],
        vec![("iterations", Integer(1_001))],
        vec![("memory_kib", Integer((1 << 18) + 1))],
        // 64 MiB at 13 passes: more than four times the product's work.
        vec![("memory_kib", Integer(65_536)), ("iterations", Integer(13))],
        vec![("lanes", Integer(9))],
        vec![
            ("kdf", Text("pbkdf2-sha256".into())),
            ("iterations", Integer(2_400_001)),
        ],
        vec![
            ("kdf", Text("pbkdf2-sha256".into())),
            ("iterations", Integer(10_000_000)),
        ],
        vec![("kdf", Text("scrypt".into()))],
    ];
    for case in cases {
        let (fx, _a, _b, _r) = two_day_journal();
        for (column, value) in &case {
            set_wrap_param(&fx, column, value.clone());
        }
        let before = std::fs::read(&fx.path).unwrap();
        assert!(
            matches!(fx.open(pass(PASSPHRASE)), Err(Error::Corrupt)),
            "{case:?}"
        );
        assert_eq!(std::fs::read(&fx.path).unwrap(), before, "{case:?}");
        assert!(fx.open(device(&DEVICE)).is_ok());
    }
}

#[test]
fn every_flipped_byte_of_a_reflection_ciphertext_reads_as_corrupt() {
    let (fx, _a, _b, r) = two_day_journal();
    let conn = fx.raw();
    let original = get_blob(&conn, "reflections", "sealed", &r.id.0);
    for i in 0..original.len() {
        let mut bad = original.clone();
        bad[i] ^= 0x20;
        set_blob(&conn, "reflections", "sealed", &r.id.0, &bad);
        let journal = fx.open_device();
        assert_corrupt(
            journal.reflection(day(DAY_A)),
            &format!("reflection sealed[{i}]"),
        );
        assert_corrupt(
            journal.reflections(None, None),
            &format!("reflections sealed[{i}]"),
        );
    }
    set_blob(&conn, "reflections", "sealed", &r.id.0, &original);
    assert_eq!(fx.open_device().reflection(day(DAY_A)).unwrap(), Some(r));
}

/// Sets one column of one key wrap.
fn set_wrap(conn: &Connection, method: &str, column: &str, value: &[u8]) {
    let n = conn
        .execute(
            &format!("UPDATE key_wraps SET {column} = ?1 WHERE method = ?2"),
            params![value, method],
        )
        .unwrap();
    assert_eq!(n, 1, "one wrap updated");
}

#[test]
fn a_flipped_byte_in_a_key_wrap_never_opens_the_journal() {
    let (fx, a, _b, _r) = two_day_journal();
    let conn = fx.raw();
    for method in ["device", "passphrase", "recovery"] {
        let unlock = || match method {
            "device" => device(&DEVICE),
            "passphrase" => pass(PASSPHRASE),
            _ => recovery(&fx.code),
        };
        for column in ["sealed", "nonce", "salt"] {
            let original: Vec<u8> = conn
                .query_row(
                    &format!("SELECT {column} FROM key_wraps WHERE method = ?1"),
                    [method],
                    |r| r.get(0),
                )
                .unwrap();
            let expected_len = match column {
                "sealed" => 32 + 16,
                "nonce" => 12,
                _ => 16,
            };
            assert_eq!(original.len(), expected_len, "{method} {column}");
            for i in 0..original.len() {
                let mut bad = original.clone();
                bad[i] ^= 0x04;
                set_wrap(&conn, method, column, &bad);
                match fx.open(unlock()) {
                    Err(Error::WrongKey | Error::Corrupt) => {}
                    Err(e) => panic!("{method} {column}[{i}]: {e:?}"),
                    Ok(_) => panic!("{method} {column}[{i}] flipped, yet the journal opened"),
                }
            }
            set_wrap(&conn, method, column, &original);
            // Restored, the method opens it again.
            let journal = fx.open(unlock()).unwrap();
            assert_eq!(journal.checkin(day(DAY_A)).unwrap(), Some(a.clone()));
        }
    }
}

#[test]
fn a_lowered_passphrase_kdf_cost_never_opens_the_journal() {
    // Stored as Argon2id, 8 KiB, one pass, one lane (the tests' cheap
    // setting); an attacker changing any of it to speed up guessing is caught.
    use rusqlite::types::Value::{Integer, Text};
    let (fx, _a, _b, _r) = two_day_journal();
    let changes = [
        ("iterations", Integer(0)),
        ("iterations", Integer(2)),
        ("iterations", Integer(-1)),
        ("memory_kib", Integer(7)),
        ("memory_kib", Integer(16)),
        ("lanes", Integer(0)),
        ("lanes", Integer(2)),
        ("kdf", Text("pbkdf2-sha256".into())),
    ];
    let restore = [
        ("iterations", Integer(1)),
        ("memory_kib", Integer(8)),
        ("lanes", Integer(1)),
        ("kdf", Text("argon2id".into())),
    ];
    for (column, value) in changes {
        set_wrap_param(&fx, column, value.clone());
        match fx.open(pass(PASSPHRASE)) {
            Err(Error::WrongKey | Error::Corrupt) => {}
            Err(e) => panic!("{column} = {value:?}: {e:?}"),
            Ok(_) => panic!("{column} = {value:?}: the journal opened"),
        }
        for (c, v) in &restore {
            set_wrap_param(&fx, c, v.clone());
        }
    }
    assert!(fx.open(pass(PASSPHRASE)).is_ok());
}

#[test]
fn a_changed_key_id_in_meta_never_opens_the_journal() {
    let (fx, _a, _b, _r) = two_day_journal();
    let conn = fx.raw();
    let key_id: Vec<u8> = conn
        .query_row("SELECT value FROM meta WHERE name = 'key_id'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(key_id.len(), 16);
    let mut bad = key_id.clone();
    bad[0] ^= 1;
    conn.execute("UPDATE meta SET value = ?1 WHERE name = 'key_id'", [&bad])
        .unwrap();
    for unlock in [device(&DEVICE), pass(PASSPHRASE), recovery(&fx.code)] {
        assert!(matches!(
            fx.open(unlock),
            Err(Error::WrongKey | Error::Corrupt)
        ));
    }
    conn.execute("DELETE FROM meta WHERE name = 'key_id'", [])
        .unwrap();
    assert!(matches!(fx.open(device(&DEVICE)), Err(Error::Corrupt)));
}

/// The journal's files without SQLite's shared-memory index.
fn files_of(fx: &Fixture) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut s = fx.snapshot();
    s.retain(|name, _| !name.ends_with("-shm"));
    s
}

#[test]
fn a_planted_trigger_view_or_index_keeps_the_journal_from_opening_and_changes_nothing() {
    let plants = [
        (
            "a trigger that drops every save",
            "CREATE TRIGGER t AFTER INSERT ON checkins BEGIN DELETE FROM checkins; END;",
        ),
        (
            "a trigger that undoes a passphrase change",
            "CREATE TRIGGER w BEFORE DELETE ON key_wraps BEGIN SELECT RAISE(IGNORE); END;",
        ),
        ("a view", "CREATE VIEW v AS SELECT id FROM checkins;"),
        ("an index", "CREATE INDEX i ON checkins (revision);"),
        ("a table", "CREATE TABLE extra (x BLOB) STRICT;"),
    ];
    for (what, sql) in plants {
        let (fx, a, _, _) = two_day_journal();
        fx.raw().execute_batch(sql).unwrap();
        let before = files_of(&fx);
        for unlock in [device(&DEVICE), pass(PASSPHRASE)] {
            assert_corrupt(fx.open(unlock), what);
            assert_same_files(&before, &files_of(&fx));
        }
        // Taken out again, the journal opens with its entries.
        let conn = fx.raw();
        let name: String = conn
            .query_row(
                "SELECT name FROM sqlite_schema WHERE name IN ('t', 'w', 'v', 'i', 'extra')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        let kind = match name.as_str() {
            "t" | "w" => "TRIGGER",
            "v" => "VIEW",
            "i" => "INDEX",
            _ => "TABLE",
        };
        conn.execute_batch(&format!("DROP {kind} {name};")).unwrap();
        drop(conn);
        let journal = fx.open_device();
        assert_eq!(journal.checkin(day(DAY_A)).unwrap(), Some(a), "{what}");
    }
}

#[test]
fn the_health_check_counts_damaged_records_and_sees_a_damaged_file() {
    let (fx, a, _, _) = two_day_journal();
    let journal = fx.open_device();
    let sound = journal.health().unwrap();
    // Two check-ins, a reflection and the journal's identity.
    assert_eq!((sound.file_whole, sound.sound, sound.damaged), (true, 4, 0));
    assert!(sound.is_sound());
    drop(journal);

    // One altered ciphertext: one damaged record, the rest still sound.
    let conn = fx.raw();
    let mut sealed = get_blob(&conn, "checkins", "sealed", &a.id.0);
    sealed[3] ^= 0x40;
    set_blob(&conn, "checkins", "sealed", &a.id.0, &sealed);
    drop(conn);
    let health = fx.open_device().health().unwrap();
    assert_eq!(
        (health.file_whole, health.sound, health.damaged),
        (true, 3, 1)
    );
    assert!(!health.is_sound());

    // Tags swapped between two rows: both sit under the wrong tag.
    let (fx, a, b2, _) = two_day_journal();
    let conn = fx.raw();
    let ta = get_blob(&conn, "checkins", "tag", &a.id.0);
    let tb = get_blob(&conn, "checkins", "tag", &b2.id.0);
    set_blob(&conn, "checkins", "tag", &a.id.0, &[0u8; 16]);
    set_blob(&conn, "checkins", "tag", &b2.id.0, &ta);
    set_blob(&conn, "checkins", "tag", &a.id.0, &tb);
    drop(conn);
    let health = fx.open_device().health().unwrap();
    assert_eq!((health.sound, health.damaged), (2, 2));
}

#[test]
fn what_is_sound_in_a_damaged_journal_can_still_be_exported_and_imported() {
    let (fx, a, b, r) = two_day_journal();
    let conn = fx.raw();
    let mut sealed = get_blob(&conn, "checkins", "sealed", &a.id.0);
    sealed[1] ^= 0x01;
    set_blob(&conn, "checkins", "sealed", &a.id.0, &sealed);
    drop(conn);
    let journal = fx.open_device();
    assert_corrupt(journal.export_json(), "the export of a damaged journal");
    let (text, left_out) = journal.export_sound_json().unwrap();
    assert_eq!(left_out, 1);
    assert!(!text.contains(&a.id.to_string()));
    assert!(text.contains(&b.id.to_string()) && text.contains(&r.id.to_string()));
    // The sound part imports into a new journal whole.
    let (_fresh_fx, mut fresh) = Fixture::new(Methods::DeviceOnly);
    let report = fresh.import_json(&text).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(fresh.checkin(day(DAY_B)).unwrap().unwrap().value, b.value);
    // A sound journal's sound export is its export.
    let (fx2, ..) = two_day_journal();
    let whole = fx2.open_device();
    let (sound, none_left) = whole.export_sound_json().unwrap();
    assert_eq!((sound, none_left), (whole.export_json().unwrap(), 0));
}

#[test]
fn one_bad_record_never_hides_the_rest_of_a_readable_listing() {
    let (fx, a, b, r) = two_day_journal();
    let conn = fx.raw();
    let mut sealed = get_blob(&conn, "checkins", "sealed", &a.id.0);
    sealed[2] ^= 0x10;
    set_blob(&conn, "checkins", "sealed", &a.id.0, &sealed);
    drop(conn);
    let journal = fx.open_device();
    // The plain listing refuses; the readable one gives the rest and says
    // how many were left out.
    assert_corrupt(journal.checkins(None, None), "checkins() with a bad record");
    let read = journal
        .readable_checkins(tandem_core::Author::Me, None, None)
        .unwrap();
    assert_eq!((read.items, read.skipped), (vec![b.clone()], 1));
    // A range holding only the bad day gives nothing, and still the count.
    let only_a = journal
        .readable_checkins(tandem_core::Author::Me, Some(day(DAY_A)), Some(day(DAY_A)))
        .unwrap();
    assert_eq!((only_a.items.len(), only_a.skipped), (0, 1));
    let none_of_theirs = journal
        .readable_checkins(tandem_core::Author::Partner, None, None)
        .unwrap();
    assert!(none_of_theirs.items.is_empty());
    // The reflections are untouched.
    let refl = journal
        .readable_reflections(tandem_core::Author::Me, None, None)
        .unwrap();
    assert_eq!((refl.items, refl.skipped), (vec![r], 0));
}
