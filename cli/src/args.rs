//! The command line's shape: every command, flag and value parser.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use tandem_core::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Skill, WeekStart, Who,
};

/// Tandem: a private, encrypted journal for couples caught in the
/// pursue–withdraw cycle.
#[derive(Debug, Parser)]
#[command(name = "tandem", version, about, long_about = None)]
pub struct Cli {
    /// The journal file [default: tandem/journal.tandem under your data directory]
    #[arg(long, global = true, value_name = "PATH", env = "TANDEM_JOURNAL")]
    pub journal: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new journal; prints its recovery code once
    Init,
    /// Change the passphrase (unlock with the old one or the recovery code)
    Passphrase,
    /// If someone may know your passphrase: a new key for the journal, every
    /// entry sealed again, a new passphrase and a new recovery code; the old
    /// ones stop working
    Rekey,
    /// A new recovery code in place of the old one (shown once)
    NewRecoveryCode,
    /// Log a day's check-in; saving the same day again replaces it
    Checkin(CheckinArgs),
    /// Print one day's check-in, note included
    Show {
        /// The day: YYYY-MM-DD, today or yesterday
        #[arg(value_parser = parse_day)]
        day: NaiveDate,
    },
    /// List check-ins, one line a day
    List(RangeArgs),
    /// Delete one day's check-in
    Delete {
        /// The day: YYYY-MM-DD, today or yesterday
        #[arg(value_parser = parse_day)]
        day: NaiveDate,
    },
    /// Answer the weekly reflection; saving the same week again replaces it
    Reflect(ReflectArgs),
    /// Print weekly reflections
    Reflections(RangeArgs),
    /// List every code with its label, for the flags of `checkin` and `reflect`
    Vocab,
    /// Summarise one week: moves, cycle days, intensity, repair, skills
    Week {
        /// Any day of the week [default: today]
        #[arg(long, value_parser = parse_day, value_name = "DAY")]
        date: Option<NaiveDate>,
    },
    /// The pattern week by week as a terminal chart, with findings
    Pattern(PatternArgs),
    /// Write the pattern's charts as an SVG file
    Chart {
        #[command(flatten)]
        range: PatternArgs,
        /// Which chart
        #[arg(long, value_enum, default_value = "all")]
        kind: ChartKind,
        /// Where to write the SVG
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
    },
    /// Show or change settings
    Settings {
        /// The day weeks start on
        #[arg(long = "week-start", value_parser = parse_week_start, value_name = "monday|sunday")]
        week_start: Option<WeekStart>,
    },
    /// Create a demo journal: 26 weeks of a couple whose cycle slowly softens
    Demo(DemoArgs),
    /// Write an encrypted backup to a new FILE (it opens with the passphrase or recovery code)
    Backup {
        /// Where to write the backup; it must not exist yet
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Restore a backup made by `backup` into --journal
    Restore {
        /// The backup to restore
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace a journal that already has entries
        #[arg(long)]
        force: bool,
        /// Open the backup with the recovery code (TANDEM_RECOVERY_CODE, or a prompt)
        #[arg(long = "recovery-code")]
        recovery_code: bool,
    },
    /// Check the journal's health: the file, and every record in it
    Check,
    /// Write everything to a JSON file that `import` reads back (NOT encrypted)
    Export {
        /// The JSON file to write
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace an existing file
        #[arg(long)]
        force: bool,
        /// From a damaged journal: export what can be read, and say what was left out
        #[arg(long)]
        salvage: bool,
    },
    /// Merge a file written by `export` into the journal (newer revisions win)
    Import {
        /// The JSON file to read
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The file is my partner's export: its entries land as theirs, read-only
        #[arg(long, conflicts_with = "mine")]
        partner: bool,
        /// The file is my own journal from another phone: merge it into this one
        #[arg(long)]
        mine: bool,
    },
    /// Write a summary for a therapist: HTML (and JSON) for a range and sections
    Summary {
        /// First day [default: the start of the week eleven weeks before --to]
        #[arg(long, value_parser = parse_day, value_name = "DAY")]
        from: Option<NaiveDate>,
        /// Last day [default: today]
        #[arg(long, value_parser = parse_day, value_name = "DAY")]
        to: Option<NaiveDate>,
        /// Comma-separated: overview, patterns, feelings, skills, reflections,
        /// reflection_notes, notes, closeness [default: the first five; notes,
        /// reflection_notes and closeness only when named]
        #[arg(long, value_name = "LIST")]
        sections: Option<String>,
        /// Where to write the HTML document
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Where to write the same summary as JSON
        #[arg(long, value_name = "FILE")]
        json: Option<PathBuf>,
        /// Replace existing files
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct CheckinArgs {
    /// The day [default: today]
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub date: Option<NaiveDate>,
    /// Mood, from 1 (very low) to 5 (very good)
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5), value_name = "1-5")]
    pub mood: u8,
    /// What I did in the hardest moment
    #[arg(long, value_parser = Move::parse_arg, default_value = "neither", value_name = "pursued|withdrew|both|neither")]
    pub me: Move,
    /// What my partner did, as I saw it
    #[arg(long, value_parser = PartnerMove::parse_arg, default_value = "unknown", value_name = "pursued|withdrew|both|neither|unknown")]
    pub partner: PartnerMove,
    /// Things I did (codes from `tandem vocab`; repeat or separate with commas)
    #[arg(long = "behaviour", alias = "behavior", value_parser = Behaviour::parse_arg, value_delimiter = ',', num_args = 1.., value_name = "CODE")]
    pub behaviours: Vec<Behaviour>,
    /// Things I felt (codes from `tandem vocab`)
    #[arg(long = "feeling", value_parser = Feeling::parse_arg, value_delimiter = ',', num_args = 1.., value_name = "CODE")]
    pub feelings: Vec<Feeling>,
    /// How heated the hardest moment got, from 0 (calm) to 10
    #[arg(long, value_parser = clap::value_parser!(u8).range(0..=10), value_name = "0-10")]
    pub intensity: Option<u8>,
    /// Skills I practised (codes from `tandem vocab`)
    #[arg(long = "skill", value_parser = Skill::parse_arg, value_delimiter = ',', num_args = 1.., value_name = "CODE")]
    pub skills: Vec<Skill>,
    /// Whether we found our way back
    #[arg(long, value_parser = Repair::parse_arg, value_name = "reconnected|partly|not_yet")]
    pub repair: Option<Repair>,
    /// How close we felt physically, from 1 (far apart) to 5 (very close); private
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5), value_name = "1-5")]
    pub closeness: Option<u8>,
    /// Words for how closeness felt (codes from `tandem vocab`); private
    #[arg(long = "closeness-word", value_parser = ClosenessWord::parse_arg, value_delimiter = ',', num_args = 1.., value_name = "CODE")]
    pub closeness_words: Vec<ClosenessWord>,
    /// A note in your own words; `-` reads it from standard input. (Text
    /// given here is visible to other users of this machine while the
    /// command runs and stays in your shell history: prefer `-` or --note-file.)
    #[arg(long, value_name = "TEXT|-", default_value = "")]
    pub note: String,
    /// Read the note from this file
    #[arg(long = "note-file", value_name = "FILE")]
    pub note_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReflectArgs {
    /// Any day of the week reflected on [default: this week]
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub week: Option<NaiveDate>,
    /// Who usually brought up concerns about us
    #[arg(long, value_parser = Who::parse_arg, value_name = "me|partner|both|neither")]
    pub raises: Option<Who>,
    /// Who tended to shut down or walk away
    #[arg(long = "shuts-down", value_parser = Who::parse_arg, value_name = "me|partner|both|neither")]
    pub shuts_down: Option<Who>,
    /// Did hard talks feel safe (1) or overwhelming (5)?
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=5), value_name = "1-5")]
    pub safety: Option<u8>,
    /// Who felt chased or cornered
    #[arg(long, value_parser = Who::parse_arg, value_name = "me|partner|both|neither")]
    pub chased: Option<Who>,
    /// What happened when one of us needed space; `-` reads it from
    /// standard input (text given here is visible to other users while the
    /// command runs: prefer `-` or --space-file)
    #[arg(long, value_name = "TEXT|-", default_value = "")]
    pub space: String,
    /// Read the answer about needing space from this file
    #[arg(long = "space-file", value_name = "FILE")]
    pub space_file: Option<PathBuf>,
    /// Anything else about the week; `-` reads it from standard input
    /// (prefer `-` or --note-file to typing it here)
    #[arg(long, value_name = "TEXT|-", default_value = "")]
    pub note: String,
    /// Read the note from this file
    #[arg(long = "note-file", value_name = "FILE")]
    pub note_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct RangeArgs {
    /// First day to include
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub from: Option<NaiveDate>,
    /// Last day to include
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub to: Option<NaiveDate>,
    /// My partner's entries (imported with `import --partner`) instead of mine
    #[arg(long = "partners")]
    pub partners: bool,
}

#[derive(Debug, Args)]
pub struct PatternArgs {
    /// How many weeks, ending with the current one
    #[arg(long, default_value_t = tandem_core::rules::DEFAULT_WEEKS, value_parser = clap::value_parser!(u32).range(1..=1040), value_name = "N")]
    pub weeks: u32,
    /// End with the week holding this day instead of this week
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub until: Option<NaiveDate>,
}

/// The charts `tandem chart` can write.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ChartKind {
    /// All three, stacked
    All,
    /// Stacked moves per week, me and partner side by side
    Moves,
    /// Mood line
    Mood,
    /// Cycle days with the trend
    Cycle,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The last day of the demo [default: today]
    #[arg(long, value_parser = parse_day, value_name = "DAY")]
    pub end: Option<NaiveDate>,
    /// Replace an existing file at --journal
    #[arg(long)]
    pub force: bool,
}

/// Parses a day for clap: `YYYY-MM-DD`, `today` or `yesterday`.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let today = chrono::Local::now().date_naive();
    match text.trim() {
        "today" => Ok(today),
        "yesterday" => today.pred_opt().ok_or_else(|| "no such day".to_string()),
        t => tandem_core::day::parse_day(tandem_core::Field::Date, t).map_err(|e| match e {
            tandem_core::Error::InvalidInput { reason, .. } if reason.contains("1900") => {
                "expected a day from 1900-01-01 to 9999-12-31".to_string()
            }
            _ => "expected a date written YYYY-MM-DD, today or yesterday".to_string(),
        }),
    }
}

/// Parses the week-start setting for clap.
fn parse_week_start(text: &str) -> Result<WeekStart, String> {
    WeekStart::parse(text).map_err(|_| "expected monday or sunday".to_string())
}

/// Parses a vocabulary code for clap.
trait ParseArg: Sized {
    fn parse_arg(text: &str) -> Result<Self, String>;
}

macro_rules! parse_arg {
    ($($t:ty),+) => {$(
        impl ParseArg for $t {
            fn parse_arg(text: &str) -> Result<Self, String> {
                <$t>::from_code(text.trim()).ok_or_else(|| {
                    let codes: Vec<&str> = <$t>::ALL.iter().map(|v| v.code()).collect();
                    format!("expected one of {}", codes.join(", "))
                })
            }
        }
    )+};
}

parse_arg!(
    Move,
    PartnerMove,
    Behaviour,
    Feeling,
    Skill,
    Repair,
    ClosenessWord,
    Who
);
