//! Files in and out: reading a file the user picked, and downloading text or bytes.

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Why a file could not be read or saved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    /// No file was chosen.
    #[error("no file was chosen")]
    NoFile,
    /// The browser could not read it.
    #[error("the browser could not read the file ({0}). Try choosing it again")]
    Unreadable(String),
    /// The browser would not make the download.
    #[error("the browser would not save the file ({0})")]
    Download(String),
}

impl FileError {
    /// What went wrong in `lang`; the browser's own reason stays as it gave it.
    pub fn in_lang(&self, lang: mhsw::lang::Lang) -> String {
        use mhsw::messages::problems as say;
        match self {
            FileError::NoFile => say::no_file_chosen(lang).to_owned(),
            FileError::Unreadable(why) => say::browser_could_not_read(lang, why),
            FileError::Download(why) => say::browser_would_not_save(lang, why),
        }
    }
}

fn describe(error: JsValue) -> String {
    error
        .as_string()
        .or_else(|| js_sys::Error::from(error).message().as_string())
        .unwrap_or_else(|| "no reason given".to_owned())
}

/// The files chosen in a file input, as (name, size in bytes, file handle).
pub fn chosen_files(input: &web_sys::HtmlInputElement) -> Vec<web_sys::File> {
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads a chosen file as text.
pub async fn read_text(file: &web_sys::File) -> Result<String, FileError> {
    let value = JsFuture::from(file.text())
        .await
        .map_err(|e| FileError::Unreadable(describe(e)))?;
    value
        .as_string()
        .ok_or_else(|| FileError::Unreadable("it is not text".to_owned()))
}

/// Offers text as a download with a file name.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), FileError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    download_parts(name, mime, &parts)
}

/// Offers bytes as a download with a file name.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), FileError> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    download_parts(name, mime, &parts)
}

fn download_parts(name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), FileError> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &options)
        .or_else(|_| web_sys::Blob::new_with_str_sequence_and_options(parts, &options))
        .map_err(|e| FileError::Download(describe(e)))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|e| FileError::Download(describe(e)))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| FileError::Download("no document".to_owned()))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| FileError::Download(describe(e)))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
        anchor.click();
        let _ = body.remove_child(&anchor);
    }
    // Give the browser a moment to start the download before the URL is released.
    let release = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    Ok(())
}

/// A file name made safe from a piece of work's name: `north-team-audit-2026-baseline`
/// ([`mhsw::work::file_stem`]).
pub fn safe_file_stem(name: &str) -> String {
    mhsw::work::file_stem(name)
}
