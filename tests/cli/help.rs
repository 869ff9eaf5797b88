//! The command line as a whole: `--help` and `--version` on every subcommand, unknown options
//! refused with a suggestion, shell completions, and the README's command table against the help.

use crate::support::{mhsw, stderr, stdout};

/// Every subcommand, as `mhsw --help` lists them (`help` too: it is a subcommand like the others).
fn subcommands() -> Vec<String> {
    let help = stdout(&mhsw(&["--help"]));
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .expect("the help lists commands");
    commands
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_owned)
        .collect()
}

/// The options a help text lists (`-o`, `--output`, …), without `--help` and `--version`.
fn options_in_help(help: &str) -> Vec<String> {
    help.split("Options:\n")
        .nth(1)
        .unwrap_or("")
        .lines()
        .take_while(|l| l.starts_with("  "))
        .flat_map(|l| l.split_whitespace().take(3))
        .map(|w| w.trim_end_matches(','))
        .filter(|w| w.starts_with('-') && !["-h", "--help", "-V", "--version"].contains(w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn help_and_version_work_on_every_subcommand() {
    let commands = subcommands();
    assert_eq!(
        commands,
        [
            "check",
            "score",
            "peers",
            "report",
            "manifest",
            "schema",
            "completions",
            "help"
        ]
    );
    for command in &commands {
        for flag in ["--help", "-h", "--version", "-V"] {
            let output = mhsw(&[command, flag]);
            assert_eq!(output.status.code(), Some(0), "mhsw {command} {flag}");
            assert!(!stdout(&output).is_empty(), "mhsw {command} {flag}");
        }
        let output = mhsw(&["help", command]);
        assert_eq!(output.status.code(), Some(0), "mhsw help {command}");
    }
    // `mhsw help` names a command it does not know, with the nearest one, and exits 2.
    let unknown = mhsw(&["help", "scor"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("score"), "{}", stderr(&unknown));
    let version = mhsw(&["--version"]);
    assert_eq!(
        stdout(&version).trim(),
        format!("mhsw {}", env!("CARGO_PKG_VERSION"))
    );
    // `mhsw` alone shows the help, as before.
    let bare = mhsw(&[]);
    assert_eq!(bare.status.code(), Some(0));
    assert!(stdout(&bare).contains("Commands:"));
}

#[test]
fn unknown_options_are_errors_with_a_suggestion() {
    // Before clap, `mhsw manifest` took an unknown flag for a folder name.
    let output = mhsw(&["manifest", "--chek", "questionnaires"]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("unexpected argument '--chek'"),
        "{message}"
    );
    assert!(
        message.contains("a similar argument exists: '--check'"),
        "{message}"
    );

    let output = mhsw(&[
        "report",
        "work.json",
        "-o",
        "out.pdf",
        "--practitioner",
        "p.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("'--practitioners'"),
        "{}",
        stderr(&output)
    );

    let output = mhsw(&["scor"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("'score'"), "{}", stderr(&output));

    // `report` needs a work file or --from-report-json, and -o.
    let output = mhsw(&["report", "-o", "out.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    let output = mhsw(&["report", "work.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--output <FILE>"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn completions_print_a_shell_script() {
    let output = mhsw(&["completions", "bash"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let script = stdout(&output);
    assert!(script.contains("complete -F _mhsw"), "{script}");
    for word in [
        "manifest",
        "--practitioners",
        "--from-report-json",
        "nhs-trust",
    ] {
        assert!(script.contains(word), "{word} is completed");
    }
    assert_eq!(mhsw(&["completions", "tcsh"]).status.code(), Some(2));
}

/// The README's command-line section against the real help, both ways: every command and
/// option it names exists, and every command and option the help lists is in it.
#[test]
fn readme_command_table_matches_the_help() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let section = readme
        .split("## The `mhsw` command line")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a command-line section");
    let commands = subcommands();
    let mut mentioned: Vec<(String, String)> = Vec::new();
    for line in section.lines().filter(|l| !l.contains("cargo ")) {
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || "`|/(),;:".contains(c))
            .filter(|w| !w.is_empty())
            .collect();
        let Some(at) = words
            .windows(2)
            .position(|w| w[0] == "mhsw" && w[1].chars().all(|c| c.is_ascii_lowercase()))
        else {
            continue;
        };
        let command = words[at + 1].to_owned();
        assert!(
            commands.contains(&command),
            "README names `mhsw {command}`, which `mhsw --help` does not list"
        );
        for word in &words[at..] {
            let flag = word.trim_end_matches(['.', '\\']);
            if flag.starts_with('-')
                && flag
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '-')
            {
                mentioned.push((command.clone(), flag.to_owned()));
            }
        }
    }
    for command in &commands {
        assert!(
            section.contains(&format!("`mhsw {command}")),
            "`mhsw {command}` is missing from the README's table"
        );
        let help = stdout(&mhsw(&[command, "--help"]));
        let options = options_in_help(&help);
        for (_, flag) in mentioned.iter().filter(|(c, _)| c == command) {
            assert!(
                options.contains(flag) || ["-h", "--help", "-V", "--version"].contains(&flag.as_str()),
                "README gives `mhsw {command} {flag}`, which `mhsw {command} --help` does not list:\n{help}"
            );
        }
        for option in &options {
            assert!(
                mentioned.iter().any(|(c, f)| c == command && f == option),
                "`mhsw {command} --help` lists {option}, which the README's table does not give"
            );
        }
    }
}

/// A reader that stops early (`mhsw completions bash | head -1`) ends the output quietly: no
/// panic and no backtrace, for the long outputs written in one go.
#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    for args in [&["completions", "bash"][..], &["schema"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_mhsw"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("the mhsw binary runs");
        // Close the reading end before mhsw writes, as `head` does once it has its lines.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let said = stderr(&output);
        assert!(!said.contains("panicked"), "mhsw {args:?}: {said}");
        assert_eq!(output.status.code(), Some(0), "mhsw {args:?}: {said}");
    }
}
