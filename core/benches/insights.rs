//! Insights from an unlocked ten-year journal (3,650 daily check-ins),
//! decryption included, against decrypting the same check-ins alone.
//!
//! - `pattern_52_weeks`: `Journal::insights(end, 52)` (series, trend and
//!   findings for the last year) vs. `checkins(first, end)` for that year.
//!   Goal: under 10 ms.
//! - `pattern_520_weeks`: `Journal::insights(end, 520)`, every week of the
//!   ten years, vs. `checkins` over the same ten years. Goal: under 30 ms.
//!
//! - `summary_12_weeks`, `summary_2_years`: the therapist summary as HTML
//!   (`Journal::summary` with every section, then `render_html`) for the
//!   last 12 weeks and the last two years, vs. `checkins` over the same
//!   range. No set goal; reported.
//!
//! The ratio says what the insights add on top of reading the entries.
//!
//! Run: `cargo bench -p tandem-core --bench insights && python3 scripts/bench-ratios.py`

mod common;

use std::hint::black_box;
use std::time::Duration;

use chrono::Days;
use common::{DEVICE_KEY, end_day, ten_years};
use criterion::{Criterion, criterion_group, criterion_main};
use tandem_core::insights::week_starts;
use tandem_core::summary::{self, Section};
use tandem_core::{CreateOptions, DeviceKey, FixedClock, Journal, Unlock, WeekStart};

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("ten-years.tandem");
    let opts = CreateOptions {
        device_key: Some(DeviceKey::from_bytes(&DEVICE_KEY).expect("device key")),
        passphrase: None,
        kdf: tandem_core::Kdf::fast_for_tests(1),
    };
    let (journal, _code) = Journal::create(&path, opts).expect("create journal");
    let mut journal = journal.with_clock(Box::new(FixedClock::on(end_day())));
    let (checkins, reflections) = ten_years();
    journal.save_checkins(checkins).expect("save check-ins");
    journal
        .save_reflections(reflections)
        .expect("save reflections");
    drop(journal);
    let journal = Journal::open(&path, Unlock::device_key(&DEVICE_KEY).expect("device key"))
        .expect("open journal")
        .with_clock(Box::new(FixedClock::on(end_day())));

    for weeks in [52u32, 520] {
        let first = week_starts(end_day(), weeks, WeekStart::Monday)[0];
        let last = end_day();
        let expected_points = weeks as usize;
        let check = journal.insights(end_day(), weeks).expect("insights");
        assert_eq!(check.pattern.points.len(), expected_points);
        assert!(check.pattern.points.iter().all(|p| p.days_logged == 7));
        assert_eq!(
            journal
                .checkins(Some(first), Some(last))
                .expect("load")
                .len(),
            usize::try_from((last - first).num_days()).expect("last is after first") + 1
        );
        // The trend looks back eight weeks; for a year that is inside the range.
        assert!(first <= end_day() - Days::new(8 * 7));

        let mut group = c.benchmark_group(format!("pattern_{weeks}_weeks"));
        group
            .sample_size(40)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        group.bench_function("insights", |b| {
            b.iter(|| black_box(journal.insights(end_day(), weeks).expect("insights")))
        });
        group.bench_function("decrypt_only", |b| {
            b.iter(|| black_box(journal.checkins(Some(first), Some(last)).expect("load")))
        });
        group.finish();
    }

    for (name, weeks) in [("summary_12_weeks", 12u32), ("summary_2_years", 104)] {
        let (from, to) = (
            week_starts(end_day(), weeks, WeekStart::Monday)[0],
            end_day(),
        );
        let html = summary::render_html(&journal.summary(from, to, Section::ALL).expect("summary"));
        assert!(html.contains("<h2>Daily notes</h2>"));
        let mut group = c.benchmark_group(name);
        group
            .sample_size(30)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
        group.bench_function("html", |b| {
            b.iter(|| {
                let s = journal.summary(from, to, Section::ALL).expect("summary");
                black_box(summary::render_html(&s))
            })
        });
        group.bench_function("decrypt_only", |b| {
            b.iter(|| black_box(journal.checkins(Some(from), Some(to)).expect("load")))
        });
        group.finish();
    }
}

criterion_group!(insights, benches);
criterion_main!(insights);
