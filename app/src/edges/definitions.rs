//! Loading questionnaires at start-up: the manifest and definitions published beside the app on
//! its own origin, the questionnaires the user opened from their computer, and, when the
//! manifest cannot be read, the definitions built into the app.
//!
//! A broken definition never stops the others: it is listed with the same problems `mhsw check`
//! would print.

use std::sync::Arc;

use mhsw::definition::{load_definition, Definition, LoadError};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::storage;

/// The folder, relative to the page, that holds the published questionnaires.
pub const FOLDER: &str = "questionnaires/";

/// The copy of the bundled questionnaires that ships inside the app's own folder, used when the
/// site's manifest cannot be read. It is fetched only then, so it costs nothing on a normal start.
pub const BUILT_IN_FOLDER: &str = "builtin/";

/// Where a definition came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Published on this site, listed in the manifest.
    Site,
    /// Built into the app (the manifest could not be read).
    BuiltIn,
    /// Opened from the user's computer and kept on this device.
    Local,
}

/// A definition that loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// Its file name.
    pub file: String,
    /// Where it came from.
    pub source: Source,
    /// The definition.
    pub definition: Arc<Definition>,
}

/// Everything found at start-up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    /// The definitions that loaded, site ones first.
    pub loaded: Vec<Loaded>,
    /// The files that did not, with every problem.
    pub broken: Vec<(Source, LoadError)>,
    /// A notice for the home page, for example that the built-in questionnaires are in use.
    pub notice: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    definitions: Vec<String>,
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the file could not be fetched".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "the site answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| "no body".to_owned())?)
        .await
        .map_err(|_| "the file could not be read".to_owned())?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}

/// Loads every questionnaire: the site's (or the built-in ones), then the local ones.
#[leptos::lazy]
pub async fn load_catalogue() -> Catalogue {
    let mut catalogue = Catalogue::default();
    let manifest = match fetch_text(&format!("{FOLDER}manifest.json")).await {
        Ok(text) => serde_json::from_str::<Manifest>(&text)
            .map_err(|e| format!("{FOLDER}manifest.json is not a list of definitions ({e})")),
        Err(reason) => Err(format!("{FOLDER}manifest.json could not be read: {reason}")),
    };
    match manifest {
        Ok(manifest) => {
            // All files are requested at once (one round trip, not one per file), then added
            // in the manifest's order.
            let paths: Vec<String> = manifest
                .definitions
                .iter()
                .map(|file| format!("{FOLDER}{file}"))
                .collect();
            let texts = futures::future::join_all(paths.iter().map(|path| fetch_text(path))).await;
            for (path, fetched) in paths.into_iter().zip(texts) {
                match fetched {
                    Ok(text) => add(&mut catalogue, Source::Site, &path, &text),
                    Err(reason) => catalogue.broken.push((
                        Source::Site,
                        LoadError {
                            file: path,
                            problems: vec![mhsw::definition::Problem {
                                place: Default::default(),
                                message: format!("the file is listed in the manifest but {reason}"),
                                fix: "publish the file beside manifest.json, or remove it from the list".to_owned(),
                            }],
                        },
                    )),
                }
            }
        }
        Err(reason) => {
            catalogue.notice = Some(format!(
                "The questionnaires published with this site could not be loaded, so the ones built into the app are in use. ({reason}.)"
            ));
            load_folder(&mut catalogue, Source::BuiltIn, BUILT_IN_FOLDER).await;
        }
    }
    for (file, text) in storage::local_definitions() {
        add(&mut catalogue, Source::Local, &file, &text);
    }
    catalogue
}

/// Loads every definition a folder's manifest lists (the built-in copy); problems are listed.
async fn load_folder(catalogue: &mut Catalogue, source: Source, folder: &str) {
    let manifest = match fetch_text(&format!("{folder}manifest.json")).await {
        Ok(text) => serde_json::from_str::<Manifest>(&text).map_err(|e| e.to_string()),
        Err(reason) => Err(reason),
    };
    match manifest {
        Ok(manifest) => {
            for file in manifest.definitions {
                let path = format!("{folder}{file}");
                if let Ok(text) = fetch_text(&path).await {
                    add(catalogue, source, &file, &text);
                }
            }
        }
        Err(reason) => {
            catalogue.notice = Some(format!(
                "No questionnaires could be loaded: neither this site's nor the app's own copy ({reason}). Ask whoever looks after this site to publish the app's files again."
            ));
        }
    }
}

/// Loads one definition into the catalogue, or lists its problems.
pub fn add(catalogue: &mut Catalogue, source: Source, file: &str, text: &str) {
    match load_definition(file, text) {
        Ok(definition) => {
            // A local file with the same id replaces the published one for this device.
            catalogue
                .loaded
                .retain(|l| !(l.definition.id == definition.id && source == Source::Local));
            catalogue.loaded.push(Loaded {
                file: file.to_owned(),
                source,
                definition: Arc::new(definition),
            });
        }
        Err(error) => catalogue.broken.push((source, error)),
    }
}

impl Catalogue {
    /// The definition with this id, if it loaded.
    pub fn get(&self, id: &str) -> Option<Arc<Definition>> {
        self.loaded
            .iter()
            .rev()
            .find(|l| l.definition.id.as_str() == id)
            .map(|l| l.definition.clone())
    }
}
