//! Shared helpers for the end-to-end tests: where the fixtures live, copying
//! a journal somewhere disposable, and the check-ins the crash child writes
//! (so that the child and the test that kills it agree on what a day holds).

use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use tandem_core::{CheckIn, Move, PartnerMove};

/// The directory holding committed fixtures (`tests/fixtures`).
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// `path` with `suffix` appended to its file name (`journal.tandem-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// The SQLite side files (`-wal`, `-shm`, `-journal`) that exist beside `path`.
pub fn side_files(path: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| with_suffix(path, s))
        .filter(|p| p.exists())
        .collect()
}

/// Copies the journal file `src` into `dir` under the same file name and
/// returns the copy's path. Refuses when `src` has side files beside it: a
/// copy of the main file alone would silently lose what sits in the WAL.
pub fn copy_journal(src: &Path, dir: &Path) -> io::Result<PathBuf> {
    let side = side_files(src);
    if !side.is_empty() {
        return Err(io::Error::other(format!(
            "{} has side files {side:?}; it is not fully checkpointed",
            src.display()
        )));
    }
    let name = src
        .file_name()
        .ok_or_else(|| io::Error::other("source path names no file"))?;
    let dst = dir.join(name);
    std::fs::copy(src, &dst)?;
    Ok(dst)
}

/// Environment variable carrying the crash child's passphrase.
pub const CRASH_PASSPHRASE_ENV: &str = "TANDEM_CRASH_PASSPHRASE";

/// The first day the crash child writes.
pub fn crash_first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 1, 1).expect("a valid date")
}

/// The "today" of the crash child's clock: far beyond every day it writes.
pub fn crash_today() -> NaiveDate {
    NaiveDate::from_ymd_opt(9000, 1, 1).expect("a valid date")
}

/// The note the crash child writes for `day` at `revision`; distinct for
/// every day and revision, with some non-ASCII text so a torn or mixed-up
/// record cannot pass for a good one.
pub fn crash_note(day: NaiveDate, revision: u32) -> String {
    format!("crash note for {day}, revision {revision} — ünïcödé ✓")
}

/// The whole check-in the crash child saves for `day` at `revision`.
pub fn crash_checkin(day: NaiveDate, revision: u32) -> CheckIn {
    let moves = [Move::Pursued, Move::Withdrew, Move::Both, Move::Neither];
    let n = usize::try_from(day.num_days_from_ce().unsigned_abs()).expect("a usize")
        + usize::try_from(revision).expect("a usize");
    let mut c = CheckIn::new(
        day,
        u8::try_from(n % 5).expect("below 5") + 1,
        moves[n % 4],
        PartnerMove::Unknown,
    );
    c.intensity = Some(u8::try_from(n % 11).expect("below 11"));
    c.note = crash_note(day, revision);
    c
}

/// The passphrase number `n` of the key-change crash tests.
pub fn crash_passphrase(n: u32) -> String {
    format!("crash test passphrase {n}")
}

/// How many days every import of the import crash test re-saves.
pub const CRASH_IMPORT_DAYS: u32 = 5;

/// Day `i` of the import crash test: the first [`CRASH_IMPORT_DAYS`] are
/// re-saved by every import, each later one is added by one import.
pub fn crash_import_day(i: u32) -> NaiveDate {
    crash_first_day() + chrono::Days::new(u64::from(i))
}

/// The line the crash child prints after import `n`, whose re-saved days
/// are at `revision`.
pub fn imported_line(n: u32, revision: u32) -> String {
    format!("imported {n} rev {revision}")
}

/// Parses a line printed by [`imported_line`]; anything else gives `None`.
pub fn parse_imported_line(line: &str) -> Option<(u32, u32)> {
    let (n, rev) = line.strip_prefix("imported ")?.split_once(" rev ")?;
    Some((n.parse().ok()?, rev.parse().ok()?))
}

/// The file name of the `n`th journal the crash child creates.
pub fn crash_journal_name(n: u32) -> String {
    format!("journal-{n:06}.tandem")
}

/// The `n` of a file named by [`crash_journal_name`]; `None` for any other
/// name (side files, temporary files).
pub fn parse_crash_journal_name(name: &str) -> Option<u32> {
    let digits = name.strip_prefix("journal-")?.strip_suffix(".tandem")?;
    if digits.len() != 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The line the crash child prints after each committed save.
pub fn saved_line(day: NaiveDate, revision: u32) -> String {
    format!("saved {day} rev {revision}")
}

/// Parses a line printed by [`saved_line`]; anything else gives `None`.
pub fn parse_saved_line(line: &str) -> Option<(NaiveDate, u32)> {
    let rest = line.strip_prefix("saved ")?;
    let (day, rev) = rest.split_once(" rev ")?;
    Some((day.parse().ok()?, rev.parse().ok()?))
}

/// A calendar day from `YYYY-MM-DD` (test input written by hand).
pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a YYYY-MM-DD day")
}

/// An instant from RFC 3339 text (test input written by hand).
pub fn instant(s: &str) -> chrono::DateTime<chrono::Utc> {
    s.parse().expect("an RFC 3339 instant")
}

/// A record id from its 32 hex digits.
pub fn record_id(hex: &str) -> tandem_core::RecordId {
    assert_eq!(hex.len(), 32, "a record id is 32 hex digits");
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).expect("hex digits");
    }
    tandem_core::RecordId(bytes)
}

/// `(application_id, user_version)` read straight from the SQLite header of
/// a checkpointed file, without opening it (a read-only SQLite connection
/// would leave `-wal` and `-shm` files behind).
pub fn header_ids(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).expect("a readable file");
    assert!(
        bytes.starts_with(b"SQLite format 3\0"),
        "not an SQLite file"
    );
    let be = |offset: usize| {
        u32::from_be_bytes(
            bytes[offset..offset + 4]
                .try_into()
                .expect("four header bytes"),
        )
    };
    (be(68), be(60))
}

/// A new journal at `path` that opens with `passphrase` alone (and its
/// recovery code), with `kdf` (the committed fixtures were made with
/// PBKDF2 at 1,000 iterations).
pub fn create_with_passphrase(
    path: &Path,
    passphrase: &str,
    kdf: tandem_core::Kdf,
) -> (tandem_core::Journal, tandem_core::RecoveryCode) {
    tandem_core::Journal::create(
        path,
        tandem_core::CreateOptions {
            passphrase: Some(tandem_core::Passphrase::new(passphrase).expect("a long passphrase")),
            kdf,
            ..tandem_core::CreateOptions::default()
        },
    )
    .expect("a new journal")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_line_parses_back_and_a_torn_one_does_not() {
        let day = NaiveDate::from_ymd_opt(2020, 2, 29).unwrap();
        assert_eq!(parse_saved_line(&saved_line(day, 3)), Some((day, 3)));
        assert_eq!(parse_saved_line("saved 2020-02-29 rev "), None);
        assert_eq!(parse_saved_line("saved 2020-02-2"), None);
    }

    #[test]
    fn only_finished_journal_names_parse_back() {
        assert_eq!(parse_crash_journal_name(&crash_journal_name(42)), Some(42));
        for other in [
            "journal-000042.tandem-wal",
            "journal-000042.tandem-shm",
            "journal-000042.tandem.creating-00ff",
            "journal-42.tandem",
        ] {
            assert_eq!(parse_crash_journal_name(other), None, "{other}");
        }
    }

    #[test]
    fn crash_checkins_pass_validation_on_the_childs_clock() {
        let day = crash_first_day();
        for offset in 0..40 {
            let d = day + chrono::Days::new(offset);
            assert!(crash_checkin(d, 1).validated(crash_today()).is_ok());
        }
    }
}
