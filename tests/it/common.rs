//! What the integration tests share: the binary, run as a user would, with every environment
//! variable it reads cleared (as bat's tests do), so no developer's locale or NO_COLOR leaks in.

use assert_cmd::Command;

/// Every environment variable the binary reads.
pub const READ_FROM_ENV: [&str; 7] = [
    "NO_COLOR",
    "TERM",
    "COLUMNS",
    "ANAKINRA_LANG",
    "LC_ALL",
    "LC_MESSAGES",
    "LANG",
];

/// The `anakinra` binary with a clean environment.
pub fn anakinra() -> Command {
    let mut cmd = Command::cargo_bin("anakinra").expect("the anakinra binary is built");
    for var in READ_FROM_ENV {
        cmd.env_remove(var);
    }
    cmd
}
