//! Opening a sealed record: the fuzzer's bytes replace one check-in row's
//! nonce, sealed bytes, tag, format and revision in a real journal, which
//! is then opened and read every way. Any of it may fail with a typed
//! error; none of it may panic, hang or read back as an entry.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rusqlite::params;
use tandem_core::{
    CheckIn, CreateOptions, DeviceKey, FixedClock, Journal, Move, PartnerMove, Unlock,
};

const KEY: [u8; 32] = [9; 32];

/// A journal with one check-in, as bytes, made once.
fn template() -> &'static Vec<u8> {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("t.tandem");
        let opts = CreateOptions {
            device_key: Some(DeviceKey::from_bytes(&KEY).expect("a device key")),
            ..CreateOptions::default()
        };
        let (journal, _) = Journal::create(&path, opts).expect("create");
        let day = "2026-03-02".parse().expect("a day");
        let mut journal = journal.with_clock(Box::new(FixedClock::on(day)));
        let mut c = CheckIn::new(day, 3, Move::Pursued, PartnerMove::Withdrew);
        c.note = "a note".into();
        journal.save_checkin(c).expect("save");
        drop(journal);
        std::fs::read(&path).expect("read the template")
    })
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("j.tandem");
    std::fs::write(&path, template()).expect("write the template");
    {
        let conn = rusqlite::Connection::open(&path).expect("raw open");
        let (head, rest) = data.split_at(2);
        let (nonce, sealed) = rest.split_at(rest.len().min(12));
        let column = match head[0] % 4 {
            0 => "UPDATE checkins SET nonce = ?1, sealed = ?2",
            1 => "UPDATE checkins SET sealed = ?2",
            2 => "UPDATE checkins SET tag = ?1, sealed = ?2",
            _ => "UPDATE checkins SET format = length(?1), revision = length(?2)",
        };
        conn.execute(column, params![nonce, sealed])
            .expect("update");
    }
    let Ok(journal) = Journal::open(&path, Unlock::device_key(&KEY).expect("a key")) else {
        return;
    };
    let day = "2026-03-02".parse().expect("a day");
    let _ = journal.checkin(day);
    let _ = journal.checkins(None, None);
    let _ = journal.checkins(Some(day), Some(day));
    let _ = journal.health();
    let _ = journal.export_sound_json();
});
