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
//   { id, warm: true, definitions }  (sent when the file chooser opens) reads and checks a
//   made-up collection, so the file's own check runs on code the browser has already compiled
//   for speed; answered as a file is ({ id, ok: [...] }, never stored), so that the page's
//   reading of the responses is warmed up too. Nothing of it is kept.
//   If the Rust code crashes (a panic), the answer also says closing: true and the worker closes
//   itself; the page starts a new one for the next file.
//
// Storing (so the page's thread never writes the records): when the request also has
//   store: { here: string, today: string, time: string }  (the ids of the work the page holds, a
//   JSON array; today's date as JSON; the time of day), each piece of work whose id is not in
//   `here` is written to the work store (IndexedDB `mhsw`, the layout in
//   app/src/edges/database.rs: its head record at revision 1 and its responses' records in staged
//   blocks of PER_BLOCK, R7 in src/store.rs) in ONE transaction, aborted on any failure, so the
//   store has all of the file's new work or none of it. Such work carries `storing: <the job's
//   id>` in `ok`; the answer is posted as soon as the writes are asked for, so the page reads the
//   responses while they are written. The page then posts { id, committed: <that job's id> },
//   answered { id, ok: true } once the transaction has committed, or { id, error } if it did not
//   (nothing of it is kept). Once the page has read the responses back, it posts
//   { id, split: <that job's id> }, and the worker splits the blocks into one record per
//   response in a second transaction, answering { id, ok: true } once that has committed, or
//   { id, error } if it did not (the blocks are then still there, and the page's next start
//   splits them, or reads them where they are). The split waits for the page because, run
//   beside the page's reading, the two shared the machine's cores and the reading took about
//   twice as long. If the page never asks (it was closed), its next start splits them.
//   Work without `storing` is not stored here (already on the page, or the store could not be
//   opened in the worker): the page places and stores it.
//
// The Rust side (import-worker/src/main.rs) exports
// `check_import_file(bytes: Uint8Array, definitions: string, lang: string) -> CheckedFile`, throwing a string,
// `warm_up(definitions: string)`,
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
        const names = ["works", "responses", "staged"];
        resolve(names.every((name) => db.objectStoreNames.contains(name)) ? db : null);
      };
    });
  }
  return database;
}

// Each storing job's transaction, for the page to ask whether it committed.
const storing = new Map();
// Each committed storing job's work, kept until the page asks for its blocks to be split.
const unsplit = new Map();

// Responses' records in one staged block. Ten thousand records of 2.8 kB, written to IndexedDB
// in headless Chromium: one record each, 2.5 to 3.2 s; in blocks of 20, 0.48 s; of 100, 0.09 s;
// of 500, 0.18 s.
const PER_BLOCK = 100;

// Runs `write(transaction)` in one readwrite transaction over `names`; resolves once committed,
// rejects with a message (and nothing kept) otherwise.
function inTransaction(db, names, write) {
  return new Promise((resolve, reject) => {
    let transaction;
    try {
      transaction = db.transaction(names, "readwrite");
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
      write(transaction);
    } catch (error) {
      try {
        transaction.abort();
      } catch (_) {
        // Already ending: its onabort says why.
      }
    }
  });
}

// The key range of one piece of work's responses or staged blocks.
const rangeOf = (work) => IDBKeyRange.bound([work], [work, []], false, true);

// Writes `works` ({ id, text, sum, records, ends }): each head, and its responses' records in
// staged blocks ({ text, ends }: a block's packed records as text, and where each part ends in
// it), all in one transaction.
function store(db, works) {
  return inTransaction(db, ["works", "staged"], (transaction) => {
    const heads = transaction.objectStore("works");
    const staged = transaction.objectStore("staged");
    const decoder = new TextDecoder();
    for (const work of works) {
      // `add`, not `put`: work stored meanwhile under the same id is never overwritten.
      heads.add({ text: work.text, sum: work.sum, rev: 1 }, work.id);
      const { records, ends } = work;
      const count = ends.length / 3;
      for (let first = 0, block = 0; first < count; first += PER_BLOCK, block += 1) {
        const last = Math.min(first + PER_BLOCK, count);
        const start = first === 0 ? 0 : ends[3 * first - 1];
        const blockEnds = ends.slice(3 * first, 3 * last).map((end) => end - start);
        const text = decoder.decode(records.subarray(start, ends[3 * last - 1]));
        staged.add({ text, ends: blockEnds }, [work.id, block]);
      }
    }
  });
}

// Splits the staged blocks of `works` (stored by `store`, records still in memory) into one
// record per response and removes the blocks, in one transaction: every response is then in its
// own record or still in its block, never both, never neither. Work whose blocks are gone (split
// by a page meanwhile, or the work deleted) is left as it is.
function split(db, works) {
  return inTransaction(db, ["responses", "staged"], (transaction) => {
    const responses = transaction.objectStore("responses");
    const staged = transaction.objectStore("staged");
    const decoder = new TextDecoder();
    for (const work of works) {
      const look = staged.getAllKeys(rangeOf(work.id));
      look.onsuccess = () => {
        if (look.result.length === 0) {
          return;
        }
        const { records, ends } = work;
        let start = 0;
        for (let at = 0; at + 2 < ends.length; at += 3) {
          const response = decoder.decode(records.subarray(start, ends[at]));
          const text = decoder.decode(records.subarray(ends[at], ends[at + 1]));
          const sum = decoder.decode(records.subarray(ends[at + 1], ends[at + 2]));
          responses.put({ text, sum }, [work.id, response]);
          start = ends[at + 2];
        }
        staged.delete(rangeOf(work.id));
      };
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
    if (typeof id === "number" && request.warm === true && typeof request.definitions === "string") {
      const began = performance.now();
      const works = wasm_bindgen.warm_up(request.definitions);
      const at = (ms) => performance.timeOrigin + ms;
      const moved = works.flatMap((work) => [work.records.buffer, work.ends.buffer]);
      self.postMessage({ id, ok: works, steps: [["warm-up", at(began), at(performance.now())]] }, moved);
      return;
    }
    if (typeof id === "number" && typeof request.split === "number") {
      const job = unsplit.get(request.split);
      if (!job) {
        throw "the import tool has no save to finish for that file";
      }
      unsplit.delete(request.split);
      const [db, works] = job;
      const began = performance.now();
      await split(db, works);
      const at = (ms) => performance.timeOrigin + ms;
      self.postMessage({ id, ok: true, steps: [["split", at(began), at(performance.now())]] });
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
      // Split when the page asks ({ split }), once it has read the responses back.
      job.then(() => unsplit.set(id, [db, mine])).catch(() => {});
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
