//! Building the summary model from check-ins and reflections: one helper per
//! section, the journal's entry point, and the default range.

use crate::num;
use chrono::NaiveDate;

use super::Section;
use super::model::{
    ClosenessSection, Count, DayNote, FeelingsSection, Overview, Patterns, ReflectionAnswers,
    ReflectionText, SCHEMA_VERSION, SkillsSection, Summary,
};
use crate::entries::checkin::CheckIn;
use crate::entries::reflection::Reflection;
use crate::entries::settings::WeekStart;
use crate::entries::vocab::{Behaviour, ClosenessWord, Feeling, Side, Skill};
use crate::error::{Result, invalid};
use crate::insights;
use crate::store::Journal;

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
            count: num::count_u32(chosen.iter().filter(|list| list.contains(&v)).count()),
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
        return Err(invalid(
            crate::error::Field::From,
            "is after the end of the range",
        ));
    }
    if sections.is_empty() {
        return Err(invalid(
            crate::error::Field::Sections,
            "must name at least one section",
        ));
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
        overview: picked(Section::Overview).then(|| overview(&days, from, to)),
        patterns: picked(Section::Patterns).then(|| patterns(checkins, from, to, week_start)),
        feelings: picked(Section::Feelings).then(|| feelings(&days)),
        skills: picked(Section::Skills).then(|| skills(&days, from)),
        reflections: picked(Section::Reflections).then(|| reflection_answers(&weeks)),
        reflection_notes: picked(Section::ReflectionNotes).then(|| reflection_texts(&weeks)),
        notes: picked(Section::Notes).then(|| day_notes(&days)),
        closeness: picked(Section::Closeness).then(|| closeness(&days)),
    })
}

/// The overview figures of the days in the range.
fn overview(days: &[&CheckIn], from: NaiveDate, to: NaiveDate) -> Overview {
    let t = insights::summary_of(days, from);
    let days_in_range = u32::try_from((to - from).num_days() + 1).unwrap_or(u32::MAX);
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
}

/// The weekly series, trend and findings; the trend may look at check-ins
/// before `from`, so this takes them all.
fn patterns(
    checkins: &[CheckIn],
    from: NaiveDate,
    to: NaiveDate,
    week_start: WeekStart,
) -> Patterns {
    let starts = insights::week_starts_between(from, to, week_start);
    Patterns {
        pattern: insights::pattern(checkins, &starts, week_start),
        trend: insights::trend(checkins, to, week_start),
        findings: insights::findings(checkins, from, to, week_start),
    }
}

/// Feelings and behaviours chosen, by side of the cycle.
fn feelings(days: &[&CheckIn]) -> FeelingsSection {
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
    FeelingsSection {
        pursuing_feelings: fc(Some(Side::Pursuing)),
        withdrawing_feelings: fc(Some(Side::Withdrawing)),
        other_feelings: fc(None),
        pursuing_behaviours: bc(Some(Side::Pursuing)),
        withdrawing_behaviours: bc(Some(Side::Withdrawing)),
    }
}

/// Skills practised and how the hard moments ended.
fn skills(days: &[&CheckIn], from: NaiveDate) -> SkillsSection {
    let t = insights::summary_of(days, from);
    let s: Vec<&[Skill]> = days.iter().map(|c| c.skills.as_slice()).collect();
    SkillsSection {
        skills: counts(Skill::ALL, |_| true, &s, Skill::code, Skill::label, true),
        hard_days: t.hard_days,
        repair: t.repair,
        repair_rate: t.repair_rate,
    }
}

/// Every week's structured answers.
fn reflection_answers(weeks: &[&Reflection]) -> Vec<ReflectionAnswers> {
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
}

/// The free text of the weeks that have some.
fn reflection_texts(weeks: &[&Reflection]) -> Vec<ReflectionText> {
    weeks
        .iter()
        .filter(|r| !r.needing_space.is_empty() || !r.note.is_empty())
        .map(|r| ReflectionText {
            week_start: r.week_start,
            needing_space: r.needing_space.clone(),
            note: r.note.clone(),
        })
        .collect()
}

/// The notes of the days that have one.
fn day_notes(days: &[&CheckIn]) -> Vec<DayNote> {
    days.iter()
        .filter(|c| !c.note.is_empty())
        .map(|c| DayNote {
            date: c.date,
            note: c.note.clone(),
        })
        .collect()
}

/// Closeness ratings and words over the days that answered.
fn closeness(days: &[&CheckIn]) -> ClosenessSection {
    let answered: Vec<_> = days.iter().filter_map(|c| c.closeness.as_ref()).collect();
    let ratings: Vec<u8> = answered.iter().filter_map(|c| c.rating).collect();
    let words: Vec<&[ClosenessWord]> = answered.iter().map(|c| c.words.as_slice()).collect();
    ClosenessSection {
        days_answered: num::count_u32(answered.len()),
        rating_average: (!ratings.is_empty()).then(|| {
            ratings.iter().map(|r| f64::from(*r)).sum::<f64>() / num::count_f64(ratings.len())
        }),
        words: counts(
            ClosenessWord::ALL,
            |_| true,
            &words,
            ClosenessWord::code,
            ClosenessWord::label,
            false,
        ),
    }
}

/// Reflections are stored under their ISO Monday; a range that starts mid-week
/// still includes that week's reflection.
fn week_start_floor(day: NaiveDate) -> NaiveDate {
    crate::day::monday_of(day)
}

impl Journal {
    /// The summary from `from` to `to` with the picked sections, made today.
    pub fn summary(&self, from: NaiveDate, to: NaiveDate, sections: &[Section]) -> Result<Summary> {
        crate::rules::check_range(from, to)?;
        let week_start = self.settings()?.week_start;
        // The trend looks back eight weeks from the end of the range.
        let trend_from = insights::week_starts(to, 2 * insights::TREND_WEEKS, week_start)
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
