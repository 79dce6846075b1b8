//! Notes and answers reach the journal without being typed on the command
//! line: `-` reads standard input, `--note-file` a file. What cannot be
//! read is one line and nothing is saved.

mod common;

use common::*;

fn ok(o: std::process::Output) -> std::process::Output {
    assert!(o.status.success(), "stderr: {}", stderr(&o));
    o
}

#[test]
fn a_note_comes_from_standard_input_or_a_file_and_never_needs_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("j.tandem");
    ok(tandem(&j, &["init"]));
    let day = ["checkin", "--date", "2026-01-05", "--mood", "3"];

    // From standard input; the one line ending the input is dropped.
    ok(tandem_input(
        &j,
        &[&day[..], &["--note", "-"]].concat(),
        "Wir sprachen später — ok\nline two\n".as_bytes(),
    ));
    let shown = stdout(&ok(tandem(&j, &["show", "2026-01-05"])));
    assert!(shown.contains("Wir sprachen später — ok"), "{shown}");
    assert!(shown.contains("line two"), "{shown}");

    // From a file.
    let file = dir.path().join("note.txt");
    std::fs::write(&file, "from a file\n").unwrap();
    ok(tandem(
        &j,
        &[&day[..], &["--note-file", file.to_str().unwrap()]].concat(),
    ));
    assert!(stdout(&ok(tandem(&j, &["show", "2026-01-05"]))).contains("from a file"));

    // The reflection's two texts, one from each.
    ok(tandem_input(
        &j,
        &[
            "reflect",
            "--week",
            "2026-01-05",
            "--space",
            "-",
            "--note-file",
            file.to_str().unwrap(),
        ],
        b"they walk, I wait",
    ));
    let r = stdout(&ok(tandem(&j, &["reflections"])));
    assert!(
        r.contains("they walk, I wait") && r.contains("from a file"),
        "{r}"
    );
}

#[test]
fn text_that_cannot_be_read_is_one_line_and_saves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let j = dir.path().join("j.tandem");
    ok(tandem(&j, &["init"]));
    let day = ["checkin", "--date", "2026-01-05", "--mood", "3"];
    let folder = dir.path().to_str().unwrap();
    assert_one_line_failure(
        &tandem(&j, &[&day[..], &["--note-file", folder]].concat()),
        1,
        "not a regular file",
    );
    let missing = dir.path().join("missing.txt");
    assert_one_line_failure(
        &tandem(
            &j,
            &[&day[..], &["--note-file", missing.to_str().unwrap()]].concat(),
        ),
        1,
        "cannot read the note",
    );
    assert_one_line_failure(
        &tandem_input(&j, &[&day[..], &["--note", "-"]].concat(), &[0xff, 0xfe]),
        1,
        "not UTF-8",
    );
    let file = dir.path().join("n.txt");
    std::fs::write(&file, "x").unwrap();
    assert_one_line_failure(
        &tandem(
            &j,
            &[
                &day[..],
                &["--note", "typed", "--note-file", file.to_str().unwrap()],
            ]
            .concat(),
        ),
        2,
        "not both",
    );
    assert_one_line_failure(
        &tandem_input(&j, &["reflect", "--space", "-", "--note", "-"], b"x"),
        2,
        "standard input",
    );
    assert!(stdout(&ok(tandem(&j, &["list"]))).contains("No check-ins"));
    #[cfg(unix)]
    {
        // A FIFO is refused at once rather than waited on.
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            assert_one_line_failure(
                &tandem(
                    &j,
                    &[&day[..], &["--note-file", fifo.to_str().unwrap()]].concat(),
                ),
                1,
                "not a regular file",
            );
        }
    }
}
