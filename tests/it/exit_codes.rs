//! Exit codes never claim a success that did not happen: output that cannot be delivered is
//! exit 4, outside `batch` even when the reader just went away; `batch` ends quietly on a
//! closed pipe with the code of what it had read; a failing stderr never panics.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// The binary with a clean environment, as in `common`, but as a std `Command` so stdout and
/// stderr can be any file or pipe.
fn anakinra(args: &[&str]) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("anakinra"));
    cmd.args(args);
    for var in crate::common::READ_FROM_ENV {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `args` with stdout a pipe whose reader is already closed, and stdin `input`.
fn into_closed_pipe(args: &[&str], input: &[u8]) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut child = anakinra(args)
        .stdin(Stdio::piped())
        .stdout(writer)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let _ = stdin.write_all(input); // the child may stop reading
    drop(stdin);
    child.wait_with_output().unwrap()
}

const CONTRAINDICATED: [&str; 9] = [
    "dose",
    "--weight",
    "30",
    "--age",
    "8y",
    "--indication",
    "sjia",
    "--gfr",
    "20",
];

#[test]
fn a_closed_pipe_is_an_output_error_outside_batch() {
    for args in [
        &CONTRAINDICATED[..],
        &[
            "dose",
            "--weight",
            "30",
            "--age",
            "8y",
            "--indication",
            "sjia",
        ][..],
        &["check"][..],
        &["rules"][..],
        &["taper", "--from", "2026-12-01", "--dose", "40"][..],
        &["schema"][..],
    ] {
        let out = into_closed_pipe(args, b"");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {stderr}");
        assert_eq!(
            stderr, "error: cannot write to stdout: Broken pipe (os error 32)\n",
            "{args:?}"
        );
    }
}

#[test]
fn batch_ends_quietly_on_a_closed_pipe_with_the_code_of_what_it_read() {
    let valid = "{\"weight\":20,\"age\":\"5y\",\"indication\":\"sjia\"}\n";
    let out = into_closed_pipe(&["batch"], valid.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let with_invalid = format!("{{\"weight\":\"x\"}}\n{valid}");
    let out = into_closed_pipe(&["batch"], with_invalid.as_bytes());
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_full_stdout_is_exit_4_and_never_a_panic() {
    for args in [
        &["completions", "bash"][..],
        &["--help"][..],
        &["dose", "--help"][..],
        &["--version"][..],
        &CONTRAINDICATED[..],
        &["batch", "--help"][..],
    ] {
        let out = anakinra(args)
            .stdout(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(4), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot write to stdout: No space left on device"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn a_stdout_that_cannot_be_written_is_an_error_not_a_silent_exit_0() {
    // Descriptor 1 open for reading only: every write is EBADF, which Rust's own stdout
    // quietly drops.
    let out = anakinra(&[
        "dose",
        "--weight",
        "30",
        "--age",
        "8y",
        "--indication",
        "sjia",
    ])
    .stdout(std::fs::File::open("/dev/null").unwrap())
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(4));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: cannot write to stdout: Bad file descriptor (os error 9)\n"
    );
}

#[test]
fn a_failing_stderr_is_no_panic() {
    for (args, code) in [
        (
            &[
                "dose",
                "--weight",
                "x",
                "--age",
                "8y",
                "--indication",
                "sjia",
            ][..],
            2,
        ),
        (&["frobnicate"][..], 2),
        (&["batch", "/nonexistent.jsonl"][..], 2),
    ] {
        let out = anakinra(args)
            .stderr(std::fs::File::create("/dev/full").unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(code), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    // Both closed for writing: still no panic (101).
    let out = anakinra(&["completions", "bash"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .stderr(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(4));
}
