//! The process `tests/crash.rs` kills, passphrase in `TANDEM_CRASH_PASSPHRASE`.
//!
//! `crash_child <journal> <first-day>` opens an existing journal, prints
//! `ready`, then saves check-ins for successive days from `first-day`, every
//! third time also re-saving an earlier day (a revision bump), and prints
//! `saved <day> rev <n>` after each committed save.
//!
//! `crash_child --create <dir> <first-n>` creates journals `journal-<n>.tandem`
//! in `dir` one after another from `n`, printing `created <n>` after each.
//!
//! `crash_child --keys <journal> rekey|passphrase <n>` opens the journal
//! with passphrase `n` ([`crash_passphrase`]), then re-keys it (or changes
//! its passphrase) to passphrase `n + 1`, `n + 2` … printing `keyed <i>`
//! after each commit.
//!
//! `crash_child --backup <journal> <dir> <first-n>` writes backups
//! `backup-<n>.tandem` into `dir` one after another, printing `backed up <n>`.
//!
//! `crash_child --import <journal> <source> <first-n>` re-saves the source
//! journal's [`CRASH_IMPORT_DAYS`] days (all at one new revision) and one
//! new day, exports the source and imports that file into the journal as
//! the user's own from another phone, printing `imported <n> rev <r>`.
//!
//! `crash_child --restore <target> <first-n> <backup-0> <backup-1> …`
//! restores backup `n % count` over `target`, again and again, printing
//! `restored <n>`; backup `i` opens with passphrase `i`.
//!
//! Each stops by itself after a minute, so that a child orphaned by
//! a failed test does not write forever.

use std::error::Error;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{Days, NaiveDate};
use tandem_core::{CreateOptions, FixedClock, ImportAs, Journal, Passphrase, Unlock};
use tandem_tests::{
    CRASH_IMPORT_DAYS, CRASH_PASSPHRASE_ENV, crash_checkin, crash_first_day, crash_import_day,
    crash_journal_name, crash_passphrase, crash_today, imported_line, saved_line,
};

const GIVE_UP_AFTER: Duration = Duration::from_secs(60);
const USAGE: &str = "usage: crash_child <journal> <first-day> | --create <dir> <first-n> | \
     --keys <journal> rekey|passphrase <n> | --backup <journal> <dir> <first-n> | \
     --import <journal> <source> <first-n> | --restore <target> <first-n> <backup>…";

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let passphrase = std::env::var(CRASH_PASSPHRASE_ENV)?;
    match args.as_slice() {
        [flag, dir, first] if flag == "--create" => {
            create_many(Path::new(dir), first.parse()?, &passphrase)
        }
        [flag, path, how, n] if flag == "--keys" => change_keys(Path::new(path), how, n.parse()?),
        [flag, path, dir, first] if flag == "--backup" => {
            back_up_many(Path::new(path), Path::new(dir), first.parse()?, &passphrase)
        }
        [flag, path, source, first] if flag == "--import" => import_many(
            Path::new(path),
            Path::new(source),
            first.parse()?,
            &passphrase,
        ),
        [flag, target, first, backups @ ..] if flag == "--restore" && !backups.is_empty() => {
            restore_many(Path::new(target), backups, first.parse()?)
        }
        [path, first] => save_many(Path::new(path), first.parse()?, &passphrase),
        _ => Err(USAGE.into()),
    }
}

fn save_many(path: &Path, first: NaiveDate, passphrase: &str) -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    let mut journal = Journal::open(path, Unlock::passphrase(passphrase)?)?
        .with_clock(Box::new(FixedClock::on(crash_today())));
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready")?;
    out.flush()?;

    let mut save = |journal: &mut Journal, day: NaiveDate| -> Result<(), Box<dyn Error>> {
        let revision = journal.checkin(day)?.map_or(0, |s| s.revision) + 1;
        let saved = journal.save_checkin(crash_checkin(day, revision))?;
        if saved.revision != revision {
            return Err(format!(
                "expected revision {revision}, store says {}",
                saved.revision
            )
            .into());
        }
        writeln!(out, "{}", saved_line(day, revision))?;
        out.flush()?;
        Ok(())
    };

    let mut day = first;
    for n in 1u64.. {
        if started.elapsed() > GIVE_UP_AFTER {
            break;
        }
        save(&mut journal, day)?;
        if n % 3 == 0 {
            // Bump an earlier day, somewhere in the first half of the history.
            let back = (day - crash_first_day()).num_days().unsigned_abs() / 2;
            save(&mut journal, crash_first_day() + Days::new(back))?;
        }
        day = day.succ_opt().ok_or("ran out of days")?;
    }
    Ok(())
}

/// Prints `ready`, then runs `step` for `first`, `first + 1` … printing
/// the line each returns once its work is committed, until the minute is up.
fn repeat(
    first: u32,
    mut step: impl FnMut(u32) -> Result<String, Box<dyn Error>>,
) -> Result<(), Box<dyn Error>> {
    let started = Instant::now();
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready")?;
    out.flush()?;
    for n in first.. {
        if started.elapsed() > GIVE_UP_AFTER {
            break;
        }
        let line = step(n)?;
        writeln!(out, "{line}")?;
        out.flush()?;
    }
    Ok(())
}

fn change_keys(path: &Path, how: &str, current: u32) -> Result<(), Box<dyn Error>> {
    let mut journal = Journal::open(path, Unlock::passphrase(crash_passphrase(current))?)?;
    journal.set_kdf(tandem_core::Kdf::fast_for_tests(1))?;
    repeat(current + 1, |i| {
        let next = Passphrase::new(crash_passphrase(i))?;
        match how {
            "rekey" => drop(journal.rekey(Some(next), None)?),
            "passphrase" => journal.set_passphrase(Some(next))?,
            _ => return Err(USAGE.into()),
        }
        Ok(format!("keyed {i}"))
    })
}

fn back_up_many(
    path: &Path,
    dir: &Path,
    first: u32,
    passphrase: &str,
) -> Result<(), Box<dyn Error>> {
    let journal = Journal::open(path, Unlock::passphrase(passphrase)?)?;
    repeat(first, |n| {
        journal.backup(&dir.join(format!("backup-{n}.tandem")))?;
        Ok(format!("backed up {n}"))
    })
}

fn create_many(dir: &Path, first: u32, passphrase: &str) -> Result<(), Box<dyn Error>> {
    repeat(first, |n| {
        let (journal, _code) = Journal::create(
            dir.join(crash_journal_name(n)),
            CreateOptions {
                passphrase: Some(Passphrase::new(passphrase)?),
                kdf: tandem_core::Kdf::fast_for_tests(1),
                ..CreateOptions::default()
            },
        )?;
        drop(journal);
        Ok(format!("created {n}"))
    })
}

fn import_many(
    path: &Path,
    source: &Path,
    first: u32,
    passphrase: &str,
) -> Result<(), Box<dyn Error>> {
    let open = |p: &Path| -> Result<Journal, Box<dyn Error>> {
        Ok(Journal::open(p, Unlock::passphrase(passphrase)?)?
            .with_clock(Box::new(FixedClock::on(crash_today()))))
    };
    let (mut journal, mut source) = (open(path)?, open(source)?);
    repeat(first, |n| {
        let revision = source.checkin(crash_first_day())?.map_or(0, |s| s.revision) + 1;
        let mut batch: Vec<_> = (0..CRASH_IMPORT_DAYS)
            .map(|i| crash_checkin(crash_import_day(i), revision))
            .collect();
        let new_day = crash_import_day(CRASH_IMPORT_DAYS + n);
        let new_revision = source.checkin(new_day)?.map_or(0, |s| s.revision) + 1;
        batch.push(crash_checkin(new_day, new_revision));
        source.save_checkins(batch)?;
        let file = source.export_json()?;
        journal.import_json_as(&file, ImportAs::MyOtherJournal)?;
        Ok(imported_line(n, revision))
    })
}

fn restore_many(target: &Path, backups: &[String], first: u32) -> Result<(), Box<dyn Error>> {
    let count = u32::try_from(backups.len())?;
    repeat(first, |n| {
        let i = n % count;
        let unlock = Unlock::passphrase(crash_passphrase(i))?;
        let backup = Path::new(&backups[usize::try_from(i)?]);
        let restored = Journal::restore(backup, target, unlock, None, true)?;
        drop(restored);
        Ok(format!("restored {n}"))
    })
}
