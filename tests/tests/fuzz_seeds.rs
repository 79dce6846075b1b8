//! Writes the fuzz targets' seed corpus (`fuzz/corpus/<target>/`): run on
//! purpose with `cargo test -p tandem-tests --test fuzz_seeds -- --ignored`
//! after a format change, and commit what it writes. The seeds are made
//! with the cheap test KDF so that every fuzz run stays fast.

use std::path::PathBuf;

use tandem_core::{
    CheckIn, CreateOptions, FixedClock, Journal, Kdf, Move, PartnerMove, Passphrase, Reflection,
};

fn corpus(target: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target);
    std::fs::create_dir_all(&dir).expect("the corpus folder");
    dir
}

#[test]
#[ignore = "writes the committed fuzz seeds; run on purpose"]
fn regenerate_fuzz_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.tandem");
    let opts = CreateOptions {
        passphrase: Some(Passphrase::new("fuzz passphrase").unwrap()),
        kdf: Kdf::fast_for_tests(1),
        ..CreateOptions::default()
    };
    let (journal, code) = Journal::create(&path, opts).unwrap();
    let day = "2026-03-04".parse().unwrap();
    let mut journal = journal.with_clock(Box::new(FixedClock::on(day)));
    let mut c = CheckIn::new(day, 2, Move::Pursued, PartnerMove::Withdrew);
    c.note = "We talked after a walk.".into();
    c.intensity = Some(6);
    journal.save_checkin(c).unwrap();
    let mut r = Reflection::new(day);
    r.talk_safety = Some(3);
    journal.save_reflection(r).unwrap();

    std::fs::write(
        corpus("import").join("export.json"),
        journal.export_json().unwrap(),
    )
    .unwrap();
    std::fs::write(corpus("import").join("empty.json"), b"{}").unwrap();
    let backup = corpus("restore").join("backup.tandem");
    let _ = std::fs::remove_file(&backup);
    journal.backup(&backup).unwrap();
    std::fs::write(
        corpus("recovery_code").join("code.txt"),
        code.display().as_bytes(),
    )
    .unwrap();
    std::fs::write(
        corpus("record").join("nonce-and-bytes"),
        [0u8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    )
    .unwrap();
    std::fs::write(corpus("record").join("revision"), [3u8, 0, 9, 9]).unwrap();
}
