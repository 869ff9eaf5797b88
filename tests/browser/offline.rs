//! Offline start and updates: the service worker built by scripts/finish-dist.mjs, a new
//! release offered and not forced, installing, and a site owner's questionnaire edit.

use crate::prelude::*;

/// Console errors an offline reload is expected to log: the browser's own update check of
/// sw.js, and the questionnaire fetches the service worker answers from its saved copies.
pub(crate) const OFFLINE_NOISE: &[&str] = &[
    "sw.js",
    "ServiceWorker",
    "ERR_CONNECTION_REFUSED",
    "Failed to fetch",
];

/// After one visit the app starts with the site unreachable (its server stopped, not merely
/// a simulated offline switch), from a sub-folder: the home page, a questionnaire's pages, a new
/// self-assessment answered and saved, and a PDF made by the PDF engine kept in the background.
#[tokio::test]
async fn after_one_visit_the_app_starts_and_works_with_the_site_unreachable() {
    use common::journey::{click, click_button, fill, find, start_work, value_of, wait_for_saved};

    let app = TestApp::start_in_sub_folder().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    b.wait_for_offline_ready().await;
    assert!(
        !b.body_text().await.contains("A new version"),
        "the first install is not an update and must not offer one"
    );

    app.server.stop();
    let served = app.server.requests().len();
    b.goto("about:blank").await;
    app.open("#/").await;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    let id = start_work(&app, "self-assessment", "Offline audit", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-1").await;
    // The same link opened afresh: the service worker keeps the app, so the page asks for the
    // first module (which it keeps), not for the pack a first visit to a section takes (which
    // it does not keep, and which the stopped server cannot send).
    b.goto("about:blank").await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-1").await;
    let asked: Vec<String> = serde_json::from_value(
        b.execute(
            "return [...document.querySelectorAll('link[rel=preload]')].map(l => l.href);",
            vec![],
        )
        .await,
    )
    .expect("the page's preloads");
    assert!(
        asked.iter().any(|u| u.contains("/mhsw-app_bg."))
            && !asked.iter().any(|u| u.contains("-pack.")),
        "a page the service worker controls asks for the first module, not a pack: {asked:?}"
    );
    click(b, "#q-strat-1-2").await;
    fill(b, "#q-strat-1-evidence", "Typed with no network").await;
    click(b, "#q-strat-6-1").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-6'] && e.work.responses['strat-1'].evidence === 'Typed with no network'",
        "the offline answers being saved",
    )
    .await;
    assert_eq!(
        value_of(b, "q-strat-1-evidence").await.as_deref(),
        Some("Typed with no network")
    );

    app.open(&format!("#/work/{id}/results")).await;
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready", DEFAULT_TIMEOUT).await;
    let pdf = b.wait_for_download(".pdf", DEFAULT_TIMEOUT).await;
    let bytes = std::fs::read(&pdf).expect("read the PDF");
    assert!(
        bytes.starts_with(b"%PDF"),
        "the offline download is not a PDF"
    );

    // And the work itself exported to a file, with no network.
    app.open(&format!("#/work/{id}")).await;
    click_button(b, "Export this work to a file").await;
    let exported = b.wait_for_download(".json", DEFAULT_TIMEOUT).await;
    let work =
        mhsw::work::parse_work(&std::fs::read_to_string(&exported).expect("read the export"))
            .expect("the offline export is a work file");
    assert_eq!(
        work.responses
            .item(&"strat-1".into())
            .and_then(|i| i.evidence.clone())
            .as_deref(),
        Some("Typed with no network")
    );

    assert_eq!(
        app.server.requests().len(),
        served,
        "the stopped server cannot have answered anything"
    );
    assert!(b.wasm_panics().await.is_empty(), "the app must not stop");
    b.assert_no_console_errors_except(OFFLINE_NOISE).await;
    app.close().await;
}

/// The three lists `scripts/finish-dist.mjs` wrote into dist/sw.js: kept at install, kept
/// later in the background, kept when first fetched.
pub(crate) fn service_worker_lists(
    dist: &std::path::Path,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let sw = std::fs::read_to_string(dist.join("sw.js")).expect("read dist/sw.js");
    let list = |name: &str| -> Vec<String> {
        let start = sw
            .find(&format!("const {name} = ["))
            .unwrap_or_else(|| panic!("dist/sw.js has no {name} list"));
        let body = &sw[start..];
        let body = &body[body.find('[').unwrap_or(0)..=body.find("];").unwrap_or(0)];
        // The build writes each list as JSON with a trailing comma.
        let json = body.replace(",\n]", "\n]");
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name} is not a list: {e}\n{body}"))
    };
    (
        list("APP_FILES"),
        list("LATER_FILES"),
        list("ON_DEMAND_FILES"),
    )
}

pub(crate) fn files_under(root: &std::path::Path, dir: &std::path::Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).expect("read a dist folder") {
        let path = entry.expect("a dist entry").path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        if path.is_dir() {
            files_under(root, &path, out);
        } else {
            let relative = path.strip_prefix(root).expect("under dist");
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The service worker keeps exactly the files of the build: each file in dist/ is in its
/// lists (but for the few it must not keep, named here), and each listed file exists. Code
/// files carry the release id, so a page of one release can never be given another's part.
#[test]
fn the_service_worker_keeps_every_file_of_the_build() {
    let dist = common::dist_dir();
    let (app_files, later_files, on_demand) = service_worker_lists(&dist);
    // The PDF's script faces are never downloaded unless a report needs one.
    assert!(
        !on_demand.is_empty() && on_demand.iter().all(|f| f.starts_with("pdf/fonts/")),
        "{on_demand:?}"
    );
    let mut on_disk = Vec::new();
    files_under(&dist, &dist, &mut on_disk);
    on_disk.sort();
    let not_kept = [
        "sw.js",
        "_headers",
        "questionnaires/schema.json",
        "builtin/schema.json",
    ];
    let mut listed: Vec<String> = app_files
        .iter()
        .chain(&later_files)
        .chain(&on_demand)
        .cloned()
        .collect();
    listed.sort();
    // The packs (the first module, alone or with the home page's or the later part) and their reader serve only a page no
    // service worker controls (assets/boot.js); a page it controls has each file of the pack
    // kept already.
    let first_visits_only = [
        release_name("first-pack.wasm"),
        release_name("home-pack.wasm"),
        release_name("section-pack.wasm"),
        release_name("unpack.js"),
    ];
    let expected: Vec<String> = on_disk
        .iter()
        .filter(|f| !not_kept.contains(&f.as_str()) && !first_visits_only.contains(f))
        .cloned()
        .collect();
    assert_eq!(listed, expected, "dist/sw.js must list every file in dist/");
    for needed in [
        "index.html",
        "manifest.webmanifest",
        "icons/icon-192.png",
        "builtin/manifest.json",
    ] {
        assert!(
            app_files.iter().any(|f| f == needed),
            "{needed} is kept at install"
        );
    }
    for part in [
        "split_later.wasm",
        "mhsw-app_bg.wasm",
        "__wasm_split.js",
        "style.css",
    ] {
        let name = release_name(part);
        assert_ne!(name, part, "{part} must carry the release id");
        assert!(app_files.contains(&name), "{name} is kept at install");
    }
    for worker in ["pdf/", "import/"] {
        assert!(
            later_files.iter().filter(|f| f.starts_with(worker)).count() >= 3,
            "the {worker} worker is kept after install: {later_files:?}"
        );
    }
    assert!(
        later_files
            .iter()
            .all(|f| f.starts_with("pdf/") || f.starts_with("import/")),
        "only the workers are kept after install: {later_files:?}"
    );
    // Every code file but the service worker (whose name the browser checks) carries the release id.
    let unversioned: Vec<&String> = on_disk
        .iter()
        .filter(|f| f.ends_with(".js") || f.ends_with(".wasm") || f.ends_with(".css"))
        .filter(|f| f.as_str() != "sw.js")
        .filter(|f| {
            let stem = f.rsplit_once('.').map(|(s, _)| s).unwrap_or(f);
            let id = stem.rsplit_once('.').map(|(_, id)| id).unwrap_or("");
            !(id.len() == 10 && id.bytes().all(|c| c.is_ascii_hexdigit()))
        })
        .collect();
    assert!(
        unversioned.is_empty(),
        "code files without a release id: {unversioned:?}"
    );
}

/// When a new release is published, an open page is told, keeps what was typed, and only
/// reloads when the user presses the button; afterwards the new release is in charge and the
/// answers are still there. A screenshot at phone size shows the notice.
#[tokio::test]
async fn a_new_release_is_offered_not_forced_and_answers_stay() {
    use common::journey::{click, click_button, fill, find, start_work, value_of, wait_for_saved};

    let dist = common::DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_offline_ready().await;
    let id = start_work(&app, "self-assessment", "Update check", None).await;
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-1").await;
    click(b, "#q-strat-1-3").await;
    fill(b, "#q-strat-1-comment", "Typed before the update").await;
    wait_for_saved(
        b,
        &id,
        "e.work.responses['strat-1'] && e.work.responses['strat-1'].comment === 'Typed before the update'",
        "the comment being saved",
    )
    .await;

    // Publish "a new release": the same files under a new release id.
    let sw = dist.read("sw.js");
    let old_release = sw
        .split("const RELEASE = \"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("sw.js names its release")
        .to_owned();
    let new_release = "0000000001";
    let release_line = format!("const RELEASE = \"{old_release}\";");
    dist.write(
        "sw.js",
        &sw.replace(
            &release_line,
            &format!("const RELEASE = \"{new_release}\";"),
        ),
    );
    // What a browser does when the tab is shown again, or on its own schedule.
    b.execute_async(
        "const done = arguments[arguments.length - 1]; \
         navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => done(true), (e) => done(String(e)));",
        vec![],
    )
    .await;
    let started = std::time::Instant::now();
    loop {
        let state = b
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 navigator.serviceWorker.getRegistration().then((r) => done({ \
                   waiting: Boolean(r.waiting), installing: r.installing && r.installing.state, \
                   update: document.documentElement.dataset.update || null }));",
                vec![],
            )
            .await;
        if state["waiting"] == json!(true) {
            break;
        }
        let console = b.console_entries().await;
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "the new release was not installed: {state}; console: {console:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.wait_for_text("A new version of the toolkit is ready", DEFAULT_TIMEOUT)
        .await;
    let status = b
        .execute(
            "const n = document.querySelector('.update-notice'); \
             return n && n.closest('[role=status]') ? n.innerText : null;",
            vec![],
        )
        .await;
    assert!(
        status
            .as_str()
            .is_some_and(|t| t.contains("Your work is saved")),
        "the notice is in a status region and says the work is kept: {status}"
    );
    // Offered, not forced: a moment later the page is the same page, with the typed text.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(
        value_of(b, "q-strat-1-comment").await.as_deref(),
        Some("Typed before the update")
    );
    assert_accessible(b, "a page with the update notice").await;

    // The host now holds only the new release: every file named for the old one is gone. This
    // page still runs the old release, and still gets its parts: the PDF engine, first used now.
    let mut removed = 0;
    for folder in ["", "pdf"] {
        for entry in std::fs::read_dir(dist.file(folder)).expect("read the copy") {
            let path = entry.expect("an entry").path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().contains(&format!(".{old_release}.")))
            {
                std::fs::remove_file(&path).expect("remove an old release's file");
                removed += 1;
            }
        }
    }
    assert!(
        removed >= 8,
        "only {removed} files carried the old release's id"
    );
    app.open(&format!("#/work/{id}/results")).await;
    click_button(b, "Download the report (PDF)").await;
    b.wait_for_text("Your PDF is ready", DEFAULT_TIMEOUT).await;

    b.client()
        .set_window_size(390, 844)
        .await
        .expect("resize to a phone's size");
    app.open("#/").await;
    b.wait_for_text("A new version of the toolkit is ready", DEFAULT_TIMEOUT)
        .await;
    b.screenshot(&screenshot_path("update-notice-phone")).await;

    click_button(b, "Reload to update").await;
    let started = std::time::Instant::now();
    loop {
        tokio::time::sleep(Duration::from_millis(100)).await;
        // While the page reloads, a script may find no page to run in: try again.
        let Ok(release) = b
            .client()
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 caches.keys().then((keys) => done([keys, Boolean(navigator.serviceWorker.controller), \
                   document.documentElement.dataset.boot || null, document.querySelector('.update-notice') !== null]));",
                vec![],
            )
            .await
        else {
            continue;
        };
        let caches = release[0].to_string();
        if caches.contains(new_release)
            && release[1] == json!(true)
            && release[2] == json!("ready")
            && release[3] == json!(false)
        {
            assert!(
                caches.contains(&old_release),
                "the release before is kept for tabs still running it: {caches}"
            );
            break;
        }
        assert!(
            started.elapsed() < DEFAULT_TIMEOUT,
            "the new release did not take over after the reload: {release}"
        );
    }
    app.open(&format!("#/work/{id}/section/strategy")).await;
    find(b, "#q-strat-1").await;
    assert_eq!(
        value_of(b, "q-strat-1-comment").await.as_deref(),
        Some("Typed before the update"),
        "the answers typed before the update are still there"
    );
    app.browser.assert_no_console_errors().await;
    app.close().await;
}

/// The toolkit can be installed to a home screen, from a sub-folder: Chromium reads the web
/// app manifest without errors and finds nothing that stops installing. The icons the manifest
/// names exist at the sizes it says.
#[tokio::test]
async fn the_app_can_be_installed_from_a_sub_folder() {
    let app = TestApp::start_in_sub_folder().await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_offline_ready().await;
    let manifest = b.cdp("Page.getAppManifest", json!({})).await;
    assert_eq!(manifest["errors"], json!([]), "manifest errors: {manifest}");
    assert!(
        manifest["url"]
            .as_str()
            .is_some_and(|u| u.ends_with("/dist/manifest.webmanifest")),
        "the manifest is found beside the page: {manifest}"
    );
    let installable = b.cdp("Page.getInstallabilityErrors", json!({})).await;
    assert_eq!(
        installable["installabilityErrors"],
        json!([]),
        "Chromium found reasons the app cannot be installed: {installable}"
    );

    let dist = common::dist_dir();
    let text = std::fs::read_to_string(dist.join("manifest.webmanifest")).expect("read it");
    let manifest: Value = serde_json::from_str(&text).expect("the manifest is JSON");
    assert_eq!(manifest["start_url"], json!("./"));
    assert_eq!(manifest["scope"], json!("./"));
    for icon in manifest["icons"].as_array().expect("icons") {
        let src = icon["src"].as_str().expect("an icon's src");
        let bytes = std::fs::read(dist.join(src)).unwrap_or_else(|e| panic!("{src}: {e}"));
        if let Some(size) = icon["sizes"].as_str().and_then(|s| s.split_once('x')) {
            // A PNG's width and height are the big-endian words at bytes 16 and 20.
            assert!(bytes.starts_with(b"\x89PNG"), "{src} is not a PNG");
            let word = |at: usize| {
                u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
            };
            assert_eq!(
                (word(16).to_string(), word(20).to_string()),
                (size.0.to_owned(), size.1.to_owned()),
                "{src} is not {}x{}",
                size.0,
                size.1
            );
        }
    }
    b.assert_no_console_errors().await;
    app.close().await;
}

/// The published questionnaires are asked for network first: a site owner's edit shows on the
/// next visit even though the service worker keeps the app, and stays there offline.
#[tokio::test]
async fn a_site_owners_questionnaire_edit_arrives_on_the_next_visit_and_stays_offline() {
    let dist = common::DistCopy::new();
    let app = TestApp::start_with_dist(dist.path()).await;
    let b = &app.browser;
    app.open("#/").await;
    b.wait_for_offline_ready().await;
    let (old, new) = (
        "Organisational self-assessment for mental health social work",
        "Organisational self-assessment, as edited on our site",
    );
    b.wait_for_text(old, DEFAULT_TIMEOUT).await;
    for file in [
        "questionnaires/manifest.json",
        "questionnaires/self-assessment.json",
    ] {
        let text = dist.read(file);
        assert!(text.contains(old), "{file} has the title");
        dist.write(file, &text.replace(old, new));
    }
    b.goto("about:blank").await;
    app.open("#/").await;
    b.wait_for_text(new, DEFAULT_TIMEOUT).await;
    // The home page lists the manifest's summaries at once; the questionnaires page shows the
    // checked files themselves, so the edited definition has been fetched (and kept) once it
    // shows the new title. Going offline before that would rightly show the copy kept before.
    app.open("#/questionnaires").await;
    b.wait_for_text(new, DEFAULT_TIMEOUT).await;

    app.server.stop();
    b.goto("about:blank").await;
    app.open("#/").await;
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    b.wait_for_text(new, DEFAULT_TIMEOUT).await;
    app.open("#/questionnaires").await;
    b.wait_for_text(new, DEFAULT_TIMEOUT).await;
    b.assert_no_console_errors_except(OFFLINE_NOISE).await;
    app.close().await;
}

/// On a first visit the service worker, which downloads every file of the app as it installs,
/// started as soon as the first module ran: over a slow connection its downloads shared the
/// link with what the first page still needed (the questionnaires, the later part) and with
/// the part that saves. It now starts once the first page is drawn and that part is in; then it
/// keeps the app for offline use as before.
#[tokio::test]
async fn the_service_worker_waits_for_the_first_page_and_the_saving_part() {
    let app = TestApp::start().await;
    let b = &app.browser;
    // The first page cannot be finished for 3 s: the list of questionnaires is held back.
    app.server
        .hold("questionnaires/manifest.json", Duration::from_millis(3000));
    b.goto(&app.route_url("#/")).await;
    b.wait_for_boot().await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let early = app.server.requests();
    assert!(
        !early.iter().any(|path| path.ends_with("/sw.js")),
        "the service worker was asked for while the first page was still coming: {early:#?}"
    );
    b.wait_for_css(".tool-list a.button", DEFAULT_TIMEOUT).await;
    b.wait_for_offline_ready().await;
    let requests = app.server.requests();
    let at = |name: &str| {
        requests
            .iter()
            .position(|path| path.contains(name))
            .unwrap_or_else(|| panic!("{name} was never asked for: {requests:#?}"))
    };
    assert!(
        at("split_saving") < at("/sw.js"),
        "the service worker started before the saving part was asked for"
    );
    finish(app).await;
}
