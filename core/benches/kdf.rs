//! The passphrase KDF: a whole passphrase unlock (`Journal::open` of a
//! small journal) with the product's Argon2id (64 MiB, 3 passes, 1 lane),
//! against the bare PBKDF2-SHA256 derivation at 600,000 iterations it
//! replaced (ring's, the same call the core makes), in the same run. The
//! figure is what a passphrase unlock costs on this machine, one core.
//!
//! Run: `cargo bench -p tandem-core --bench kdf && python3 scripts/bench-ratios.py`

use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use tandem_core::{CreateOptions, Journal, Kdf, Passphrase, Unlock};

const PASSPHRASE: &str = "correct horse battery staple";

fn make(dir: &std::path::Path, name: &str, kdf: Kdf) -> std::path::PathBuf {
    let path = dir.join(name);
    let opts = CreateOptions {
        device_key: None,
        passphrase: Some(Passphrase::new(PASSPHRASE).expect("passphrase")),
        kdf,
    };
    drop(Journal::create(&path, opts).expect("create"));
    path
}

fn benches(c: &mut Criterion) {
    let tmp = tempfile::Builder::new()
        .prefix("tandem-bench-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temporary directory");
    let argon = make(tmp.path(), "argon.tandem", Kdf::ARGON2ID);
    let mut g = c.benchmark_group("passphrase_unlock");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("argon2id", |b| {
        b.iter(|| Journal::open(&argon, Unlock::passphrase(PASSPHRASE).expect("p")).expect("open"))
    });
    g.bench_function("pbkdf2_600000", |b| {
        let iterations = std::num::NonZeroU32::new(tandem_core::PBKDF2_ITERATIONS).expect("n");
        b.iter(|| {
            let mut out = [0u8; 32];
            ring::pbkdf2::derive(
                ring::pbkdf2::PBKDF2_HMAC_SHA256,
                iterations,
                &[7u8; 16],
                PASSPHRASE.as_bytes(),
                &mut out,
            );
            out
        })
    });
    g.finish();
}

criterion_group!(kdf, benches);
criterion_main!(kdf);
