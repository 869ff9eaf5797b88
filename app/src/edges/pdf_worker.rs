//! The PDF worker: created on the first report request, so the PDF engine is never part of the
//! first load. Each PDF is its own job ([`super::worker`]): the page posts `{ id, report }` (the
//! report model as a JSON string); the worker answers `{ id, ok: { pdf: Uint8Array, unshown } }`
//! (`unshown`: the sentence saying which characters could not be drawn and where, or `null`) or
//! `{ id, error, closing }` (see `assets/pdf-worker.js`), so two PDFs asked for at once each get
//! their own file.
//!
//! Owns: the PDF job's request and answer. Must not touch: what is in a report, or what the page
//! does with the bytes.

use wasm_bindgen::JsCast;

use super::worker::{self, JobError, JobWorker};

thread_local! {
    static PDF: JobWorker = const { JobWorker::new("mhsw-pdf-worker", "pdf/pdf-worker.js") };
}

/// Why a PDF could not be made, in words a user understands.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    /// The worker could not be started or loaded, or stopped before answering.
    #[error("the PDF tool could not be started in this browser ({0})")]
    Unavailable(String),
    /// The worker reported a problem.
    #[error("the PDF could not be made: {0}")]
    Failed(String),
}

impl PdfError {
    /// Why, in `lang`; the browser's or the worker's own reason stays as it gave it (the
    /// worker gives its own in the report's language).
    pub fn in_lang(&self, lang: mhsw::lang::Lang) -> String {
        use mhsw::messages::problems as say;
        match self {
            PdfError::Unavailable(why) => say::pdf_tool_unavailable(lang, why),
            PdfError::Failed(why) => say::pdf_not_made(lang, why),
        }
    }
}

/// A PDF made by the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// How many characters could not be drawn and where, in a sentence (from
    /// `mhsw::pdf::unshown_summary`), or `None` when every character was drawn.
    pub unshown: Option<String>,
}

/// Makes a PDF from a report model serialised as JSON. Several may run at once: each gets the
/// answer to its own request.
/// `lang` is the page's, for what the page itself says went wrong.
pub async fn render(report_json: String, lang: mhsw::lang::Lang) -> Result<Made, PdfError> {
    let request = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&request, &"report".into(), &report_json.as_str().into());
    let ok = worker::run(&PDF, request).await.map_err(|e| match e {
        JobError::Unavailable(why) => PdfError::Unavailable(why),
        JobError::Failed(why) => PdfError::Failed(why),
    })?;
    let pdf = worker::field(&ok, "pdf");
    if pdf.is_instance_of::<js_sys::Uint8Array>() {
        Ok(Made {
            bytes: js_sys::Uint8Array::from(pdf).to_vec(),
            unshown: worker::field(&ok, "unshown").as_string(),
        })
    } else {
        Err(PdfError::Failed(
            mhsw::messages::problems::pdf_tool_gave_none(lang).to_owned(),
        ))
    }
}
