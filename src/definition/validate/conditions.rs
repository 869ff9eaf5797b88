//! Conditions (V6: a `shows_when` names an earlier question with options, and values it
//! offers) and reachability (V7: no section or question hidden for ever behind a condition that
//! can never be met, or a circle of them).

use std::collections::BTreeMap;

use super::checker::{at_path, At, Checker};
use super::Rule;
use crate::definition::{Condition, Definition};

impl Checker<'_> {
    // V6, for a condition and each of its alternatives (`or`), which have none of their own.
    pub(super) fn condition(&mut self, at: At, condition: &Condition, before_index: usize) {
        self.one_condition(at, "shows_when", condition, before_index);
        for (i, alternative) in condition.or.iter().enumerate() {
            let field = format!("shows_when.or.{i}");
            if !alternative.or.is_empty() {
                self.report(
                    Rule::V6,
                    at.field(&format!("{field}.or")),
                    "an alternative has alternatives of its own",
                    "list every alternative in the first condition's \"or\"",
                );
            }
            self.one_condition(at, &field, alternative, before_index);
        }
    }

    // V6: one question and its values, written at `field` (`shows_when`, `shows_when.or.0`).
    fn one_condition(&mut self, at: At, field: &str, condition: &Condition, before_index: usize) {
        let d = self.definition;
        let place = |key: &str| at.field(&format!("{field}.{key}"));
        let target = d
            .questions()
            .enumerate()
            .find(|(_, (_, q))| q.id == condition.question);
        let Some((target_index, (_, target))) = target else {
            self.report(
                Rule::V6,
                place("question"),
                format!(
                    "the condition names question `{}`, which does not exist",
                    condition.question
                ),
                "name the id of an earlier question in this definition (ids are case-sensitive)",
            );
            return;
        };
        let own = match at {
            At::Question(_, _, _, question) => question.id == condition.question,
            _ => false,
        };
        if own {
            self.report(
                Rule::V6,
                place("question"),
                "the condition names the question itself",
                "a condition can only depend on an earlier question",
            );
        } else if target_index >= before_index {
            self.report(
                Rule::V6,
                place("question"),
                format!(
                    "the condition names question `{}`, which comes later in the definition",
                    condition.question
                ),
                "a condition can only depend on an earlier question; move one of them, or depend on another question",
            );
        }
        let Some(options) = d.options_of(target) else {
            self.report(
                Rule::V6,
                place("question"),
                format!(
                    "the condition names question `{}`, a {} question, which has no options to match",
                    condition.question,
                    target.answer.type_name()
                ),
                "depend on a rating, choice or yes/no question",
            );
            return;
        };
        if condition.any_of.is_empty() {
            self.report(
                Rule::V6,
                place("any_of"),
                "the condition lists no values, so it can never be met",
                "list at least one value in \"any_of\"",
            );
        }
        for (v, value) in condition.any_of.iter().enumerate() {
            if options.find(value).is_none() {
                let offered: Vec<&str> = options.options.iter().map(|o| o.value.as_str()).collect();
                let any_of = format!("{field}.any_of");
                let mut path = at_path(&any_of);
                let v = v.to_string();
                path.push(&v);
                let fix = match offered
                    .iter()
                    .find(|o| o.eq_ignore_ascii_case(value.as_str()))
                {
                    Some(same) => format!(
                        "write `{same}`: values are case-sensitive; its values are: {}",
                        offered.join(", ")
                    ),
                    None => format!("use one of its values: {}", offered.join(", ")),
                };
                self.report(
                    Rule::V6,
                    at.place(&any_of, &path),
                    format!(
                        "question `{}` has no option with the value `{value}`",
                        condition.question
                    ),
                    fix,
                );
            }
        }
    }

    // V7
    pub(super) fn reachability(&mut self) {
        let d = self.definition;
        let shown = Visibility::of(d);
        for (s, section) in d.sections.iter().enumerate() {
            if !shown.sections[s] {
                if let Some(why) = shown.explain(d, Item::Section(s)) {
                    self.report(
                        Rule::V7,
                        At::Section(s, section).field("shows_when"),
                        format!("the section can never be shown: {}", why.0),
                        why.1,
                    );
                }
                continue;
            }
            for (q, question) in section.questions.iter().enumerate() {
                if shown.questions[s][q] {
                    continue;
                }
                if let Some(why) = shown.explain(d, Item::Question(s, q)) {
                    let message = if question.required {
                        format!(
                            "the question is required, but it can never be shown: {}",
                            why.0
                        )
                    } else {
                        format!("the question can never be shown: {}", why.0)
                    };
                    self.report(
                        Rule::V7,
                        At::Question(s, section, q, question).field("shows_when"),
                        message,
                        why.1,
                    );
                }
            }
        }
    }
}

/// A section or a question, by position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Section(usize),
    Question(usize, usize),
}

/// Which sections and questions can ever be shown: the least fixed point of "shown when its
/// section is shown and its condition names a question that can be shown with a value it offers",
/// so conditions that go round in a circle are never met.
struct Visibility {
    sections: Vec<bool>,
    questions: Vec<Vec<bool>>,
    /// Where each question id first appears.
    positions: BTreeMap<String, (usize, usize)>,
}

impl Visibility {
    pub(super) fn of(d: &Definition) -> Self {
        let mut positions = BTreeMap::new();
        for (s, section) in d.sections.iter().enumerate() {
            for (q, question) in section.questions.iter().enumerate() {
                positions.entry(question.id.to_string()).or_insert((s, q));
            }
        }
        let mut shown = Visibility {
            sections: vec![false; d.sections.len()],
            questions: d
                .sections
                .iter()
                .map(|s| vec![false; s.questions.len()])
                .collect(),
            positions,
        };
        loop {
            let mut changed = false;
            for (s, section) in d.sections.iter().enumerate() {
                if !shown.sections[s] && shown.can_meet(d, section.shows_when.as_ref()) {
                    shown.sections[s] = true;
                    changed = true;
                }
                for (q, question) in section.questions.iter().enumerate() {
                    if !shown.questions[s][q]
                        && shown.sections[s]
                        && shown.can_meet(d, question.shows_when.as_ref())
                    {
                        shown.questions[s][q] = true;
                        changed = true;
                    }
                }
            }
            if !changed {
                return shown;
            }
        }
    }

    /// True when the condition (if any) can be met, given what is known to be shown so far.
    fn can_meet(&self, d: &Definition, condition: Option<&Condition>) -> bool {
        let Some(condition) = condition else {
            return true;
        };
        condition.alternatives().any(|one| {
            self.positions
                .get(one.question.as_str())
                .is_some_and(|&(s, q)| self.questions[s][q] && sound_one(d, one))
        })
    }

    fn condition_of(d: &Definition, item: Item) -> Option<&Condition> {
        match item {
            Item::Section(s) => d.sections[s].shows_when.as_ref(),
            Item::Question(s, q) => d.sections[s].questions[q].shows_when.as_ref(),
        }
    }

    /// True when the item's own condition could be met by itself: [`sound`], and not naming the
    /// question it belongs to.
    fn sound_for(d: &Definition, item: Item, condition: &Condition) -> bool {
        condition.alternatives().any(|one| {
            let names_itself = match item {
                Item::Question(s, q) => d.sections[s].questions[q].id == one.question,
                Item::Section(_) => false,
            };
            !names_itself && sound_one(d, one)
        })
    }

    pub(super) fn name(d: &Definition, item: Item) -> String {
        match item {
            Item::Section(s) => format!("section `{}`", d.sections[s].id),
            Item::Question(s, q) => format!("question `{}`", d.sections[s].questions[q].id),
        }
    }

    /// Why a hidden item can never be shown, and the fix; `None` when its own condition is wrong
    /// in itself (V6 reports that).
    fn explain(&self, d: &Definition, item: Item) -> Option<(String, String)> {
        let own = Self::condition_of(d, item)?;
        if !Self::sound_for(d, item, own) {
            return None;
        }
        if !own.or.is_empty() {
            let names: Vec<String> = own
                .alternatives()
                .map(|one| format!("`{}`", one.question))
                .collect();
            return Some((
                format!(
                    "none of its alternatives can be met: it depends on questions {}, none of which can be shown",
                    names.join(", ")
                ),
                "make one of them depend on a question that is always shown, earlier in the definition".to_owned(),
            ));
        }
        let mut chain = String::from("its condition depends on");
        let mut seen = vec![item];
        let mut current = item;
        loop {
            // What keeps `current` hidden: its section, or the question its condition names.
            let next = match current {
                Item::Question(s, _) if !self.sections[s] => {
                    chain.push_str(&format!(
                        ", which is in {}",
                        Self::name(d, Item::Section(s))
                    ));
                    Item::Section(s)
                }
                _ => {
                    let condition = Self::condition_of(d, current)?;
                    if !Self::sound_for(d, current, condition) {
                        chain.push_str(", whose own condition can never be met");
                        return Some((
                            chain,
                            format!(
                                "correct the condition of {} (reported on its own), or make this condition depend on another question",
                                Self::name(d, current)
                            ),
                        ));
                    }
                    let &(s, q) = self.positions.get(condition.question.as_str())?;
                    let target = Item::Question(s, q);
                    if current != item {
                        chain.push_str(", whose condition depends on");
                    }
                    chain.push_str(&format!(" {}", Self::name(d, target)));
                    target
                }
            };
            if seen.contains(&next) {
                chain.push_str(": the conditions go round in a circle");
                return Some((
                    chain,
                    "make one of these conditions depend on a question that is always shown, earlier in the definition".to_owned(),
                ));
            }
            seen.push(next);
            current = next;
        }
    }
}

/// True when one question and its values, taken by themselves, could be met: the question exists
/// and offers at least one of the values.
fn sound_one(d: &Definition, condition: &Condition) -> bool {
    d.question(&condition.question)
        .and_then(|target| d.options_of(target))
        .is_some_and(|options| {
            condition
                .any_of
                .iter()
                .any(|value| options.find(value).is_some())
        })
}
