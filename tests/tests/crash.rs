//! Crash safety: a child process writing to a journal is killed with SIGKILL
//! at pseudo-random moments, again and again. After every kill the journal
//! must open, pass SQLite's integrity check, and hold every save the child
//! reported as done, with the right content; and a journal being created
//! must be either whole at its path or absent. Re-keys and passphrase
//! changes leave a journal that exactly one of the old and the new
//! passphrase opens, with every entry; backups are whole wherever they
//! appear.
//! Imports and restores are in `crash_files.rs`; the harness both share is
//! `kill/mod.rs`.

#![cfg(unix)]

mod kill;

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::path::Path;
use std::time::Instant;

use chrono::NaiveDate;
use kill::{
    PASSPHRASE, ROUNDS, integrity_check, journal_with_entries, run_then_kill, seed_and_rounds,
};
use tandem_core::{CreateOptions, Journal, Method, Passphrase, Unlock};
use tandem_tests::{
    crash_checkin, crash_first_day, crash_journal_name, crash_passphrase, parse_crash_journal_name,
    parse_saved_line,
};

/// Opens the journal the way the product does and checks it against what
/// the child reported. `known` maps each day to the revision it must hold;
/// the journal may be ahead by the one save that was committed but not yet
/// reported when the kill came. `known` is then brought up to date. Returns
/// how many such unreported saves there were (0 or 1).
fn verify(path: &Path, known: &mut BTreeMap<NaiveDate, u32>, round: usize) -> usize {
    let journal = Journal::open(path, Unlock::passphrase(PASSPHRASE).unwrap())
        .unwrap_or_else(|e| panic!("round {round}: the journal does not open after the kill: {e}"));
    // SQLite's own check, on a separate raw connection, while the journal
    // is open: it sees the state the killed child left, WAL included.
    assert_eq!(
        integrity_check(path),
        "ok",
        "round {round}: integrity_check"
    );

    let stored = journal
        .checkins(None, None)
        .unwrap_or_else(|e| panic!("round {round}: reading every check-in failed: {e}"));
    let mut unreported = Vec::new();
    for s in &stored {
        let day = s.value.date;
        assert_eq!(
            s.value,
            crash_checkin(day, s.revision),
            "round {round}: {day} at revision {} does not hold that revision's content",
            s.revision
        );
        match known.get(&day) {
            Some(&k) if s.revision == k => {}
            Some(&k) if s.revision == k + 1 => unreported.push((day, s.revision)),
            None if s.revision == 1 => unreported.push((day, s.revision)),
            other => panic!(
                "round {round}: {day} is stored at revision {} but the child reported {other:?}",
                s.revision
            ),
        }
    }
    let by_day: BTreeMap<NaiveDate, u32> =
        stored.iter().map(|s| (s.value.date, s.revision)).collect();
    for (day, rev) in known.iter() {
        assert!(
            by_day.contains_key(day),
            "round {round}: {day} (revision {rev}) was reported saved but is gone"
        );
    }
    assert!(
        unreported.len() <= 1,
        "round {round}: more than the one in-flight save is unaccounted for: {unreported:?}"
    );
    // The lookup by day (the keyed tag) finds the in-flight save too.
    for (day, rev) in &unreported {
        let one = journal.checkin(*day).unwrap().expect("found by day");
        assert_eq!(one.revision, *rev, "round {round}: {day}");
    }
    drop(journal);
    *known = by_day;
    unreported.len()
}

#[test]
fn sigkill_during_saves_never_loses_a_reported_save_or_corrupts_the_journal() {
    let (mut rng, rounds) = seed_and_rounds(ROUNDS);
    let started = Instant::now();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    let (journal, _code) = Journal::create(
        &path,
        CreateOptions {
            passphrase: Some(Passphrase::new(PASSPHRASE).unwrap()),
            kdf: tandem_core::Kdf::fast_for_tests(1),
            ..CreateOptions::default()
        },
    )
    .unwrap();
    drop(journal);

    let mut known: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    let mut reported_saves = 0usize;
    let mut rounds_with_saves = 0usize;
    let mut caught_in_flight = 0usize;
    for round in 0..rounds {
        // Continue from the day after the last one in the journal.
        let next_day = known
            .keys()
            .next_back()
            .map_or(crash_first_day(), |d| d.succ_opt().unwrap())
            .to_string();
        let printed = run_then_kill(&[path.as_os_str(), next_day.as_ref()], &mut rng, round);
        for line in &printed {
            let (day, rev) = parse_saved_line(line)
                .unwrap_or_else(|| panic!("round {round}: unexpected line {line:?}"));
            let k = known.entry(day).or_insert(rev);
            *k = (*k).max(rev);
        }
        reported_saves += printed.len();
        rounds_with_saves += usize::from(!printed.is_empty());

        caught_in_flight += verify(&path, &mut known, round);
    }

    let bumped = known.values().filter(|&&r| r > 1).count();
    eprintln!(
        "{rounds} kills, {reported_saves} reported saves, {} days, {bumped} re-saved, \
         {caught_in_flight} kills between commit and report, {:.1?}",
        known.len(),
        started.elapsed()
    );
    assert!(
        rounds_with_saves >= rounds / 2,
        "only {rounds_with_saves} of {rounds} rounds saved anything: the kills hit nothing"
    );
    assert!(bumped > 0, "no revision bump was exercised");
}

/// The finished journals (`journal-<n>.tandem`) in `dir`, and how many other
/// files there are (side files, temporary `.creating-` files).
fn list_created(dir: &Path) -> (BTreeSet<u32>, usize) {
    let mut journals = BTreeSet::new();
    let mut others = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name();
        match parse_crash_journal_name(&name.to_string_lossy()) {
            Some(n) => {
                journals.insert(n);
            }
            None => others += 1,
        }
    }
    (journals, others)
}

#[test]
fn sigkill_during_create_leaves_either_a_whole_journal_or_none_at_its_path() {
    let (mut rng, rounds) = seed_and_rounds(ROUNDS / 2);
    let started = Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut checked: BTreeSet<u32> = BTreeSet::new();
    let mut reported = 0usize;
    for round in 0..rounds {
        let next = checked.last().map_or(0, |n| n + 1).to_string();
        let printed = run_then_kill(
            &[
                OsStr::new("--create"),
                dir.path().as_os_str(),
                next.as_ref(),
            ],
            &mut rng,
            round,
        );
        let (journals, _) = list_created(dir.path());
        for line in &printed {
            let n: u32 = line
                .strip_prefix("created ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("round {round}: unexpected line {line:?}"));
            assert!(
                journals.contains(&n),
                "round {round}: journal {n} was reported created but is missing"
            );
        }
        reported += printed.len();

        // Every journal at its final path is whole: it opens with the
        // passphrase and has both unlock methods. Earlier rounds' journals
        // were checked then, and nothing touches them again.
        for &n in journals.difference(&checked) {
            let path = dir.path().join(crash_journal_name(n));
            let journal = Journal::open(&path, Unlock::passphrase(PASSPHRASE).unwrap())
                .unwrap_or_else(|e| {
                    panic!("round {round}: journal {n} is at its path but does not open: {e}")
                });
            assert_eq!(
                journal.unlock_methods().unwrap(),
                vec![Method::Passphrase, Method::Recovery],
                "round {round}: journal {n}"
            );
            assert!(journal.checkins(None, None).unwrap().is_empty());
            drop(journal);
            assert_eq!(integrity_check(&path), "ok", "round {round}: journal {n}");
        }
        checked = journals;
    }

    let (journals, strays) = list_created(dir.path());
    eprintln!(
        "{rounds} kills, {reported} reported creations, {} journals, {strays} stray files \
         left by interrupted creations, {:.1?}",
        journals.len(),
        started.elapsed()
    );
    assert!(reported > 0, "no creation finished between the kills");
}

/// Kills a child that re-keys the journal (or changes its passphrase) over
/// and over; after each kill exactly one of the last reported passphrase
/// and the next opens it, whole, with every entry.
fn keys_survive_kills(how: &str) {
    let (mut rng, rounds) = seed_and_rounds(ROUNDS / 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    let entries = journal_with_entries(&path, &crash_passphrase(0));
    let (mut current, mut changes, mut in_flight) = (0u32, 0usize, 0usize);
    for round in 0..rounds {
        let n = current.to_string();
        let args = [
            OsStr::new("--keys"),
            path.as_os_str(),
            OsStr::new(how),
            n.as_ref(),
        ];
        let printed = run_then_kill(&args, &mut rng, round);
        let last = printed.iter().fold(current, |at, line| {
            line.strip_prefix("keyed ")
                .and_then(|i| i.parse::<u32>().ok())
                .unwrap_or_else(|| panic!("round {round}: unexpected line {line:?}"))
                .max(at)
        });
        changes += printed.len();
        let opens = |i: u32| Journal::open(&path, Unlock::passphrase(crash_passphrase(i)).unwrap());
        let (journal, at) = match (opens(last), opens(last + 1)) {
            (Ok(j), Err(_)) => (j, last),
            (Err(_), Ok(j)) => (j, last + 1),
            (Ok(_), Ok(_)) => panic!("round {round}: two passphrases open it"),
            (Err(e), Err(_)) => panic!("round {round}: neither passphrase opens it: {e}"),
        };
        in_flight += usize::from(at > last);
        assert_eq!(integrity_check(&path), "ok", "round {round}");
        assert_eq!(
            journal.checkins(None, None).unwrap(),
            entries,
            "round {round}"
        );
        assert!(journal.health().unwrap().is_sound(), "round {round}");
        drop(journal);
        current = at;
    }
    eprintln!("{how}: {rounds} kills, {changes} reported, {in_flight} caught in flight");
    assert!(changes > 0, "{how}: no change finished between the kills");
}

#[test]
fn sigkill_during_rekeys_leaves_the_old_or_the_new_key_and_every_entry() {
    keys_survive_kills("rekey");
}

#[test]
fn sigkill_during_passphrase_changes_leaves_the_old_or_the_new_passphrase() {
    keys_survive_kills("passphrase");
}

#[test]
fn sigkill_during_backups_leaves_only_whole_backups_and_the_journal_as_it_was() {
    let (mut rng, rounds) = seed_and_rounds(ROUNDS / 2);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journal.tandem");
    let entries = journal_with_entries(&path, PASSPHRASE);
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let (mut next, mut reported) = (0u32, 0usize);
    let mut checked = BTreeSet::new();
    for round in 0..rounds {
        let n = next.to_string();
        let args = [
            OsStr::new("--backup"),
            path.as_os_str(),
            backups.as_os_str(),
            n.as_ref(),
        ];
        let printed = run_then_kill(&args, &mut rng, round);
        reported += printed.len();
        let present: BTreeSet<u32> = std::fs::read_dir(&backups)
            .unwrap()
            .filter_map(|e| {
                let name = e.unwrap().file_name().to_string_lossy().into_owned();
                name.strip_prefix("backup-")?
                    .strip_suffix(".tandem")?
                    .parse()
                    .ok()
            })
            .collect();
        for line in &printed {
            let n: u32 = line
                .strip_prefix("backed up ")
                .and_then(|n| n.parse().ok())
                .unwrap();
            assert!(
                present.contains(&n),
                "round {round}: backup {n} reported but missing"
            );
        }
        // Every backup at its name is whole and restores every entry.
        for &n in present.difference(&checked) {
            let b = backups.join(format!("backup-{n}.tandem"));
            let target = dir.path().join(format!("restored-{n}.tandem"));
            let unlock = Unlock::passphrase(PASSPHRASE).unwrap();
            let restored = Journal::restore(&b, &target, unlock, None, false)
                .unwrap_or_else(|e| panic!("round {round}: backup {n} does not restore: {e}"));
            assert_eq!(restored.checkins(None, None).unwrap(), entries);
        }
        next = present.last().map_or(next, |n| n + 1);
        checked = present;
        let journal = Journal::open(&path, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
        assert_eq!(
            journal.checkins(None, None).unwrap(),
            entries,
            "round {round}"
        );
        drop(journal);
        assert_eq!(integrity_check(&path), "ok", "round {round}");
    }
    eprintln!("backup: {rounds} kills, {reported} reported backups");
    assert!(reported > 0, "no backup finished between the kills");
}
