//! File helpers, once: temporary names beside a target, files private from
//! the moment they exist, putting a finished file in place without
//! replacing anything, side-file paths, and making a rename durable.
//!
//! Everything that writes a file (a new journal, a backup, a restore, an
//! export, a summary) goes through these, so every such file behaves the
//! same way: mode 0600 from creation, never half-written at its final name,
//! and never over an existing file unless the caller says so.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::entries::RecordId;
use crate::error::{Error, Result, invalid};
use crate::store::crypto;

/// The side files SQLite may keep beside a database.
pub(crate) const SIDE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// The path of a side file of `path` (`journal.tandem-wal`).
pub(crate) fn side(path: &Path, suffix: &str) -> PathBuf {
    let mut p = path.as_os_str().to_os_string();
    p.push(suffix);
    PathBuf::from(p)
}

/// Creates a new file readable and writable by its owner alone (mode 0600
/// on Unix from the moment it exists); fails if anything is at `path`.
pub(crate) fn create_private(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AlreadyExists => Error::AlreadyExists,
        _ => Error::Io(e),
    })
}

/// Copies `from` into a new private file `to`.
pub(crate) fn copy_private(from: &Path, to: &Path) -> Result<()> {
    let mut src = File::open(from)?;
    let mut dst = create_private(to)?;
    std::io::copy(&mut src, &mut dst)?;
    Ok(())
}

/// Puts the finished file `tmp` at `dest` without ever replacing a file
/// there. A hard link refuses an existing name atomically; filesystems
/// without hard links (FAT on a memory stick) get a rename after a last
/// look, the best they allow.
pub(crate) fn link_new(tmp: &Path, dest: &Path) -> Result<()> {
    match std::fs::hard_link(tmp, dest) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::AlreadyExists),
        Err(_) => {
            if dest.symlink_metadata().is_ok() {
                return Err(Error::AlreadyExists);
            }
            Ok(std::fs::rename(tmp, dest)?)
        }
    }
}

/// Makes a rename or link in the folder of `path` durable (Unix; elsewhere
/// the rename is as durable as the platform makes it).
pub(crate) fn sync_parent(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// A temporary file beside another, removed with its SQLite side files when
/// dropped, whichever way the work ended. (After a rename nothing is left
/// under its name, and removing it does nothing.)
pub(crate) struct TempFile(PathBuf);

impl TempFile {
    /// A fresh random name beside `path`: `<name>.<what>-<random hex>`.
    pub(crate) fn beside(path: &Path, what: &str) -> Result<TempFile> {
        let name = path
            .file_name()
            .ok_or_else(|| invalid(crate::error::Field::Path, "must name a file"))?;
        let mut tmp = name.to_os_string();
        tmp.push(format!(".{what}-{}", RecordId(crypto::random_id()?)));
        Ok(TempFile(path.with_file_name(tmp)))
    }

    /// Where it is.
    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
        for suffix in SIDE_SUFFIXES {
            let _ = std::fs::remove_file(side(&self.0, suffix));
        }
    }
}

/// Writes `bytes` to `path`, a file readable by its owner alone: built
/// beside it, synced, then put in place, so the old file (if any) or
/// nothing is at `path` until the new one is whole. An existing file is
/// replaced only with `replace` ([`Error::AlreadyExists`] otherwise); a
/// folder never is.
///
/// For the plaintext files a user asks for (exports, summaries, charts).
pub fn write_private(path: &Path, bytes: &[u8], replace: bool) -> Result<()> {
    if path.is_dir() {
        return Err(invalid(
            crate::error::Field::Path,
            "is a folder; name a file to write",
        ));
    }
    if !replace && path.symlink_metadata().is_ok() {
        return Err(Error::AlreadyExists);
    }
    let tmp = TempFile::beside(path, "writing")?;
    let mut f = create_private(tmp.path())?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    if replace {
        std::fs::rename(tmp.path(), path)?;
    } else {
        link_new(tmp.path(), path)?;
    }
    sync_parent(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn a_private_write_refuses_to_replace_unless_asked_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.txt");
        write_private(&path, b"one", false).unwrap();
        assert!(matches!(
            write_private(&path, b"two", false),
            Err(Error::AlreadyExists)
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_private(&path, b"two", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        #[cfg(unix)]
        assert_eq!(mode(&path), 0o600);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "a temporary file was left behind");
    }

    #[test]
    fn a_private_write_never_replaces_a_folder() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            write_private(dir.path(), b"x", true),
            Err(Error::InvalidInput {
                field: crate::error::Field::Path,
                ..
            })
        ));
    }

    #[test]
    fn a_temporary_file_goes_with_its_side_files() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = TempFile::beside(&dir.path().join("j.tandem"), "test").unwrap();
        drop(create_private(tmp.path()).unwrap());
        std::fs::write(side(tmp.path(), "-wal"), b"w").unwrap();
        drop(tmp);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
