// The PDF worker's JavaScript side. scripts/build-worker.sh copies it to dist/pdf/pdf-worker.js,
// beside the wasm-bindgen output (mhsw-pdf-worker.js, mhsw-pdf-worker_bg.wasm). Nothing here is
// fetched until the page creates the worker, so PDF code never slows the first load.
//
// Message contract (page <-> worker):
//   The page creates it with `new Worker("pdf/pdf-worker.js")` (a classic worker; the URL is
//   relative to the page) and posts one object per PDF: { id: number, report: string }, the
//   job's id and the report model as JSON. Several jobs may be waiting at once.
//   The worker answers each message with exactly one of, always echoing the job's id:
//     { id, ok: { pdf: Uint8Array, unshown: string | null } }  the PDF bytes (the buffer is
//                             transferred, not copied) and, when some characters could not be
//                             drawn, a sentence saying how many and where;
//     { id, error: string }   a message fit to show a user. If the worker's own code could not
//                             load, it starts "The PDF tool could not be loaded".
//   The page routes each answer to the job with that id, never by order.
//   If the Rust code crashes (a panic), the worker answers { id, error, closing: true } and then
//   closes itself: the page must give up on every other job it sent this worker and create a
//   new worker for the next request. Any other { error } leaves the worker usable.
//
// The Rust side (pdf-worker/src/main.rs) exports `render_pdf(json: &str) -> Result<Made, String>`,
// where `Made` gives `take_pdf()` and `unshown()`.

importScripts("./mhsw-pdf-worker.js");

// URLs are relative to this file (dist/pdf/), so the app works from any folder.
const ready = wasm_bindgen({ module_or_path: "./mhsw-pdf-worker_bg.wasm" }).catch((error) => {
  throw new Error(`The PDF tool could not be loaded: ${(error && error.message) || error}`);
});

// Fetches the script faces a report needs (a space-separated list of file names in ./fonts/),
// only those, and only once per worker. One that cannot be fetched is left out: its letters
// show as replacement marks, and the answer's `unshown` sentence says how many and where.
async function fetchFonts(names) {
  for (const name of names.split(" ").filter(Boolean)) {
    try {
      const response = await fetch(`./fonts/${name}`);
      if (response.ok) {
        wasm_bindgen.add_font(name, new Uint8Array(await response.arrayBuffer()));
      }
    } catch (_) {
      // Offline before the face was kept: the PDF is still made, and says what it lacks.
    }
  }
}

self.onmessage = async (event) => {
  const request = event.data;
  const id = request && typeof request === "object" ? request.id : undefined;
  try {
    await ready;
    if (typeof id !== "number" || typeof request.report !== "string") {
      throw new TypeError("the PDF worker expects { id, report } with the report as a JSON string");
    }
    await fetchFonts(wasm_bindgen.fonts_needed(request.report));
    const made = wasm_bindgen.render_pdf(request.report);
    const pdf = made.take_pdf();
    const unshown = made.unshown() ?? null;
    made.free();
    self.postMessage({ id, ok: { pdf, unshown } }, [pdf.buffer]);
  } catch (error) {
    // `render_pdf` throws its error as a string; anything else is unexpected.
    const text = typeof error === "string" ? error : String((error && error.message) || error);
    // A Rust panic (a wasm trap) may leave the instance broken, so this worker stops.
    const closing = error instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: text, closing });
    if (closing) {
      self.close();
    }
  }
};
