//! What the benchmarks share: exactly ten years of entries.
//!
//! Ten years is 3,650 check-ins (one for every day) and 520 reflections (one
//! per week). The demo generator skips about 12% of days, so it is asked for
//! 522 weeks ending on a Sunday: every day of the last 3,650 that the demo
//! skipped gets a clone of the latest earlier demo check-in, redated; the
//! last 520 of its 522 weekly reflections are kept.

#![allow(dead_code)]

use chrono::{Days, NaiveDate};
use tandem_core::day::monday_of;
use tandem_core::demo::{self, DEMO_SEED};
use tandem_core::{CheckIn, Reflection};

/// Ten years of days, and of weeks.
pub const DAYS: usize = 3_650;
pub const WEEKS: usize = 520;
/// The demo is asked for a little more than ten years, then trimmed.
const DEMO_WEEKS: u32 = 522;
/// The device key every benchmark journal is made and opened with.
pub const DEVICE_KEY: [u8; 32] = [0x5a; 32];

/// The last day of the ten years: a Sunday, so the last week is complete.
pub fn end_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("a valid date")
}

/// Exactly ten years of entries: 3,650 check-ins (one a day) and 520
/// reflections (one a week), ending on [`end_day`].
pub fn ten_years() -> (Vec<CheckIn>, Vec<Reflection>) {
    let end = end_day();
    let data = demo::generate(DEMO_SEED, end, DEMO_WEEKS);
    let first = end
        .checked_sub_days(Days::new(DAYS as u64 - 1))
        .expect("a valid date");

    let mut checkins = Vec::with_capacity(DAYS);
    let mut demo_days = data.checkins.iter().peekable();
    let mut latest: Option<&CheckIn> = None;
    for i in 0..DAYS as u64 {
        let day = first.checked_add_days(Days::new(i)).expect("a valid date");
        while let Some(c) = demo_days.next_if(|c| c.date <= day) {
            latest = Some(c);
        }
        // A skipped day gets the latest earlier demo check-in, redated.
        let source = latest.or(data.checkins.first()).expect("demo check-ins");
        let mut c = source.clone();
        c.date = day;
        checkins.push(c);
    }

    let skip = data.reflections.len().saturating_sub(WEEKS);
    let reflections: Vec<Reflection> = data.reflections[skip..].to_vec();

    assert_eq!(checkins.len(), DAYS);
    assert_eq!(reflections.len(), WEEKS);
    assert_eq!(checkins[DAYS - 1].date, end);
    assert_eq!(reflections[WEEKS - 1].week_start, monday_of(end));
    (checkins, reflections)
}

/// One criterion group of two functions, `names.0` (measured) and
/// `names.1` (baseline), run in turn on every iteration — alternating which
/// goes first, so neither always follows the other's fsync — each function
/// timing only its own. The closures do one run each and return the time
/// they measured. Every pair also adds to running sums written to
/// `target/criterion/<group>/paired.json` (read by `scripts/bench-ratios.py`):
/// their ratio compares the two over the same moments, free of drift
/// between the two functions' runs.
pub fn bench_paired(
    c: &mut criterion::Criterion,
    group: &str,
    names: (&str, &str),
    (sample_size, measurement): (usize, std::time::Duration),
    mut measured: impl FnMut() -> std::time::Duration,
    mut baseline: impl FnMut() -> std::time::Duration,
) {
    use std::time::Duration;
    let mut g = c.benchmark_group(group);
    g.sample_size(sample_size)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(measurement)
        .sampling_mode(criterion::SamplingMode::Flat);
    let (mut sum_measured, mut sum_baseline, mut pairs) = (Duration::ZERO, Duration::ZERO, 0u64);
    for time_measured in [true, false] {
        let name = if time_measured { names.0 } else { names.1 };
        g.bench_function(name, |bencher| {
            bencher.iter_custom(|iters| {
                let mut timed = Duration::ZERO;
                for i in 0..iters {
                    let (m, b) = if i % 2 == 0 {
                        let m = measured();
                        (m, baseline())
                    } else {
                        let b = baseline();
                        (measured(), b)
                    };
                    timed += if time_measured { m } else { b };
                    sum_measured += m;
                    sum_baseline += b;
                    pairs += 1;
                }
                timed
            })
        });
    }
    g.finish();
    if pairs == 0 {
        return;
    }
    let per =
        |d: Duration| d.as_secs_f64() * 1e9 / f64::from(u32::try_from(pairs).unwrap_or(u32::MAX));
    println!(
        "{group}/paired  {pairs} pairs: {} {:.1} µs, {} {:.1} µs, ratio {:.3}",
        names.0,
        per(sum_measured) / 1e3,
        names.1,
        per(sum_baseline) / 1e3,
        sum_measured.as_secs_f64() / sum_baseline.as_secs_f64()
    );
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let dir = target.join("criterion").join(group);
    // The script names the sides as the store bench does: `encrypted_ns` is
    // the measured function, `plaintext_ns` the baseline.
    let json = format!(
        "{{\"pairs\": {pairs}, \"encrypted_ns\": {:.1}, \"plaintext_ns\": {:.1}}}\n",
        per(sum_measured),
        per(sum_baseline)
    );
    if std::fs::create_dir_all(&dir).is_ok() {
        let _ = std::fs::write(dir.join("paired.json"), json);
    }
}

/// `years` decades' worth of entries (one check-in a day, one reflection a
/// week) ending on [`end_day`]: the ten years of [`ten_years`] repeated
/// further back, each clone redated to its own day or Monday.
pub fn decades(count: usize) -> (Vec<CheckIn>, Vec<Reflection>) {
    let (checkins, reflections) = ten_years();
    let end = end_day();
    let days = DAYS * count;
    let weeks = WEEKS * count;
    let back = |n: usize| {
        end.checked_sub_days(Days::new(n as u64))
            .expect("a valid date")
    };
    let c = (0..days)
        .map(|i| {
            let mut c = checkins[DAYS - 1 - i % DAYS].clone();
            c.date = back(i);
            c
        })
        .rev()
        .collect();
    let r = (0..weeks)
        .map(|i| {
            let mut r = reflections[WEEKS - 1 - i % WEEKS].clone();
            r.week_start = monday_of(back(7 * i));
            r
        })
        .rev()
        .collect();
    (c, r)
}
