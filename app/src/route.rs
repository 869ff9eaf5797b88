//! Where the user is: a route parsed from, and written to, the URL's hash.
//!
//! Hash routes (`#/work/abc/section/supervision`) give every page its own URL, make the browser's
//! back and forward buttons work, and need no server rewrite rules, so `dist/` works from any
//! static host and from a sub-folder.
//!
//! Owns: the `Route` type and its text form. Must not touch: the browser (the app's `history`
//! edge reads and writes `location.hash`).

use mhsw::ids::{DefinitionId, SectionId, WorkId};

/// A page of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The tools, the saved work, import and export.
    Home,
    /// Start a new piece of work with a definition.
    New(DefinitionId),
    /// A piece of work's contents page.
    Work(WorkId),
    /// One section of a piece of work.
    Section(WorkId, SectionId),
    /// Scores and comparisons (audits), or the combined feedback report (feedback).
    Results(WorkId),
    /// The improvement plan or commitments.
    Plan(WorkId),
    /// Shared-device collection of feedback.
    Collect(WorkId),
    /// A printable paper version of a feedback questionnaire.
    Paper(WorkId),
    /// Typing in a returned paper form.
    EnterPaper(WorkId),
    /// Questionnaires: which loaded, which had problems, and local ones.
    Questionnaires,
    /// Where the data lives and how to remove it.
    Privacy,
    /// Anything else.
    NotFound(String),
}

impl Route {
    /// True for the report pages (results and plan), which come from their own part of the app.
    pub fn is_report(&self) -> bool {
        matches!(self, Route::Results(_) | Route::Plan(_))
    }

    /// True for the pages that collect feedback (collection mode, the paper form and typing
    /// it in), which come from their own part of the app.
    pub fn is_collecting(&self) -> bool {
        matches!(
            self,
            Route::Collect(_) | Route::Paper(_) | Route::EnterPaper(_)
        )
    }

    /// The piece of work the page is about, if it is about one.
    pub fn work(&self) -> Option<&WorkId> {
        match self {
            Route::Work(id)
            | Route::Section(id, _)
            | Route::Results(id)
            | Route::Plan(id)
            | Route::Collect(id)
            | Route::Paper(id)
            | Route::EnterPaper(id) => Some(id),
            Route::Home
            | Route::New(_)
            | Route::Questionnaires
            | Route::Privacy
            | Route::NotFound(_) => None,
        }
    }

    /// True for a page that waits for the checked questionnaires (all but home, privacy and
    /// a page not found).
    pub fn needs_questionnaires(&self) -> bool {
        !matches!(self, Route::Home | Route::Privacy | Route::NotFound(_))
    }

    /// Parses the hash part of a URL (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let id = |s: &str| WorkId::new(s);
        match parts.as_slice() {
            [] => Route::Home,
            ["new", definition] => Route::New(DefinitionId::new(*definition)),
            ["work", work] => Route::Work(id(work)),
            ["work", work, "section", section] => {
                Route::Section(id(work), SectionId::new(*section))
            }
            ["work", work, "results"] => Route::Results(id(work)),
            ["work", work, "plan"] => Route::Plan(id(work)),
            ["work", work, "collect"] => Route::Collect(id(work)),
            ["work", work, "paper"] => Route::Paper(id(work)),
            ["work", work, "enter"] => Route::EnterPaper(id(work)),
            ["questionnaires"] => Route::Questionnaires,
            ["privacy"] => Route::Privacy,
            _ => Route::NotFound(path.to_owned()),
        }
    }

    /// The hash that leads here, for links: `#/work/abc/plan`.
    pub fn href(&self) -> String {
        let path = match self {
            Route::Home => String::new(),
            Route::New(definition) => format!("new/{definition}"),
            Route::Work(work) => format!("work/{work}"),
            Route::Section(work, section) => format!("work/{work}/section/{section}"),
            Route::Results(work) => format!("work/{work}/results"),
            Route::Plan(work) => format!("work/{work}/plan"),
            Route::Collect(work) => format!("work/{work}/collect"),
            Route::Paper(work) => format!("work/{work}/paper"),
            Route::EnterPaper(work) => format!("work/{work}/enter"),
            Route::Questionnaires => "questionnaires".to_owned(),
            Route::Privacy => "privacy".to_owned(),
            Route::NotFound(path) => path.clone(),
        };
        format!("#/{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for route in [
            Route::Home,
            Route::New("self-assessment".into()),
            Route::Section("w1".into(), "supervision".into()),
            Route::Plan("w1".into()),
            Route::Privacy,
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/nope/x"), Route::NotFound("nope/x".into()));
    }
}
