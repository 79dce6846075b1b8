//! The history list: journal A (four weeks around the turn of 2026/2027,
//! the third empty) grouped by Monday weeks and by Sunday weeks. The
//! groupings below were worked out by hand from a calendar: 2026-12-21 is
//! a Monday, 2026-12-20 a Sunday.

mod common;

use chrono::NaiveDate;
use common::journals::journal_a;
use common::{Fixture, Methods, clock};
use tandem_core::HistoryWeek;
use tandem_core::{Reflection, Settings, WeekStart};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// (first day, last day, check-in days, reflection weeks) of each week.
fn shape(weeks: &[HistoryWeek]) -> Vec<(NaiveDate, NaiveDate, Vec<NaiveDate>, Vec<NaiveDate>)> {
    weeks
        .iter()
        .map(|w| {
            (
                w.first_day,
                w.last_day,
                w.checkins.iter().map(|c| c.value.date).collect(),
                w.reflections.iter().map(|r| r.value.week_start).collect(),
            )
        })
        .collect()
}

fn days(list: &[&str]) -> Vec<NaiveDate> {
    list.iter().map(|s| d(s)).collect()
}

fn journal() -> (Fixture, tandem_core::Journal) {
    let (fx, j) = Fixture::new(Methods::PassphraseOnly);
    let mut j = j.with_clock(clock("2027-01-20"));
    j.save_checkins(journal_a()).unwrap();
    let mut first = Reflection::new(d("2026-12-23"));
    first.note = "a hard week".into();
    j.save_reflection(first).unwrap();
    j.save_reflection(Reflection::new(d("2027-01-13"))).unwrap();
    (fx, j)
}

#[test]
fn monday_weeks_newest_first_skip_the_empty_week_and_hold_their_reflections() {
    let (_fx, j) = journal();
    let weeks = j.history(None, None).unwrap();
    assert_eq!(
        shape(&weeks),
        vec![
            (
                d("2027-01-11"),
                d("2027-01-17"),
                days(&["2027-01-12", "2027-01-14"]),
                days(&["2027-01-11"]),
            ),
            // 4–10 January has no entry and is not listed.
            (
                d("2026-12-28"),
                d("2027-01-03"),
                days(&["2026-12-30", "2026-12-31", "2027-01-02", "2027-01-03"]),
                vec![],
            ),
            (
                d("2026-12-21"),
                d("2026-12-27"),
                days(&[
                    "2026-12-21",
                    "2026-12-22",
                    "2026-12-24",
                    "2026-12-26",
                    "2026-12-27"
                ]),
                days(&["2026-12-21"]),
            ),
        ]
    );
    assert_eq!(weeks[2].reflections[0].value.note, "a hard week");
}

#[test]
fn sunday_weeks_regroup_the_days_and_keep_each_monday_reflection_in_its_week() {
    let (_fx, mut j) = journal();
    j.set_settings(Settings {
        week_start: WeekStart::Sunday,
    })
    .unwrap();
    let weeks = j.history(None, None).unwrap();
    assert_eq!(
        shape(&weeks),
        vec![
            (
                d("2027-01-10"),
                d("2027-01-16"),
                days(&["2027-01-12", "2027-01-14"]),
                days(&["2027-01-11"]),
            ),
            (
                d("2027-01-03"),
                d("2027-01-09"),
                days(&["2027-01-03"]),
                vec![],
            ),
            (
                d("2026-12-27"),
                d("2027-01-02"),
                days(&["2026-12-27", "2026-12-30", "2026-12-31", "2027-01-02"]),
                vec![],
            ),
            (
                d("2026-12-20"),
                d("2026-12-26"),
                days(&["2026-12-21", "2026-12-22", "2026-12-24", "2026-12-26"]),
                days(&["2026-12-21"]),
            ),
        ]
    );
}

#[test]
fn a_range_is_widened_to_the_whole_weeks_holding_its_ends() {
    let (_fx, j) = journal();
    // Wednesday 30 December to Tuesday 12 January: the weeks of 28 December
    // and 11 January, whole, and nothing of the week of 21 December.
    let weeks = j
        .history(Some(d("2026-12-30")), Some(d("2027-01-12")))
        .unwrap();
    let firsts: Vec<_> = weeks.iter().map(|w| w.first_day).collect();
    assert_eq!(firsts, days(&["2027-01-11", "2026-12-28"]));
    assert_eq!(
        weeks[0].checkins.len(),
        2,
        "the 14th is in the widened week"
    );
    assert_eq!(weeks[1].checkins.len(), 4);
    assert_eq!(
        j.week_of(d("2027-01-01")).unwrap(),
        (d("2026-12-28"), d("2027-01-03"))
    );
}

#[test]
fn an_empty_journal_has_no_history() {
    let (_fx, j) = Fixture::new(Methods::PassphraseOnly);
    assert!(j.history(None, None).unwrap().is_empty());
}
