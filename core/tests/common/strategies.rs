//! Proptest strategies for entries, shared by the property tests of the
//! store and of export: any valid check-in on a given day, any valid
//! reflection for a given week, with any Unicode text.

use chrono::NaiveDate;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use tandem_core::{
    Behaviour, CheckIn, Closeness, ClosenessWord, Feeling, Move, PartnerMove, Reflection, Repair,
    Skill, Who,
};

/// A random subset of `all` in random order, without repeats.
pub fn subset<T: Clone + std::fmt::Debug + 'static>(
    all: &'static [T],
) -> impl Strategy<Value = Vec<T>> {
    subsequence(all.to_vec(), 0..=all.len()).prop_shuffle()
}

/// Any Unicode text (control characters, NUL, astral planes included) up to 300 characters.
pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter)
}

/// Any closeness section: a rating or none, any words.
pub fn closeness() -> impl Strategy<Value = Closeness> {
    (prop::option::of(1u8..=5), subset(ClosenessWord::ALL))
        .prop_map(|(rating, words)| Closeness { rating, words })
}

/// Any valid check-in on `date`.
pub fn checkin_on(date: NaiveDate) -> impl Strategy<Value = CheckIn> {
    (
        (
            1u8..=5,
            select(Move::ALL),
            select(PartnerMove::ALL),
            subset(Behaviour::ALL),
            subset(Feeling::ALL),
            prop::option::of(0u8..=10),
        ),
        (
            subset(Skill::ALL),
            prop::option::of(select(Repair::ALL)),
            prop::option::of(closeness()),
            text(),
        ),
    )
        .prop_map(
            move |(
                (mood, my_move, partner_move, behaviours, feelings, intensity),
                (skills, repair, closeness, note),
            )| CheckIn {
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
            },
        )
}

/// Any valid reflection for the week starting `week_start`.
pub fn reflection_on(week_start: NaiveDate) -> impl Strategy<Value = Reflection> {
    let who = || prop::option::of(select(Who::ALL));
    (
        who(),
        who(),
        prop::option::of(1u8..=5),
        who(),
        text(),
        text(),
    )
        .prop_map(
            move |(raises_concerns, shuts_down, talk_safety, felt_chased, needing_space, note)| {
                Reflection {
                    week_start,
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
