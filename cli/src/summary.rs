//! `tandem summary`: the therapist summary as HTML and, on request, JSON.

use std::path::Path;

use chrono::NaiveDate;
use tandem_core::Journal;
use tandem_core::summary::{self, Section};

use crate::Failure;
use crate::output::{check_outputs, write_output};

/// Writes the summary; returns the lines to print.
pub fn run(
    journal: &Journal,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    sections: Option<&str>,
    out: Option<&Path>,
    json: Option<&Path>,
    force: bool,
) -> Result<String, Failure> {
    if out.is_none() && json.is_none() {
        return Err(Failure::usage(
            "say where to write it: --out FILE.html and/or --json FILE",
        ));
    }
    let sections = match sections {
        Some(list) => Section::parse_list(list).map_err(|_| {
            Failure::usage(format!(
                "--sections takes a comma-separated list of: {}",
                codes()
            ))
        })?,
        None => Section::DEFAULT.to_vec(),
    };
    let today = journal.today()?;
    let (default_from, default_to) =
        summary::default_range(to.unwrap_or(today), journal.settings()?.week_start);
    let (from, to) = (from.unwrap_or(default_from), to.unwrap_or(default_to));
    if from > to {
        return Err(Failure::usage("--from is after --to"));
    }
    let outputs: Vec<&Path> = out.iter().chain(json.iter()).copied().collect();
    check_outputs(&outputs, journal.path(), force)?;
    let s = journal.summary(from, to, &sections)?;
    let mut said = String::new();
    if let Some(path) = out {
        write_output(path, summary::render_html(&s).as_bytes(), force)?;
        said.push_str(&format!(
            "Wrote the summary of {from} to {to} to {}\n",
            path.display()
        ));
    }
    if let Some(path) = json {
        write_output(path, summary::to_json(&s).as_bytes(), force)?;
        said.push_str(&format!("Wrote its JSON to {}\n", path.display()));
    }
    let private: Vec<&str> = [Section::Notes, Section::ReflectionNotes, Section::Closeness]
        .iter()
        .filter(|p| sections.contains(p))
        .map(|p| p.title())
        .collect();
    if !private.is_empty() {
        said.push_str(&format!(
            "It includes private sections: {}.\n",
            private.join(", ")
        ));
    }
    Ok(said)
}

fn codes() -> String {
    Section::ALL
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>()
        .join(", ")
}
