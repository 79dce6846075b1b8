//! Property: any valid check-ins (and reflections), saved, closed and
//! reopened by passphrase, read back equal.

mod common;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use common::strategies::{checkin_on, reflection_on};
use common::*;
use proptest::prelude::*;
use tandem_core::{CheckIn, Journal, Reflection};

/// Days before [`TODAY`] a generated entry may fall on: about four years,
/// and -1 for tomorrow (allowed for people a zone ahead).
const SPAN_DAYS: i64 = 4 * 366;

fn shift(today: NaiveDate, back: i64) -> NaiveDate {
    if back < 0 {
        today + Days::new(back.unsigned_abs())
    } else {
        today - Days::new(back.unsigned_abs())
    }
}

/// One to five check-ins on distinct days.
fn checkins() -> impl Strategy<Value = Vec<CheckIn>> {
    prop::collection::btree_set(-1i64..SPAN_DAYS, 1..=5).prop_flat_map(|backs: BTreeSet<i64>| {
        let today = day(TODAY);
        backs
            .into_iter()
            .map(|b| checkin_on(shift(today, b)))
            .collect::<Vec<_>>()
    })
}

/// A reflection on any day up to about four years back (stored under its Monday).
fn reflection() -> impl Strategy<Value = Reflection> {
    (0i64..SPAN_DAYS).prop_flat_map(|back| reflection_on(shift(day(TODAY), back)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_checkins_read_back_equal_after_closing_and_reopening_by_passphrase(
        list in checkins(),
        reflection in reflection(),
    ) {
        let (fx, mut journal) = Fixture::new(Methods::PassphraseOnly);
        let saved = journal.save_checkins(list.clone()).unwrap();
        prop_assert_eq!(saved.len(), list.len());
        let saved_reflection = journal.save_reflection(reflection.clone()).unwrap();
        drop(journal);

        let journal: Journal = fx.open(pass(PASSPHRASE)).unwrap();
        // Listing is by day; the generator's days are distinct.
        let mut by_day: Vec<_> = list.iter().zip(&saved).collect();
        by_day.sort_by_key(|(c, _)| c.date);
        let back = journal.checkins(None, None).unwrap();
        prop_assert_eq!(back.len(), list.len());
        for (read, (sent, first)) in back.iter().zip(by_day) {
            prop_assert_eq!(&read.value, sent);
            prop_assert_eq!(read.revision, 1);
            prop_assert_eq!(read.id, first.id);
            prop_assert_eq!(read.saved_at, instant("2026-03-10T12:00:00Z"));
            let one = journal.checkin(sent.date).unwrap();
            prop_assert_eq!(one.as_ref(), Some(read));
        }

        let r = journal.reflection(reflection.week_start).unwrap().unwrap();
        prop_assert_eq!(&r, &saved_reflection);
        prop_assert_eq!(r.value.week_start.format("%u").to_string(), "1", "a Monday");
        prop_assert_eq!(&r.value.note, &reflection.note);
        prop_assert_eq!(&r.value.needing_space, &reflection.needing_space);
        prop_assert_eq!(
            (r.value.raises_concerns, r.value.shuts_down, r.value.talk_safety, r.value.felt_chased),
            (reflection.raises_concerns, reflection.shuts_down, reflection.talk_safety, reflection.felt_chased)
        );
    }
}
