//! `tandem backup` and `tandem restore` end to end: a backup restored into
//! a new path with the passphrase or the recovery code lists the same
//! days; refusals are one line, exit code 1, and change nothing. (The CLI
//! derives keys with 600,000 PBKDF2 iterations, so these tests are few.)

mod common;

use common::*;

use std::process::Output;

fn assert_success_line(o: &Output, needle: &str) {
    assert!(o.status.success(), "stderr: {}", stderr(o));
    let out = stdout(o);
    assert_eq!(out.lines().count(), 1, "one line: {out:?}");
    assert!(out.contains(needle), "{out:?} should mention {needle:?}");
}

#[test]
fn a_backup_restores_into_a_new_path_with_the_passphrase_or_the_recovery_code() {
    let old = tempfile::tempdir().unwrap();
    let journal = old.path().join("journal.tandem");
    let init = tandem(&journal, &["init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let code = stdout(&init)
        .lines()
        .map(str::trim)
        .find(|l| l.split('-').count() == 14 && l.split('-').all(|g| g.len() == 4))
        .expect("a recovery code line")
        .to_string();
    for (day, note) in [("2026-01-05", "first"), ("2026-01-07", "second")] {
        let o = tandem(
            &journal,
            &["checkin", "--date", day, "--mood", "3", "--note", note],
        );
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = tandem(
        &journal,
        &["reflect", "--week", "2026-01-07", "--safety", "2"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = stdout(&tandem(&journal, &["list"]));
    assert_eq!(listed.lines().count(), 2);

    let backup = old.path().join("backup.tandem");
    let file = backup.to_str().unwrap();
    assert_success_line(&tandem(&journal, &["backup", file]), "backup.tandem");
    let bytes = std::fs::read(&backup).unwrap();
    // A backup never replaces a file.
    assert_one_line_failure(&tandem(&journal, &["backup", file]), 1, "already exists");
    assert_eq!(std::fs::read(&backup).unwrap(), bytes);

    // The new machine, with the passphrase: two check-ins, one reflection.
    let new = tempfile::tempdir().unwrap();
    let restored = new.path().join("sub").join("journal.tandem");
    assert_success_line(
        &tandem(&restored, &["restore", file]),
        "Restored 2 check-ins and 1 weekly reflection",
    );
    assert_eq!(stdout(&tandem(&restored, &["list"])), listed);

    // Again over it: refused without --force, the journal untouched.
    let before = std::fs::read(&restored).unwrap();
    assert_one_line_failure(&tandem(&restored, &["restore", file]), 1, "--force");
    assert_eq!(std::fs::read(&restored).unwrap(), before);

    // With --force and the recovery code, from the environment.
    let o = tandem_with(
        &restored,
        &["restore", file, "--force", "--recovery-code"],
        &[
            ("TANDEM_RECOVERY_CODE", &code),
            ("TANDEM_PASSPHRASE", "not it at all"),
        ],
    );
    assert_success_line(&o, "Restored 2 check-ins");
    assert_eq!(stdout(&tandem(&restored, &["list"])), listed);
}

#[test]
fn refused_restores_give_one_line_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("journal.tandem");
    assert!(tandem(&journal, &["init"]).status.success());
    let backup = dir.path().join("backup.tandem");
    let file = backup.to_str().unwrap();
    assert!(tandem(&journal, &["backup", file]).status.success());
    let target = dir.path().join("restored.tandem");

    let o = tandem_with(
        &target,
        &["restore", file],
        &[("TANDEM_PASSPHRASE", "a wrong passphrase")],
    );
    assert_one_line_failure(&o, 1, "does not open this backup");
    assert_one_line_failure(
        &tandem(&target, &["restore", journal.to_str().unwrap()]),
        1,
        "not a backup",
    );
    std::fs::write(dir.path().join("notes.txt"), b"hello").unwrap();
    let notes = dir.path().join("notes.txt");
    assert_one_line_failure(
        &tandem(&target, &["restore", notes.to_str().unwrap()]),
        1,
        "not a Tandem backup",
    );
    let missing = dir.path().join("missing.tandem");
    assert_one_line_failure(
        &tandem(&target, &["restore", missing.to_str().unwrap()]),
        1,
        "no backup at",
    );
    assert!(!target.exists());
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 3, "no temporary file left: {names:?}");

    assert_one_line_failure(&tandem(&target, &["restore"]), 2, "FILE");
    assert_one_line_failure(&tandem(&target, &["backup"]), 2, "FILE");
}
