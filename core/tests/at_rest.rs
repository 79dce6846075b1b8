//! No plaintext at rest: the database, its WAL and shared-memory files hold
//! no note text, no calendar date of any entry, no passphrase or recovery
//! code, and no field name or code of the serialised records, neither
//! while the journal is open nor after it is closed.

mod common;

use std::collections::BTreeMap;

use common::*;
use tandem_core::{
    Behaviour, CheckIn, Closeness, ClosenessWord, Feeling, Move, PartnerMove, Reflection, Repair,
    Skill, Who,
};

const ASCII_CANARY: &str = "CANARY-zebra-4821";
const UNICODE_CANARY: &str = "Ωμέγα-жираф-🦓-زرافة-ג׳ירפה-e\u{0301}";
const EDITED_CANARY: &str = "CANARY-okapi-1357";
const NEEDING_SPACE_CANARY: &str = "CANARY-heron-3377";
const REFLECTION_NOTE_CANARY: &str = "CANARY-lynx-9090 🐈";

/// Days of the saved check-ins: distinctive and not near the clock's day.
const CHECKIN_DAYS: [&str; 3] = ["2025-03-17", "2024-02-29", "2023-11-05"];
/// A Wednesday; its reflection is stored under Monday 2025-06-16.
const REFLECTION_DAY: &str = "2025-06-18";
const REFLECTION_MONDAY: &str = "2025-06-16";

/// Everything that must not appear in any file, as bytes.
fn needles(code: &str) -> Vec<(String, Vec<u8>)> {
    let mut text: Vec<String> = vec![
        ASCII_CANARY.into(),
        UNICODE_CANARY.into(),
        // Parts of the Unicode canary on their own.
        "Ωμέγα".into(),
        "жираф".into(),
        "🦓".into(),
        "زرافة".into(),
        EDITED_CANARY.into(),
        NEEDING_SPACE_CANARY.into(),
        REFLECTION_NOTE_CANARY.into(),
        "CANARY".into(),
        PASSPHRASE.into(),
        code.into(),
        code.replace('-', ""),
        // The save time of every entry: noon UTC on the clock's day.
        TODAY.into(),
        TODAY.replace('-', ""),
        "T12:00:00".into(),
        // Field names and codes of the serialised records.
        "my_move".into(),
        "partner_move".into(),
        "behaviours".into(),
        "feelings".into(),
        "closeness".into(),
        "saved_at".into(),
        "week_start".into(),
        "needing_space".into(),
        "raises_concerns".into(),
        "raise_concern".into(),
        "walk_away".into(),
        "overwhelmed".into(),
        "break_and_return".into(),
        "reconnected".into(),
        "mechanical".into(),
        "withdrew".into(),
    ];
    for d in CHECKIN_DAYS
        .iter()
        .chain([&REFLECTION_DAY, &REFLECTION_MONDAY])
    {
        text.push(d.to_string());
        text.push(d.replace('-', ""));
    }
    text.into_iter()
        .map(|t| {
            let bytes = t.as_bytes().to_vec();
            (t, bytes)
        })
        .collect()
}

fn assert_no_needle(files: &BTreeMap<String, Vec<u8>>, code: &str, when: &str) {
    for (name, bytes) in files {
        for (text, needle) in needles(code) {
            assert!(!contains(bytes, &needle), "{when}: {name} holds {text:?}");
        }
    }
}

fn rich_checkin(d: &str, note: &str) -> CheckIn {
    CheckIn {
        date: day(d),
        mood: 1,
        my_move: Move::Withdrew,
        partner_move: PartnerMove::Pursued,
        behaviours: vec![Behaviour::WalkAway, Behaviour::RaiseConcern],
        feelings: vec![Feeling::Overwhelmed],
        intensity: Some(9),
        skills: vec![Skill::BreakAndReturn],
        repair: Some(Repair::Reconnected),
        closeness: Some(Closeness {
            rating: Some(2),
            words: vec![ClosenessWord::Mechanical],
        }),
        note: note.into(),
    }
}

#[test]
fn no_note_date_passphrase_or_code_is_in_the_database_or_its_wal_while_open_or_after_closing() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    journal
        .save_checkin(rich_checkin(CHECKIN_DAYS[0], ASCII_CANARY))
        .unwrap();
    journal
        .save_checkin(rich_checkin(CHECKIN_DAYS[1], UNICODE_CANARY))
        .unwrap();
    journal
        .save_checkins(vec![rich_checkin(
            CHECKIN_DAYS[2],
            &format!("{ASCII_CANARY} {UNICODE_CANARY}"),
        )])
        .unwrap();
    // An edit, whose earlier version is replaced.
    journal
        .save_checkin(rich_checkin(CHECKIN_DAYS[0], EDITED_CANARY))
        .unwrap();
    journal
        .save_reflection(Reflection {
            week_start: day(REFLECTION_DAY),
            raises_concerns: Some(Who::Me),
            shuts_down: Some(Who::Partner),
            talk_safety: Some(5),
            felt_chased: Some(Who::Neither),
            needing_space: NEEDING_SPACE_CANARY.into(),
            note: REFLECTION_NOTE_CANARY.into(),
        })
        .unwrap();

    // While open, the records live in the WAL: make sure it is really there.
    let db = fx.path.file_name().unwrap().to_string_lossy().into_owned();
    let open_files = fx.snapshot();
    let wal = open_files
        .get(&format!("{db}-wal"))
        .expect("a WAL file while open");
    assert!(
        wal.len() > 4096,
        "the WAL holds the written pages ({} bytes)",
        wal.len()
    );
    assert!(
        open_files.contains_key(&format!("{db}-shm")),
        "a shared-memory file while open"
    );
    assert!(open_files.contains_key(&db));
    assert_no_needle(&open_files, &fx.code, "while open");

    // A deletion too, then close.
    journal.delete_checkin(day(CHECKIN_DAYS[1])).unwrap();
    let after_delete = fx.snapshot();
    assert_no_needle(&after_delete, &fx.code, "after a delete, still open");
    drop(journal);

    let closed = fx.snapshot();
    assert!(closed[&db].len() > 4096);
    assert_no_needle(&closed, &fx.code, "after closing");

    // The scan is not vacuous: everything reads back through the API.
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    let notes: Vec<String> = journal
        .checkins(None, None)
        .unwrap()
        .into_iter()
        .map(|s| s.value.note)
        .collect();
    assert_eq!(
        notes,
        vec![
            format!("{ASCII_CANARY} {UNICODE_CANARY}"),
            EDITED_CANARY.to_string()
        ]
    );
    let r = journal.reflection(day(REFLECTION_MONDAY)).unwrap().unwrap();
    assert_eq!(r.value.note, REFLECTION_NOTE_CANARY);
    assert_eq!(r.value.needing_space, NEEDING_SPACE_CANARY);
    // Reading does not write plaintext either.
    assert_no_needle(&fx.snapshot(), &fx.code, "while reopened for reading");
}

#[test]
fn record_rows_hold_only_fixed_size_random_fields_and_padded_ciphertext() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    // Notes of 0, 1 and 40 characters: the padding puts each in a 64-byte bucket.
    for (d, note) in [
        ("2025-03-17", ""),
        ("2025-03-18", "x"),
        ("2025-03-19", &"y".repeat(40)),
    ] {
        let mut c = CheckIn::new(day(d), 3, Move::Neither, PartnerMove::Neither);
        c.note = note.to_string();
        journal.save_checkin(c).unwrap();
    }
    drop(journal);
    let conn = fx.raw();
    // Each column's SQL type and length in every row.
    let shape = |column: &str| -> Vec<(String, i64)> {
        let sql = format!("SELECT typeof({column}), length({column}) FROM checkins");
        let mut stmt = conn.prepare(&sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let blobs = |len: i64| vec![("blob".to_string(), len); 3];
    assert_eq!(shape("id"), blobs(16));
    assert_eq!(shape("tag"), blobs(16));
    assert_eq!(shape("key_id"), blobs(16));
    assert_eq!(shape("nonce"), blobs(12));
    for (column, want) in [("format", 2), ("revision", 1)] {
        let sql = format!("SELECT typeof({column}), {column} FROM checkins");
        let mut stmt = conn.prepare(&sql).unwrap();
        let values: Vec<(String, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(values, vec![("integer".to_string(), want); 3], "{column}");
    }
    let sealed = shape("sealed");
    assert_eq!(sealed.len(), 3);
    for (kind, len) in sealed {
        assert_eq!(kind, "blob");
        assert_eq!(len % 64, 16, "padded to 64 bytes plus a 16-byte tag");
    }
}

#[test]
fn the_scan_finds_text_that_plain_sqlite_stores_so_the_checks_above_are_not_vacuous() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.db");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    conn.execute_batch("CREATE TABLE t (note TEXT, day TEXT)")
        .unwrap();
    conn.execute(
        "INSERT INTO t VALUES (?1, ?2)",
        [UNICODE_CANARY, CHECKIN_DAYS[0]],
    )
    .unwrap();
    // Open: the row is in the WAL.
    let open = snapshot(dir.path());
    assert!(contains(&open["plain.db-wal"], UNICODE_CANARY.as_bytes()));
    drop(conn);
    // Closed: checkpointed into the database file.
    let closed = snapshot(dir.path());
    assert!(contains(&closed["plain.db"], UNICODE_CANARY.as_bytes()));
    assert!(contains(&closed["plain.db"], b"2025-03-17"));
}
