//! The therapist summary: for a date range and the sections the user picks,
//! one model rendered two ways — a self-contained HTML document (inline CSS
//! and SVG charts, no script, no URL of any kind, a print stylesheet for A4
//! and Letter, readable on a phone) and a JSON document with a schema
//! version (`docs/summary-schema.md`). Daily notes, the reflections' free
//! text and the closeness section appear only when picked.

pub mod chart;

use std::fmt::Write;

use chrono::NaiveDate;
use serde::Serialize;

use crate::entries::checkin::CheckIn;
use crate::entries::reflection::Reflection;
use crate::entries::settings::WeekStart;
use crate::entries::vocab::{Behaviour, ClosenessWord, Feeling, Skill, Who};
use crate::error::{Result, invalid};
use crate::insights::{self, Finding, Pattern, RepairCounts, Trend};
use crate::store::Journal;
use chart::Embed;

/// Version of the JSON document; raised whenever a field changes meaning or
/// goes away.
pub const SCHEMA_VERSION: u32 = 1;

/// The parts a summary can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// Days logged, mood, cycle days, intensity, repair, who pursued and who withdrew.
    Overview,
    /// The charts week by week, with the findings.
    Patterns,
    /// Feelings and behaviours most often chosen, by side of the cycle.
    Feelings,
    /// Skills practised and how hard moments ended.
    Skills,
    /// The weekly reflection's structured answers.
    Reflections,
    /// The weekly reflection's free text (private unless picked).
    ReflectionNotes,
    /// Daily notes (private unless picked).
    Notes,
    /// Physical and sexual closeness (private unless picked).
    Closeness,
}

impl Section {
    /// Every section, in document order.
    pub const ALL: &'static [Section] = &[
        Section::Overview,
        Section::Patterns,
        Section::Feelings,
        Section::Skills,
        Section::Reflections,
        Section::ReflectionNotes,
        Section::Notes,
        Section::Closeness,
    ];

    /// The sections a summary holds unless the user picks otherwise: all
    /// but the private ones.
    pub const DEFAULT: &'static [Section] = &[
        Section::Overview,
        Section::Patterns,
        Section::Feelings,
        Section::Skills,
        Section::Reflections,
    ];

    /// Stable code of the section.
    pub fn code(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Patterns => "patterns",
            Section::Feelings => "feelings",
            Section::Skills => "skills",
            Section::Reflections => "reflections",
            Section::ReflectionNotes => "reflection_notes",
            Section::Notes => "notes",
            Section::Closeness => "closeness",
        }
    }

    /// The heading the section has in the document.
    pub fn title(self) -> &'static str {
        match self {
            Section::Overview => "Overview",
            Section::Patterns => "The pattern week by week",
            Section::Feelings => "Feelings and behaviours",
            Section::Skills => "Skills and repair",
            Section::Reflections => "Weekly reflections",
            Section::ReflectionNotes => "Reflections in their own words",
            Section::Notes => "Daily notes",
            Section::Closeness => "Closeness",
        }
    }

    /// Looks a section up by its code.
    pub fn from_code(code: &str) -> Option<Self> {
        Section::ALL
            .iter()
            .copied()
            .find(|s| s.code() == code.trim())
    }

    /// Parses a comma-separated list of codes, naming the field on failure.
    pub fn parse_list(text: &str) -> Result<Vec<Section>> {
        let mut out = Vec::new();
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let s = Section::from_code(part)
                .ok_or_else(|| invalid("sections", "holds a name that is not a section"))?;
            if !out.contains(&s) {
                out.push(s);
            }
        }
        if out.is_empty() {
            return Err(invalid("sections", "must name at least one section"));
        }
        Ok(out)
    }
}

/// A vocabulary value with its label and how often it was chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The stable code.
    pub code: &'static str,
    /// The English label.
    pub label: &'static str,
    /// Days it was chosen on.
    pub count: u32,
}

/// The overview figures over the whole range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    /// Days with a check-in.
    pub days_logged: u32,
    /// Days in the range.
    pub days_in_range: u32,
    /// Mean mood, 1–5.
    pub mood_average: Option<f64>,
    /// Cycle days over the range.
    pub cycle_days: u32,
    /// Cycle days per seven days logged.
    pub cycle_days_per_week: Option<f64>,
    /// Mean intensity of the hardest moment, 0–10.
    pub intensity_average: Option<f64>,
    /// Days with a hard moment.
    pub hard_days: u32,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
    /// Days I pursued (including "both").
    pub i_pursued: u32,
    /// Days I withdrew (including "both").
    pub i_withdrew: u32,
    /// Days my partner pursued, as I saw it (including "both").
    pub partner_pursued: u32,
    /// Days my partner withdrew, as I saw it (including "both").
    pub partner_withdrew: u32,
    /// Days I couldn't tell what my partner did.
    pub partner_unknown: u32,
}

/// The pattern section: the series the charts draw, and the findings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Patterns {
    /// One point per week.
    pub pattern: Pattern,
    /// The last four weeks against the four before.
    pub trend: Trend,
    /// Plain-language findings with their n.
    pub findings: Vec<Finding>,
}

/// Feelings and behaviours by side of the cycle, most frequent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeelingsSection {
    /// Feelings on the pursuing side.
    pub pursuing_feelings: Vec<Count>,
    /// Feelings on the withdrawing side.
    pub withdrawing_feelings: Vec<Count>,
    /// Feelings that lean to neither side.
    pub other_feelings: Vec<Count>,
    /// Behaviours on the pursuing side.
    pub pursuing_behaviours: Vec<Count>,
    /// Behaviours on the withdrawing side.
    pub withdrawing_behaviours: Vec<Count>,
}

/// Skills practised and how hard moments ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillsSection {
    /// Days each skill was practised, every skill in vocabulary order.
    pub skills: Vec<Count>,
    /// Days with a hard moment.
    pub hard_days: u32,
    /// How the hard moments ended.
    pub repair: RepairCounts,
    /// Reconnected over answered hard days.
    pub repair_rate: Option<f64>,
}

/// One week's structured reflection answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionAnswers {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// Who usually brought up concerns.
    pub raises_concerns: Option<Who>,
    /// Who tended to shut down.
    pub shuts_down: Option<Who>,
    /// 1 safe … 5 overwhelming.
    pub talk_safety: Option<u8>,
    /// Who felt chased or cornered.
    pub felt_chased: Option<Who>,
}

/// One week's reflection free text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReflectionText {
    /// The week's Monday.
    pub week_start: NaiveDate,
    /// What happened when one of us needed space.
    pub needing_space: String,
    /// Anything else about the week.
    pub note: String,
}

/// One day's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DayNote {
    /// The day.
    pub date: NaiveDate,
    /// The note.
    pub note: String,
}

/// The closeness section: ratings and words over the range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosenessSection {
    /// Days with a closeness answer.
    pub days_answered: u32,
    /// Mean rating, 1–5, over days with a rating.
    pub rating_average: Option<f64>,
    /// Words chosen, in vocabulary order, with their counts.
    pub words: Vec<Count>,
}

/// Everything a summary holds; each section is `None` unless picked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// [`SCHEMA_VERSION`].
    pub schema_version: u32,
    /// The day it was made (the user's local day).
    pub made_on: NaiveDate,
    /// First day of the range.
    pub from: NaiveDate,
    /// Last day of the range.
    pub to: NaiveDate,
    /// The day weeks start on.
    pub week_start: WeekStart,
    /// The sections picked, in document order.
    pub sections: Vec<Section>,
    /// Overview figures.
    pub overview: Option<Overview>,
    /// Charts' series and findings.
    pub patterns: Option<Patterns>,
    /// Feelings and behaviours.
    pub feelings: Option<FeelingsSection>,
    /// Skills and repair.
    pub skills: Option<SkillsSection>,
    /// Weekly structured answers.
    pub reflections: Option<Vec<ReflectionAnswers>>,
    /// Weekly free text.
    pub reflection_notes: Option<Vec<ReflectionText>>,
    /// Daily notes.
    pub notes: Option<Vec<DayNote>>,
    /// Closeness.
    pub closeness: Option<ClosenessSection>,
}

fn counts<T: Copy + PartialEq>(
    all: &[T],
    filter: impl Fn(T) -> bool,
    chosen: &[&[T]],
    code: impl Fn(T) -> &'static str,
    label: impl Fn(T) -> &'static str,
    keep_zero: bool,
) -> Vec<Count> {
    let mut out: Vec<Count> = all
        .iter()
        .copied()
        .filter(|v| filter(*v))
        .map(|v| Count {
            code: code(v),
            label: label(v),
            count: chosen.iter().filter(|list| list.contains(&v)).count() as u32,
        })
        .filter(|c| keep_zero || c.count > 0)
        .collect();
    if !keep_zero {
        out.sort_by_key(|c| std::cmp::Reverse(c.count));
    }
    out
}

/// Builds the summary of `checkins` and `reflections` (already limited to
/// the range or not: this filters) from `from` to `to`.
pub fn build(
    checkins: &[CheckIn],
    reflections: &[Reflection],
    from: NaiveDate,
    to: NaiveDate,
    sections: &[Section],
    week_start: WeekStart,
    made_on: NaiveDate,
) -> Result<Summary> {
    if from > to {
        return Err(invalid("from", "is after the end of the range"));
    }
    if sections.is_empty() {
        return Err(invalid("sections", "must name at least one section"));
    }
    let picked = |s| sections.contains(&s);
    let days: Vec<&CheckIn> = checkins
        .iter()
        .filter(|c| c.date >= from && c.date <= to)
        .collect();
    let weeks: Vec<&Reflection> = reflections
        .iter()
        .filter(|r| r.week_start >= week_start_floor(from) && r.week_start <= to)
        .collect();

    let overview = picked(Section::Overview).then(|| {
        let t = insights::summary_of(&days, from);
        let days_in_range = ((to - from).num_days() + 1) as u32;
        Overview {
            days_logged: t.days_logged,
            days_in_range,
            mood_average: t.mood_average,
            cycle_days: t.cycle_days,
            cycle_days_per_week: (t.days_logged > 0)
                .then(|| f64::from(t.cycle_days) * 7.0 / f64::from(t.days_logged)),
            intensity_average: t.intensity_average,
            hard_days: t.hard_days,
            repair_rate: t.repair_rate,
            i_pursued: t.my_moves.pursued + t.my_moves.both,
            i_withdrew: t.my_moves.withdrew + t.my_moves.both,
            partner_pursued: t.partner_moves.pursued + t.partner_moves.both,
            partner_withdrew: t.partner_moves.withdrew + t.partner_moves.both,
            partner_unknown: t.partner_moves.unknown,
        }
    });

    let patterns = picked(Section::Patterns).then(|| {
        let starts = insights::week_starts_between(from, to, week_start);
        Patterns {
            pattern: insights::pattern(checkins, &starts, week_start),
            trend: insights::trend(checkins, to, week_start),
            findings: insights::findings(checkins, from, to, week_start),
        }
    });

    let feelings = picked(Section::Feelings).then(|| {
        let f: Vec<&[Feeling]> = days.iter().map(|c| c.feelings.as_slice()).collect();
        let b: Vec<&[Behaviour]> = days.iter().map(|c| c.behaviours.as_slice()).collect();
        let fc = |side| {
            counts(
                Feeling::ALL,
                |v: Feeling| v.side() == side,
                &f,
                Feeling::code,
                Feeling::label,
                false,
            )
        };
        let bc = |side| {
            counts(
                Behaviour::ALL,
                |v: Behaviour| v.side() == side,
                &b,
                Behaviour::code,
                Behaviour::label,
                false,
            )
        };
        use crate::entries::vocab::Side::{Pursuing, Withdrawing};
        FeelingsSection {
            pursuing_feelings: fc(Some(Pursuing)),
            withdrawing_feelings: fc(Some(Withdrawing)),
            other_feelings: fc(None),
            pursuing_behaviours: bc(Some(Pursuing)),
            withdrawing_behaviours: bc(Some(Withdrawing)),
        }
    });

    let skills = picked(Section::Skills).then(|| {
        let t = insights::summary_of(&days, from);
        let s: Vec<&[Skill]> = days.iter().map(|c| c.skills.as_slice()).collect();
        SkillsSection {
            skills: counts(Skill::ALL, |_| true, &s, Skill::code, Skill::label, true),
            hard_days: t.hard_days,
            repair: t.repair,
            repair_rate: t.repair_rate,
        }
    });

    let reflection_answers = picked(Section::Reflections).then(|| {
        weeks
            .iter()
            .map(|r| ReflectionAnswers {
                week_start: r.week_start,
                raises_concerns: r.raises_concerns,
                shuts_down: r.shuts_down,
                talk_safety: r.talk_safety,
                felt_chased: r.felt_chased,
            })
            .collect()
    });

    let reflection_notes = picked(Section::ReflectionNotes).then(|| {
        weeks
            .iter()
            .filter(|r| !r.needing_space.is_empty() || !r.note.is_empty())
            .map(|r| ReflectionText {
                week_start: r.week_start,
                needing_space: r.needing_space.clone(),
                note: r.note.clone(),
            })
            .collect()
    });

    let notes = picked(Section::Notes).then(|| {
        days.iter()
            .filter(|c| !c.note.is_empty())
            .map(|c| DayNote {
                date: c.date,
                note: c.note.clone(),
            })
            .collect()
    });

    let closeness = picked(Section::Closeness).then(|| {
        let answered: Vec<_> = days.iter().filter_map(|c| c.closeness.as_ref()).collect();
        let ratings: Vec<u8> = answered.iter().filter_map(|c| c.rating).collect();
        let words: Vec<&[ClosenessWord]> = answered.iter().map(|c| c.words.as_slice()).collect();
        ClosenessSection {
            days_answered: answered.len() as u32,
            rating_average: (!ratings.is_empty())
                .then(|| ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / ratings.len() as f64),
            words: counts(
                ClosenessWord::ALL,
                |_| true,
                &words,
                ClosenessWord::code,
                ClosenessWord::label,
                false,
            ),
        }
    });

    Ok(Summary {
        schema_version: SCHEMA_VERSION,
        made_on,
        from,
        to,
        week_start,
        sections: Section::ALL
            .iter()
            .copied()
            .filter(|s| picked(*s))
            .collect(),
        overview,
        patterns,
        feelings,
        skills,
        reflections: reflection_answers,
        reflection_notes,
        notes,
        closeness,
    })
}

/// Reflections are stored under their ISO Monday; a range that starts mid-week
/// still includes that week's reflection.
fn week_start_floor(day: NaiveDate) -> NaiveDate {
    crate::day::monday_of(day)
}

impl Journal {
    /// The summary from `from` to `to` with the picked sections, made today.
    pub fn summary(&self, from: NaiveDate, to: NaiveDate, sections: &[Section]) -> Result<Summary> {
        let week_start = self.settings()?.week_start;
        // The trend looks back eight weeks from the end of the range.
        let trend_from = insights::week_starts(to, 2 * insights::TREND_WEEKS as u32, week_start)
            .first()
            .copied()
            .unwrap_or(from);
        let checkins: Vec<CheckIn> = self
            .checkins(Some(from.min(trend_from)), Some(to))?
            .into_iter()
            .map(|s| s.value)
            .collect();
        let reflections: Vec<Reflection> = self
            .reflections(Some(week_start_floor(from)), Some(to))?
            .into_iter()
            .map(|s| s.value)
            .collect();
        build(
            &checkins,
            &reflections,
            from,
            to,
            sections,
            week_start,
            self.today()?,
        )
    }
}

/// The default range: the last twelve weeks up to `today`, starting on the
/// first day of the week eleven weeks before this one.
pub fn default_range(today: NaiveDate, week_start: WeekStart) -> (NaiveDate, NaiveDate) {
    let first = insights::week_starts(today, 12, week_start)
        .first()
        .copied()
        .unwrap_or(today);
    (first, today)
}

/// The summary as JSON (see `docs/summary-schema.md`).
pub fn to_json(summary: &Summary) -> String {
    // Every field is a plain number, string, date or list: serialising
    // cannot fail, but an empty object beats a panic if it ever did.
    serde_json::to_string_pretty(summary).unwrap_or_else(|_| "{}".to_string())
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn long(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn avg(v: Option<f64>, scale: &str) -> String {
    v.map(|v| format!("{v:.1}{scale}"))
        .unwrap_or_else(|| "not enough data".to_string())
}

fn pct(v: Option<f64>) -> String {
    v.map(|v| format!("{:.0}%", v * 100.0))
        .unwrap_or_else(|| "not enough data".to_string())
}

fn who(w: Option<Who>) -> &'static str {
    w.map(Who::label).unwrap_or("—")
}

/// Paragraphs of a user's text, escaped, blank lines kept as breaks.
fn text_block(text: &str) -> String {
    text.split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", esc(p).replace('\n', "<br>")))
        .collect()
}

fn count_list(out: &mut String, title: &str, items: &[Count]) {
    let _ = write!(out, "<div class=\"counts\"><h3>{}</h3>", esc(title));
    if items.is_empty() {
        out.push_str("<p class=\"muted\">None chosen.</p></div>");
        return;
    }
    out.push_str("<ul>");
    for c in items {
        let _ = write!(
            out,
            "<li>{} <span class=\"n\">{}</span></li>",
            esc(c.label),
            c.count
        );
    }
    out.push_str("</ul></div>");
}

const STYLE: &str = "
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 2px solid #1f3b73; padding-bottom: 0.2rem; }
h3 { font-size: 1rem; margin: 1rem 0 0.25rem; }
p.meta { color: #444; margin: 0; }
.muted { color: #555; }
.key { background: #f3f4f7; border-left: 4px solid #1f3b73; padding: 0.5rem 1rem; margin: 1rem 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
.scroll { overflow-x: auto; }
td, th, li, p { overflow-wrap: break-word; }
.scroll table { min-width: 36rem; }
th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th { font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; }
figure svg { width: 100%; height: auto; display: block; }
.counts ul { list-style: none; padding: 0; margin: 0; }
.counts li { display: flex; justify-content: space-between; border-bottom: 1px solid #eee; padding: 0.2rem 0; }
.counts .n { font-variant-numeric: tabular-nums; font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 0 1.5rem; }
ul.findings li { margin: 0.3rem 0; }
.note { border-left: 3px solid #ccc; padding-left: 0.75rem; margin: 0.5rem 0 1rem; }
.note h3 { margin: 0; font-size: 0.95rem; color: #333; }
footer { margin-top: 2rem; color: #555; font-size: 0.85rem; }
@media (max-width: 30rem) {
  body { font-size: 15px; }
  main { padding: 0.75rem; }
  th, td { padding: 0.3rem 0.25rem; }
}
@page { margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, .key, .note, .counts, li { break-inside: avoid; page-break-inside: avoid; }
  section { break-inside: auto; }
}
";

/// The summary as one self-contained HTML document.
pub fn render_html(s: &Summary) -> String {
    let mut out = String::new();
    let title = format!("Tandem summary, {} to {}", long(s.from), long(s.to));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        esc(&title)
    );
    let _ = write!(
        out,
        "<header>\n<h1>Tandem summary</h1>\n<p class=\"meta\">{} to {} · made on {}</p>\n\
         <p class=\"meta\">Kept by one partner in their own journal; the partner's moves are as this person saw them.</p>\n</header>\n",
        long(s.from),
        long(s.to),
        long(s.made_on)
    );
    out.push_str(
        "<aside class=\"key\">\n<h2 style=\"border:0;margin-top:0.25rem\">About the pursue–withdraw cycle</h2>\n\
         <p>Under stress one partner tends to move toward the other, wanting to talk it through now (pursuing), \
         while the other tends to pull back to calm down, go quiet or put the talk off (withdrawing). \
         Each move feeds the other: the more one reaches, the more the other retreats, and the more one retreats, \
         the more the other reaches. Neither move is wrong; both are ways of coping.</p>\n\
         <p>A <strong>cycle day</strong> is a day when one pursued while the other withdrew. \
         <strong>Intensity</strong> is how heated the hardest moment of the day got, from 0 to 10. \
         A <strong>hard moment</strong> is a day rated 3 or more, or one with a repair answer; \
         <strong>repair</strong> is whether the two found their way back.</p>\n</aside>\n",
    );

    for section in &s.sections {
        let _ = write!(
            out,
            "<section id=\"{}\">\n<h2>{}</h2>\n",
            section.code(),
            esc(section.title())
        );
        match section {
            Section::Overview => overview_html(&mut out, s),
            Section::Patterns => patterns_html(&mut out, s),
            Section::Feelings => feelings_html(&mut out, s),
            Section::Skills => skills_html(&mut out, s),
            Section::Reflections => reflections_html(&mut out, s),
            Section::ReflectionNotes => reflection_notes_html(&mut out, s),
            Section::Notes => notes_html(&mut out, s),
            Section::Closeness => closeness_html(&mut out, s),
        }
        out.push_str("</section>\n");
    }
    let _ = write!(
        out,
        "<footer>Made with Tandem on {}. Sections in this summary: {}.</footer>\n</main>\n</body>\n</html>\n",
        long(s.made_on),
        s.sections
            .iter()
            .map(|x| x.title())
            .collect::<Vec<_>>()
            .join(", ")
    );
    out
}

fn row(out: &mut String, label: &str, value: &str) {
    let _ = write!(
        out,
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td></tr>",
        esc(label),
        esc(value)
    );
}

fn overview_html(out: &mut String, s: &Summary) {
    let Some(o) = &s.overview else { return };
    out.push_str("<table>");
    row(
        out,
        "Days logged",
        &format!("{} of {}", o.days_logged, o.days_in_range),
    );
    row(out, "Average mood (1–5)", &avg(o.mood_average, ""));
    row(
        out,
        "Cycle days",
        &format!(
            "{} ({} a week)",
            o.cycle_days,
            avg(o.cycle_days_per_week, "")
        ),
    );
    row(
        out,
        "Average intensity of the hardest moment (0–10)",
        &avg(o.intensity_average, ""),
    );
    row(out, "Days with a hard moment", &o.hard_days.to_string());
    row(out, "Reconnected after a hard moment", &pct(o.repair_rate));
    row(
        out,
        "Days I pursued / withdrew",
        &format!("{} / {}", o.i_pursued, o.i_withdrew),
    );
    row(
        out,
        "Days my partner pursued / withdrew (as I saw it)",
        &format!("{} / {}", o.partner_pursued, o.partner_withdrew),
    );
    row(
        out,
        "Days I couldn't tell what my partner did",
        &o.partner_unknown.to_string(),
    );
    out.push_str("</table>\n");
}

fn patterns_html(out: &mut String, s: &Summary) {
    let Some(p) = &s.patterns else { return };
    for svg in [
        chart::moves_chart(&p.pattern, Embed::Inline),
        chart::mood_chart(&p.pattern, Embed::Inline),
        chart::cycle_chart(&p.pattern, Embed::Inline),
    ] {
        let _ = writeln!(out, "<figure>{svg}</figure>");
    }
    out.push_str("<h3>Findings</h3>");
    if p.findings.is_empty() {
        out.push_str("<p class=\"muted\">Too few days logged for findings.</p>");
    } else {
        out.push_str("<ul class=\"findings\">");
        for f in &p.findings {
            let _ = write!(out, "<li>{}</li>", esc(&f.text));
        }
        out.push_str("</ul>");
    }
    out.push_str("<p class=\"muted\">Findings describe what was logged; they do not say why it happened.</p>\n");
}

fn feelings_html(out: &mut String, s: &Summary) {
    let Some(f) = &s.feelings else { return };
    out.push_str(
        "<p class=\"muted\">Days each was chosen, most often first.</p><div class=\"grid\">",
    );
    count_list(out, "Feelings when pursuing", &f.pursuing_feelings);
    count_list(out, "Feelings when withdrawing", &f.withdrawing_feelings);
    count_list(out, "Other feelings", &f.other_feelings);
    count_list(out, "Pursuing behaviours", &f.pursuing_behaviours);
    count_list(out, "Withdrawing behaviours", &f.withdrawing_behaviours);
    out.push_str("</div>\n");
}

fn skills_html(out: &mut String, s: &Summary) {
    let Some(k) = &s.skills else { return };
    out.push_str("<div class=\"grid\">");
    count_list(out, "Skills practised (days)", &k.skills);
    out.push_str("<div class=\"counts\"><h3>How hard moments ended</h3><ul>");
    for (label, n) in [
        ("Reconnected", k.repair.reconnected),
        ("Partly", k.repair.partly),
        ("Not yet", k.repair.not_yet),
        ("No answer", k.repair.unanswered),
    ] {
        let _ = write!(out, "<li>{label} <span class=\"n\">{n}</span></li>");
    }
    let _ = writeln!(
        out,
        "</ul><p>{} days with a hard moment; reconnected after {}.</p></div></div>",
        k.hard_days,
        pct(k.repair_rate)
    );
}

fn reflections_html(out: &mut String, s: &Summary) {
    let Some(rs) = &s.reflections else { return };
    if rs.is_empty() {
        out.push_str("<p class=\"muted\">No weekly reflections in this range.</p>\n");
        return;
    }
    out.push_str(
        "<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Week of</th><th scope=\"col\">Brought up concerns</th>\
         <th scope=\"col\">Shut down</th><th scope=\"col\">Hard talks (1 safe – 5 overwhelming)</th>\
         <th scope=\"col\">Felt chased</th></tr></thead><tbody>",
    );
    for r in rs {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            long(r.week_start),
            who(r.raises_concerns),
            who(r.shuts_down),
            r.talk_safety
                .map(|v| v.to_string())
                .unwrap_or_else(|| "—".to_string()),
            who(r.felt_chased)
        );
    }
    out.push_str("</tbody></table></div>\n");
}

fn reflection_notes_html(out: &mut String, s: &Summary) {
    let Some(rs) = &s.reflection_notes else {
        return;
    };
    if rs.is_empty() {
        out.push_str("<p class=\"muted\">No written answers in this range.</p>\n");
    }
    for r in rs {
        let _ = write!(
            out,
            "<div class=\"note\"><h3>Week of {}</h3>",
            long(r.week_start)
        );
        if !r.needing_space.is_empty() {
            let _ = write!(
                out,
                "<p><em>When one of us needed space:</em></p>{}",
                text_block(&r.needing_space)
            );
        }
        if !r.note.is_empty() {
            out.push_str(&text_block(&r.note));
        }
        out.push_str("</div>\n");
    }
}

fn notes_html(out: &mut String, s: &Summary) {
    let Some(ns) = &s.notes else { return };
    if ns.is_empty() {
        out.push_str("<p class=\"muted\">No notes in this range.</p>\n");
    }
    for n in ns {
        let _ = writeln!(
            out,
            "<div class=\"note\"><h3>{}</h3>{}</div>",
            n.date.format("%A %-d %B %Y"),
            text_block(&n.note)
        );
    }
}

fn closeness_html(out: &mut String, s: &Summary) {
    let Some(c) = &s.closeness else { return };
    let _ = write!(
        out,
        "<p>{} days with an answer; average closeness {}.</p>",
        c.days_answered,
        avg(c.rating_average, " out of 5")
    );
    count_list(out, "How closeness felt (days)", &c.words);
    out.push('\n');
}
