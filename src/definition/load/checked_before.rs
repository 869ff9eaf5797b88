//! Reading a file whose exact text passed every check before ([`super::read_checked_before`]),
//! by hand, field by field, with [`Pull`].
//!
//! Owns: building a [`Definition`] from such text with no generic code per type. serde's derived
//! readers give the same definition (a test holds the two equal on every bundled and test file,
//! and on every value of every named option); they stay the way in for every other text, since
//! only they can say what is wrong.
//! Must not touch: checks of any kind. Anything unexpected (a field this reader does not know, a
//! value of the wrong kind) gives `None`, and the caller goes the long way: a field added to the
//! format and not here costs speed, never a wrong definition.

use crate::list_map::ListMap;

use crate::definition::{
    Aggregation, AnswerKind, Band, Collect, Condition, Definition, EasyReadNotices, Nation,
    Notices, Parts, Per, PlanConfig, PlanField, PlanFieldKind, Prefill, Question, RetiredQuestion,
    Scale, ScaleOption, ScoringConfig, Section, Special, Theme, Tone, ToolKind, TranslationCheck,
};
use crate::frameworks::MappingRef;
use crate::lang::Lang;
use crate::pull::Pull;
use crate::text::Text;

/// Reads the definition in `text` (no byte order mark), or `None`.
pub(super) fn read(text: &str) -> Option<Definition> {
    let reader = Reader {
        primary: primary(text)?,
    };
    let mut pull = Pull::new(text);
    let definition = reader.definition(&mut pull)?;
    pull.end()?;
    Some(definition)
}

/// The primary language: the first of the definition's `languages`, English when there is none
/// or it is not a language (as the long way reads it).
fn primary(text: &str) -> Option<Lang> {
    let mut first = None;
    Pull::new(text).object(&mut |pull, key| {
        if key != "languages" {
            return pull.skip();
        }
        let codes = pull.vec(&mut Pull::string)?;
        first = codes.first().and_then(|code| Lang::from_code(code));
        Some(())
    })?;
    Some(first.unwrap_or(Lang::En))
}

/// Reads each kind of value; plain-string texts are in `primary`.
struct Reader {
    primary: Lang,
}

impl Reader {
    fn definition(&self, pull: &mut Pull) -> Option<Definition> {
        let (mut schema, mut id, mut version, mut kind) = (None, None, None, None);
        let mut languages = None;
        let mut translation = ListMap::new();
        let mut partly_in = ListMap::new();
        let (mut title, mut purpose, mut audience, mut nation, mut alignment) =
            (None, None, None, None, None);
        let mut notices = Notices::default();
        let mut collect = Collect::default();
        let mut scales = ListMap::new();
        let mut themes = Vec::new();
        let (mut scoring, mut plan, mut sections) = (None, None, None);
        let mut retired = Vec::new();
        pull.object(&mut |pull, key| {
            match key {
                "$schema" => schema = Some(pull.string()?),
                "id" => id = Some(pull.string()?.into()),
                "version" => version = Some(pull.string()?),
                "kind" => kind = Some(tool_kind(&pull.string()?)?),
                "languages" => languages = Some(pull.vec(&mut |p| lang(&p.string()?))?),
                "translation" => {
                    translation = keyed(pull, &mut |p, code| {
                        Some((lang(code)?, translation_check(p)?))
                    })?;
                }
                "partly_in" => {
                    partly_in = keyed(pull, &mut |p, code| Some((lang(code)?, parts(p)?)))?;
                }
                "title" => title = Some(self.text(pull)?),
                "purpose" => purpose = Some(self.text(pull)?),
                "audience" => audience = Some(self.text(pull)?),
                "nation" => nation = Some(self::nation(&pull.string()?)?),
                "alignment" => alignment = Some(self.text(pull)?),
                "notices" => notices = self.notices(pull)?,
                "collect" => collect = self::collect(pull)?,
                "scales" => {
                    scales = keyed(pull, &mut |p, id| Some((id.into(), self.scale(p)?)))?;
                }
                "themes" => themes = pull.vec(&mut |p| self.theme(p))?,
                "scoring" => scoring = pull.nullable(&mut |p| self.scoring(p))?,
                "plan" => plan = pull.nullable(&mut |p| self.plan(p))?,
                "sections" => sections = Some(pull.vec(&mut |p| self.section(p))?),
                "retired" => retired = pull.vec(&mut |p| self.retired(p))?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Definition {
            schema: schema?,
            id: id?,
            version: version?,
            kind: kind?,
            languages: languages.unwrap_or_else(|| vec![Lang::En]),
            translation,
            partly_in,
            title: title?,
            purpose: purpose?,
            audience: audience?,
            nation: nation?,
            alignment: alignment?,
            notices,
            collect,
            scales,
            themes,
            scoring,
            plan,
            sections: sections?,
            retired,
        })
    }

    /// A text: a plain string in the primary language, or one per language.
    fn text(&self, pull: &mut Pull) -> Option<Text> {
        if pull.null() {
            return None;
        }
        if let Some(text) = pull.string() {
            return Some(Text::new(self.primary, text));
        }
        let mut entries: Vec<(Lang, String)> = Vec::new();
        pull.object(&mut |pull, code| {
            let lang = lang(code)?;
            let text = pull.string()?;
            if entries.iter().any(|(given, _)| *given == lang) {
                return None;
            }
            entries.push((lang, text));
            Some(())
        })?;
        Some(Text::ordered(entries, self.primary))
    }

    /// A text that may be left out or `null`.
    fn optional_text(&self, pull: &mut Pull) -> Option<Option<Text>> {
        pull.nullable(&mut |p| self.text(p))
    }

    fn notices(&self, pull: &mut Pull) -> Option<Notices> {
        let mut notices = Notices::default();
        pull.object(&mut |pull, key| {
            match key {
                "anonymity" => notices.anonymity = self.optional_text(pull)?,
                "crisis" => notices.crisis = self.optional_text(pull)?,
                "thank_you" => notices.thank_you = self.optional_text(pull)?,
                "easy_read" => notices.easy_read = self.easy_read_notices(pull)?,
                _ => return None,
            }
            Some(())
        })?;
        Some(notices)
    }

    fn easy_read_notices(&self, pull: &mut Pull) -> Option<EasyReadNotices> {
        let mut notices = EasyReadNotices::default();
        pull.object(&mut |pull, key| {
            match key {
                "anonymity" => notices.anonymity = self.optional_text(pull)?,
                "crisis" => notices.crisis = self.optional_text(pull)?,
                "thank_you" => notices.thank_you = self.optional_text(pull)?,
                _ => return None,
            }
            Some(())
        })?;
        Some(notices)
    }

    fn scale(&self, pull: &mut Pull) -> Option<Scale> {
        let (mut description, mut options) = (None, None);
        pull.object(&mut |pull, key| {
            match key {
                "description" => description = pull.nullable(&mut Pull::string)?,
                "options" => options = Some(self.options(pull)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Scale {
            description,
            options: options?,
        })
    }

    fn options(&self, pull: &mut Pull) -> Option<Vec<ScaleOption>> {
        pull.vec(&mut |p| self.option(p))
    }

    fn option(&self, pull: &mut Pull) -> Option<ScaleOption> {
        let (mut value, mut label) = (None, None);
        let (mut easy_read, mut description, mut points, mut special) = (None, None, None, None);
        let mut positive = false;
        pull.object(&mut |pull, key| {
            match key {
                "value" => value = Some(pull.string()?.into()),
                "label" => label = Some(self.text(pull)?),
                "easy_read" => easy_read = self.optional_text(pull)?,
                "description" => description = self.optional_text(pull)?,
                "points" => points = pull.nullable(&mut Pull::number)?,
                "special" => special = pull.nullable(&mut |p| self::special(&p.string()?))?,
                "positive" => positive = pull.boolean()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(ScaleOption {
            value: value?,
            label: label?,
            easy_read,
            description,
            points,
            special,
            positive,
        })
    }

    fn theme(&self, pull: &mut Pull) -> Option<Theme> {
        let (mut id, mut title) = (None, None);
        pull.object(&mut |pull, key| {
            match key {
                "id" => id = Some(pull.string()?.into()),
                "title" => title = Some(self.text(pull)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Theme {
            id: id?,
            title: title?,
        })
    }

    fn scoring(&self, pull: &mut Pull) -> Option<ScoringConfig> {
        let (mut aggregate, mut bands) = (Aggregation::default(), None);
        pull.object(&mut |pull, key| {
            match key {
                "aggregate" => aggregate = aggregation(&pull.string()?)?,
                "bands" => bands = Some(self.bands(pull)?),
                _ => return None,
            }
            Some(())
        })?;
        Some(ScoringConfig {
            aggregate,
            bands: bands?,
        })
    }

    fn bands(&self, pull: &mut Pull) -> Option<Vec<Band>> {
        pull.vec(&mut |p| self.band(p))
    }

    fn band(&self, pull: &mut Pull) -> Option<Band> {
        let (mut id, mut label, mut meaning) = (None, None, None);
        let (mut from_percent, mut to_percent, mut tone) = (None, None, None);
        let mut proposes_action = false;
        pull.object(&mut |pull, key| {
            match key {
                "id" => id = Some(pull.string()?.into()),
                "label" => label = Some(self.text(pull)?),
                "meaning" => meaning = Some(self.text(pull)?),
                "from_percent" => from_percent = Some(pull.number()?),
                "to_percent" => to_percent = Some(pull.number()?),
                "tone" => tone = Some(self::tone(&pull.string()?)?),
                "proposes_action" => proposes_action = pull.boolean()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Band {
            id: id?,
            label: label?,
            meaning: meaning?,
            from_percent: from_percent?,
            to_percent: to_percent?,
            tone: tone?,
            proposes_action,
        })
    }

    fn plan(&self, pull: &mut Pull) -> Option<PlanConfig> {
        let (mut title, mut intro, mut fields) = (None, None, None);
        let mut propose_from_answers = false;
        pull.object(&mut |pull, key| {
            match key {
                "title" => title = Some(self.text(pull)?),
                "intro" => intro = self.optional_text(pull)?,
                "fields" => fields = Some(pull.vec(&mut |p| self.plan_field(p))?),
                "propose_from_answers" => propose_from_answers = pull.boolean()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(PlanConfig {
            title: title?,
            intro,
            fields: fields?,
            propose_from_answers,
        })
    }

    fn plan_field(&self, pull: &mut Pull) -> Option<PlanField> {
        let (mut field, mut label, mut help) = (None, None, None);
        let mut required = false;
        pull.object(&mut |pull, key| {
            match key {
                "field" => field = Some(plan_field_kind(&pull.string()?)?),
                "label" => label = Some(self.text(pull)?),
                "help" => help = self.optional_text(pull)?,
                "required" => required = pull.boolean()?,
                _ => return None,
            }
            Some(())
        })?;
        Some(PlanField {
            field: field?,
            label: label?,
            help,
            required,
        })
    }

    fn section(&self, pull: &mut Pull) -> Option<Section> {
        let (mut id, mut title, mut intro, mut easy_read) = (None, None, None, None);
        let mut maps_to = Vec::new();
        let (mut shows_when, mut aggregate, mut bands, mut prefill_from) = (None, None, None, None);
        let mut questions = None;
        pull.object(&mut |pull, key| {
            match key {
                "id" => id = Some(pull.string()?.into()),
                "title" => title = Some(self.text(pull)?),
                "intro" => intro = Some(self.text(pull)?),
                "easy_read" => easy_read = self.optional_text(pull)?,
                "maps_to" => maps_to = mappings(pull)?,
                "shows_when" => shows_when = pull.nullable(&mut condition)?,
                "aggregate" => aggregate = pull.nullable(&mut |p| aggregation(&p.string()?))?,
                "bands" => bands = pull.nullable(&mut |p| self.bands(p))?,
                "prefill_from" => prefill_from = pull.nullable(&mut prefill)?,
                "questions" => questions = Some(pull.vec(&mut |p| self.question(p))?),
                _ => return None,
            }
            Some(())
        })?;
        Some(Section {
            id: id?,
            title: title?,
            intro: intro?,
            easy_read,
            maps_to,
            shows_when,
            aggregate,
            bands,
            prefill_from,
            questions: questions?,
        })
    }

    fn question(&self, pull: &mut Pull) -> Option<Question> {
        let (mut id, mut text, mut answer) = (None, None, None);
        let (mut easy_read, mut help, mut evidence_prompt) = (None, None, None);
        let (mut suggested_action, mut statutory_basis) = (None, None);
        let (mut required, mut statutory_minimum) = (false, false);
        let mut weight = 1;
        let (mut theme, mut shows_when) = (None, None);
        let mut maps_to = Vec::new();
        pull.object(&mut |pull, key| {
            match key {
                "id" => id = Some(pull.string()?.into()),
                "text" => text = Some(self.text(pull)?),
                "answer" => answer = Some(self.answer(pull)?),
                "easy_read" => easy_read = self.optional_text(pull)?,
                "help" => help = self.optional_text(pull)?,
                "evidence_prompt" => evidence_prompt = self.optional_text(pull)?,
                "suggested_action" => suggested_action = self.optional_text(pull)?,
                "required" => required = pull.boolean()?,
                "statutory_minimum" => statutory_minimum = pull.boolean()?,
                "statutory_basis" => statutory_basis = self.optional_text(pull)?,
                "weight" => weight = pull.number()?,
                "theme" => theme = pull.nullable(&mut |p| p.string().map(Into::into))?,
                "maps_to" => maps_to = mappings(pull)?,
                "shows_when" => shows_when = pull.nullable(&mut condition)?,
                _ => return None,
            }
            Some(())
        })?;
        Some(Question {
            id: id?,
            text: text?,
            answer: answer?,
            easy_read,
            help,
            evidence_prompt,
            suggested_action,
            required,
            statutory_minimum,
            statutory_basis,
            weight,
            theme,
            maps_to,
            shows_when,
        })
    }

    /// An answer kind: its `"type"`, and the fields that type takes, in any order.
    fn answer(&self, pull: &mut Pull) -> Option<AnswerKind> {
        let mut kind = None;
        let (mut scale, mut options, mut yes_points, mut no_points) = (None, None, None, None);
        let (mut max_length, mut unit, mut min, mut max) = (None, None, None, None);
        let (mut decimals, mut per) = (None, None);
        // The fields given, as bits in the order of `ANSWER_FIELDS`: each type takes only its own.
        let mut given = 0u16;
        pull.object(&mut |pull, key| {
            given |= 1 << ANSWER_FIELDS.iter().position(|field| *field == key)?;
            match key {
                "type" => kind = Some(pull.string()?),
                "scale" => scale = Some(pull.string()?.into()),
                "options" => options = Some(self.options(pull)?),
                "yes_points" => yes_points = pull.nullable(&mut Pull::number)?,
                "no_points" => no_points = pull.nullable(&mut Pull::number)?,
                "max_length" => max_length = pull.nullable(&mut Pull::number)?,
                "unit" => unit = Some(self.text(pull)?),
                "min" => min = Some(pull.integer()?),
                "max" => max = Some(pull.integer()?),
                "decimals" => decimals = Some(pull.number()?),
                "per" => per = pull.nullable(&mut per_basis)?,
                _ => return None,
            }
            Some(())
        })?;
        // Bits of `ANSWER_FIELDS`: type 1, scale 2, options 4, yes and no points 8 and 16,
        // max_length 32, unit 64, min 128, max 256, decimals 512, per 1024.
        let (answer, takes) = match kind?.as_str() {
            "rating" => (AnswerKind::Rating { scale: scale? }, 1 | 2),
            "single_choice" => (AnswerKind::SingleChoice { options: options? }, 1 | 4),
            "multiple_choice" => (AnswerKind::MultipleChoice { options: options? }, 1 | 4),
            "yes_no" => (
                AnswerKind::YesNo {
                    yes_points,
                    no_points,
                },
                1 | 8 | 16,
            ),
            "short_text" => (AnswerKind::ShortText { max_length }, 1 | 32),
            "long_text" => (AnswerKind::LongText { max_length }, 1 | 32),
            "date" => (AnswerKind::Date {}, 1),
            "number" => (
                AnswerKind::Number {
                    unit: unit?,
                    min: min?,
                    max: max?,
                    decimals: decimals.unwrap_or(0),
                    per,
                },
                1 | 64 | 128 | 256 | 512 | 1024,
            ),
            _ => return None,
        };
        (given & !takes == 0).then_some(answer)
    }

    fn retired(&self, pull: &mut Pull) -> Option<RetiredQuestion> {
        let (mut id, mut text, mut since, mut carried_to) = (None, None, None, None);
        pull.object(&mut |pull, key| {
            match key {
                "id" => id = Some(pull.string()?.into()),
                "text" => text = Some(self.text(pull)?),
                "since" => since = Some(pull.string()?),
                "carried_to" => carried_to = pull.nullable(&mut |p| p.string().map(Into::into))?,
                _ => return None,
            }
            Some(())
        })?;
        Some(RetiredQuestion {
            id: id?,
            text: text?,
            since: since?,
            carried_to,
        })
    }
}

/// The fields an answer may give (see [`Reader::answer`]).
const ANSWER_FIELDS: [&str; 11] = [
    "type",
    "scale",
    "options",
    "yes_points",
    "no_points",
    "max_length",
    "unit",
    "min",
    "max",
    "decimals",
    "per",
];

/// Reads one entry of a map from its key and value.
type Entry<'e, K, V> = dyn FnMut(&mut Pull, &str) -> Option<(K, V)> + 'e;

/// An object read into a map, each entry by `entry`.
fn keyed<K: Ord, V>(pull: &mut Pull, entry: &mut Entry<K, V>) -> Option<ListMap<K, V>> {
    let mut map = ListMap::new();
    pull.object(&mut |pull, key| {
        let (key, value) = entry(pull, key)?;
        map.insert(key, value);
        Some(())
    })?;
    Some(map)
}

fn lang(code: &str) -> Option<Lang> {
    Lang::from_code(code)
}

fn translation_check(pull: &mut Pull) -> Option<TranslationCheck> {
    // Each may be left out or `null` (serde takes an `Option` left out as `None`).
    let mut check = TranslationCheck::default();
    pull.object(&mut |pull, key| {
        match key {
            "checked_by" => check.checked_by = pull.nullable(&mut Pull::string)?,
            "checked_on" => check.checked_on = pull.nullable(&mut |p| p.string()?.parse().ok())?,
            _ => return None,
        }
        Some(())
    })?;
    Some(check)
}

fn parts(pull: &mut Pull) -> Option<Parts> {
    let mut parts = Parts::default();
    pull.object(&mut |pull, key| {
        match key {
            "sections" => parts.sections = pull.vec(&mut |p| p.string().map(Into::into))?,
            "scales" => parts.scales = pull.vec(&mut |p| p.string().map(Into::into))?,
            _ => return None,
        }
        Some(())
    })?;
    Some(parts)
}

fn collect(pull: &mut Pull) -> Option<Collect> {
    let mut collect = Collect::default();
    pull.object(&mut |pull, key| {
        match key {
            "evidence" => collect.evidence = pull.boolean()?,
            "comments" => collect.comments = pull.boolean()?,
            "priority" => collect.priority = pull.boolean()?,
            _ => return None,
        }
        Some(())
    })?;
    Some(collect)
}

fn mappings(pull: &mut Pull) -> Option<Vec<MappingRef>> {
    pull.vec(&mut |p| p.string().map(MappingRef))
}

fn condition(pull: &mut Pull) -> Option<Condition> {
    let (mut question, mut any_of) = (None, None);
    let mut or = Vec::new();
    pull.object(&mut |pull, key| {
        match key {
            "question" => question = Some(pull.string()?.into()),
            "any_of" => any_of = Some(pull.vec(&mut |p| p.string().map(Into::into))?),
            "or" => or = pull.vec(&mut condition)?,
            _ => return None,
        }
        Some(())
    })?;
    Some(Condition {
        question: question?,
        any_of: any_of?,
        or,
    })
}

fn prefill(pull: &mut Pull) -> Option<Prefill> {
    let (mut definition, mut sections) = (None, None);
    pull.object(&mut |pull, key| {
        match key {
            "definition" => definition = Some(pull.string()?.into()),
            "sections" => sections = Some(pull.vec(&mut |p| p.string().map(Into::into))?),
            _ => return None,
        }
        Some(())
    })?;
    Some(Prefill {
        definition: definition?,
        sections: sections?,
    })
}

fn per_basis(pull: &mut Pull) -> Option<Per> {
    let (mut basis, mut question) = (None, None);
    pull.object(&mut |pull, key| {
        match key {
            "basis" => basis = Some(pull.string()?),
            "question" => question = Some(pull.string()?.into()),
            _ => return None,
        }
        Some(())
    })?;
    let question = question?;
    match basis?.as_str() {
        "fte" => Some(Per::Fte { question }),
        "population" => Some(Per::Population { question }),
        _ => None,
    }
}

// The named options, as serde writes them (`rename_all = "snake_case"`); a test reads every
// value serde writes.

// Written out here rather than `ToolKind::from_name` and `Nation::from_name`, which the app's
// first module uses too: sharing them made the first module export them to the later part.
fn tool_kind(name: &str) -> Option<ToolKind> {
    Some(match name {
        "audit" => ToolKind::Audit,
        "feedback" => ToolKind::Feedback,
        "conversation" => ToolKind::Conversation,
        "statement" => ToolKind::Statement,
        _ => return None,
    })
}

fn nation(name: &str) -> Option<Nation> {
    Some(match name {
        "england" => Nation::England,
        "wales" => Nation::Wales,
        "england_and_wales" => Nation::EnglandAndWales,
        _ => return None,
    })
}

fn special(name: &str) -> Option<Special> {
    Some(match name {
        "not_applicable" => Special::NotApplicable,
        "dont_know" => Special::DontKnow,
        "prefer_not_to_say" => Special::PreferNotToSay,
        _ => return None,
    })
}

fn aggregation(name: &str) -> Option<Aggregation> {
    Some(match name {
        "percent_of_maximum" => Aggregation::PercentOfMaximum,
        "lowest_item" => Aggregation::LowestItem,
        _ => return None,
    })
}

fn tone(name: &str) -> Option<Tone> {
    Some(match name {
        "red" => Tone::Red,
        "amber" => Tone::Amber,
        "green" => Tone::Green,
        "neutral" => Tone::Neutral,
        _ => return None,
    })
}

fn plan_field_kind(name: &str) -> Option<PlanFieldKind> {
    Some(match name {
        "action" => PlanFieldKind::Action,
        "lead" => PlanFieldKind::Lead,
        "partners" => PlanFieldKind::Partners,
        "target_date" => PlanFieldKind::TargetDate,
        "success_measure" => PlanFieldKind::SuccessMeasure,
        "status" => PlanFieldKind::Status,
        "review_date" => PlanFieldKind::ReviewDate,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::pull::serde_name as written;

    #[test]
    fn every_named_option_reads_as_serde_writes_it() {
        for value in [
            Special::NotApplicable,
            Special::DontKnow,
            Special::PreferNotToSay,
        ] {
            assert_eq!(special(&written(value)), Some(value));
        }
        for value in [Aggregation::PercentOfMaximum, Aggregation::LowestItem] {
            assert_eq!(aggregation(&written(value)), Some(value));
        }
        for value in [Tone::Red, Tone::Amber, Tone::Green, Tone::Neutral] {
            assert_eq!(tone(&written(value)), Some(value));
        }
        for value in [
            PlanFieldKind::Action,
            PlanFieldKind::Lead,
            PlanFieldKind::Partners,
            PlanFieldKind::TargetDate,
            PlanFieldKind::SuccessMeasure,
            PlanFieldKind::Status,
            PlanFieldKind::ReviewDate,
        ] {
            assert_eq!(plan_field_kind(&written(value)), Some(value));
        }
        for value in ToolKind::ALL {
            assert_eq!(tool_kind(&written(value)), Some(value));
        }
        for value in Nation::ALL {
            assert_eq!(nation(&written(value)), Some(value));
        }
        for value in Lang::ALL {
            assert_eq!(lang(&written(value)), Some(value));
        }
    }
    /// A definition that gives every field the format has, most of them in both ways they can
    /// be written (a plain string and a text per language; a value and `null`).
    const EVERY_FIELD: &str = r#"{
      "$schema": "schema.json", "id": "every-field", "version": "1.2.3", "kind": "audit",
      "languages": LANGUAGES,
      "translation": { "cy": { "checked_by": "A \"checker\"\n\u00e2\ud83d\ude00", "checked_on": "2026-12-01" },
                       "en": { "checked_by": null } },
      "partly_in": { "cy": { "sections": ["s1"], "scales": ["agree"] }, "en": {} },
      "title": "Title", "purpose": { "en": "Purpose", "cy": "Pwrpas" }, "audience": { "cy": "Cynulleidfa" },
      "nation": "england_and_wales", "alignment": "Aligned",
      "notices": { "anonymity": "Anon", "crisis": null, "thank_you": { "en": "Thanks" },
                   "easy_read": { "anonymity": "Easy anon", "crisis": "Easy crisis", "thank_you": null } },
      "collect": { "evidence": true, "comments": false, "priority": true },
      "scales": {
        "agree": { "description": "Agreement", "options": [
          { "value": "yes", "label": "Yes", "easy_read": "Yes!", "description": { "en": "D" }, "points": 2, "positive": true },
          { "value": "na", "label": "N/A", "special": "not_applicable", "points": null, "easy_read": null },
          { "value": "dk", "label": "?", "special": "dont_know", "positive": false } ] },
        "plain": { "description": null, "options": [] }
      },
      "themes": [ { "id": "voice", "title": "Voice" } ],
      "scoring": { "aggregate": "lowest_item", "bands": [
        { "id": "red", "label": "Red", "meaning": "Not yet", "from_percent": 0, "to_percent": 50, "tone": "red", "proposes_action": true },
        { "id": "green", "label": "Green", "meaning": "Done", "from_percent": 50, "to_percent": 100, "tone": "neutral" } ] },
      "plan": { "title": "Plan", "intro": "Intro", "propose_from_answers": true, "fields": [
        { "field": "action", "label": "Action", "help": "Help", "required": true },
        { "field": "review_date", "label": "Review", "help": null } ] },
      "sections": [
        { "id": "s1", "title": "One", "intro": "Intro", "easy_read": "Easy", "maps_to": ["role:A", "employer:5"],
          "shows_when": { "question": "q0", "any_of": ["a", "b"], "or": [ { "question": "q9", "any_of": [] } ] },
          "aggregate": "percent_of_maximum", "bands": null, "prefill_from": { "definition": "self-assessment", "sections": ["x", "y"] },
          "questions": [
            { "id": "q1", "text": "Rated?", "answer": { "type": "rating", "scale": "agree" }, "easy_read": "E", "help": "H",
              "evidence_prompt": "EP", "suggested_action": "SA", "required": true, "statutory_minimum": true,
              "statutory_basis": "MHA 1983 s114", "weight": 3, "theme": "voice", "maps_to": ["pcf:knowledge"],
              "shows_when": { "question": "q0", "any_of": ["a"] } },
            { "id": "q2", "text": "Choose", "answer": { "options": [ { "value": "o", "label": "O" } ], "type": "single_choice" },
              "theme": null, "shows_when": null, "help": null, "weight": 1 },
            { "id": "q3", "text": "Many", "answer": { "type": "multiple_choice", "options": [] } },
            { "id": "q4", "text": "Yes?", "answer": { "type": "yes_no", "yes_points": 1, "no_points": 0 } },
            { "id": "q5", "text": "Yes?", "answer": { "type": "yes_no", "yes_points": null } },
            { "id": "q6", "text": "Short", "answer": { "type": "short_text", "max_length": 50 } },
            { "id": "q7", "text": "Long", "answer": { "type": "long_text" } },
            { "id": "q8", "text": "When", "answer": { "type": "date" } },
            { "id": "q9", "text": "FTE", "answer": { "unit": "FTE", "type": "number", "min": -5, "max": 100000, "decimals": 2 } },
            { "id": "q10", "text": "Rate", "answer": { "type": "number", "unit": { "en": "cases", "cy": "achosion" }, "min": 0, "max": 10,
              "per": { "question": "q9", "basis": "fte" } } },
            { "id": "q11", "text": "Pop", "answer": { "type": "number", "unit": "%", "min": 0, "max": 10, "per": { "basis": "population", "question": "q9" } } },
            { "id": "q12", "text": "None", "answer": { "type": "number", "unit": "%", "min": 0, "max": 10, "per": null } }
          ] },
        { "id": "s2", "title": "Two", "intro": "Intro", "bands": [], "aggregate": null, "questions": [] }
      ],
      "retired": [ { "id": "old", "text": "Old", "since": "2.0.0", "carried_to": "q1" }, { "id": "older", "text": "Older", "since": "1.0.0" } ]
    }"#;

    /// The definition serde's derived readers give for `text`, read with `primary`.
    fn by_serde(text: &str, primary: Lang) -> Definition {
        crate::text::read_with_primary(primary, || serde_json::from_str(text)).unwrap()
    }

    #[test]
    fn every_field_reads_as_serde_reads_it() {
        for (languages, primary) in [("[\"cy\", \"en\"]", Lang::Cy), ("[\"en\"]", Lang::En)] {
            let text = EVERY_FIELD.replace("LANGUAGES", languages);
            assert_eq!(read(&text), Some(by_serde(&text, primary)), "{languages}");
        }
        // With no `languages` at all, and squeezed onto one line.
        let text = EVERY_FIELD.replace("\"languages\": LANGUAGES,", "");
        let squeezed: String =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&text).unwrap())
                .unwrap();
        assert_eq!(read(&text), Some(by_serde(&text, Lang::En)));
        assert_eq!(read(&squeezed), Some(by_serde(&squeezed, Lang::En)));
    }

    /// Repeated keys are not looked for: the text passed the check for them before.
    #[test]
    fn anything_serde_would_refuse_gives_none() {
        let text = EVERY_FIELD.replace("LANGUAGES", "[\"en\"]");
        assert!(read(&text).is_some());
        for (from, to) in [
            // An unknown field at each depth.
            ("\"nation\":", "\"colour\": 1, \"nation\":"),
            ("\"weight\": 3", "\"weight\": 3, \"colour\": 1"),
            // A field the answer's type does not take.
            (
                "\"type\": \"date\"",
                "\"type\": \"date\", \"max_length\": 5",
            ),
            // Unknown names.
            ("\"lowest_item\"", "\"highest_item\""),
            ("\"basis\": \"fte\"", "\"basis\": \"ftes\""),
            ("\"kind\": \"audit\"", "\"kind\": \"survey\""),
            ("{ \"en\": \"Purpose\"", "{ \"fr\": \"Purpose\""),
            // Wrong kinds of value.
            ("\"weight\": 3", "\"weight\": 3.5"),
            ("\"weight\": 3", "\"weight\": -3"),
            ("\"from_percent\": 0", "\"from_percent\": 256"),
            ("\"required\": true", "\"required\": \"yes\""),
            ("\"version\": \"1.2.3\"", "\"version\": 1"),
            // A required field left out.
            ("\"alignment\": \"Aligned\"", "\"extra\": null"),
            ("\"since\": \"2.0.0\", ", ""),
            // A text given twice in one language.
            (
                "{ \"en\": \"Thanks\" }",
                "{ \"en\": \"Thanks\", \"en\": \"Ta\" }",
            ),
            // Something after the definition.
            (
                "\"since\": \"1.0.0\" } ]\n    }",
                "\"since\": \"1.0.0\" } ]\n    } {}",
            ),
        ] {
            assert!(text.contains(from), "{from}");
            let broken = text.replacen(from, to, 1);
            assert!(
                serde_json::from_str::<Definition>(&broken).is_err(),
                "serde took {to}"
            );
            assert_eq!(read(&broken), None, "{to}");
        }
    }
}
