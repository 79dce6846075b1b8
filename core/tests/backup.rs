//! Encrypted backup and restore: a backup restored on a "new device" (a
//! fresh folder and a new device key) with the passphrase or the recovery
//! code holds the same entries; the backup holds no plaintext and no device
//! wrap; and every refused restore returns a typed error and leaves the
//! journal already at the target, side files included, byte-for-byte as it
//! was.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use rusqlite::Connection;
use tandem_core::{
    CheckIn, DeviceKey, Error, Journal, Method, Move, PartnerMove, Reflection, Saved, Settings,
    Unlock, WeekStart, Who,
};

const NOTE: &str = "CANARY-backup-6021 🧳";
const EDITED_NOTE: &str = "CANARY-backup-edited-8443";
const SPACE: &str = "CANARY-backup-space-3190 ✈️";
/// Days of the saved check-ins: a Monday, a Wednesday (edited once) and a
/// leap day, none near the clock's day.
const DAY_MON: &str = "2025-08-04";
const DAY_WED: &str = "2025-08-06";
const LEAP_DAY: &str = "2024-02-29";
/// The new phone's device key.
const NEW_DEVICE: [u8; 32] = [0x3c; 32];
/// What a backup's `meta` row `kind` holds.
const BACKUP_KIND: &[u8] = b"backup";

/// Everything that must not show in a backup's bytes or in an error.
fn forbidden(code: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![
        NOTE.into(),
        EDITED_NOTE.into(),
        SPACE.into(),
        "CANARY".into(),
        DAY_MON.into(),
        DAY_WED.into(),
        LEAP_DAY.into(),
        "20250804".into(),
        "20250806".into(),
        "20240229".into(),
        TODAY.into(),
        TODAY.replace('-', ""),
        "T12:00:00".into(),
        PASSPHRASE.into(),
        code.into(),
        code.replace('-', ""),
        // Field names and codes of the serialised records.
        "my_move".into(),
        "partner_move".into(),
        "saved_at".into(),
        "week_start".into(),
        "needing_space".into(),
        "sunday".into(),
        "withdrew".into(),
    ];
    out.extend(code.split('-').map(String::from));
    out
}

/// The entries of the old phone's journal, as saved.
struct Saves {
    checkins: Vec<Saved<CheckIn>>,
    reflections: Vec<Saved<Reflection>>,
}

/// The old phone: a journal (device key and passphrase) with three
/// check-ins, one of them edited, a reflection and a setting, and a backup
/// of it made while the journal is still open (its last saves in the WAL).
struct OldPhone {
    fx: Fixture,
    backup: PathBuf,
    saves: Saves,
}

fn old_phone() -> OldPhone {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let mut mon = CheckIn::new(day(DAY_MON), 2, Move::Pursued, PartnerMove::Withdrew);
    mon.note = NOTE.into();
    mon.intensity = Some(7);
    let mon = journal.save_checkin(mon).unwrap();
    let mut wed = CheckIn::new(day(DAY_WED), 3, Move::Withdrew, PartnerMove::Pursued);
    wed.note = NOTE.into();
    journal.save_checkin(wed.clone()).unwrap();
    wed.note = EDITED_NOTE.into();
    let wed = journal.save_checkin(wed).unwrap();
    let leap = journal
        .save_checkin(CheckIn::new(
            day(LEAP_DAY),
            4,
            Move::Neither,
            PartnerMove::Both,
        ))
        .unwrap();
    let mut r = Reflection::new(day(DAY_WED));
    r.needing_space = SPACE.into();
    r.raises_concerns = Some(Who::Me);
    let r = journal.save_reflection(r).unwrap();
    journal
        .set_settings(Settings {
            week_start: WeekStart::Sunday,
        })
        .unwrap();
    assert!(
        fx.path.with_file_name("journal.tandem-wal").exists(),
        "the saves are still in the WAL when the backup is made"
    );
    let backup = fx.dir.path().join("backup.tandem");
    journal.backup(&backup).unwrap();
    drop(journal);
    OldPhone {
        fx,
        backup,
        saves: Saves {
            checkins: vec![leap, mon, wed],
            reflections: vec![r],
        },
    }
}

/// A fresh folder on the new phone, and where its journal goes.
fn new_phone() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    (dir, path)
}

fn new_device_key() -> Option<DeviceKey> {
    Some(DeviceKey::from_bytes(&NEW_DEVICE).unwrap())
}

/// Restores `backup` onto `target` with `unlock`, wrapped for the new
/// phone's device key; panics if the restore is refused.
fn restore_here(backup: &Path, target: &Path, unlock: Unlock, replace: bool) -> Journal {
    Journal::restore(backup, target, unlock, new_device_key(), replace).unwrap()
}

/// Asserts a restored journal holds exactly the old phone's entries (ids,
/// revisions, save times and authors included) and its setting.
fn assert_same_entries(journal: &Journal, saves: &Saves) {
    let checkins = journal.checkins(None, None).unwrap();
    assert_eq!(checkins, saves.checkins);
    // Worked out from old_phone(): days in order, the Wednesday edited once.
    let days: Vec<String> = checkins.iter().map(|s| s.value.date.to_string()).collect();
    assert_eq!(days, [LEAP_DAY, DAY_MON, DAY_WED]);
    let revisions: Vec<u32> = checkins.iter().map(|s| s.revision).collect();
    assert_eq!(revisions, [1, 1, 2]);
    assert_eq!(checkins[2].value.note, EDITED_NOTE);
    // Every entry is found by its day too, not only listed.
    for s in &saves.checkins {
        assert_eq!(journal.checkin(s.value.date).unwrap().as_ref(), Some(s));
    }
    let reflections = journal.reflections(None, None).unwrap();
    assert_eq!(reflections, saves.reflections);
    assert_eq!(reflections[0].value.week_start, day(DAY_MON));
    assert_eq!(
        journal.reflection(day(DAY_WED)).unwrap().as_ref(),
        Some(&saves.reflections[0])
    );
    assert_eq!(journal.settings().unwrap().week_start, WeekStart::Sunday);
}

fn raw(path: &Path) -> Connection {
    Connection::open(path).unwrap()
}

fn wrap_methods(path: &Path) -> Vec<String> {
    let conn = raw(path);
    let mut stmt = conn
        .prepare("SELECT method FROM key_wraps ORDER BY method")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

fn wrap_bytes(path: &Path, method: &str) -> Vec<Vec<u8>> {
    raw(path)
        .query_row(
            "SELECT salt, nonce, sealed FROM key_wraps WHERE method = ?1",
            [method],
            |r| Ok(vec![r.get(0)?, r.get(1)?, r.get(2)?]),
        )
        .unwrap()
}

/// The offset of `needle` in `hay`; panics if it is not there once.
fn offset_of(hay: &[u8], needle: &[u8]) -> usize {
    let at: Vec<usize> = hay
        .windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect();
    assert_eq!(at.len(), 1, "the bytes occur once in the file");
    at[0]
}

#[test]
fn a_backup_restored_on_a_new_device_with_the_passphrase_holds_the_same_entries() {
    let old = old_phone();
    let (_dir, target) = new_phone();
    let journal = restore_here(&old.backup, &target, pass(PASSPHRASE), false);
    assert_eq!(journal.path(), target);
    assert_same_entries(&journal, &old.saves);
}

#[test]
fn a_backup_restored_on_a_new_device_with_the_recovery_code_holds_the_same_entries() {
    let old = old_phone();
    let (_dir, target) = new_phone();
    let journal = restore_here(&old.backup, &target, recovery(&old.fx.code), false);
    assert_same_entries(&journal, &old.saves);
}

#[test]
fn the_restored_journal_opens_with_the_new_device_key_and_not_the_old_one() {
    let old = old_phone();
    let (_dir, target) = new_phone();
    let journal = restore_here(&old.backup, &target, pass(PASSPHRASE), false);
    assert_eq!(
        journal.unlock_methods().unwrap(),
        [Method::Device, Method::Passphrase, Method::Recovery]
    );
    drop(journal);
    // Closed cleanly: the journal is one file again.
    assert_eq!(
        snapshot(target.parent().unwrap())
            .into_keys()
            .collect::<Vec<_>>(),
        ["journal.tandem"]
    );

    let err = Journal::open(&target, device(&DEVICE)).unwrap_err();
    assert!(matches!(err, Error::WrongKey), "{err:?}");
    for unlock in [
        device(&NEW_DEVICE),
        pass(PASSPHRASE),
        recovery(&old.fx.code),
    ] {
        let journal = Journal::open(&target, unlock).unwrap();
        assert_same_entries(&journal, &old.saves);
    }
    // The backup marker is gone from the restored journal.
    let kind: Option<Vec<u8>> = raw(&target)
        .query_row("SELECT value FROM meta WHERE name = 'kind'", [], |r| {
            r.get(0)
        })
        .ok();
    assert_eq!(kind, None);
}

#[test]
fn a_journal_restored_without_a_device_key_opens_with_the_passphrase_and_code_only() {
    let old = old_phone();
    let (_dir, target) = new_phone();
    let journal =
        Journal::restore(&old.backup, &target, recovery(&old.fx.code), None, false).unwrap();
    assert_eq!(
        journal.unlock_methods().unwrap(),
        [Method::Passphrase, Method::Recovery]
    );
    drop(journal);
    for key in [DEVICE, NEW_DEVICE] {
        let err = Journal::open(&target, device(&key)).unwrap_err();
        assert!(matches!(err, Error::WrongKey), "{err:?}");
    }
}

#[test]
fn a_backup_is_a_marked_tandem_file_without_the_device_wrap() {
    let old = old_phone();
    let conn = raw(&old.backup);
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    // "Tndm", format 4.
    assert_eq!((app, version), (0x546e_646d, 4));
    let kind: Vec<u8> = conn
        .query_row("SELECT value FROM meta WHERE name = 'kind'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(kind, BACKUP_KIND);
    drop(conn);
    assert_eq!(wrap_methods(&old.backup), ["passphrase", "recovery"]);
    assert_eq!(
        wrap_methods(&old.fx.path),
        ["device", "passphrase", "recovery"]
    );
    // Not even the device wrap's bytes are left in the file.
    let bytes = std::fs::read(&old.backup).unwrap();
    for part in wrap_bytes(&old.fx.path, "device") {
        assert!(!contains(&bytes, &part), "device wrap bytes in the backup");
    }
    // A backup is a single file, made for its owner alone.
    let names: Vec<String> = snapshot(old.fx.dir.path()).into_keys().collect();
    assert_eq!(names, ["backup.tandem", "journal.tandem"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&old.backup).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    // So the device key cannot open it, and a restore refuses to try.
    let (_dir, target) = new_phone();
    let err = Journal::restore(&old.backup, &target, device(&DEVICE), None, false).unwrap_err();
    assert_invalid(&err, "unlock");
    assert!(!target.exists());
}

#[test]
fn a_backup_holds_no_note_date_passphrase_or_recovery_code_in_plaintext() {
    let old = old_phone();
    let bytes = std::fs::read(&old.backup).unwrap();
    for needle in forbidden(&old.fx.code) {
        assert!(
            !contains(&bytes, needle.as_bytes()),
            "the backup holds {needle:?}"
        );
    }
}

#[test]
fn a_backup_never_replaces_a_file_and_needs_an_unlocked_journal() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    journal
        .save_checkin(CheckIn::new(day(DAY_MON), 3, Move::Both, PartnerMove::Both))
        .unwrap();
    let dest = fx.dir.path().join("backup.tandem");
    std::fs::write(&dest, b"an older backup").unwrap();
    // The journal is open: SQLite's -shm index changes as it reads, so the
    // files compared are the rest, and the list of names.
    let files = || {
        let mut all = fx.snapshot();
        if let Some(shm) = all.get_mut("journal.tandem-shm") {
            shm.clear();
        }
        all
    };
    let before = files();
    let err = journal.backup(&dest).unwrap_err();
    assert!(matches!(err, Error::AlreadyExists), "{err:?}");
    // The journal's own file is not a place for a backup either.
    let err = journal.backup(&fx.path).unwrap_err();
    assert!(matches!(err, Error::AlreadyExists), "{err:?}");
    // Nothing written, no temporary file left.
    assert_same_files(&before, &files());

    journal.lock();
    let other = fx.dir.path().join("new-backup.tandem");
    let err = journal.backup(&other).unwrap_err();
    assert!(matches!(err, Error::Locked), "{err:?}");
    assert!(!other.exists());

    // A folder that does not exist is an I/O error, and leaves nothing.
    journal.unlock(pass(PASSPHRASE)).unwrap();
    let nowhere = fx.dir.path().join("missing").join("backup.tandem");
    let err = journal.backup(&nowhere).unwrap_err();
    assert!(matches!(err, Error::Io(_)), "{err:?}");
    assert_same_files(&before, &files());
}

/// The new phone already has a journal of its own with a check-in, left
/// as after a crash: its last save only in the `-wal`, beside a `-shm`.
fn new_phone_with_a_journal() -> (tempfile::TempDir, PathBuf) {
    let staging = tempfile::tempdir().unwrap();
    let staged = staging.path().join("journal.tandem");
    let (mut journal, _code) = create_at(&staged, Methods::DeviceOnly);
    journal
        .save_checkin(CheckIn::new(
            day("2026-03-01"),
            5,
            Move::Neither,
            PartnerMove::Neither,
        ))
        .unwrap();
    let (dir, target) = new_phone();
    let files = snapshot(staging.path());
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["journal.tandem", "journal.tandem-shm", "journal.tandem-wal"]
    );
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    drop(journal);
    (dir, target)
}

/// Restores `backup` over the new phone's journal and asserts the typed
/// error `check` accepts, with every file of the folder unchanged.
fn assert_refused(
    backup: &Path,
    unlock: Unlock,
    replace: bool,
    what: &str,
    code: &str,
    check: impl Fn(&Error) -> bool,
) {
    let (dir, target) = new_phone_with_a_journal();
    let backup_before = std::fs::read(backup).unwrap();
    let before = snapshot(dir.path());
    let err = match Journal::restore(backup, &target, unlock, new_device_key(), replace) {
        Err(e) => e,
        Ok(_) => panic!("{what}: restored"),
    };
    assert!(check(&err), "{what}: {err:?}");
    assert_same_files(&before, &snapshot(dir.path()));
    assert_eq!(std::fs::read(backup).unwrap(), backup_before, "{what}");
    let forbidden = forbidden(code);
    let forbidden: Vec<&str> = forbidden.iter().map(String::as_str).collect();
    assert_no_user_content(&err, &forbidden);
    // The old journal still opens, with its check-in from the WAL.
    let journal = Journal::open(&target, device(&DEVICE)).unwrap();
    assert_eq!(journal.checkins(None, None).unwrap().len(), 1, "{what}");
}

/// A copy of the backup in its own folder, changed by `change`.
fn altered(old: &OldPhone, name: &str, change: impl FnOnce(&mut Vec<u8>)) -> PathBuf {
    let mut bytes = std::fs::read(&old.backup).unwrap();
    change(&mut bytes);
    let path = old.fx.dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_wrong_passphrase_or_recovery_code_is_refused_and_changes_nothing() {
    let old = old_phone();
    let code = &old.fx.code;
    assert_refused(
        &old.backup,
        pass(OTHER_PASSPHRASE),
        true,
        "wrong passphrase",
        code,
        |e| matches!(e, Error::WrongKey),
    );
    // A well-formed code, but another journal's.
    let (other, _) = Fixture::new(Methods::DeviceOnly);
    assert_refused(
        &old.backup,
        recovery(&other.code),
        true,
        "wrong recovery code",
        code,
        |e| matches!(e, Error::WrongKey),
    );
}

#[test]
fn a_backup_cut_short_anywhere_is_refused_and_changes_nothing() {
    let old = old_phone();
    let len = usize::try_from(std::fs::metadata(&old.backup).unwrap().len()).unwrap();
    let page = 4096;
    assert_eq!(len % page, 0);
    assert!(len >= 4 * page, "a backup of several pages: {len}");
    // The application id "Tndm" ends at byte 72 of SQLite's header: a file
    // cut before that is not recognisably a Tandem file. Cut later, SQLite
    // finds pages missing that the header (or page 1) calls for.
    let cuts = [
        (0, "empty"),
        (15, "inside the magic string"),
        (71, "inside the application id"),
        (72, "just after the application id"),
        (99, "inside the header"),
        (100, "just after the header"),
        (2048, "inside the first page"),
        (page, "after the first page"),
        (len / 2, "half"),
        (len - page, "without the last page"),
        (len - 1, "without the last byte"),
    ];
    for (cut, what) in cuts {
        let path = altered(&old, "cut.tandem", |b| b.truncate(cut));
        assert_refused(&path, pass(PASSPHRASE), true, what, &old.fx.code, |e| {
            if cut < 72 {
                matches!(e, Error::NotAJournal)
            } else {
                matches!(e, Error::Corrupt)
            }
        });
    }
    // Bytes appended are refused the same way.
    let path = altered(&old, "long.tandem", |b| b.extend_from_slice(&[0u8; 512]));
    assert_refused(
        &path,
        pass(PASSPHRASE),
        true,
        "appended",
        &old.fx.code,
        |e| matches!(e, Error::Corrupt),
    );
}

#[test]
fn a_flipped_byte_in_a_record_is_refused_as_corrupt_and_changes_nothing() {
    let old = old_phone();
    let sealed: Vec<Vec<u8>> = {
        let conn = raw(&old.backup);
        let mut out = Vec::new();
        for table in ["checkins", "reflections", "settings"] {
            out.push(
                conn.query_row(&format!("SELECT sealed FROM {table} LIMIT 1"), [], |r| {
                    r.get(0)
                })
                .unwrap(),
            );
        }
        out
    };
    for (i, record) in sealed.iter().enumerate() {
        let path = altered(&old, "flipped.tandem", |b| {
            let at = offset_of(b, record) + record.len() / 2;
            b[at] ^= 0x01;
        });
        assert_refused(
            &path,
            recovery(&old.fx.code),
            true,
            &format!("record {i}"),
            &old.fx.code,
            |e| matches!(e, Error::Corrupt),
        );
    }
}

#[test]
fn a_flipped_byte_in_the_passphrase_wrap_is_refused_and_the_recovery_code_still_restores() {
    let old = old_phone();
    let sealed = wrap_bytes(&old.backup, "passphrase").remove(2);
    let path = altered(&old, "flipped.tandem", |b| {
        let at = offset_of(b, &sealed) + 3;
        b[at] ^= 0x80;
    });
    // A damaged wrap cannot be told from a wrong key: both fail its seal.
    assert_refused(
        &path,
        pass(PASSPHRASE),
        true,
        "passphrase wrap",
        &old.fx.code,
        |e| matches!(e, Error::WrongKey),
    );
    let (_dir, target) = new_phone();
    let journal = restore_here(&path, &target, recovery(&old.fx.code), false);
    assert_same_entries(&journal, &old.saves);
}

#[test]
fn files_that_are_not_backups_are_refused_and_change_nothing() {
    let old = old_phone();
    let code = &old.fx.code;
    let dir = old.fx.dir.path();

    let text = dir.join("text.tandem");
    std::fs::write(&text, format!("{NOTE} {DAY_MON}\n").repeat(200)).unwrap();
    assert_refused(&text, pass(PASSPHRASE), true, "text", code, |e| {
        matches!(e, Error::NotAJournal)
    });

    let plain = dir.join("plain.sqlite");
    let conn = Connection::open(&plain).unwrap();
    conn.execute_batch("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');")
        .unwrap();
    drop(conn);
    assert_refused(&plain, pass(PASSPHRASE), true, "plain SQLite", code, |e| {
        matches!(e, Error::NotAJournal)
    });

    // The journal file itself: a journal may be missing saves still in its
    // -wal, so only a backup made by Journal::backup is restored.
    assert_refused(&old.fx.path, pass(PASSPHRASE), true, "journal", code, |e| {
        matches!(e, Error::NotABackup)
    });

    // A backup whose marker was taken out is a journal file like any other.
    let unmarked = altered(&old, "unmarked.tandem", |_| {});
    raw(&unmarked)
        .execute("DELETE FROM meta WHERE name = 'kind'", [])
        .unwrap();
    assert_refused(&unmarked, pass(PASSPHRASE), true, "unmarked", code, |e| {
        matches!(e, Error::NotABackup)
    });

    let missing = dir.join("missing.tandem");
    let (new_dir, target) = new_phone_with_a_journal();
    let before = snapshot(new_dir.path());
    let err = Journal::restore(&missing, &target, pass(PASSPHRASE), None, true).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert_same_files(&before, &snapshot(new_dir.path()));
}

#[test]
fn a_backup_from_a_newer_version_is_refused_and_changes_nothing() {
    let old = old_phone();
    let newer = altered(&old, "newer.tandem", |_| {});
    raw(&newer).pragma_update(None, "user_version", 5).unwrap();
    for unlock in [pass(PASSPHRASE), pass(OTHER_PASSPHRASE)] {
        assert_refused(&newer, unlock, true, "newer", &old.fx.code, |e| {
            matches!(
                e,
                Error::NewerVersion {
                    found: 5,
                    supported: 4
                }
            )
        });
    }
}

#[test]
fn restoring_over_a_journal_with_entries_needs_replace() {
    let old = old_phone();
    assert_refused(
        &old.backup,
        pass(PASSPHRASE),
        false,
        "without replace",
        &old.fx.code,
        |e| matches!(e, Error::WouldReplace),
    );
    // The same for a file at the target that is not a journal at all.
    let (dir, target) = new_phone();
    std::fs::write(&target, b"someone's notes").unwrap();
    let err = Journal::restore(&old.backup, &target, pass(PASSPHRASE), None, false).unwrap_err();
    assert!(matches!(err, Error::WouldReplace), "{err:?}");
    assert_eq!(std::fs::read(&target).unwrap(), b"someone's notes");
    assert_eq!(snapshot(dir.path()).len(), 1);
}

#[test]
fn restoring_with_replace_replaces_a_journal_with_entries_and_its_wal() {
    let old = old_phone();
    let (dir, target) = new_phone_with_a_journal();
    let journal = restore_here(&old.backup, &target, pass(PASSPHRASE), true);
    // The old journal's check-in (2026-03-01, in its WAL) is gone.
    assert_same_entries(&journal, &old.saves);
    drop(journal);
    // No side file of the old journal is left to be replayed into the new
    // one: it reopens with the same entries, and only them.
    assert_eq!(
        snapshot(dir.path()).into_keys().collect::<Vec<_>>(),
        ["journal.tandem"]
    );
    let journal = Journal::open(&target, device(&NEW_DEVICE)).unwrap();
    assert_same_entries(&journal, &old.saves);
    assert!(matches!(
        Journal::open(&target, device(&DEVICE)),
        Err(Error::WrongKey)
    ));
}

#[test]
fn an_empty_journal_or_a_file_that_is_not_a_journal_is_replaced_as_asked() {
    let old = old_phone();
    // An empty journal (settings saved, no entry) needs no replace.
    let (dir, target) = new_phone();
    let (mut empty, _) = create_at(&target, Methods::DeviceOnly);
    empty.set_settings(Settings::default()).unwrap();
    drop(empty);
    let journal = restore_here(&old.backup, &target, pass(PASSPHRASE), false);
    assert_same_entries(&journal, &old.saves);
    drop(journal);
    assert_eq!(snapshot(dir.path()).len(), 1);

    // Something else at the target goes when replace is given.
    let (dir, target) = new_phone();
    std::fs::write(&target, b"not a journal").unwrap();
    std::fs::write(dir.path().join("journal.tandem-wal"), b"not a WAL").unwrap();
    let journal = Journal::restore(&old.backup, &target, pass(PASSPHRASE), None, true).unwrap();
    assert_same_entries(&journal, &old.saves);
    drop(journal);
    assert_eq!(snapshot(dir.path()).len(), 1);
}

#[test]
fn a_backup_can_be_restored_many_times_and_a_restored_journal_backed_up_again() {
    let old = old_phone();
    let (_dir, target) = new_phone();
    let mut journal =
        restore_here(&old.backup, &target, pass(PASSPHRASE), false).with_clock(clock(TODAY));
    // The restored journal takes new saves like any other.
    let mut wed = journal.checkin(day(DAY_WED)).unwrap().unwrap().value;
    wed.mood = 1;
    assert_eq!(journal.save_checkin(wed).unwrap().revision, 3);
    let again = target.with_file_name("again.backup");
    journal.backup(&again).unwrap();
    drop(journal);
    let (_dir2, target2) = new_phone();
    let journal = Journal::restore(&again, &target2, recovery(&old.fx.code), None, false).unwrap();
    let wed = journal.checkin(day(DAY_WED)).unwrap().unwrap();
    assert_eq!((wed.value.mood, wed.revision), (1, 3));
    // And the first backup still restores as it was, over the first.
    let journal = Journal::restore(&old.backup, &target, pass(PASSPHRASE), None, true).unwrap();
    assert_same_entries(&journal, &old.saves);
}

/// Flips one byte every 37 bytes of a backup in turn (every byte with
/// `TANDEM_FLIP_STRIDE=1`, some minutes in release): each restore either is
/// refused with a typed error, leaving the target as it was, or gives
/// exactly the same entries (the byte was in unused page space, or in the
/// passphrase wrap, which the recovery code does not read). Never a panic,
/// never a database error, never other entries.
#[test]
fn a_byte_flipped_anywhere_is_refused_or_changes_nothing_that_is_read() {
    let stride: usize = std::env::var("TANDEM_FLIP_STRIDE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(37);
    let old = old_phone();
    let pristine = std::fs::read(&old.backup).unwrap();
    let (dir, target) = new_phone_with_a_journal();
    let target_files = snapshot(dir.path());
    let flipped = old.fx.dir.path().join("flipped.tandem");
    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    // Also the file format versions and the schema format of SQLite's
    // header, which SQLite alone would report as a read-only or an
    // unsupported file.
    let header_fields = [18, 19, 47];
    for at in (0..pristine.len()).step_by(stride).chain(header_fields) {
        let mut bytes = pristine.clone();
        bytes[at] ^= 0xff;
        std::fs::write(&flipped, &bytes).unwrap();
        let outcome = match Journal::restore(
            &flipped,
            &target,
            recovery(&old.fx.code),
            new_device_key(),
            true,
        ) {
            Ok(journal) => {
                assert_same_entries(&journal, &old.saves);
                drop(journal);
                // Put the new phone's journal back for the next round.
                for name in snapshot(dir.path()).keys() {
                    std::fs::remove_file(dir.path().join(name)).unwrap();
                }
                for (name, bytes) in &target_files {
                    std::fs::write(dir.path().join(name), bytes).unwrap();
                }
                "restored"
            }
            Err(e) => {
                assert_same_files(&target_files, &snapshot(dir.path()));
                match e {
                    Error::Corrupt => "Corrupt",
                    Error::NotAJournal => "NotAJournal",
                    Error::NotABackup => "NotABackup",
                    Error::WrongKey => "WrongKey",
                    Error::NewerVersion { .. } => "NewerVersion",
                    other => panic!("byte {at}: {other:?}"),
                }
            }
        };
        *outcomes.entry(outcome.to_string()).or_default() += 1;
    }
    eprintln!("{outcomes:?}");
    assert!(outcomes["Corrupt"] > 0 && outcomes["restored"] > 0);
}

#[test]
fn a_backup_check_opens_and_verifies_a_copy_in_the_scratch_folder_and_leaves_nothing() {
    let old = old_phone();
    let scratch = tempfile::tempdir().unwrap();
    Journal::check_backup(&old.backup, scratch.path(), pass(PASSPHRASE)).unwrap();
    Journal::check_backup(&old.backup, scratch.path(), recovery(&old.fx.code)).unwrap();
    let wrong = Journal::check_backup(&old.backup, scratch.path(), pass(OTHER_PASSPHRASE));
    assert!(matches!(wrong, Err(Error::WrongKey)), "{wrong:?}");
    // A journal file is not a backup, and a device key never opens one.
    let not_a_backup = Journal::check_backup(&old.fx.path, scratch.path(), pass(PASSPHRASE));
    assert!(
        matches!(not_a_backup, Err(Error::NotABackup)),
        "{not_a_backup:?}"
    );
    let device_key = Journal::check_backup(&old.backup, scratch.path(), device(&DEVICE));
    assert!(matches!(device_key, Err(Error::InvalidInput { .. })));
    assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0);
}

#[test]
fn settings_alone_are_not_entries_a_restore_would_replace() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    assert!(!j.holds_entries().unwrap());
    j.set_settings(Settings {
        week_start: WeekStart::Sunday,
    })
    .unwrap();
    assert!(!j.holds_entries().unwrap());
    j.save_reflection(Reflection::new(day(DAY_WED))).unwrap();
    assert!(j.holds_entries().unwrap());
}

#[test]
fn a_huge_or_padded_file_is_refused_by_its_size_before_it_is_copied() {
    let old = old_phone();
    // A real backup's header, then a sparse tail: 2 GiB long on disk
    // metadata, a few KiB of real bytes. Refused by its length alone.
    let sparse = old.fx.dir.path().join("sparse.tandem");
    std::fs::copy(&old.backup, &sparse).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&sparse)
        .unwrap()
        .set_len(2 << 30)
        .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let err = Journal::check_backup(&sparse, scratch.path(), pass(PASSPHRASE)).unwrap_err();
    assert_invalid(&err, "path");
    assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0);
    // Padded by one page within the size limit: the header's page count
    // says otherwise.
    let padded = altered(&old, "padded.tandem", |b| b.extend_from_slice(&[0u8; 4096]));
    assert_refused(
        &padded,
        pass(PASSPHRASE),
        true,
        "padded",
        &old.fx.code,
        |e| matches!(e, Error::Corrupt),
    );
}
