//! The `tandem` binary end to end: the demo, listing, bad input and exit codes.

mod common;

use common::*;

use std::process::Command;

use tandem_core::demo::{DEMO_SEED, generate};
use tandem_core::{Journal, Unlock};

#[test]
fn demo_then_list_prints_every_generated_day_and_is_the_same_every_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.tandem");
    let demo = tandem(&path, &["demo", "--end", "2026-06-30"]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let expected = generate(DEMO_SEED, "2026-06-30".parse().unwrap(), 26);
    assert!(stdout(&demo).contains(&format!("{} check-ins", expected.checkins.len())));
    assert!(stdout(&demo).contains("26 weekly reflections"));

    let list = tandem(&path, &["list"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let days: Vec<String> = stdout(&list)
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect();
    let want: Vec<String> = expected
        .checkins
        .iter()
        .map(|c| c.date.to_string())
        .collect();
    assert_eq!(days, want);
    // 26 weeks ending 2026-06-30 start on 2025-12-31.
    assert!(days.first().unwrap().as_str() >= "2025-12-31");

    // Again, with --force over the same file: the same journal.
    let again = tandem(&path, &["demo", "--end", "2026-06-30", "--force"]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(stdout(&tandem(&path, &["list"])), stdout(&list));
}

#[test]
fn demo_refuses_to_replace_a_file_named_by_journal_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.tandem");
    std::fs::write(&path, b"precious").unwrap();
    let o = tandem(&path, &["demo"]);
    assert_one_line_failure(&o, 1, "--force");
    assert_eq!(std::fs::read(&path).unwrap(), b"precious");
}

/// The product's passphrase KDF, written out by hand.
const ARGON2ID: tandem_core::Kdf = tandem_core::Kdf::Argon2id {
    memory_kib: 65_536,
    passes: 3,
    lanes: 1,
};

#[test]
fn journals_made_by_the_cli_use_argon2id_at_64_mib_and_3_passes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    let init = tandem(&path, &["init"]);
    assert!(init.status.success(), "{}", stderr(&init));
    let j = Journal::open(&path, Unlock::passphrase(PASS).unwrap()).unwrap();
    assert_eq!(j.passphrase_kdf().unwrap(), Some(ARGON2ID));
    drop(j);
    let demo_path = dir.path().join("d.tandem");
    assert!(tandem(&demo_path, &["demo"]).status.success());
    let d = Journal::open(&demo_path, Unlock::passphrase(PASS).unwrap()).unwrap();
    assert_eq!(d.passphrase_kdf().unwrap(), Some(ARGON2ID));
}

#[test]
fn init_prints_a_recovery_code_that_opens_the_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    let init = tandem(&path, &["init"]);
    let out = stdout(&init);
    // The code is the one line of 14 dash-separated groups of four.
    let code = out
        .lines()
        .map(str::trim)
        .find(|l| l.split('-').count() == 14 && l.split('-').all(|g| g.len() == 4))
        .expect("a recovery code line");
    assert!(Journal::open(&path, Unlock::recovery_code(code).unwrap()).is_ok());

    // The CLI opens it with the code too, and can set a new passphrase with it.
    let o = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--journal", path.to_str().unwrap(), "passphrase"])
        .env("TANDEM_RECOVERY_CODE", code)
        .env("TANDEM_NEW_PASSPHRASE", "a brand new passphrase")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(Journal::open(&path, Unlock::passphrase("a brand new passphrase").unwrap()).is_ok());
    assert!(Journal::open(&path, Unlock::passphrase(PASS).unwrap()).is_err());
}

#[test]
fn checkin_show_and_delete_round_trip_every_flag() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    let save = tandem(
        &path,
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
            "--behaviour",
            "ask_to_talk,seek_reassurance",
            "--feeling",
            "anxious",
            "--feeling",
            "alone",
            "--intensity",
            "7",
            "--skill",
            "regulate",
            "--repair",
            "not_yet",
            "--closeness",
            "2",
            "--closeness-word",
            "tense",
            "--note",
            "Zweifel 🌧 quiet dinner",
        ],
    );
    assert!(save.status.success(), "{}", stderr(&save));
    assert_eq!(stdout(&save), "Saved the check-in for 2026-01-05.\n");

    let show = stdout(&tandem(&path, &["show", "2026-01-05"]));
    for want in [
        "Monday 5 January 2026  (revision 1)",
        "Mood        2/5",
        "Intensity   7/10",
        "Asked if we could talk; Looked for reassurance or a clear answer",
        "Anxious; Alone in caring about us",
        "Repair      Not yet",
        "Closeness   2/5  Tense",
        "  Zweifel 🌧 quiet dinner",
    ] {
        assert!(show.contains(want), "{want:?} in\n{show}");
    }

    let again = tandem(&path, &["checkin", "--date", "2026-01-05", "--mood", "4"]);
    assert_eq!(stdout(&again), "Replaced the check-in for 2026-01-05.\n");
    assert!(stdout(&tandem(&path, &["show", "2026-01-05"])).contains("(revision 2)"));

    assert!(tandem(&path, &["delete", "2026-01-05"]).status.success());
    assert_one_line_failure(
        &tandem(&path, &["show", "2026-01-05"]),
        1,
        "no check-in for 2026-01-05",
    );
    assert_one_line_failure(&tandem(&path, &["delete", "2026-01-05"]), 1, "no check-in");
}

#[test]
fn reflect_saves_the_week_under_its_monday() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    // 2026-01-08 is a Thursday; its week began Monday 2026-01-05.
    let o = tandem(
        &path,
        &[
            "reflect",
            "--week",
            "2026-01-08",
            "--raises",
            "me",
            "--shuts-down",
            "partner",
            "--safety",
            "4",
            "--chased",
            "partner",
            "--space",
            "I follow them",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let all = stdout(&tandem(&path, &["reflections"]));
    assert!(
        all.starts_with("Week of 5 January 2026  (revision 1)"),
        "{all}"
    );
    assert!(all.contains("Who shut down or walked away:  My partner"));
    assert!(all.contains("  I follow them"));
}

#[test]
fn bad_flags_give_one_line_and_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    let before = std::fs::read(&path).unwrap();
    assert_one_line_failure(&tandem(&path, &["checkin", "--mood", "6"]), 2, "--mood");
    assert_one_line_failure(&tandem(&path, &["checkin"]), 2, "--mood");
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--me", "sulked"]),
        2,
        "--me",
    );
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--skill", "nope"]),
        2,
        "--skill",
    );
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--date", "2026-02-30"]),
        2,
        "--date",
    );
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--intensity", "11"]),
        2,
        "--intensity",
    );
    assert_one_line_failure(
        &tandem(&path, &["list", "--from", "last week"]),
        2,
        "--from",
    );
    assert_one_line_failure(&tandem(&path, &["frobnicate"]), 2, "frobnicate");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}

#[test]
fn refused_input_and_wrong_keys_give_one_line_and_exit_code_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--date", "2999-01-01"]),
        1,
        "date",
    );
    let long = "x".repeat(20_001);
    assert_one_line_failure(
        &tandem(&path, &["checkin", "--mood", "3", "--note", &long]),
        1,
        "note",
    );

    let wrong = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--journal", path.to_str().unwrap(), "list"])
        .env("TANDEM_PASSPHRASE", "not the passphrase")
        .output()
        .unwrap();
    assert_one_line_failure(&wrong, 1, "passphrase does not open");

    let typo = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["--journal", path.to_str().unwrap(), "list"])
        .env(
            "TANDEM_RECOVERY_CODE",
            "0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0000-0001",
        )
        .output()
        .unwrap();
    assert_one_line_failure(&typo, 1, "checksum");

    let missing = dir.path().join("nothing-here.tandem");
    assert_one_line_failure(&tandem(&missing, &["list"]), 1, "tandem init");
    assert!(!missing.exists());

    let not_journal = dir.path().join("notes.txt");
    std::fs::write(
        &not_journal,
        "just some text, not a journal at all.........",
    )
    .unwrap();
    assert_one_line_failure(&tandem(&not_journal, &["list"]), 1, "not a Tandem journal");

    assert_one_line_failure(&tandem(&path, &["init"]), 1, "already exists");
}

#[cfg(unix)]
#[test]
fn a_new_journal_is_readable_by_its_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn week_pattern_chart_and_settings_agree_with_the_generated_days() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.tandem");
    assert!(
        tandem(&path, &["demo", "--end", "2026-06-30"])
            .status
            .success()
    );
    let generated = generate(DEMO_SEED, "2026-06-30".parse().unwrap(), 26).checkins;
    let logged_between = |from: &str, to: &str| {
        generated
            .iter()
            .filter(|c| c.date.to_string().as_str() >= from && c.date.to_string().as_str() <= to)
            .count()
    };

    // Wednesday 24 June 2026: its Monday week runs 22–28 June.
    let week = stdout(&tandem(&path, &["week", "--date", "2026-06-24"]));
    assert!(
        week.starts_with("Week of Monday 22 June 2026 to Sunday 28 June\n"),
        "{week}"
    );
    let n = logged_between("2026-06-22", "2026-06-28");
    assert!(
        week.contains(&format!("Days logged      {n} of 7\n")),
        "{week}"
    );

    // Twelve weeks ending with the week of Monday 29 June: 29 June less
    // eleven weeks is Monday 13 April.
    let pattern = stdout(&tandem(
        &path,
        &["pattern", "--weeks", "12", "--until", "2026-06-30"],
    ));
    let rows: Vec<&str> = pattern.lines().skip(2).take(12).collect();
    assert!(rows[0].starts_with("13 Apr 2026"), "{pattern}");
    assert!(rows[11].starts_with("29 Jun 2026"), "{pattern}");
    let monday = chrono::NaiveDate::from_ymd_opt(2026, 4, 13).unwrap();
    for (i, row) in rows.iter().enumerate() {
        // The "Me" column has one mark a day logged.
        let from = monday + chrono::Days::new(7 * i as u64);
        let to = from + chrono::Days::new(6);
        let marks = row
            .chars()
            .skip(13)
            .take(7)
            .filter(|c| "█▒▚░".contains(*c))
            .count();
        assert_eq!(
            marks,
            logged_between(&from.to_string(), &to.to_string()),
            "{row}"
        );
    }
    assert!(
        pattern.lines().any(|l| l.starts_with("• Cycle days")),
        "{pattern}"
    );

    let svg_path = dir.path().join("chart.svg");
    let chart = tandem(
        &path,
        &[
            "chart",
            "--weeks",
            "12",
            "--until",
            "2026-06-30",
            "--out",
            svg_path.to_str().unwrap(),
        ],
    );
    assert!(chart.status.success(), "{}", stderr(&chart));
    let svg = std::fs::read_to_string(&svg_path).unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    // Three charts, twelve week groups each.
    assert_eq!(svg.matches("class=\"week\"").count(), 36);

    let set = tandem(&path, &["settings", "--week-start", "sunday"]);
    assert_eq!(stdout(&set), "Weeks start on sunday.\n");
    let week = stdout(&tandem(&path, &["week", "--date", "2026-06-24"]));
    assert!(
        week.starts_with("Week of Sunday 21 June 2026 to Saturday 27 June\n"),
        "{week}"
    );
    let n = logged_between("2026-06-21", "2026-06-27");
    assert!(
        week.contains(&format!("Days logged      {n} of 7\n")),
        "{week}"
    );
    assert_eq!(
        stdout(&tandem(&path, &["settings"])),
        "Weeks start on sunday.\n"
    );
    assert_one_line_failure(
        &tandem(&path, &["settings", "--week-start", "friday"]),
        2,
        "--week-start",
    );
}

#[test]
fn summary_writes_html_and_json_and_keeps_notes_out_unless_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    let save = tandem(
        &path,
        &[
            "checkin",
            "--date",
            "2026-03-02",
            "--mood",
            "2",
            "--me",
            "pursued",
            "--partner",
            "withdrew",
            "--note",
            "LAPWING private",
        ],
    );
    assert!(save.status.success(), "{}", stderr(&save));
    let html = dir.path().join("s.html");
    let json = dir.path().join("s.json");
    let o = tandem(
        &path,
        &[
            "summary",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-31",
            "--out",
            html.to_str().unwrap(),
            "--json",
            json.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("1 March 2026 to 31 March 2026"));
    assert!(!page.contains("LAPWING"));
    assert!(
        std::fs::read_to_string(&json)
            .unwrap()
            .contains("\"schema_version\": 1")
    );

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for f in [&html, &json] {
            let mode = std::fs::metadata(f).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "only the owner may read a summary");
        }
    }
    let notes = [
        "summary",
        "--from",
        "2026-03-01",
        "--to",
        "2026-03-31",
        "--sections",
        "notes",
        "--out",
        html.to_str().unwrap(),
    ];
    // An existing file is kept unless --force says to replace it.
    let before = std::fs::read(&html).unwrap();
    assert_one_line_failure(&tandem(&path, &notes), 1, "--force");
    assert_eq!(std::fs::read(&html).unwrap(), before);
    // The journal itself is never an output, with --force or without.
    let journal_bytes = std::fs::read(&path).unwrap();
    let onto_journal = ["summary", "--out", path.to_str().unwrap(), "--force"];
    assert_one_line_failure(&tandem(&path, &onto_journal), 1, "the journal itself");
    let chart_onto_journal = ["chart", "--out", path.to_str().unwrap(), "--force"];
    assert_one_line_failure(&tandem(&path, &chart_onto_journal), 1, "the journal itself");
    assert_eq!(std::fs::read(&path).unwrap(), journal_bytes);

    let o = tandem(&path, &[&notes[..], &["--force"]].concat());
    assert!(stdout(&o).contains("It includes private sections: Daily notes."));
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("LAPWING private")
    );

    assert_one_line_failure(
        &tandem(
            &path,
            &["summary", "--sections", "diary", "--out", "x.html"],
        ),
        2,
        "--sections",
    );
    assert_one_line_failure(&tandem(&path, &["summary"]), 2, "--out");
    assert_one_line_failure(
        &tandem(
            &path,
            &[
                "summary",
                "--from",
                "2026-03-09",
                "--to",
                "2026-03-01",
                "--out",
                "x.html",
            ],
        ),
        2,
        "--from",
    );
}

/// The recovery code line of a command's output (14 groups of four).
fn code_in(out: &str) -> String {
    out.lines()
        .map(str::trim)
        .find(|l| l.split('-').count() == 14 && l.split('-').all(|g| g.len() == 4))
        .expect("a recovery code line")
        .to_string()
}

#[test]
fn rekey_leaves_only_the_new_passphrase_and_the_new_code_and_keeps_every_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    let old_code = code_in(&stdout(&tandem(&path, &["init"])));
    let saved = tandem(&path, &["checkin", "--date", "2026-01-05", "--mood", "3"]);
    assert!(saved.status.success(), "{}", stderr(&saved));
    let before = stdout(&tandem(&path, &["list"]));

    let new = "a brand new passphrase";
    let o = tandem_with(&path, &["rekey"], &[("TANDEM_NEW_PASSPHRASE", new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let new_code = code_in(&stdout(&o));
    assert_ne!(new_code, old_code);

    assert!(matches!(
        Journal::open(&path, Unlock::passphrase(PASS).unwrap()),
        Err(tandem_core::Error::WrongKey)
    ));
    assert!(matches!(
        Journal::open(&path, Unlock::recovery_code(&old_code).unwrap()),
        Err(tandem_core::Error::WrongKey)
    ));
    assert!(Journal::open(&path, Unlock::recovery_code(&new_code).unwrap()).is_ok());
    let list = tandem_with(&path, &["list"], &[("TANDEM_PASSPHRASE", new)]);
    assert_eq!(stdout(&list), before);

    // A renewed code replaces the new one in turn; the passphrase stays.
    let o = tandem_with(&path, &["new-recovery-code"], &[("TANDEM_PASSPHRASE", new)]);
    assert!(o.status.success(), "{}", stderr(&o));
    let third = code_in(&stdout(&o));
    assert!(Journal::open(&path, Unlock::recovery_code(&new_code).unwrap()).is_err());
    assert!(Journal::open(&path, Unlock::recovery_code(&third).unwrap()).is_ok());
    assert!(Journal::open(&path, Unlock::passphrase(new).unwrap()).is_ok());
}

#[test]
fn list_shows_every_readable_check_in_and_counts_one_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.tandem");
    assert!(tandem(&path, &["init"]).status.success());
    for (day, mood) in [("2026-01-05", "2"), ("2026-01-06", "4")] {
        let o = tandem(&path, &["checkin", "--date", day, "--mood", mood]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // Damage the ciphertext of one of the two rows (whichever sorts first).
    let conn = rusqlite::Connection::open(&path).unwrap();
    let (id, mut sealed): (Vec<u8>, Vec<u8>) = conn
        .query_row(
            "SELECT id, sealed FROM checkins ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    sealed[3] ^= 0x20;
    conn.execute(
        "UPDATE checkins SET sealed = ?1 WHERE id = ?2",
        rusqlite::params![sealed, id],
    )
    .unwrap();
    drop(conn);
    let o = tandem(&path, &["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("2026-01-05") || lines[0].starts_with("2026-01-06"));
    assert_eq!(
        lines[1],
        "1 record cannot be read and is left out; `tandem check` says more."
    );
}
