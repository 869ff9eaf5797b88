//! Reusable pieces of the interface. Each renders values it is given and sends events up; none
//! holds business logic.

pub mod character_count;
pub mod confirm;
pub mod error_summary;
pub mod file_chooser;
pub mod layout;
pub mod question_field;
pub mod report_view;
pub mod save_status;
pub mod update_notice;
