// Trims the first module and its wasm-bindgen glue in <staging>/ (mhsw-app_bg.wasm,
// mhsw-app.js): wasm-streams' unused classes out, and the names it imports and exports
// without their hashes (see scripts/wasm-glue.mjs). Run by scripts/build-app.sh after wasm-bindgen and
// before wasm-opt; by hand:
//   node scripts/trim-glue.mjs dist
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dropStreamClasses, shortenNames } from "./wasm-glue.mjs";

const staging = process.argv[2];
if (!staging) {
  console.error("usage: node scripts/trim-glue.mjs <folder holding mhsw-app_bg.wasm and mhsw-app.js>");
  process.exit(1);
}
const wasmPath = join(staging, "mhsw-app_bg.wasm");
const gluePath = join(staging, "mhsw-app.js");
const without = dropStreamClasses(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
const shorter = shortenNames(without.wasm, without.glue, "./mhsw-app_bg.js");
if (shorter.renamed === 0) throw new Error("names: no hashed names found (wasm-bindgen changed shape?)");
writeFileSync(wasmPath, shorter.wasm);
writeFileSync(gluePath, shorter.glue);
console.log(
  `trim-glue: ${without.dropped} exports of wasm-streams' classes taken out; ${shorter.renamed} names imported or exported without their hashes`,
);
