//! `tandem passphrase`, `tandem rekey` and `tandem new-recovery-code`: the
//! ways a journal's keys change.

use tandem_core::{Journal, RecoveryCode};

use crate::Failure;
use crate::access;

/// Changes the passphrase; the data key and every record stay as they are.
pub fn change_passphrase(j: &mut Journal) -> Result<String, Failure> {
    j.set_passphrase(Some(access::new_passphrase(access::NEW_PASSPHRASE_ENV)?))?;
    Ok("Passphrase changed. Your recovery code still works.\n".to_string())
}

/// A new data key with every record sealed again, a new passphrase and a
/// new recovery code; every old way in stops working.
pub fn rekey(j: &mut Journal) -> Result<String, Failure> {
    let passphrase = access::new_passphrase(access::NEW_PASSPHRASE_ENV)?;
    let code = j.rekey(Some(passphrase), None)?;
    Ok(format!(
        "The journal has a new key. Every entry was sealed again under it; the old passphrase \
         and the old recovery code no longer open it (copies made before, such as backups, \
         still open with what opened them then).\n\n{}",
        show_code(&code)
    ))
}

/// A new recovery code in place of the old one.
pub fn new_recovery_code(j: &mut Journal) -> Result<String, Failure> {
    let code = j.renew_recovery_code()?;
    Ok(format!(
        "The old recovery code no longer opens the journal; the passphrase still does.\n\n{}",
        show_code(&code)
    ))
}

/// The recovery code, shown once, and what it is for.
pub fn show_code(code: &RecoveryCode) -> String {
    format!(
        "Your recovery code (shown only this once; write it down somewhere safe):\n\n    {}\n\n\
         With it you can open the journal if you forget the passphrase\n\
         (set TANDEM_RECOVERY_CODE and run `tandem passphrase`).\n",
        code.display().as_str()
    )
}
