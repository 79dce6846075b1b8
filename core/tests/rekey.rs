//! Re-keying ("someone may know my passphrase") and renewing the recovery
//! code: after a re-key only the new passphrase, device key and recovery
//! code open the journal, every record is sealed anew with the same
//! entries, and nothing else changes; a damaged journal is left alone.

mod common;

use std::collections::BTreeMap;

use common::*;
use tandem_core::{
    Author, CheckIn, DeviceKey, Error, ImportAs, Journal, Move, PartnerMove, Passphrase, Reflection,
};

const NEW_PASSPHRASE: &str = "a brand new passphrase";
const NEW_DEVICE: [u8; 32] = [0x33; 32];

/// A row's table and id.
type RowKey = (String, Vec<u8>);
/// A row's tag, key id and sealed bytes.
type RowSeal = (Vec<u8>, Vec<u8>, Vec<u8>);

/// Every record row, by table and id.
fn rows(fx: &Fixture) -> BTreeMap<RowKey, RowSeal> {
    let conn = fx.raw();
    let mut out = BTreeMap::new();
    for table in ["checkins", "reflections", "settings", "identity"] {
        let mut stmt = conn
            .prepare(&format!("SELECT id, tag, key_id, sealed FROM {table}"))
            .unwrap();
        let found = stmt
            .query_map([], |r| {
                Ok((
                    (table.to_string(), r.get(0)?),
                    (r.get(1)?, r.get(2)?, r.get(3)?),
                ))
            })
            .unwrap();
        for row in found {
            let (k, v) = row.unwrap();
            out.insert(k, v);
        }
    }
    out
}

/// A journal with my check-ins and reflection and a partner's check-in.
fn full_journal() -> (Fixture, Journal) {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let mut c = CheckIn::new(day("2026-03-02"), 2, Move::Pursued, PartnerMove::Withdrew);
    c.note = "a note".into();
    journal.save_checkin(c).unwrap();
    journal
        .save_checkin(CheckIn::new(
            day("2026-03-03"),
            4,
            Move::Neither,
            PartnerMove::Neither,
        ))
        .unwrap();
    journal
        .save_reflection(Reflection::new(day("2026-03-02")))
        .unwrap();
    // The partner's export, imported as theirs.
    let dir = tempfile::tempdir().unwrap();
    let (partner, _) = create_at(&dir.path().join("p.tandem"), Methods::DeviceOnly);
    let partner_day = CheckIn::new(day("2026-03-02"), 5, Move::Withdrew, PartnerMove::Pursued);
    partner
        .with_clock(clock(TODAY))
        .save_checkin(partner_day)
        .unwrap();
    let partner = Journal::open(dir.path().join("p.tandem"), device(&DEVICE)).unwrap();
    let export = partner.export_json().unwrap();
    journal.import_json_as(&export, ImportAs::Partner).unwrap();
    (fx, journal)
}

#[test]
fn rekeying_seals_every_record_anew_and_only_the_new_keys_open_it() {
    let (fx, mut journal) = full_journal();
    let mine = journal.checkins(None, None).unwrap();
    let theirs = journal.checkins_by(Author::Partner, None, None).unwrap();
    let reflections = journal.reflections(None, None).unwrap();
    let id = journal.journal_id().unwrap();
    assert_eq!((mine.len(), theirs.len(), reflections.len()), (2, 1, 1));
    let before = rows(&fx);

    let code = journal
        .rekey(
            Some(Passphrase::new(NEW_PASSPHRASE).unwrap()),
            Some(DeviceKey::from_bytes(&NEW_DEVICE).unwrap()),
        )
        .unwrap();
    // Still open, the same entries.
    assert_eq!(journal.checkins(None, None).unwrap(), mine);
    drop(journal);

    // Every row is there with its id, under a new tag, key id and ciphertext.
    let after = rows(&fx);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (k, old) in &before {
        let new = &after[k];
        assert_ne!(old.0, new.0, "tag of {k:?}");
        assert_ne!(old.1, new.1, "key id of {k:?}");
        assert_ne!(old.2, new.2, "sealed bytes of {k:?}");
    }

    // The old passphrase, device key and recovery code open nothing.
    for old in [pass(PASSPHRASE), device(&DEVICE), recovery(&fx.code)] {
        assert!(matches!(fx.open(old), Err(Error::WrongKey)));
    }
    // The new ones each open it, with every entry as it was.
    let code = code.display().to_string();
    for new in [pass(NEW_PASSPHRASE), device(&NEW_DEVICE), recovery(&code)] {
        let j = fx.open(new).unwrap();
        assert_eq!(j.checkins(None, None).unwrap(), mine);
        assert_eq!(j.checkins_by(Author::Partner, None, None).unwrap(), theirs);
        assert_eq!(j.reflections(None, None).unwrap(), reflections);
        assert_eq!(j.journal_id().unwrap(), id);
        assert!(j.health().unwrap().is_sound());
    }
}

#[test]
fn rekeying_without_a_device_key_or_passphrase_is_refused_and_changes_nothing() {
    let (fx, mut journal) = full_journal();
    drop(journal);
    let before = fx.snapshot();
    journal = fx.open_device();
    let err = journal.rekey(None, None).map(|_| ()).unwrap_err();
    assert_invalid(&err, "passphrase");
    drop(journal);
    assert_same_files(&before, &fx.snapshot());
}

#[test]
fn a_journal_with_a_damaged_record_is_not_rekeyed() {
    let (fx, journal) = full_journal();
    drop(journal);
    let conn = fx.raw();
    let (id, mut sealed): (Vec<u8>, Vec<u8>) = conn
        .query_row("SELECT id, sealed FROM checkins LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    sealed[5] ^= 1;
    conn.execute(
        "UPDATE checkins SET sealed = ?1 WHERE id = ?2",
        rusqlite::params![sealed, id],
    )
    .unwrap();
    drop(conn);
    let before = fx.snapshot();
    let mut journal = fx.open_device();
    let err = journal
        .rekey(Some(Passphrase::new(NEW_PASSPHRASE).unwrap()), None)
        .map(|_| ())
        .unwrap_err();
    assert!(matches!(err, Error::Corrupt), "{err:?}");
    drop(journal);
    assert_same_files(&before, &fx.snapshot());
    // The old keys still open it.
    assert!(fx.open(pass(PASSPHRASE)).is_ok());
}

#[test]
fn a_renewed_recovery_code_replaces_the_old_one_alone() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    journal
        .save_checkin(CheckIn::new(
            day("2026-03-02"),
            3,
            Move::Both,
            PartnerMove::Both,
        ))
        .unwrap();
    let rows_before = rows(&fx);
    let code = journal.renew_recovery_code().unwrap().display().to_string();
    drop(journal);
    assert_ne!(code, fx.code);
    assert!(matches!(fx.open(recovery(&fx.code)), Err(Error::WrongKey)));
    for unlock in [recovery(&code), pass(PASSPHRASE), device(&DEVICE)] {
        assert_eq!(
            fx.open(unlock).unwrap().checkins(None, None).unwrap().len(),
            1
        );
    }
    // No record was touched.
    assert_eq!(rows(&fx), rows_before);
}
