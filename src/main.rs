//! The `crosscheck` binary: the workbench, or a headless subcommand.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
