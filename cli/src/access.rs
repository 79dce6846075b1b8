//! Where the journal lives and how the CLI unlocks it: the default path
//! under the user's data directory, and the passphrase or recovery code from
//! the environment or a prompt.

use std::path::{Path, PathBuf};

use tandem_core::{Error, Journal, Passphrase, Unlock};
use zeroize::Zeroizing;

use crate::Failure;

/// Environment variable holding the passphrase (scripts and the demo).
pub const PASSPHRASE_ENV: &str = "TANDEM_PASSPHRASE";
/// Environment variable holding the new passphrase for `tandem passphrase`.
pub const NEW_PASSPHRASE_ENV: &str = "TANDEM_NEW_PASSPHRASE";
/// Environment variable holding a recovery code, used instead of the passphrase.
pub const RECOVERY_ENV: &str = "TANDEM_RECOVERY_CODE";

/// The per-user data directory, following each platform's convention.
fn data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        env("APPDATA").map(|p| p.join("Tandem"))
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library/Application Support/Tandem"))
    } else {
        env("XDG_DATA_HOME")
            .or_else(|| env("HOME").map(|h| h.join(".local/share")))
            .map(|p| p.join("tandem"))
    }
}

/// The journal to use: `--journal`, else `journal.tandem` in the data directory.
pub fn journal_path(flag: Option<&Path>) -> Result<PathBuf, Failure> {
    resolve(flag, "journal.tandem")
}

/// The demo's journal: `--journal`, else `demo.tandem` in the data directory.
pub fn demo_path(flag: Option<&Path>) -> Result<PathBuf, Failure> {
    resolve(flag, "demo.tandem")
}

fn resolve(flag: Option<&Path>, name: &str) -> Result<PathBuf, Failure> {
    match flag {
        Some(p) => Ok(p.to_path_buf()),
        None => data_dir()
            .map(|d| d.join(name))
            .ok_or_else(|| Failure::usage("no data directory is known here; pass --journal PATH")),
    }
}

/// Makes the folder a new journal goes into.
pub fn make_parent(path: &Path) -> Result<(), Failure> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => {
            std::fs::create_dir_all(dir).map_err(|e| Failure::from(Error::Io(e)))
        }
        _ => Ok(()),
    }
}

/// A secret from `env`, else typed at a prompt without echo.
pub fn read_secret(env: &str, prompt: &str) -> Result<String, Failure> {
    if let Ok(v) = std::env::var(env) {
        return Ok(v);
    }
    rpassword::prompt_password(prompt)
        .map_err(|_| Failure::usage(format!("cannot prompt for it here: no terminal; set {env}")))
}

/// Asks for a new passphrase (from `env`, else twice at a prompt).
pub fn new_passphrase(env: &str) -> Result<Passphrase, Failure> {
    if let Ok(v) = std::env::var(env) {
        return Ok(Passphrase::new(v)?);
    }
    let first = read_secret(env, "New passphrase: ")?;
    let pass = Passphrase::new(first.as_str())?;
    let again = read_secret(env, "Same passphrase again: ")?;
    if *again != *first {
        return Err(Failure::usage(
            "the two passphrases differ; nothing was changed",
        ));
    }
    Ok(pass)
}

/// Opens the journal at `path`: with the recovery code when
/// `TANDEM_RECOVERY_CODE` is set, else with the passphrase.
pub fn open(path: &Path) -> Result<Journal, Failure> {
    open_with(path, |p, u| Journal::open(p, u))
}

/// Opens a journal that a plain open refuses as damaged, to check it or
/// to save what is sound (`tandem check`, `export --salvage`); every write
/// to it is refused.
pub fn open_damaged(path: &Path) -> Result<Journal, Failure> {
    open_with(path, |p, u| Journal::open_damaged(p, u))
}

fn open_with(
    path: &Path,
    open: fn(&Path, Unlock) -> tandem_core::Result<Journal>,
) -> Result<Journal, Failure> {
    if !path.is_file() {
        return Err(Failure::plain(format!(
            "no journal at {}; create one with `tandem init` or try `tandem demo`",
            path.display()
        )));
    }
    let (unlock, what) = match std::env::var(RECOVERY_ENV) {
        Ok(code) => (
            Unlock::recovery_code(&Zeroizing::new(code))?,
            "recovery code",
        ),
        Err(_) => (
            Unlock::passphrase(read_secret(PASSPHRASE_ENV, "Passphrase: ")?.as_str())?,
            "passphrase",
        ),
    };
    open(path, unlock).map_err(|e| match e {
        Error::WrongKey => Failure::plain(format!("that {what} does not open this journal")),
        other => other.into(),
    })
}
