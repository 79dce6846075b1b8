//! A seeded generator of believable journals: a couple whose
//! pursue–withdraw cycle slowly softens. The demo, the benchmarks and tests
//! that need volume use it; the same seed and end day give the same journal.

use chrono::{Days, NaiveDate};

use crate::day::monday_of;
use crate::entries::checkin::{CheckIn, Closeness};
use crate::entries::reflection::Reflection;
use crate::entries::vocab::{
    Behaviour, ClosenessWord, Feeling, Move, PartnerMove, Repair, Side, Skill, Who,
};
use crate::num;

/// The seed the CLI demo uses.
pub const DEMO_SEED: u64 = 0x7a6e_6465_6d31;

/// A generated journal's entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoData {
    /// One check-in for most days (some days are skipped, as people do).
    pub checkins: Vec<CheckIn>,
    /// One reflection for each week that has ended by the end day.
    pub reflections: Vec<Reflection>,
}

/// SplitMix64: tiny, seedable, and good enough for made-up diaries.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        num::wide_f64(self.next() >> 11) / num::wide_f64(1u64 << 53)
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn below(&mut self, n: usize) -> usize {
        let n = u64::try_from(n.max(1)).unwrap_or(u64::MAX);
        // Less than n, which came from a usize.
        usize::try_from(self.next() % n).unwrap_or(0)
    }

    /// [`Rng::below`] for a small `n`, as a scale step.
    fn below_u8(&mut self, n: u8) -> u8 {
        u8::try_from(self.below(usize::from(n))).unwrap_or(0)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    /// Up to `max` distinct items, at least one.
    fn some<T: Copy + PartialEq>(&mut self, items: &[T], max: usize) -> Vec<T> {
        let want = 1 + self.below(max);
        let mut out = Vec::new();
        while out.len() < want.min(items.len()) {
            let v = self.pick(items);
            if !out.contains(&v) {
                out.push(v);
            }
        }
        out
    }
}

const NOTES_EARLY: &[&str] = &[
    "Asked about the weekend plans again and got a shrug. I kept pushing.",
    "Dinner went quiet after I brought up the money thing.",
    "They went for a walk in the middle of our talk. I sat with it, stewing.",
    "I sent three messages in an hour. Too many, I know.",
    "Felt like I was talking to a wall tonight.",
    "We both went to bed without saying goodnight.",
];

const NOTES_LATE: &[&str] = &[
    "Took ten minutes to breathe before raising it. It went better.",
    "They said they needed half an hour and came back when they said they would.",
    "I spoke more slowly and they stayed in the room.",
    "Short talk about the holidays, no raised voices.",
    "We laughed about how we used to circle each other.",
    "Quiet evening, close on the sofa.",
];

const SPACE_EARLY: &[&str] = &[
    "They leave the room and I follow them.",
    "One of us goes silent for the rest of the evening.",
    "I keep texting until they answer.",
];

const SPACE_LATE: &[&str] = &[
    "We name a time to come back and mostly keep it.",
    "A short break, then we finish the talk.",
    "I let them go for a walk and we talk after.",
];

fn on_side<T: Copy>(all: &[T], side: impl Fn(T) -> Option<Side>, want: Side) -> Vec<T> {
    all.iter()
        .copied()
        .filter(|v| side(*v) == Some(want))
        .collect()
}

/// The vocabulary a generated day picks from, by side of the cycle.
struct Choices {
    pursue_b: Vec<Behaviour>,
    withdraw_b: Vec<Behaviour>,
    pursue_f: Vec<Feeling>,
    withdraw_f: Vec<Feeling>,
    easy_f: [Feeling; 4],
}

impl Choices {
    fn new() -> Self {
        Choices {
            pursue_b: on_side(Behaviour::ALL, Behaviour::side, Side::Pursuing),
            withdraw_b: on_side(Behaviour::ALL, Behaviour::side, Side::Withdrawing),
            pursue_f: on_side(Feeling::ALL, Feeling::side, Side::Pursuing),
            withdraw_f: on_side(Feeling::ALL, Feeling::side, Side::Withdrawing),
            easy_f: [
                Feeling::Calm,
                Feeling::Connected,
                Feeling::Heard,
                Feeling::Hopeful,
            ],
        }
    }
}

/// Generates `weeks` weeks of entries ending on `end` (inclusive).
pub fn generate(seed: u64, end: NaiveDate, weeks: u32) -> DemoData {
    let mut rng = Rng(seed);
    let days = u64::from(weeks) * 7;
    let start = end
        .checked_sub_days(Days::new(days.saturating_sub(1)))
        .unwrap_or(end);
    let choices = Choices::new();

    let mut checkins = Vec::new();
    for i in 0..days {
        let Some(date) = start.checked_add_days(Days::new(i)) else {
            break;
        };
        // How far the couple has come: 0 at the start, 1 at the end.
        let t = num::wide_f64(i) / num::wide_f64(days.max(1));
        if !rng.chance(0.88) {
            continue;
        }
        checkins.push(checkin(&mut rng, &choices, date, t));
    }
    let reflections = reflections(&mut rng, start, end, days);
    DemoData {
        checkins,
        reflections,
    }
}

/// One day's check-in, `t` of the way from the start to the end.
fn checkin(rng: &mut Rng, choices: &Choices, date: NaiveDate, t: f64) -> CheckIn {
    let (cycle, my_move, partner_move) = moves(rng, t);
    let mut c = CheckIn::new(date, 3, my_move, partner_move);
    let heat = if cycle { 8.0 - 4.5 * t } else { 2.0 - t };
    let intensity = num::round_u8(heat + rng.unit() * 4.0 - 2.0, 0, 10);
    c.intensity = if rng.chance(0.05) {
        None
    } else {
        Some(intensity)
    };
    feelings_and_behaviours(rng, choices, &mut c, t);
    skills_and_repair(rng, &mut c, t);
    let mood = 2.4 + 1.6 * t + rng.unit() * 1.6 - 0.8 - if cycle { 0.9 } else { 0.0 };
    c.mood = num::round_u8(mood, 1, 5);
    if rng.chance(0.25) {
        c.closeness = Some(closeness(rng, t));
    }
    if rng.chance(0.4) {
        let notes = if rng.chance(t) {
            NOTES_LATE
        } else {
            NOTES_EARLY
        };
        c.note = rng.pick(notes).to_string();
    }
    c
}

/// Whether the day was a cycle day, my move, and my partner's as I saw it.
fn moves(rng: &mut Rng, t: f64) -> (bool, Move, PartnerMove) {
    let cycle = rng.chance(0.65 - 0.5 * t);
    let (my_move, partner_move) = if cycle {
        if rng.chance(0.85) {
            (Move::Pursued, PartnerMove::Withdrew)
        } else {
            (Move::Withdrew, PartnerMove::Pursued)
        }
    } else {
        let me = rng.pick(&[
            Move::Neither,
            Move::Neither,
            Move::Neither,
            Move::Pursued,
            Move::Both,
        ]);
        let them = rng.pick(&[
            PartnerMove::Neither,
            PartnerMove::Neither,
            PartnerMove::Withdrew,
            PartnerMove::Both,
        ]);
        (me, them)
    };
    let partner_move = if rng.chance(0.05) {
        PartnerMove::Unknown
    } else {
        partner_move
    };
    (cycle, my_move, partner_move)
}

/// Behaviours and feelings that fit my move, and now and then (more often
/// later on) an easy feeling.
fn feelings_and_behaviours(rng: &mut Rng, choices: &Choices, c: &mut CheckIn, t: f64) {
    match c.my_move {
        Move::Pursued => {
            c.behaviours = rng.some(&choices.pursue_b, 3);
            c.feelings = rng.some(&choices.pursue_f, 3);
        }
        Move::Withdrew => {
            c.behaviours = rng.some(&choices.withdraw_b, 3);
            c.feelings = rng.some(&choices.withdraw_f, 2);
        }
        Move::Both => {
            c.behaviours = vec![rng.pick(&choices.pursue_b), rng.pick(&choices.withdraw_b)];
            c.feelings = rng.some(&choices.pursue_f, 2);
        }
        Move::Neither => {}
    }
    if rng.chance(0.2 + 0.6 * t) {
        let f = rng.pick(&choices.easy_f);
        if !c.feelings.contains(&f) {
            c.feelings.push(f);
        }
    }
}

/// Skills practised (on hard days, and sometimes on others) and, on a hard
/// day, how it ended: more often reconnected later on and with a skill.
fn skills_and_repair(rng: &mut Rng, c: &mut CheckIn, t: f64) {
    let hard = c.intensity.is_some_and(|i| i >= 3);
    if hard || rng.chance(0.2 * t) {
        c.skills = Skill::ALL
            .iter()
            .copied()
            .filter(|_| rng.chance(0.08 + 0.45 * t))
            .collect();
    }
    if hard {
        let mut p = 0.25 + 0.45 * t;
        if !c.skills.is_empty() {
            p += 0.15;
        }
        c.repair = Some(if rng.chance(p) {
            Repair::Reconnected
        } else if rng.chance(0.5) {
            Repair::Partly
        } else {
            Repair::NotYet
        });
    }
}

/// A closeness answer, warm more often later on.
fn closeness(rng: &mut Rng, t: f64) -> Closeness {
    let warm = rng.chance(0.2 + 0.6 * t);
    Closeness {
        rating: Some(if warm {
            4 + rng.below_u8(2)
        } else {
            1 + rng.below_u8(3)
        }),
        words: if warm {
            vec![ClosenessWord::Warm]
        } else {
            rng.some(
                &[
                    ClosenessWord::Tense,
                    ClosenessWord::Avoided,
                    ClosenessWord::Pressured,
                    ClosenessWord::Mechanical,
                    ClosenessWord::Distant,
                ],
                2,
            )
        },
    }
}

/// One reflection for each (Monday) week from `start`'s that has ended by
/// `end`; `days` is the length of the whole run.
fn reflections(rng: &mut Rng, start: NaiveDate, end: NaiveDate, days: u64) -> Vec<Reflection> {
    let mut out = Vec::new();
    let mut week = monday_of(start);
    while let Some(sunday) = week.checked_add_days(Days::new(6)) {
        if sunday > end {
            break;
        }
        let elapsed = u64::try_from((week - start).num_days()).unwrap_or(0);
        let t = num::wide_f64(elapsed) / num::wide_f64(days.max(1));
        out.push(reflection(rng, week, t));
        match week.checked_add_days(Days::new(7)) {
            Some(next) => week = next,
            None => break,
        }
    }
    out
}

/// The week's reflection, `t` of the way from the start to the end.
fn reflection(rng: &mut Rng, week: NaiveDate, t: f64) -> Reflection {
    let mut r = Reflection::new(week);
    r.raises_concerns = Some(if rng.chance(0.8 - 0.4 * t) {
        Who::Me
    } else {
        Who::Both
    });
    r.shuts_down = Some(if rng.chance(0.8 - 0.6 * t) {
        Who::Partner
    } else {
        Who::Neither
    });
    r.talk_safety = Some(num::round_u8(4.4 - 2.6 * t + rng.unit() - 0.5, 1, 5));
    r.felt_chased = Some(if rng.chance(0.7 - 0.6 * t) {
        Who::Partner
    } else {
        Who::Neither
    });
    let space = if rng.chance(t) {
        SPACE_LATE
    } else {
        SPACE_EARLY
    };
    r.needing_space = rng.pick(space).to_string();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_same_seed_and_end_give_the_same_journal_and_another_seed_does_not() {
        let a = generate(DEMO_SEED, d("2026-11-25"), 26);
        let b = generate(DEMO_SEED, d("2026-11-25"), 26);
        let c = generate(DEMO_SEED + 1, d("2026-11-25"), 26);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn every_generated_entry_passes_validation_and_stays_in_range() {
        let end = d("2026-11-25");
        let data = generate(DEMO_SEED, end, 26);
        let first = d("2026-05-28"); // 182 days ending 2026-11-25
        assert!(data.checkins.len() > 140 && data.checkins.len() < 182);
        for c in &data.checkins {
            assert!(c.date >= first && c.date <= end);
            assert_eq!(c.clone().validated(end).unwrap(), *c);
        }
        // Weeks that have ended: Mondays from 2026-05-25 to 2026-11-16.
        assert_eq!(data.reflections.len(), 26);
        assert_eq!(data.reflections[0].week_start, d("2026-05-25"));
        assert_eq!(data.reflections[25].week_start, d("2026-11-16"));
        for r in &data.reflections {
            assert_eq!(r.clone().validated(end).unwrap(), *r);
        }
    }

    #[test]
    fn the_cycle_softens_from_the_first_half_to_the_second() {
        let data = generate(DEMO_SEED, d("2026-11-25"), 26);
        let half = data.checkins.len() / 2;
        let cycle = |cs: &[CheckIn]| {
            let n = cs
                .iter()
                .filter(|c| {
                    matches!(
                        (c.my_move, c.partner_move),
                        (Move::Pursued, PartnerMove::Withdrew)
                            | (Move::Withdrew, PartnerMove::Pursued)
                    )
                })
                .count();
            num::count_f64(n) / num::count_f64(cs.len())
        };
        let mood = |cs: &[CheckIn]| {
            cs.iter().map(|c| f64::from(c.mood)).sum::<f64>() / num::count_f64(cs.len())
        };
        assert!(cycle(&data.checkins[..half]) > cycle(&data.checkins[half..]) + 0.1);
        assert!(mood(&data.checkins[..half]) + 0.3 < mood(&data.checkins[half..]));
    }
}
