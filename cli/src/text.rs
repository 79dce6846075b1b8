//! Text the user writes (notes, the reflection's answers) taken without
//! putting it on the command line: `-` reads it from standard input and
//! `--…-file PATH` from a file. Text typed as an argument is visible to
//! other users of the machine while the command runs and stays in the
//! shell's history, so the help steers away from it.

use std::io::Read;
use std::path::Path;

use crate::Failure;

/// Most bytes read for one text: far above the core's 20,000 characters,
/// so the core's own limit is what a person meets, and far below what
/// could exhaust memory.
const MAX_BYTES: u64 = 1 << 20;

/// The text for `what` (`note` …): the argument as it is, standard input
/// when it is `-`, or the file `file` when one is named.
pub fn take(value: String, file: Option<&Path>, what: &str) -> Result<String, Failure> {
    if let Some(path) = file {
        if !value.is_empty() {
            return Err(Failure::usage(format!(
                "give the {what} as text or as a file, not both"
            )));
        }
        return from_file(path, what);
    }
    if value == "-" {
        return limited(std::io::stdin().lock(), what, "standard input");
    }
    Ok(value)
}

fn from_file(path: &Path, what: &str) -> Result<String, Failure> {
    let bytes = read_file(path, MAX_BYTES, &format!("the {what}"))?;
    utf8(bytes, what, &path.display().to_string())
}

/// The bytes of the regular file at `path`, at most `max` of them: a
/// folder, a FIFO or a device is refused at once rather than waited on.
pub fn read_file(path: &Path, max: u64, what: &str) -> Result<Vec<u8>, Failure> {
    let cannot = |reason: &str| {
        Failure::plain(format!(
            "cannot read {what} from {}: {reason}",
            path.display()
        ))
    };
    let meta = std::fs::metadata(path).map_err(|e| cannot(&e.kind().to_string()))?;
    if !meta.is_file() {
        return Err(cannot("it is not a regular file"));
    }
    if meta.len() > max {
        return Err(cannot(&format!("it is larger than {} MiB", max >> 20)));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(max + 1).read_to_end(&mut bytes))
        .map_err(|e| cannot(&e.kind().to_string()))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > max {
        return Err(cannot(&format!("it is larger than {} MiB", max >> 20)));
    }
    Ok(bytes)
}

/// Reads at most [`MAX_BYTES`] of UTF-8 text; one line ending at the very
/// end (as editors and `echo` leave) is dropped.
fn limited(source: impl Read, what: &str, from: &str) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    source
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::plain(format!("cannot read the {what} from {from}: {}", e.kind())))?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > MAX_BYTES {
        return Err(Failure::plain(format!(
            "cannot read the {what} from {from}: it is larger than 1 MiB"
        )));
    }
    utf8(bytes, what, from)
}

/// `bytes` as UTF-8 text, one line ending at the very end dropped.
fn utf8(bytes: Vec<u8>, what: &str, from: &str) -> Result<String, Failure> {
    let mut text = String::from_utf8(bytes).map_err(|_| {
        Failure::plain(format!(
            "cannot read the {what} from {from}: it is not UTF-8 text"
        ))
    })?;
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    Ok(text)
}
