//! `tandem export` and `tandem import`: the whole journal as an unencrypted
//! JSON file (`docs/export-schema.md`), and such a file merged back in.

use std::path::Path;

use tandem_core::{Error, Field, ImportAs, Journal};

use crate::output::{check_outputs, write_output};

use crate::Failure;

/// Opens the journal at `path` (to salvage it with `salvage`) and writes
/// its export to `file`.
pub fn export_from(
    path: &Path,
    file: &Path,
    force: bool,
    salvage: bool,
) -> Result<String, Failure> {
    let journal = if salvage {
        crate::access::open_damaged(path)?
    } else {
        crate::access::open(path)?
    };
    export(&journal, file, force, salvage)
}

/// Writes the journal's export to `file`. An existing file is replaced only
/// with `force`; the new file is readable by its owner alone.
pub fn export(
    journal: &Journal,
    file: &Path,
    force: bool,
    salvage: bool,
) -> Result<String, Failure> {
    check_outputs(&[file], journal.path(), force)?;
    if salvage {
        let (text, left_out) = journal.export_sound_json()?;
        write_output(file, text.as_bytes(), force)?;
        let left = match left_out {
            0 => "nothing was left out".to_string(),
            1 => "1 record that cannot be read was left out".to_string(),
            n => format!("{n} records that cannot be read were left out"),
        };
        return Ok(format!(
            "Exported what can be read to {}; {left}.\n\
             Warning: this file is NOT encrypted; keep it safe and delete it when you are done.\n",
            file.display()
        ));
    }
    let text = journal.export_json().map_err(|e| match e {
        Error::Corrupt => Failure::plain(
            "the journal is damaged: some records cannot be read (tandem check counts them); \
             pass --salvage to export what can be read",
        ),
        other => other.into(),
    })?;
    let checkins = journal.checkins(None, None)?.len();
    let reflections = journal.reflections(None, None)?.len();
    write_output(file, text.as_bytes(), force)?;
    Ok(format!(
        "Exported {} and {} to {}.\n\
         Warning: this file is NOT encrypted; anyone who can open it can read your whole journal. \
         Keep it safe and delete it when you are done.\n",
        plural(checkins, "check-in"),
        plural(reflections, "reflection"),
        file.display()
    ))
}

/// The largest export read: a hundred years of long notes fit well below it.
const MAX_EXPORT_BYTES: u64 = 256 << 20;

/// Merges the export in `file` into the journal and reports what happened.
pub fn import(journal: &mut Journal, file: &Path, how: ImportAs) -> Result<String, Failure> {
    let bytes = crate::text::read_file(file, MAX_EXPORT_BYTES, "an export")?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::plain(format!(
            "cannot import {}: it is not UTF-8 text, so not a Tandem export; nothing was changed",
            file.display()
        ))
    })?;
    let report = journal.import_json_as(&text, how).map_err(|e| match e {
        Error::InvalidInput {
            field: Field::Import,
            reason,
        } => Failure::plain(format!(
            "cannot import {}: {reason}; nothing was changed",
            file.display()
        )),
        Error::FromAnotherJournal => Failure::plain(format!(
            "cannot import {}: it was exported from another journal; nothing was changed. \
             Pass --partner if it is your partner's, or --mine if it is your own journal from another phone",
            file.display()
        )),
        other => other.into(),
    })?;
    let whose = if how == ImportAs::Partner {
        " as your partner's entries (see them with list --partners)"
    } else {
        ""
    };
    let mut out = format!(
        "Imported {}{whose}: {} added, {} updated, {} unchanged, {} kept because the journal's entry was newer.\n",
        file.display(),
        report.added,
        report.updated,
        report.unchanged,
        report.kept_newer_local,
    );
    if report.not_theirs > 0 {
        let n = report.not_theirs;
        let entries = if n == 1 {
            "1 entry".to_string()
        } else {
            format!("{n} entries")
        };
        out.push_str(&format!(
            "{entries} left out: your partner had received them from you, so they are not theirs.\n"
        ));
    }
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
