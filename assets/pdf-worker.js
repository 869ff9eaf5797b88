// The PDF worker's JavaScript side. scripts/build-pdf-worker.sh copies it to dist/pdf/worker.js,
// beside the wasm-bindgen output (mhsw-pdf-worker.js, mhsw-pdf-worker_bg.wasm). Nothing here is
// fetched until the page creates the worker, so PDF code never slows the first load.
//
// Message contract (page <-> worker):
//   The page creates it with `new Worker("pdf/worker.js")` (a classic worker; the URL is
//   relative to the page) and posts one string: the report model as JSON.
//   The worker answers each message with exactly one of:
//     { ok: Uint8Array }  the PDF bytes (the buffer is transferred, not copied);
//     { error: string }   a message fit to show a user. If the worker's own code could not
//                         load, it starts "The PDF tool could not be loaded".
//   Requests are answered in the order they were sent.
//   If the Rust code crashes (a panic), the worker answers { error } and then closes itself.
//   The page cannot tell a crash from a bad report, so after any { error } it should
//   terminate this worker and create a new one for the next request.
//
// The Rust side (pdf-worker/src/main.rs) exports `render_pdf(json: &str) -> Result<Vec<u8>, String>`.

importScripts("./mhsw-pdf-worker.js");

// URLs are relative to this file (dist/pdf/), so the app works from any folder.
const ready = wasm_bindgen({ module_or_path: "./mhsw-pdf-worker_bg.wasm" }).catch((error) => {
  throw new Error(`The PDF tool could not be loaded: ${(error && error.message) || error}`);
});

self.onmessage = async (event) => {
  try {
    await ready;
    if (typeof event.data !== "string") {
      throw new TypeError("the PDF worker expects the report as a JSON string");
    }
    const bytes = wasm_bindgen.render_pdf(event.data);
    self.postMessage({ ok: bytes }, [bytes.buffer]);
  } catch (error) {
    // `render_pdf` throws its error as a string; anything else is unexpected.
    const text = typeof error === "string" ? error : String((error && error.message) || error);
    self.postMessage({ error: text });
    if (error instanceof WebAssembly.RuntimeError) {
      // A Rust panic (a wasm trap) may leave the instance broken, so stop this worker.
      self.close();
    }
  }
};
