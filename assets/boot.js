// Starts the app. Loaded by index.html as a module file, so the Content-Security-Policy can
// forbid inline script (all but index.html's few lines that ask for the first download early).
// Every URL here is relative to this file, so dist/ works from any folder.
//
// Sets <html data-boot="loading" | "ready" | "failed">: the browser tests wait on it.
//
// Once the app has started, registers the service worker (sw.js, written by
// scripts/finish-dist.mjs) so the next start needs no network, and tells the app about updates:
//   <html data-offline="ready">   every file, the PDF engine included, is kept on this device;
//   <html data-update="ready">    a new release is installed and waiting; the window also gets
//                                 the event "mhsw:update-ready" (the app shows its notice);
//   event "mhsw:apply-update"     (sent by the app when the user presses its reload button):
//                                 the waiting release takes over, then the page reloads.
// Nothing reloads by itself: an open page keeps its own release until the user chooses.

const root = document.documentElement;
root.dataset.boot = "loading";

function showFailure(error) {
  console.error("The app could not start:", error);
  const main = document.createElement("main");
  main.id = "boot-error";
  const heading = document.createElement("h1");
  heading.textContent = "The toolkit could not start";
  const advice = document.createElement("p");
  advice.textContent =
    "Something stopped the toolkit loading in this browser. Try reloading the page. " +
    "If that does not help, try an up-to-date version of Chrome, Edge, Firefox or Safari, " +
    "or ask your IT team whether this site is being blocked.";
  main.append(heading, advice);
  document.body.append(main);
  root.dataset.boot = "failed";
}

// The first module (built by scripts/build-app.sh), named by release like every code file.
const firstModule = new URL("./mhsw-app_bg.wasm", import.meta.url);

// On a first visit (no service worker keeping the app on this device yet), the first module
// comes inside a pack (assets/unpack.js), compressed with LZMA, which takes a fifth fewer
// bytes than the host's gzip. A link to a section of saved work (`#/work/<id>/section/<id>`,
// as app/src/route.rs reads it) waits for the first module, then the later part of the app
// and every chunk it shares (about 50 files): the first module would ask for them only once it
// has downloaded and drawn the first screen. So its pack holds all of them, compressed as a
// whole (`section-pack.wasm`); the home page's, the first module and the home page's own part
// (`home-pack.wasm`); every other page's, the first module alone (`first-pack.wasm`). The first module is a pack's first file, and the splitter's loader takes
// each other file from it (scripts/finish-dist.mjs points the loader's fetches at
// `mhswEarly`). Returns the promised response for the first module. index.html's inline script
// has asked for the pack already (with the same test of the address), and this fetch takes up
// that request.
// (A list, not `section ? "a" : "b"`: scripts/finish-dist.mjs puts the release id in file
// names, but not in one followed by a colon, which it takes for an object's key.)
const packs = ["./first-pack.wasm", "./home-pack.wasm", "./section-pack.wasm"];
const kinds = ["first", "home", "section"];
/** Asks for pack number `which` (0 first, 1 home, 2 section). */
function askForPack(which) {
  const pack = fetch(new URL(packs[which], import.meta.url));
  pack.catch(() => {}); // unpack.js reports it, if it could be read
  const taking = import("./unpack.js").then((unpack) => unpack.unpack(pack, kinds[which]));
  globalThis.mhswEarly = (url) => taking.then((take) => take(url), () => fetch(url));
  return globalThis.mhswEarly(firstModule.href);
}

// The work's questionnaire, which the later part asks for once it has read the saved work: the
// light listing the app keeps (localStorage "mhsw:listing") names the work and its
// questionnaire's file in the site's folder (app/src/edges/storage.rs). Anything missing, or
// a file outside that folder, and nothing is asked for: the later part asks as before. When
// the app keeps a copy of the file (its tag in "mhsw:copy:<path>"), the file is asked for only
// if it changed ("If-None-Match"): unchanged, the site answers 304 with no body and the app
// reads its copy (app/src/edges/definitions.rs, `fetch_questionnaire`). The app takes the
// request up from `globalThis.mhswAsked`, by the path it would ask for itself.
function askForQuestionnaire(work) {
  const listing = JSON.parse(localStorage.getItem("mhsw:listing") ?? "[]");
  const entry = Array.isArray(listing) ? listing.find((e) => e && e.id === work) : undefined;
  const file = entry && entry.definition && entry.definition.file;
  // The same folder the app reads (app/src/edges/definitions.rs).
  const folder = new URL("questionnaires/", document.baseURI).href;
  const url = typeof file === "string" ? new URL(file, folder) : undefined;
  if (!url || !url.href.startsWith(folder)) return;
  const path = "questionnaires/" + file;
  const tag = localStorage.getItem("mhsw:copy:" + path);
  const response = fetch(url, { priority: "high", headers: tag ? { "If-None-Match": tag } : {} });
  response.catch(() => {}); // the app reports it, when it reads the file
  globalThis.mhswAsked = { path, response };
}

const section = /^#\/*work\/+([^/]+)\/+section\/+[^/]+\/*$/.exec(location.hash);
const firstVisit = !(navigator.serviceWorker && navigator.serviceWorker.controller);
// index.html's inline script asked for the one or the other as the page arrived (a preload),
// and the fetch here takes that request up.
// The home page is `#/`, `#` or no hash at all (app/src/route.rs).
const home = /^(#\/*)?$/.test(location.hash);
const firstModuleResponse = firstVisit ? askForPack(section ? 2 : home ? 1 : 0) : fetch(firstModule);
firstModuleResponse.catch(() => {}); // reported by the start below
if (section) {
  try {
    askForQuestionnaire(section[1]);
  } catch {
    // an unreadable listing: the later part asks for the file itself
  }
}

try {
  // The wasm-bindgen glue (scripts/finish-dist.mjs puts the release id in both names).
  const app = await import("./mhsw-app.js");
  // Runs the app's `main`, which mounts the UI.
  await app.default({ module_or_path: firstModuleResponse });
  root.dataset.boot = "ready";
} catch (error) {
  showFailure(error);
}

function announceUpdate() {
  root.dataset.update = "ready";
  window.dispatchEvent(new Event("mhsw:update-ready"));
}

async function keepForOffline() {
  const container = navigator.serviceWorker;
  // The first install takes charge of this page; only a later one is an update.
  const hadController = Boolean(container.controller);
  const registration = await container.register(new URL("sw.js", document.baseURI), { scope: "./" });

  container.addEventListener("message", (event) => {
    if (event.data && event.data.type === "offline-ready") root.dataset.offline = "ready";
  });
  container.startMessages();
  const watch = (worker) => {
    if (!worker) return;
    const check = () => {
      if (worker.state === "installed" && (hadController || container.controller)) announceUpdate();
    };
    worker.addEventListener("statechange", check);
    check();
  };
  if (registration.waiting && hadController) announceUpdate();
  watch(registration.installing);
  registration.addEventListener("updatefound", () => watch(registration.installing));

  window.addEventListener("mhsw:apply-update", () => {
    const waiting = registration.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    container.addEventListener("controllerchange", () => location.reload(), { once: true });
    waiting.postMessage({ type: "activate-now" });
  });
  // A tablet may keep the app open for days: look for a new release when it is shown again.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") registration.update().catch(() => {});
  });

  const active = (await container.ready).active;
  if (active) active.postMessage({ type: "precache-later" });
}

// The service worker downloads every file of the app as it installs. On a first visit over a
// slow connection that shared the link with what the first page and the first save still
// needed, so it starts once the app says both are in (`mhsw:settled`, app/src/edges/updates.rs),
// or after 15 s if that never comes (the later part could not be downloaded, say).
function settled() {
  return new Promise((resolve) => {
    if (root.dataset.settled === "ready") return resolve();
    window.addEventListener("mhsw:settled", resolve, { once: true });
    setTimeout(resolve, 15000);
  });
}

// The web app manifest (for installing the toolkit as an app) and the icon it names: nothing
// reads them before the first page, so on a first visit over a slow connection they wait for
// it too, rather than share the link with it (1.2 kB, 3 December 2026).
settled().then(() => {
  const manifest = Object.assign(document.createElement("link"), { rel: "manifest", href: "./manifest.webmanifest" });
  document.head.append(manifest);
});

// Service workers need a secure context (https, or http on this computer); without one, or in
// an old browser, the app simply needs the network each time.
if (root.dataset.boot === "ready" && "serviceWorker" in navigator) {
  settled()
    .then(keepForOffline)
    .catch((error) => console.warn("Offline use is not available:", error));
}
