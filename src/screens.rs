//! The order of screens when a person answers one question per screen (a shared device's
//! collection mode): each section's introduction on a screen of its own, then its questions,
//! one each. Questions are numbered among questions only, so "Question 3 of 23" does not
//! count the introductions.
//!
//! Owns only the order; it knows nothing of how a screen is drawn.

use crate::definition::Definition;

/// One screen of one-question-per-screen answering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A section's introduction: the index of the section in the definition.
    Introduction {
        /// The section's index.
        section: usize,
    },
    /// A question.
    Question {
        /// The section's index.
        section: usize,
        /// The question's index within its section.
        question: usize,
        /// Its number among all the questions, from 1.
        number: usize,
    },
}

/// Every screen in order: a section's introduction before its first question. A section
/// without questions has no screen at all.
pub fn one_per_screen(definition: &Definition) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut number = 0;
    for (section, s) in definition.sections.iter().enumerate() {
        if s.questions.is_empty() {
            continue;
        }
        steps.push(Step::Introduction { section });
        for question in 0..s.questions.len() {
            number += 1;
            steps.push(Step::Question {
                section,
                question,
                number,
            });
        }
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixtures::feedback;

    #[test]
    fn each_section_is_introduced_before_its_first_question() {
        let definition = feedback();
        let steps = one_per_screen(&definition);
        let questions = definition.questions().count();
        assert_eq!(steps.len(), questions + definition.sections.len());
        let mut expected_number = 0;
        let mut current = None;
        for step in &steps {
            match *step {
                Step::Introduction { section } => {
                    assert_eq!(section, current.map_or(0, |c| c + 1));
                    current = Some(section);
                }
                Step::Question {
                    section, number, ..
                } => {
                    assert_eq!(Some(section), current, "a question before its introduction");
                    expected_number += 1;
                    assert_eq!(number, expected_number, "questions only are counted");
                }
            }
        }
        assert_eq!(expected_number, questions);
        assert_eq!(steps[0], Step::Introduction { section: 0 });
    }

    #[test]
    fn a_section_without_questions_has_no_screen() {
        let mut definition = feedback();
        let full = definition.sections[0].clone();
        let mut empty = full.clone();
        empty.questions.clear();
        definition.sections = vec![full.clone(), empty, full.clone()];
        let steps = one_per_screen(&definition);
        assert!(!steps.contains(&Step::Introduction { section: 1 }));
        assert!(steps
            .iter()
            .all(|s| !matches!(s, Step::Question { section: 1, .. })));
        let third = steps
            .iter()
            .position(|s| *s == Step::Introduction { section: 2 })
            .expect("the third section's introduction");
        assert_eq!(
            steps[third + 1],
            Step::Question {
                section: 2,
                question: 0,
                number: full.questions.len() + 1
            }
        );
    }
}
