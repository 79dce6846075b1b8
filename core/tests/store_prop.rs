//! Property: any valid check-ins (and reflections), saved, closed and
//! reopened by passphrase, read back equal.

mod common;

use std::collections::BTreeSet;

use chrono::{Days, NaiveDate};
use common::*;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use tandem_core::{
    Behaviour, CheckIn, Closeness, ClosenessWord, Feeling, Journal, Move, PartnerMove, Reflection,
    Repair, Skill, Who,
};

/// Days before [`TODAY`] a generated entry may fall on: about four years,
/// and -1 for tomorrow (allowed for people a zone ahead).
const SPAN_DAYS: i64 = 4 * 366;

fn shift(today: NaiveDate, back: i64) -> NaiveDate {
    if back < 0 {
        today + Days::new(back.unsigned_abs())
    } else {
        today - Days::new(back as u64)
    }
}

/// A random subset of `all` in random order, without repeats.
fn subset<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Vec<T>> {
    subsequence(all.to_vec(), 0..=all.len()).prop_shuffle()
}

/// Any Unicode text (control characters, NUL, astral planes included) up to 300 characters.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter)
}

fn closeness() -> impl Strategy<Value = Closeness> {
    (prop::option::of(1u8..=5), subset(ClosenessWord::ALL))
        .prop_map(|(rating, words)| Closeness { rating, words })
}

fn checkin_on(date: NaiveDate) -> impl Strategy<Value = CheckIn> {
    (
        1u8..=5,
        select(Move::ALL),
        select(PartnerMove::ALL),
        subset(Behaviour::ALL),
        subset(Feeling::ALL),
        prop::option::of(0u8..=10),
        subset(Skill::ALL),
        prop::option::of(select(Repair::ALL)),
        prop::option::of(closeness()),
        text(),
    )
        .prop_map(
            move |(
                mood,
                my_move,
                partner_move,
                behaviours,
                feelings,
                intensity,
                skills,
                repair,
                closeness,
                note,
            )| {
                CheckIn {
                    date,
                    mood,
                    my_move,
                    partner_move,
                    behaviours,
                    feelings,
                    intensity,
                    skills,
                    repair,
                    closeness,
                    note,
                }
            },
        )
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

fn who() -> impl Strategy<Value = Option<Who>> {
    prop::option::of(select(Who::ALL))
}

/// A reflection on any day up to about four years back (stored under its Monday).
fn reflection() -> impl Strategy<Value = Reflection> {
    (
        0i64..SPAN_DAYS,
        who(),
        who(),
        prop::option::of(1u8..=5),
        who(),
        text(),
        text(),
    )
        .prop_map(
            |(back, raises_concerns, shuts_down, talk_safety, felt_chased, needing_space, note)| {
                Reflection {
                    week_start: shift(day(TODAY), back),
                    raises_concerns,
                    shuts_down,
                    talk_safety,
                    felt_chased,
                    needing_space,
                    note,
                }
            },
        )
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
