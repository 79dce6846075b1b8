//! Files that are not journals this build may open: a newer version, a
//! file that is not SQLite, someone else's SQLite database, a truncated
//! journal, a missing path, and creating over an existing file. Each gives
//! a typed error and leaves every byte on disk as it was.

mod common;

use std::path::Path;

use common::*;
use tandem_core::{CheckIn, CreateOptions, Error, Journal, Move, PartnerMove, Passphrase};

const NOTE: &str = "CANARY-files-2718 🗂️";
const NOTE_DAY: &str = "2025-09-30";

fn closed_journal() -> Fixture {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let mut c = CheckIn::new(day(NOTE_DAY), 3, Move::Both, PartnerMove::Both);
    c.note = NOTE.into();
    journal.save_checkin(c).unwrap();
    drop(journal);
    fx
}

fn forbidden() -> [&'static str; 5] {
    [NOTE, "CANARY", NOTE_DAY, "20250930", PASSPHRASE]
}

/// Every unlock method a test might try; none may open a non-journal.
fn every_unlock(code: &str) -> Vec<tandem_core::Unlock> {
    vec![device(&DEVICE), pass(PASSPHRASE), recovery(code)]
}

fn options() -> CreateOptions {
    CreateOptions {
        device_key: Some(tandem_core::DeviceKey::from_bytes(&DEVICE).unwrap()),
        passphrase: Some(Passphrase::new(PASSPHRASE).unwrap()),
        kdf: TEST_KDF,
    }
}

fn try_create(path: &Path) -> Error {
    match Journal::create(path, options()) {
        Err(e) => e,
        Ok(_) => panic!("create succeeded over an existing file"),
    }
}

#[test]
fn a_journal_from_a_newer_version_is_refused_and_left_byte_for_byte_unchanged() {
    let fx = closed_journal();
    {
        let conn = fx.raw();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .unwrap();
        conn.close().map_err(|(_, e)| e).unwrap();
    }
    let before = fx.snapshot();
    assert_eq!(
        before.len(),
        1,
        "only the database file is left: {:?}",
        before.keys()
    );

    for unlock in every_unlock(&fx.code) {
        let err = fx.open(unlock).unwrap_err();
        match err {
            // This build writes and reads format 3.
            Error::NewerVersion { found, supported } => assert_eq!((found, supported), (99, 4)),
            ref other => panic!("expected NewerVersion, got {other:?}"),
        }
        assert_no_user_content(&err, &forbidden());
        assert_same_files(&before, &fx.snapshot());
    }
    // A wrong key gets the same answer: the version is checked first.
    let err = fx.open(pass(OTHER_PASSPHRASE)).unwrap_err();
    assert!(
        matches!(err, Error::NewerVersion { found: 99, .. }),
        "{err:?}"
    );
    assert_same_files(&before, &fx.snapshot());

    // The file is still the journal it was: put the version back and it opens.
    let conn = fx.raw();
    conn.pragma_update(None, "user_version", 4).unwrap();
    drop(conn);
    let journal = fx.open_device();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_not_a_journal_and_is_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let contents: [(&str, Vec<u8>); 4] = [
        (
            "text.tandem",
            format!("{NOTE} on {NOTE_DAY}\n").repeat(300).into_bytes(),
        ),
        (
            "random.tandem",
            (0..8192u32)
                .map(|i| (i.wrapping_mul(2_654_435_761) >> 13).to_le_bytes()[0])
                .collect(),
        ),
        // Starts like SQLite but the header is wrong after the magic string.
        ("header.tandem", {
            let mut b = b"SQLite format 3\0".to_vec();
            b.resize(4096, 0xee);
            b
        }),
        ("zeros.tandem", vec![0u8; 4096]),
    ];
    for (name, bytes) in &contents {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let before = snapshot(dir.path());
    for (name, _) in &contents {
        let path = dir.path().join(name);
        for unlock in [device(&DEVICE), pass(PASSPHRASE)] {
            let err = Journal::open(&path, unlock).unwrap_err();
            assert!(matches!(err, Error::NotAJournal), "{name}: {err:?}");
            assert_no_user_content(&err, &forbidden());
        }
        assert_same_files(&before, &snapshot(dir.path()));
    }
}

#[test]
fn an_empty_file_is_not_a_journal_and_stays_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.tandem");
    std::fs::write(&path, b"").unwrap();
    let err = Journal::open(&path, device(&DEVICE)).unwrap_err();
    assert!(matches!(err, Error::NotAJournal), "{err:?}");
    let after = snapshot(dir.path());
    assert_eq!(after.keys().collect::<Vec<_>>(), ["empty.tandem"]);
    assert_eq!(after["empty.tandem"].len(), 0);
}

#[test]
fn a_foreign_sqlite_database_is_not_a_journal_and_is_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    // A rollback-journal database and a WAL one, both with a plain table.
    for (name, wal) in [("notes.db", false), ("notes-wal.db", true)] {
        let conn = rusqlite::Connection::open(dir.path().join(name)).unwrap();
        if wal {
            conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        }
        conn.execute_batch(
            "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('shopping list');",
        )
        .unwrap();
        conn.close().map_err(|(_, e)| e).unwrap();
    }
    // One with a schema version but no application id.
    let conn = rusqlite::Connection::open(dir.path().join("versioned.db")).unwrap();
    conn.execute_batch("CREATE TABLE checkins (id BLOB); PRAGMA user_version = 1;")
        .unwrap();
    drop(conn);
    // One with Tandem's application id but no schema version: not finished.
    let conn = rusqlite::Connection::open(dir.path().join("unfinished.db")).unwrap();
    conn.execute_batch("PRAGMA application_id = 1416520813; CREATE TABLE t (x);")
        .unwrap();
    drop(conn);

    let before = snapshot(dir.path());
    assert_eq!(before.len(), 4, "{:?}", before.keys());
    for name in ["notes.db", "notes-wal.db", "versioned.db", "unfinished.db"] {
        let err = Journal::open(dir.path().join(name), pass(PASSPHRASE)).unwrap_err();
        assert!(matches!(err, Error::NotAJournal), "{name}: {err:?}");
        assert_no_user_content(&err, &["shopping list"]);
        assert_same_files(&before, &snapshot(dir.path()));
    }
}

#[test]
fn a_truncated_journal_gives_a_typed_error_and_is_left_unchanged() {
    let fx = closed_journal();
    let whole = std::fs::read(&fx.path).unwrap();
    let page = 4096;
    assert!(
        whole.len() >= 3 * page,
        "a journal of several pages ({} bytes)",
        whole.len()
    );
    let dir = tempfile::tempdir().unwrap();
    for len in [
        50,
        100,
        page - 1,
        page,
        page + 1,
        whole.len() / 2,
        whole.len() - page,
    ] {
        let path = dir.path().join(format!("cut-{len}.tandem"));
        std::fs::write(&path, &whole[..len]).unwrap();
        let before = snapshot(dir.path());
        for unlock in every_unlock(&fx.code) {
            match Journal::open(&path, unlock) {
                Err(Error::Corrupt | Error::NotAJournal) => {}
                Err(e) => panic!("cut to {len} bytes: {e:?}"),
                Ok(j) => {
                    // Opening may succeed if the cut spared every page it
                    // reads; the records must then fail, not come back wrong.
                    let read = j.checkins(None, None);
                    assert!(
                        matches!(read, Err(Error::Corrupt)),
                        "cut to {len} bytes, a read gave {read:?}"
                    );
                }
            }
        }
        assert_same_files(&before, &snapshot(dir.path()));
    }
}

#[test]
fn opening_a_missing_path_is_not_found_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-journal.tandem");
    for unlock in [device(&DEVICE), pass(PASSPHRASE)] {
        let err = Journal::open(&missing, unlock).unwrap_err();
        assert!(matches!(err, Error::NotFound(_)), "{err:?}");
        assert_no_user_content(&err, &["no-such-journal"]);
    }
    // Also inside a folder that does not exist, and a folder in place of a file.
    let deeper = dir.path().join("nowhere").join("journal.tandem");
    assert!(matches!(
        Journal::open(&deeper, device(&DEVICE)),
        Err(Error::NotFound(_))
    ));
    assert!(matches!(
        Journal::open(dir.path(), device(&DEVICE)),
        Err(Error::NotFound(_))
    ));
    assert!(snapshot(dir.path()).is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn creating_over_an_existing_journal_or_file_is_already_exists_and_leaves_it_unchanged() {
    let fx = closed_journal();
    let other = fx.dir.path().join("notes.txt");
    std::fs::write(&other, "not a journal").unwrap();
    let empty = fx.dir.path().join("empty.tandem");
    std::fs::write(&empty, b"").unwrap();
    let before = fx.snapshot();
    for path in [&fx.path, &other, &empty] {
        let err = try_create(path);
        assert!(matches!(err, Error::AlreadyExists), "{err:?}");
        assert_no_user_content(&err, &forbidden());
        // No temporary file is left beside it either.
        assert_same_files(&before, &fx.snapshot());
    }
    let journal = fx.open(recovery(&fx.code)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn creating_leaves_only_the_journal_file_once_it_is_closed() {
    let (fx, mut journal) = Fixture::new(Methods::PassphraseOnly);
    journal
        .save_checkin(CheckIn::new(
            day(NOTE_DAY),
            3,
            Move::Both,
            PartnerMove::Both,
        ))
        .unwrap();
    drop(journal);
    let files = fx.snapshot();
    assert_eq!(files.keys().collect::<Vec<_>>(), ["journal.tandem"]);
    assert_eq!(&files["journal.tandem"][..16], b"SQLite format 3\0");
    // PRAGMA application_id sits big-endian at offset 68: "Tndm".
    assert_eq!(&files["journal.tandem"][68..72], b"Tndm");
    // PRAGMA user_version at offset 60: 4.
    assert_eq!(&files["journal.tandem"][60..64], &[0, 0, 0, 4]);
}
