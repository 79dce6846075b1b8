//! The encrypted journal against a plaintext baseline, side by side.
//!
//! Each criterion group holds two functions, `encrypted` (the real
//! [`Journal`]) and `plaintext` (the baseline), measured in the same run:
//!
//! - `open`: `Journal::open` with the device key on a ten-year journal, vs.
//!   opening the plaintext file with the same flags and PRAGMAs and reading
//!   one row. Goal: under 10 ms.
//! - `save`: replacing one day's check-in (`save_checkin`), vs. upserting that
//!   record's JSON row in its own transaction. Goal: within 1.1x.
//! - `load_ten_years`: `checkins(None, None)` + `reflections(None, None)`, vs.
//!   selecting every row and deserialising it into the same `Saved<CheckIn>` /
//!   `Saved<Reflection>` values, sorted by day the same way. Goal: within 1.3x.
//!
//! - `week_ten_years` and `week_hundred_years`: the last week's check-ins
//!   and reflection (`checkins` and `reflections` over Monday to Sunday), vs.
//!   a plaintext table keyed by day (`day TEXT PRIMARY KEY, json`) read with
//!   `WHERE day BETWEEN ?1 AND ?2` and deserialised the same way. Goal:
//!   under 0.5 ms at either size.
//!
//! Ten years is exactly 3,650 check-ins and 520 reflections (see `common`).
//!
//! The baseline ("plaintext") is one SQLite file with the same schema shape
//! as the journal's record tables, minus the crypto columns:
//! `checkins(id BLOB PRIMARY KEY, json BLOB NOT NULL) STRICT, WITHOUT ROWID`
//! and the same for `reflections`. `id` is the same random 16-byte id the
//! journal gave the record; `json` is the same serde_json envelope the
//! journal seals (`saved_at`, `author`, `value`), unpadded and unencrypted.
//! Its connection gets the journal's own PRAGMAs (`schema::configure`: WAL,
//! synchronous=FULL, secure_delete=ON, foreign_keys=ON, temp_store=MEMORY).
//! So the difference is the sealing, the padding, the keyed day tags (and
//! the lookup by tag before a save), the wider rows and the key unwrap.
//! Both files live in a temporary directory under `target/tmp`, so both
//! fsync to the same disk. Each baseline save stamps a fresh `saved_at`, as
//! the journal does: rewriting byte-identical rows lets SQLite skip the page
//! write and with it the fsync, which once made the baseline look 20x faster.
//!
//! `save` and `load_ten_years` run the two stores in turn, alternating which
//! goes first, each function timing only its own; every pair also adds to
//! running sums written to `target/criterion/<group>/paired.json`. That
//! paired ratio compares the stores over the same moments, free of drift
//! between the two functions' runs (an fsync here costs as much as a save).
//!
//! Run: `cargo bench -p tandem-core --bench store && python3 scripts/bench-ratios.py`

mod common;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, Utc};
use common::{DAYS, DEVICE_KEY, WEEKS, bench_paired, end_day, ten_years};
use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use rusqlite::{Connection, OpenFlags, params};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tandem_core::store::schema;
use tandem_core::{
    Author, CheckIn, CreateOptions, DeviceKey, FixedClock, Journal, RecordId, Reflection, Saved,
    Unlock,
};

/// What the plaintext table holds as JSON: the same envelope the journal
/// seals (its own type is private to the store).
#[derive(Serialize, Deserialize)]
struct PlainEnvelope<T> {
    saved_at: DateTime<Utc>,
    #[serde(default)]
    author: Author,
    value: T,
}

const PLAIN_SCHEMA: &str = "
CREATE TABLE checkins (id BLOB PRIMARY KEY, json BLOB NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE reflections (id BLOB PRIMARY KEY, json BLOB NOT NULL) STRICT, WITHOUT ROWID;
";

/// Opens a file the way the journal does: same flags, same PRAGMAs.
fn plain_connection(path: &Path, create: bool) -> Connection {
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).expect("open plaintext file");
    schema::configure(&conn).expect("configure plaintext file");
    conn
}

fn plain_upsert<T: Serialize>(
    conn: &Connection,
    table: &str,
    saved: &Saved<T>,
) -> rusqlite::Result<()> {
    let json = serde_json::to_vec(&PlainEnvelope {
        saved_at: saved.saved_at,
        author: saved.author,
        value: &saved.value,
    })
    .expect("serialise");
    let mut stmt = conn.prepare_cached(&format!(
        "INSERT INTO {table} (id, json) VALUES (?1, ?2) ON CONFLICT (id) DO UPDATE SET json = ?2"
    ))?;
    stmt.execute(params![saved.id.0.as_slice(), json])?;
    Ok(())
}

/// Every row of a plaintext table, deserialised and sorted by day, the way
/// the journal's `load_range` reads: blobs borrowed from the row, not copied.
fn plain_load<T: DeserializeOwned>(
    conn: &Connection,
    table: &str,
    day: fn(&T) -> NaiveDate,
) -> Vec<Saved<T>> {
    let mut stmt = conn
        .prepare_cached(&format!("SELECT id, json FROM {table}"))
        .expect("prepare");
    let mut rows = stmt.query([]).expect("query");
    let mut out = Vec::new();
    while let Some(row) = rows.next().expect("row") {
        let id = row.get_ref(0).and_then(|v| Ok(v.as_blob()?)).expect("id");
        let json = row.get_ref(1).and_then(|v| Ok(v.as_blob()?)).expect("json");
        let env: PlainEnvelope<T> = serde_json::from_slice(json).expect("deserialise");
        let id = id.try_into().expect("16-byte id");
        out.push(Saved {
            id: RecordId(id),
            // The plaintext table keeps no revisions; every row here is a first save.
            revision: 1,
            saved_at: env.saved_at,
            author: env.author,
            value: env.value,
        });
    }
    out.sort_unstable_by_key(|s| day(&s.value));
    out
}

fn checkin_day(c: &CheckIn) -> NaiveDate {
    c.date
}

fn reflection_day(r: &Reflection) -> NaiveDate {
    r.week_start
}

/// A ten-year journal and its plaintext twin (same ids, same envelopes),
/// both closed, so their WALs are checkpointed into the files.
struct Pair {
    journal: PathBuf,
    plain: PathBuf,
    /// The check-ins as saved, with their ids, in day order.
    checkins: Vec<Saved<CheckIn>>,
}

/// A new journal at `path` with the device key, its clock on [`end_day`].
fn new_journal(path: &Path) -> Journal {
    let opts = CreateOptions {
        device_key: Some(DeviceKey::from_bytes(&DEVICE_KEY).expect("device key")),
        passphrase: None,
        kdf: tandem_core::Kdf::fast_for_tests(1),
    };
    let (j, _code) = Journal::create(path, opts).expect("create journal");
    j.with_clock(Box::new(FixedClock::on(end_day())))
}

fn build_pair(dir: &Path, name: &str, checkins: &[CheckIn], reflections: &[Reflection]) -> Pair {
    let journal = dir.join(format!("{name}.tandem"));
    let plain = dir.join(format!("{name}.plain.sqlite"));
    let mut j = new_journal(&journal);
    let saved_checkins = j.save_checkins(checkins.to_vec()).expect("save check-ins");
    let saved_reflections = j
        .save_reflections(reflections.to_vec())
        .expect("save reflections");
    drop(j);

    let mut conn = plain_connection(&plain, true);
    conn.execute_batch(PLAIN_SCHEMA).expect("plaintext schema");
    let tx = conn.transaction().expect("transaction");
    for s in &saved_checkins {
        plain_upsert(&tx, "checkins", s).expect("insert check-in");
    }
    for s in &saved_reflections {
        plain_upsert(&tx, "reflections", s).expect("insert reflection");
    }
    tx.commit().expect("commit");
    conn.close().expect("close plaintext file");
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "{name}: journal {} bytes, plaintext {} bytes",
        size(&journal),
        size(&plain)
    );

    Pair {
        journal,
        plain,
        checkins: saved_checkins,
    }
}

fn open_journal(path: &Path) -> Journal {
    Journal::open(path, Unlock::device_key(&DEVICE_KEY).expect("device key")).expect("open journal")
}

fn open_plain(path: &Path) -> Connection {
    let conn = plain_connection(path, false);
    let json: Vec<u8> = conn
        .query_row("SELECT json FROM checkins LIMIT 1", [], |r| r.get(0))
        .expect("read one row");
    black_box(json);
    conn
}

/// Times only the open; closing (which checkpoints the WAL and removes it)
/// happens outside the timer, so each open is the file's only connection.
fn time_opens<T>(iters: u64, open: impl Fn() -> T) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..iters {
        let start = Instant::now();
        let opened = black_box(open());
        total += start.elapsed();
        drop(opened);
    }
    total
}

fn benches(c: &mut Criterion) {
    let (checkins, reflections) = ten_years();
    let tmp = tempfile::Builder::new()
        .prefix("tandem-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory");
    // One pair is only read (open, load); the other takes the saves.
    let read = build_pair(tmp.path(), "read", &checkins, &reflections);
    let write = build_pair(tmp.path(), "write", &checkins, &reflections);

    // Both sides must read the same thing before their times mean anything.
    {
        let j = open_journal(&read.journal);
        let conn = open_plain(&read.plain);
        let enc = j.checkins(None, None).expect("load check-ins");
        assert_eq!(enc.len(), DAYS);
        assert_eq!(enc, plain_load(&conn, "checkins", checkin_day));
        let enc = j.reflections(None, None).expect("load reflections");
        assert_eq!(enc.len(), WEEKS);
        assert_eq!(enc, plain_load(&conn, "reflections", reflection_day));
    }

    let mut group = c.benchmark_group("open");
    group
        .sample_size(30)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4))
        .sampling_mode(SamplingMode::Flat);
    group.bench_function("encrypted", |b| {
        b.iter_custom(|iters| time_opens(iters, || open_journal(&read.journal)))
    });
    group.bench_function("plaintext", |b| {
        b.iter_custom(|iters| time_opens(iters, || open_plain(&read.plain)))
    });
    group.finish();

    {
        // Each save replaces the next day's existing check-in, cycling
        // through all ten years, so the table's size stays the same. The
        // journal keeps the system clock `Journal::open` gives it. Both
        // stores see the same disk, WAL and checkpoint rhythm (an fsync here
        // costs about as much as the whole save).
        let mut journal = open_journal(&write.journal);
        let mut conn = plain_connection(&write.plain, false);
        let (mut next_encrypted, mut next_plain) = (0usize, 0usize);
        bench_paired(
            c,
            "save",
            ("encrypted", "plaintext"),
            (30, Duration::from_secs(5)),
            || {
                next_encrypted = (next_encrypted + 1) % DAYS;
                let value = write.checkins[next_encrypted].value.clone();
                let start = Instant::now();
                black_box(journal.save_checkin(value).expect("save check-in"));
                start.elapsed()
            },
            || {
                next_plain = (next_plain + 1) % DAYS;
                let s = &write.checkins[next_plain];
                let (id, value) = (s.id, s.value.clone());
                let start = Instant::now();
                // A fresh save time, as the journal stamps one. (Rewriting
                // identical bytes would let SQLite skip the page write, the
                // WAL frame and so the fsync.)
                let s = Saved {
                    id,
                    revision: 1,
                    saved_at: Utc::now(),
                    author: Author::Me,
                    value,
                };
                let tx = conn.transaction().expect("transaction");
                plain_upsert(&tx, "checkins", &s).expect("upsert");
                tx.commit().expect("commit");
                black_box(s);
                start.elapsed()
            },
        );
    }
    {
        let journal = open_journal(&read.journal);
        let conn = open_plain(&read.plain);
        bench_paired(
            c,
            "load_ten_years",
            ("encrypted", "plaintext"),
            (30, Duration::from_secs(5)),
            || {
                let start = Instant::now();
                let c = journal.checkins(None, None).expect("load check-ins");
                let r = journal.reflections(None, None).expect("load reflections");
                let t = start.elapsed();
                black_box((c, r));
                t
            },
            || {
                let start = Instant::now();
                let c = plain_load(&conn, "checkins", checkin_day);
                let r = plain_load(&conn, "reflections", reflection_day);
                let t = start.elapsed();
                black_box((c, r));
                t
            },
        );
    }
}

const DAY_SCHEMA: &str = "
CREATE TABLE checkins (day TEXT PRIMARY KEY, json BLOB NOT NULL) STRICT, WITHOUT ROWID;
CREATE TABLE reflections (day TEXT PRIMARY KEY, json BLOB NOT NULL) STRICT, WITHOUT ROWID;
";

/// A journal of `decades` tens of years and its plaintext twin keyed by day.
fn build_by_day(dir: &Path, decades: usize) -> (Journal, Connection) {
    let (checkins, reflections) = common::decades(decades);
    let journal = dir.join(format!("week-{decades}.tandem"));
    let plain = dir.join(format!("week-{decades}.plain.sqlite"));
    let mut j = new_journal(&journal);
    let c = j.save_checkins(checkins).expect("save check-ins");
    let r = j.save_reflections(reflections).expect("save reflections");
    drop(j);
    let mut conn = plain_connection(&plain, true);
    conn.execute_batch(DAY_SCHEMA).expect("plaintext schema");
    let tx = conn.transaction().expect("transaction");
    for (table, rows) in [
        (
            "checkins",
            c.iter()
                .map(|s| (s.value.date, plain_json(s)))
                .collect::<Vec<_>>(),
        ),
        (
            "reflections",
            r.iter()
                .map(|s| (s.value.week_start, plain_json(s)))
                .collect(),
        ),
    ] {
        let sql = format!("INSERT INTO {table} (day, json) VALUES (?1, ?2)");
        for (day, json) in rows {
            tx.execute(&sql, params![day.to_string(), json])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
    conn.close().expect("close plaintext file");
    (open_journal(&journal), plain_connection(&plain, false))
}

fn plain_json<T: Serialize>(saved: &Saved<T>) -> Vec<u8> {
    serde_json::to_vec(&PlainEnvelope {
        saved_at: saved.saved_at,
        author: saved.author,
        value: &saved.value,
    })
    .expect("serialise")
}

/// The plaintext rows of `table` from `from` to `to`, deserialised.
fn plain_days<T: DeserializeOwned>(
    conn: &Connection,
    table: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Vec<PlainEnvelope<T>> {
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT json FROM {table} WHERE day BETWEEN ?1 AND ?2 ORDER BY day"
        ))
        .expect("prepare");
    let mut rows = stmt
        .query(params![from.to_string(), to.to_string()])
        .expect("query");
    let mut out = Vec::new();
    while let Some(row) = rows.next().expect("row") {
        let json = row.get_ref(0).and_then(|v| Ok(v.as_blob()?)).expect("json");
        out.push(serde_json::from_slice(json).expect("deserialise"));
    }
    out
}

fn week_benches(c: &mut Criterion) {
    let tmp = tempfile::Builder::new()
        .prefix("tandem-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory");
    let sunday = end_day();
    let monday = sunday
        .checked_sub_days(chrono::Days::new(6))
        .expect("a day");
    for (group, decades) in [("week_ten_years", 1), ("week_hundred_years", 10)] {
        let (journal, conn) = build_by_day(tmp.path(), decades);
        let week = (
            journal.checkins(Some(monday), Some(sunday)).expect("week"),
            journal
                .reflections(Some(monday), Some(sunday))
                .expect("week"),
        );
        assert_eq!((week.0.len(), week.1.len()), (7, 1));
        let plain: Vec<PlainEnvelope<CheckIn>> = plain_days(&conn, "checkins", monday, sunday);
        assert_eq!(plain.len(), 7);
        assert!(plain.iter().zip(&week.0).all(|(p, e)| p.value == e.value));
        bench_paired(
            c,
            group,
            ("encrypted", "plaintext"),
            (30, Duration::from_secs(3)),
            || {
                let start = Instant::now();
                let c = journal.checkins(Some(monday), Some(sunday)).expect("week");
                let r = journal
                    .reflections(Some(monday), Some(sunday))
                    .expect("week");
                let t = start.elapsed();
                black_box((c, r));
                t
            },
            || {
                let start = Instant::now();
                let c: Vec<PlainEnvelope<CheckIn>> = plain_days(&conn, "checkins", monday, sunday);
                let r: Vec<PlainEnvelope<Reflection>> =
                    plain_days(&conn, "reflections", monday, sunday);
                let t = start.elapsed();
                black_box((c, r));
                t
            },
        );
    }
}

criterion_group!(store, benches, week_benches);
criterion_main!(store);
