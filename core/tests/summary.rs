//! The therapist summary: hand-worked figures, the sections picked and left
//! out, and an HTML document that reaches nothing outside itself.

mod common;

use chrono::NaiveDate;
use common::assert_invalid;
use common::journals::journal_a;
use tandem_core::summary::{self, Section};
use tandem_core::{CheckIn, Closeness, ClosenessWord, Reflection, WeekStart, Who};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

const NOTE: &str = "OSPREY <b>note</b> & \"quotes\"";
const SPACE: &str = "KESTREL walked to the river";

/// Journal A with a note, closeness and two reflections.
fn inputs() -> (Vec<CheckIn>, Vec<Reflection>) {
    let mut cs = journal_a();
    cs[0].note = NOTE.to_string();
    cs[1].closeness = Some(Closeness {
        rating: Some(2),
        words: vec![ClosenessWord::Tense],
    });
    cs[4].closeness = Some(Closeness {
        rating: Some(5),
        words: vec![ClosenessWord::Warm, ClosenessWord::Tense],
    });
    let mut r1 = Reflection::new(d("2026-12-21"));
    r1.raises_concerns = Some(Who::Me);
    r1.shuts_down = Some(Who::Partner);
    r1.talk_safety = Some(4);
    r1.needing_space = SPACE.to_string();
    let mut r2 = Reflection::new(d("2027-01-11"));
    r2.felt_chased = Some(Who::Both);
    (cs, vec![r1, r2])
}

fn make(sections: &[Section]) -> summary::Summary {
    let (cs, rs) = inputs();
    summary::build(
        &cs,
        &rs,
        d("2026-12-21"),
        d("2027-01-17"),
        sections,
        WeekStart::Monday,
        d("2027-01-18"),
    )
    .unwrap()
}

#[test]
fn the_overview_holds_the_hand_worked_figures_of_journal_a() {
    let o = make(&[Section::Overview]).overview.unwrap();
    // 11 check-ins over 28 days (21 Dec – 17 Jan).
    assert_eq!((o.days_logged, o.days_in_range), (11, 28));
    // Moods 15 + 13 + 7 = 35 over 11 days.
    assert_eq!(o.mood_average, Some(35.0 / 11.0));
    // 3 + 2 + 0 cycle days; 5 per 11 days logged, times 7.
    assert_eq!(o.cycle_days, 5);
    assert_eq!(o.cycle_days_per_week, Some(35.0 / 11.0));
    // 7+5+1+8+4+0+2+6+5 = 38 over the 9 days that gave one.
    assert_eq!(o.intensity_average, Some(38.0 / 9.0));
    // Hard: 21, 22, 26 Dec; 30 Dec, 3 Jan; 12 Jan. Reconnected on 3 of the 6.
    assert_eq!(o.hard_days, 6);
    assert_eq!(o.repair_rate, Some(0.5));
    // Me: pursued 6 days + both once; withdrew once + both once.
    assert_eq!((o.i_pursued, o.i_withdrew), (7, 2));
    // Partner: pursued once + both once; withdrew 4 + both once; unknown 3.
    assert_eq!(
        (o.partner_pursued, o.partner_withdrew, o.partner_unknown),
        (2, 5, 3)
    );
}

#[test]
fn feelings_skills_and_closeness_are_counted_by_hand() {
    let s = make(&[Section::Feelings, Section::Skills, Section::Closeness]);
    let f = s.feelings.unwrap();
    let pairs = |v: &[summary::Count]| v.iter().map(|c| (c.code, c.count)).collect::<Vec<_>>();
    assert_eq!(
        pairs(&f.pursuing_feelings),
        [("anxious", 3), ("rejected", 1)]
    );
    assert_eq!(pairs(&f.withdrawing_feelings), [("overwhelmed", 1)]);
    assert_eq!(pairs(&f.other_feelings), [("calm", 1), ("connected", 1)]);
    assert_eq!(
        pairs(&f.pursuing_behaviours),
        [("ask_to_talk", 2), ("seek_reassurance", 1)]
    );
    assert_eq!(pairs(&f.withdrawing_behaviours), [("need_space", 1)]);
    let k = s.skills.unwrap();
    assert_eq!(
        pairs(&k.skills),
        [
            ("slow_down", 1),
            ("regulate", 2),
            ("speak_softly", 1),
            ("stay_present", 0),
            ("break_and_return", 1)
        ]
    );
    assert_eq!(
        (k.repair.reconnected, k.repair.partly, k.repair.not_yet),
        (3, 1, 2)
    );
    let c = s.closeness.unwrap();
    assert_eq!(c.days_answered, 2);
    assert_eq!(c.rating_average, Some(3.5));
    assert_eq!(pairs(&c.words), [("tense", 2), ("warm", 1)]);
}

#[test]
fn by_default_notes_reflection_text_and_closeness_are_left_out() {
    let s = make(Section::DEFAULT);
    assert_eq!(s.sections, Section::DEFAULT);
    assert!(s.notes.is_none() && s.reflection_notes.is_none() && s.closeness.is_none());
    let answers = s.reflections.as_ref().unwrap();
    assert_eq!(answers.len(), 2);
    assert_eq!(answers[0].talk_safety, Some(4));
    let html = summary::render_html(&s);
    let json = summary::to_json(&s);
    for text in [&html, &json] {
        assert!(!text.contains("OSPREY"));
        assert!(!text.contains("KESTREL"));
    }
    assert!(!html.contains("Daily notes") && !html.contains("<section id=\"closeness\""));
    for section in Section::DEFAULT {
        assert!(
            html.contains(&format!("<h2>{}</h2>", section.title())),
            "{section:?}"
        );
    }
}

#[test]
fn picked_private_sections_are_there_and_notes_are_escaped() {
    let s = make(&[Section::Notes, Section::ReflectionNotes, Section::Closeness]);
    assert_eq!(s.notes.as_ref().unwrap().len(), 1);
    let html = summary::render_html(&s);
    assert!(html.contains("OSPREY &lt;b&gt;note&lt;/b&gt; &amp; &quot;quotes&quot;"));
    assert!(!html.contains("<b>note</b>"));
    assert!(html.contains("KESTREL walked to the river"));
    assert!(html.contains("<h2>Closeness</h2>"));
    assert!(summary::to_json(&s).contains("OSPREY"));
}

#[test]
fn the_html_is_self_contained_with_no_script_and_no_url() {
    let s = make(Section::ALL);
    let html = summary::render_html(&s);
    let lower = html.to_lowercase();
    for banned in [
        "http", "//", "<script", "<link", "<img", "src=", "href=", "url(", "@import",
    ] {
        if banned == "url(" {
            // The moves chart fills "both" with its own inline pattern.
            assert!(
                !lower.replace("url(#moves-both)", "").contains("url("),
                "{banned}"
            );
            continue;
        }
        assert!(!lower.contains(banned), "{banned}");
    }
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta name=\"viewport\""));
    assert!(html.contains("@media print"));
    assert!(html.contains("21 December 2026 to 17 January 2027"));
    assert!(html.contains("made on 18 January 2027"));
    // Three inline charts, one per pattern series.
    assert_eq!(html.matches("<svg class=\"tandem-chart\"").count(), 3);
}

#[test]
fn the_json_has_its_schema_version_range_and_only_the_picked_sections() {
    let s = make(&[Section::Overview, Section::Reflections]);
    let v: serde_json::Value = serde_json::from_str(&summary::to_json(&s)).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["from"], "2026-12-21");
    assert_eq!(v["to"], "2027-01-17");
    assert_eq!(v["made_on"], "2027-01-18");
    assert_eq!(v["week_start"], "monday");
    assert_eq!(
        v["sections"],
        serde_json::json!(["overview", "reflections"])
    );
    assert_eq!(v["overview"]["days_logged"], 11);
    assert_eq!(v["reflections"][0]["raises_concerns"], "me");
    assert!(v["notes"].is_null() && v["patterns"].is_null());
}

#[test]
fn section_lists_parse_by_code_and_refuse_unknown_names() {
    assert_eq!(
        Section::parse_list("notes, overview,notes").unwrap(),
        vec![Section::Notes, Section::Overview]
    );
    assert_invalid(
        &Section::parse_list("overview,diary").unwrap_err(),
        "sections",
    );
    assert!(Section::parse_list(" , ").is_err());
}

#[test]
fn the_default_range_is_twelve_weeks_ending_today() {
    // Wednesday 25 November 2026: its week began Monday the 23rd; eleven
    // weeks before that is Monday 7 September.
    assert_eq!(
        summary::default_range(d("2026-11-25"), WeekStart::Monday),
        (d("2026-09-07"), d("2026-11-25"))
    );
    assert_eq!(
        summary::default_range(d("2026-11-25"), WeekStart::Sunday),
        (d("2026-09-06"), d("2026-11-25"))
    );
}

#[test]
fn a_range_that_ends_before_it_starts_is_refused() {
    let (cs, rs) = inputs();
    let r = summary::build(
        &cs,
        &rs,
        d("2027-01-17"),
        d("2026-12-21"),
        Section::DEFAULT,
        WeekStart::Monday,
        d("2027-01-18"),
    );
    assert_invalid(&r.unwrap_err(), "from");
}

#[test]
fn a_summary_with_no_section_is_refused_naming_the_sections() {
    let (cs, rs) = inputs();
    let r = summary::build(
        &cs,
        &rs,
        d("2026-12-21"),
        d("2027-01-17"),
        &[],
        WeekStart::Monday,
        d("2027-01-18"),
    );
    assert_invalid(&r.unwrap_err(), "sections");
}
