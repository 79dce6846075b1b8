//! Days, weeks and ranges the CLI accepts are bounded: a day far outside
//! any journal is a usage error, never a panic; a range or a pattern over a
//! hundred years is refused instead of filling memory.

mod common;

use common::*;

#[test]
fn far_days_long_ranges_and_many_weeks_are_one_line_each() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("j.tandem");
    assert!(tandem(&j, &["init"]).status.success());
    let out = dir.path().join("s.html");
    let out = out.to_str().unwrap();
    for args in [
        vec!["week", "--date=+262142-12-31"],
        vec!["week", "--date=-262143-01-01"],
        vec!["list", "--from=1899-12-31"],
        vec!["summary", "--to=+262142-12-31", "--out", out],
    ] {
        assert_one_line_failure(&tandem(&j, &args), 2, "from 1900-01-01 to 9999-12-31");
    }
    assert_one_line_failure(
        &tandem(&j, &["pattern", "--until=10000-01-01"]),
        2,
        "YYYY-MM-DD",
    );
    // The last day accepted still works.
    let last = tandem(&j, &["week", "--date=9999-12-31"]);
    assert!(last.status.success(), "{}", stderr(&last));
    assert_one_line_failure(
        &tandem(
            &j,
            &[
                "summary",
                "--from=1900-01-01",
                "--to=2026-12-01",
                "--out",
                out,
            ],
        ),
        1,
        "more than a hundred years",
    );
    assert!(!std::path::Path::new(out).exists());
}

#[test]
fn check_says_the_journal_is_whole_or_how_many_records_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("j.tandem");
    assert!(tandem(&j, &["init"]).status.success());
    let day = ["checkin", "--date", "2026-01-05", "--mood", "3"];
    assert!(tandem(&j, &day).status.success());
    let whole = tandem(&j, &["check"]);
    assert!(whole.status.success(), "{}", stderr(&whole));
    // The check-in, and the journal's own id record.
    assert_eq!(
        stdout(&whole),
        "The journal is whole: 2 records, every one opens.\n"
    );

    // One flipped byte of the check-in's ciphertext, through plain SQL.
    let conn = rusqlite::Connection::open(&j).unwrap();
    let (id, mut sealed): (Vec<u8>, Vec<u8>) = conn
        .query_row("SELECT id, sealed FROM checkins", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    sealed[0] ^= 1;
    conn.execute(
        "UPDATE checkins SET sealed = ?1 WHERE id = ?2",
        rusqlite::params![sealed, id],
    )
    .unwrap();
    drop(conn);
    assert_one_line_failure(&tandem(&j, &["check"]), 1, "1 of 2 records cannot be read");

    // The export says so, and --salvage exports what can be read.
    assert!(
        tandem(&j, &["checkin", "--date", "2026-01-06", "--mood", "4"])
            .status
            .success()
    );
    let out = dir.path().join("sound.json");
    let out_arg = out.to_str().unwrap();
    assert_one_line_failure(&tandem(&j, &["export", out_arg]), 1, "--salvage");
    assert!(!out.exists());
    let salvaged = tandem(&j, &["export", out_arg, "--salvage"]);
    assert!(salvaged.status.success(), "{}", stderr(&salvaged));
    assert!(stdout(&salvaged).contains("1 record that cannot be read was left out"));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(
        text.contains("2026-01-06") && !text.contains("2026-01-05"),
        "{text}"
    );
}
