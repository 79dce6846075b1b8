//! The recovery code as typed: any text either parses or is refused with
//! a typed error, never a panic; what parses shows as a code that parses
//! back to the same key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem_core::RecoveryCode;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = RecoveryCode::parse(text) {
        let shown = code.display();
        let again = RecoveryCode::parse(&shown).expect("a shown code parses");
        assert_eq!(again.display().as_str(), shown.as_str());
    }
});
