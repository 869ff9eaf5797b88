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
// The Rust side (import-worker/src/main.rs) exports
// `check_import_file(bytes: Uint8Array, definitions: string, lang: string) -> CheckedFile`, throwing a string,
// and `CheckedFile.hand_over() -> Array` (the `ok` above).

importScripts("./mhsw-import-worker.js");

const ready = wasm_bindgen({ module_or_path: "./mhsw-import-worker_bg.wasm" }).catch((error) => {
  throw new Error(`The import tool could not be loaded: ${(error && error.message) || error}`);
});

self.onmessage = async (event) => {
  const request = event.data;
  const id = request && typeof request === "object" ? request.id : undefined;
  try {
    await ready;
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
    const works = checked.hand_over();
    step("hand-over", started);
    // The packed records' memory moves to the page rather than being copied.
    const moved = works.flatMap((work) => [work.records.buffer, work.ends.buffer]);
    self.postMessage({ id, ok: works, steps, sent: performance.timeOrigin + performance.now() }, moved);
  } catch (error) {
    const text = typeof error === "string" ? error : String((error && error.message) || error);
    const closing = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: text, closing });
    if (closing) {
      self.close();
    }
  }
};
