//! Journal round trips through the public API: every field of check-ins and
//! reflections, replacing a day's entry, deleting, and range listing.

mod common;

use common::*;
use tandem_core::{
    Author, Behaviour, CheckIn, Closeness, ClosenessWord, Error, Feeling, Journal, Move,
    PartnerMove, Reflection, Repair, Skill, Who,
};

/// Emoji (with a ZWJ sequence, a skin tone and a flag), right-to-left
/// Arabic and Hebrew with a right-to-left mark, decomposed combining marks,
/// CJK, quotes, a backslash, a tab, a newline and a NUL.
const UNICODE_NOTE: &str = "We talked 🙂👩\u{200d}❤\u{fe0f}\u{200d}👨 👍🏽 🇳🇿\n\
    مرحبا بك \u{200f}שלום עליכם\u{200f}\n\
    Zoe\u{0308} cafe\u{0301} a\u{0300}\u{0323} 한국어 日本語\t\"quoted\" back\\slash \u{0}end";

fn full_checkin(date: &str) -> CheckIn {
    CheckIn {
        date: day(date),
        mood: 2,
        my_move: Move::Pursued,
        partner_move: PartnerMove::Withdrew,
        behaviours: vec![
            Behaviour::AskToTalk,
            Behaviour::RaiseConcern,
            Behaviour::PressedHarder,
        ],
        feelings: vec![Feeling::Unheard, Feeling::Anxious],
        intensity: Some(7),
        skills: vec![Skill::Regulate, Skill::SlowDown],
        repair: Some(Repair::Partly),
        closeness: Some(Closeness {
            rating: Some(4),
            words: vec![ClosenessWord::Warm, ClosenessWord::Tense],
        }),
        note: UNICODE_NOTE.to_string(),
    }
}

fn dates_of(list: &[tandem_core::Saved<CheckIn>]) -> Vec<String> {
    list.iter().map(|s| s.value.date.to_string()).collect()
}

fn weeks_of(list: &[tandem_core::Saved<Reflection>]) -> Vec<String> {
    list.iter()
        .map(|s| s.value.week_start.to_string())
        .collect()
}

#[test]
fn every_checkin_field_round_trips_through_save_and_reopening() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    let saved = journal.save_checkin(full_checkin("2026-03-08")).unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(saved.author, Author::Me);
    // FixedClock::on puts "now" at noon UTC of the clock's day.
    assert_eq!(saved.saved_at, instant("2026-03-10T12:00:00Z"));
    assert_eq!(saved.value, full_checkin("2026-03-08"));
    assert_eq!(saved.id.to_string().len(), 32, "16 random bytes as hex");

    let read = journal.checkin(day("2026-03-08")).unwrap().unwrap();
    assert_eq!(read, saved);
    drop(journal);

    for unlock in [device(&DEVICE), pass(PASSPHRASE), recovery(&fx.code)] {
        let journal = fx.open(unlock).unwrap();
        let read = journal.checkin(day("2026-03-08")).unwrap().unwrap();
        assert_eq!(read.id, saved.id);
        assert_eq!(read.revision, 1);
        assert_eq!(read.author, Author::Me);
        assert_eq!(read.saved_at, instant("2026-03-10T12:00:00Z"));
        assert_eq!(read.value.date, day("2026-03-08"));
        assert_eq!(read.value.mood, 2);
        assert_eq!(read.value.my_move, Move::Pursued);
        assert_eq!(read.value.partner_move, PartnerMove::Withdrew);
        assert_eq!(
            read.value.behaviours,
            vec![
                Behaviour::AskToTalk,
                Behaviour::RaiseConcern,
                Behaviour::PressedHarder
            ]
        );
        assert_eq!(
            read.value.feelings,
            vec![Feeling::Unheard, Feeling::Anxious]
        );
        assert_eq!(read.value.intensity, Some(7));
        assert_eq!(read.value.skills, vec![Skill::Regulate, Skill::SlowDown]);
        assert_eq!(read.value.repair, Some(Repair::Partly));
        assert_eq!(
            read.value.closeness,
            Some(Closeness {
                rating: Some(4),
                words: vec![ClosenessWord::Warm, ClosenessWord::Tense],
            })
        );
        assert_eq!(read.value.note, UNICODE_NOTE);
        assert_eq!(journal.checkins(None, None).unwrap(), vec![read]);
    }
}

#[test]
fn empty_optional_fields_come_back_empty_and_are_not_confused_with_zero_or_default() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    // Everything optional left out.
    let bare = CheckIn::new(day("2026-03-01"), 1, Move::Neither, PartnerMove::Unknown);
    // Optional answers present but at their smallest: intensity 0 is an
    // answer, not "unanswered"; an empty closeness section is not a skipped one.
    let mut smallest = CheckIn::new(day("2026-03-02"), 5, Move::Withdrew, PartnerMove::Pursued);
    smallest.intensity = Some(0);
    smallest.closeness = Some(Closeness {
        rating: None,
        words: vec![],
    });
    smallest.repair = Some(Repair::NotYet);
    journal
        .save_checkins(vec![bare.clone(), smallest.clone()])
        .unwrap();
    drop(journal);

    let journal = fx.open_device();
    let a = journal.checkin(day("2026-03-01")).unwrap().unwrap().value;
    assert_eq!(a, bare);
    assert_eq!(a.behaviours, vec![]);
    assert_eq!(a.feelings, vec![]);
    assert_eq!(a.skills, vec![]);
    assert_eq!(a.intensity, None);
    assert_eq!(a.repair, None);
    assert_eq!(a.closeness, None);
    assert_eq!(a.note, "");

    let b = journal.checkin(day("2026-03-02")).unwrap().unwrap().value;
    assert_eq!(b, smallest);
    assert_eq!(b.intensity, Some(0));
    assert_eq!(
        b.closeness,
        Some(Closeness {
            rating: None,
            words: vec![]
        })
    );
}

#[test]
fn every_vocabulary_value_round_trips_in_the_order_given() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let mut c = CheckIn::new(day("2026-02-14"), 3, Move::Both, PartnerMove::Both);
    c.behaviours = Behaviour::ALL.iter().rev().copied().collect();
    c.feelings = Feeling::ALL.iter().rev().copied().collect();
    c.skills = Skill::ALL.iter().rev().copied().collect();
    c.repair = Some(Repair::Reconnected);
    c.intensity = Some(10);
    c.closeness = Some(Closeness {
        rating: Some(1),
        words: ClosenessWord::ALL.iter().rev().copied().collect(),
    });
    journal.save_checkin(c.clone()).unwrap();
    drop(journal);

    let back = fx
        .open_device()
        .checkin(day("2026-02-14"))
        .unwrap()
        .unwrap()
        .value;
    assert_eq!(back, c);
    assert_eq!(back.behaviours.len(), 12);
    assert_eq!(back.behaviours[0], Behaviour::WalkAway);
    assert_eq!(back.behaviours[11], Behaviour::RaiseConcern);
    assert_eq!(back.feelings.len(), 18);
    assert_eq!(back.feelings[0], Feeling::Hopeful);
    assert_eq!(
        back.skills,
        vec![
            Skill::BreakAndReturn,
            Skill::StayPresent,
            Skill::SpeakSoftly,
            Skill::Regulate,
            Skill::SlowDown,
        ]
    );
    assert_eq!(
        back.closeness.unwrap().words,
        vec![
            ClosenessWord::Distant,
            ClosenessWord::Mechanical,
            ClosenessWord::Pressured,
            ClosenessWord::Avoided,
            ClosenessWord::Tense,
            ClosenessWord::Warm,
        ]
    );

    // Each move and partner move, one day each.
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let moves = [Move::Pursued, Move::Withdrew, Move::Both, Move::Neither];
    let partner = [
        PartnerMove::Pursued,
        PartnerMove::Withdrew,
        PartnerMove::Both,
        PartnerMove::Neither,
        PartnerMove::Unknown,
    ];
    let days = [
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-01-04",
        "2026-01-05",
    ];
    let list: Vec<CheckIn> = days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            CheckIn::new(
                day(d),
                1 + u8::try_from(i).unwrap(),
                moves[i % 4],
                partner[i],
            )
        })
        .collect();
    journal.save_checkins(list.clone()).unwrap();
    drop(journal);
    let back: Vec<CheckIn> = fx
        .open_device()
        .checkins(None, None)
        .unwrap()
        .into_iter()
        .map(|s| s.value)
        .collect();
    assert_eq!(back, list);
    assert_eq!(back[4].my_move, Move::Pursued);
    assert_eq!(back[4].partner_move, PartnerMove::Unknown);
    assert_eq!(back[4].mood, 5);
}

#[test]
fn unicode_notes_come_back_byte_for_byte_without_normalisation() {
    let notes = [
        UNICODE_NOTE.to_string(),
        // Decomposed (NFD) and composed (NFC) forms are different strings and stay so.
        "e\u{0301}".to_string(),
        "\u{00e9}".to_string(),
        // Right-to-left only, with embedding controls.
        "\u{202b}אני מרגיש שלא שומעים אותי\u{202c}".to_string(),
        // Zalgo: one base letter with many combining marks.
        format!("Z{}", "\u{0336}\u{0337}\u{0338}\u{0334}".repeat(25)),
        // Astral-plane characters and a lone combining mark at the start.
        "\u{0301}𝄞 𓂀 🫶".to_string(),
        // The longest note allowed: 20,000 characters, 80,000 bytes.
        "🦓".repeat(20_000),
    ];
    let (fx, mut journal) = Fixture::new(Methods::PassphraseOnly);
    let base = day("2026-01-01");
    for (i, note) in notes.iter().enumerate() {
        let mut c = CheckIn::new(
            base + chrono::Days::new(i as u64),
            3,
            Move::Neither,
            PartnerMove::Neither,
        );
        c.note = note.clone();
        journal.save_checkin(c).unwrap();
    }
    drop(journal);

    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    let back = journal.checkins(None, None).unwrap();
    assert_eq!(back.len(), 7);
    for (i, saved) in back.iter().enumerate() {
        assert_eq!(saved.value.note.as_bytes(), notes[i].as_bytes(), "note {i}");
    }
    assert_eq!(back[1].value.note.chars().count(), 2);
    assert_eq!(back[2].value.note.chars().count(), 1);
    assert_eq!(back[6].value.note.len(), 80_000);
}

#[test]
fn saving_the_same_day_again_replaces_it_with_the_next_revision_and_the_same_id() {
    let (fx, journal) = Fixture::new(Methods::DeviceOnly);
    let mut journal = journal.with_clock(clock("2026-03-05"));
    let first = journal.save_checkin(full_checkin("2026-03-04")).unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(first.saved_at, instant("2026-03-05T12:00:00Z"));

    let mut journal = journal.with_clock(clock("2026-03-06"));
    let mut edited = CheckIn::new(day("2026-03-04"), 4, Move::Neither, PartnerMove::Neither);
    edited.note = "second thoughts".into();
    let second = journal.save_checkin(edited.clone()).unwrap();
    assert_eq!(second.revision, 2);
    assert_eq!(second.id, first.id);
    assert_eq!(second.saved_at, instant("2026-03-06T12:00:00Z"));
    assert_eq!(second.value, edited);

    let read = journal.checkin(day("2026-03-04")).unwrap().unwrap();
    assert_eq!(read, second);
    let all = journal.checkins(None, None).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0], second);
    drop(journal);

    let mut journal = fx.open_device();
    let read = journal.checkin(day("2026-03-04")).unwrap().unwrap();
    assert_eq!((read.id, read.revision), (first.id, 2));
    assert_eq!(read.value, edited);
    let third = journal.save_checkin(full_checkin("2026-03-04")).unwrap();
    assert_eq!((third.id, third.revision), (first.id, 3));
    assert_eq!(journal.checkins(None, None).unwrap().len(), 1);

    // Two saves for one day in one batch: the later one wins, revisions 4 and 5.
    let batch = journal
        .save_checkins(vec![edited.clone(), full_checkin("2026-03-04")])
        .unwrap();
    assert_eq!(
        batch.iter().map(|s| s.revision).collect::<Vec<_>>(),
        vec![4, 5]
    );
    let all = journal.checkins(None, None).unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].revision, 5);
    assert_eq!(all[0].value, full_checkin("2026-03-04"));
}

#[test]
fn deleting_a_checkin_removes_only_that_day_and_deleting_it_again_is_not_found() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let gone = journal.save_checkin(full_checkin("2026-03-01")).unwrap();
    let kept = journal.save_checkin(full_checkin("2026-03-02")).unwrap();

    journal.delete_checkin(day("2026-03-01")).unwrap();
    assert_eq!(journal.checkin(day("2026-03-01")).unwrap(), None);
    assert_eq!(
        journal.checkin(day("2026-03-02")).unwrap(),
        Some(kept.clone())
    );
    assert_eq!(journal.checkins(None, None).unwrap(), vec![kept.clone()]);

    let err = journal.delete_checkin(day("2026-03-01")).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert_no_user_content(&err, &["2026-03-01", "2026", UNICODE_NOTE]);
    // A day that never had a check-in.
    assert!(matches!(
        journal.delete_checkin(day("2026-02-01")),
        Err(Error::NotFound(_))
    ));
    drop(journal);

    let mut journal = fx.open_device();
    assert_eq!(journal.checkin(day("2026-03-01")).unwrap(), None);
    assert_eq!(journal.checkins(None, None).unwrap(), vec![kept]);
    // Saving the day again makes a new record: revision 1 and a new id.
    let again = journal.save_checkin(full_checkin("2026-03-01")).unwrap();
    assert_eq!(again.revision, 1);
    assert_ne!(again.id, gone.id);
}

#[test]
fn range_listing_is_inclusive_at_both_ends_and_sorted_by_day() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    // Saved out of order, partly in a batch.
    journal.save_checkin(full_checkin("2026-02-28")).unwrap();
    journal
        .save_checkins(vec![full_checkin("2026-03-01"), full_checkin("2026-01-05")])
        .unwrap();
    journal.save_checkin(full_checkin("2026-02-01")).unwrap();
    journal.save_checkin(full_checkin("2026-01-06")).unwrap();
    // Leap years: 2024-02-29 exists.
    journal.save_checkin(full_checkin("2024-02-29")).unwrap();
    drop(journal);
    let journal = fx.open_device();

    let list = |from: Option<&str>, to: Option<&str>| {
        dates_of(&journal.checkins(from.map(day), to.map(day)).unwrap())
    };
    assert_eq!(
        list(None, None),
        [
            "2024-02-29",
            "2026-01-05",
            "2026-01-06",
            "2026-02-01",
            "2026-02-28",
            "2026-03-01"
        ]
    );
    assert_eq!(
        list(Some("2026-01-06"), Some("2026-02-28")),
        ["2026-01-06", "2026-02-01", "2026-02-28"]
    );
    assert_eq!(list(None, Some("2026-01-05")), ["2024-02-29", "2026-01-05"]);
    assert_eq!(list(Some("2026-02-28"), None), ["2026-02-28", "2026-03-01"]);
    assert_eq!(list(Some("2026-02-01"), Some("2026-02-01")), ["2026-02-01"]);
    assert_eq!(
        list(Some("2026-01-07"), Some("2026-01-31")),
        Vec::<String>::new()
    );
    assert_eq!(
        list(Some("2026-03-01"), Some("2026-01-05")),
        Vec::<String>::new()
    );
    assert_eq!(list(Some("2026-03-02"), None), Vec::<String>::new());
    assert_eq!(list(Some("2024-02-28"), Some("2024-03-01")), ["2024-02-29"]);
}

#[test]
fn invalid_checkins_are_refused_by_field_and_a_batch_saves_all_or_none() {
    let (_fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let mut bad_mood = full_checkin("2026-03-01");
    bad_mood.mood = 6;
    let err = journal.save_checkin(bad_mood).unwrap_err();
    assert_invalid(&err, "mood");
    assert_no_user_content(&err, &[UNICODE_NOTE, "2026-03-01"]);

    // Today is 2026-03-10: tomorrow is allowed, the day after is not.
    journal.save_checkin(full_checkin("2026-03-11")).unwrap();
    let err = journal
        .save_checkin(full_checkin("2026-03-12"))
        .unwrap_err();
    assert_invalid(&err, "date");
    assert_no_user_content(&err, &["2026-03-12", "03-12", UNICODE_NOTE]);

    let mut bad_intensity = full_checkin("2026-03-03");
    bad_intensity.intensity = Some(11);
    let batch = vec![full_checkin("2026-03-02"), bad_intensity];
    let err = journal.save_checkins(batch).unwrap_err();
    assert_invalid(&err, "intensity");
    assert_eq!(journal.checkin(day("2026-03-02")).unwrap(), None);
    assert_eq!(
        dates_of(&journal.checkins(None, None).unwrap()),
        ["2026-03-11"]
    );

    // Repeated codes are stored once, first occurrence first.
    let mut repeated = CheckIn::new(day("2026-03-04"), 3, Move::Both, PartnerMove::Both);
    repeated.feelings = vec![Feeling::Calm, Feeling::Heard, Feeling::Calm];
    let saved = journal.save_checkin(repeated).unwrap();
    assert_eq!(saved.value.feelings, vec![Feeling::Calm, Feeling::Heard]);
    let read = journal.checkin(day("2026-03-04")).unwrap().unwrap();
    assert_eq!(read.value.feelings, vec![Feeling::Calm, Feeling::Heard]);
}

fn full_reflection(week_day: &str) -> Reflection {
    Reflection {
        week_start: day(week_day),
        raises_concerns: Some(Who::Me),
        shuts_down: Some(Who::Partner),
        talk_safety: Some(4),
        felt_chased: Some(Who::Both),
        needing_space: "He took a walk and came back 🌧️→🌤️; \u{05d0}\u{05d1}\u{05d2} a\u{0308}"
            .into(),
        note: UNICODE_NOTE.into(),
    }
}

#[test]
fn every_reflection_field_round_trips_under_the_monday_of_its_week() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    // 2026-02-25 is a Wednesday; its week began on Monday 2026-02-23.
    let saved = journal
        .save_reflection(full_reflection("2026-02-25"))
        .unwrap();
    assert_eq!(saved.value.week_start, day("2026-02-23"));
    assert_eq!(saved.revision, 1);
    assert_eq!(saved.author, Author::Me);
    assert_eq!(saved.saved_at, instant("2026-03-10T12:00:00Z"));
    drop(journal);

    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    // Any day of the week finds it: Monday 23rd to Sunday 1st March.
    for d in ["2026-02-23", "2026-02-25", "2026-03-01"] {
        let read = journal.reflection(day(d)).unwrap().unwrap();
        assert_eq!(read, saved);
        assert_eq!(read.value.week_start, day("2026-02-23"));
        assert_eq!(read.value.raises_concerns, Some(Who::Me));
        assert_eq!(read.value.shuts_down, Some(Who::Partner));
        assert_eq!(read.value.talk_safety, Some(4));
        assert_eq!(read.value.felt_chased, Some(Who::Both));
        assert_eq!(
            read.value.needing_space,
            "He took a walk and came back 🌧️→🌤️; \u{05d0}\u{05d1}\u{05d2} a\u{0308}"
        );
        assert_eq!(read.value.note, UNICODE_NOTE);
    }
    // The Sunday before and the Monday after belong to other weeks.
    assert_eq!(journal.reflection(day("2026-02-22")).unwrap(), None);
    assert_eq!(journal.reflection(day("2026-03-02")).unwrap(), None);
    assert_eq!(journal.reflections(None, None).unwrap(), vec![saved]);
}

#[test]
fn an_empty_reflection_round_trips_with_every_answer_unset() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let empty = Reflection::new(day("2026-03-08"));
    // 2026-03-08 is a Sunday: Reflection::new already moves it to Monday 2nd.
    assert_eq!(empty.week_start, day("2026-03-02"));
    journal.save_reflection(empty.clone()).unwrap();
    drop(journal);
    let read = fx
        .open_device()
        .reflection(day("2026-03-04"))
        .unwrap()
        .unwrap()
        .value;
    assert_eq!(read, empty);
    assert_eq!(read.raises_concerns, None);
    assert_eq!(read.shuts_down, None);
    assert_eq!(read.talk_safety, None);
    assert_eq!(read.felt_chased, None);
    assert_eq!(read.needing_space, "");
    assert_eq!(read.note, "");
}

#[test]
fn saving_a_reflection_for_the_same_week_replaces_it_and_deleting_twice_is_not_found() {
    let (fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    let first = journal
        .save_reflection(full_reflection("2026-02-02"))
        .unwrap();
    // Friday of the same week.
    let second = journal
        .save_reflection(Reflection::new(day("2026-02-06")))
        .unwrap();
    assert_eq!((second.id, second.revision), (first.id, 2));
    assert_eq!(second.value.week_start, day("2026-02-02"));
    let all = journal.reflections(None, None).unwrap();
    assert_eq!(all, vec![second]);
    drop(journal);

    let mut journal = fx.open_device();
    // Any day of the week deletes it.
    journal.delete_reflection(day("2026-02-08")).unwrap();
    assert_eq!(journal.reflection(day("2026-02-02")).unwrap(), None);
    let err = journal.delete_reflection(day("2026-02-02")).unwrap_err();
    assert!(matches!(err, Error::NotFound(_)), "{err:?}");
    assert_no_user_content(&err, &["2026-02-02", "2026-02"]);
    assert_eq!(journal.reflections(None, None).unwrap(), vec![]);
}

#[test]
fn reflection_listing_filters_by_week_start_inclusive_and_sorts_by_week() {
    let (_fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    // Mondays of January 2026 (the 1st was a Thursday): 5, 12, 19, 26.
    for d in ["2026-01-21", "2026-01-05", "2026-01-31", "2026-01-12"] {
        journal.save_reflection(Reflection::new(day(d))).unwrap();
    }
    let list = |from: Option<&str>, to: Option<&str>| {
        weeks_of(&journal.reflections(from.map(day), to.map(day)).unwrap())
    };
    assert_eq!(
        list(None, None),
        ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
    );
    assert_eq!(
        list(Some("2026-01-12"), Some("2026-01-19")),
        ["2026-01-12", "2026-01-19"]
    );
    // The filter is on the week's Monday: a from of Tuesday the 13th leaves the 12th's week out.
    assert_eq!(list(Some("2026-01-13"), None), ["2026-01-19", "2026-01-26"]);
    assert_eq!(list(None, Some("2026-01-11")), ["2026-01-05"]);
}

#[test]
fn a_checkin_and_a_reflection_on_the_same_day_are_kept_apart() {
    let (_fx, mut journal) = Fixture::new(Methods::DeviceOnly);
    // 2026-03-09 is a Monday, so the reflection's week starts on the check-in's day.
    let c = journal.save_checkin(full_checkin("2026-03-09")).unwrap();
    let r = journal
        .save_reflection(full_reflection("2026-03-09"))
        .unwrap();
    assert_ne!(c.id, r.id);
    assert_eq!(r.revision, 1);
    journal.delete_checkin(day("2026-03-09")).unwrap();
    assert_eq!(journal.reflection(day("2026-03-09")).unwrap(), Some(r));
    assert_eq!(journal.checkins(None, None).unwrap(), vec![]);
    journal.delete_reflection(day("2026-03-09")).unwrap();
    assert!(matches!(
        journal.delete_checkin(day("2026-03-09")),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn a_journal_with_nothing_saved_lists_nothing() {
    let (fx, journal) = Fixture::new(Methods::PassphraseOnly);
    assert_eq!(journal.checkins(None, None).unwrap(), vec![]);
    assert_eq!(journal.reflections(None, None).unwrap(), vec![]);
    assert_eq!(journal.checkin(day(TODAY)).unwrap(), None);
    assert_eq!(journal.path(), fx.path.as_path());
    drop(journal);
    let journal: Journal = fx.open(recovery(&fx.code)).unwrap();
    assert_eq!(journal.checkins(None, None).unwrap(), vec![]);
}

#[test]
fn settings_default_to_monday_weeks_and_a_change_survives_reopening() {
    let (fx, mut journal) = Fixture::new(Methods::Both);
    assert_eq!(
        journal.settings().unwrap(),
        tandem_core::Settings::default()
    );
    assert_eq!(
        journal.settings().unwrap().week_start,
        tandem_core::WeekStart::Monday
    );
    // Wednesday 4 March 2026: its Monday week began on the 2nd.
    journal
        .save_checkin(CheckIn::new(
            day("2026-03-04"),
            3,
            Move::Pursued,
            PartnerMove::Withdrew,
        ))
        .unwrap();
    journal
        .save_checkin(CheckIn::new(
            day("2026-03-01"),
            4,
            Move::Neither,
            PartnerMove::Neither,
        ))
        .unwrap();
    assert_eq!(
        journal.week_summary(day("2026-03-04")).unwrap().week_start,
        day("2026-03-02")
    );
    assert_eq!(
        journal.week_summary(day("2026-03-04")).unwrap().days_logged,
        1
    );
    journal
        .set_settings(tandem_core::Settings {
            week_start: tandem_core::WeekStart::Sunday,
        })
        .unwrap();
    drop(journal);
    let journal = fx.open(pass(PASSPHRASE)).unwrap();
    assert_eq!(
        journal.settings().unwrap().week_start,
        tandem_core::WeekStart::Sunday
    );
    // Sunday 1 March to Saturday 7 March now holds both days.
    let w = journal.week_summary(day("2026-03-04")).unwrap();
    assert_eq!(
        (w.week_start, w.days_logged, w.cycle_days),
        (day("2026-03-01"), 2, 1)
    );
}

#[test]
fn patterns_over_a_hundred_years_and_longer_summaries_are_refused() {
    let (_fx, j) = Fixture::new(Methods::DeviceOnly);
    let day = day("2026-03-10");
    assert!(j.insights(day, 5218).is_ok());
    let err = j.insights(day, 5219).unwrap_err();
    assert_invalid(&err, "weeks");
    let err = j
        .summary(
            "1900-01-01".parse().unwrap(),
            "2026-03-10".parse().unwrap(),
            tandem_core::summary::Section::DEFAULT,
        )
        .unwrap_err();
    assert_invalid(&err, "from");
    let err = j
        .pattern_between("1900-01-01".parse().unwrap(), day)
        .unwrap_err();
    assert_invalid(&err, "from");
}
