//! The plaintext files the user asks for (exports, summaries, charts): one
//! way of writing them. Each is written readable by its owner alone, whole
//! or not at all, never over an existing file without `--force`, and never
//! over the journal itself.

use std::path::Path;

use tandem_core::{Error, write_private};

use crate::Failure;

/// Refuses, before anything is written, every output path that exists
/// (unless `force`) or that names the journal at `journal`.
pub fn check_outputs(paths: &[&Path], journal: &Path, force: bool) -> Result<(), Failure> {
    for path in paths {
        if path.is_dir() {
            return Err(Failure::plain(format!(
                "{} is a folder; name a file to write",
                path.display()
            )));
        }
        if is_same_file(path, journal) {
            return Err(Failure::plain(format!(
                "{} is the journal itself; name another file to write",
                path.display()
            )));
        }
        if !force && path.symlink_metadata().is_ok() {
            return Err(exists(path));
        }
    }
    Ok(())
}

/// Writes one output (see the module notes).
pub fn write_output(path: &Path, bytes: &[u8], force: bool) -> Result<(), Failure> {
    write_private(path, bytes, force).map_err(|e| match e {
        // Made between the check and the write.
        Error::AlreadyExists => exists(path),
        Error::Io(io) => Failure::plain(format!("cannot write {}: {}", path.display(), io.kind())),
        other => other.into(),
    })
}

fn exists(path: &Path) -> Failure {
    Failure::plain(format!(
        "a file already exists at {}; pass --force to replace it",
        path.display()
    ))
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
