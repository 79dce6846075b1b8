//! The harness every crash test shares: a seeded generator of kill
//! moments, the child process (`crash_child`) run and killed with SIGKILL,
//! SQLite's own integrity check, and a small journal to start from.
//!
//! The kill moments come from a seeded generator; the seed is printed, and
//! `TANDEM_CRASH_SEED=<n>` replays a run. `TANDEM_CRASH_ROUNDS=<n>` kills
//! more times, for a soak.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use tandem_core::{CheckIn, CreateOptions, FixedClock, Journal, Passphrase, Saved};
use tandem_tests::{CRASH_PASSPHRASE_ENV, crash_checkin, crash_first_day, crash_today};

pub const PASSPHRASE: &str = "crash test passphrase";
/// Kills in the save test (the create test does half as many).
pub const ROUNDS: usize = 40;
const DEFAULT_SEED: u64 = 0x7a4d_e3c0_ffee_0001;
const SIGKILL: i32 = 9;

/// xorshift64*: small, seeded, good enough to spread kill moments.
pub struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }
}

/// The seed (`TANDEM_CRASH_SEED`) and number of kills (`TANDEM_CRASH_ROUNDS`,
/// never fewer than `min_rounds`) for one test.
pub fn seed_and_rounds(min_rounds: usize) -> (Rng, usize) {
    let seed = std::env::var("TANDEM_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    eprintln!("crash test seed {seed} (TANDEM_CRASH_SEED={seed} replays it)");
    let rounds = std::env::var("TANDEM_CRASH_ROUNDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(min_rounds)
        .max(min_rounds);
    (Rng(seed | 1), rounds)
}

/// A running child; killed and reaped if the test panics with it alive.
struct KillOnDrop(Option<Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(mut child) = self.0.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn spawn_child(args: &[&OsStr]) -> (KillOnDrop, Receiver<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crash_child"))
        .args(args)
        .env(CRASH_PASSPHRASE_ENV, PASSPHRASE)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the crash child starts");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    (KillOnDrop(Some(child)), rx)
}

/// Runs the child for a pseudo-random 3–150 ms, counted from its `ready`
/// line or, every fourth round, from the spawn (so that some kills land
/// while it is still opening), then kills it with SIGKILL. Returns every
/// line it printed after `ready`.
pub fn run_then_kill(args: &[&OsStr], rng: &mut Rng, round: usize) -> Vec<String> {
    let (mut guard, lines) = spawn_child(args);
    if round % 4 != 3 {
        let first = lines
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_else(|_| panic!("round {round}: the child never said ready"));
        assert_eq!(first, "ready", "round {round}");
    }
    thread::sleep(Duration::from_millis(rng.between(3, 150)));

    let mut child = guard.0.take().expect("the child is running");
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert_eq!(
        status.signal(),
        Some(SIGKILL),
        "round {round}: the child ended by itself ({status}); see its stderr above"
    );
    // The pipe is closed now; the reader thread ends after the last line.
    lines.iter().filter(|l| l != "ready").collect()
}

pub fn integrity_check(path: &Path) -> String {
    let raw = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
    raw.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

/// A closed journal at `path` holding five check-ins, opened by `passphrase`.
pub fn journal_with_entries(path: &Path, passphrase: &str) -> Vec<Saved<CheckIn>> {
    let (journal, _code) = Journal::create(
        path,
        CreateOptions {
            passphrase: Some(Passphrase::new(passphrase).unwrap()),
            kdf: tandem_core::Kdf::fast_for_tests(1),
            ..CreateOptions::default()
        },
    )
    .unwrap();
    let mut journal = journal.with_clock(Box::new(FixedClock::on(crash_today())));
    let days = crash_first_day().iter_days().take(5);
    journal
        .save_checkins(days.map(|d| crash_checkin(d, 1)).collect())
        .unwrap()
}
