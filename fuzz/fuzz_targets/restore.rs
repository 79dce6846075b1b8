//! Checking a backup before a restore: any file is refused with a typed
//! error or found whole, never a panic or a hang; nothing but the scratch
//! copy is written.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem_core::{Journal, Unlock};

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let backup = dir.path().join("backup.tandem");
    std::fs::write(&backup, data).expect("write the input");
    let unlock = Unlock::passphrase("fuzz passphrase").expect("a passphrase");
    let _ = Journal::check_backup(&backup, dir.path(), unlock);
});
