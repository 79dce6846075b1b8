//! Helpers shared by the integration tests: fixed days, journals made with
//! fast key derivation, snapshots of a directory's bytes, raw SQL access,
//! and the check that an error message repeats no user content.

#![allow(dead_code)]

pub mod journals;
pub mod strategies;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use tandem_core::{CreateOptions, DeviceKey, Error, FixedClock, Journal, Passphrase, Unlock};

/// PBKDF2 iterations for every test journal: low, so the tests stay fast.
pub const TEST_KDF: tandem_core::Kdf = tandem_core::Kdf::Argon2id {
    memory_kib: 8,
    passes: 1,
    lanes: 1,
};
/// The passphrase of test journals.
pub const PASSPHRASE: &str = "correct horse battery staple";
/// Another passphrase, never set on a test journal unless a test sets it.
pub const OTHER_PASSPHRASE: &str = "incorrect horse battery staple";
/// The device key of test journals.
pub const DEVICE: [u8; 32] = [0x5a; 32];
/// A device key that opens no test journal.
pub const OTHER_DEVICE: [u8; 32] = [0xa5; 32];

/// The user's local "today" in every test: Tuesday 10 March 2026.
pub const TODAY: &str = "2026-03-10";

/// Parses a `YYYY-MM-DD` day written in a test.
pub fn day(s: &str) -> NaiveDate {
    s.parse().expect("a valid test date")
}

/// Parses an RFC 3339 instant written in a test.
pub fn instant(s: &str) -> DateTime<Utc> {
    s.parse().expect("a valid test instant")
}

/// A clock stopped on `s` (noon UTC).
pub fn clock(s: &str) -> Box<FixedClock> {
    Box::new(FixedClock::on(day(s)))
}

pub fn pass(s: &str) -> Unlock {
    Unlock::passphrase(s).expect("a long enough test passphrase")
}

pub fn device(bytes: &[u8; 32]) -> Unlock {
    Unlock::device_key(bytes).expect("32 bytes")
}

pub fn recovery(code: &str) -> Unlock {
    Unlock::recovery_code(code).expect("a well-formed recovery code")
}

/// Which unlock methods a test journal gets at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Methods {
    /// Device key and passphrase (both).
    Both,
    /// Device key only.
    DeviceOnly,
    /// Passphrase only.
    PassphraseOnly,
}

/// A temporary directory holding one journal path.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    /// The recovery code as shown at creation.
    pub code: String,
}

impl Fixture {
    /// Creates a journal at `<tmp>/journal.tandem`, clock on [`TODAY`].
    pub fn new(methods: Methods) -> (Fixture, Journal) {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("journal.tandem");
        let (journal, code) = create_at(&path, methods);
        (Fixture { dir, path, code }, journal)
    }

    /// Opens the journal again, clock on [`TODAY`].
    pub fn open(&self, unlock: Unlock) -> Result<Journal, Error> {
        Journal::open(&self.path, unlock).map(|j| j.with_clock(clock(TODAY)))
    }

    /// Opens with the device key; panics if that fails.
    pub fn open_device(&self) -> Journal {
        self.open(device(&DEVICE))
            .expect("the device key opens the journal")
    }

    /// Opens with the device key only to salvage ([`Journal::open_damaged`]);
    /// panics if that fails.
    pub fn open_damaged(&self) -> Journal {
        Journal::open_damaged(&self.path, device(&DEVICE))
            .map(|j| j.with_clock(clock(TODAY)))
            .expect("the device key opens the journal to salvage it")
    }

    /// Asserts that opening with the device key is refused as `want`
    /// (compared by its message) and leaves every file as it was.
    /// The journal file itself is compared: a test's raw connection may
    /// hold the `-wal` and `-shm` open beside it.
    pub fn assert_open_refused(&self, want: &Error, what: &str) {
        let before = std::fs::read(&self.path).expect("the journal file");
        match self.open(device(&DEVICE)) {
            Err(e) => assert_eq!(e.to_string(), want.to_string(), "{what}"),
            Ok(_) => panic!("{what}: opened"),
        }
        assert_eq!(before, std::fs::read(&self.path).unwrap(), "{what}");
    }

    /// Every file of the directory and its bytes.
    pub fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        snapshot(self.dir.path())
    }

    /// A raw SQLite connection to the journal file.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).expect("raw connection")
    }
}

/// Creates a journal at `path` with the test key settings; returns it and
/// the recovery code's display form.
pub fn create_at(path: &Path, methods: Methods) -> (Journal, String) {
    let device_key = match methods {
        Methods::Both | Methods::DeviceOnly => {
            Some(DeviceKey::from_bytes(&DEVICE).expect("32 bytes"))
        }
        Methods::PassphraseOnly => None,
    };
    let passphrase = match methods {
        Methods::Both | Methods::PassphraseOnly => {
            Some(Passphrase::new(PASSPHRASE).expect("long enough"))
        }
        Methods::DeviceOnly => None,
    };
    let (journal, code) = Journal::create(
        path,
        CreateOptions {
            device_key,
            passphrase,
            kdf: TEST_KDF,
        },
    )
    .expect("a new journal");
    let code = code.display().to_string();
    (journal.with_clock(clock(TODAY)), code)
}

/// Every regular file directly in `dir`, by name, with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("readable directory") {
        let entry = entry.expect("directory entry");
        if entry.file_type().expect("file type").is_file() {
            let name = entry.file_name().to_string_lossy().into_owned();
            out.insert(name, std::fs::read(entry.path()).expect("readable file"));
        }
    }
    out
}

/// Asserts two snapshots hold the same files with the same bytes, naming
/// the first difference instead of dumping kilobytes.
pub fn assert_same_files(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) {
    let names_before: Vec<&String> = before.keys().collect();
    let names_after: Vec<&String> = after.keys().collect();
    assert_eq!(names_before, names_after, "the directory's files changed");
    for (name, bytes) in before {
        let now = &after[name];
        assert_eq!(bytes.len(), now.len(), "{name} changed length");
        if let Some(i) = bytes.iter().zip(now.iter()).position(|(a, b)| a != b) {
            panic!("{name} changed at byte {i}");
        }
    }
}

/// Whether `needle` occurs anywhere in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Asserts that neither the Display nor the Debug form of `err` holds any
/// of `forbidden`.
pub fn assert_no_user_content(err: &Error, forbidden: &[&str]) {
    let shown = err.to_string();
    let debug = format!("{err:?}");
    for f in forbidden {
        assert!(!shown.contains(f), "message {shown:?} repeats {f:?}");
        assert!(!debug.contains(f), "debug form {debug:?} repeats {f:?}");
    }
}

/// Asserts that `err` is an invalid-input error naming `field`.
#[track_caller]
pub fn assert_invalid(err: &Error, field: &str) {
    assert!(
        matches!(err, Error::InvalidInput { field: f, .. } if f.code() == field),
        "expected invalid {field}, got {err:?}"
    );
}
