//! Insights on hand-worked journals: every expected number below was worked
//! out by hand from the check-ins listed beside it (the arithmetic is in the
//! comments), not taken from the code's output.

mod common;

use chrono::NaiveDate;
use common::journals::{ci, journal_a, journal_b};
use tandem_core::insights::{
    self, BySide, FindingKind, MoveCounts, PartnerMoveCounts, RepairCounts, WeekPoint,
};
use tandem_core::{
    Behaviour as B, CheckIn, Feeling as F, Move as M, PartnerMove as P, Skill as S, WeekStart,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn skills(counts: [u32; 5]) -> Vec<(S, u32)> {
    S::ALL.iter().copied().zip(counts).collect()
}

#[test]
fn journal_a_week_of_21_december_in_full() {
    let w = insights::week_summary(&journal_a(), d("2026-12-21"));
    assert_eq!(w.days_logged, 5);
    // (2 + 3 + 4 + 1 + 5) / 5
    assert_eq!(w.mood_average, Some(3.0));
    assert_eq!(
        w.my_moves,
        MoveCounts {
            pursued: 2,
            withdrew: 1,
            both: 1,
            neither: 1
        }
    );
    assert_eq!(
        w.partner_moves,
        PartnerMoveCounts {
            pursued: 1,
            withdrew: 2,
            both: 0,
            neither: 1,
            unknown: 1
        }
    );
    // 21st and 22nd (pursued/withdrew), 26th (withdrew/pursued).
    assert_eq!(w.cycle_days, 3);
    // (7 + 5 + 1 + 8) / 4; the 27th gave no intensity.
    assert_eq!(w.intensity_average, Some(5.25));
    // 21st (7), 22nd (5), 26th (8); the 24th (1) and 27th (none) were not hard.
    assert_eq!(w.hard_days, 3);
    assert_eq!(
        w.repair,
        RepairCounts {
            reconnected: 1,
            partly: 1,
            not_yet: 1,
            unanswered: 0
        }
    );
    assert_eq!(w.repair_rate, Some(1.0 / 3.0));
    // slow_down, regulate, speak_softly, stay_present, break_and_return
    assert_eq!(w.skills, skills([0, 2, 0, 0, 1]));
    assert_eq!(
        w.top_feelings,
        BySide {
            pursuing: vec![(F::Anxious, 3), (F::Rejected, 1)],
            withdrawing: vec![(F::Overwhelmed, 1)],
            neither: vec![(F::Calm, 1), (F::Connected, 1)],
        }
    );
    assert_eq!(
        w.top_behaviours,
        BySide {
            pursuing: vec![(B::AskToTalk, 2), (B::SeekReassurance, 1)],
            withdrawing: vec![(B::NeedSpace, 1)],
            neither: vec![]
        }
    );
}

#[test]
fn journal_a_week_straddling_the_month_and_year_end() {
    let w = insights::week_summary(&journal_a(), d("2026-12-28"));
    // 30 Dec, 31 Dec, 2 Jan, 3 Jan.
    assert_eq!(w.days_logged, 4);
    assert_eq!(w.mood_average, Some(13.0 / 4.0));
    assert_eq!(
        w.my_moves,
        MoveCounts {
            pursued: 3,
            withdrew: 0,
            both: 0,
            neither: 1
        }
    );
    assert_eq!(
        w.partner_moves,
        PartnerMoveCounts {
            pursued: 0,
            withdrew: 2,
            both: 1,
            neither: 1,
            unknown: 0
        }
    );
    assert_eq!(w.cycle_days, 2);
    // (4 + 0 + 2 + 6) / 4
    assert_eq!(w.intensity_average, Some(3.0));
    assert_eq!(w.hard_days, 2);
    assert_eq!(
        w.repair,
        RepairCounts {
            reconnected: 1,
            partly: 0,
            not_yet: 1,
            unanswered: 0
        }
    );
    assert_eq!(w.repair_rate, Some(0.5));
    assert_eq!(w.skills, skills([1, 0, 1, 0, 0]));
}

#[test]
fn journal_a_empty_week_has_no_averages() {
    let w = insights::week_summary(&journal_a(), d("2027-01-04"));
    assert_eq!(w.days_logged, 0);
    assert_eq!(w.mood_average, None);
    assert_eq!(w.intensity_average, None);
    assert_eq!(w.repair_rate, None);
    assert_eq!(w.my_moves, MoveCounts::default());
    assert_eq!(w.cycle_days, 0);
    assert_eq!(w.skills, skills([0; 5]));
}

#[test]
fn journal_a_week_where_the_partner_was_never_read_keeps_unknown_apart_from_neither() {
    let w = insights::week_summary(&journal_a(), d("2027-01-11"));
    assert_eq!(w.days_logged, 2);
    assert_eq!(
        w.partner_moves,
        PartnerMoveCounts {
            pursued: 0,
            withdrew: 0,
            both: 0,
            neither: 0,
            unknown: 2
        }
    );
    // Pursuing while the partner's move is unknown is not a cycle day.
    assert_eq!(w.cycle_days, 0);
    assert_eq!(w.mood_average, Some(3.5));
    assert_eq!(w.intensity_average, Some(5.0));
    assert_eq!(w.repair_rate, Some(1.0));
}

#[test]
fn journal_a_series_over_four_weeks_keeps_the_empty_week_as_a_gap() {
    let weeks = insights::week_starts(d("2027-01-14"), 4, WeekStart::Monday);
    assert_eq!(
        weeks,
        vec![
            d("2026-12-21"),
            d("2026-12-28"),
            d("2027-01-04"),
            d("2027-01-11")
        ]
    );
    let p = insights::pattern(&journal_a(), &weeks, WeekStart::Monday);
    assert_eq!(p.points.len(), 4);
    let gap = WeekPoint {
        week_start: d("2027-01-04"),
        days_logged: 0,
        my_moves: None,
        partner_moves: None,
        mood: None,
        cycle_days: None,
        intensity: None,
        repair_rate: None,
    };
    assert_eq!(p.points[2], gap);
    let mood: Vec<_> = p.points.iter().map(|w| w.mood).collect();
    assert_eq!(mood, vec![Some(3.0), Some(3.25), None, Some(3.5)]);
    let cycle: Vec<_> = p.points.iter().map(|w| w.cycle_days).collect();
    assert_eq!(cycle, vec![Some(3), Some(2), None, Some(0)]);
    let intensity: Vec<_> = p.points.iter().map(|w| w.intensity).collect();
    assert_eq!(intensity, vec![Some(5.25), Some(3.0), None, Some(5.0)]);
    let repair: Vec<_> = p.points.iter().map(|w| w.repair_rate).collect();
    assert_eq!(repair, vec![Some(1.0 / 3.0), Some(0.5), None, Some(1.0)]);
    assert_eq!(
        p.points[1].my_moves,
        Some(MoveCounts {
            pursued: 3,
            withdrew: 0,
            both: 0,
            neither: 1
        })
    );
}

#[test]
fn journal_a_with_sunday_weeks_regroups_the_days() {
    // Sunday 27 Dec to Saturday 2 Jan: the 27th, 30th, 31st and 2nd.
    let w = insights::week_summary(&journal_a(), WeekStart::Sunday.first_day(d("2026-12-30")));
    assert_eq!(w.week_start, d("2026-12-27"));
    assert_eq!(w.days_logged, 4);
    // (5 + 3 + 4 + 4) / 4
    assert_eq!(w.mood_average, Some(4.0));
    assert_eq!(
        w.my_moves,
        MoveCounts {
            pursued: 2,
            withdrew: 0,
            both: 1,
            neither: 1
        }
    );
    assert_eq!(
        w.partner_moves,
        PartnerMoveCounts {
            pursued: 0,
            withdrew: 1,
            both: 1,
            neither: 1,
            unknown: 1
        }
    );
    assert_eq!(w.cycle_days, 1);
    // (4 + 0 + 2) / 3; the 27th gave none.
    assert_eq!(w.intensity_average, Some(2.0));
    assert_eq!(w.repair_rate, Some(1.0));

    let weeks = insights::week_starts(d("2027-01-03"), 3, WeekStart::Sunday);
    assert_eq!(
        weeks,
        vec![d("2026-12-20"), d("2026-12-27"), d("2027-01-03")]
    );
    let p = insights::pattern(&journal_a(), &weeks, WeekStart::Sunday);
    // Sun 20 – Sat 26: 21st, 22nd, 24th, 26th. Sun 3 Jan: the 3rd alone.
    let days: Vec<_> = p.points.iter().map(|w| w.days_logged).collect();
    assert_eq!(days, vec![4, 4, 1]);
    assert_eq!(p.points[0].mood, Some(2.5));
    assert_eq!(p.points[0].cycle_days, Some(3));
    assert_eq!(p.points[2].cycle_days, Some(1));
}

#[test]
fn journal_b_trend_windows_hold_the_hand_worked_figures() {
    let t = insights::trend(&journal_b(), d("2026-03-01"), WeekStart::Monday);
    assert_eq!(
        (t.before.first_day, t.before.last_day),
        (d("2026-01-05"), d("2026-02-01"))
    );
    assert_eq!(
        (t.recent.first_day, t.recent.last_day),
        (d("2026-02-02"), d("2026-03-01"))
    );
    assert_eq!((t.before.days_logged, t.recent.days_logged), (7, 7));
    // 5 and 2 cycle days per 7 days logged.
    assert_eq!(t.before.cycle_days_per_week, Some(5.0));
    assert_eq!(t.recent.cycle_days_per_week, Some(2.0));
    // 42 / 7 and 21 / 7.
    assert_eq!(t.before.intensity, Some(6.0));
    assert_eq!(t.recent.intensity, Some(3.0));
    // 1 of 5 answered hard days, 2 of 3.
    assert_eq!(t.before.repair_rate, Some(0.2));
    assert_eq!(t.recent.repair_rate, Some(2.0 / 3.0));
    // 17 / 7 and 26 / 7.
    assert_eq!(t.before.mood, Some(17.0 / 7.0));
    assert_eq!(t.recent.mood, Some(26.0 / 7.0));
}

#[test]
fn journal_b_findings_read_as_worked_out_by_hand() {
    let f = insights::findings(
        &journal_b(),
        d("2026-01-05"),
        d("2026-03-01"),
        WeekStart::Monday,
    );
    let texts: Vec<(FindingKind, &str)> = f.iter().map(|f| (f.kind, f.text.as_str())).collect();
    assert_eq!(
        texts,
        vec![
            (
                FindingKind::CycleDays,
                "Cycle days fell from 5.0 to 2.0 a week over the last four weeks, against the four before (n = 7 and 7 days logged)."
            ),
            (
                FindingKind::Intensity,
                "The hardest moment of the day fell from 6.0 to 3.0 out of 10 (n = 7 and 7 days rated)."
            ),
            (
                FindingKind::Repair,
                "Reconnecting after a hard moment rose from 20% to 67% (n = 5 and 3 hard days)."
            ),
            (
                FindingKind::Mood,
                "Mood rose from 2.4 to 3.7 out of 5 (n = 7 and 7 days logged)."
            ),
            // Pursued: 7 days pursued + 1 both = 8; partner 1 (both). Withdrew:
            // me 1 (both); partner 7 withdrew + 1 both = 8.
            (
                FindingKind::Roles,
                "Of 14 days logged, you pursued on 8 and your partner on 1: you did more often. You withdrew on 1 and your partner on 8: your partner did more often, as you saw it."
            ),
            // With a skill: R, P, R, R (3 of 4). Without: N, N, N, P (0 of 4).
            (
                FindingKind::Skills,
                "On hard days when you practised a skill you reconnected 75% of the time (n = 4); on hard days without one, 0% (n = 4)."
            ),
        ]
    );
    for finding in &f {
        for cause in ["because", "caused", "led to", "thanks to", "due to"] {
            assert!(!finding.text.contains(cause), "{}", finding.text);
        }
    }
}

/// Journal C: too little data before, and a steady cycle when there is enough.
#[test]
fn journal_c_says_nothing_of_a_window_with_fewer_than_three_days() {
    let pw = (M::Pursued, P::Withdrew);
    let mut v = vec![
        ci("2026-01-05", 3, pw.0, pw.1, None, None, &[], &[], &[]),
        ci(
            "2026-01-08",
            3,
            M::Neither,
            P::Neither,
            None,
            None,
            &[],
            &[],
            &[],
        ),
    ];
    for day in [
        "2026-02-23",
        "2026-02-24",
        "2026-02-25",
        "2026-02-26",
        "2026-02-27",
    ] {
        v.push(ci(
            day,
            3,
            M::Neither,
            P::Neither,
            None,
            None,
            &[],
            &[],
            &[],
        ));
    }
    let t = insights::trend(&v, d("2026-03-01"), WeekStart::Monday);
    assert_eq!(t.before.days_logged, 2);
    assert_eq!(t.before.cycle_days_per_week, None);
    assert_eq!(t.before.mood, None);
    // Enough days recently, but no intensity was given at all.
    assert_eq!(t.recent.mood, Some(3.0));
    assert_eq!(t.recent.intensity, None);
    let f = insights::findings(&v, d("2026-01-05"), d("2026-03-01"), WeekStart::Monday);
    let kinds: Vec<_> = f.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, vec![FindingKind::Roles]);
    assert_eq!(
        f[0].text,
        "Of 7 days logged, you pursued on 1 and your partner on 0: you did more often. You withdrew on 0 and your partner on 1: your partner did more often, as you saw it."
    );
}

#[test]
fn journal_c_a_cycle_that_did_not_move_is_called_steady() {
    let mut v = Vec::new();
    // Three cycle days in each window of seven logged days.
    let before = [
        "2026-01-05",
        "2026-01-06",
        "2026-01-07",
        "2026-01-12",
        "2026-01-13",
        "2026-01-20",
        "2026-01-27",
    ];
    let recent = [
        "2026-02-02",
        "2026-02-03",
        "2026-02-04",
        "2026-02-09",
        "2026-02-10",
        "2026-02-17",
        "2026-02-24",
    ];
    for days in [before, recent] {
        for (i, day) in days.iter().enumerate() {
            let (me, p) = if i < 3 {
                (M::Pursued, P::Withdrew)
            } else {
                (M::Neither, P::Neither)
            };
            v.push(ci(day, 3, me, p, None, None, &[], &[], &[]));
        }
    }
    let f = insights::findings(&v, d("2026-01-05"), d("2026-03-01"), WeekStart::Monday);
    assert_eq!(f[0].kind, FindingKind::CycleDays);
    assert_eq!(
        f[0].text,
        "Cycle days held steady at about 3.0 a week over the last four weeks, against the four before (n = 7 and 7 days logged)."
    );
    assert_eq!(
        f[1].text,
        "Mood held steady at about 3.0 out of 5 (n = 7 and 7 days logged)."
    );
}

#[test]
fn the_streak_counts_back_from_today_or_from_yesterday_if_today_is_not_logged_yet() {
    let days = [
        "2026-11-19",
        "2026-11-21",
        "2026-11-22",
        "2026-11-23",
        "2026-11-24",
    ];
    let mut v: Vec<CheckIn> = days
        .iter()
        .map(|d| ci(d, 3, M::Neither, P::Neither, None, None, &[], &[], &[]))
        .collect();
    assert_eq!(insights::streak(&v, d("2026-11-25")), 4);
    v.push(ci(
        "2026-11-25",
        3,
        M::Neither,
        P::Neither,
        None,
        None,
        &[],
        &[],
        &[],
    ));
    assert_eq!(insights::streak(&v, d("2026-11-25")), 5);
    assert_eq!(insights::streak(&v, d("2026-11-27")), 0);
    assert_eq!(insights::streak(&[], d("2026-11-27")), 0);
}
