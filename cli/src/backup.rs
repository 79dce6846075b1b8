//! `tandem backup` and `tandem restore`: the journal's encrypted backup,
//! and bringing one back into `--journal` (on this machine or another).
//!
//! The CLI has no keystore, so a restored journal gets no device key: it
//! opens with the backup's passphrase or recovery code, as every CLI
//! journal does.

use std::path::Path;

use tandem_core::{Error, Field, Journal, Unlock};
use zeroize::Zeroizing;

use crate::{Failure, access};

/// `tandem backup FILE`: writes the backup, never over an existing file.
pub fn backup(journal: &Path, file: &Path) -> Result<String, Failure> {
    let exists = || {
        Failure::plain(format!(
            "a file already exists at {}; a backup never replaces one, so choose another name; \
             nothing was changed",
            file.display()
        ))
    };
    // Said before the passphrase is asked for; the core checks again.
    if file.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let j = access::open(journal)?;
    j.backup(file).map_err(|e| match e {
        Error::AlreadyExists => exists(),
        other => other.into(),
    })?;
    Ok(format!(
        "Wrote an encrypted backup to {}; it opens with your passphrase or your recovery code.\n",
        file.display()
    ))
}

/// `tandem restore FILE [--force] [--recovery-code]`: restores into
/// `journal`, opening the backup with the recovery code when asked (or when
/// `TANDEM_RECOVERY_CODE` is set, as for every command), else the passphrase.
pub fn restore(
    file: &Path,
    journal: &Path,
    force: bool,
    recovery_code: bool,
) -> Result<String, Failure> {
    if !file.is_file() {
        return Err(Failure::plain(format!("no backup at {}", file.display())));
    }
    let use_code = recovery_code || std::env::var_os(access::RECOVERY_ENV).is_some();
    let (unlock, what) = if use_code {
        let code = Zeroizing::new(access::read_secret(
            access::RECOVERY_ENV,
            "Recovery code: ",
        )?);
        (Unlock::recovery_code(&code)?, "recovery code")
    } else {
        let pass = Zeroizing::new(access::read_secret(access::PASSPHRASE_ENV, "Passphrase: ")?);
        (Unlock::passphrase(pass.as_str())?, "passphrase")
    };
    access::make_parent(journal)?;
    let j = Journal::restore(file, journal, unlock, None, force)
        .map_err(|e| restore_failure(e, file, journal, what))?;
    let checkins = j.checkins(None, None)?.len();
    let reflections = j.reflections(None, None)?.len();
    Ok(format!(
        "Restored {} and {} from {} into {}.\n",
        count(checkins, "check-in", "check-ins"),
        count(reflections, "weekly reflection", "weekly reflections"),
        file.display(),
        journal.display()
    ))
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A refused restore in the words of the command: the backup, the journal.
fn restore_failure(e: Error, file: &Path, journal: &Path, what: &str) -> Failure {
    let unchanged = "nothing was changed";
    Failure::plain(match e {
        Error::WrongKey => format!("that {what} does not open this backup; {unchanged}"),
        Error::NotABackup => format!(
            "{} is a journal, not a backup (make one with `tandem backup`); {unchanged}",
            file.display()
        ),
        Error::NotAJournal => format!("{} is not a Tandem backup; {unchanged}", file.display()),
        Error::Corrupt => {
            format!("the backup is damaged: it failed its integrity check; {unchanged}")
        }
        Error::NewerVersion { found, supported } => format!(
            "the backup was written by a newer version of Tandem (format {found}, this build \
             reads up to {supported}); {unchanged}"
        ),
        Error::WouldReplace => format!(
            "the journal at {} already has entries (or is not a journal); pass --force to \
             replace it; {unchanged}",
            journal.display()
        ),
        // Opening with a passphrase when the backup has none (a phone
        // journal without one) is the one refusal of this field here.
        Error::InvalidInput {
            field: Field::Passphrase,
            ..
        } => format!("this backup has no passphrase; use --recovery-code; {unchanged}"),
        other => return other.into(),
    })
}
