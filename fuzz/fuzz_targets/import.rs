//! Importing an export file: any bytes are merged or refused with a typed
//! error, never a panic or a hang, into a journal made once per process.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use tandem_core::{CreateOptions, DeviceKey, ImportAs, Journal};

struct Held {
    _dir: tempfile::TempDir,
    journal: Journal,
}

fn journal() -> &'static Mutex<Held> {
    static HELD: OnceLock<Mutex<Held>> = OnceLock::new();
    HELD.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let opts = CreateOptions {
            device_key: Some(DeviceKey::from_bytes(&[7; 32]).expect("a device key")),
            ..CreateOptions::default()
        };
        let (journal, _code) =
            Journal::create(dir.path().join("fuzz.tandem"), opts).expect("create");
        Mutex::new(Held { _dir: dir, journal })
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut held = journal().lock().unwrap_or_else(|p| p.into_inner());
    for how in [ImportAs::Auto, ImportAs::Partner] {
        let _ = held.journal.import_json_as(text, how);
    }
});
