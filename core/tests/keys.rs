//! Unlocking: wrong keys are refused with a typed error and leave the file
//! as it was; lock and unlock; changing and removing the passphrase.

mod common;

use common::*;
use tandem_core::summary::Section;
use tandem_core::{
    CheckIn, Error, Field, Journal, Method, Move, PartnerMove, Reflection, Settings, Unlock,
};

const NOTE: &str = "CANARY-keys-7713 🦔";
const NOTE_DAY: &str = "2025-12-24";

/// A journal with one check-in holding [`NOTE`] on [`NOTE_DAY`], closed.
fn closed_journal(methods: Methods) -> Fixture {
    let (fx, mut journal) = Fixture::new(methods);
    let mut c = CheckIn::new(day(NOTE_DAY), 4, Move::Pursued, PartnerMove::Withdrew);
    c.note = NOTE.into();
    journal.save_checkin(c).unwrap();
    drop(journal);
    fx
}

fn forbidden(fx: &Fixture) -> Vec<&str> {
    vec![
        NOTE,
        "CANARY",
        NOTE_DAY,
        "20251224",
        PASSPHRASE,
        OTHER_PASSPHRASE,
        fx.code.as_str(),
    ]
}

/// Opening with `unlock` fails with WrongKey and leaves every file as it was.
fn assert_wrong_key_and_unchanged(fx: &Fixture, unlock: Unlock) {
    let before = fx.snapshot();
    let err = fx.open(unlock).unwrap_err();
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    assert_no_user_content(&err, &forbidden(fx));
    assert_same_files(&before, &fx.snapshot());
}

/// The raw stored rows of the check-ins table, in id order.
fn raw_checkin_rows(fx: &Fixture) -> Vec<Vec<Vec<u8>>> {
    let conn = fx.raw();
    let mut stmt = conn
        .prepare(
            "SELECT id, tag, format, key_id, revision, nonce, sealed FROM checkins ORDER BY id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(vec![
            r.get::<_, Vec<u8>>(0)?,
            r.get::<_, Vec<u8>>(1)?,
            r.get::<_, i64>(2)?.to_be_bytes().to_vec(),
            r.get::<_, Vec<u8>>(3)?,
            r.get::<_, i64>(4)?.to_be_bytes().to_vec(),
            r.get::<_, Vec<u8>>(5)?,
            r.get::<_, Vec<u8>>(6)?,
        ])
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn a_wrong_passphrase_is_wrong_key_and_leaves_the_file_unchanged() {
    let fx = closed_journal(Methods::Both);
    assert_wrong_key_and_unchanged(&fx, pass(OTHER_PASSPHRASE));
    // One character off, and a different case.
    assert_wrong_key_and_unchanged(&fx, pass("correct horse battery stapl"));
    assert_wrong_key_and_unchanged(&fx, pass("Correct horse battery staple"));
    // The right one still opens it.
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn the_recovery_code_of_another_journal_is_wrong_key_and_leaves_the_file_unchanged() {
    let fx = closed_journal(Methods::Both);
    let (other, other_journal) = Fixture::new(Methods::Both);
    drop(other_journal);
    assert_ne!(fx.code, other.code);
    // The other code is well formed (its checksum holds), so it gets as far as the key.
    assert_wrong_key_and_unchanged(&fx, recovery(&other.code));
    let journal = fx.open(recovery(&fx.code)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn a_wrong_device_key_is_wrong_key_and_leaves_the_file_unchanged() {
    let fx = closed_journal(Methods::Both);
    assert_wrong_key_and_unchanged(&fx, device(&OTHER_DEVICE));
    let mut one_bit_off = DEVICE;
    one_bit_off[31] ^= 1;
    assert_wrong_key_and_unchanged(&fx, device(&one_bit_off));
    // A journal made without a device key refuses every device key.
    let fx = closed_journal(Methods::PassphraseOnly);
    assert_wrong_key_and_unchanged(&fx, device(&DEVICE));
}

#[test]
fn a_device_key_of_the_wrong_length_names_the_device_key_field() {
    for len in [0, 16, 31, 33, 64] {
        match Unlock::device_key(&vec![7u8; len]) {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, Field::DeviceKey),
            Err(other) => panic!("{len} bytes: {other:?}"),
            Ok(_) => panic!("{len} bytes accepted"),
        }
    }
}

#[test]
fn a_recovery_code_with_a_typo_names_the_recovery_code_field_and_echoes_nothing() {
    let fx = closed_journal(Methods::DeviceOnly);
    let chars: Vec<char> = fx.code.chars().collect();
    assert_eq!(chars.len(), 56 + 13, "14 groups of four, 13 dashes");
    // Change one character at the start, the middle and the checksum end.
    for i in [0, 30, chars.len() - 1] {
        assert_ne!(chars[i], '-');
        let mut typo = chars.clone();
        typo[i] = if chars[i] == 'Z' { 'Y' } else { 'Z' };
        let typo: String = typo.into_iter().collect();
        let err = match Unlock::recovery_code(&typo) {
            Err(e) => e,
            Ok(_) => panic!("a typo at {i} was accepted"),
        };
        assert_invalid(&err, "recovery_code");
        let group = &fx.code[..4];
        assert_no_user_content(&err, &[&typo, &fx.code, group]);
    }
    // A character dropped.
    let short: String = fx.code.chars().skip(1).collect();
    let refused = Unlock::recovery_code(&short).err();
    assert_invalid(
        refused.as_ref().expect("a short code is refused"),
        "recovery_code",
    );
    // The code itself, in lower case with spaces for dashes, opens the journal.
    let loose = fx.code.replace('-', " ").to_lowercase();
    let journal = fx.open(recovery(&loose)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn opening_by_passphrase_a_journal_with_only_a_device_key_names_the_passphrase_field() {
    let fx = closed_journal(Methods::DeviceOnly);
    let before = fx.snapshot();
    let err = fx.open(pass(PASSPHRASE)).unwrap_err();
    assert_invalid(&err, "passphrase");
    assert_no_user_content(&err, &forbidden(&fx));
    assert_same_files(&before, &fx.snapshot());
}

#[test]
fn creating_without_any_unlock_method_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    let created = Journal::create(
        &path,
        tandem_core::CreateOptions {
            device_key: None,
            passphrase: None,
            kdf: TEST_KDF,
        },
    );
    let Err(err) = created else {
        panic!("a journal was created with no way to unlock it");
    };
    assert_invalid(&err, "passphrase");
    assert!(snapshot(dir.path()).is_empty());
}

#[test]
fn a_locked_journal_refuses_every_read_and_write_until_unlocked() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let mut c = CheckIn::new(day(NOTE_DAY), 4, Move::Pursued, PartnerMove::Withdrew);
    c.note = NOTE.into();
    let saved = journal.save_checkin(c.clone()).unwrap();
    let reflection = journal
        .save_reflection(Reflection::new(day(NOTE_DAY)))
        .unwrap();

    assert!(!journal.is_locked());
    journal.lock();
    assert!(journal.is_locked());
    let d = day(NOTE_DAY);
    let errors = vec![
        journal.checkin(d).map(|_| ()).unwrap_err(),
        journal.checkins(None, None).map(|_| ()).unwrap_err(),
        journal.checkins(Some(d), Some(d)).map(|_| ()).unwrap_err(),
        journal.reflection(d).map(|_| ()).unwrap_err(),
        journal.reflections(None, None).map(|_| ()).unwrap_err(),
        journal.save_checkin(c.clone()).map(|_| ()).unwrap_err(),
        journal
            .save_checkins(vec![c.clone()])
            .map(|_| ())
            .unwrap_err(),
        journal
            .save_reflection(Reflection::new(d))
            .map(|_| ())
            .unwrap_err(),
        journal.delete_checkin(d).unwrap_err(),
        journal.delete_reflection(d).unwrap_err(),
        journal.set_passphrase(None).unwrap_err(),
        journal
            .set_passphrase(Some(
                tandem_core::Passphrase::new(OTHER_PASSPHRASE).unwrap(),
            ))
            .unwrap_err(),
        journal
            .set_device_key(tandem_core::DeviceKey::from_bytes(&OTHER_DEVICE).unwrap())
            .unwrap_err(),
        journal.remove_device_key().unwrap_err(),
        journal.today().map(|_| ()).unwrap_err(),
        journal.settings().map(|_| ()).unwrap_err(),
        journal.set_settings(Settings::default()).unwrap_err(),
        journal.week_of(d).map(|_| ()).unwrap_err(),
        journal.history(None, None).map(|_| ()).unwrap_err(),
        journal.week_summary(d).map(|_| ()).unwrap_err(),
        journal.pattern(d, 4).map(|_| ()).unwrap_err(),
        journal.pattern_between(d, d).map(|_| ()).unwrap_err(),
        journal.insights(d, 4).map(|_| ()).unwrap_err(),
        journal.streak().map(|_| ()).unwrap_err(),
        journal
            .summary(d, d, Section::DEFAULT)
            .map(|_| ())
            .unwrap_err(),
        journal.export_json().map(|_| ()).unwrap_err(),
        journal
            .backup(&fx.dir.path().join("backup.tandem"))
            .unwrap_err(),
    ];
    // Only the calls about unlocking answer.
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Device, Method::Passphrase, Method::Recovery]
    );
    for err in &errors {
        assert!(matches!(err, Error::Locked), "{err:?}");
        assert_no_user_content(err, &forbidden(&fx));
    }

    // A wrong key does not unlock it, and it stays locked.
    let err = journal.unlock(pass(OTHER_PASSPHRASE)).unwrap_err();
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    assert!(journal.is_locked());
    assert!(matches!(journal.checkin(d), Err(Error::Locked)));

    // The recovery code unlocks it; nothing was lost or changed while locked.
    journal.unlock(recovery(&fx.code)).unwrap();
    assert!(!journal.is_locked());
    assert_eq!(journal.checkin(d).unwrap(), Some(saved.clone()));
    assert_eq!(journal.reflection(d).unwrap(), Some(reflection));
    assert_eq!(journal.checkins(None, None).unwrap(), vec![saved]);
    // And writes work again.
    let again = journal.save_checkin(c).unwrap();
    assert_eq!(again.revision, 2);

    // Lock and unlock again by the device key and by the passphrase.
    journal.lock();
    journal.unlock(device(&DEVICE)).unwrap();
    journal.lock();
    journal.unlock(pass(PASSPHRASE)).unwrap();
    assert_eq!(journal.checkin(d).unwrap().unwrap().revision, 2);
}

#[test]
fn changing_the_passphrase_rewraps_the_key_and_leaves_every_record_untouched() {
    let fx = closed_journal(Methods::PassphraseOnly);
    let rows_before = raw_checkin_rows(&fx);
    assert_eq!(rows_before.len(), 1);

    let mut journal = fx.open(pass(PASSPHRASE)).unwrap();
    journal.set_kdf(TEST_KDF).unwrap();
    journal
        .set_passphrase(Some(
            tandem_core::Passphrase::new(OTHER_PASSPHRASE).unwrap(),
        ))
        .unwrap();
    assert_eq!(journal.passphrase_kdf().unwrap(), Some(TEST_KDF));
    // Still unlocked and readable.
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
    drop(journal);

    assert_eq!(raw_checkin_rows(&fx), rows_before);
    assert_wrong_key_and_unchanged(&fx, pass(PASSPHRASE));
    let journal = fx.open(pass(OTHER_PASSPHRASE)).unwrap();
    let read = journal.checkin(day(NOTE_DAY)).unwrap().unwrap();
    assert_eq!(read.value.note, NOTE);
    assert_eq!(read.revision, 1);
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Passphrase, Method::Recovery]
    );
    drop(journal);
    // The recovery code was not touched by the change.
    assert!(fx.open(recovery(&fx.code)).is_ok());
}

#[test]
fn a_passphrase_can_be_added_to_a_journal_that_had_only_a_device_key() {
    let fx = closed_journal(Methods::DeviceOnly);
    let mut journal = fx.open_device();
    assert_eq!(journal.passphrase_kdf().unwrap(), None);
    journal.set_kdf(TEST_KDF).unwrap();
    journal
        .set_passphrase(Some(tandem_core::Passphrase::new(PASSPHRASE).unwrap()))
        .unwrap();
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Device, Method::Passphrase, Method::Recovery]
    );
    drop(journal);
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn removing_the_passphrase_is_refused_when_there_is_no_device_key() {
    let fx = closed_journal(Methods::PassphraseOnly);
    let mut journal = fx.open(pass(PASSPHRASE)).unwrap();
    let err = journal.set_passphrase(None).unwrap_err();
    assert_invalid(&err, "passphrase");
    assert_no_user_content(&err, &forbidden(&fx));
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Passphrase, Method::Recovery]
    );
    drop(journal);
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn removing_the_passphrase_is_allowed_when_there_is_a_device_key() {
    let fx = closed_journal(Methods::Both);
    let rows_before = raw_checkin_rows(&fx);
    let mut journal = fx.open_device();
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Device, Method::Passphrase, Method::Recovery]
    );
    journal.set_passphrase(None).unwrap();
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Device, Method::Recovery]
    );
    assert_eq!(journal.passphrase_kdf().unwrap(), None);
    drop(journal);

    assert_eq!(raw_checkin_rows(&fx), rows_before);
    let before = fx.snapshot();
    let err = fx.open(pass(PASSPHRASE)).unwrap_err();
    assert_invalid(&err, "passphrase");
    assert_same_files(&before, &fx.snapshot());
    let journal = fx.open_device();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
    drop(journal);
    assert!(fx.open(recovery(&fx.code)).is_ok());
}

#[test]
fn replacing_the_device_key_makes_the_old_one_wrong() {
    let fx = closed_journal(Methods::DeviceOnly);
    let mut journal = fx.open_device();
    journal
        .set_device_key(tandem_core::DeviceKey::from_bytes(&OTHER_DEVICE).unwrap())
        .unwrap();
    drop(journal);
    assert_wrong_key_and_unchanged(&fx, device(&DEVICE));
    let journal = fx.open(device(&OTHER_DEVICE)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn a_passphrase_shorter_than_six_characters_is_refused() {
    for short in ["", "abc", "12345", "ñññññ"] {
        match Unlock::passphrase(short) {
            Err(Error::InvalidInput {
                field: Field::Passphrase,
                reason,
            }) => {
                assert!(short.is_empty() || !reason.contains(short), "{reason}");
            }
            Err(other) => panic!("{other:?}"),
            Ok(_) => panic!("{short:?} accepted"),
        }
    }
    // Six characters, even of two bytes each, is enough.
    assert!(Unlock::passphrase("ñññññ!").is_ok());
}

#[test]
fn a_wrong_key_on_a_journal_left_with_its_wal_loses_nothing() {
    // A copy taken while the journal was open (as after a crash): the last
    // saves live only in the -wal file beside the database.
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let mut c = CheckIn::new(day(NOTE_DAY), 4, Move::Pursued, PartnerMove::Withdrew);
    c.note = NOTE.into();
    let saved = journal.save_checkin(c).unwrap();
    let copy = tempfile::tempdir().unwrap();
    let open_files = fx.snapshot();
    assert!(open_files.contains_key("journal.tandem-wal"));
    for (name, bytes) in &open_files {
        std::fs::write(copy.path().join(name), bytes).unwrap();
    }
    drop(journal);
    let path = copy.path().join("journal.tandem");

    let db_before = std::fs::read(&path).unwrap();
    let wal_before = std::fs::read(copy.path().join("journal.tandem-wal")).unwrap();
    // Asking which methods the locked file has folds nothing in either.
    assert_eq!(
        Journal::methods_at(&path).unwrap(),
        vec![Method::Device, Method::Passphrase, Method::Recovery]
    );
    assert_eq!(std::fs::read(&path).unwrap(), db_before);
    for unlock in [pass(OTHER_PASSPHRASE), device(&OTHER_DEVICE)] {
        let err = Journal::open(&path, unlock).unwrap_err();
        assert!(matches!(err, Error::WrongKey), "{err:?}");
        // The refused open folded nothing in: database and WAL as they were.
        assert_eq!(std::fs::read(&path).unwrap(), db_before);
        assert_eq!(
            std::fs::read(copy.path().join("journal.tandem-wal")).unwrap(),
            wal_before
        );
    }
    let journal = Journal::open(&path, pass(PASSPHRASE)).unwrap();
    assert_eq!(journal.checkin(day(NOTE_DAY)).unwrap(), Some(saved.clone()));
    assert_eq!(journal.checkins(None, None).unwrap(), vec![saved]);
}

#[test]
fn the_methods_of_a_locked_file_are_read_without_a_key() {
    for (methods, expected) in [
        (
            Methods::Both,
            vec![Method::Device, Method::Passphrase, Method::Recovery],
        ),
        (Methods::DeviceOnly, vec![Method::Device, Method::Recovery]),
        (
            Methods::PassphraseOnly,
            vec![Method::Passphrase, Method::Recovery],
        ),
    ] {
        let fx = closed_journal(methods);
        let before = fx.snapshot();
        assert_eq!(Journal::methods_at(&fx.path).unwrap(), expected);
        assert_same_files(&before, &fx.snapshot());
    }
    let missing = tempfile::tempdir().unwrap();
    assert!(matches!(
        Journal::methods_at(missing.path().join("none.tandem")),
        Err(Error::NotFound(_))
    ));
    let not_journal = missing.path().join("notes.txt");
    std::fs::write(&not_journal, b"just some text, not SQLite").unwrap();
    assert!(matches!(
        Journal::methods_at(&not_journal),
        Err(Error::NotAJournal)
    ));
}

#[test]
fn removing_the_device_key_leaves_the_passphrase_and_the_entries() {
    let fx = closed_journal(Methods::Both);
    let rows_before = raw_checkin_rows(&fx);
    let mut journal = fx.open(pass(PASSPHRASE)).unwrap();
    journal.remove_device_key().unwrap();
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Passphrase, Method::Recovery]
    );
    // A second removal finds nothing to remove and is no error.
    journal.remove_device_key().unwrap();
    drop(journal);
    assert_eq!(raw_checkin_rows(&fx), rows_before);
    assert!(matches!(
        fx.open(device(&DEVICE)).unwrap_err(),
        Error::WrongKey
    ));
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    assert_eq!(
        journal.checkin(day(NOTE_DAY)).unwrap().unwrap().value.note,
        NOTE
    );
}

#[test]
fn removing_the_device_key_is_refused_when_there_is_no_passphrase() {
    let fx = closed_journal(Methods::DeviceOnly);
    let mut journal = fx.open_device();
    let err = journal.remove_device_key().unwrap_err();
    assert_invalid(&err, "device_key");
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Device, Method::Recovery]
    );
    journal.lock();
    assert!(matches!(journal.remove_device_key(), Err(Error::Locked)));
}
