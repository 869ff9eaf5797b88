//! The app's edges: the modules that own the browser's APIs. Each owns one API and turns its
//! errors into the app's own error types, in words a user understands. Pages use `web_sys`
//! only for the types of the events and elements they are handed (a chosen `File`, an input).

pub mod channel;
pub mod clock;
pub mod collate;
pub mod crypto;
pub mod database;
pub mod definitions;
pub mod files;
pub mod history;
pub mod import_worker;
pub mod json;
pub mod lifecycle;
pub mod migrate;
pub mod page_lang;
pub mod pdf_worker;
pub mod speech;
pub mod storage;
pub mod text_box;
pub mod timer;
pub mod timing;
pub mod updates;
pub mod worker;
