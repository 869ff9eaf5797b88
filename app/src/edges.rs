//! The app's edges: the only modules that call browser APIs. Each owns one API and turns its
//! errors into the app's own error types, in words a user understands. Nothing else in the app
//! imports `web_sys`, `gloo` or `js_sys`.

pub mod clock;
pub mod collate;
pub mod definitions;
pub mod files;
pub mod history;
pub mod json;
pub mod pdf_worker;
pub mod speech;
pub mod storage;
pub mod timer;
pub mod updates;
