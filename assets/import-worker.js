// The import worker's JavaScript side. scripts/build-worker.sh copies it to dist/import/import-worker.js,
// beside the wasm-bindgen output (mhsw-import-worker.js, mhsw-import-worker_bg.wasm). Nothing here
// is fetched until the first file is imported, and reading a file here keeps the page responsive
// while a large collection is read and checked.
//
// Message contract (page <-> worker):
//   The page posts one object per file: { id: number, file: File, definitions: string, lang?: string },
//   the job's id, the file the user chose, every questionnaire the page holds as a JSON array,
//   and the page's language (`en`, `cy`; English when left out), which the messages are in.
//   The worker answers each message with exactly one of, always echoing the job's id:
//     { id, ok: [{ head, records, ends, keptAside, carried }, ...], steps, sent }  each piece of
//        work in the file, checked: its JSON without the collection's responses; each response's
//        id, record text and checksum (as the store keeps them) packed as UTF-8 in `records` (a
//        Uint8Array) with where each part ends in `ends` (a Uint32Array, three to a response;
//        `mhsw::store::Packed`), both moved to the page (transferred), not copied; and how many
//        answers were kept aside; `steps` lists [name, start, end] of the worker's own steps (ms
//        since the epoch), and `sent` when the answer was posted (ms since the epoch), for
//        `make bench`;
//     { id, error: string }  a message fit to show a user; nothing in the file is used. If the
//        worker's own code could not load, it starts "The import tool could not be loaded".
//   If the Rust code crashes (a panic), the answer also says closing: true and the worker closes
//   itself; the page starts a new one for the next file.
//
// Storing (so the page's thread never writes the records): when the request also has
//   store: { here: string, today: string, time: string }  (the ids of the work the page holds, a
//   JSON array; today's date as JSON; the time of day), each piece of work whose id is not in
//   `here` is written to the work store (IndexedDB `mhsw`, the layout in
//   app/src/edges/database.rs: its head record at revision 1 and every response's record) in ONE
//   transaction, aborted on any failure, so the store has all of the file's new work or none of
//   it. Such work carries `storing: <the job's id>` in `ok`; the answer is posted as soon as the
//   writes are asked for, so the page reads the responses while they are written. The page then
//   posts { id, committed: <that job's id> }, answered { id, ok: true } once the transaction has
//   committed, or { id, error } if it did not (nothing of it is kept).
//   Work without `storing` is not stored here (already on the page, or the store could not be
//   opened in the worker): the page places and stores it.
//
// The Rust side (import-worker/src/main.rs) exports
// `check_import_file(bytes: Uint8Array, definitions: string, lang: string) -> CheckedFile`, throwing a string,
// `CheckedFile.heads(here, today, time) -> Array` (each work's head record to store, or null)
// and `CheckedFile.hand_over() -> Array` (the `ok` above).

importScripts("./mhsw-import-worker.js");

const ready = wasm_bindgen({ module_or_path: "./mhsw-import-worker_bg.wasm" }).catch((error) => {
  throw new Error(`The import tool could not be loaded: ${(error && error.message) || error}`);
});

// The work store, opened on the first import that stores (and closed when another tab or the
// page deletes or upgrades it, so it never blocks them); null when it cannot be opened here.
let database = null;
function workStore() {
  if (!database) {
    database = new Promise((resolve) => {
      let request;
      try {
        request = indexedDB.open("mhsw");
      } catch (error) {
        resolve(null);
        return;
      }
      // The page makes the store; a worker never makes an empty one.
      request.onupgradeneeded = () => request.transaction.abort();
      request.onerror = (event) => {
        event.preventDefault();
        resolve(null);
      };
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => {
          db.close();
          database = null;
        };
        db.onclose = () => {
          database = null;
        };
        resolve(db.objectStoreNames.contains("works") && db.objectStoreNames.contains("responses") ? db : null);
      };
    });
  }
  return database;
}

// Each storing job's transaction, for the page to ask whether it committed.
const storing = new Map();

// Writes `works` ({ id, text, sum, records, ends }) in one transaction; resolves once committed,
// rejects with a message (and nothing kept) otherwise.
function store(db, works) {
  return new Promise((resolve, reject) => {
    let transaction;
    try {
      transaction = db.transaction(["works", "responses"], "readwrite");
    } catch (error) {
      reject(`${error.name}: ${error.message}`);
      return;
    }
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => {
      const error = transaction.error;
      reject(error ? `${error.name}: ${error.message}` : "the browser stopped the save");
    };
    try {
      const heads = transaction.objectStore("works");
      const responses = transaction.objectStore("responses");
      const decoder = new TextDecoder();
      for (const work of works) {
        // `add`, not `put`: work stored meanwhile under the same id is never overwritten.
        heads.add({ text: work.text, sum: work.sum, rev: 1 }, work.id);
        const { records, ends } = work;
        let start = 0;
        for (let at = 0; at + 2 < ends.length; at += 3) {
          const response = decoder.decode(records.subarray(start, ends[at]));
          const text = decoder.decode(records.subarray(ends[at], ends[at + 1]));
          const sum = decoder.decode(records.subarray(ends[at + 1], ends[at + 2]));
          // `add` too: two responses with one id abort the save rather than keep one.
          responses.add({ text, sum }, [work.id, response]);
          start = ends[at + 2];
        }
      }
    } catch (error) {
      try {
        transaction.abort();
      } catch (_) {
        // Already ending: its onabort says why.
      }
    }
  });
}

self.onmessage = async (event) => {
  const request = event.data;
  const id = request && typeof request === "object" ? request.id : undefined;
  try {
    await ready;
    if (typeof id === "number" && typeof request.committed === "number") {
      // Kept, not removed: each piece of work in the file asks (a settled promise is small).
      const job = storing.get(request.committed);
      if (!job) {
        throw "the import tool has no save for that file";
      }
      // For `make bench`: from the first write asked for to the commit (ms since the epoch).
      const [began, ended] = await job;
      const at = (ms) => performance.timeOrigin + ms;
      self.postMessage({ id, ok: true, steps: [["store", at(began), at(ended)]] });
      return;
    }
    if (typeof id !== "number" || !(request.file instanceof Blob) || typeof request.definitions !== "string") {
      throw new TypeError("the import worker expects { id, file, definitions }");
    }
    // Each step's start and end (ms since the epoch), so `make bench` can see where the time goes.
    const steps = [];
    const step = (name, start) => steps.push([name, performance.timeOrigin + start, performance.timeOrigin + performance.now()]);
    let started = performance.now();
    let bytes;
    try {
      bytes = new Uint8Array(await request.file.arrayBuffer());
    } catch (error) {
      throw `the browser could not read the file (${(error && error.message) || error}). Try choosing it again`;
    }
    step("file", started);
    started = performance.now();
    const checked = wasm_bindgen.check_import_file(bytes, request.definitions, typeof request.lang === "string" ? request.lang : "en");
    step("check", started);
    started = performance.now();
    const ask = request.store;
    const heads = ask ? checked.heads(ask.here, ask.today, ask.time) : [];
    const works = checked.hand_over();
    let db = null;
    if (heads.some((head) => head)) {
      db = await workStore();
    }
    // What this worker writes itself: copies of the records (the originals move to the page).
    const mine = [];
    if (db) {
      works.forEach((work, at) => {
        const head = heads[at];
        if (head) {
          mine.push({ ...head, records: work.records.slice(), ends: work.ends.slice() });
          work.storing = id;
        }
      });
    }
    step("hand-over", started);
    // The packed records' memory moves to the page rather than being copied.
    const moved = works.flatMap((work) => [work.records.buffer, work.ends.buffer]);
    self.postMessage({ id, ok: works, steps, sent: performance.timeOrigin + performance.now() }, moved);
    if (mine.length) {
      const began = performance.now();
      const job = store(db, mine).then(() => [began, performance.now()]);
      job.catch(() => {});
      storing.set(id, job);
    }
  } catch (error) {
    const text = typeof error === "string" ? error : String((error && error.message) || error);
    const closing = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: text, closing });
    if (closing) {
      self.close();
    }
  }
};
