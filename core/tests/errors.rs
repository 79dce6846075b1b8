//! Error messages name what went wrong and which field, never the user's
//! content: no note, no date, no passphrase, no recovery code, no code
//! typed into a field.

mod common;

use std::collections::BTreeSet;

use common::*;
use tandem_core::{
    Behaviour, CheckIn, Closeness, Error, Field, Journal, Move, PartnerMove, Passphrase,
    Reflection, Unlock,
};

const CANARY: &str = "CANARY-zebra-4821";
const UNICODE_CANARY: &str = "Ωμέγα-🦓-שלום";
/// The day of the saved check-in.
const SAVED_DAY: &str = "2025-03-17";
/// A day after tomorrow, refused.
const FUTURE_DAY: &str = "2026-03-12";
/// A Wednesday of next week (its Monday, 2026-03-16, is after tomorrow).
const FUTURE_WEEK: &str = "2026-03-18";

fn forbidden(code: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![
        CANARY.into(),
        "CANARY".into(),
        "zebra".into(),
        UNICODE_CANARY.into(),
        "🦓".into(),
        SAVED_DAY.into(),
        "20250317".into(),
        FUTURE_DAY.into(),
        "20260312".into(),
        FUTURE_WEEK.into(),
        "2026-03-16".into(),
        "03-17".into(),
        "03-12".into(),
        PASSPHRASE.into(),
        OTHER_PASSPHRASE.into(),
        code.into(),
        code.replace('-', ""),
    ];
    out.extend(code.split('-').map(String::from));
    out
}

fn variant(e: &Error) -> &'static str {
    match e {
        Error::WrongKey => "WrongKey",
        Error::Corrupt => "Corrupt",
        Error::OutOfStep => "OutOfStep",
        Error::NewerVersion { .. } => "NewerVersion",
        Error::NotAJournal => "NotAJournal",
        Error::NotABackup => "NotABackup",
        Error::WouldReplace => "WouldReplace",
        Error::FromAnotherJournal => "FromAnotherJournal",
        Error::InvalidInput { .. } => "InvalidInput",
        Error::NotFound(_) => "NotFound",
        Error::AlreadyExists => "AlreadyExists",
        Error::Locked => "Locked",
        Error::Io(_) => "Io",
        Error::Database(_) => "Database",
    }
}

fn canary_checkin(d: &str) -> CheckIn {
    let mut c = CheckIn::new(day(d), 3, Move::Pursued, PartnerMove::Withdrew);
    c.note = format!("{CANARY} {UNICODE_CANARY}");
    c
}

#[test]
fn no_error_message_repeats_a_note_a_date_a_passphrase_or_a_recovery_code() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let saved = journal.save_checkin(canary_checkin(SAVED_DAY)).unwrap();
    let mut errors: Vec<Error> = Vec::new();

    // Invalid input, with user content in the entry.
    let mut c = canary_checkin(SAVED_DAY);
    c.note = CANARY.repeat(20_000 / CANARY.len() + 1);
    errors.push(journal.save_checkin(c).unwrap_err());
    errors.push(
        journal
            .save_checkin(canary_checkin(FUTURE_DAY))
            .unwrap_err(),
    );
    let mut c = canary_checkin(SAVED_DAY);
    c.mood = 0;
    errors.push(journal.save_checkin(c).unwrap_err());
    let mut c = canary_checkin(SAVED_DAY);
    c.intensity = Some(11);
    errors.push(journal.save_checkin(c).unwrap_err());
    let mut c = canary_checkin(SAVED_DAY);
    c.closeness = Some(Closeness {
        rating: Some(0),
        words: vec![],
    });
    errors.push(journal.save_checkin(c).unwrap_err());
    let mut r = Reflection::new(day(SAVED_DAY));
    r.note = CANARY.into();
    r.needing_space = UNICODE_CANARY.repeat(20_001);
    errors.push(journal.save_reflection(r).unwrap_err());
    let mut r = Reflection::new(day(SAVED_DAY));
    r.note = CANARY.into();
    r.talk_safety = Some(6);
    errors.push(journal.save_reflection(r).unwrap_err());
    let mut r = Reflection::new(day(FUTURE_WEEK));
    r.note = CANARY.into();
    errors.push(journal.save_reflection(r).unwrap_err());
    errors.push(Behaviour::parse(CANARY).unwrap_err());
    errors.push(
        tandem_core::day::parse_day(Field::Date, &format!("{SAVED_DAY}{CANARY}")).unwrap_err(),
    );
    errors.push(Passphrase::new("zebra").map(|_| ()).unwrap_err());
    let typo = fx.code.replacen(
        &fx.code[..1],
        if fx.code.starts_with('Z') { "Y" } else { "Z" },
        1,
    );
    errors.push(Unlock::recovery_code(&typo).map(|_| ()).unwrap_err());

    // Not found and locked.
    errors.push(journal.delete_checkin(day("2025-03-16")).unwrap_err());
    journal.lock();
    errors.push(journal.checkin(day(SAVED_DAY)).map(|_| ()).unwrap_err());
    journal.unlock(pass(PASSPHRASE)).unwrap();
    drop(journal);

    // Wrong keys, and a journal where none is expected.
    errors.push(fx.open(pass(OTHER_PASSPHRASE)).unwrap_err());
    errors.push(fx.open(device(&OTHER_DEVICE)).unwrap_err());
    match Journal::create(
        &fx.path,
        tandem_core::CreateOptions {
            device_key: None,
            passphrase: Some(Passphrase::new(PASSPHRASE).unwrap()),
            kdf: TEST_KDF,
        },
    ) {
        Err(e) => errors.push(e),
        Ok(_) => panic!("created over an existing journal"),
    }

    // An older revision of a row put back.
    let row_of = |id: &[u8]| -> Vec<rusqlite::types::Value> {
        fx.raw()
            .query_row("SELECT * FROM checkins WHERE id = ?1", [id], |r| {
                (0..7).map(|i| r.get(i)).collect()
            })
            .unwrap()
    };
    let put_row = |row: &[rusqlite::types::Value]| {
        fx.raw()
            .execute(
                "INSERT OR REPLACE INTO checkins VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params_from_iter(row),
            )
            .unwrap();
    };
    let first = row_of(&saved.id.0);
    let mut again = fx.open_device();
    again.save_checkin(canary_checkin(SAVED_DAY)).unwrap();
    drop(again);
    let second = row_of(&saved.id.0);
    put_row(&first);
    errors.push(fx.open(device(&DEVICE)).unwrap_err());
    put_row(&second);

    // A damaged record.
    {
        let conn = fx.raw();
        let mut sealed: Vec<u8> = conn
            .query_row(
                "SELECT sealed FROM checkins WHERE id = ?1",
                [&saved.id.0],
                |r| r.get(0),
            )
            .unwrap();
        sealed[0] ^= 1;
        conn.execute(
            "UPDATE checkins SET sealed = ?1 WHERE id = ?2",
            rusqlite::params![sealed, saved.id.0],
        )
        .unwrap();
    }
    errors.push(
        fx.open_device()
            .checkin(day(SAVED_DAY))
            .map(|_| ())
            .unwrap_err(),
    );

    // A newer version.
    fx.raw().pragma_update(None, "user_version", 7).unwrap();
    errors.push(fx.open(device(&DEVICE)).map(|_| ()).unwrap_err());

    // A file holding user content that is not a journal, and a missing one
    // whose name holds a date.
    let text = fx.dir.path().join(format!("{SAVED_DAY}.tandem"));
    std::fs::write(
        &text,
        format!("{CANARY} {UNICODE_CANARY} {SAVED_DAY}").repeat(100),
    )
    .unwrap();
    errors.push(
        Journal::open(&text, pass(PASSPHRASE))
            .map(|_| ())
            .unwrap_err(),
    );
    let missing = fx.dir.path().join(format!("{FUTURE_DAY}-{CANARY}.tandem"));
    errors.push(
        Journal::open(&missing, pass(PASSPHRASE))
            .map(|_| ())
            .unwrap_err(),
    );

    let seen: BTreeSet<&str> = errors.iter().map(variant).collect();
    assert_eq!(
        seen.into_iter().collect::<Vec<_>>(),
        [
            "AlreadyExists",
            "Corrupt",
            "InvalidInput",
            "Locked",
            "NewerVersion",
            "NotAJournal",
            "NotFound",
            "OutOfStep",
            "WrongKey"
        ]
    );
    let fields: Vec<&str> = errors
        .iter()
        .filter_map(|e| match e {
            Error::InvalidInput { field, .. } => Some(field.code()),
            _ => None,
        })
        .collect();
    assert_eq!(
        fields,
        [
            "note",
            "date",
            "mood",
            "intensity",
            "closeness",
            "needing_space",
            "talk_safety",
            "week_start",
            "behaviours",
            "date",
            "passphrase",
            "recovery_code"
        ]
    );

    let forbidden = forbidden(&fx.code);
    let forbidden: Vec<&str> = forbidden.iter().map(String::as_str).collect();
    for e in &errors {
        assert_no_user_content(e, &forbidden);
        assert!(!e.to_string().is_empty());
    }
}
