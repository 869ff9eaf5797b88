//! Questionnaires on the site: a new local definition, a broken one, new versions of a
//! definition with saved work, a missing manifest. These serve a throw-away copy of `dist/`.

use crate::prelude::*;

pub(crate) fn fixture(name: &str) -> String {
    let path = repo_root().join("tests/fixtures/journeys").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Adds `file` to the copy's `questionnaires/manifest.json`.
pub(crate) fn list_in_manifest(dist: &DistCopy, file: &str) {
    let mut manifest: Value =
        serde_json::from_str(&dist.read("questionnaires/manifest.json")).expect("a manifest");
    manifest["definitions"]
        .as_array_mut()
        .expect("a list of definitions")
        .push(json!(file));
    dist.write(
        "questionnaires/manifest.json",
        &serde_json::to_string_pretty(&manifest).expect("JSON"),
    );
}

/// A copy of `dist/` whose self-assessment is version 2.1.0: `edit` changes the questions of
/// its "strategy" section and its `retired` list. Returns the copy and the new version, which
/// the core's loader accepts.
pub(crate) fn self_assessment_2_1(
    edit: impl FnOnce(&mut Vec<Value>, &mut Vec<Value>),
) -> (DistCopy, mhsw::definition::Definition) {
    let dist = DistCopy::new();
    let mut definition: Value =
        serde_json::from_str(&dist.read("questionnaires/self-assessment.json")).expect("JSON");
    definition["version"] = json!("2.1.0");
    let mut retired = definition["retired"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let strategy = definition["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .find(|s| s["id"] == "strategy")
        .expect("a strategy section");
    edit(
        strategy["questions"].as_array_mut().expect("questions"),
        &mut retired,
    );
    definition["retired"] = Value::Array(retired);
    let text = serde_json::to_string_pretty(&definition).expect("JSON");
    let new_version =
        load_definition("self-assessment.json", &text).expect("the 2.1.0 version is valid");
    dist.write("questionnaires/self-assessment.json", &text);
    (dist, new_version)
}

/// An audit saved with the bundled self-assessment: `rated` answers, and `with_evidence` (a
/// question, its answer and its evidence).
pub(crate) fn saved_audit(
    id: &str,
    title: &str,
    rated: &[(&str, &str)],
    (question, answer, evidence): (&str, &str, &str),
) -> mhsw::work::Work {
    let mut saved = work(id, title, &bundled_definition("self-assessment"));
    saved.responses = choices(rated);
    saved.responses.set(
        QuestionId::new(question),
        ItemResponse {
            answer: Some(Answer::Choice(answer.into())),
            evidence: Some(evidence.to_owned()),
            ..ItemResponse::default()
        },
    );
    saved
}

/// Starts the app (on `dist` when given) with `saved` in the store, at its page, and waits for
/// the panel saying its questionnaire has changed. Returns the app and the page's text.
pub(crate) async fn open_on_a_changed_questionnaire(
    dist: Option<&DistCopy>,
    saved: &mhsw::work::Work,
) -> (TestApp, String) {
    let app = match dist {
        Some(dist) => TestApp::start_with_dist(dist.path()).await,
        None => TestApp::start().await,
    };
    seed_works(&app, &[saved], &format!("#/work/{}", saved.id.as_str())).await;
    app.browser
        .wait_for_text("The questionnaire has changed", DEFAULT_TIMEOUT)
        .await;
    let panel = main_text(&app.browser).await;
    (app, panel)
}

/// A new audit published on the site appears on the home page, can be completed, and is
/// scored in the results.
#[tokio::test]
async fn a_new_questionnaire_on_the_site_can_be_used() {
    let text = fixture("employer-standards.json");
    let definition =
        load_definition("employer-standards.json", &text).expect("the fixture passes the checks");
    let dist = DistCopy::new();
    dist.write("questionnaires/employer-standards.json", &text);
    list_in_manifest(&dist, "employer-standards.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text(&definition.title, DEFAULT_TIMEOUT).await;
    click(b, "a[href='#/new/employer-standards-local']").await;
    wait_for_heading_exact(b, &format!("Start: {}", definition.title)).await;
    fill(b, "#work-name", "Employer standards check").await;
    click(b, "form.form button[type=submit]").await;
    let id = wait_for_hash(b, "#/work/")
        .await
        .trim_start_matches("#/work/")
        .to_owned();
    wait_for_heading_exact(b, "Employer standards check").await;
    assert_contains(
        &main_text(b).await,
        "version 0.1.0",
        "the version on the contents page",
    );

    // Workloads: Met + Partly met = 3 of 4 = 75%, Green. Development: Not met + Partly met =
    // 1 of 4 = 25%, Red. Overall 4 of 8 = 50%, Amber.
    click_text(b, "Workloads and case allocation").await;
    wait_for_heading_exact(b, "Workloads and case allocation").await;
    click(b, "#q-es-load-1-2").await;
    click(b, "#q-es-load-2-1").await;
    click_button(b, "Save and continue").await;
    wait_for_heading_exact(b, "Supervision and professional development").await;
    click(b, "#q-es-dev-1").await;
    click(b, "#q-es-dev-2-1").await;
    click_button(b, "Save and continue").await;
    wait_for_heading_exact(b, "Employer standards check").await;
    assert_eq!(
        main_text(b)
            .await
            .matches("Complete: both answered")
            .count(),
        2
    );
    click_text(b, "See results").await;
    wait_for_heading_exact(b, "Results: Employer standards check").await;
    let results = main_text(b).await;
    assert_contains(
        &results,
        "Overall: 50%: Amber, partly met.",
        "the overall score",
    );
    assert_contains(&results, "Score: 75%: Green, met.", "the workloads score");
    assert_contains(
        &results,
        "Score: 25%: Red, not met.",
        "the development score",
    );
    // The last answer's save may still be on its way (saves wait for typing to pause).
    wait_for_saved(
        b,
        &id,
        "Object.keys(e.work.responses).length === 4",
        "the fourth answer",
    )
    .await;
    let saved = saved_work(b, &id).await;
    assert_eq!(
        (
            saved.definition.id.as_str(),
            saved.definition.version.as_str()
        ),
        ("employer-standards-local", "0.1.0")
    );
    assert_eq!(saved.responses.items.len(), 4);
    app.open("#/questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    assert_contains(
        &main_text(b).await,
        "Employer standards: a short local check\t0.1.0\tquestionnaires/employer-standards.json\tThis site",
        "the questionnaires table",
    );
    finish(app).await;
}

/// A broken questionnaire listed in the manifest is reported by file name with every
/// problem, and the others still work.
#[tokio::test]
async fn a_broken_questionnaire_is_reported_and_the_others_still_work() {
    let text = fixture("broken-audit.json");
    let problems = load_definition("questionnaires/broken-audit.json", &text)
        .expect_err("the fixture is broken on purpose")
        .problems;
    assert_eq!(problems.len(), 3, "{problems:?}");
    let dist = DistCopy::new();
    dist.write("questionnaires/broken-audit.json", &text);
    list_in_manifest(&dist, "broken-audit.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("1 questionnaire file could not be loaded", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6,
        "the six good questionnaires are still offered"
    );
    click_text(b, "See what is wrong and how to fix it").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    let page = main_text(b).await;
    assert_contains(&page, "Could not be loaded", "the questionnaires page");
    assert_contains(
        &page,
        "questionnaires/broken-audit.json",
        "the broken file's name",
    );
    for problem in &problems {
        assert_contains(&page, &problem.to_string(), "the broken file's problems");
    }
    assert_eq!(page.matches("\tThis site").count(), 6, "six loaded: {page}");
    scroll_to_heading(b, "Could not be loaded").await;
    b.screenshot(&screenshot_path("journey-questionnaires-broken"))
        .await;
    assert_accessible(b, "the questionnaires page with a broken file").await;

    start_work(&app, "self-assessment", "Still works", None).await;
    finish(app).await;
}

/// A Welsh lead on the questionnaires page: the loader's explanations of a broken file are
/// for authors, in English; the page says so in Welsh and marks them `en-GB`, and a broken file
/// opened from the computer is refused with a Welsh sentence before the English.
#[tokio::test]
async fn a_welsh_lead_is_told_the_loaders_explanations_are_in_english() {
    let text = fixture("broken-audit.json");
    let dist = DistCopy::new();
    dist.write("questionnaires/broken-audit.json", &text);
    list_in_manifest(&dist, "broken-audit.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    storage_set(b, "mhsw:interface-language", "cy").await;
    reload(&app, "#/questionnaires").await;
    wait_for_heading_exact(b, "Holiaduron").await;
    // The Welsh framing of the loader's English.
    b.wait_for_text(
        "Mae’r problemau wedi’u rhestru yn Saesneg: maen nhw ar gyfer y sawl sy’n ysgrifennu’r holiaduron",
        DEFAULT_TIMEOUT,
    )
    .await;
    find(b, ".problem-list ul[lang='en-GB']").await;
    let broken = temp_file("holiadur.json", &text);
    choose_files(b, "#open-definition", &[broken.path.as_path()]).await;
    b.wait_for_text("Ni chafodd holiadur.json ei ychwanegu.", DEFAULT_TIMEOUT)
        .await;
    assert_contains(
        &main_text(b).await,
        "Ni chafodd holiadur.json ei ychwanegu. Mae problemau yn y ffeil. Dyma nhw yn Saesneg, ar gyfer y sawl sy’n ysgrifennu’r holiaduron:",
        "a broken file opened in Welsh",
    );
    scroll_to_heading(b, "Nid oedd modd eu llwytho").await;
    b.screenshot(&screenshot_path("welsh-questionnaires-broken"))
        .await;
    assert_accessible(b, "the Welsh questionnaires page with a broken file").await;
    finish(app).await;
}

/// Opening a section of a saved audit fetches and checks only the audit's questionnaire before
/// its first question is usable; the other files follow, and a broken one among them is still
/// reported on the home and questionnaires pages, beside every good one.
#[tokio::test]
async fn a_saved_audit_s_section_waits_only_for_its_own_questionnaire() {
    let dist = DistCopy::new();
    dist.write(
        "questionnaires/broken-audit.json",
        &fixture("broken-audit.json"),
    );
    list_in_manifest(&dist, "broken-audit.json");
    // Summarised as `mhsw manifest` would, so the app knows the file holds another questionnaire
    // (a file with no summary could hold any, and then every file is checked first).
    let mut manifest: Value =
        serde_json::from_str(&dist.read("questionnaires/manifest.json")).expect("a manifest");
    let mut summary = manifest["summaries"][0].clone();
    summary["file"] = json!("broken-audit.json");
    summary["id"] = json!("broken-local-audit");
    manifest["summaries"]
        .as_array_mut()
        .expect("summaries")
        .push(summary);
    dist.write(
        "questionnaires/manifest.json",
        &serde_json::to_string_pretty(&manifest).expect("JSON"),
    );
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    let id = start_work(&app, "self-assessment", "First question", None).await;
    wait_for_saved(b, &id, "true", "the new audit").await;
    reload(&app, &format!("#/work/{id}/section/strategy")).await;
    let started = std::time::Instant::now();
    let mark = loop {
        let mark = b
            .execute(
                "const m = performance.getEntriesByName('mhsw:first-question');\
                 return m.length ? m[0].startTime : null;",
                vec![],
            )
            .await;
        if let Some(mark) = mark.as_f64() {
            break mark;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "no mhsw:first-question"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let before: Vec<(String, f64)> = b
        .resource_starts()
        .await
        .into_iter()
        .filter(|(url, start)| *start <= mark && url.contains("/questionnaires/"))
        .map(|(url, start)| (url.rsplit('/').next().unwrap_or_default().to_owned(), start))
        .collect();
    // The manifest once, as the app starts (network first, as every page does); the work's own
    // file before it: boot.js asks for it as the page starts, by the name the light listing
    // keeps, without reading the manifest.
    let mut names: Vec<&str> = before.iter().map(|(name, _)| name.as_str()).collect();
    names.sort();
    assert_eq!(
        names,
        ["manifest.json", "self-assessment.json"],
        "questionnaire files fetched before the first question"
    );
    let asked = |file: &str| {
        before
            .iter()
            .find(|(name, _)| name == file)
            .map(|(_, at)| *at)
    };
    assert!(
        asked("self-assessment.json") < asked("manifest.json"),
        "the work's questionnaire is asked for before the manifest: {before:?}"
    );
    // The rest follow without being asked for, and the broken one is reported as before.
    // Home in the same document, as the header's link goes.
    b.execute("location.hash = '#/'; return true;", vec![])
        .await;
    b.wait_for_text("1 questionnaire file could not be loaded", DEFAULT_TIMEOUT)
        .await;
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6,
        "the six good questionnaires are offered"
    );
    click_text(b, "See what is wrong and how to fix it").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    let page = main_text(b).await;
    assert_contains(&page, "questionnaires/broken-audit.json", "the broken file");
    assert_eq!(page.matches("\tThis site").count(), 6, "six loaded: {page}");
    finish(app).await;
}

/// A statement whose prefilled section names a section the self-assessment lacks passes on
/// its own but not beside its audit (what `mhsw check` finds with both files): it is listed
/// with that problem, as a broken file is, and the others still work.
#[tokio::test]
async fn a_statement_that_does_not_fit_its_audit_is_reported_like_a_broken_file() {
    let dist = DistCopy::new();
    let mut statement: Value =
        serde_json::from_str(&dist.read("questionnaires/strategic-statement.json")).expect("JSON");
    statement["sections"]
        .as_array_mut()
        .expect("sections")
        .iter_mut()
        .find_map(|s| s.get_mut("prefill_from"))
        .expect("a prefilled section")["sections"]
        .as_array_mut()
        .expect("its sections")
        .push(json!("no-such-section"));
    let text = serde_json::to_string_pretty(&statement).expect("JSON");
    let path = "questionnaires/strategic-statement.json";
    let loaded = load_definition(path, &text).expect("the statement passes on its own");
    let audit = bundled_definition("self-assessment");
    let problems: Vec<String> = mhsw::definition::validate::validate_together(&[&audit, &loaded])
        .into_iter()
        .map(|(_, problem)| problem.to_string())
        .collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    dist.write(path, &text);
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text("1 questionnaire file could not be loaded", DEFAULT_TIMEOUT)
        .await;
    click_text(b, "See what is wrong and how to fix it").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    let page = main_text(b).await;
    assert_contains(&page, "Could not be loaded", "the questionnaires page");
    assert_contains(&page, path, "the statement's file name");
    assert_contains(&page, &problems[0], "the problem beside its audit");
    assert_eq!(
        page.matches("\tThis site").count(),
        5,
        "five loaded: {page}"
    );
    start_work(&app, "self-assessment", "Still works", None).await;
    finish(app).await;
}

/// A new version of the self-assessment (one question removed, one added) opens work
/// saved with the old one: the change is shown first, and the removed question's answer is
/// kept aside, never lost.
#[tokio::test]
async fn a_new_questionnaire_version_keeps_answers_to_removed_questions() {
    let (dist, new_version) = self_assessment_2_1(|questions, _| {
        let removed = questions
            .iter()
            .position(|q| q["id"] == "strat-5")
            .expect("strat-5");
        let mut added = questions.remove(removed);
        added["id"] = json!("strat-9");
        added["text"] = json!("Social work's contribution is reported to the board every year.");
        questions.push(added);
    });
    let old = bundled_definition("self-assessment");
    let removed_text = old
        .question(&"strat-5".into())
        .expect("strat-5")
        .text
        .clone();
    let saved = saved_audit(
        "old-audit",
        "Audit on version 2.0",
        &[("strat-1", "established")],
        ("strat-5", "developing", "Minutes of the 2024 review"),
    );
    let (app, panel) = open_on_a_changed_questionnaire(Some(&dist), &saved).await;
    let b = &app.browser;
    assert_contains(
        &panel,
        "This work was saved with version 2.0.0 of the questionnaire; version 2.1.0 is in use now.",
        "the change panel",
    );
    assert_contains(
        &panel,
        "strat-5",
        "the removed question in the change panel",
    );
    assert_eq!(
        saved_work(b, "old-audit").await.definition.version,
        "2.0.0",
        "nothing changes before the user agrees"
    );
    assert_accessible(b, "a work page showing a changed questionnaire").await;
    b.screenshot(&screenshot_path("journey-questionnaire-changed"))
        .await;

    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    assert_eq!(
        count_controls_with_text(b, "Continue with the new version").await,
        0
    );
    let after = main_text(b).await;
    assert_contains(&after, "Answers kept aside", "after continuing");
    assert_contains(&after, "strat-5", "the answer kept aside");
    wait_for_saved(
        b,
        "old-audit",
        &format!("e.work.definition.version === {:?}", new_version.version),
        "the work moved to the new version",
    )
    .await;
    let stored = saved_work(b, "old-audit").await;
    assert_eq!(stored.definition.version, new_version.version);
    assert_eq!(
        stored
            .set_aside
            .get(&QuestionId::new("strat-5"))
            .and_then(|i| i.evidence.clone())
            .as_deref(),
        Some("Minutes of the 2024 review"),
        "the removed question's answer and evidence are kept"
    );
    assert!(stored.responses.item(&"strat-1".into()).is_some());

    app.open("#/work/old-audit/section/strategy").await;
    find(b, "#q-strat-9").await;
    assert_eq!(is_checked(b, "q-strat-1-2").await, Some(true));
    assert_eq!(is_checked(b, "q-strat-9").await, Some(false));
    assert_eq!(
        is_checked(b, "q-strat-5").await,
        None,
        "strat-5 is no longer asked"
    );
    assert_lacks(
        &main_text(b).await,
        &removed_text,
        "the new version's section",
    );
    finish(app).await;
}

/// A version 2.1.0 of the self-assessment rewrites `strat-3` as `gov-1` (the same meaning,
/// new words) and retires `strat-5`, listing both under `retired` with their old text. An audit
/// saved in the browser with 2.0.0 loses nothing: the answer and evidence for `strat-3` appear on
/// `gov-1`, and the answer to `strat-5` is listed with the old question's text and its answer.
#[tokio::test]
async fn a_version_two_questionnaire_carries_rewritten_answers_and_lists_the_rest_by_their_text() {
    let old = bundled_definition("self-assessment");
    let old_text = |id: &str| {
        old.question(&id.into())
            .expect("a question of the bundled version")
            .text
            .to_string()
    };
    let (strat_3, strat_5) = (old_text("strat-3"), old_text("strat-5"));
    let new_text = "In NHS-led services, a written partnership agreement says who answers for social workers' statutory duties, their management and their practice.";

    let (dist, _) = self_assessment_2_1(|questions, retired| {
        let rewritten = questions
            .iter_mut()
            .find(|q| q["id"] == "strat-3")
            .expect("strat-3");
        rewritten["id"] = json!("gov-1");
        rewritten["text"] = json!(new_text);
        questions.retain(|q| q["id"] != "strat-5");
        retired.push(
            json!({ "id": "strat-3", "text": strat_3, "since": "2.1.0", "carried_to": "gov-1" }),
        );
        retired.push(json!({ "id": "strat-5", "text": strat_5, "since": "2.1.0" }));
    });
    let saved = saved_audit(
        "old-audit",
        "Audit on version 2.0.0",
        &[("strat-1", "established"), ("strat-5", "developing")],
        (
            "strat-3",
            "developing",
            "Section 75 agreement signed in 2024",
        ),
    );
    let (app, panel) = open_on_a_changed_questionnaire(Some(&dist), &saved).await;
    let b = &app.browser;
    assert_contains(
        &panel,
        &format!("\u{201c}{strat_3}\u{201d} to \u{201c}{new_text}\u{201d}"),
        "the carried answer in the change panel",
    );
    assert_contains(&panel, &strat_5, "the retired question by its text");
    assert_lacks(&panel, "strat-5", "the change panel (no bare ids)");
    b.screenshot(&screenshot_path("journey-questionnaire-version-two-change"))
        .await;

    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    wait_for_saved(
        b,
        "old-audit",
        "e.work.definition.version === '2.1.0'",
        "the work moved to 2.1.0",
    )
    .await;
    let after = main_text(b).await;
    assert_contains(
        &after,
        &format!("{strat_5} Answer: Developing"),
        "the answer kept aside, with its text and label",
    );
    assert_lacks(&after, &strat_3, "the carried question is not kept aside");
    assert_accessible(b, "a work page listing answers kept aside by their text").await;
    b.screenshot(&screenshot_path("journey-questionnaire-version-two"))
        .await;

    let stored = saved_work(b, "old-audit").await;
    let carried = stored
        .responses
        .item(&"gov-1".into())
        .expect("gov-1 answered");
    assert_eq!(
        carried.answer,
        Some(Answer::Choice("developing".into())),
        "the answer is carried"
    );
    assert_eq!(
        carried.evidence.as_deref(),
        Some("Section 75 agreement signed in 2024"),
        "its evidence too"
    );
    assert!(stored.responses.item(&"strat-3".into()).is_none());
    assert!(
        stored.set_aside.contains_key("strat-5"),
        "kept aside, never lost"
    );
    assert!(!stored.set_aside.contains_key("strat-3"));

    app.open("#/work/old-audit/section/strategy").await;
    find(b, "#q-gov-1-1").await;
    assert_eq!(
        is_checked(b, "q-gov-1-1").await,
        Some(true),
        "Developing is chosen on the new question"
    );
    assert_contains(&main_text(b).await, new_text, "the new wording");

    // A 2.0.0 work file imported into the 2.1.0 app is brought up to date the same way, and the
    // message says what moved.
    let mut exported = work("imported-old", "Imported on 2.0.0", &old);
    exported.responses = choices(&[("strat-3", "established"), ("strat-5", "embedded")]);
    let file = temp_file("imported-old.json", &export_work(&exported));
    app.open("#/").await;
    find(b, ".tool-list").await;
    choose_files(b, "#import-file", &[&file.path]).await;
    b.wait_for_text(
        "imported-old.json: imported as “Imported on 2.0.0”, and saved on this device. 1 answer to a question asked in new words now counts for the question that replaced it.",
        QUICK,
    )
    .await;
    let imported = saved_work(b, "imported-old").await;
    assert_eq!(
        imported.responses.answer(&"gov-1".into()),
        Some(&Answer::Choice("established".into()))
    );
    assert!(imported.set_aside.contains_key("strat-5"));
    finish(app).await;
}

/// Nothing lost: an audit saved with the bundled self-assessment 1.0.0, answering
/// questions that 2.0.0 retired, opens with 2.0.0 (the bundled questionnaire) with every answer
/// kept aside and listed by the old question's own words, from the bundled `retired` list.
#[tokio::test]
async fn an_audit_saved_with_version_one_opens_in_version_two_with_nothing_lost() {
    let definition = bundled_definition("self-assessment");
    let retired = |id: &str| {
        definition
            .retired
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap_or_else(|| panic!("{id} is retired in 2.0.0"))
            .text
            .to_string()
    };
    let mut saved = work("first-audit", "Audit on version 1.0.0", &definition);
    saved.definition.version = "1.0.0".to_owned();
    saved.responses = choices(&[
        ("strat-1", "established"),
        ("strat-4", "developing"),
        ("re-2", "embedded"),
        ("sup-3", "not-in-place"),
    ]);
    let (app, _) = open_on_a_changed_questionnaire(None, &saved).await;
    let b = &app.browser;
    click_button(b, "Continue with the new version").await;
    b.wait_for_text("Answers kept aside", QUICK).await;
    wait_for_saved(
        b,
        "first-audit",
        "e.work.definition.version === '2.0.0'",
        "the work moved to 2.0.0",
    )
    .await;
    let page = main_text(b).await;
    for (id, label) in [
        ("strat-4", "Developing"),
        ("re-2", "Embedded and improving"),
        ("sup-3", "Not in place"),
    ] {
        assert_contains(
            &page,
            &format!("{} Answer: {label}", retired(id)),
            "an answer kept aside by its old words",
        );
    }
    let stored = saved_work(b, "first-audit").await;
    assert_eq!(
        stored.responses.answer(&"strat-1".into()),
        Some(&Answer::Choice("established".into())),
        "an unchanged question keeps its answer"
    );
    for id in ["strat-4", "re-2", "sup-3"] {
        assert!(stored.set_aside.contains_key(id), "{id} kept aside");
    }
    assert_accessible(b, "1.0.0 answers kept aside in 2.0.0").await;
    finish(app).await;
}

/// Without the site's manifest, the questionnaires built into the app are used, and the
/// home page says so.
#[tokio::test]
async fn a_missing_manifest_falls_back_to_the_built_in_questionnaires() {
    let dist = DistCopy::new();
    dist.remove("questionnaires/manifest.json");
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_text(
        "The questionnaires published with this site could not be loaded, so the ones built into the app are in use.",
        DEFAULT_TIMEOUT,
    )
    .await;
    find(b, "a[href='#/new/self-assessment']").await;
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6
    );
    assert_accessible(b, "the home page using the built-in questionnaires").await;
    app.open("#/questionnaires").await;
    wait_for_heading_exact(b, "Questionnaires").await;
    assert_eq!(
        main_text(b).await.matches("\tBuilt into the app").count(),
        6
    );
    assert!(
        app.server
            .requests()
            .iter()
            .any(|p| p == "/builtin/self-assessment.json"),
        "the built-in copy should be fetched"
    );
    start_work(&app, "self-assessment", "Built-in audit", None).await;
    finish_allowing(app, &["questionnaires/manifest.json"]).await;
}

/// The questionnaire the saved audits of these tests answer, and the manifest, in the
/// questionnaires' folder.
const QUESTIONNAIRE: &str = "self-assessment.json";
const MANIFEST: &str = "manifest.json";

/// Opens `section` afresh, and waits for `shows` on it.
async fn reopen(app: &TestApp, section: &str, shows: &str) {
    reload(app, section).await;
    app.browser.wait_for_text(shows, DEFAULT_TIMEOUT).await;
}

/// Asserts that this page read each of `files` from its copy: asked for once, answered 304
/// with no body.
async fn assert_read_from_copies(b: &common::browser::Browser, files: &[&str], why: &str) {
    for file in files {
        assert_eq!(
            requests_for(b, file).await,
            [(304, 0)],
            "(status, body bytes) of each request for {file}, {why}"
        );
    }
}

/// (status, bytes of body) of each request this page made for `file` in the questionnaires'
/// folder, in order (Resource Timing).
async fn requests_for(b: &common::browser::Browser, file: &str) -> Vec<(u64, u64)> {
    let entries = b
        .execute(
            "return performance.getEntriesByType('resource')\
               .filter(e => e.name.endsWith('/questionnaires/' + arguments[0]))\
               .map(e => [e.responseStatus, e.encodedBodySize]);",
            vec![json!(file)],
        )
        .await;
    serde_json::from_value(entries).expect("statuses and sizes")
}

/// The tag the app keeps for its copy of the self-assessment (`mhsw:copy:<path>`), once kept.
async fn kept_tag(b: &common::browser::Browser, not: Option<&str>) -> String {
    wait_until(
        b,
        "const t = localStorage.getItem('mhsw:copy:questionnaires/self-assessment.json');\
         return t !== null && t !== arguments[0];",
        vec![json!(not)],
        DEFAULT_TIMEOUT,
        "the copy of the questionnaire being kept, with the site's tag",
    )
    .await;
    b.execute(
        "return localStorage.getItem('mhsw:copy:questionnaires/self-assessment.json');",
        vec![],
    )
    .await
    .as_str()
    .expect("a tag")
    .to_owned()
}

/// Saved work keeps a copy of its questionnaire with the site's tag for it (its `ETag`), so a
/// section of it asks the site for the file only if it changed: unchanged, the site answers
/// 304 with no body and the copy is read. The manifest is kept and asked for the same way. The site's file still wins at once: an edit is shown
/// on the next visit, and a copy that is missing, or whose tag is not the one the site names,
/// is fetched again in full. (Before 7 December 2026 the file came in full on every visit the
/// browser's cache did not answer: 23.8 kB of the 248.7 kB a section of saved audit waited for.)
#[tokio::test]
async fn a_saved_works_questionnaire_is_fetched_only_when_the_site_changed_it() {
    let dist = DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "copy-1",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    // The home page fetches every questionnaire, and keeps a copy of each.
    seed_works(&app, &[&audit], "#/").await;
    let tag = kept_tag(b, None).await;
    let section = "#/work/copy-1/section/about";
    let question = "Where does your organisation provide mental health services?";

    // Unchanged: asked for once, answered 304, drawn from the copy.
    reopen(&app, section, question).await;
    assert_read_from_copies(b, &[QUESTIONNAIRE, MANIFEST], "with a copy kept").await;

    // The site owner edits the question: the next visit shows the edit, and keeps it.
    let edited = "Where, as edited on our site, does your organisation provide services?";
    let text = dist.read("questionnaires/self-assessment.json");
    assert!(text.contains(question));
    dist.write(
        "questionnaires/self-assessment.json",
        &text.replace(question, edited),
    );
    reopen(&app, section, edited).await;
    let requests = requests_for(b, QUESTIONNAIRE).await;
    assert!(
        requests.len() == 1 && requests[0].0 == 200 && requests[0].1 > 1000,
        "the edited questionnaire came in full, once: {requests:?}"
    );
    let new_tag = kept_tag(b, Some(&tag)).await;
    reopen(&app, section, edited).await;
    assert_read_from_copies(b, &[QUESTIONNAIRE], "the edit's copy is used").await;

    // The copy lost (the store cleared by hand, say) while its tag is remembered: the site's
    // 304 cannot be used, so the file is fetched in full, and kept again.
    b.execute_async(
        "const done = arguments[arguments.length - 1];\
         const open = indexedDB.open('mhsw');\
         open.onsuccess = () => {\
           const db = open.result;\
           const t = db.transaction('documents', 'readwrite');\
           t.objectStore('documents').delete(['copy', 'questionnaires/self-assessment.json']);\
           t.oncomplete = () => { db.close(); done(true); };\
           t.onerror = () => done(String(t.error));\
         };\
         open.onerror = () => done(String(open.error));",
        vec![],
    )
    .await;
    reopen(&app, section, edited).await;
    let requests = requests_for(b, QUESTIONNAIRE).await;
    assert!(
        requests.len() == 2 && requests[0] == (304, 0) && requests[1].0 == 200,
        "with the copy gone: a 304, then the file in full: {requests:?}"
    );
    assert_eq!(kept_tag(b, None).await, new_tag, "the copy is kept again");
    reopen(&app, section, edited).await;
    assert_read_from_copies(b, &[QUESTIONNAIRE], "the copy kept again is used").await;

    // A damaged copy (its text changed on the disk, or by hand) is not used: its checksum
    // says so, and the file is fetched again in full. The same for the manifest's copy.
    let damaged = b
        .execute_async(
            "const [was] = arguments; const done = arguments[arguments.length - 1];\
             const open = indexedDB.open('mhsw');\
             open.onsuccess = () => {\
               const db = open.result;\
               const t = db.transaction('documents', 'readwrite');\
               const store = t.objectStore('documents');\
               const key = ['copy', 'questionnaires/self-assessment.json'];\
               store.get(key).onsuccess = (e) => {\
                 const copy = e.target.result;\
                 copy.text = copy.text.replace(was, 'Damaged on the disk?');\
                 store.put(copy, key);\
               };\
               t.oncomplete = () => { db.close(); done(true); };\
               t.onerror = () => done(String(t.error));\
             };",
            vec![json!(edited)],
        )
        .await;
    assert_eq!(damaged, json!(true), "the copy damaged");
    b.execute(
        "const key = 'mhsw:copy-text:questionnaires/manifest.json';\
         const kept = localStorage.getItem(key);\
         localStorage.setItem(key, kept.slice(0, kept.indexOf(String.fromCharCode(10)) + 1) + '{ not a manifest');",
        vec![],
    )
    .await;
    reopen(&app, section, edited).await;
    assert_lacks(&main_text(b).await, "Damaged on the disk?", "the section");
    for file in [QUESTIONNAIRE, MANIFEST] {
        let requests = requests_for(b, file).await;
        assert!(
            requests.len() == 2 && requests[0] == (304, 0) && requests[1].0 == 200,
            "{file} with its copy damaged: a 304, then the file in full: {requests:?}"
        );
    }
    app.open("#/").await;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    assert_lacks(&main_text(b).await, "built into the app", "the home page");
    reopen(&app, section, edited).await;
    assert_read_from_copies(
        b,
        &[QUESTIONNAIRE, MANIFEST],
        "the copies kept again are used",
    )
    .await;
    b.assert_no_console_errors().await;
    app.close().await;
}

/// With the service worker keeping the app, the questionnaire still comes from the site first
/// (network first), asked for only if it changed: the worker passes the site's 304 on, the
/// page reads its copy, and an edit on the site is shown on the next visit.
#[tokio::test]
async fn with_the_app_kept_offline_the_questionnaire_is_still_asked_for_only_if_changed() {
    let dist = DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    let audit = work(
        "copy-2",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_offline_ready().await;
    kept_tag(b, None).await;
    let section = "#/work/copy-2/section/about";
    let question = "Where does your organisation provide mental health services?";
    reopen(&app, section, question).await;
    let controlled = b
        .execute("return !!navigator.serviceWorker.controller;", vec![])
        .await;
    assert_eq!(controlled, json!(true), "the service worker keeps the app");
    assert_read_from_copies(b, &[QUESTIONNAIRE], "through the worker").await;

    let edited = "Where, as edited on our site, does your organisation provide services?";
    let text = dist.read("questionnaires/self-assessment.json");
    dist.write(
        "questionnaires/self-assessment.json",
        &text.replace(question, edited),
    );
    reopen(&app, section, edited).await;
    b.assert_no_console_errors().await;
    app.close().await;
}
