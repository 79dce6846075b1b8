//! `tandem export` and `tandem import` end to end: a round trip into a new
//! journal, a second import that changes nothing, refusing to overwrite, and
//! a malformed file refused with its path. (Every run derives a 600,000-round
//! key, so the cases are few and each does a lot.)

mod common;

use common::*;

use std::process::Output;

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    o
}

#[test]
fn export_then_import_into_a_new_journal_lists_the_same_and_a_second_import_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tandem");
    let b = dir.path().join("b.tandem");
    let file = dir.path().join("export.json");
    let file_arg = file.to_str().unwrap();
    ok(tandem(&a, &["init"]));
    ok(tandem(
        &a,
        &[
            "checkin",
            "--date",
            "2026-01-05",
            "--mood",
            "2",
            "--me",
            "pursued",
            "--partner",
            "withdrew",
            "--feeling",
            "anxious",
            "--closeness",
            "3",
            "--note",
            "Zweifel 🌧",
        ],
    ));
    ok(tandem(
        &a,
        &["checkin", "--date", "2026-01-06", "--mood", "4"],
    ));
    ok(tandem(
        &a,
        &["checkin", "--date", "2026-01-06", "--mood", "5"],
    )); // revision 2
    ok(tandem(
        &a,
        &["reflect", "--week", "2026-01-07", "--safety", "3"],
    ));
    ok(tandem(&a, &["settings", "--week-start", "sunday"]));

    let export = ok(tandem(&a, &["export", file_arg]));
    let out = stdout(&export);
    assert!(
        out.starts_with("Exported 2 check-ins and 1 reflection to "),
        "{out}"
    );
    assert!(out.contains("NOT encrypted"), "{out}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("\"format\": \"tandem-export\""));
    assert!(text.contains("Zweifel 🌧"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the owner may read the export");
    }

    ok(tandem(&b, &["init"]));
    let first = ok(tandem(&b, &["import", file_arg]));
    assert_eq!(
        stdout(&first),
        format!(
            "Imported {file_arg}: 3 added, 0 updated, 0 unchanged, 0 kept because the journal's \
             entry was newer.\nThe journal had no entries, so it took the file's settings: \
             weeks start on sunday.\n"
        )
    );
    let list_a = ok(tandem(&a, &["list"])).stdout;
    let list_b = ok(tandem(&b, &["list"])).stdout;
    assert_eq!(list_b, list_a);
    assert_eq!(
        ok(tandem(&b, &["show", "2026-01-06"])).stdout,
        ok(tandem(&a, &["show", "2026-01-06"])).stdout,
        "the revision came along too"
    );
    let reflections_b = ok(tandem(&b, &["reflections"])).stdout;
    assert_eq!(reflections_b, ok(tandem(&a, &["reflections"])).stdout);

    let second = ok(tandem(&b, &["import", file_arg]));
    assert_eq!(
        stdout(&second),
        format!(
            "Imported {file_arg}: 0 added, 0 updated, 3 unchanged, 0 kept because the journal's \
             entry was newer.\n"
        )
    );
    assert_eq!(ok(tandem(&b, &["list"])).stdout, list_b);
    assert_eq!(ok(tandem(&b, &["reflections"])).stdout, reflections_b);
}

#[test]
fn export_keeps_an_existing_file_unless_forced_and_a_bad_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j.tandem");
    let file = dir.path().join("mine.json");
    let file_arg = file.to_str().unwrap();
    ok(tandem(&journal, &["init"]));
    ok(tandem(
        &journal,
        &["checkin", "--date", "2026-01-05", "--mood", "3"],
    ));

    std::fs::write(&file, b"precious").unwrap();
    assert_one_line_failure(&tandem(&journal, &["export", file_arg]), 1, "--force");
    assert_eq!(std::fs::read(&file).unwrap(), b"precious");
    ok(tandem(&journal, &["export", file_arg, "--force"]));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\n  \"format\": \"tandem-export\""));

    // The mood made a word: refused by its path, the word never repeated.
    let bad = text.replacen("\"mood\": 3", "\"mood\": \"secret-canary\"", 1);
    assert_ne!(bad, text);
    std::fs::write(&file, bad).unwrap();
    let list = ok(tandem(&journal, &["list"])).stdout;
    let refused = tandem(&journal, &["import", file_arg]);
    assert_one_line_failure(
        &refused,
        1,
        "checkins[0].mood: must be a whole number from 1 to 5; nothing was changed",
    );
    assert!(!stderr(&refused).contains("secret-canary"));
    assert_eq!(ok(tandem(&journal, &["list"])).stdout, list);
}

#[test]
fn my_partners_export_is_refused_until_named_and_then_kept_apart_from_my_own() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tandem");
    let b = dir.path().join("b.tandem");
    let file = dir.path().join("a.json");
    let file_arg = file.to_str().unwrap();
    let day = ["--date", "2026-01-05"];
    ok(tandem(&a, &["init"]));
    ok(tandem(
        &a,
        &[&["checkin"], &day[..], &["--mood", "2"]].concat(),
    ));
    ok(tandem(&a, &["export", file_arg]));
    ok(tandem(&b, &["init"]));
    ok(tandem(
        &b,
        &[&["checkin"], &day[..], &["--mood", "5"]].concat(),
    ));
    let shown = ok(tandem(&b, &["show", "2026-01-05"])).stdout;

    // Not said whose it is: refused, one line, nothing changed.
    let refused = tandem(&b, &["import", file_arg]);
    assert_one_line_failure(&refused, 1, "--partner");
    assert_eq!(ok(tandem(&b, &["show", "2026-01-05"])).stdout, shown);

    // As my partner's: added as theirs; my own day is as it was.
    let imported = ok(tandem(&b, &["import", file_arg, "--partner"]));
    assert!(
        stdout(&imported).contains("1 added"),
        "{}",
        stdout(&imported)
    );
    assert_eq!(ok(tandem(&b, &["show", "2026-01-05"])).stdout, shown);
    assert!(stdout(&ok(tandem(&b, &["show", "2026-01-05"]))).contains("Mood        5/5"));
    let theirs = stdout(&ok(tandem(&b, &["list", "--partners"])));
    assert!(theirs.starts_with("Your partner's check-ins"), "{theirs}");
    assert!(theirs.contains("2026-01-05  mood 2"), "{theirs}");
    let mine = stdout(&ok(tandem(&b, &["list"])));
    assert!(
        mine.contains("2026-01-05  mood 5") && !mine.contains("mood 2"),
        "{mine}"
    );
}
