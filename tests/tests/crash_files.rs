//! Crash safety of the two writes that take a whole file in: an import and
//! a restore. A child importing (or restoring) again and again is killed
//! with SIGKILL at pseudo-random moments; after every kill the journal
//! opens, passes SQLite's integrity check and Tandem's own checks, and
//! holds either what it held before the import (or restore) in flight or
//! all of it, never part, and never less than the child reported done.
//! The harness is `kill/mod.rs`; seeds and soaks as in `crash.rs`.

#![cfg(unix)]

mod kill;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::NaiveDate;
use kill::{PASSPHRASE, ROUNDS, integrity_check, journal_with_entries, run_then_kill};
use tandem_core::{Journal, Passphrase, Unlock};
use tandem_tests::{
    CRASH_IMPORT_DAYS, crash_checkin, crash_first_day, crash_import_day, crash_passphrase,
    crash_today, parse_imported_line,
};

/// Every check-in of the journal at `path` as day → revision, each checked
/// to hold that revision's content; and the journal's own checks pass.
fn days_and_revisions(path: &Path, passphrase: &str, round: usize) -> BTreeMap<NaiveDate, u32> {
    let journal = Journal::open(path, Unlock::passphrase(passphrase).unwrap())
        .unwrap_or_else(|e| panic!("round {round}: {} does not open: {e}", path.display()));
    assert_eq!(integrity_check(path), "ok", "round {round}");
    assert!(journal.health().unwrap().is_sound(), "round {round}");
    let stored = journal.checkins(None, None).unwrap();
    stored
        .iter()
        .map(|s| {
            assert_eq!(
                s.value,
                crash_checkin(s.value.date, s.revision),
                "round {round}"
            );
            (s.value.date, s.revision)
        })
        .collect()
}

#[test]
fn sigkill_during_imports_leaves_each_import_whole_or_absent_and_every_reported_one() {
    let (mut rng, rounds) = kill::seed_and_rounds(ROUNDS / 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    let source = dir.path().join("other-phone.tandem");
    journal_with_entries(&path, PASSPHRASE);
    journal_with_entries(&source, PASSPHRASE);
    let (mut next, mut reported_revision, mut imports, mut in_flight) = (0u32, 1u32, 0usize, 0);
    for round in 0..rounds {
        let n = next.to_string();
        let args = [
            OsStr::new("--import"),
            path.as_os_str(),
            source.as_os_str(),
            n.as_ref(),
        ];
        let printed = run_then_kill(&args, &mut rng, round);
        for line in &printed {
            let (n, revision) = parse_imported_line(line)
                .unwrap_or_else(|| panic!("round {round}: unexpected line {line:?}"));
            next = next.max(n + 1);
            reported_revision = reported_revision.max(revision);
        }
        imports += printed.len();

        let mine = days_and_revisions(&path, PASSPHRASE, round);
        let theirs = days_and_revisions(&source, PASSPHRASE, round);
        // The days every import re-saves sit at one revision: no import
        // was applied in part. It is the last one reported or a later one
        // caught between its commit and its report.
        let revisions: Vec<u32> = (0..CRASH_IMPORT_DAYS)
            .map(|i| mine[&crash_import_day(i)])
            .collect();
        let at = revisions[0];
        assert!(
            revisions.iter().all(|&r| r == at),
            "round {round}: an import was applied in part: {revisions:?}"
        );
        assert!(
            (reported_revision..=theirs[&crash_first_day()]).contains(&at),
            "round {round}: revision {at}, reported {reported_revision}"
        );
        in_flight += usize::from(at > reported_revision);
        reported_revision = at;
        // Every day an import reported added is here, and nothing the
        // other phone never held.
        for i in CRASH_IMPORT_DAYS..CRASH_IMPORT_DAYS + next {
            assert!(
                mine.contains_key(&crash_import_day(i)),
                "round {round}: day {i} was reported imported but is missing"
            );
        }
        for (day, revision) in &mine {
            let there = theirs.get(day).copied().unwrap_or(0);
            assert!(
                *revision <= there,
                "round {round}: {day} is newer than its source"
            );
        }
    }
    eprintln!("import: {rounds} kills, {imports} reported imports, {in_flight} caught in flight");
    assert!(imports > 0, "no import finished between the kills");
}

/// How many backups the restore test takes turns with.
const BACKUPS: u32 = 3;

/// Backup `i` of the journal at `path`, opened by passphrase `i`, holding
/// `5 + i` check-ins; the journal is left at passphrase `BACKUPS - 1`.
fn backups(path: &Path, dir: &Path) -> Vec<(std::path::PathBuf, Vec<NaiveDate>)> {
    journal_with_entries(path, &crash_passphrase(0));
    let mut journal = Journal::open(path, Unlock::passphrase(crash_passphrase(0)).unwrap())
        .unwrap()
        .with_clock(Box::new(tandem_core::FixedClock::on(crash_today())));
    journal
        .set_kdf(tandem_core::Kdf::fast_for_tests(1))
        .unwrap();
    let mut made = Vec::new();
    for i in 0..BACKUPS {
        if i > 0 {
            let next = Passphrase::new(crash_passphrase(i)).unwrap();
            journal.set_passphrase(Some(next)).unwrap();
            let day = crash_first_day() + chrono::Days::new(u64::from(4 + i));
            journal.save_checkin(crash_checkin(day, 1)).unwrap();
        }
        let backup = dir.join(format!("backup-{i}.tandem"));
        journal.backup(&backup).unwrap();
        let days = journal.checkins(None, None).unwrap();
        made.push((backup, days.iter().map(|s| s.value.date).collect()));
    }
    made
}

/// The restores' temporary copies beside `target`, each made an hour and
/// a half old, as if a crash had left it long ago.
fn age_strays(target: &Path) -> usize {
    let name = target.file_name().unwrap().to_string_lossy().into_owned();
    let long_ago = SystemTime::now() - Duration::from_secs(90 * 60);
    let mut strays = 0;
    for entry in std::fs::read_dir(target.parent().unwrap()).unwrap() {
        let entry = entry.unwrap();
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&format!("{name}.restoring-")) {
            let f = std::fs::File::options()
                .write(true)
                .open(entry.path())
                .unwrap();
            f.set_modified(long_ago).unwrap();
            strays += 1;
        }
    }
    strays
}

#[test]
fn sigkill_during_restores_leaves_the_old_journal_or_the_new_one_whole() {
    let (mut rng, rounds) = kill::seed_and_rounds(ROUNDS / 2);
    let dir = tempfile::tempdir().unwrap();
    let made = backups(&dir.path().join("journal.tandem"), dir.path());
    let target = dir.path().join("restored.tandem");
    // The restore whose backup the target holds; none before the first.
    let mut holds: Option<u32> = None;
    let (mut restores, mut in_flight, mut strays) = (0usize, 0usize, 0usize);
    for round in 0..rounds {
        let first = holds.map_or(0, |n| n + 1).to_string();
        let mut args = vec![OsStr::new("--restore"), target.as_os_str(), first.as_ref()];
        args.extend(made.iter().map(|(backup, _)| backup.as_os_str()));
        let printed = run_then_kill(&args, &mut rng, round);
        let reported = printed.iter().fold(holds, |at, line| {
            let n = line
                .strip_prefix("restored ")
                .and_then(|n| n.parse::<u32>().ok())
                .unwrap_or_else(|| panic!("round {round}: unexpected line {line:?}"));
            Some(at.map_or(n, |at| at.max(n)))
        });
        restores += printed.len();
        strays += age_strays(&target);

        // The target holds the last restore reported or the one after it
        // (committed, not yet reported); exactly that backup's passphrase
        // opens it, with exactly that backup's entries.
        let may_hold = match reported {
            Some(n) => vec![n, n + 1],
            None => vec![0],
        };
        if !target.exists() {
            assert_eq!(
                reported, None,
                "round {round}: a reported restore is missing"
            );
            continue;
        }
        let opens: Vec<u32> = (0..BACKUPS)
            .filter(|&i| {
                Journal::open(&target, Unlock::passphrase(crash_passphrase(i)).unwrap()).is_ok()
            })
            .collect();
        let [i] = opens[..] else {
            panic!("round {round}: passphrases {opens:?} open the target");
        };
        let n = *may_hold
            .iter()
            .find(|&&n| n % BACKUPS == i)
            .unwrap_or_else(|| panic!("round {round}: holds backup {i}, reported {reported:?}"));
        in_flight += usize::from(Some(n) != reported);
        let days = days_and_revisions(&target, &crash_passphrase(i), round);
        assert_eq!(
            days.keys().copied().collect::<Vec<_>>(),
            made[i as usize].1,
            "round {round}"
        );
        assert_eq!(
            age_strays(&target),
            0,
            "round {round}: open left an old copy"
        );
        holds = Some(n);
    }
    eprintln!(
        "restore: {rounds} kills, {restores} reported, {in_flight} caught in flight, \
         {strays} copies left by kills (removed at the next open)"
    );
    assert!(restores > 0, "no restore finished between the kills");
}
