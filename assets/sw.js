// The service worker: lets the toolkit start without a network once it has been opened.
// scripts/finish-dist.mjs copies this file to dist/sw.js and fills in the two lists below from
// what is actually in dist/ (never edit the lists by hand: the build replaces them).
//
// What it does:
//   - install:  downloads one release of the app (APP_FILES: the page, its code parts, styles,
//               icons, the built-in questionnaires) into a cache named after the release.
//   - message "precache-later" (sent by boot.js once this worker is active): downloads the
//               PDF engine (LATER_FILES) in the background, then answers "offline-ready".
//   - activate: takes charge of open pages, keeps this release and the one before it (a tab
//               still open on the older release keeps fetching its own parts), removes older.
//   - fetch:    the published questionnaires (questionnaires/) network first, falling back to
//               the last copy seen, so a site owner's edit arrives on the next visit; the PDF's
//               script faces (ON_DEMAND_FILES, fetched by the PDF worker only for a report in
//               that script) from the cache, else from the network and then kept; every
//               other file of a release from the cache, falling back to the network.
//   - message "activate-now" (sent when the user presses "Reload to update"): stops waiting.
//
// A new release is never forced on an open page: it waits until the user chooses to reload
// (boot.js and the app's update notice) or every tab of the toolkit has closed.
//
// Every path is relative to this file, so it works in any folder of any host.

const RELEASE = "__RELEASE__";
const APP_FILES = ["__APP_FILES__"];
const LATER_FILES = ["__LATER_FILES__"];
const ON_DEMAND_FILES = ["__ON_DEMAND_FILES__"];

const PREFIX = "mhsw-release-";
const RELEASE_CACHE = PREFIX + RELEASE;
// Not tied to a release: the latest published questionnaires seen, kept across updates.
const QUESTIONNAIRE_CACHE = "mhsw-questionnaires";
const QUESTIONNAIRE_FOLDER = "questionnaires/";
// How long to wait for the site before using the saved questionnaires (a very slow network).
const NETWORK_WAIT_MS = 5000;
// A file name carrying a release id (`mhsw-app.0123456789.js`): the same name never holds other
// contents, so any kept release may answer for it.
const RELEASE_NAME = /\.[0-9a-f]{10}\.[a-z0-9]+$/;

const scope = self.registration.scope;
const absolute = (path) => new URL(path, scope).href;

// Fetch bypassing the browser's HTTP cache, so a release is stored as the host serves it now.
const fresh = (url) => fetch(new Request(url, { cache: "no-cache" }));

async function store(cacheName, paths) {
  const cache = await caches.open(cacheName);
  await Promise.all(
    paths.map(async (path) => {
      const url = absolute(path);
      if (await cache.match(url)) return;
      const response = await fresh(url);
      if (!response.ok) throw new Error(`${path}: the site answered ${response.status}`);
      await cache.put(url, response);
    }),
  );
}

self.addEventListener("install", (event) => {
  const questionnaires = APP_FILES.filter((p) => p.startsWith(QUESTIONNAIRE_FOLDER));
  const release = APP_FILES.filter((p) => !p.startsWith(QUESTIONNAIRE_FOLDER));
  event.waitUntil(
    Promise.all([
      store(RELEASE_CACHE, release),
      // The site's current questionnaires, replacing any older copies.
      caches.open(QUESTIONNAIRE_CACHE).then((cache) =>
        Promise.all(
          questionnaires.map(async (path) => {
            const response = await fresh(absolute(path));
            if (response.ok) await cache.put(absolute(path), response);
          }),
        ),
      ),
    ]),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const releases = (await caches.keys()).filter((k) => k.startsWith(PREFIX));
      // Keys come in creation order: keep this release and the newest one before it.
      const others = releases.filter((k) => k !== RELEASE_CACHE);
      const keep = new Set([RELEASE_CACHE, others[others.length - 1]]);
      await Promise.all(releases.filter((k) => !keep.has(k)).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "activate-now") {
    self.skipWaiting();
  } else if (type === "precache-later") {
    event.waitUntil(
      store(RELEASE_CACHE, LATER_FILES).then(
        () => event.source && event.source.postMessage({ type: "offline-ready", release: RELEASE }),
        (error) => event.source && event.source.postMessage({ type: "offline-failed", reason: String(error) }),
      ),
    );
  }
});

async function networkFirst(request) {
  const cache = await caches.open(QUESTIONNAIRE_CACHE);
  const network = fetch(request).then(async (response) => {
    if (response.ok) await cache.put(request, response.clone());
    return response;
  });
  // If the saved copy wins, a later network failure is expected, not an error.
  network.catch(() => {});
  const timeout = new Promise((resolve) => setTimeout(resolve, NETWORK_WAIT_MS));
  try {
    const response = await Promise.race([network, timeout]);
    if (response) return response;
  } catch {
    // Offline, or the host is unreachable: use the saved copy below.
  }
  const saved = await cache.match(request, { ignoreSearch: true });
  // Nothing saved (a questionnaire added after the last visit): report what the network said.
  return saved || network;
}

async function fromRelease(request, key) {
  // This release first; then any kept release (a tab still running the previous one).
  const own = await caches.open(RELEASE_CACHE);
  const hit = (await own.match(key)) || (await caches.match(key));
  return hit || fetch(request);
}

async function keptOnFirstUse(request, key) {
  const own = await caches.open(RELEASE_CACHE);
  const hit = (await own.match(key)) || (await caches.match(key));
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) {
    await own.put(key, response.clone()).catch(() => {});
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  if (path.startsWith(QUESTIONNAIRE_FOLDER)) {
    event.respondWith(networkFirst(request));
  } else if (request.mode === "navigate" && (path === "" || path === "index.html")) {
    event.respondWith(fromRelease(request, absolute("index.html")));
  } else if (ON_DEMAND_FILES.includes(path)) {
    event.respondWith(keptOnFirstUse(request, absolute(path)));
  } else if (APP_FILES.includes(path) || LATER_FILES.includes(path) || RELEASE_NAME.test(path)) {
    event.respondWith(fromRelease(request, absolute(path)));
  }
});
