// Takes the splitter's placeholders out of the first module (<staging>/mhsw-app_bg.wasm), once
// wasm-opt has run. Run by scripts/build-app.sh; by hand:
//   node scripts/drop-placeholders.mjs dist
//
// The later parts of the app share the first module's function table: each part puts its own
// functions into its own range of slots when it is instantiated. wasm-split-cli writes, into the
// first module, an element segment of `ref.null func` over every range that is not its own, so
// that wasm-bindgen and wasm-opt, which run after it, see those slots as taken and never move
// anything into them. Once they have run, the placeholders do nothing: a table starts with every
// slot null, and the table's size (its own section, left as it is) still covers every range.
// They were 4,191 entries in 106 segments, 13 kB of the first module before compression and
// 0.6 kB of the section's pack (7 December 2026).
//
// Stops the build, with a reason, if the module uses element segments by number (`table.init`,
// `elem.drop`: taking segments out would renumber them), or if what is left is not a valid
// module.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dropPlaceholders } from "./wasm-glue.mjs";

const staging = process.argv[2];
if (!staging) {
  console.error("usage: node scripts/drop-placeholders.mjs <folder holding mhsw-app_bg.wasm>");
  process.exit(1);
}
// assets/unpack.js's `walk` reads the code, to find any instruction naming a segment.
const here = dirname(fileURLToPath(import.meta.url));
const unpackText = readFileSync(join(here, "../assets/unpack.js"), "utf8");
const { STREAMS, walk } = await import(`data:text/javascript,${encodeURIComponent(unpackText)}`);

const wasmPath = join(staging, "mhsw-app_bg.wasm");
const wasm = readFileSync(wasmPath);
const { bytes, segments, entries } = dropPlaceholders(wasm);
// (Read from the module without its placeholders: its code is the same, and `walk` knows only
// the element segments left.)
if (segments > 0 && namesSegments(bytes)) {
  throw new Error("drop-placeholders: the first module uses table.init or elem.drop, which name element segments by number; leaving it as it is would be right, but this script does not know how");
}
if (!(await WebAssembly.validate(bytes))) {
  throw new Error("drop-placeholders: the module without its placeholders is not valid");
}
writeFileSync(wasmPath, bytes);
console.log(
  `drop-placeholders: ${segments} segments of ${entries} null table entries taken out of mhsw-app_bg.wasm (${wasm.length} -> ${bytes.length} bytes)`,
);

/** Whether the code of `wasm` has `table.init` (0xfc 12) or `elem.drop` (0xfc 13). */
function namesSegments(wasm) {
  const streams = STREAMS.map(() => ({ bytes: new Uint8Array(wasm.length), at: 0 }));
  walk({ bytes: wasm, at: 0 }, streams, true);
  const op = streams[STREAMS.indexOf("op")];
  for (let at = 0; at < op.at; ) {
    const opcode = op.bytes[at++];
    if (opcode !== 0xfc) continue;
    let sub = 0;
    for (let scale = 1; ; scale *= 128) {
      const byte = op.bytes[at++];
      sub += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
    }
    if (sub === 12 || sub === 13) return true;
  }
  return false;
}
