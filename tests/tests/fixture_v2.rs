//! A journal written by format version 2 (the one that added settings) must
//! open and read back exactly in every later version.
//!
//! `tests/fixtures/journal-v2.tandem` is committed; its generator is the
//! ignored test `regenerate_v2_fixture` below (see `tests/fixtures/README.md`).
//! The expected values are written out by hand, apart from the generator's
//! inputs: they are what version 2 stored.

use tandem_core::{
    Author, Behaviour, CheckIn, FixedClock, Journal, Method, Move, PartnerMove, Reflection, Saved,
    Settings, Unlock, WeekStart, Who,
};
use tandem_tests::{
    copy_journal, create_with_passphrase, day as d, fixtures_dir, header_ids, instant as at,
    record_id as id, side_files,
};

const FIXTURE: &str = "journal-v2.tandem";
const PASSPHRASE: &str = "tandem fixture v2 passphrase";
/// How the fixtures' passphrase wraps were made.
const FIXTURE_KDF: tandem_core::Kdf = tandem_core::Kdf::Pbkdf2 { iterations: 1000 };

fn expected_checkins() -> Vec<Saved<CheckIn>> {
    let mut first = CheckIn::new(d("2026-03-02"), 2, Move::Pursued, PartnerMove::Withdrew);
    first.behaviours = vec![Behaviour::AskToTalk];
    first.intensity = Some(6);
    first.note = "Version two, edited once — ünïcödé kept.".to_string();
    let second = CheckIn::new(d("2026-03-03"), 4, Move::Neither, PartnerMove::Neither);
    vec![
        Saved {
            id: id(ID_FIRST),
            revision: 2,
            saved_at: at("2026-03-08T20:15:00Z"),
            author: Author::Me,
            value: first,
        },
        Saved {
            id: id(ID_SECOND),
            revision: 1,
            saved_at: at("2026-03-08T20:00:00Z"),
            author: Author::Me,
            value: second,
        },
    ]
}

fn expected_reflections() -> Vec<Saved<Reflection>> {
    let mut r = Reflection::new(d("2026-03-02"));
    r.raises_concerns = Some(Who::Me);
    r.talk_safety = Some(3);
    r.note = "We paused and came back.".to_string();
    vec![Saved {
        id: id(ID_REFLECTION),
        revision: 1,
        saved_at: at("2026-03-08T20:00:00Z"),
        author: Author::Me,
        value: r,
    }]
}

const ID_FIRST: &str = "53fd97d50674f05e61c26f129dfa4678";
const ID_SECOND: &str = "9a1f779ab7e61583f61d91fac5e5ff56";
const ID_REFLECTION: &str = "2751db27305cfaea767211306eeb3a2c";

fn assert_reads_back_exactly(journal: &Journal) {
    assert_eq!(journal.checkins(None, None).unwrap(), expected_checkins());
    assert_eq!(
        journal.reflections(None, None).unwrap(),
        expected_reflections()
    );
    assert_eq!(journal.settings().unwrap().week_start, WeekStart::Sunday);
    assert_eq!(
        journal.unlock_methods().unwrap(),
        vec![Method::Passphrase, Method::Recovery]
    );
}

#[test]
fn opens_the_v2_fixture_and_reads_back_exactly() {
    let fixture = fixtures_dir().join(FIXTURE);
    assert!(side_files(&fixture).is_empty());
    let before = std::fs::read(&fixture).expect("the committed v2 fixture is present");
    let dir = tempfile::tempdir().unwrap();
    let copy = copy_journal(&fixture, dir.path()).unwrap();
    assert_eq!(header_ids(&copy), (0x546e_646d, 2));
    let journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
    assert_reads_back_exactly(&journal);
    let id = journal.journal_id().unwrap();
    drop(journal);
    // Opened once, upgraded to the current version with an id of its own,
    // and still the same entries and id when opened again.
    assert_eq!(header_ids(&copy), (0x546e_646d, 4));
    let journal = Journal::open(&copy, Unlock::passphrase(PASSPHRASE).unwrap()).unwrap();
    assert_reads_back_exactly(&journal);
    assert_eq!(journal.journal_id().unwrap(), id);
    assert_eq!(std::fs::read(&fixture).unwrap(), before);
}

/// Writes `tests/fixtures/journal-v2.tandem`, with a build whose schema is
/// version 2: `cargo test -p tandem-tests --test fixture_v2 -- --ignored --nocapture`.
#[test]
#[ignore = "writes the committed fixture; run on purpose (see tests/fixtures/README.md)"]
fn regenerate_v2_fixture() {
    let target = fixtures_dir().join(FIXTURE);
    assert!(!target.exists(), "{} exists", target.display());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(FIXTURE);
    let (journal, _code) = create_with_passphrase(&path, PASSPHRASE, FIXTURE_KDF);
    let mut journal = journal.with_clock(Box::new(FixedClock {
        today: d("2026-03-08"),
        now: at("2026-03-08T20:00:00Z"),
    }));
    let mut draft = CheckIn::new(d("2026-03-02"), 3, Move::Pursued, PartnerMove::Withdrew);
    draft.note = "first draft".to_string();
    journal.save_checkin(draft).unwrap();
    journal
        .save_checkin(CheckIn::new(
            d("2026-03-03"),
            4,
            Move::Neither,
            PartnerMove::Neither,
        ))
        .unwrap();
    journal
        .save_reflection(expected_reflections().remove(0).value)
        .unwrap();
    journal
        .set_settings(Settings {
            week_start: WeekStart::Sunday,
        })
        .unwrap();
    let mut journal = journal.with_clock(Box::new(FixedClock {
        today: d("2026-03-08"),
        now: at("2026-03-08T20:15:00Z"),
    }));
    journal
        .save_checkin(expected_checkins().remove(0).value)
        .unwrap();
    for c in journal.checkins(None, None).unwrap() {
        println!("check-in {} id {}", c.value.date, c.id);
    }
    for r in journal.reflections(None, None).unwrap() {
        println!("reflection {} id {}", r.value.week_start, r.id);
    }
    drop(journal);
    assert!(side_files(&path).is_empty());
    assert_eq!(header_ids(&path), (0x546e_646d, 2));
    std::fs::copy(&path, &target).unwrap();
}
