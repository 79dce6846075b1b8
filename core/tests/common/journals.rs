//! Small journals whose insights were worked out by hand, shared by the
//! insights and chart tests.

use chrono::NaiveDate;
use tandem_core::{
    Behaviour as B, CheckIn, Feeling as F, Move as M, PartnerMove as P, Repair as R, Skill as S,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A check-in with the fields the insights read.
#[allow(clippy::too_many_arguments)]
pub fn ci(
    day: &str,
    mood: u8,
    me: M,
    partner: P,
    intensity: Option<u8>,
    repair: Option<R>,
    skills: &[S],
    feelings: &[F],
    behaviours: &[B],
) -> CheckIn {
    let mut c = CheckIn::new(d(day), mood, me, partner);
    c.intensity = intensity;
    c.repair = repair;
    c.skills = skills.to_vec();
    c.feelings = feelings.to_vec();
    c.behaviours = behaviours.to_vec();
    c
}

/// Journal A: four Monday-start weeks around the turn of 2026/2027.
/// Week of Mon 21 Dec: five days. Week of Mon 28 Dec: straddles the month and
/// the year end. Week of Mon 4 Jan: empty. Week of Mon 11 Jan: the partner's
/// move is "couldn't tell" on every day.
pub fn journal_a() -> Vec<CheckIn> {
    vec![
        ci(
            "2026-12-21",
            2,
            M::Pursued,
            P::Withdrew,
            Some(7),
            Some(R::NotYet),
            &[],
            &[F::Anxious, F::Rejected],
            &[B::AskToTalk, B::SeekReassurance],
        ),
        ci(
            "2026-12-22",
            3,
            M::Pursued,
            P::Withdrew,
            Some(5),
            Some(R::Partly),
            &[S::Regulate],
            &[F::Anxious],
            &[B::AskToTalk],
        ),
        ci(
            "2026-12-24",
            4,
            M::Neither,
            P::Neither,
            Some(1),
            None,
            &[],
            &[F::Calm],
            &[],
        ),
        ci(
            "2026-12-26",
            1,
            M::Withdrew,
            P::Pursued,
            Some(8),
            Some(R::Reconnected),
            &[S::BreakAndReturn, S::Regulate],
            &[F::Overwhelmed],
            &[B::NeedSpace],
        ),
        ci(
            "2026-12-27",
            5,
            M::Both,
            P::Unknown,
            None,
            None,
            &[],
            &[F::Connected, F::Anxious],
            &[],
        ),
        ci(
            "2026-12-30",
            3,
            M::Pursued,
            P::Withdrew,
            Some(4),
            Some(R::Reconnected),
            &[S::SlowDown, S::SpeakSoftly],
            &[],
            &[],
        ),
        ci(
            "2026-12-31",
            4,
            M::Neither,
            P::Both,
            Some(0),
            None,
            &[],
            &[],
            &[],
        ),
        ci(
            "2027-01-02",
            4,
            M::Pursued,
            P::Neither,
            Some(2),
            None,
            &[],
            &[],
            &[],
        ),
        ci(
            "2027-01-03",
            2,
            M::Pursued,
            P::Withdrew,
            Some(6),
            Some(R::NotYet),
            &[],
            &[],
            &[],
        ),
        ci(
            "2027-01-12",
            3,
            M::Pursued,
            P::Unknown,
            Some(5),
            Some(R::Reconnected),
            &[],
            &[],
            &[],
        ),
        ci(
            "2027-01-14",
            4,
            M::Neither,
            P::Unknown,
            None,
            None,
            &[],
            &[],
            &[],
        ),
    ]
}

/// Journal B: eight Monday weeks, 5 Jan to 1 Mar 2026, seven days logged in
/// the four weeks before and seven in the last four, the cycle clearly
/// softening.
pub fn journal_b() -> Vec<CheckIn> {
    let pw = (M::Pursued, P::Withdrew);
    let calm = (M::Neither, P::Neither);
    let skill = &[S::Regulate][..];
    let mut v = Vec::new();
    // Before (5 Jan – 1 Feb): 5 cycle days of 7; intensities 8,7,8,7,8,2,2;
    // moods 2,2,2,3,2,3,3; repairs R (skill), N, N, N, P (skill).
    for (day, mood, (me, p), i, r, sk) in [
        ("2026-01-05", 2, pw, 8, Some(R::Reconnected), skill),
        ("2026-01-08", 2, pw, 7, Some(R::NotYet), &[][..]),
        ("2026-01-13", 2, pw, 8, Some(R::NotYet), &[]),
        ("2026-01-16", 3, calm, 2, None, &[]),
        ("2026-01-20", 2, pw, 7, Some(R::NotYet), &[]),
        ("2026-01-27", 3, calm, 2, None, &[]),
        ("2026-01-30", 3, pw, 8, Some(R::Partly), skill),
    ] {
        v.push(ci(day, mood, me, p, Some(i), r, sk, &[], &[]));
    }
    // Recent (2 Feb – 1 Mar): 2 cycle days of 7; intensities 5,5,1,1,2,2,5;
    // moods 4,4,3,4,4,3,4; repairs R (skill), R (skill), P.
    for (day, mood, (me, p), i, r, sk) in [
        ("2026-02-02", 4, pw, 5, Some(R::Reconnected), skill),
        ("2026-02-05", 4, pw, 5, Some(R::Reconnected), skill),
        ("2026-02-10", 3, calm, 1, None, &[][..]),
        ("2026-02-14", 4, calm, 1, None, &[]),
        ("2026-02-18", 4, calm, 2, None, &[]),
        ("2026-02-24", 3, (M::Neither, P::Both), 2, None, &[]),
        (
            "2026-03-01",
            4,
            (M::Both, P::Neither),
            5,
            Some(R::Partly),
            &[],
        ),
    ] {
        v.push(ci(day, mood, me, p, Some(i), r, sk, &[], &[]));
    }
    v
}
