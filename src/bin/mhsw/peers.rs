//! `mhsw peers FILE... [-o OUT]`: builds an anonymised peer reference set from exported audits.
//!
//! Owns: sorting the files given into audits and their definition, the `--type` and `--nation`
//! options, and writing the set. Building it is `mhsw::benchmark::peers::build_peer_set`.

use std::path::Path;

use mhsw::benchmark::peers::{
    build_peer_set, export_peer_set, OrganisationType, PeerNation, PeerSource,
};
use mhsw::definition::{load_definition, Definition};
use mhsw::work::{parse_work, Work};

use crate::{read_text, Failure};

const USAGE: &str = "\
usage: mhsw peers [--type council|nhs-trust|other] [--nation england|wales] FILE... [-o OUT]
                  [--definitions DIR]

  FILE          exported audits (work files), and optionally the audit's definition file;
                without one, the definition is looked up by id in DIR (default: questionnaires)
  --type, --nation
                the kind and nation of the organisations whose files follow (until the next
                --type or --nation); used to split the reference set into groups
  -o OUT        where to write the reference set (default: standard output)

At least five different organisations are needed. Names never enter the reference set.";

/// Runs the subcommand.
pub fn run(args: &[String]) -> Result<(), Failure> {
    let mut output: Option<String> = None;
    let mut definitions_dir = "questionnaires".to_owned();
    let mut organisation_type: Option<OrganisationType> = None;
    let mut nation: Option<PeerNation> = None;
    let mut works: Vec<(String, Work, Option<OrganisationType>, Option<PeerNation>)> = Vec::new();
    let mut given_definitions: Vec<(String, Definition)> = Vec::new();

    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        let mut value = |name: &str| {
            iter.next().cloned().ok_or_else(|| {
                Failure::usage(format!("mhsw peers: `{name}` needs a value\n{USAGE}"))
            })
        };
        match arg.as_str() {
            "-o" | "--output" => output = Some(value(arg)?),
            "--definitions" => definitions_dir = value(arg)?,
            "--type" => {
                organisation_type = Some(match value(arg)?.as_str() {
                    "council" => OrganisationType::Council,
                    "nhs-trust" | "nhs_trust" => OrganisationType::NhsTrust,
                    "other" => OrganisationType::Other,
                    other => {
                        return Err(Failure::usage(format!(
                            "mhsw peers: `{other}` is not a type of organisation; use council, nhs-trust or other"
                        )))
                    }
                })
            }
            "--nation" => {
                nation = Some(match value(arg)?.as_str() {
                    "england" => PeerNation::England,
                    "wales" => PeerNation::Wales,
                    other => {
                        return Err(Failure::usage(format!(
                            "mhsw peers: `{other}` is not a nation; use england or wales"
                        )))
                    }
                })
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with('-') => {
                return Err(Failure::usage(format!(
                    "mhsw peers: there is no option `{flag}`\n{USAGE}"
                )))
            }
            path => {
                let text = read_text(path)?;
                if is_work(&text) {
                    let work = parse_work(&text)
                        .map_err(|e| Failure::problems(format!("{path}: {e}")))?;
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
        }
    }
    if works.is_empty() {
        return Err(Failure::usage(format!(
            "mhsw peers: name the exported audits to build from\n{USAGE}"
        )));
    }
    let definition = match given_definitions.len() {
        0 => find_definition(&definitions_dir, &works)?,
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
        eprintln!("left out {}: {}", works[left_out.index].0, left_out.reason);
    }
    let text = export_peer_set(&built.set);
    match output {
        Some(path) => {
            std::fs::write(&path, text)
                .map_err(|e| Failure::usage(format!("{path}: cannot write the file ({e})")))?;
            eprintln!(
                "mhsw peers: wrote {path}: {} organisations, {} groups",
                built.organisations,
                built.set.groups.len()
            );
        }
        None => print!("{text}"),
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
        let Ok(text) = std::fs::read_to_string(&path) else {
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
