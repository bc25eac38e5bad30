//! The `anakinra` binary: everything lives in the library.

fn main() -> std::process::ExitCode {
    anakinra::cmd::main()
}
