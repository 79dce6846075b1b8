//! What the CLI's end-to-end tests share: running `tandem` on a journal with
//! a known passphrase, reading its output, and the shape of a failure.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// The passphrase every test journal is made and opened with.
pub const PASS: &str = "a long test passphrase";

/// Runs `tandem --journal JOURNAL ARGS…` with the test passphrase and the
/// extra environment given, and no recovery code or journal from outside.
pub fn tandem_with(journal: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tandem"));
    cmd.arg("--journal")
        .arg(journal)
        .args(args)
        .env("TANDEM_PASSPHRASE", PASS)
        .env_remove("TANDEM_RECOVERY_CODE")
        .env_remove("TANDEM_JOURNAL");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the tandem binary runs")
}

/// Runs `tandem --journal JOURNAL ARGS…` with the test passphrase and
/// `input` on its standard input.
pub fn tandem_input(journal: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env("TANDEM_PASSPHRASE", PASS)
        .env_remove("TANDEM_RECOVERY_CODE")
        .env_remove("TANDEM_JOURNAL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the tandem binary runs");
    // A command refused before it reads its input closes the pipe first.
    match child.stdin.take().expect("a pipe").write_all(input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("writing the input: {e}"),
        _ => {}
    }
    child.wait_with_output().expect("the tandem binary ends")
}

/// Runs `tandem --journal JOURNAL ARGS…` with the test passphrase.
pub fn tandem(journal: &Path, args: &[&str]) -> Output {
    tandem_with(journal, args, &[])
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A failure is one line on stderr naming the problem, with the exit code
/// given, and no backtrace or panic text.
pub fn assert_one_line_failure(o: &Output, code: i32, needle: &str) {
    assert_eq!(o.status.code(), Some(code), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("tandem: "), "{err}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(
        !err.contains("panicked") && !err.contains("backtrace"),
        "{err}"
    );
}
