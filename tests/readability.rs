//! Easy-read words must be easier to read than the standard words they stand in for.
//!
//! For every bundled feedback questionnaire (`kind: feedback` in `questionnaires/`), every
//! English easy-read text is paired with the standard text it replaces: a question's
//! `easy_read` with its `text`, a section's `easy_read` with its `intro`, an easy-read notice
//! (`notices.easy_read`) with its notice, and a scale option's `easy_read` with its `label`.
//! Each easy-read text must score at least as high as its standard text on the Flesch reading
//! ease formula, and at least [`EASY_ENOUGH`]. A failure names the text, both scores and both
//! wordings. Run with `-- --nocapture` to see every pair's scores.
//!
//! # The formula
//!
//! Flesch reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
//! Higher is easier: 90 to 100 reads easily at about 11 years old, 60 to 70 is plain English,
//! below 50 is hard. A score of 70 or more is about what a reader of 12 or 13 manages.
//!
//! # Counting (the heuristic, for British English)
//!
//! - **Words**: runs of letters, digits and apostrophes (`don't` is one word; `18001` is one).
//!   Hyphenated words (`open-minded`) count as their parts.
//! - **Sentences**: a `.`, `!` or `?` followed by a space or the end ends a sentence, and
//!   words after the last one make one more; text with none is one sentence. A colon or
//!   semicolon does not end one.
//! - **Syllables of a word** (a dictionary would be exact; this is close for the plain words
//!   these texts use, and errs the same way for both texts of a pair):
//!   1. A number is read digit by digit, as phone numbers are: one syllable a digit, two for
//!      a seven (`116 123` is six syllables, `85258` is five).
//!   2. Otherwise, lower-case it, drop apostrophes, and count groups of vowels (`a e i o u`,
//!      and `y` except as the first letter): `so-cial` is 2, `you` is 1.
//!   3. A final silent `e` does not count (`care`, `home`), but `-le` after a consonant does
//!      (`peo-ple`, `ta-ble`).
//!   4. A final `-ed` after a consonant is silent unless the consonant is `t` or `d`
//!      (`cared` 1, `want-ed` 2, `a-greed` 2); a final `-es` after a consonant is silent
//!      unless after `s`, `c`, `x`, `z`, `g`, `sh` or `ch` (`makes` 1, `plac-es` 2).
//!   5. `-ing` straight after a vowel is a syllable of its own (`be-ing`, `do-ing`).
//!   6. Every word has at least one syllable.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

use mhsw::definition::{load_definition, Definition, Lang, Notice, Text, ToolKind};

/// The lowest Flesch score an easy-read text may have.
const EASY_ENOUGH: f64 = 70.0;

/// The syllables of one word (rules 1 to 6 in the module notes).
fn syllables(word: &str) -> usize {
    if !word.is_empty() && word.chars().all(|c| c.is_ascii_digit()) {
        return word.chars().map(|c| if c == '7' { 2 } else { 1 }).sum();
    }
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |at: usize| -> bool {
        match letters[at] {
            'a' | 'e' | 'i' | 'o' | 'u' => true,
            'y' => at > 0,
            _ => false,
        }
    };
    let mut count = 0;
    let mut in_group = false;
    for at in 0..letters.len() {
        let is_vowel = vowel(at);
        if is_vowel && !in_group {
            count += 1;
        }
        in_group = is_vowel;
    }
    let text: String = letters.iter().collect();
    let n = letters.len();
    let consonant_before = |end: usize| n > end && !vowel(n - end - 1);
    if count > 1 {
        if text.ends_with('e') && !text.ends_with("le") && consonant_before(1) {
            count -= 1; // rule 3: a silent e
        } else if text.ends_with("le") && n >= 3 && vowel(n - 3) {
            count -= 1; // rule 3: "-ale", "-ole" and the like end in a silent e too
        } else if text.ends_with("ed")
            && n >= 3
            && !vowel(n - 3)
            && !matches!(letters[n - 3], 't' | 'd')
        {
            count -= 1; // rule 4
        } else if text.ends_with("es") && n >= 3 {
            let sounded = matches!(letters[n - 3], 's' | 'c' | 'x' | 'z' | 'g')
                || text.ends_with("shes")
                || text.ends_with("ches");
            if !sounded && !vowel(n - 3) {
                count -= 1; // rule 4
            }
        }
    }
    if text.ends_with("ing") && n >= 4 && vowel(n - 4) {
        count += 1; // rule 5
    }
    count.max(1)
}

/// The words of a text (see the module notes).
fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect()
}

/// The number of sentences in a text, at least one: the pieces between sentence ends that hold
/// a word (so a last sentence without a full stop still counts).
fn sentences(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut count = 0;
    let mut has_word = false;
    for (at, c) in chars.iter().enumerate() {
        has_word |= c.is_alphanumeric();
        let ends = matches!(c, '.' | '!' | '?')
            && chars.get(at + 1).is_none_or(|next| next.is_whitespace());
        if ends && has_word {
            count += 1;
            has_word = false;
        }
    }
    (count + usize::from(has_word)).max(1)
}

/// The Flesch reading ease of a text.
fn flesch(text: &str) -> f64 {
    let words = words(text);
    let word_count = words.len().max(1) as f64;
    let syllable_count: usize = words.iter().map(|w| syllables(w)).sum();
    206.835
        - 1.015 * (word_count / sentences(text) as f64)
        - 84.6 * (syllable_count as f64 / word_count)
}

/// One easy-read text and the standard text it stands in for.
struct Pair {
    /// Where it is, for example `feedback-carer.json, question c-whole-2`.
    place: String,
    standard: String,
    easy: String,
}

/// Every English easy-read text of `definition` paired with its standard text.
fn pairs(file: &str, definition: &Definition) -> Vec<Pair> {
    let english = |text: &Text| text.exact(Lang::En).map(str::to_owned);
    let mut found = Vec::new();
    let mut add = |place: String, standard: &Text, easy: Option<&Text>| {
        if let (Some(standard), Some(easy)) = (english(standard), easy.and_then(english)) {
            found.push(Pair {
                place: format!("{file}, {place}"),
                standard,
                easy,
            });
        }
    };
    for notice in Notice::ALL {
        if let Some(standard) = definition.notices.get(notice) {
            add(
                format!("the {} notice", notice.field()),
                standard,
                definition.notices.easy_read.get(notice),
            );
        }
    }
    for (id, scale) in &definition.scales {
        for option in &scale.options {
            add(
                format!("scale {id}, option {}", option.value),
                &option.label,
                option.easy_read.as_ref(),
            );
        }
    }
    for section in &definition.sections {
        add(
            format!("section {}'s introduction", section.id),
            &section.intro,
            section.easy_read.as_ref(),
        );
        for question in &section.questions {
            add(
                format!("question {}", question.id),
                &question.text,
                question.easy_read.as_ref(),
            );
        }
    }
    found
}

/// The bundled feedback questionnaires, by file name.
fn feedback_definitions() -> Vec<(String, Definition)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("questionnaires");
    let mut files: Vec<_> = fs::read_dir(&folder)
        .expect("the questionnaires folder")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).ok()?;
            let definition = load_definition(&name, &text).ok()?;
            (definition.kind == ToolKind::Feedback).then_some((name, definition))
        })
        .collect()
}

#[test]
fn syllables_are_counted_by_the_documented_rules() {
    let cases = [
        // Vowel groups, with y as a vowel except first.
        ("social", 2),
        ("worker", 2),
        ("you", 1),
        ("very", 2),
        ("questions", 2),
        // A silent final e, but a sounded -le.
        ("care", 1),
        ("home", 1),
        ("people", 2),
        ("table", 2),
        ("while", 1),
        ("the", 1),
        ("be", 1),
        // -ed and -es.
        ("cared", 1),
        ("worked", 1),
        ("wanted", 2),
        ("needed", 2),
        ("listened", 2),
        ("agreed", 2),
        ("makes", 1),
        ("places", 2),
        ("changes", 2),
        ("wishes", 2),
        // -ing after a vowel.
        ("being", 2),
        ("doing", 2),
        ("caring", 2),
        // Apostrophes, capitals, numbers read digit by digit.
        ("don't", 1),
        ("Samaritans", 4),
        ("116", 3),
        ("85258", 5),
        ("18001", 5),
        ("999", 3),
        ("7", 2),
        // Longer words.
        ("questionnaire", 3),
        ("understood", 3),
        ("discrimination", 5),
        ("relationships", 4),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(word, expected)| syllables(word) != *expected)
        .map(|(word, expected)| format!("{word}: {} (expected {expected})", syllables(word)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_flesch_score_follows_the_formula() {
    // 2 sentences, 7 words, 10 syllables ("Your" 1, "social" 2, "worker" 2, "listened" 2,
    // "You" 1, "said" 1, "no" 1): 206.835 − 1.015 × 7/2 − 84.6 × 10/7 = 82.43 (to 2 places).
    let score = flesch("Your social worker listened. You said no. ");
    assert_eq!(words("Your social worker listened. You said no. ").len(), 7);
    let expected = 206.835 - 1.015 * (7.0 / 2.0) - 84.6 * (10.0 / 7.0);
    assert!(
        (score - expected).abs() < 1e-9,
        "{score} against {expected}"
    );
    // One long sentence of long words reads far harder than short plain ones.
    let hard = flesch(
        "Practitioners demonstrated comprehensive understanding of intersecting socioeconomic \
         determinants affecting psychological wellbeing.",
    );
    assert!(hard < 0.0, "{hard}");
    assert!(flesch("You can stop at any time.") > 100.0);
    // A decimal point or a full stop inside a word does not end a sentence.
    assert_eq!(sentences("Call 111. Version 2.0 is here"), 2);
    assert_eq!(sentences("No full stop"), 1);
    assert_eq!(sentences("Deaf? Use Relay UK: put 18001 first. "), 2);
}

/// Every bundled feedback questionnaire gives its notices in easy-read words too.
#[test]
fn every_feedback_questionnaire_has_easy_read_notices() {
    let definitions = feedback_definitions();
    assert!(
        definitions.len() >= 3,
        "expected the service-user, carer and AMHP questionnaires, found {}",
        definitions.len()
    );
    let mut missing = Vec::new();
    for (file, definition) in &definitions {
        for notice in Notice::ALL {
            if definition.notices.get(notice).is_some()
                && definition.notices.easy_read.get(notice).is_none()
            {
                missing.push(format!("{file}: the {} notice", notice.field()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "no easy-read wording for:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_easy_read_text_reads_more_easily_than_its_standard_text() {
    let mut report = String::new();
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut lowest: Option<(f64, String)> = None;
    for (file, definition) in feedback_definitions() {
        for pair in pairs(&file, &definition) {
            checked += 1;
            let (easy, standard) = (flesch(&pair.easy), flesch(&pair.standard));
            let _ = writeln!(
                report,
                "{:>6.1} easy / {:>6.1} standard  {}",
                easy, standard, pair.place
            );
            if lowest.as_ref().is_none_or(|(score, _)| easy < *score) {
                lowest = Some((easy, pair.place.clone()));
            }
            let mut why = Vec::new();
            if easy < standard {
                why.push(format!(
                    "reads harder than its standard text ({standard:.1})"
                ));
            }
            if easy < EASY_ENOUGH {
                why.push(format!("is below {EASY_ENOUGH}"));
            }
            if !why.is_empty() {
                failures.push(format!(
                    "{}: the easy-read text scores {easy:.1}, which {}.\n  easy-read: {}\n  standard:  {}",
                    pair.place,
                    why.join(" and "),
                    pair.easy,
                    pair.standard
                ));
            }
        }
    }
    println!("Flesch reading ease of every easy-read text and its standard text:\n{report}");
    if let Some((score, place)) = &lowest {
        println!("Lowest easy-read score: {score:.1} ({place})");
    }
    assert!(checked > 50, "only {checked} easy-read texts were found");
    assert!(
        failures.is_empty(),
        "{} easy-read texts do not read easily enough:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
