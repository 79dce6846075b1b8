//! `tandem export` and `tandem import`: the whole journal as an unencrypted
//! JSON file (`docs/export-schema.md`), and such a file merged back in.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use tandem_core::{Error, Journal};

use crate::Failure;

/// Writes the journal's export to `file`. An existing file is replaced only
/// with `force`; the new file is readable by its owner alone.
pub fn export(journal: &Journal, file: &Path, force: bool) -> Result<String, Failure> {
    if file.is_dir() {
        return Err(Failure::plain(format!(
            "{} is a folder; name a file to write",
            file.display()
        )));
    }
    if file.exists() && !force {
        return Err(Failure::plain(format!(
            "a file already exists at {}; pass --force to replace it",
            file.display()
        )));
    }
    let text = journal.export_json()?;
    let checkins = journal.checkins(None, None)?.len();
    let reflections = journal.reflections(None, None)?.len();
    let written = if force {
        replace(file, text.as_bytes())
    } else {
        write_new(file, text.as_bytes())
    };
    written.map_err(|e| match e.kind() {
        // Made between the check above and the write.
        std::io::ErrorKind::AlreadyExists if !force => Failure::plain(format!(
            "a file already exists at {}; pass --force to replace it",
            file.display()
        )),
        kind => Failure::plain(format!("cannot write {}: {kind}", file.display())),
    })?;
    Ok(format!(
        "Exported {} and {} to {}.\n\
         Warning: this file is NOT encrypted; anyone who can open it can read your whole journal. \
         Keep it safe and delete it when you are done.\n",
        plural(checkins, "check-in"),
        plural(reflections, "reflection"),
        file.display()
    ))
}

/// Merges the export in `file` into the journal and reports what happened.
pub fn import(journal: &mut Journal, file: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(file)
        .map_err(|e| Failure::plain(format!("cannot read {}: {}", file.display(), e.kind())))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::plain(format!(
            "cannot import {}: it is not UTF-8 text, so not a Tandem export; nothing was changed",
            file.display()
        ))
    })?;
    let report = journal.import_json(&text).map_err(|e| match e {
        Error::InvalidInput {
            field: "import",
            reason,
        } => Failure::plain(format!(
            "cannot import {}: {reason}; nothing was changed",
            file.display()
        )),
        other => other.into(),
    })?;
    let mut out = format!(
        "Imported {}: {} added, {} updated, {} unchanged, {} kept because the journal's entry was newer.\n",
        file.display(),
        report.added,
        report.updated,
        report.unchanged,
        report.kept_newer_local,
    );
    if report.settings_imported {
        out.push_str(&format!(
            "The journal had no entries, so it took the file's settings: weeks start on {}.\n",
            journal.settings()?.week_start.code()
        ));
    }
    Ok(out)
}

fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Opens a new file readable by its owner alone; fails if one exists.
fn create_private(path: &Path) -> std::io::Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
}

fn write_all_synced(mut f: File, bytes: &[u8]) -> std::io::Result<()> {
    f.write_all(bytes)?;
    f.sync_all()
}

/// Writes a file that must not exist yet; a failed write leaves no part of it.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let f = create_private(path)?;
    write_all_synced(f, bytes).inspect_err(|_| {
        let _ = std::fs::remove_file(path);
    })
}

/// Writes beside the target and renames over it: the old file stays whole
/// until the new one is.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = sibling(path);
    let written = create_private(&tmp)
        .and_then(|f| write_all_synced(f, bytes))
        .and_then(|()| std::fs::rename(&tmp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

fn sibling(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tandem-export-{}", std::process::id()));
    path.with_file_name(name)
}
