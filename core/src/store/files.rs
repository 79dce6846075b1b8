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

/// The kinds of temporary file the store makes beside a journal (see
/// [`TempFile::beside`]): a new journal being built, a restore's copy, an
/// empty-journal check's copy.
const TEMP_KINDS: [&str; 3] = ["creating", "restoring", "inspecting"];

/// How old a temporary file beside a journal must be to count as left by a
/// crash: no create, restore or check takes anywhere near this long.
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes the temporary files a crashed create or restore left beside the
/// journal at `path` (with their side files), those older than an hour.
/// Returns how many it removed; a file it cannot remove is left alone.
pub(crate) fn remove_stale_temporaries(path: &Path) -> usize {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let name = name.to_string_lossy();
    let mut removed = 0;
    for entry in entries.flatten() {
        let file = entry.file_name();
        let file = file.to_string_lossy();
        let Some(rest) = file.strip_prefix(name.as_ref()) else {
            continue;
        };
        let base = SIDE_SUFFIXES
            .iter()
            .find_map(|s| rest.strip_suffix(s))
            .unwrap_or(rest);
        let ours = TEMP_KINDS.iter().any(|kind| {
            base.strip_prefix('.')
                .and_then(|b| b.strip_prefix(kind))
                .and_then(|b| b.strip_prefix('-'))
                .and_then(RecordId::from_hex)
                .is_some()
        });
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if ours && old && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
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
    fn only_old_temporaries_of_this_journal_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let journal = dir.path().join("j.tandem");
        std::fs::write(&journal, b"j").unwrap();
        let id = "0123456789abcdef0123456789abcdef";
        let old = [
            format!("j.tandem.restoring-{id}"),
            format!("j.tandem.restoring-{id}-wal"),
            format!("j.tandem.creating-{id}"),
        ];
        let kept = [
            format!("j.tandem.inspecting-{id}"),        // too new
            format!("j.tandem.restoring-{}", &id[..8]), // not our name
            format!("other.tandem.restoring-{id}"),     // another journal's
            "j.tandem-wal".to_string(),                 // the journal's own side file
        ];
        let an_hour_and_more = std::time::SystemTime::now() - STALE_AFTER * 2;
        for name in old.iter().chain(&kept[1..]) {
            let f = std::fs::File::create(dir.path().join(name)).unwrap();
            f.set_modified(an_hour_and_more).unwrap();
        }
        std::fs::write(dir.path().join(&kept[0]), b"new").unwrap();
        assert_eq!(remove_stale_temporaries(&journal), old.len());
        for name in &kept {
            assert!(dir.path().join(name).exists(), "{name} was removed");
        }
        for name in &old {
            assert!(!dir.path().join(name).exists(), "{name} was kept");
        }
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
