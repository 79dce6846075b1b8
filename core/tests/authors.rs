//! Whose entry it is is part of its key: my entry and my partner's for the
//! same day are two entries, in every order of saving and importing;
//! nothing I import replaces my own; an export of another journal is never
//! merged into a journal with entries unless the user says whose it is.

mod common;

use std::collections::BTreeMap;

use common::*;
use tandem_core::{
    Author, CheckIn, Error, ImportAs, ImportReport, Journal, Move, PartnerMove, Reflection, Who,
};

const DAY: &str = "2026-03-05";

fn checkin(mood: u8, note: &str) -> CheckIn {
    let mut c = CheckIn::new(day(DAY), mood, Move::Pursued, PartnerMove::Withdrew);
    c.note = note.to_string();
    c
}

fn mine(j: &Journal) -> Vec<(u8, String)> {
    entries_of(j, Author::Me)
}

fn partners(j: &Journal) -> Vec<(u8, String)> {
    entries_of(j, Author::Partner)
}

fn entries_of(j: &Journal, author: Author) -> Vec<(u8, String)> {
    j.checkins_by(author, None, None)
        .unwrap()
        .into_iter()
        .map(|s| {
            assert_eq!(s.author, author);
            (s.value.mood, s.value.note)
        })
        .collect()
}

/// The journal's files without SQLite's shared-memory index.
fn files(fx: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let mut s = fx.snapshot();
    s.retain(|name, _| !name.ends_with("-shm"));
    s
}

/// Partner A's journal with one check-in for [`DAY`], and its export.
fn partner_export(mood: u8, note: &str, edits: u32) -> String {
    let (_fx, mut a) = Fixture::new(Methods::DeviceOnly);
    for _ in 0..=edits {
        a.save_checkin(checkin(mood, note)).unwrap();
    }
    let mut r = Reflection::new(day(DAY));
    r.raises_concerns = Some(Who::Me);
    a.save_reflection(r).unwrap();
    a.export_json().unwrap()
}

#[test]
fn my_entry_and_my_partners_for_one_day_are_both_kept_whatever_the_order() {
    let theirs = partner_export(2, "partner's note", 0);

    // Mine first, then my partner's file.
    let (_fx, mut b) = Fixture::new(Methods::DeviceOnly);
    b.save_checkin(checkin(4, "my note")).unwrap();
    let report = b.import_json_as(&theirs, ImportAs::Partner).unwrap();
    assert_eq!((report.added, report.updated), (2, 0));
    assert_eq!(mine(&b), [(4, "my note".to_string())]);
    assert_eq!(partners(&b), [(2, "partner's note".to_string())]);

    // My partner's file first, then mine: saving mine adds, replaces nothing.
    let (_fx, mut c) = Fixture::new(Methods::DeviceOnly);
    c.import_json_as(&theirs, ImportAs::Partner).unwrap();
    let saved = c.save_checkin(checkin(5, "mine, later")).unwrap();
    assert_eq!(saved.revision, 1);
    assert_eq!(mine(&c), [(5, "mine, later".to_string())]);
    assert_eq!(partners(&c), [(2, "partner's note".to_string())]);

    // My partner edits and sends again: their entry updates, mine stays.
    let edited = partner_export(1, "partner, edited", 3);
    let report = c.import_json_as(&edited, ImportAs::Partner).unwrap();
    // The check-in's higher revision wins; the two journals' reflections
    // tie on revision and save time, so their random ids decide.
    assert_eq!(report.added, 0, "{report:?}");
    assert_eq!(report.updated + report.kept_newer_local, 2, "{report:?}");
    assert_eq!(mine(&c), [(5, "mine, later".to_string())]);
    assert_eq!(partners(&c), [(1, "partner, edited".to_string())]);

    // I edit and delete mine: my partner's entry is untouched either way.
    c.save_checkin(checkin(3, "mine, edited")).unwrap();
    assert_eq!(partners(&c), [(1, "partner, edited".to_string())]);
    c.delete_checkin(day(DAY)).unwrap();
    assert!(mine(&c).is_empty());
    assert_eq!(partners(&c), [(1, "partner, edited".to_string())]);
    // Nothing of my partner's can be deleted through my own calls.
    assert!(matches!(
        c.delete_checkin(day(DAY)),
        Err(Error::NotFound(_))
    ));
}

#[test]
fn my_partners_entries_do_not_count_as_my_own_moves_or_days() {
    let (_fx, mut b) = Fixture::new(Methods::DeviceOnly);
    b.save_checkin(checkin(4, "")).unwrap();
    let before = (
        b.week_summary(day(DAY)).unwrap(),
        b.streak().unwrap(),
        b.checkins(None, None).unwrap(),
    );
    b.import_json_as(&partner_export(1, "theirs", 0), ImportAs::Partner)
        .unwrap();
    assert_eq!(b.week_summary(day(DAY)).unwrap(), before.0);
    assert_eq!(b.streak().unwrap(), before.1);
    assert_eq!(b.checkins(None, None).unwrap(), before.2);
    assert_eq!(b.checkin(day(DAY)).unwrap().unwrap().value.mood, 4);
}

#[test]
fn an_export_of_another_journal_is_refused_into_a_journal_with_entries_and_changes_nothing() {
    let theirs = partner_export(2, "partner's note", 0);
    let (fx, mut b) = Fixture::new(Methods::DeviceOnly);
    b.save_checkin(checkin(4, "my note")).unwrap();
    drop(b);
    let mut b = fx.open_device();
    let before = files(&fx);
    let err = b.import_json(&theirs).unwrap_err();
    assert!(matches!(err, Error::FromAnotherJournal), "{err:?}");
    assert_same_files(&before, &files(&fx));
    drop(b);
    let b = fx.open_device();
    assert_eq!(mine(&b), [(4, "my note".to_string())]);
    assert!(partners(&b).is_empty());
}

#[test]
fn my_own_export_is_never_taken_as_my_partners() {
    let (fx, mut b) = Fixture::new(Methods::DeviceOnly);
    b.save_checkin(checkin(4, "my note")).unwrap();
    let own = b.export_json().unwrap();
    let before = files(&fx);
    let err = b.import_json_as(&own, ImportAs::Partner).unwrap_err();
    assert_invalid(&err, "import");
    assert_same_files(&before, &files(&fx));
    // As it is, my own export merges and changes nothing.
    assert_eq!(b.import_json(&own).unwrap().unchanged, 1);
}

#[test]
fn what_my_partner_received_from_me_is_left_out_of_their_file() {
    // I send mine; my partner imports it as theirs-from-me, then sends me
    // their export: it holds my entry marked as their partner's.
    let (_fa, mut me) = Fixture::new(Methods::DeviceOnly);
    me.save_checkin(checkin(4, "my note")).unwrap();
    let (_fb, mut partner) = Fixture::new(Methods::DeviceOnly);
    partner.save_checkin(checkin(2, "their note")).unwrap();
    partner
        .import_json_as(&me.export_json().unwrap(), ImportAs::Partner)
        .unwrap();
    let back = partner.export_json().unwrap();
    let report = me.import_json_as(&back, ImportAs::Partner).unwrap();
    assert_eq!(
        report,
        ImportReport {
            added: 1,
            not_theirs: 1,
            ..ImportReport::default()
        }
    );
    assert_eq!(mine(&me), [(4, "my note".to_string())]);
    assert_eq!(partners(&me), [(2, "their note".to_string())]);
}

#[test]
fn merging_my_journal_from_another_phone_keeps_each_authors_entries_apart() {
    // Phone 1 holds my entry and my partner's; phone 2 holds another of mine.
    let (_f1, mut one) = Fixture::new(Methods::DeviceOnly);
    one.save_checkin(checkin(4, "mine on phone one")).unwrap();
    one.import_json_as(&partner_export(2, "theirs", 0), ImportAs::Partner)
        .unwrap();
    let (_f2, mut two) = Fixture::new(Methods::DeviceOnly);
    let mut other = CheckIn::new(day("2026-03-06"), 3, Move::Withdrew, PartnerMove::Pursued);
    other.note = "mine on phone two".to_string();
    two.save_checkin(other).unwrap();

    // Without saying, refused; said, merged with each author kept.
    let file = one.export_json().unwrap();
    assert!(matches!(
        two.import_json(&file),
        Err(Error::FromAnotherJournal)
    ));
    two.import_json_as(&file, ImportAs::MyOtherJournal).unwrap();
    assert_eq!(
        mine(&two),
        [
            (4, "mine on phone one".to_string()),
            (3, "mine on phone two".to_string())
        ]
    );
    assert_eq!(partners(&two), [(2, "theirs".to_string())]);
}

#[test]
fn an_empty_journal_takes_a_file_as_its_own_and_becomes_that_journal() {
    let (_fa, mut a) = Fixture::new(Methods::DeviceOnly);
    a.save_checkin(checkin(4, "mine")).unwrap();
    let file = a.export_json().unwrap();
    let (_fb, mut moved) = Fixture::new(Methods::DeviceOnly);
    assert_ne!(moved.journal_id().unwrap(), a.journal_id().unwrap());
    moved.import_json(&file).unwrap();
    assert_eq!(moved.journal_id().unwrap(), a.journal_id().unwrap());
    assert_eq!(mine(&moved), [(4, "mine".to_string())]);
    // So importing the same file again merges quietly.
    assert_eq!(moved.import_json(&file).unwrap().unchanged, 1);
}

#[test]
fn a_journal_holding_only_settings_takes_a_file_without_being_told() {
    let (_fa, mut a) = Fixture::new(Methods::DeviceOnly);
    a.save_checkin(checkin(4, "mine")).unwrap();
    let (_fb, mut b) = Fixture::new(Methods::DeviceOnly);
    b.set_settings(tandem_core::Settings {
        week_start: tandem_core::WeekStart::Sunday,
    })
    .unwrap();
    // Settings are not entries: the journal is empty and takes the file.
    let report = b.import_json(&a.export_json().unwrap()).unwrap();
    assert_eq!(report.added, 1);
}
