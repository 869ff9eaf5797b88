// Shorter names for what the first module imports from its wasm-bindgen glue.
//
// wasm-bindgen names each JavaScript function the module imports after the Rust binding and a
// hash of 16 hex digits (`__wbg_new_bb74001155cb8ca8`), so that bindings from different crates
// never clash. The names appear twice in what every first visit fetches, once in the module's
// import section and once in the glue's import object, and the hashes are the one part of
// them no compressor can shorten. Within one build the names only have to differ, so the hash
// is dropped, and a number added where two names would then be the same (`__wbg_new`,
// `__wbg_new_2`). Measured on 6 December 2026: the glue 8.9 → 6.0 kB gzipped, the section's
// pack 205.8 → 203.3 kB.
//
// Used by scripts/finish-dist.mjs; the build stops, with a reason, if anything here is not as
// expected (the module's shape, or a name the glue does not mention).

const HASHED = /^(.*)_[0-9a-f]{16}$/;

/**
 * Renames the imports of `wasm` (the module's bytes) from the JavaScript module `from`, and
 * every mention of them in `glue` (that module's text). Returns the new bytes and text and the
 * number of names changed.
 */
export function shortenImportNames(wasm, glue, from) {
  const imports = readImports(wasm);
  const taken = new Set(imports.filter((entry) => entry.module !== from || !HASHED.test(entry.name)).map((entry) => entry.name));
  const renamed = new Map();
  for (const entry of imports) {
    if (entry.module !== from) continue;
    const hashed = HASHED.exec(entry.name);
    if (!hashed) continue;
    let name = hashed[1];
    for (let n = 2; taken.has(name); n++) name = `${hashed[1]}_${n}`;
    taken.add(name);
    renamed.set(entry.name, name);
    entry.name = name;
  }
  let text = glue;
  for (const [old, name] of renamed) {
    // Whole names only; a hashed name is never part of another name.
    const mention = new RegExp(`(?<![\\w$])${old}(?![\\w$])`, "g");
    const count = (text.match(mention) ?? []).length;
    if (count === 0) throw new Error(`import names: the glue never mentions ${old}, which the module imports`);
    text = text.replace(mention, name);
  }
  return { wasm: writeImports(wasm, imports), glue: text, renamed: renamed.size };
}

/** The module's import section as entries { module, name, rest (the description's bytes) }. */
function readImports(wasm) {
  const section = findSection(wasm, 2);
  if (!section) return [];
  const reader = new Reader(wasm, section.start);
  const count = reader.u32();
  const entries = [];
  for (let i = 0; i < count; i++) {
    const module = reader.string();
    const name = reader.string();
    const start = reader.at;
    const kind = reader.byte();
    if (kind === 0) reader.u32(); // a function: its type
    else if (kind === 1) {
      reader.byte(); // a table: its element type, then limits
      reader.limits();
    } else if (kind === 2) reader.limits(); // a memory
    else if (kind === 3) {
      reader.byte(); // a global: its type and mutability
      reader.byte();
    } else throw new Error(`import names: import ${module}.${name} is of a kind not known here (${kind})`);
    entries.push({ module, name, rest: wasm.subarray(start, reader.at) });
  }
  if (reader.at !== section.end) throw new Error("import names: the import section is longer than its imports");
  return entries;
}

/** `wasm` with its import section written again from `entries`. */
function writeImports(wasm, entries) {
  const section = findSection(wasm, 2);
  if (!section) return wasm;
  const encoder = new TextEncoder();
  const body = [leb(entries.length)];
  for (const { module, name, rest } of entries) {
    for (const text of [module, name]) {
      const bytes = encoder.encode(text);
      body.push(leb(bytes.length), bytes);
    }
    body.push(rest);
  }
  const content = Buffer.concat(body);
  return Buffer.concat([wasm.subarray(0, section.head), Buffer.from([2]), leb(content.length), content, wasm.subarray(section.end)]);
}

/** Where section `id` is: { head (its id byte), start (its content), end }, or null. */
function findSection(wasm, id) {
  const reader = new Reader(wasm, 8);
  while (reader.at < wasm.length) {
    const head = reader.at;
    const sectionId = reader.byte();
    const size = reader.u32();
    const start = reader.at;
    if (sectionId === id) return { head, start, end: start + size };
    reader.at = start + size;
  }
  return null;
}

/** Reads LEB128 numbers, strings and bytes from `bytes`, starting at `at`. */
class Reader {
  constructor(bytes, at) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    if (this.at >= this.bytes.length) throw new Error("import names: the module ends too soon");
    return this.bytes[this.at++];
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }
  string() {
    const length = this.u32();
    const text = new TextDecoder("utf-8", { fatal: true }).decode(this.bytes.subarray(this.at, this.at + length));
    this.at += length;
    return text;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

/** `n` as unsigned LEB128. */
export function leb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return Buffer.from(out);
}
