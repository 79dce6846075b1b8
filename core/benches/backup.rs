//! Backup and restore of ten years, each beside a yardstick measured in the
//! same run. The yardsticks are not goals (there are none for these two):
//! they say how much of the time is the disk and the reading any such
//! operation needs, and how much is the backup's own work.
//!
//! - `backup_ten_years`: `backup` is `Journal::backup` of an open ten-year
//!   journal to a new file (`VACUUM INTO` a temporary sibling, the device
//!   wrap removed and the marker added in place, fsync, link into place,
//!   fsync of the folder). `copy` is `std::fs::copy` of the same journal
//!   file followed by `sync_all` of the copy: the least a durable copy of
//!   those bytes costs on this disk. A raw copy is what a backup must not
//!   be (it would miss saves still in the WAL and carry the device wrap),
//!   so it is only a yardstick.
//! - `restore_ten_years`: `restore` is `Journal::restore` of that backup
//!   with the recovery code into a new path under a new device key (copy,
//!   length, integrity and schema checks, unlock, every record decrypted
//!   and its tag checked, rewrap, checkpoint, fsync, rename). `copy_open_load`
//!   is a copy of the backup with `sync_all`, `Journal::open` of the copy
//!   with the recovery code, and loading every check-in and reflection:
//!   the copy and the full read that a verified restore cannot do without.
//!
//! Both sides unlock with the recovery code (HKDF, microseconds). A
//! passphrase would add the same PBKDF2 run to both (600,000 iterations,
//! a few hundred milliseconds) and hide everything else. Files are made in
//! a temporary folder under `target/tmp` and removed outside the timer, as
//! is the close of each journal.
//!
//! As in the store bench, the two functions of a group run in turn, one of
//! each per iteration, alternating which goes first, each timing its own;
//! the ratio of the paired sums (`paired.json`, printed by the script) is
//! the figure to trust when other work shares the machine.
//!
//! Ten years is exactly 3,650 check-ins and 520 reflections (see `common`).
//!
//! Run: `cargo bench -p tandem-core --bench backup && python3 scripts/bench-ratios.py`

mod common;

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{DAYS, DEVICE_KEY, WEEKS, bench_paired, end_day, ten_years};
use criterion::{Criterion, criterion_group, criterion_main};
use tandem_core::{CreateOptions, DeviceKey, FixedClock, Journal, Unlock};

/// The "new phone" the backup is restored onto.
const NEW_DEVICE_KEY: [u8; 32] = [0x3c; 32];

/// Removes a database file and any side file SQLite left beside it.
fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = path.as_os_str().to_os_string();
        p.push(suffix);
        let _ = std::fs::remove_file(p);
    }
}

/// A durable copy of `from` at `to`: the bytes, then fsync.
fn durable_copy(from: &Path, to: &Path) {
    std::fs::copy(from, to).expect("copy");
    std::fs::File::open(to)
        .and_then(|f| f.sync_all())
        .expect("fsync the copy");
}

fn recovery(code: &str) -> Unlock {
    Unlock::recovery_code(code).expect("the recovery code")
}

/// Times one `run` on a fresh `path`; whatever it returns is dropped, and
/// the files removed, outside the timer.
fn time_once<T>(path: &Path, run: &mut impl FnMut(&Path) -> T) -> Duration {
    remove(path);
    let start = Instant::now();
    let out = black_box(run(path));
    let elapsed = start.elapsed();
    drop(out);
    remove(path);
    elapsed
}

/// One paired group (see `common::bench_paired`): `measured` and `baseline`
/// each run on their own file, timed by [`time_once`].
fn bench_pair<A, B>(
    c: &mut Criterion,
    group: &str,
    names: (&str, &str),
    dir: &Path,
    mut measured: impl FnMut(&Path) -> A,
    mut baseline: impl FnMut(&Path) -> B,
) {
    let (a, b) = (dir.join("measured.tandem"), dir.join("baseline.tandem"));
    bench_paired(
        c,
        group,
        names,
        (20, Duration::from_secs(8)),
        || time_once(&a, &mut measured),
        || time_once(&b, &mut baseline),
    );
}

fn benches(c: &mut Criterion) {
    let (checkins, reflections) = ten_years();
    let tmp = tempfile::Builder::new()
        .prefix("tandem-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory");
    let dir = tmp.path();

    // The ten-year journal, made with the device key and closed (so its
    // WAL is folded into the file), then opened again for the backups.
    let journal_path = dir.join("ten-years.tandem");
    let code = {
        let opts = CreateOptions {
            device_key: Some(DeviceKey::from_bytes(&DEVICE_KEY).expect("device key")),
            passphrase: None,
            kdf: tandem_core::Kdf::fast_for_tests(1),
        };
        let (j, code) = Journal::create(&journal_path, opts).expect("create journal");
        let mut j = j.with_clock(Box::new(FixedClock::on(end_day())));
        j.save_checkins(checkins).expect("save check-ins");
        j.save_reflections(reflections).expect("save reflections");
        code.display().to_string()
    };
    let journal = Journal::open(
        &journal_path,
        Unlock::device_key(&DEVICE_KEY).expect("device key"),
    )
    .expect("open journal");
    let backup_path = dir.join("ten-years.backup");
    journal.backup(&backup_path).expect("a backup");

    // Both sides must handle the same data before their times mean anything.
    {
        let target = dir.join("check.tandem");
        let restored = Journal::restore(
            &backup_path,
            &target,
            recovery(&code),
            Some(DeviceKey::from_bytes(&NEW_DEVICE_KEY).expect("device key")),
            false,
        )
        .expect("restore");
        let c = restored.checkins(None, None).expect("load check-ins");
        assert_eq!(c.len(), DAYS);
        assert_eq!(c, journal.checkins(None, None).expect("load check-ins"));
        let r = restored.reflections(None, None).expect("load reflections");
        assert_eq!(r.len(), WEEKS);
        drop(restored);
        remove(&target);
    }
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "ten years: journal {} bytes, backup {} bytes",
        size(&journal_path),
        size(&backup_path)
    );

    let out = dir.join("out");
    std::fs::create_dir_all(&out).expect("output folder");

    bench_pair(
        c,
        "backup_ten_years",
        ("backup", "copy"),
        &out,
        |dest| journal.backup(dest).expect("backup"),
        |dest| durable_copy(&journal_path, dest),
    );
    bench_pair(
        c,
        "restore_ten_years",
        ("restore", "copy_open_load"),
        &out,
        |target| {
            let key = DeviceKey::from_bytes(&NEW_DEVICE_KEY).expect("device key");
            Journal::restore(&backup_path, target, recovery(&code), Some(key), false)
                .expect("restore")
        },
        |target| {
            durable_copy(&backup_path, target);
            let j = Journal::open(target, recovery(&code)).expect("open the copy");
            let c = j.checkins(None, None).expect("load check-ins");
            let r = j.reflections(None, None).expect("load reflections");
            (j, c, r)
        },
    );
}

criterion_group!(backup, benches);
criterion_main!(backup);
