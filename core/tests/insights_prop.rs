//! Properties of the insights over random journals.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use tandem_core::insights::{self, week_starts};
use tandem_core::{CheckIn, Move, PartnerMove, Repair, Skill, WeekStart};

fn first_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
}

const SPAN_DAYS: u64 = 84;

fn checkin() -> impl Strategy<Value = CheckIn> {
    (
        0..SPAN_DAYS,
        1u8..=5,
        prop::sample::select(Move::ALL.to_vec()),
        prop::sample::select(PartnerMove::ALL.to_vec()),
        prop::option::of(0u8..=10),
        prop::option::of(prop::sample::select(Repair::ALL.to_vec())),
        prop::sample::subsequence(Skill::ALL.to_vec(), 0..=Skill::ALL.len()),
    )
        .prop_map(|(offset, mood, me, partner, intensity, repair, skills)| {
            let mut c = CheckIn::new(first_day() + Days::new(offset), mood, me, partner);
            c.intensity = intensity;
            c.repair = repair;
            c.skills = skills;
            c
        })
}

/// Check-ins on distinct days, as the journal keeps them.
fn journal() -> impl Strategy<Value = Vec<CheckIn>> {
    prop::collection::vec(checkin(), 0..60).prop_map(|mut v| {
        v.sort_by_key(|c| c.date);
        v.dedup_by_key(|c| c.date);
        v
    })
}

fn start() -> impl Strategy<Value = WeekStart> {
    prop::sample::select(vec![WeekStart::Monday, WeekStart::Sunday])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn move_counts_sum_to_the_days_logged_in_every_week(cs in journal(), ws in start()) {
        let last = first_day() + Days::new(SPAN_DAYS + 6);
        let weeks = week_starts(last, 14, ws);
        let p = insights::pattern(&cs, &weeks, ws);
        let mut total = 0;
        for w in &p.points {
            total += w.days_logged;
            match (w.my_moves, w.partner_moves) {
                (Some(m), Some(t)) => {
                    prop_assert_eq!(m.pursued + m.withdrew + m.both + m.neither, w.days_logged);
                    prop_assert_eq!(t.pursued + t.withdrew + t.both + t.neither + t.unknown, w.days_logged);
                    prop_assert!(w.cycle_days.unwrap() <= w.days_logged);
                }
                (None, None) => prop_assert_eq!(w.days_logged, 0),
                _ => prop_assert!(false, "my and partner moves are both there or both gaps"),
            }
            let summary = insights::week_summary(&cs, w.week_start);
            prop_assert_eq!(summary.days_logged, w.days_logged);
            prop_assert_eq!(Some(summary.cycle_days), w.cycle_days.or(Some(0)));
        }
        // Fourteen weeks cover the whole span, so every check-in is counted once.
        prop_assert_eq!(total as usize, cs.len());
    }

    #[test]
    fn the_series_has_exactly_the_weeks_asked_for(cs in journal(), n in 1u32..60, ws in start()) {
        let last = first_day() + Days::new(SPAN_DAYS);
        let weeks = week_starts(last, n, ws);
        let p = insights::pattern(&cs, &weeks, ws);
        prop_assert_eq!(p.points.len(), n as usize);
        for pair in p.points.windows(2) {
            prop_assert_eq!(pair[1].week_start - pair[0].week_start, chrono::Duration::days(7));
        }
        prop_assert_eq!(p.points.last().unwrap().week_start, ws.first_day(last));
    }

    #[test]
    fn adding_a_check_in_changes_only_its_own_week(cs in journal(), extra in checkin(), ws in start()) {
        prop_assume!(!cs.iter().any(|c| c.date == extra.date));
        let last = first_day() + Days::new(SPAN_DAYS + 6);
        let weeks = week_starts(last, 14, ws);
        let before = insights::pattern(&cs, &weeks, ws);
        let mut more = cs.clone();
        more.push(extra.clone());
        let after = insights::pattern(&more, &weeks, ws);
        let home = ws.first_day(extra.date);
        for (b, a) in before.points.iter().zip(&after.points) {
            if b.week_start == home {
                prop_assert_eq!(a.days_logged, b.days_logged + 1);
            } else {
                prop_assert_eq!(a, b);
            }
        }
    }
}
