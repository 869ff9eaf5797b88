//! The PDF worker: started on the first report request, so the PDF engine is never part of the
//! first load. It takes a report model as JSON and answers with PDF bytes.

/// Placeholder until the worker build lands.
pub fn available() -> bool {
    false
}
