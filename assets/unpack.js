// Hands the files of the later part of the app (its own module and the chunks it shares) to the
// splitter's loader out of one download, the pack, on a first visit to a link to a section of
// saved work (see assets/boot.js for when). Without the pack, those are about 40 files, many
// under 1 kB, each waiting its turn on the browser's few connections to the site and each
// compressed on its own; the pack is one request, compressed as a whole.
//
// The pack is itself a WebAssembly file, so that every host serves it as `application/wasm`
// and compresses it as it does the app's own modules: the 8-byte module header, then each
// file as a custom section named after it, in the order the loader needs them. It is written
// by scripts/finish-dist.mjs, which also fills in PACK below: each file's name and where its
// bytes are in the pack. Each file is handed over as soon as its last byte has arrived, so the
// later part compiles while the rest downloads.
//
// Anything wrong (the pack missing, cut short, or not what PACK says) and each file not yet
// handed over is fetched on its own instead, as without the pack.

/** [file name, offset of its bytes in the pack, their length], in pack order. */
const PACK = ["__PACK__"];
/** The pack's length in bytes. */
const PACK_LENGTH = "__PACK_LENGTH__";

/** The first bytes of every WebAssembly module: `\0asm`. */
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Starts reading `download` (a promised Response of the pack) and returns `take(url)`: the
 * promised Response for one file of the pack (once; a second call, or a file the pack does not
 * hold, is fetched from `url`).
 */
export function unpack(download) {
  const files = new Map();
  for (const [name, start, length] of PACK) {
    let settle;
    const bytes = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    bytes.catch(() => {}); // a file the loader never asks for must not report a failure
    files.set(name, { start, length, bytes, settle });
  }
  // In pack order, taken now: a file the loader has already taken (below) is still read.
  const order = [...files.values()].sort((a, b) => a.start - b.start);
  read(download, order).catch((error) => {
    console.warn("The app's later part will be fetched file by file:", error);
    for (const file of order) file.settle.reject(error);
  });
  return (url) => {
    const name = new URL(url).pathname.split("/").pop();
    const file = files.get(name);
    if (!file) return fetch(url);
    files.delete(name);
    return file.bytes.then(
      (bytes) => new Response(bytes, { headers: { "Content-Type": "application/wasm" } }),
      () => fetch(url),
    );
  };
}

/** Reads the pack as it arrives, settling each of `waiting` (in pack order) once its last byte is in. */
async function read(download, waiting) {
  const response = await download;
  if (!response.ok || !response.body) throw new Error(`the pack came back ${response.status}`);
  const pack = new Uint8Array(PACK_LENGTH);
  const reader = response.body.getReader();
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > PACK_LENGTH) throw new Error("the pack is longer than this release's");
    pack.set(value, received);
    received += value.length;
    while (waiting.length > 0 && waiting[0].start + waiting[0].length <= received) {
      const file = waiting.shift();
      const bytes = pack.subarray(file.start, file.start + file.length);
      if (!MAGIC.every((byte, i) => bytes[i] === byte)) throw new Error("the pack is not this release's");
      file.settle.resolve(bytes);
    }
  }
  if (received !== PACK_LENGTH || waiting.length > 0) throw new Error("the pack was cut short");
}
