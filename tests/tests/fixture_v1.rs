//! A journal written by format version 1 must open, by passphrase and by
//! recovery code, and read back exactly, in every later version.
//!
//! `tests/fixtures/journal-v1.tandem` is committed. Its generator is the
//! ignored test `regenerate_v1_fixture` below; see `tests/fixtures/README.md`.
//! The expected values in `expected_checkins` and `expected_reflections` are
//! written out by hand, separately from the generator's inputs, on purpose:
//! they are what version 1 stored, whatever the code that reads it becomes.

use std::path::PathBuf;

use tandem_core::{
    Author, Behaviour, CheckIn, Closeness, ClosenessWord, CreateOptions, Error, Feeling,
    FixedClock, Journal, Method, Move, PartnerMove, Passphrase, Reflection, Repair, Saved,
    Settings, Skill, Unlock, WeekStart, Who,
};
use tandem_tests::{
    copy_journal, create_with_passphrase, day as d, fixtures_dir, header_ids, instant as at,
    record_id as id, side_files,
};

const FIXTURE: &str = "journal-v1.tandem";
const PASSPHRASE: &str = "tandem fixture v1 passphrase";
const RECOVERY_CODE: &str = "RVH9-Y7E7-KMYS-PNPE-92BZ-EHRM-8N7D-4XMN-B78B-7KBE-82Y7-SA37-9797-XMT4";
/// How the fixtures' passphrase wraps were made.
const FIXTURE_KDF: tandem_core::Kdf = tandem_core::Kdf::Pbkdf2 { iterations: 1000 };
/// Set to `1` to let `regenerate_v1_fixture` replace an existing fixture.
const OVERWRITE_ENV: &str = "TANDEM_OVERWRITE_FIXTURE";

fn fixture_path() -> PathBuf {
    fixtures_dir().join(FIXTURE)
}

// ---------------------------------------------------------------------------
// What version 1 stored, written out by hand.

fn expected_checkins() -> Vec<Saved<CheckIn>> {
    vec![
        Saved {
            id: id("a5d280f0df492e9602d6b53d3be11293"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: CheckIn {
                date: d("2025-06-02"),
                mood: 2,
                my_move: Move::Pursued,
                partner_move: PartnerMove::Withdrew,
                behaviours: vec![
                    Behaviour::RaiseConcern,
                    Behaviour::AskToTalk,
                    Behaviour::PressedHarder,
                ],
                feelings: vec![Feeling::Anxious, Feeling::Unheard],
                intensity: Some(7),
                skills: vec![Skill::SlowDown],
                repair: Some(Repair::Partly),
                closeness: Some(Closeness {
                    rating: Some(2),
                    words: vec![ClosenessWord::Tense, ClosenessWord::Distant],
                }),
                note: "Wir haben über den Urlaub gestritten — 周末再谈 🙂\n\
                       «Tu m'écoutes ?» שלום, cafe\u{301}, \"quoted\", tab\there, back\\slash"
                    .to_string(),
            },
        },
        Saved {
            id: id("4908b0174e27806bca043fb6d061c398"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: CheckIn {
                date: d("2025-06-03"),
                mood: 3,
                my_move: Move::Neither,
                partner_move: PartnerMove::Unknown,
                behaviours: vec![],
                feelings: vec![],
                intensity: None,
                skills: vec![],
                repair: None,
                closeness: None,
                note: String::new(),
            },
        },
        Saved {
            id: id("8551936296afd3be9867f3b564643766"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: CheckIn {
                date: d("2025-06-04"),
                mood: 1,
                my_move: Move::Both,
                partner_move: PartnerMove::Both,
                behaviours: vec![],
                feelings: vec![],
                intensity: Some(0),
                skills: vec![],
                repair: Some(Repair::NotYet),
                closeness: Some(Closeness {
                    rating: None,
                    words: vec![],
                }),
                note: "  leading and trailing spaces are kept  ".to_string(),
            },
        },
        Saved {
            id: id("5d78f94717bb74cc672ce6fedf5e156b"),
            revision: 2,
            saved_at: at("2025-06-15T21:05:30.250Z"),
            author: Author::Me,
            value: CheckIn {
                date: d("2025-06-07"),
                mood: 5,
                my_move: Move::Withdrew,
                partner_move: PartnerMove::Pursued,
                behaviours: vec![Behaviour::NeedSpace, Behaviour::WalkAway],
                feelings: vec![Feeling::Overwhelmed, Feeling::Hopeful],
                intensity: Some(10),
                skills: vec![Skill::Regulate, Skill::BreakAndReturn],
                repair: Some(Repair::Reconnected),
                closeness: Some(Closeness {
                    rating: Some(5),
                    words: vec![ClosenessWord::Warm],
                }),
                note: "Took 20 minutes, came back as promised.".to_string(),
            },
        },
        Saved {
            id: id("795654d8ed6057a7be0b3fc349e46fcd"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: CheckIn {
                date: d("2025-06-14"),
                mood: 4,
                my_move: Move::Neither,
                partner_move: PartnerMove::Neither,
                behaviours: vec![
                    Behaviour::RaiseConcern,
                    Behaviour::ProcessTogether,
                    Behaviour::AskToTalk,
                    Behaviour::SeekReassurance,
                    Behaviour::AnxiousUnresolved,
                    Behaviour::PressedHarder,
                    Behaviour::ShutDown,
                    Behaviour::AvoidFight,
                    Behaviour::DelayTopic,
                    Behaviour::ChangeSubject,
                    Behaviour::NeedSpace,
                    Behaviour::WalkAway,
                ],
                feelings: vec![
                    Feeling::Anxious,
                    Feeling::Rejected,
                    Feeling::Unheard,
                    Feeling::Alone,
                    Feeling::Chasing,
                    Feeling::TooMuch,
                    Feeling::Unimportant,
                    Feeling::Overwhelmed,
                    Feeling::Pressured,
                    Feeling::Criticised,
                    Feeling::AfraidWrongThing,
                    Feeling::CantGetItRight,
                    Feeling::Trapped,
                    Feeling::Exhausted,
                    Feeling::Calm,
                    Feeling::Connected,
                    Feeling::Heard,
                    Feeling::Hopeful,
                ],
                intensity: Some(4),
                skills: vec![
                    Skill::SlowDown,
                    Skill::Regulate,
                    Skill::SpeakSoftly,
                    Skill::StayPresent,
                    Skill::BreakAndReturn,
                ],
                repair: None,
                closeness: Some(Closeness {
                    rating: Some(4),
                    words: vec![
                        ClosenessWord::Warm,
                        ClosenessWord::Tense,
                        ClosenessWord::Avoided,
                        ClosenessWord::Pressured,
                        ClosenessWord::Mechanical,
                        ClosenessWord::Distant,
                    ],
                }),
                note: "Every version-1 code at least once.".to_string(),
            },
        },
    ]
}

fn expected_reflections() -> Vec<Saved<Reflection>> {
    vec![
        Saved {
            id: id("5d1c879f886075e3a8e5699df9c1cfbb"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: Reflection {
                week_start: d("2025-06-02"),
                raises_concerns: Some(Who::Me),
                shuts_down: Some(Who::Partner),
                talk_safety: Some(4),
                felt_chased: Some(Who::Both),
                needing_space: "Er ging spazieren; ich wartete 😬 — then we talked.".to_string(),
                note: "Better than last week.\nSecond line.".to_string(),
            },
        },
        Saved {
            id: id("196d5e68a5de2e52b6034d16ecbbe74d"),
            revision: 1,
            saved_at: at("2025-06-15T19:30:00Z"),
            author: Author::Me,
            value: Reflection {
                week_start: d("2025-06-09"),
                raises_concerns: Some(Who::Neither),
                shuts_down: None,
                talk_safety: None,
                felt_chased: None,
                needing_space: String::new(),
                note: String::new(),
            },
        },
    ]
}

/// Everything the fixture holds, read through every read path.
fn assert_reads_back_exactly(journal: &Journal) {
    let checkins = expected_checkins();
    assert_eq!(journal.checkins(None, None).unwrap(), checkins);
    for c in &checkins {
        assert_eq!(journal.checkin(c.value.date).unwrap().as_ref(), Some(c));
    }
    assert_eq!(
        journal
            .checkins(Some(d("2025-06-03")), Some(d("2025-06-07")))
            .unwrap(),
        checkins[1..4].to_vec()
    );
    assert_eq!(journal.checkin(d("2025-06-05")).unwrap(), None);

    let reflections = expected_reflections();
    assert_eq!(journal.reflections(None, None).unwrap(), reflections);
    // Any day of a week finds that week's reflection.
    assert_eq!(
        journal.reflection(d("2025-06-08")).unwrap().as_ref(),
        Some(&reflections[0])
    );
    assert_eq!(
        journal.reflection(d("2025-06-11")).unwrap().as_ref(),
        Some(&reflections[1])
    );
    assert_eq!(journal.reflection(d("2025-06-16")).unwrap(), None);

    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Passphrase, Method::Recovery]
    );
    // PBKDF2 as made, or Argon2id once a passphrase has opened it.
    assert!(matches!(
        journal.passphrase_kdf().unwrap(),
        Some(FIXTURE_KDF | tandem_core::Kdf::ARGON2ID)
    ));
}

#[test]
fn opens_the_v1_fixture_and_reads_back_exactly() {
    let fixture = fixture_path();
    assert!(
        side_files(&fixture).is_empty(),
        "the committed fixture has side files"
    );
    let before = std::fs::read(&fixture).expect("the committed v1 fixture is present");

    let unlocks = [
        Unlock::passphrase(PASSPHRASE).unwrap(),
        Unlock::recovery_code(RECOVERY_CODE).unwrap(),
    ];
    for unlock in unlocks {
        let method = unlock.method();
        let dir = tempfile::tempdir().unwrap();
        let copy = copy_journal(&fixture, dir.path()).unwrap();
        // It really is a version-1 file, whatever this build writes.
        assert_eq!(header_ids(&copy), (0x546e_646d, 1));
        let journal = Journal::open(&copy, unlock)
            .unwrap_or_else(|e| panic!("the v1 fixture does not open by {method:?}: {e}"));
        assert_reads_back_exactly(&journal);
    }

    assert_eq!(
        std::fs::read(&fixture).unwrap(),
        before,
        "the committed fixture changed"
    );
    assert!(side_files(&fixture).is_empty());
}

#[test]
fn opening_the_v1_fixture_upgrades_it_to_the_current_version_with_default_settings() {
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_journal(&fixture_path(), dir.path()).unwrap();
    assert_eq!(header_ids(&copy), (0x546e_646d, 1));
    let mut journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
    // Version 2 added the settings record; a v1 journal starts with the defaults.
    assert_eq!(journal.settings().unwrap().week_start, WeekStart::Monday);
    journal
        .set_settings(Settings {
            week_start: WeekStart::Sunday,
        })
        .unwrap();
    // Version 3 gave every journal a random id, made at the first open.
    let id = journal.journal_id().unwrap();
    drop(journal);
    // Version 4 rewrote every record in format 2 (the tag sealed too) and
    // began the digest of rows, at that same first open.
    assert_eq!(header_ids(&copy), (0x546e_646d, 4));
    let raw = rusqlite::Connection::open(&copy).unwrap();
    for table in ["checkins", "reflections", "settings", "identity"] {
        let formats: Vec<i64> = raw
            .prepare(&format!("SELECT DISTINCT format FROM {table}"))
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(formats, [2], "{table}");
    }
    let digest: Vec<u8> = raw
        .query_row("SELECT value FROM meta WHERE name = 'digest'", [], |r| {
            r.get(0)
        })
        .unwrap();
    // Nonce, a 32-byte sum and the AEAD tag.
    assert_eq!(digest.len(), 12 + 32 + 16);
    drop(raw);
    let journal = Journal::open(&copy, Unlock::recovery_code(RECOVERY_CODE).unwrap()).unwrap();
    assert_eq!(journal.settings().unwrap().week_start, WeekStart::Sunday);
    assert_eq!(journal.journal_id().unwrap(), id);
    assert_reads_back_exactly(&journal);
}

#[test]
fn a_wrong_passphrase_or_recovery_code_does_not_open_the_v1_fixture_nor_change_it() {
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_journal(&fixture_path(), dir.path()).unwrap();
    let before = std::fs::read(&copy).unwrap();

    // A well-formed recovery code (its checksum holds) of another journal.
    let (other, other_code) = Journal::create(
        dir.path().join("other.tandem"),
        CreateOptions {
            passphrase: Some(Passphrase::new(PASSPHRASE).unwrap()),
            kdf: tandem_core::Kdf::fast_for_tests(1),
            ..CreateOptions::default()
        },
    )
    .unwrap();
    drop(other);

    let wrong = [
        Unlock::passphrase("tandem fixture v2 passphrase").unwrap(),
        Unlock::recovery_code(&other_code.display()).unwrap(),
    ];
    for unlock in wrong {
        let method = unlock.method();
        let result = Journal::open(&copy, unlock);
        assert!(
            matches!(result, Err(Error::WrongKey)),
            "{method:?}: {result:?}"
        );
    }
    assert_eq!(std::fs::read(&copy).unwrap(), before);
    assert!(side_files(&copy).is_empty());
}

#[test]
fn the_v1_fixture_holds_no_plaintext_content_or_date() {
    let bytes = std::fs::read(fixture_path()).unwrap();
    let needles: [&[u8]; 8] = [
        "Urlaub".as_bytes(),
        "spazieren".as_bytes(),
        "周末".as_bytes(),
        b"first draft",
        b"promised",
        b"2025-06",
        b"pressed_harder",
        PASSPHRASE.as_bytes(),
    ];
    for needle in needles {
        assert!(
            !bytes.windows(needle.len()).any(|w| w == needle),
            "{:?} is readable in the file",
            String::from_utf8_lossy(needle)
        );
    }
}

#[test]
fn editing_a_v1_check_in_keeps_its_id_and_bumps_its_revision() {
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_journal(&fixture_path(), dir.path()).unwrap();
    let later = FixedClock {
        today: d("2026-01-10"),
        now: at("2026-01-10T08:00:00Z"),
    };
    let mut journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap())
        .unwrap()
        .with_clock(Box::new(later));
    let mut edited = expected_checkins()[3].value.clone();
    edited.note = "Edited after the upgrade.".to_string();
    let saved = journal.save_checkin(edited.clone()).unwrap();
    assert_eq!(saved.id, id("5d78f94717bb74cc672ce6fedf5e156b"));
    assert_eq!(saved.revision, 3);
    drop(journal);

    let journal = Journal::open(&copy, Unlock::recovery_code(RECOVERY_CODE).unwrap()).unwrap();
    let back = journal.checkin(d("2025-06-07")).unwrap().unwrap();
    assert_eq!(
        back,
        Saved {
            id: id("5d78f94717bb74cc672ce6fedf5e156b"),
            revision: 3,
            saved_at: at("2026-01-10T08:00:00Z"),
            author: Author::Me,
            value: edited,
        }
    );
    // The other records are untouched.
    let mut others = expected_checkins();
    others.remove(3);
    let mut now = journal.checkins(None, None).unwrap();
    now.remove(3);
    assert_eq!(now, others);
}

// ---------------------------------------------------------------------------
// The generator. Its inputs are written out here, not shared with the
// expectations above.

/// The clock for every save but the edit.
fn generation_clock() -> FixedClock {
    FixedClock {
        today: d("2025-06-15"),
        now: at("2025-06-15T19:30:00Z"),
    }
}

fn generator_checkins() -> Vec<CheckIn> {
    let mut full = CheckIn::new(d("2025-06-02"), 2, Move::Pursued, PartnerMove::Withdrew);
    full.behaviours = vec![
        Behaviour::RaiseConcern,
        Behaviour::AskToTalk,
        Behaviour::PressedHarder,
    ];
    full.feelings = vec![Feeling::Anxious, Feeling::Unheard];
    full.intensity = Some(7);
    full.skills = vec![Skill::SlowDown];
    full.repair = Some(Repair::Partly);
    full.closeness = Some(Closeness {
        rating: Some(2),
        words: vec![ClosenessWord::Tense, ClosenessWord::Distant],
    });
    full.note = "Wir haben über den Urlaub gestritten — 周末再谈 🙂\n\
                 «Tu m'écoutes ?» שלום, cafe\u{301}, \"quoted\", tab\there, back\\slash"
        .to_string();

    let bare = CheckIn::new(d("2025-06-03"), 3, Move::Neither, PartnerMove::Unknown);

    let mut zeroes = CheckIn::new(d("2025-06-04"), 1, Move::Both, PartnerMove::Both);
    zeroes.intensity = Some(0);
    zeroes.repair = Some(Repair::NotYet);
    zeroes.closeness = Some(Closeness::default());
    zeroes.note = "  leading and trailing spaces are kept  ".to_string();

    let mut every = CheckIn::new(d("2025-06-14"), 4, Move::Neither, PartnerMove::Neither);
    every.behaviours = Behaviour::ALL.to_vec();
    every.feelings = Feeling::ALL.to_vec();
    every.intensity = Some(4);
    every.skills = Skill::ALL.to_vec();
    every.closeness = Some(Closeness {
        rating: Some(4),
        words: ClosenessWord::ALL.to_vec(),
    });
    every.note = "Every version-1 code at least once.".to_string();

    vec![full, bare, zeroes, every]
}

/// The check-in saved twice: first this, then [`generator_edited`].
fn generator_first_draft() -> CheckIn {
    let mut c = CheckIn::new(d("2025-06-07"), 2, Move::Withdrew, PartnerMove::Pursued);
    c.behaviours = vec![Behaviour::WalkAway];
    c.intensity = Some(9);
    c.note = "first draft".to_string();
    c
}

fn generator_edited() -> CheckIn {
    let mut c = CheckIn::new(d("2025-06-07"), 5, Move::Withdrew, PartnerMove::Pursued);
    c.behaviours = vec![Behaviour::NeedSpace, Behaviour::WalkAway];
    c.feelings = vec![Feeling::Overwhelmed, Feeling::Hopeful];
    c.intensity = Some(10);
    c.skills = vec![Skill::Regulate, Skill::BreakAndReturn];
    c.repair = Some(Repair::Reconnected);
    c.closeness = Some(Closeness {
        rating: Some(5),
        words: vec![ClosenessWord::Warm],
    });
    c.note = "Took 20 minutes, came back as promised.".to_string();
    c
}

fn generator_reflections() -> Vec<Reflection> {
    // Saved through a Thursday: stored under its Monday, 2025-06-02.
    let mut first = Reflection::new(d("2025-06-05"));
    first.week_start = d("2025-06-05");
    first.raises_concerns = Some(Who::Me);
    first.shuts_down = Some(Who::Partner);
    first.talk_safety = Some(4);
    first.felt_chased = Some(Who::Both);
    first.needing_space = "Er ging spazieren; ich wartete 😬 — then we talked.".to_string();
    first.note = "Better than last week.\nSecond line.".to_string();

    let mut second = Reflection::new(d("2025-06-15"));
    second.raises_concerns = Some(Who::Neither);
    vec![first, second]
}

/// Writes `tests/fixtures/journal-v1.tandem`. Run it on purpose only, with a
/// build whose schema is version 1:
///
/// `TANDEM_OVERWRITE_FIXTURE=1 cargo test -p tandem-tests --test fixture_v1 -- --ignored regenerate --nocapture`
///
/// then copy the printed recovery code and ids into this file and the README.
#[test]
#[ignore = "writes the committed fixture; run on purpose (see tests/fixtures/README.md)"]
fn regenerate_v1_fixture() {
    let target = fixture_path();
    let overwrite = std::env::var(OVERWRITE_ENV).is_ok_and(|v| v == "1");
    assert!(
        overwrite || !target.exists(),
        "{} exists; set {OVERWRITE_ENV}=1 to replace it",
        target.display()
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FIXTURE);
    let (journal, code) = create_with_passphrase(&path, PASSPHRASE, FIXTURE_KDF);
    let mut journal = journal.with_clock(Box::new(generation_clock()));
    journal.save_checkin(generator_first_draft()).unwrap();
    journal.save_checkins(generator_checkins()).unwrap();
    journal.save_reflections(generator_reflections()).unwrap();
    let mut journal = journal.with_clock(Box::new(FixedClock {
        today: d("2025-06-15"),
        now: at("2025-06-15T21:05:30.250Z"),
    }));
    journal.save_checkin(generator_edited()).unwrap();

    println!("recovery code: {}", code.display().as_str());
    for c in journal.checkins(None, None).unwrap() {
        println!(
            "check-in {} id {} revision {}",
            c.value.date, c.id, c.revision
        );
    }
    for r in journal.reflections(None, None).unwrap() {
        println!(
            "reflection {} id {} revision {}",
            r.value.week_start, r.id, r.revision
        );
    }
    // Closing the last connection checkpoints the WAL into the file.
    drop(journal);
    assert!(side_files(&path).is_empty(), "{:?}", side_files(&path));
    assert_eq!(
        header_ids(&path),
        (0x546e_646d, 1),
        "this build writes a newer schema; the v1 fixture must come from a version-1 build"
    );
    assert!(side_files(&path).is_empty());

    if target.exists() {
        std::fs::remove_file(&target).unwrap();
    }
    std::fs::copy(&path, &target).unwrap();
    println!("wrote {}", target.display());
}

#[test]
fn a_pbkdf2_passphrase_wrap_is_made_again_with_argon2id_at_the_first_passphrase_unlock() {
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_journal(&fixture_path(), dir.path()).unwrap();
    // The recovery code opens it and leaves the passphrase wrap as it was.
    let journal = Journal::open(&copy, Unlock::recovery_code(RECOVERY_CODE).unwrap()).unwrap();
    assert_eq!(journal.passphrase_kdf().unwrap(), Some(FIXTURE_KDF));
    drop(journal);
    // The passphrase opens it and renews its wrap with the product's KDF.
    let journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
    assert_eq!(
        journal.passphrase_kdf().unwrap(),
        Some(tandem_core::Kdf::Argon2id {
            memory_kib: 65_536,
            passes: 3,
            lanes: 1
        })
    );
    drop(journal);
    // The same passphrase, and only it, still opens it.
    let journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
    assert_reads_back_exactly(&journal);
    drop(journal);
    assert!(matches!(
        Journal::open(&copy, Unlock::passphrase("not the passphrase").unwrap()),
        Err(tandem_core::Error::WrongKey)
    ));
}
