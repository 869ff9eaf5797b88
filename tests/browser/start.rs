//! Starting: the first screen, what it downloads, its landmarks and language, a sub-folder, a
//! failed load, the harness's own checks, and a later part that cannot be downloaded.

use crate::prelude::*;

#[tokio::test]
async fn app_starts_without_console_errors_or_panics() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    // Give late failures (a panic in an effect, a failed fetch) a moment to show.
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.browser.assert_no_console_errors().await;
    assert!(app.browser.wasm_panics().await.is_empty());
    app.close().await;
}

/// The first screen comes from the first module alone: the tools (from the manifest's
/// summaries) are listed before the later part of the app or any questionnaire file is fetched,
/// and the later part follows on its own, just after.
#[tokio::test]
async fn the_first_screen_needs_only_the_first_module() {
    let app = TestApp::start().await;
    app.open("#/").await;
    let b = &app.browser;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    let started = std::time::Instant::now();
    let mark = loop {
        if let Some(mark) = b.first_screen_mark().await {
            break mark;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "no mhsw:first-screen mark"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    let later_fetched = || async {
        b.resource_starts()
            .await
            .into_iter()
            .find(|(url, _)| url.ends_with(&format!("/{}", release_name("split_later.wasm"))))
    };
    let started = std::time::Instant::now();
    let later = loop {
        if let Some(later) = later_fetched().await {
            break later;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "the later part of the app was never fetched"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(
        later.1 > mark,
        "the later part was fetched at {} ms, before the first screen was usable at {mark} ms",
        later.1
    );
    let early: Vec<String> = b
        .resource_starts()
        .await
        .into_iter()
        .filter(|(url, start)| {
            *start <= mark && url.contains("/questionnaires/") && !url.ends_with("/manifest.json")
        })
        .map(|(url, _)| url)
        .collect();
    assert!(
        early.is_empty(),
        "questionnaire files fetched before the first screen: {early:?}"
    );
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

#[tokio::test]
async fn no_request_leaves_the_test_server() {
    let app = TestApp::start().await;
    app.open("#/").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let origin = app.server.origin();
    let urls = app.browser.resource_urls().await;
    // A first visit: the first module comes in the home page's pack.
    assert!(
        urls.iter()
            .any(|u| u.ends_with(&format!("/{}", release_name("home-pack.wasm")))),
        "the resource list should include the app's wasm; it was: {urls:#?}"
    );
    let foreign: Vec<_> = urls
        .iter()
        .filter(|u| !u.starts_with(&format!("{origin}/")))
        .collect();
    assert!(
        foreign.is_empty(),
        "the page fetched from somewhere other than {origin}: {foreign:#?}"
    );
    // Blocked or failed requests do not always reach the resource list, but they do log errors.
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

#[tokio::test]
async fn page_has_a_title_a_language_and_a_main_landmark() {
    let app = TestApp::start().await;
    app.open("#/").await;
    let title = app.browser.client().title().await.expect("read the title");
    assert!(!title.trim().is_empty(), "the page has no <title>");
    let lang = app
        .browser
        .execute("return document.documentElement.lang;", vec![])
        .await;
    assert_eq!(lang, json!("en-GB"), "<html lang> should be en-GB");
    let mains = app
        .browser
        .execute(
            "return document.querySelectorAll('main, [role=main]').length;",
            vec![],
        )
        .await;
    assert_eq!(
        mains,
        json!(1),
        "the page should have exactly one main landmark"
    );
    app.close().await;
}

#[tokio::test]
async fn home_page_has_no_wcag_violations() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    app.browser.screenshot(&screenshot_path("home")).await;
    assert_accessible(&app.browser, "the home page").await;
    app.close().await;
}

#[tokio::test]
async fn app_works_from_a_sub_folder() {
    let app = TestApp::start_in_sub_folder().await;
    app.open("#/").await;
    app.browser.wait_for_css("main h1", DEFAULT_TIMEOUT).await;
    app.browser.assert_no_console_errors().await;
    let requests = app.server.requests();
    let outside: Vec<_> = requests
        .iter()
        .filter(|p| !p.starts_with("/dist/"))
        .collect();
    assert!(
        outside.is_empty(),
        "served from /dist/, the app requested files outside it: {outside:#?}"
    );
    app.close().await;
}

#[tokio::test]
async fn a_failed_load_shows_a_message_in_plain_english() {
    // The home page's pack, and the first module that is fetched on its own without it.
    let app = TestApp::start_hiding(&["/mhsw-app_bg.wasm", "/home-pack.wasm"]).await;
    app.browser.goto(&app.route_url("#/")).await;
    assert_eq!(app.browser.wait_for_boot_outcome().await, "failed");
    app.browser
        .wait_for_text("The toolkit could not start", DEFAULT_TIMEOUT)
        .await;
    app.browser
        .screenshot(&screenshot_path("load-failure"))
        .await;
    assert!(
        !app.browser.console_errors().await.is_empty(),
        "the failure should also be logged for developers"
    );
    assert_accessible(&app.browser, "the load-failure message").await;
    app.close().await;
}

/// The harness itself: its console and axe checks must be able to fail.
#[tokio::test]
async fn harness_notices_console_errors_and_accessibility_faults() {
    let app = TestApp::start().await;
    app.open("#/").await;
    app.browser
        .execute(
            "console.error('probe: console error'); \
             setTimeout(() => { throw new Error('probe: uncaught'); }, 0); \
             const input = document.createElement('input'); \
             input.type = 'text'; document.querySelector('main').append(input);",
            vec![],
        )
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let errors: Vec<String> = app
        .browser
        .console_errors()
        .await
        .into_iter()
        .map(|e| e.message)
        .collect();
    for probe in ["probe: console error", "probe: uncaught"] {
        assert!(
            errors.iter().any(|m| m.contains(probe)),
            "the console reader missed {probe:?}; it saw {errors:#?}"
        );
    }
    let report = run_axe(&app.browser).await;
    let ids: Vec<&str> = report.violations.iter().map(|v| v.id.as_str()).collect();
    assert!(
        ids.contains(&"label"),
        "axe should flag the unlabelled input; it found {ids:?}"
    );
    let urls: Vec<Value> = app
        .browser
        .resource_urls()
        .await
        .into_iter()
        .map(Value::from)
        .collect();
    assert!(!urls.is_empty());
    app.close().await;
}

/// The PDF's script faces add nothing to the first load: none is kept at
/// install or in the background, no face's name is in the first module (the PDF worker's code
/// names each), and the first module stays under a ceiling with a little room for the first
/// screen's own growth (132,000 bytes as flate2 gzips it at level 6; it was 127,330 when the
/// faces came, and 128,494 once the questionnaires were fetched beside the later part). The
/// ceiling became 134,500 when the frame and home page gained their Welsh (the lead's
/// interface): measured here, 128,593 bytes before and 133,980 after; about 1,600 of that is
/// the Welsh words, the rest Leptos building those elements in code (their words now follow
/// the language) rather than from static templates. Every later page's words are in the later
/// parts. It became 135,500 on 30 November 2026, measured at 135,025 once the session's work
/// was merged: the home page's own fixes (focus kept when a removal is asked or declined,
/// a double click on Export or Duplicate doing it once, restored work counted as exported,
/// each with its Welsh), which belong to the first screen.
#[test]
fn the_first_module_does_not_grow_with_the_pdf_fonts() {
    use std::io::Write;
    let dist = common::dist_dir();
    let (app_files, later_files, _) = service_worker_lists(&dist);
    let fonts: Vec<&String> = app_files
        .iter()
        .chain(&later_files)
        .filter(|f| f.ends_with(".ttf"))
        .collect();
    assert!(
        fonts.is_empty(),
        "fonts downloaded without a report: {fonts:?}"
    );
    let first = std::fs::read_dir(&dist)
        .expect("read dist")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name().is_some_and(|n| {
                let n = n.to_string_lossy();
                n.starts_with("mhsw-app_bg.") && n.ends_with(".wasm")
            })
        })
        .expect("the first module");
    let bytes = std::fs::read(&first).expect("read the first module");
    for face in [
        "NotoNaskhArabic",
        "NotoSansBengali",
        "NotoSansDevanagari",
        "NotoSansGurmukhi",
    ] {
        assert!(
            !bytes.windows(face.len()).any(|w| w == face.as_bytes()),
            "the first module holds {face}"
        );
    }
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    gz.write_all(&bytes).expect("gzip");
    let size = gz.finish().expect("gzip").len();
    assert!(size <= 135_500, "the first module is {size} bytes gzipped");
}

/// When the later part of the app cannot be downloaded (offline after the first screen),
/// the home page still lists the tools and the saved work, says what happened with a way to
/// try again, and other pages say they could not be opened. The app does not stop, and the
/// saved work is untouched.
#[tokio::test]
async fn a_later_part_that_cannot_be_downloaded_is_reported_and_nothing_is_lost() {
    let dist = DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    // As on a first visit: no service worker has kept the part yet.
    b.bypass_service_worker().await;
    let audit = work(
        "kept-1",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
    wait_until(
        b,
        "return localStorage.getItem('mhsw:work:kept-1') === null;",
        vec![],
        QUICK,
        "the entry moving into the work store",
    )
    .await;
    let stored_before = saved_work(b, "kept-1").await;

    dist.remove("split_later.wasm");
    reload(&app, "#/").await;
    b.wait_for_text(
        "This part of the toolkit could not be downloaded",
        DEFAULT_TIMEOUT,
    )
    .await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "North Team audit",
        "the saved work is listed from the light reading",
    );
    assert_eq!(
        b.client()
            .find_all(Locator::Css(".tool-list a.button"))
            .await
            .map(|a| a.len())
            .unwrap_or(0),
        6,
        "the tools are listed from the manifest's summaries"
    );
    find(b, ".notice button").await;
    assert_accessible(b, "the home page without the later part").await;

    app.open("#/work/kept-1").await;
    wait_for_heading(b, "This page could not be opened").await;
    assert_eq!(saved_work(b, "kept-1").await, stored_before);

    // Back online: "Try again" downloads it, and the work opens.
    dist.restore_from_dist("split_later.wasm");
    app.open("#/").await;
    click_text(b, "Try again").await;
    wait_for_text_gone(b, "This part of the toolkit could not be downloaded").await;
    app.open("#/work/kept-1").await;
    wait_for_heading(b, "North Team audit").await;
    assert!(b.wasm_panics().await.is_empty(), "the app must not stop");
    finish_allowing(app, &["split_later.", "__wasm_split."]).await;
}

/// A Welsh lead offline after the first screen: the page that could not be opened says so in
/// Welsh (its heading, why, and the way home), as the home page's notice already did; before,
/// these words were English on a Welsh page.
#[tokio::test]
async fn a_page_that_could_not_be_opened_speaks_the_leads_language() {
    let dist = DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "cy-1",
        "Archwiliad Conwy",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_text("Archwiliad Conwy", DEFAULT_TIMEOUT).await;
    storage_set(b, "mhsw:interface-language", "cy").await;
    dist.remove("split_later.wasm");
    reload(&app, "#/work/cy-1").await;
    wait_for_heading(b, "Nid oedd modd agor y dudalen hon").await;
    let text = main_text(b).await;
    assert_contains(
        &text,
        "Nid oedd modd lawrlwytho’r rhan hon o’r pecyn cymorth",
        "why, in Welsh",
    );
    assert_contains(&text, "Mynd i’r hafan", "the way home, in Welsh");
    for english in [
        "could not be opened",
        "could not be downloaded",
        "Go to the home page",
    ] {
        assert!(!text.contains(english), "{english:?} left in:\n{text}");
    }
    assert_accessible(b, "the Welsh page that could not be opened").await;
    finish_allowing(app, &["split_later.", "__wasm_split."]).await;
}

/// A link to a section of saved work whose questionnaire passed every check before, with the
/// same text, draws the first question without the checks' part (`split_checks`), which is
/// fetched once the section is drawn; on a first visit (no checksum kept) the checks come first.
/// The saved work is read without the part that explains damaged records (`split_problems`).
#[tokio::test]
async fn a_section_of_work_checked_before_is_drawn_before_the_checks_are_fetched() {
    let app = TestApp::start().await;
    let b = &app.browser;
    b.bypass_service_worker().await;
    let audit = work(
        "checked-1",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    // The home page checks every file, and keeps each sound file's checksum.
    seed_works(&app, &[&audit], "#/").await;
    wait_until(
        b,
        "return localStorage.getItem('mhsw:checked:site:questionnaires/self-assessment.json') !== null;",
        vec![],
        DEFAULT_TIMEOUT,
        "the checksum of the checked questionnaire being kept",
    )
    .await;
    let section = "#/work/checked-1/section/about";
    for (kept, checks_first) in [(true, false), (false, true)] {
        if !kept {
            b.execute(
                "Object.keys(localStorage).filter(k => k.startsWith('mhsw:checked:'))\
                   .forEach(k => localStorage.removeItem(k));",
                vec![],
            )
            .await;
        }
        reload(&app, section).await;
        wait_for_first_question(b).await;
        let mark = b
            .execute(
                "return performance.getEntriesByName('mhsw:first-question')[0].startTime;",
                vec![],
            )
            .await
            .as_f64()
            .expect("the mark's time");
        let checks_before = b
            .resource_starts()
            .await
            .iter()
            .any(|(url, start)| url.contains("split_checks") && *start < mark);
        assert_eq!(
            checks_before, checks_first,
            "checksum kept: {kept}; the checks' part fetched before the first question: {checks_before}"
        );
        // Every file is checked once the section is drawn.
        wait_until(
            b,
            "return performance.getEntriesByType('resource').some(e => e.name.includes('split_checks'));",
            vec![],
            DEFAULT_TIMEOUT,
            "the checks' part being fetched after the section is drawn",
        )
        .await;
        b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
        // Sound work is read the quick way: the part that explains damaged records (and
        // questionnaire files with problems) is never fetched.
        let problems: Vec<String> = b
            .resource_starts()
            .await
            .into_iter()
            .map(|(url, _)| url)
            .filter(|url| url.contains("split_problems"))
            .collect();
        assert!(problems.is_empty(), "fetched for sound work: {problems:?}");
    }
    b.assert_no_console_errors().await;
}

/// On a first visit (no service worker keeps the app on this device), a link to a section of
/// saved work asks for the first module, the later part and every chunk it shares as one
/// download, the pack (`section-pack.wasm`, written by scripts/finish-dist.mjs;
/// `assets/unpack.js` hands the first module to boot.js and each other file to the splitter's
/// loader), as the page starts, and once. No file of the pack is then fetched on its own, even
/// when the loader asks for them before the pack has begun to arrive; the home page fetches
/// the first module with the home page's part, in a pack of its own (`home-pack.wasm`), and
/// not the section's. A pack cut short or damaged loses
/// nothing: the files it did not bring whole and sound (it is compressed with LZMA and each
/// file has a checksum) are fetched one by one. Played on a slow link first, so that the order
/// of the requests shows.
#[tokio::test]
async fn a_first_visit_to_a_section_downloads_the_app_as_one_pack() {
    // Without sw.js, no service worker ever controls the page: every load is a first visit.
    let copy = DistCopy::new();
    copy.remove("sw.js");
    let app = TestApp::start_with_dist(copy.path()).await;
    let b = &app.browser;
    let audit = work(
        "early-1",
        "North Team audit",
        &bundled_definition("self-assessment"),
    );
    seed_works(&app, &[&audit], "#/").await;
    b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
    let pack = release_name("section-pack.wasm");
    let first_module = release_name("mhsw-app_bg.wasm");
    let home_pack = release_name("home-pack.wasm");
    let later = release_name("split_later.wasm");
    app.server.set_slow(Some(common::server::SlowLink {
        bytes_per_second: 400_000,
        round_trip: Duration::from_millis(100),
    }));
    let section = "#/work/early-1/section/about";

    // The files the pack holds, from its index in unpack.js: the first module first, then the
    // later part and the chunks it needs (two since 6 December 2026: the splitter merges them).
    let unpack = std::fs::read_to_string(copy.file(&release_name("unpack.js"))).expect("unpack.js");
    let in_pack: Vec<String> = section_pack_index(&unpack)
        .into_iter()
        .map(|(name, ..)| name)
        .collect();
    assert!(
        in_pack.first() == Some(&first_module) && in_pack.contains(&later) && in_pack.len() >= 3,
        "the pack's index: {in_pack:?}"
    );
    // Requests the server had for the pack, and for files of the pack one by one, from `since`.
    let asked = |since: usize| {
        let requests = app.server.requests();
        let file = |path: &String| path.rsplit('/').next().unwrap_or_default().to_owned();
        let requests: Vec<String> = requests[since..].iter().map(file).collect();
        (
            requests.iter().filter(|f| **f == pack).count(),
            requests.iter().filter(|f| in_pack.contains(f)).count(),
        )
    };
    let first_question = || async {
        wait_for_first_question(b).await;
        b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
    };

    // The home page: the first module with the home page's part, in their own pack, and not
    // the section's, asked for by the page as it arrives (index.html's inline script), not
    // once boot.js has come and run.
    let since = app.server.requests().len();
    reload(&app, "#/").await;
    b.wait_for_text("North Team audit", DEFAULT_TIMEOUT).await;
    let requests = app.server.requests()[since..].to_vec();
    let named = |file: &str| {
        requests
            .iter()
            .filter(|path| path.ends_with(&format!("/{file}")))
            .count()
    };
    assert_eq!(
        (named(&home_pack), named(&first_module), named(&pack)),
        (1, 0, 0),
        "(requests for the home page's pack, for the first module, for the section's pack) \
         on a first visit to the home page"
    );
    let (module_asked, boot_in) = asked_and_boot_in(b, &home_pack).await;
    assert!(
        module_asked < boot_in,
        "the first module was asked for at {module_asked:.0} ms, after boot.js came ({boot_in:.0} ms)"
    );

    // A section: the pack, also asked for as the page arrives. The home page fetched the
    // later part's files one by one (they are the pack's files) after drawing; wait until it
    // has stopped asking, so none of its requests is counted as the section's.
    let since = quiet(&app).await;
    reload(&app, section).await;
    first_question().await;
    let (asked_for_pack, boot_in) = asked_and_boot_in(b, &pack).await;
    assert!(
        asked_for_pack < boot_in,
        "the pack was asked for at {asked_for_pack:.0} ms, after boot.js came ({boot_in:.0} ms)"
    );
    assert_eq!(
        asked(since),
        (1, 0),
        "(requests for the pack, for its files one by one) on a first visit to a section"
    );

    // The pack slow to answer while the rest comes at full speed: the loader asks for its
    // files before the pack has begun to arrive, and still takes them from it.
    app.server.set_slow(None);
    app.server.hold(&pack, Duration::from_millis(1500));
    let since = app.server.requests().len();
    reload(&app, section).await;
    first_question().await;
    assert_eq!(
        asked(since),
        (1, 0),
        "(requests for the pack, for its files one by one) with the pack slow to answer"
    );

    // A pack that is not what it should be loses nothing: the files it brings whole and sound
    // are taken from it, the others fetched on their own. Cut short in half; damaged two thirds
    // of the way in (a proxy's mangling, a disk error), where nothing the damage touched may
    // reach the loader (the section would not draw); and unpacking cleanly but holding another
    // build's copy of its middle file, which only that file's checksum tells (unpack.js's
    // index made to expect another copy: the pack is sorted into code streams and compressed
    // stream by stream, so changing one file inside it would mean packing it all again).
    let bytes = std::fs::read(copy.file(&pack)).expect("read the pack");
    let mut damaged = bytes.clone();
    let at = damaged.len() * 2 / 3;
    for byte in &mut damaged[at..at + 64] {
        *byte ^= 0x5a;
    }
    let changes = [
        (
            "cut short in half",
            bytes[..bytes.len() / 2].to_vec(),
            unpack.clone(),
        ),
        ("damaged two thirds of the way in", damaged, unpack.clone()),
        (
            "holding another build's copy of its middle file",
            bytes.clone(),
            expecting_another_middle_file(&unpack),
        ),
    ];
    for (how, changed, index) in changes {
        std::fs::write(copy.file(&pack), &changed).expect("change the pack");
        std::fs::write(copy.file(&release_name("unpack.js")), &index).expect("change unpack.js");
        let since = app.server.requests().len();
        reload(&app, section).await;
        first_question().await;
        let (packs, one_by_one) = asked(since);
        assert_eq!(packs, 1, "the pack {how} was asked for {packs} times");
        assert!(
            one_by_one > 0 && one_by_one < in_pack.len(),
            "{one_by_one} of the pack's {} files were fetched on their own with the pack {how}: \
             those it brought whole and sound should be taken from it, the others fetched",
            in_pack.len()
        );
    }
    // The service worker's script is missing on purpose (above).
    finish_allowing(
        app,
        &[
            "sw.js",
            "bad HTTP response code (404) was received when fetching the script",
        ],
    )
    .await;
}

/// When this page asked for `file`, and when `boot.js` had arrived, in ms (Resource Timing).
/// The number of requests the server has had, once none has come for half a second (at
/// most 10 s): the page before has stopped fetching.
async fn quiet(app: &TestApp) -> usize {
    let started = std::time::Instant::now();
    let mut count = app.server.requests().len();
    loop {
        tokio::time::sleep(Duration::from_millis(500)).await;
        let now = app.server.requests().len();
        if now == count || started.elapsed() > Duration::from_secs(10) {
            return now;
        }
        count = now;
    }
}

async fn asked_and_boot_in(b: &common::browser::Browser, file: &str) -> (f64, f64) {
    let entries: Vec<(String, f64, f64)> = serde_json::from_value(
        b.execute(
            "return performance.getEntriesByType('resource')\
               .map(e => [e.name, e.startTime, e.responseEnd]);",
            vec![],
        )
        .await,
    )
    .expect("resource names and times");
    let entry = |name: &str| {
        entries
            .iter()
            .find(|(url, _, _)| url.ends_with(&format!("/{name}")))
            .unwrap_or_else(|| panic!("{name} was not fetched: {entries:?}"))
    };
    (entry(file).1, entry(&release_name("boot.js")).2)
}

/// Waits for the section page's mark that its first question is usable.
async fn wait_for_first_question(b: &common::browser::Browser) {
    wait_until(
        b,
        "return performance.getEntriesByName('mhsw:first-question').length > 0;",
        vec![],
        DEFAULT_TIMEOUT,
        "the first question of the section",
    )
    .await;
}

/// The section's pack's index in `unpack` (a release's `unpack.js`, which also holds the other
/// packs'): [file name, length, checksum, group] of each file, in pack order.
fn section_pack_index(unpack: &str) -> Vec<(String, f64, f64, f64)> {
    let section = unpack
        .find("section:")
        .expect("the section's pack in unpack.js");
    let start = section
        + unpack[section..]
            .find("[[\"")
            .expect("the pack's index in unpack.js");
    let end = start
        + unpack[start..]
            .find("]]")
            .expect("the end of the pack's index")
        + 2;
    // (Numbers as the minifier writes them: 285000 is `285e3`.)
    serde_json::from_str(&unpack[start..end]).expect("the pack's index")
}

/// `unpack` (a release's `unpack.js`) expecting another copy of the middle file of the
/// section's pack: that file's checksum in the index, changed.
fn expecting_another_middle_file(unpack: &str) -> String {
    let index = section_pack_index(unpack);
    let (name, _, sum, _) = &index[index.len() / 2];
    assert!(*sum >= 0.0 && *sum < 4_294_967_296.0, "a checksum: {sum}");
    let section = unpack
        .find("section:")
        .expect("the section's pack in unpack.js");
    let entry = section
        + unpack[section..]
            .find(&format!("[\"{name}\","))
            .expect("the middle file's entry");
    // [name, length, checksum, group], as the minifier wrote it: the checksum is the third.
    let length_at = entry + name.len() + 4;
    let sum_at = length_at + unpack[length_at..].find(',').expect("its length") + 1;
    let sum_end = sum_at + unpack[sum_at..].find(',').expect("its checksum");
    let other = (*sum as u32).wrapping_add(1);
    format!("{}{other}{}", &unpack[..sum_at], &unpack[sum_end..])
}
