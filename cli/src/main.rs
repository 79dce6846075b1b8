//! `tandem`: the desktop command line over Tandem's core. Every failure is
//! one plain line on stderr and a non-zero exit: 2 for usage, 1 otherwise.

mod access;
mod args;
mod backup;
mod export;
mod keys;
mod output;
mod render;
mod summary;
mod text;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::Parser;
use clap::error::ErrorKind;
use tandem_core::demo::{DEMO_SEED, generate};
use tandem_core::{
    Author, CheckIn, Closeness, CreateOptions, Error, ImportAs, Journal, Reflection,
};

use args::{ChartKind, CheckinArgs, Cli, Command, DemoArgs, PatternArgs, RangeArgs, ReflectArgs};
use tandem_core::summary::chart::{self, Embed};

/// The passphrase the demo journal gets when `TANDEM_PASSPHRASE` is not set.
const DEMO_PASSPHRASE: &str = "tandem-demo";
/// Weeks of entries in the demo journal.
const DEMO_WEEKS: u32 = 26;

/// A failure to report: one line, and the exit code.
#[derive(Debug)]
pub struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// A usage problem (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 2,
        }
    }

    /// Any other failure (exit code 1).
    pub fn plain(message: impl Into<String>) -> Self {
        Failure {
            message: message.into(),
            code: 1,
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        let message = match &e {
            Error::Corrupt => "the journal is damaged: a record failed its integrity check; \
                               nothing was changed (`tandem check` says more, and \
                               `tandem export --salvage` saves what can be read)"
                .to_string(),
            Error::OutOfStep => "the journal holds rows from another time: an older revision, \
                                 a deleted entry or a row from another copy was put back; \
                                 nothing was changed (restore your latest backup, or save \
                                 what can be read with `tandem export --salvage`)"
                .to_string(),
            Error::AlreadyExists => {
                "a journal already exists there; nothing was changed".to_string()
            }
            other => other.to_string(),
        };
        Failure::plain(message)
    }
}

fn main() -> ExitCode {
    // The core returns errors rather than panicking; should a bug panic
    // anyway, say so in one line instead of a backtrace.
    std::panic::set_hook(Box::new(|_| {
        eprintln!("tandem: internal error (a bug); the last change may not have been saved");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_failure(e),
    };
    let result = std::panic::catch_unwind(|| run(cli)).unwrap_or_else(|_| Err(Failure::plain("")));
    match result {
        Ok(text) => {
            let mut out = std::io::stdout().lock();
            // A closed pipe (`tandem list | head`) is not an error.
            let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
            ExitCode::SUCCESS
        }
        Err(f) => {
            if !f.message.is_empty() {
                eprintln!("tandem: {}", f.message);
            }
            ExitCode::from(f.code)
        }
    }
}

/// Help and version print as clap prints them; usage errors become one line.
fn clap_failure(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            if e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        _ => {
            let rendered = e.render().to_string();
            // clap's message runs until its first blank line; fold it into one.
            let message: Vec<&str> = rendered
                .lines()
                .map(str::trim)
                .skip_while(|l| l.is_empty())
                .take_while(|l| !l.is_empty())
                .collect();
            let message = message.join(" ");
            let message = message.strip_prefix("error: ").unwrap_or(&message);
            eprintln!("tandem: {message} (see tandem --help)");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<String, Failure> {
    let flag = cli.journal.as_deref();
    let path = || access::journal_path(flag);
    match cli.command {
        Command::Init => init(&path()?),
        Command::Passphrase => keys::change_passphrase(&mut access::open(&path()?)?),
        Command::Rekey => keys::rekey(&mut access::open(&path()?)?),
        Command::NewRecoveryCode => keys::new_recovery_code(&mut access::open(&path()?)?),
        Command::Checkin(a) => {
            // The note is read before the journal is opened (and its
            // passphrase asked for).
            let checkin = checkin_from(a)?;
            save_checkin(&mut access::open(&path()?)?, checkin)
        }
        Command::Show { day } => show(&access::open(&path()?)?, day),
        Command::List(r) => list(&access::open(&path()?)?, &r),
        Command::Delete { day } => delete(&mut access::open(&path()?)?, day),
        Command::Reflect(a) => {
            let reflection = reflection_from(a)?;
            let saved = access::open(&path()?)?.save_reflection(reflection)?;
            Ok(render::reflection(&saved))
        }
        Command::Reflections(r) => reflections(&access::open(&path()?)?, &r),
        Command::Vocab => Ok(render::vocab()),
        Command::Check => check(&access::open_damaged(&path()?)?),
        Command::Week { date } => {
            let j = access::open(&path()?)?;
            let day = or_today(&j, date)?;
            Ok(render::week(&j.week_summary(day)?, j.streak()?))
        }
        Command::Pattern(p) => {
            let j = access::open(&path()?)?;
            let insights = j.insights(or_today(&j, p.until)?, p.weeks)?;
            Ok(render::pattern(&insights.pattern, &insights.findings))
        }
        Command::Chart {
            range,
            kind,
            out,
            force,
        } => write_chart(&access::open(&path()?)?, &range, kind, &out, force),
        Command::Settings { week_start } => settings(&mut access::open(&path()?)?, week_start),
        Command::Demo(a) => demo(&access::demo_path(flag)?, flag.is_none(), a),
        Command::Backup { file } => backup::backup(&path()?, &file),
        Command::Restore {
            file,
            force,
            recovery_code,
        } => backup::restore(&file, &path()?, force, recovery_code),
        Command::Export {
            file,
            force,
            salvage,
        } => export::export_from(&path()?, &file, force, salvage),
        Command::Import {
            file,
            partner,
            mine,
        } => export::import(
            &mut access::open(&path()?)?,
            &file,
            import_as(partner, mine),
        ),
        Command::Summary {
            from,
            to,
            sections,
            out,
            json,
            force,
        } => summary::run(
            &access::open(&path()?)?,
            from,
            to,
            sections.as_deref(),
            out.as_deref(),
            json.as_deref(),
            force,
        ),
    }
}

/// What `--partner` and `--mine` say a file to import is.
fn import_as(partner: bool, mine: bool) -> ImportAs {
    match (partner, mine) {
        (true, _) => ImportAs::Partner,
        (_, true) => ImportAs::MyOtherJournal,
        _ => ImportAs::Auto,
    }
}

fn check(j: &Journal) -> Result<String, Failure> {
    let h = j.health()?;
    if h.is_sound() {
        return Ok(format!(
            "The journal is whole: {} records, every one opens.\n",
            h.sound
        ));
    }
    let mut found = Vec::new();
    if !h.file_whole {
        found.push("SQLite finds the file damaged".to_string());
    }
    if !h.schema_as_made {
        found.push("its tables were changed outside Tandem".to_string());
    }
    if !h.rows_in_step {
        found.push("some rows were put back from another time".to_string());
    }
    if h.damaged > 0 {
        found.push(format!(
            "{} of {} records cannot be read",
            h.damaged,
            h.sound.saturating_add(h.damaged)
        ));
    }
    Err(Failure::plain(format!(
        "{}; restore the journal from an earlier backup if you have one, or save what can be \
         read with `tandem export --salvage`",
        found.join("; ")
    )))
}

fn save_checkin(j: &mut Journal, checkin: CheckIn) -> Result<String, Failure> {
    let saved = j.save_checkin(checkin)?;
    let verb = if saved.revision == 1 {
        "Saved"
    } else {
        "Replaced"
    };
    Ok(format!("{verb} the check-in for {}.\n", saved.value.date))
}

fn show(j: &Journal, day: NaiveDate) -> Result<String, Failure> {
    match j.checkin(day)? {
        Some(s) => Ok(render::checkin(&s)),
        None => Err(Failure::plain(format!("no check-in for {day}"))),
    }
}

/// Whose entries a listing shows.
fn author(r: &RangeArgs) -> Author {
    if r.partners {
        Author::Partner
    } else {
        Author::Me
    }
}

/// The line that says records were left out of a listing, if any were.
fn left_out(skipped: u32) -> String {
    match skipped {
        0 => String::new(),
        1 => "1 record cannot be read and is left out; `tandem check` says more.\n".to_string(),
        n => format!("{n} records cannot be read and are left out; `tandem check` says more.\n"),
    }
}

fn list(j: &Journal, r: &RangeArgs) -> Result<String, Failure> {
    let read = j.readable_checkins(author(r), r.from, r.to)?;
    let (all, skipped) = (read.items, read.skipped);
    if all.is_empty() {
        return Ok(format!(
            "No check-ins in that range.\n{}",
            left_out(skipped)
        ));
    }
    let heading = if r.partners {
        "Your partner's check-ins, as they wrote them (\"me\" is your partner):\n"
    } else {
        ""
    };
    Ok(std::iter::once(heading.to_string())
        .chain(all.iter().map(|s| render::checkin_line(s) + "\n"))
        .chain(std::iter::once(left_out(skipped)))
        .collect())
}

fn delete(j: &mut Journal, day: NaiveDate) -> Result<String, Failure> {
    j.delete_checkin(day).map_err(|e| match e {
        Error::NotFound(_) => Failure::plain(format!("no check-in for {day}")),
        other => other.into(),
    })?;
    Ok(format!("Deleted the check-in for {day}.\n"))
}

fn reflections(j: &Journal, r: &RangeArgs) -> Result<String, Failure> {
    let read = j.readable_reflections(author(r), r.from, r.to)?;
    if read.items.is_empty() {
        return Ok(format!(
            "No reflections in that range.\n{}",
            left_out(read.skipped)
        ));
    }
    Ok(read
        .items
        .iter()
        .map(render::reflection)
        .collect::<Vec<_>>()
        .join("\n")
        + &left_out(read.skipped))
}

fn write_chart(
    j: &Journal,
    range: &PatternArgs,
    kind: ChartKind,
    out: &Path,
    force: bool,
) -> Result<String, Failure> {
    output::check_outputs(&[out], j.path(), force)?;
    let pattern = j.pattern(or_today(j, range.until)?, range.weeks)?;
    let svg = match kind {
        ChartKind::All => chart::all_charts(&pattern, Embed::Standalone),
        ChartKind::Moves => chart::moves_chart(&pattern, Embed::Standalone),
        ChartKind::Mood => chart::mood_chart(&pattern, Embed::Standalone),
        ChartKind::Cycle => chart::cycle_chart(&pattern, Embed::Standalone),
    };
    output::write_output(out, svg.as_bytes(), force)?;
    Ok(format!(
        "Wrote the chart of {} weeks to {}\n",
        pattern.points.len(),
        out.display()
    ))
}

fn settings(
    j: &mut Journal,
    week_start: Option<tandem_core::WeekStart>,
) -> Result<String, Failure> {
    let mut settings = j.settings()?;
    if let Some(w) = week_start {
        settings.week_start = w;
        j.set_settings(settings)?;
    }
    Ok(format!("Weeks start on {}.\n", settings.week_start.code()))
}

fn init(path: &Path) -> Result<String, Failure> {
    if path.exists() {
        return Err(Failure::plain(format!(
            "a file already exists at {}; nothing was changed",
            path.display()
        )));
    }
    let passphrase = access::new_passphrase(access::PASSPHRASE_ENV)?;
    access::make_parent(path)?;
    let opts = CreateOptions {
        passphrase: Some(passphrase),
        ..CreateOptions::default()
    };
    let (_journal, code) = Journal::create(path, opts)?;
    Ok(format!(
        "Created a journal at {}\n\n{}",
        path.display(),
        keys::show_code(&code)
    ))
}

/// The day given, or the journal's today.
fn or_today(journal: &Journal, day: Option<NaiveDate>) -> Result<NaiveDate, Failure> {
    match day {
        Some(day) => Ok(day),
        None => Ok(journal.today()?),
    }
}

fn checkin_from(a: CheckinArgs) -> Result<CheckIn, Failure> {
    let date = a.date.unwrap_or_else(|| chrono::Local::now().date_naive());
    let mut c = CheckIn::new(date, a.mood, a.me, a.partner);
    c.behaviours = a.behaviours;
    c.feelings = a.feelings;
    c.intensity = a.intensity;
    c.skills = a.skills;
    c.repair = a.repair;
    if a.closeness.is_some() || !a.closeness_words.is_empty() {
        c.closeness = Some(Closeness {
            rating: a.closeness,
            words: a.closeness_words,
        });
    }
    c.note = text::take(a.note, a.note_file.as_deref(), "note")?;
    Ok(c)
}

fn reflection_from(a: ReflectArgs) -> Result<Reflection, Failure> {
    let mut r = Reflection::new(a.week.unwrap_or_else(|| chrono::Local::now().date_naive()));
    r.raises_concerns = a.raises;
    r.shuts_down = a.shuts_down;
    r.talk_safety = a.safety;
    r.felt_chased = a.chased;
    if a.space == "-" && a.note == "-" {
        return Err(Failure::usage(
            "only one of --space and --note can read standard input",
        ));
    }
    r.needing_space = text::take(
        a.space,
        a.space_file.as_deref(),
        "answer about needing space",
    )?;
    r.note = text::take(a.note, a.note_file.as_deref(), "note")?;
    Ok(r)
}

fn demo(path: &Path, default_path: bool, a: DemoArgs) -> Result<String, Failure> {
    if path.exists() {
        if !(default_path || a.force) {
            return Err(Failure::plain(format!(
                "a file already exists at {}; pass --force to replace it",
                path.display()
            )));
        }
        for suffix in ["", "-wal", "-shm"] {
            let mut p = path.as_os_str().to_os_string();
            p.push(suffix);
            match std::fs::remove_file(&p) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(Error::Io(e).into());
                }
                _ => {}
            }
        }
    }
    let from_env = std::env::var(access::PASSPHRASE_ENV).ok();
    let passphrase = from_env
        .clone()
        .unwrap_or_else(|| DEMO_PASSPHRASE.to_string());
    let today = chrono::Local::now().date_naive();
    let end = a.end.unwrap_or(today);
    if end > today + chrono::Days::new(1) {
        return Err(Failure::usage("--end cannot be later than tomorrow"));
    }
    let data = generate(DEMO_SEED, end, DEMO_WEEKS);
    access::make_parent(path)?;
    let opts = CreateOptions {
        passphrase: Some(tandem_core::Passphrase::new(passphrase.clone())?),
        ..CreateOptions::default()
    };
    let (journal, _code) = Journal::create(path, opts)?;
    let mut journal = journal.with_clock(Box::new(tandem_core::FixedClock::on(end)));
    let checkins = journal.save_checkins(data.checkins)?.len();
    let reflections = journal.save_reflections(data.reflections)?.len();
    let p = shell_quote(&path.display().to_string());
    let pass_line = match from_env {
        Some(_) => "Its passphrase is the one in TANDEM_PASSPHRASE.".to_string(),
        None => format!("Its passphrase is: {DEMO_PASSPHRASE}"),
    };
    let export = match from_env {
        Some(_) => String::new(),
        None => format!("  export TANDEM_PASSPHRASE={DEMO_PASSPHRASE}\n"),
    };
    Ok(format!(
        "Created a demo journal: {DEMO_WEEKS} weeks ending {end}, {checkins} check-ins and {reflections} weekly reflections.\n\
         It is at {}\n{pass_line}\n\nTry:\n{export}\
         \x20 tandem --journal {p} list\n\
         \x20 tandem --journal {p} show {end}\n\
         \x20 tandem --journal {p} reflections --from {}\n\
         \x20 tandem vocab\n",
        path.display(),
        end - chrono::Days::new(13),
    ))
}

/// Quotes a path for a POSIX shell when it needs it.
fn shell_quote(s: &str) -> String {
    if s.bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"/._-+:".contains(&b))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}
