//! `mhsw peers FILE... [-o OUT]`: builds an anonymised peer reference set from exported audits.
//!
//! Owns: sorting the files given into audits and their definition, the `--type` and `--nation`
//! options, and writing the set. Building it is `mhsw::benchmark::peers::build_peer_set`.

use std::path::Path;

use mhsw::benchmark::peers::{
    build_peer_set, export_peer_set, OrganisationType, PeerNation, PeerSource,
};
use mhsw::definition::{load_definition, Definition};
use mhsw::work::Work;

use crate::{input, read_text, terminal, Failure};

/// Build an anonymised peer reference set from exported audits
#[derive(clap::Args)]
#[command(after_help = "\
--type and --nation apply to the files that follow them, until the next --type or --nation:
  mhsw peers --nation england --type council a.json b.json --type nhs-trust c.json ... -o peers.json
At least five different organisations are needed. Names never enter the reference set.")]
pub struct Args {
    /// Exported audits (work files), and optionally the audit's definition file; without one,
    /// the definition is looked up by id in the --definitions folder
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// Where to write the reference set [default: standard output]
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    output: Option<String>,
    /// Where to look for the definition when no definition file is named
    #[arg(long, value_name = "DIR", default_value = "questionnaires")]
    definitions: String,
    /// The kind of organisation whose files follow
    #[arg(long = "type", value_name = "TYPE", value_enum)]
    organisation_type: Vec<TypeArg>,
    /// The nation of the organisations whose files follow
    #[arg(long, value_enum)]
    nation: Vec<NationArg>,
}

/// `--type`'s values.
#[derive(Clone, Copy, clap::ValueEnum)]
enum TypeArg {
    Council,
    #[value(alias = "nhs_trust")]
    NhsTrust,
    Other,
}

/// `--nation`'s values.
#[derive(Clone, Copy, clap::ValueEnum)]
enum NationArg {
    England,
    Wales,
}

/// Where each `--type`, `--nation` and file came on the command line, so that each file takes
/// the type and nation given before it.
#[derive(Default)]
pub struct Order {
    files: Vec<usize>,
    types: Vec<usize>,
    nations: Vec<usize>,
}

impl Order {
    /// Reads the positions from the parsed `peers` arguments.
    pub fn of(matches: &clap::ArgMatches) -> Self {
        let at = |id: &str| -> Vec<usize> {
            matches
                .indices_of(id)
                .map(Iterator::collect)
                .unwrap_or_default()
        };
        Self {
            files: at("files"),
            types: at("organisation_type"),
            nations: at("nation"),
        }
    }

    /// The index of the last of `options` given before the `file`-th file.
    fn last_before(options: &[usize], file: Option<&usize>) -> Option<usize> {
        let file = *file?;
        options.iter().rposition(|&at| at < file)
    }
}

/// Runs the subcommand.
pub fn run(args: &Args, order: Order) -> Result<(), Failure> {
    let mut works: Vec<(String, Work, Option<OrganisationType>, Option<PeerNation>)> = Vec::new();
    let mut given_definitions: Vec<(String, Definition)> = Vec::new();
    for (index, path) in args.files.iter().enumerate() {
        let position = order.files.get(index);
        let organisation_type = Order::last_before(&order.types, position)
            .and_then(|i| args.organisation_type.get(i))
            .map(|t| match t {
                TypeArg::Council => OrganisationType::Council,
                TypeArg::NhsTrust => OrganisationType::NhsTrust,
                TypeArg::Other => OrganisationType::Other,
            });
        let nation = Order::last_before(&order.nations, position)
            .and_then(|i| args.nation.get(i))
            .map(|n| match n {
                NationArg::England => PeerNation::England,
                NationArg::Wales => PeerNation::Wales,
            });
        let text = read_text(path)?;
        if is_work(&text) {
            let work = input::work(path, &text)?;
            works.push((path.to_owned(), work, organisation_type, nation));
        } else {
            let definition = load_definition(path, &text).map_err(|e| {
                Failure::problems(format!(
                    "{path}: this is neither an exported audit nor a valid definition\n{}",
                    e.to_string().trim_end()
                ))
            })?;
            given_definitions.push((path.to_owned(), definition));
        }
    }
    let definitions_dir = args.definitions.as_str();
    let output = args.output.as_deref();
    if works.is_empty() {
        return Err(Failure::usage(
            "mhsw peers: none of the files is an exported audit; name the exported audits to build from",
        ));
    }
    let definition = match given_definitions.len() {
        0 => find_definition(definitions_dir, &works)?,
        1 => given_definitions.remove(0).1,
        _ => {
            return Err(Failure::usage(
                "mhsw peers: give at most one definition file; a reference set is for one questionnaire",
            ))
        }
    };

    let sources: Vec<PeerSource> = works
        .iter()
        .map(|(_, work, organisation_type, nation)| PeerSource {
            work,
            organisation_type: *organisation_type,
            nation: *nation,
        })
        .collect();
    let built = build_peer_set(&definition, &sources)
        .map_err(|e| Failure::problems(format!("mhsw peers: {e}")))?;
    for left_out in &built.left_out {
        let line = format!("left out {}: {}", works[left_out.index].0, left_out.reason);
        eprintln!("{}", terminal::lines(&line));
    }
    let text = export_peer_set(&built.set);
    match output {
        Some(path) => {
            std::fs::write(path, text)
                .map_err(|e| Failure::usage(format!("{path}: cannot write the file ({e})")))?;
            eprintln!(
                "mhsw peers: wrote {path}: {} organisations, {} groups",
                built.organisations,
                built.set.groups.len()
            );
        }
        None => crate::print_all(text.as_bytes())?,
    }
    Ok(())
}

/// True when a file declares itself an exported piece of work.
fn is_work(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("format")
                .and_then(|f| f.as_str())
                .map(|f| f == mhsw::work::WORK_FORMAT)
        })
        .unwrap_or(false)
}

/// Finds the definition the most audits answer among the `*.json` files of a folder.
fn find_definition(
    dir: &str,
    works: &[(String, Work, Option<OrganisationType>, Option<PeerNation>)],
) -> Result<Definition, Failure> {
    let mut ids: Vec<&str> = works
        .iter()
        .map(|(_, w, _, _)| w.definition.id.as_str())
        .collect();
    ids.sort_unstable();
    let wanted = ids
        .iter()
        .max_by_key(|id| ids.iter().filter(|x| x == id).count())
        .copied()
        .unwrap_or_default();
    let entries = std::fs::read_dir(Path::new(dir)).map_err(|e| {
        Failure::usage(format!(
            "mhsw peers: no definition file given, and the folder `{dir}` cannot be read ({e}). Name the definition of `{wanted}` among the files, or use --definitions DIR"
        ))
    })?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let name = path.display().to_string();
        let Some(text) = input::read_quietly(&path) else {
            continue;
        };
        if let Ok(definition) = load_definition(&name, &text) {
            if definition.id.as_str() == wanted {
                return Ok(definition);
            }
        }
    }
    Err(Failure::usage(format!(
        "mhsw peers: no definition with the id `{wanted}` in `{dir}`. Name its file among the files, or use --definitions DIR"
    )))
}
