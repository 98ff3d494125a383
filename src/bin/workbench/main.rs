//! `workbench`: the command-line tool for CI, a thin shell over the same core as the web app.
//!
//! ```text
//! workbench check FILE…                      workspace files, card files, READMEs, review packages
//! workbench render FILE [--as html|readme|json|markdown] [--out FILE]
//! workbench verify PACKAGE [--card FILE]
//! workbench gate [--approved PACKAGE] [--card FILE] [--min-completeness N]
//!                [--min-level N FILE] [--min-score X FILE] [--no-open-debt RATING FILE]
//! ```
//! Every command takes `--format text|json`. Exit 0: all good; 1: a check, verification or
//! condition failed; 2: the command line or a file could not be used.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod check;
#[cfg(not(target_arch = "wasm32"))]
mod gate;
#[cfg(not(target_arch = "wasm32"))]
mod inputs;
#[cfg(not(target_arch = "wasm32"))]
mod render;
#[cfg(not(target_arch = "wasm32"))]
mod report;
#[cfg(not(target_arch = "wasm32"))]
mod verify;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use args::Command;
    let parsed = match args::parse(std::env::args_os().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("workbench: {message}\n\n{}", args::USAGE);
            return std::process::ExitCode::from(2);
        }
    };
    let report = match parsed.command {
        Command::Help => {
            println!("{}", args::USAGE);
            return std::process::ExitCode::SUCCESS;
        }
        Command::Check { files } => check::run(&files),
        Command::Render {
            file,
            target,
            assessment,
            out,
        } => match render::run(&file, target, assessment.as_deref(), out.as_deref()) {
            Ok(Some(text)) => {
                print!("{text}");
                return std::process::ExitCode::SUCCESS;
            }
            Ok(None) => return std::process::ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("workbench: {message}");
                return std::process::ExitCode::from(2);
            }
        },
        Command::Verify { package, card } => verify::run(&package, card.as_deref()),
        Command::Gate(conditions) => gate::run(&conditions),
    };
    report.print(parsed.format);
    std::process::ExitCode::from(report.exit_code())
}

/// The tool is native only; the wasm32 build of the crate (the web app) has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
