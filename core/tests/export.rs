//! The JSON export and import: the document's shape, lossless round trips
//! (a property test), idempotent imports, the merge rule for conflicting
//! revisions, validation that names the path of the first problem without
//! repeating the file's content, refusing newer schema versions, and
//! truncated or mutated files that must never panic nor change anything.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Days, NaiveDate, SecondsFormat, Utc};
use common::strategies::{checkin_on, reflection_on};
use common::*;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};
use tandem_core::{
    Author, Behaviour, CheckIn, Closeness, ClosenessWord, Error, Feeling, Field, Journal, Move,
    PartnerMove, RecordId, Reflection, Repair, Saved, Skill, WeekStart, Who,
};
use tandem_core::{ImportAs, ImportReport};

// ---------------------------------------------------------------------------
// The document as docs/export-schema.md describes it, built here by hand so
// the tests check the format itself, not the module against itself.

fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

fn hex(id: &RecordId) -> String {
    id.0.iter().map(|b| format!("{b:02x}")).collect()
}

fn author_code(a: Author) -> &'static str {
    match a {
        Author::Me => "me",
        Author::Partner => "partner",
    }
}

fn checkin_json(s: &Saved<CheckIn>) -> Value {
    let c = &s.value;
    json!({
        "id": hex(&s.id),
        "revision": s.revision,
        "saved_at": stamp(s.saved_at),
        "author": author_code(s.author),
        "date": c.date.to_string(),
        "mood": c.mood,
        "my_move": c.my_move.code(),
        "partner_move": c.partner_move.code(),
        "behaviours": c.behaviours.iter().map(|b| b.code()).collect::<Vec<_>>(),
        "feelings": c.feelings.iter().map(|f| f.code()).collect::<Vec<_>>(),
        "intensity": c.intensity,
        "skills": c.skills.iter().map(|s| s.code()).collect::<Vec<_>>(),
        "repair": c.repair.map(|r| r.code()),
        "closeness": c.closeness.as_ref().map(|k| json!({
            "rating": k.rating,
            "words": k.words.iter().map(|w| w.code()).collect::<Vec<_>>(),
        })),
        "note": c.note,
    })
}

fn reflection_json(s: &Saved<Reflection>) -> Value {
    let r = &s.value;
    json!({
        "id": hex(&s.id),
        "revision": s.revision,
        "saved_at": stamp(s.saved_at),
        "author": author_code(s.author),
        "week_start": r.week_start.to_string(),
        "raises_concerns": r.raises_concerns.map(|w| w.code()),
        "shuts_down": r.shuts_down.map(|w| w.code()),
        "talk_safety": r.talk_safety,
        "felt_chased": r.felt_chased.map(|w| w.code()),
        "needing_space": r.needing_space,
        "note": r.note,
    })
}

/// A schema-version-1 document (no journal id), as older builds wrote.
fn document(
    week_start: &str,
    checkins: &[Saved<CheckIn>],
    reflections: &[Saved<Reflection>],
) -> Value {
    json!({
        "format": "tandem-export",
        "schema_version": 1,
        "exported_at": "2026-03-10T12:00:00Z",
        "settings": { "week_start": week_start },
        "checkins": checkins.iter().map(checkin_json).collect::<Vec<_>>(),
        "reflections": reflections.iter().map(reflection_json).collect::<Vec<_>>(),
    })
}

/// A schema-version-2 document: version 1 and the id of the journal it
/// was exported from.
fn document_v2(
    journal_id: &str,
    week_start: &str,
    checkins: &[Saved<CheckIn>],
    reflections: &[Saved<Reflection>],
) -> Value {
    let mut doc = document(week_start, checkins, reflections);
    doc["schema_version"] = json!(2);
    doc["journal_id"] = json!(journal_id);
    doc
}

/// Entries as an export lists them: mine, then my partner's, each by `key`.
fn by_author_then<T: Clone, K: Ord>(list: &[Saved<T>], key: impl Fn(&T) -> K) -> Vec<Saved<T>> {
    let mut out = list.to_vec();
    out.sort_by_key(|s| (s.author != Author::Me, key(&s.value)));
    out
}

/// Only the entries by `author`.
fn only<T: Clone>(list: &[Saved<T>], author: Author) -> Vec<Saved<T>> {
    list.iter()
        .filter(|s| s.author == author)
        .cloned()
        .collect()
}

fn file_of(checkins: &[Saved<CheckIn>], reflections: &[Saved<Reflection>]) -> String {
    document("monday", checkins, reflections).to_string()
}

/// A saved entry with the facts written out.
fn saved<T>(id_byte: u8, revision: u32, saved_at: &str, value: T) -> Saved<T> {
    Saved {
        id: RecordId([id_byte; 16]),
        revision,
        saved_at: instant(saved_at),
        author: Author::Me,
        value,
    }
}

fn mood_on(date: &str, mood: u8) -> CheckIn {
    CheckIn::new(day(date), mood, Move::Pursued, PartnerMove::Withdrew)
}

// ---------------------------------------------------------------------------
// What a journal holds, for "nothing changed" checks.

/// Every entry and the settings, rendered in full: compared byte for byte.
fn listing(j: &Journal) -> String {
    format!(
        "{:#?}\n{:#?}\n{:?}",
        j.checkins(None, None).unwrap(),
        j.reflections(None, None).unwrap(),
        j.settings().unwrap()
    )
}

/// The journal's files, without SQLite's shared-memory index (readers write
/// their read marks there).
fn files(fx: &Fixture) -> BTreeMap<String, Vec<u8>> {
    let mut s = fx.snapshot();
    s.retain(|name, _| !name.ends_with("-shm"));
    s
}

fn report(
    added: u32,
    updated: u32,
    unchanged: u32,
    kept_newer_local: u32,
    settings_imported: bool,
) -> ImportReport {
    ImportReport {
        added,
        updated,
        unchanged,
        kept_newer_local,
        not_theirs: 0,
        settings_imported,
    }
}

/// Imports as "my own journal from another phone": the merge rule between
/// two journals of one person, which every conflict test below exercises.
trait MergeMine {
    fn merge_mine(&mut self, text: &str) -> tandem_core::Result<ImportReport>;
}

impl MergeMine for Journal {
    fn merge_mine(&mut self, text: &str) -> tandem_core::Result<ImportReport> {
        self.import_json_as(text, ImportAs::MyOtherJournal)
    }
}

fn import_error(j: &mut Journal, text: &str) -> Error {
    match j.import_json(text) {
        Ok(r) => panic!("the file was accepted: {r:?}"),
        Err(e) => e,
    }
}

// ---------------------------------------------------------------------------
// The document's shape

#[test]
fn the_export_names_its_format_and_version_and_writes_each_entry_field_by_field() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let mut full = mood_on("2026-03-08", 2);
    full.behaviours = vec![Behaviour::AskToTalk, Behaviour::SeekReassurance];
    full.feelings = vec![Feeling::Anxious];
    full.intensity = Some(0);
    full.skills = vec![Skill::Regulate];
    full.repair = Some(Repair::NotYet);
    full.closeness = Some(Closeness {
        rating: None,
        words: vec![ClosenessWord::Tense],
    });
    full.note = "Sprach leise 🌧".to_string();
    // Saved out of order: the export lists by day.
    let later = j.save_checkin(full).unwrap();
    let earlier = j.save_checkin(mood_on("2026-03-01", 4)).unwrap();
    let mut r = Reflection::new(day("2026-03-04"));
    r.shuts_down = Some(Who::Partner);
    r.talk_safety = Some(3);
    r.needing_space = "Went for a walk".to_string();
    let refl = j.save_reflection(r).unwrap();
    j.set_settings(tandem_core::Settings {
        week_start: WeekStart::Sunday,
    })
    .unwrap();

    let text = j.export_json().unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    // FixedClock::on puts "now" at noon UTC of TODAY (2026-03-10).
    let want = json!({
        "format": "tandem-export",
        "schema_version": 2,
        "journal_id": j.journal_id().unwrap().to_string(),
        "exported_at": "2026-03-10T12:00:00Z",
        "settings": { "week_start": "sunday" },
        "checkins": [
            {
                "id": earlier.id.to_string(),
                "revision": 1,
                "saved_at": "2026-03-10T12:00:00Z",
                "author": "me",
                "date": "2026-03-01",
                "mood": 4,
                "my_move": "pursued",
                "partner_move": "withdrew",
                "behaviours": [],
                "feelings": [],
                "intensity": null,
                "skills": [],
                "repair": null,
                "closeness": null,
                "note": "",
            },
            {
                "id": later.id.to_string(),
                "revision": 1,
                "saved_at": "2026-03-10T12:00:00Z",
                "author": "me",
                "date": "2026-03-08",
                "mood": 2,
                "my_move": "pursued",
                "partner_move": "withdrew",
                "behaviours": ["ask_to_talk", "seek_reassurance"],
                "feelings": ["anxious"],
                "intensity": 0,
                "skills": ["regulate"],
                "repair": "not_yet",
                "closeness": { "rating": null, "words": ["tense"] },
                "note": "Sprach leise 🌧",
            },
        ],
        "reflections": [
            {
                "id": refl.id.to_string(),
                "revision": 1,
                "saved_at": "2026-03-10T12:00:00Z",
                "author": "me",
                // 2026-03-04 is a Wednesday; its week began Monday 2 March.
                "week_start": "2026-03-02",
                "raises_concerns": null,
                "shuts_down": "partner",
                "talk_safety": 3,
                "felt_chased": null,
                "needing_space": "Went for a walk",
                "note": "",
            },
        ],
    });
    assert_eq!(doc, want);
    // The ids are 16 bytes in lowercase hex; the fields keep the documented order.
    assert!(
        earlier
            .id
            .to_string()
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    let order = [
        "\"format\"",
        "\"schema_version\"",
        "\"journal_id\"",
        "\"exported_at\"",
        "\"settings\"",
    ];
    let at: Vec<usize> = order.iter().map(|k| text.find(k).unwrap()).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    assert!(text.find("\"mood\"").unwrap() < text.find("\"note\"").unwrap());
}

#[test]
fn an_empty_journal_exports_empty_lists_and_the_default_settings() {
    let (_fx, j) = Fixture::new(Methods::DeviceOnly);
    let doc: Value = serde_json::from_str(&j.export_json().unwrap()).unwrap();
    let id = j.journal_id().unwrap().to_string();
    assert_eq!(doc, document_v2(&id, "monday", &[], &[]));
}

// ---------------------------------------------------------------------------
// Round trip (property)

const SPAN_DAYS: u64 = 4 * 366;

/// Any instant from 2000 to 2030, whole seconds as often as not.
fn instant_any() -> impl Strategy<Value = DateTime<Utc>> {
    (
        946_684_800i64..1_893_456_000,
        prop_oneof![Just(0u32), 0u32..1_000_000_000],
    )
        .prop_map(|(secs, nanos)| DateTime::from_timestamp(secs, nanos).unwrap())
}

/// Save facts: an id whose first byte is `index` (ids stay distinct within
/// a list even after shrinking), any revision, save time and author.
fn facts(index: u8) -> impl Strategy<Value = (RecordId, u32, DateTime<Utc>, Author)> {
    (
        any::<[u8; 16]>(),
        prop_oneof![Just(1u32), 1u32..=tandem_core::entries::MAX_REVISION],
        instant_any(),
        select(vec![Author::Me, Author::Partner]),
    )
        .prop_map(move |(mut id, rev, at, author)| {
            id[0] = index;
            (RecordId(id), rev, at, author)
        })
}

/// Any saved check-in on `date` (see [`facts`] for `index`).
fn saved_checkin_on(date: NaiveDate, index: u8) -> impl Strategy<Value = Saved<CheckIn>> {
    (facts(index), checkin_on(date)).prop_map(|((id, revision, saved_at, author), value)| Saved {
        id,
        revision,
        saved_at,
        author,
        value,
    })
}

/// Any saved reflection for the week starting `week_start`.
fn saved_reflection_on(
    week_start: NaiveDate,
    index: u8,
) -> impl Strategy<Value = Saved<Reflection>> {
    (facts(index), reflection_on(week_start)).prop_map(
        |((id, revision, saved_at, author), value)| Saved {
            id,
            revision,
            saved_at,
            author,
            value,
        },
    )
}

/// Up to eight check-ins on distinct days from about four years back to
/// tomorrow, in random order.
fn checkins() -> impl Strategy<Value = Vec<Saved<CheckIn>>> {
    prop::collection::btree_set(0..=SPAN_DAYS, 0..=8)
        .prop_flat_map(|backs: BTreeSet<u64>| {
            // `back` counts from tomorrow (2026-03-11).
            let tomorrow = day(TODAY) + Days::new(1);
            backs
                .into_iter()
                .enumerate()
                .map(|(i, b)| saved_checkin_on(tomorrow - Days::new(b), u8::try_from(i).unwrap()))
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// Up to four reflections on distinct weeks, in random order.
fn reflections() -> impl Strategy<Value = Vec<Saved<Reflection>>> {
    prop::collection::btree_set(0u64..200, 0..=4)
        .prop_flat_map(|weeks: BTreeSet<u64>| {
            // This week began on Monday 2026-03-09.
            let monday = day("2026-03-09");
            weeks
                .into_iter()
                .enumerate()
                .map(|(i, w)| {
                    saved_reflection_on(monday - Days::new(7 * w), u8::try_from(i).unwrap())
                })
                .collect::<Vec<_>>()
        })
        .prop_shuffle()
}

/// The document without its `exported_at` line.
fn without_stamp(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("\"exported_at\""))
        .collect::<Vec<_>>()
        .join("\n")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_valid_file_imports_exactly_and_exports_imports_and_exports_again_unchanged(
        checkins in checkins(),
        reflections in reflections(),
        sunday in any::<bool>(),
    ) {
        let week_start = if sunday { "sunday" } else { "monday" };
        let file = document(week_start, &checkins, &reflections).to_string();
        let n = u32::try_from(checkins.len() + reflections.len()).unwrap();

        // Into an empty journal: every entry exactly as written in the file.
        let (fx_a, mut a) = Fixture::new(Methods::DeviceOnly);
        prop_assert_eq!(a.import_json(&file).unwrap(), report(n, 0, 0, 0, true));
        let by_day = by_author_then(&checkins, |c| c.date);
        let by_week = by_author_then(&reflections, |r| r.week_start);
        for author in [Author::Me, Author::Partner] {
            prop_assert_eq!(a.checkins_by(author, None, None).unwrap(), only(&by_day, author));
            prop_assert_eq!(
                a.reflections_by(author, None, None).unwrap(),
                only(&by_week, author)
            );
        }
        let want_week_start = if sunday { WeekStart::Sunday } else { WeekStart::Monday };
        prop_assert_eq!(a.settings().unwrap().week_start, want_week_start);

        // Its export is the documented form of the same entries, by day.
        let exported = a.export_json().unwrap();
        let exported_doc: Value = serde_json::from_str(&exported).unwrap();
        let id = a.journal_id().unwrap().to_string();
        prop_assert_eq!(&exported_doc, &document_v2(&id, week_start, &by_day, &by_week));

        // Imported into another empty journal (on another day) and exported
        // again: the same document but for exported_at.
        let (_fx_b, b) = Fixture::new(Methods::DeviceOnly);
        let mut b = b.with_clock(clock("2026-03-11"));
        prop_assert_eq!(b.import_json(&exported).unwrap(), report(n, 0, 0, 0, true));
        for author in [Author::Me, Author::Partner] {
            prop_assert_eq!(b.checkins_by(author, None, None).unwrap(), only(&by_day, author));
            prop_assert_eq!(
                b.reflections_by(author, None, None).unwrap(),
                only(&by_week, author)
            );
        }
        // It took the file's journal id: it is that journal, moved.
        prop_assert_eq!(b.journal_id().unwrap(), a.journal_id().unwrap());
        let again = b.export_json().unwrap();
        prop_assert!(again.contains("\"exported_at\": \"2026-03-11T12:00:00Z\""));
        prop_assert_eq!(without_stamp(&again), without_stamp(&exported));

        // And importing the export back into the first journal writes nothing.
        let before = (listing(&a), files(&fx_a));
        prop_assert_eq!(a.import_json(&exported).unwrap(), report(0, 0, n, 0, n == 0));
        prop_assert_eq!(listing(&a), before.0);
        prop_assert!(files(&fx_a) == before.1, "the journal's files changed");
    }
}

// ---------------------------------------------------------------------------
// Idempotence

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.save_checkin(mood_on("2026-03-01", 2)).unwrap();
    let mut note = mood_on("2026-03-03", 5);
    note.note = "ناقشنا الأمر 🙂".to_string();
    let file = file_of(
        &[
            saved(0x10, 1, "2026-03-02T20:00:00Z", mood_on("2026-03-02", 3)),
            saved(0x11, 4, "2026-03-04T07:30:00.5Z", note),
            saved(0x12, 2, "2026-03-05T21:00:00Z", mood_on("2026-03-05", 1)),
        ],
        &[
            saved(
                0x20,
                1,
                "2026-02-28T10:00:00Z",
                Reflection::new(day("2026-02-23")),
            ),
            saved(
                0x21,
                3,
                "2026-03-08T10:00:00Z",
                Reflection::new(day("2026-03-02")),
            ),
        ],
    );
    // The journal held an entry, so its settings stay its own.
    assert_eq!(j.merge_mine(&file).unwrap(), report(5, 0, 0, 0, false));
    let once = listing(&j);
    let once_files = files(&fx);
    assert_eq!(j.checkins(None, None).unwrap().len(), 4);

    assert_eq!(j.merge_mine(&file).unwrap(), report(0, 0, 5, 0, false));
    assert_eq!(listing(&j).as_bytes(), once.as_bytes());
    assert_same_files(&once_files, &files(&fx));

    // The same holds after closing and opening the journal again.
    drop(j);
    let mut j = fx.open_device();
    assert_eq!(j.merge_mine(&file).unwrap(), report(0, 0, 5, 0, false));
    assert_eq!(listing(&j).as_bytes(), once.as_bytes());
}

#[test]
fn importing_a_journals_own_export_changes_nothing() {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.save_checkin(mood_on("2026-03-01", 2)).unwrap();
    j.save_checkin(mood_on("2026-03-01", 3)).unwrap(); // revision 2
    j.save_reflection(Reflection::new(day("2026-03-04")))
        .unwrap();
    let before = (listing(&j), files(&fx));
    let text = j.export_json().unwrap();
    assert_eq!(j.merge_mine(&text).unwrap(), report(0, 0, 2, 0, false));
    assert_eq!(listing(&j), before.0);
    assert_same_files(&before.1, &files(&fx));
}

// ---------------------------------------------------------------------------
// Conflicts

#[test]
fn a_higher_revision_in_the_file_replaces_the_journals_entry_and_a_lower_one_is_left_out() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let local = saved(0x01, 2, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 2));
    j.merge_mine(&file_of(std::slice::from_ref(&local), &[]))
        .unwrap();

    // The same record, edited once more elsewhere.
    let newer = saved(0x01, 3, "2026-03-06T09:00:00Z", mood_on("2026-03-05", 4));
    assert_eq!(
        j.merge_mine(&file_of(std::slice::from_ref(&newer), &[]))
            .unwrap(),
        report(0, 1, 0, 0, false)
    );
    assert_eq!(j.checkin(day("2026-03-05")).unwrap(), Some(newer.clone()));

    // The old revision again: left out, the newer one stays.
    assert_eq!(
        j.merge_mine(&file_of(&[local], &[])).unwrap(),
        report(0, 0, 0, 1, false)
    );
    assert_eq!(j.checkin(day("2026-03-05")).unwrap(), Some(newer));
}

#[test]
fn between_different_records_for_one_day_the_revision_counts_before_the_save_time() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let local = saved(0x01, 5, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 2));
    j.merge_mine(&file_of(std::slice::from_ref(&local), &[]))
        .unwrap();

    // Another record for that day, saved later but at a lower revision: left out.
    let later_lower = saved(0x02, 4, "2026-03-09T09:00:00Z", mood_on("2026-03-05", 5));
    assert_eq!(
        j.merge_mine(&file_of(&[later_lower], &[])).unwrap(),
        report(0, 0, 0, 1, false)
    );
    assert_eq!(j.checkin(day("2026-03-05")).unwrap(), Some(local));

    // Saved earlier but at a higher revision: it replaces the day's entry,
    // id and all.
    let earlier_higher = saved(0x02, 6, "2026-03-01T09:00:00Z", mood_on("2026-03-05", 1));
    assert_eq!(
        j.merge_mine(&file_of(std::slice::from_ref(&earlier_higher), &[]))
            .unwrap(),
        report(0, 1, 0, 0, false)
    );
    assert_eq!(
        j.checkins(None, None).unwrap(),
        vec![earlier_higher.clone()]
    );
}

/// Two journals, each holding one of two entries for the same day, import
/// each other's: both must end up with `winner`.
fn assert_both_ways_keep(a: Saved<CheckIn>, b: Saved<CheckIn>, winner: &Saved<CheckIn>) {
    let (_fa, mut ja) = Fixture::new(Methods::DeviceOnly);
    let (_fb, mut jb) = Fixture::new(Methods::DeviceOnly);
    ja.merge_mine(&file_of(std::slice::from_ref(&a), &[]))
        .unwrap();
    jb.merge_mine(&file_of(std::slice::from_ref(&b), &[]))
        .unwrap();
    let ra = ja
        .merge_mine(&file_of(std::slice::from_ref(&b), &[]))
        .unwrap();
    let rb = jb
        .merge_mine(&file_of(std::slice::from_ref(&a), &[]))
        .unwrap();
    let a_wins = *winner == a;
    assert_eq!(
        ra,
        report(0, u32::from(!a_wins), 0, u32::from(a_wins), false)
    );
    assert_eq!(
        rb,
        report(0, u32::from(a_wins), 0, u32::from(!a_wins), false)
    );
    assert_eq!(ja.checkins(None, None).unwrap(), vec![winner.clone()]);
    assert_eq!(jb.checkins(None, None).unwrap(), vec![winner.clone()]);
}

#[test]
fn at_equal_revisions_the_later_save_wins_whichever_journal_imports() {
    let earlier = saved(0x7f, 2, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 2));
    // Later by one microsecond, and with the smaller id: the time decides.
    let later = saved(
        0x01,
        2,
        "2026-03-05T09:00:00.000001Z",
        mood_on("2026-03-05", 4),
    );
    assert_both_ways_keep(earlier.clone(), later.clone(), &later);
    assert_both_ways_keep(later.clone(), earlier, &later);
}

#[test]
fn at_equal_revisions_and_save_times_the_greater_id_wins_whichever_journal_imports() {
    let small = saved(0x11, 3, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 2));
    let great = saved(0x22, 3, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 4));
    assert_both_ways_keep(small.clone(), great.clone(), &great);
    assert_both_ways_keep(great.clone(), small, &great);
}

#[test]
fn the_same_id_and_revision_counts_as_unchanged_and_keeps_the_journals_copy() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let local = saved(0x01, 2, "2026-03-05T09:00:00Z", mood_on("2026-03-05", 2));
    j.merge_mine(&file_of(std::slice::from_ref(&local), &[]))
        .unwrap();
    let same_facts = saved(0x01, 2, "2026-03-09T09:00:00Z", mood_on("2026-03-05", 5));
    assert_eq!(
        j.merge_mine(&file_of(&[same_facts], &[])).unwrap(),
        report(0, 0, 1, 0, false)
    );
    assert_eq!(j.checkin(day("2026-03-05")).unwrap(), Some(local));
}

#[test]
fn reflections_merge_by_week_with_the_same_rule() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let mut first = Reflection::new(day("2026-03-02"));
    first.talk_safety = Some(4);
    let local = saved(0x01, 1, "2026-03-06T09:00:00Z", first);
    j.merge_mine(&file_of(&[], std::slice::from_ref(&local)))
        .unwrap();

    let mut second = Reflection::new(day("2026-03-02"));
    second.talk_safety = Some(2);
    second.note = "Calmer".to_string();
    let newer = saved(0x02, 2, "2026-03-08T09:00:00Z", second);
    let other_week = saved(
        0x03,
        1,
        "2026-03-01T09:00:00Z",
        Reflection::new(day("2026-02-23")),
    );
    assert_eq!(
        j.merge_mine(&file_of(&[], &[newer.clone(), other_week.clone()]))
            .unwrap(),
        report(1, 1, 0, 0, false)
    );
    assert_eq!(
        j.reflections(None, None).unwrap(),
        vec![other_week, newer.clone()]
    );
    assert_eq!(
        j.merge_mine(&file_of(&[], &[local])).unwrap(),
        report(0, 0, 0, 1, false)
    );
    assert_eq!(j.reflection(day("2026-03-04")).unwrap(), Some(newer));
}

#[test]
fn settings_are_taken_from_the_file_only_by_a_journal_without_entries() {
    let sunday_file = document(
        "sunday",
        &[saved(
            0x01,
            1,
            "2026-03-05T09:00:00Z",
            mood_on("2026-03-05", 3),
        )],
        &[],
    )
    .to_string();

    let (_fx, mut empty) = Fixture::new(Methods::DeviceOnly);
    assert_eq!(
        empty.merge_mine(&sunday_file).unwrap(),
        report(1, 0, 0, 0, true)
    );
    assert_eq!(empty.settings().unwrap().week_start, WeekStart::Sunday);

    let (_fx, mut used) = Fixture::new(Methods::DeviceOnly);
    used.save_checkin(mood_on("2026-03-01", 3)).unwrap();
    assert_eq!(
        used.merge_mine(&sunday_file).unwrap(),
        report(1, 0, 0, 0, false)
    );
    assert_eq!(used.settings().unwrap().week_start, WeekStart::Monday);
}

// ---------------------------------------------------------------------------
// Validation

/// A valid file: three check-ins (the last for tomorrow, which is allowed)
/// and two reflections.
fn valid_doc() -> Value {
    let mut full = mood_on("2026-03-02", 3);
    full.behaviours = vec![Behaviour::AskToTalk];
    full.closeness = Some(Closeness {
        rating: Some(3),
        words: vec![ClosenessWord::Warm],
    });
    document(
        "monday",
        &[
            saved(0x01, 1, "2026-03-01T20:00:00Z", mood_on("2026-03-01", 2)),
            saved(0x02, 2, "2026-03-02T20:00:00Z", full),
            saved(0x03, 1, "2026-03-10T23:00:00Z", mood_on("2026-03-11", 4)),
        ],
        &[
            saved(
                0x04,
                1,
                "2026-03-01T10:00:00Z",
                Reflection::new(day("2026-02-23")),
            ),
            saved(
                0x05,
                1,
                "2026-03-09T10:00:00Z",
                Reflection::new(day("2026-03-09")),
            ),
        ],
    )
}

/// Sets the value at `pointer`, adding the key when its object lacks it.
fn set(doc: &mut Value, pointer: &str, value: Value) {
    if let Some(slot) = doc.pointer_mut(pointer) {
        *slot = value;
        return;
    }
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = if parent.is_empty() {
        &mut *doc
    } else {
        doc.pointer_mut(parent)
            .unwrap_or_else(|| panic!("{parent} in the test document"))
    };
    parent
        .as_object_mut()
        .unwrap()
        .insert(key.to_string(), value);
}

fn remove(doc: &mut Value, pointer: &str) {
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let parent = if parent.is_empty() {
        &mut *doc
    } else {
        doc.pointer_mut(parent).unwrap()
    };
    parent.as_object_mut().unwrap().remove(key).unwrap();
}

type Change = Box<dyn Fn(&mut Value)>;

fn to(pointer: &'static str, value: Value) -> Change {
    Box::new(move |d| set(d, pointer, value.clone()))
}

fn without(pointer: &'static str) -> Change {
    Box::new(move |d| remove(d, pointer))
}

#[test]
fn the_valid_test_file_imports_with_tomorrows_check_in() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    assert_eq!(
        j.import_json(&valid_doc().to_string()).unwrap(),
        report(5, 0, 0, 0, true)
    );
    assert!(j.checkin(day("2026-03-11")).unwrap().is_some());
}

#[test]
fn a_malformed_file_is_refused_whole_with_the_path_and_reason_of_its_problem() {
    let cases: Vec<(Change, &str)> = vec![
        (
            to("/checkins/1/mood", json!(6)),
            "checkins[1].mood: must be a whole number from 1 to 5",
        ),
        (
            to("/checkins/1/mood", json!("3")),
            "checkins[1].mood: must be a whole number from 1 to 5",
        ),
        (
            to("/checkins/0/intensity", json!(11)),
            "checkins[0].intensity: must be a whole number from 0 to 10",
        ),
        (
            to("/checkins/0/intensity", json!(2.5)),
            "checkins[0].intensity: must be a whole number from 0 to 10",
        ),
        (without("/checkins/2/mood"), "checkins[2].mood: is missing"),
        (
            to("/checkins/2/date", json!("2026-03-12")),
            "checkins[2].date: is later than tomorrow",
        ),
        (
            to("/checkins/0/date", json!("2026-02-30")),
            "checkins[0].date: must be a calendar date written YYYY-MM-DD",
        ),
        (
            to("/checkins/0/date", json!("2026-3-01 ")),
            "checkins[0].date: must be a calendar date written YYYY-MM-DD",
        ),
        (
            to("/checkins/0/date", json!("2026-03-01T00:00:00Z")),
            "checkins[0].date: must be a calendar date written YYYY-MM-DD",
        ),
        (
            to("/checkins/0/date", json!("1899-12-31")),
            "checkins[0].date: is earlier than 1900",
        ),
        (
            to("/checkins/1/date", json!("2026-03-01")),
            "checkins[1].date: is the same day as checkins[0]; a file holds one entry per author and day",
        ),
        (
            to("/checkins/2/id", json!("01010101010101010101010101010101")),
            "checkins[2].id: is the same id as checkins[0]",
        ),
        (
            to("/checkins/0/id", json!("0123")),
            "checkins[0].id: must be 32 hexadecimal digits",
        ),
        (
            to("/checkins/0/id", json!("0g010101010101010101010101010101")),
            "checkins[0].id: must be 32 hexadecimal digits",
        ),
        (
            to("/checkins/0/revision", json!(0)),
            "checkins[0].revision: must be a whole number from 1 to 1000000000",
        ),
        (
            to("/checkins/0/revision", json!(4_294_967_296u64)),
            "checkins[0].revision: must be a whole number from 1 to 1000000000",
        ),
        (
            // The highest a u32 holds: an entry there could never be edited.
            to("/checkins/0/revision", json!(4_294_967_295u64)),
            "checkins[0].revision: must be a whole number from 1 to 1000000000",
        ),
        (
            to("/checkins/0/saved_at", json!("2026-03-10 12:00:00")),
            "checkins[0].saved_at: must be a date and time in RFC 3339 form, such as 2026-03-10T12:00:00Z",
        ),
        (
            to("/checkins/0/author", json!("them")),
            "checkins[0].author: must be me or partner",
        ),
        (
            to("/checkins/0/my_move", json!("chased")),
            "checkins[0].my_move: must be a known move code (see the vocabulary: tandem vocab)",
        ),
        (
            to("/checkins/0/partner_move", json!("Withdrew")),
            "checkins[0].partner_move: must be a known partner_move code (see the vocabulary: tandem vocab)",
        ),
        (
            to(
                "/checkins/0/behaviours",
                json!(["ask_to_talk", "ask_to_talk"]),
            ),
            "checkins[0].behaviours[1]: repeats a code listed before it",
        ),
        (
            to("/checkins/0/feelings", json!("anxious")),
            "checkins[0].feelings: must be a list of feeling codes",
        ),
        (
            to("/checkins/0/skills", json!([1])),
            "checkins[0].skills[0]: must be a known skill code (see the vocabulary: tandem vocab)",
        ),
        (
            to("/checkins/1/closeness/rating", json!(0)),
            "checkins[1].closeness.rating: must be a whole number from 1 to 5",
        ),
        (
            to("/checkins/1/closeness/words", json!(["warm", "nope"])),
            "checkins[1].closeness.words[1]: must be a known closeness code (see the vocabulary: tandem vocab)",
        ),
        (
            to("/checkins/1/closeness", json!("warm")),
            "checkins[1].closeness: must be an object",
        ),
        (
            to("/checkins/1/closeness/hug", json!(1)),
            "checkins[1].closeness: holds a field that schema version 2 does not define",
        ),
        (
            to("/checkins/0/note", json!("x".repeat(20_001))),
            "checkins[0].note: is longer than 20000 characters",
        ),
        (
            to("/checkins/0/note", json!(5)),
            "checkins[0].note: must be text (a JSON string)",
        ),
        (
            to("/checkins/0/mood2", json!(3)),
            "checkins[0]: holds a field that schema version 2 does not define",
        ),
        (
            to("/checkins/1", json!(7)),
            "checkins[1]: must be an object",
        ),
        (to("/checkins", json!({})), "checkins: must be a list"),
        (without("/reflections"), "reflections: is missing"),
        (
            to("/reflections/1/week_start", json!("2026-03-10")),
            "reflections[1].week_start: must be a Monday",
        ),
        (
            to("/reflections/1/week_start", json!("2026-03-16")),
            "reflections[1].week_start: is later than tomorrow",
        ),
        (
            to("/reflections/1/week_start", json!("2026-02-23")),
            "reflections[1].week_start: is the same week as reflections[0]; a file holds one entry per author and week",
        ),
        (
            to("/reflections/0/talk_safety", json!(6)),
            "reflections[0].talk_safety: must be a whole number from 1 to 5",
        ),
        (
            to("/reflections/0/felt_chased", json!("us")),
            "reflections[0].felt_chased: must be a known who code (see the vocabulary: tandem vocab)",
        ),
        (
            to("/reflections/0/needing_space", json!("y".repeat(20_001))),
            "reflections[0].needing_space: is longer than 20000 characters",
        ),
        (
            to("/settings/week_start", json!("tuesday")),
            "settings.week_start: must be monday or sunday",
        ),
        (to("/settings", json!([])), "settings: must be an object"),
        (
            to("/format", json!("tandem-backup")),
            "format: is not \"tandem-export\" (this is not a Tandem export)",
        ),
        (
            without("/format"),
            "format: is missing (this is not a Tandem export)",
        ),
        (
            to("/schema_version", json!(0)),
            "schema_version: must be a whole number from 1 to 2",
        ),
        (
            to("/schema_version", json!("1")),
            "schema_version: must be a whole number from 1 to 2",
        ),
        (without("/schema_version"), "schema_version: is missing"),
        (
            to("/exported_at", json!("yesterday")),
            "exported_at: must be a date and time in RFC 3339 form, such as 2026-03-10T12:00:00Z",
        ),
        (
            to("/comment", json!("hi")),
            "the document: holds a field that schema version 2 does not define",
        ),
        // Two problems: the first in the file's order is named.
        (
            Box::new(|d| {
                set(d, "/checkins/2/mood", json!(0));
                set(d, "/checkins/0/mood", json!(9));
            }),
            "checkins[0].mood: must be a whole number from 1 to 5",
        ),
        (
            Box::new(|d| {
                set(d, "/reflections/0/talk_safety", json!(0));
                set(d, "/settings/week_start", json!("someday"));
            }),
            "settings.week_start: must be monday or sunday",
        ),
        (
            Box::new(|d| {
                set(d, "/checkins/0/mood", json!(0));
                set(d, "/checkins/0/id", json!(""));
            }),
            "checkins[0].id: must be 32 hexadecimal digits",
        ),
    ];

    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.save_checkin(mood_on("2026-03-05", 3)).unwrap();
    let before = (listing(&j), files(&fx));
    for (change, want) in cases {
        let mut doc = valid_doc();
        change(&mut doc);
        for text in [doc.to_string(), serde_json::to_string_pretty(&doc).unwrap()] {
            match import_error(&mut j, &text) {
                Error::InvalidInput { field, reason } => {
                    assert_eq!(field, Field::Import);
                    assert_eq!(reason, want);
                }
                other => panic!("{want}: {other:?}"),
            }
        }
        assert_eq!(listing(&j), before.0, "{want}");
    }
    assert_same_files(&before.1, &files(&fx));
}

#[test]
fn text_that_is_not_a_json_object_is_refused_with_its_line_and_column() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let cases = [
        ("", "line 1, column 0: not valid JSON (it ends too early)"),
        (
            "{\n  \"format\": ",
            "line 2, column 12: not valid JSON (it ends too early)",
        ),
        (
            "{\"format\": \"tandem-export\",}",
            "line 1, column 28: not valid JSON (a syntax error)",
        ),
        (
            "[]",
            "the document: must be a JSON object (this is not a Tandem export)",
        ),
        (
            "\"tandem-export\"",
            "the document: must be a JSON object (this is not a Tandem export)",
        ),
        ("{} {}", "line 1, column 4: not valid JSON (a syntax error)"),
    ];
    for (text, want) in cases {
        assert_eq!(
            import_error(&mut j, text).to_string(),
            format!("invalid import: {want}"),
            "{text:?}"
        );
    }
}

#[test]
fn error_reasons_name_the_path_and_never_repeat_a_value_or_key_from_the_file() {
    const CANARY: &str = "CANARY-my-secret-7f3a";
    let canary = || json!(CANARY);
    let cases: Vec<(Change, &str)> = vec![
        (to("/checkins/0/mood", canary()), "checkins[0].mood"),
        (
            to("/checkins/0/mood", json!(987_654_321)),
            "checkins[0].mood",
        ),
        (
            to("/checkins/0/intensity", json!(-987_654_321)),
            "checkins[0].intensity",
        ),
        (to("/checkins/0/date", canary()), "checkins[0].date"),
        (to("/checkins/0/id", canary()), "checkins[0].id"),
        (to("/checkins/0/revision", canary()), "checkins[0].revision"),
        (
            to("/checkins/0/revision", json!(987_654_321_987u64)),
            "checkins[0].revision",
        ),
        (to("/checkins/0/saved_at", canary()), "checkins[0].saved_at"),
        (to("/checkins/0/author", canary()), "checkins[0].author"),
        (to("/checkins/0/my_move", canary()), "checkins[0].my_move"),
        (
            to("/checkins/0/behaviours", json!([CANARY])),
            "checkins[0].behaviours[0]",
        ),
        (to("/checkins/0/note", json!([CANARY])), "checkins[0].note"),
        (
            to("/checkins/0/note", json!(CANARY.repeat(1000))),
            "checkins[0].note",
        ),
        (
            to("/checkins/1/closeness/words", json!([CANARY])),
            "checkins[1].closeness.words[0]",
        ),
        (
            to("/checkins/0/CANARY-my-secret-7f3a", json!(1)),
            "checkins[0]",
        ),
        (
            to("/reflections/0/week_start", canary()),
            "reflections[0].week_start",
        ),
        (
            to("/reflections/0/shuts_down", canary()),
            "reflections[0].shuts_down",
        ),
        (
            to("/reflections/0/note", json!({ "text": CANARY })),
            "reflections[0].note",
        ),
        (to("/settings/week_start", canary()), "settings.week_start"),
        (to("/settings", canary()), "settings"),
        (to("/checkins", canary()), "checkins"),
        (to("/exported_at", canary()), "exported_at"),
        (to("/format", canary()), "format"),
        (to("/schema_version", canary()), "schema_version"),
        (to("/schema_version", json!(987_654_321)), "schema_version"),
        (to("/CANARY-my-secret-7f3a", json!(1)), "the document"),
    ];
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    for (change, path) in cases {
        let mut doc = valid_doc();
        change(&mut doc);
        let err = import_error(&mut j, &doc.to_string());
        assert!(
            err.to_string()
                .starts_with(&format!("invalid import: {path}: ")),
            "{err}"
        );
        assert_no_user_content(&err, &[CANARY, "987654321", "CANARY"]);
    }
    // Text that is not JSON at all, with the canary at or near the fault.
    for text in [
        format!("{{\"format\": \"{CANARY}"),
        format!("{{\"format\": \"{CANARY}\\q\"}}"),
        format!("{{\"format\": {CANARY}}}"),
        CANARY.to_string(),
        format!("{{\"{CANARY}\": 1}}"),
        "{\"format\": 987654321e999999}".to_string(),
    ] {
        let err = import_error(&mut j, &text);
        assert_no_user_content(&err, &[CANARY, "CANARY", "987654321"]);
    }
    assert!(j.checkins(None, None).unwrap().is_empty());
}

#[test]
fn a_file_from_a_newer_schema_version_is_refused_and_changes_nothing() {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.save_checkin(mood_on("2026-03-05", 3)).unwrap();
    let before = (listing(&j), files(&fx));
    let mut doc = valid_doc();
    // A newer version may well add fields; the version is what is named.
    set(&mut doc, "/schema_version", json!(3));
    set(&mut doc, "/partner_key", json!("..."));
    set(&mut doc, "/checkins/0/pause_minutes", json!(20));
    let err = import_error(&mut j, &doc.to_string());
    assert_eq!(
        err.to_string(),
        "invalid import: schema_version: the file comes from a newer version of Tandem \
         (this one reads schema version 2); update Tandem to import it"
    );
    assert_eq!(listing(&j), before.0);
    assert_same_files(&before.1, &files(&fx));
}

#[test]
fn an_id_the_journal_holds_for_another_day_is_refused_and_nothing_is_written() {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let local = j.save_checkin(mood_on("2026-03-01", 3)).unwrap();
    let before = (listing(&j), files(&fx));
    let mut moved = saved(0, 1, "2026-03-02T10:00:00Z", mood_on("2026-03-02", 4));
    moved.id = local.id;
    let fine = saved(0x09, 1, "2026-03-03T10:00:00Z", mood_on("2026-03-03", 4));
    let err = j
        .merge_mine(&file_of(&[fine, moved], &[]))
        .expect_err("the moved id was accepted");
    assert_eq!(
        err.to_string(),
        "invalid import: checkins[1].id: the journal already holds this id for another day"
    );
    assert_eq!(listing(&j), before.0);
    assert_same_files(&before.1, &files(&fx));
}

#[test]
fn a_locked_journal_imports_nothing() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.lock();
    assert!(matches!(
        j.import_json(&valid_doc().to_string()),
        Err(Error::Locked)
    ));
    assert!(matches!(j.export_json(), Err(Error::Locked)));
}

// ---------------------------------------------------------------------------
// Truncated and mutated files

/// A journal with a few entries of every kind, and its export.
fn sample_export() -> (Fixture, Journal, String) {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.import_json(&valid_doc().to_string()).unwrap();
    let mut c = mood_on("2026-03-06", 1);
    c.feelings = vec![Feeling::Overwhelmed, Feeling::Trapped];
    c.intensity = Some(9);
    c.repair = Some(Repair::Partly);
    c.note = "«Pause» — 休息 \"then\" \\ back\ttab\u{0}".to_string();
    j.save_checkin(c).unwrap();
    let mut r = Reflection::new(day("2026-03-02"));
    r.raises_concerns = Some(Who::Me);
    r.felt_chased = Some(Who::Partner);
    r.needing_space = "Ten minutes, then tea".to_string();
    j.save_reflection(r).unwrap();
    let text = j.export_json().unwrap();
    (fx, j, text)
}

#[test]
fn every_truncated_prefix_of_an_export_is_refused_without_panicking_or_writing() {
    let (fx, mut j, text) = sample_export();
    let before = (listing(&j), files(&fx));
    let complete = text.trim_end();
    let mut refused = 0;
    for end in (0..text.len()).filter(|i| text.is_char_boundary(*i)) {
        let prefix = &text[..end];
        match j.import_json(prefix) {
            // Only the whole document without its final newline still parses.
            Ok(r) => {
                assert_eq!(prefix, complete);
                assert_eq!(r, report(0, 0, 7, 0, false));
            }
            Err(Error::InvalidInput {
                field: Field::Import,
                ..
            }) => refused += 1,
            Err(other) => panic!("prefix of {end} bytes: {other:?}"),
        }
    }
    // One prefix per character boundary short of the end; all but one refused.
    assert_eq!(refused, text.chars().count() - 1);
    assert_eq!(listing(&j), before.0);
    assert_same_files(&before.1, &files(&fx));
}

/// SplitMix64: a small deterministic generator, so a failure repeats.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(n).unwrap()).unwrap()
    }
}

/// Bytes that make JSON mutations interesting.
const SPICE: &[u8] = b"{}[],:\"\\0123456789-+.eEtrufalsn \n\x00\xff";

fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        if bytes.is_empty() {
            bytes.push(SPICE[rng.below(SPICE.len())]);
            continue;
        }
        let at = rng.below(bytes.len());
        match rng.below(6) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = SPICE[rng.below(SPICE.len())],
            2 => bytes[at] = rng.next().to_le_bytes()[0],
            3 => {
                bytes.remove(at);
            }
            4 => bytes.insert(at, SPICE[rng.below(SPICE.len())]),
            _ => {
                // Repeat a short run of bytes in place.
                let len = 1 + rng.below(16).min(bytes.len() - at - 1);
                let run: Vec<u8> = bytes[at..at + len].to_vec();
                bytes.splice(at..at, run);
            }
        }
    }
}

#[test]
fn thousands_of_byte_mutated_exports_never_panic_and_a_refused_one_changes_nothing() {
    let (fx, mut j, text) = sample_export();
    let mut rng = Rng(0x7a_6e_de_3e_2c_01);
    let mut state = listing(&j);
    let (mut refused, mut accepted) = (0, 0);
    for case in 0..3000 {
        let mut bytes = text.clone().into_bytes();
        mutate(&mut rng, &mut bytes);
        let mutated = String::from_utf8_lossy(&bytes);
        match j.import_json(&mutated) {
            Ok(_) => {
                accepted += 1;
                state = listing(&j);
            }
            Err(Error::InvalidInput {
                field: Field::Import,
                reason,
            }) => {
                refused += 1;
                assert!(!reason.is_empty());
                assert_eq!(
                    listing(&j),
                    state,
                    "case {case} was refused but changed the journal"
                );
            }
            Err(other) => panic!("case {case}: {other:?}"),
        }
    }
    // Most mutations break the file; some only touch a note or whitespace.
    assert!(refused > 2000, "{refused} refused, {accepted} accepted");
    assert!(accepted > 0, "{refused} refused, {accepted} accepted");
    // Still a sound journal.
    drop(j);
    let j = fx.open_device();
    assert_eq!(listing(&j), state);
}

#[test]
fn the_example_in_the_schema_document_imports_as_described() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/export-schema.md"),
    )
    .unwrap();
    let example = doc
        .split("```json\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a json block in docs/export-schema.md");
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    assert_eq!(j.import_json(example).unwrap(), report(2, 0, 0, 0, true));
    let c = j.checkin(day("2026-03-09")).unwrap().unwrap();
    assert_eq!(c.revision, 2);
    assert_eq!(c.saved_at, instant("2026-03-09T21:14:05.250Z"));
    assert_eq!(c.id.to_string(), "3f0c1b8e5a7d4c2e9b6a1f0d8c7e5a34");
    assert_eq!(
        c.value.behaviours,
        vec![Behaviour::AskToTalk, Behaviour::SeekReassurance]
    );
    let r = j.reflection(day("2026-03-02")).unwrap().unwrap();
    assert_eq!(r.value.talk_safety, Some(4));
    assert_eq!(r.value.felt_chased, Some(Who::Partner));
}

#[test]
fn a_key_given_twice_is_refused_with_its_place_and_changes_nothing() {
    let (fx, mut j) = Fixture::new(Methods::DeviceOnly);
    j.save_checkin(mood_on("2026-03-05", 3)).unwrap();
    let before = (listing(&j), files(&fx));
    let text = valid_doc().to_string();
    // The same field twice in an entry: the second mood would win silently.
    let twice = text.replacen("\"mood\":", "\"mood\":1,\"mood\":", 1);
    assert_ne!(twice, text);
    let err = import_error(&mut j, &twice);
    let message = err.to_string();
    assert!(
        message.starts_with("invalid import: line 1, column ")
            && message.ends_with("a key appears twice in one object"),
        "{message}"
    );
    assert_eq!(listing(&j), before.0);
    assert_same_files(&before.1, &files(&fx));
}

#[test]
fn an_entry_imported_at_the_highest_revision_can_still_be_edited() {
    let (_fx, mut j) = Fixture::new(Methods::DeviceOnly);
    let top = saved(
        0x07,
        tandem_core::entries::MAX_REVISION,
        "2026-03-05T09:00:00Z",
        mood_on("2026-03-05", 2),
    );
    j.import_json(&file_of(&[top], &[])).unwrap();
    let edited = j.save_checkin(mood_on("2026-03-05", 4)).unwrap();
    assert_eq!(edited.revision, tandem_core::entries::MAX_REVISION + 1);
    assert_eq!(j.checkin(day("2026-03-05")).unwrap().unwrap().value.mood, 4);
}
