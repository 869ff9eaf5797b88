// Two changes to the first module and its wasm-bindgen glue, made by scripts/trim-glue.mjs
// before wasm-opt (which then drops the code nothing reaches any more).
//
// Leptos' server functions bring wasm-streams, whose three classes for handing Rust streams
// to JavaScript's (`IntoUnderlyingSource`, `IntoUnderlyingByteSource`, `IntoUnderlyingSink`)
// wasm-bindgen exports from every app that links it; this app has no server and never makes
// one. `dropStreamClasses` takes them out of the module's exports and the glue (6 December
// 2026: the first module 4 kB smaller before compression).
//
// wasm-bindgen names each JavaScript function the module imports after the Rust binding and a
// hash of 16 hex digits (`__wbg_new_bb74001155cb8ca8`), so that bindings from different crates
// never clash. The names appear twice in what every first visit fetches, once in the module's
// import section and once in the glue's import object, and the hashes are the one part of
// them no compressor can shorten. Within one build the names only have to differ, so
// `shortenNames` drops the hash, and adds a number where two names would then be the same
// (`__wbg_new`, `__wbg_new_2`); the same for the closures' entry points the module exports to
// its glue. Measured on 6 December 2026 (the imports alone): the glue 8.9 → 6.0 kB gzipped,
// the section's pack 205.8 → 203.3 kB.
//
// Each stops the build, with a reason, if anything is not as expected (the module's shape, or
// the glue's).

/** wasm-bindgen's hash in a name: `_` and 16 hex digits (after an `h` in closures' names). */
const HASH = /_h?[0-9a-f]{16}(?=_\d+$|$)/;

/**
 * Renames the imports of `wasm` (the module's bytes) from the JavaScript module `from`, and its
 * exports, without wasm-bindgen's hashes, and every mention of them in `glue` (that module's
 * text). Returns the new bytes and text and the number of names changed.
 */
export function shortenNames(wasm, glue, from) {
  const imports = readImports(wasm);
  const exports = readExports(wasm);
  const renamed = new Map([
    ...shorten(imports.filter((entry) => entry.module === from)),
    ...shorten(exports),
  ]);
  let text = glue;
  for (const [old, name] of renamed) {
    // Whole names only; a hashed name is never part of another name.
    const mention = new RegExp(`(?<![\\w$])${old}(?![\\w$])`, "g");
    const count = (text.match(mention) ?? []).length;
    if (count === 0) throw new Error(`names: the glue never mentions ${old}, which the module imports or exports`);
    text = text.replace(mention, name);
  }
  return { wasm: writeExports(writeImports(wasm, imports), exports), glue: text, renamed: renamed.size };
}

/** Renames `entries` ({ name }) without their hashes, where they have one; returns [old, new] pairs. */
function shorten(entries) {
  const taken = new Set(entries.filter((entry) => !HASH.test(entry.name)).map((entry) => entry.name));
  const renamed = [];
  for (const entry of entries) {
    if (!HASH.test(entry.name)) continue;
    const short = entry.name.replace(HASH, "");
    let name = short;
    for (let n = 2; taken.has(name); n++) name = `${short}_${n}`;
    taken.add(name);
    renamed.push([entry.name, name]);
    entry.name = name;
  }
  return renamed;
}

/** The stream classes of wasm-streams, as wasm-bindgen names them in the glue. */
const STREAM_CLASS = /IntoUnderlying(Byte)?(Source|Sink)/i;

/**
 * Takes wasm-streams' classes out of `wasm` (the first module's bytes: their exports) and
 * `glue` (its text: each class, its line for `Symbol.dispose` and its finalization registry).
 * Returns the new bytes and text and the number of exports taken out.
 */
export function dropStreamClasses(wasm, glue) {
  const exports = readExports(wasm);
  const kept = exports.filter((entry) => !STREAM_CLASS.test(entry.name));
  const classes = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?\n\}\nif \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
  const registries = /^const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*;\n/gm;
  const text = glue.replace(classes, "").replace(registries, "");
  const left = text.match(new RegExp(STREAM_CLASS.source, "gi"));
  if (left) throw new Error(`stream classes: the glue still mentions ${[...new Set(left)].join(", ")} (wasm-bindgen changed shape?)`);
  return { wasm: writeExports(wasm, kept), glue: text, dropped: exports.length - kept.length };
}

/** The module's exports as entries { name, rest (its kind and index, as bytes) }. */
function readExports(wasm) {
  const section = findSection(wasm, 7);
  if (!section) return [];
  const reader = new Reader(wasm, section.start);
  const entries = [];
  for (let count = reader.u32(); count > 0; count--) {
    const name = reader.string();
    const start = reader.at;
    reader.byte(); // its kind
    reader.u32(); // its index
    entries.push({ name, rest: wasm.subarray(start, reader.at) });
  }
  if (reader.at !== section.end) throw new Error("exports: the export section is longer than its exports");
  return entries;
}

/**
 * `wasm` without its active element segments that only set table slots to `ref.null func`
 * (wasm-split-cli's placeholders: see scripts/drop-placeholders.mjs). A table's slots start
 * null, so such a segment changes nothing, unless it overwrites a slot an earlier segment set:
 * one that could, or whose offset is not a constant, is kept. Returns the new bytes and how many
 * segments and entries went.
 */
export function dropPlaceholders(wasm) {
  const section = findSection(wasm, 9);
  if (!section) return { bytes: wasm, segments: 0, entries: 0 };
  const reader = new Reader(wasm, section.start);
  const count = reader.u32();
  const kept = [];
  // The slots set so far, [table, first, end] of each active segment kept.
  const set = [];
  let segments = 0;
  let entries = 0;
  for (let i = 0; i < count; i++) {
    const start = reader.at;
    const flags = reader.u32();
    if (flags > 7) throw new Error(`element segments: segment ${i} has flags ${flags}, not known here`);
    const active = (flags & 1) === 0;
    const table = active && flags & 2 ? reader.u32() : 0;
    const offset = active ? constantOffset(constExpr(reader)) : null;
    if (flags & 3) reader.byte(); // the element kind or reference type (0x70: funcref)
    const items = reader.u32();
    let nulls = 0;
    for (let item = 0; item < items; item++) {
      if (flags & 4) {
        const expr = constExpr(reader);
        if (expr.length === 3 && expr[0] === 0xd0 && expr[1] === 0x70) nulls++;
      } else reader.u32(); // a function's index
    }
    const range = offset === null ? null : [table, offset, offset + items];
    const overwrites = range === null || set.some(([t, first, end]) => t === table && first < range[2] && range[1] < end);
    if (active && items > 0 && nulls === items && !overwrites) {
      segments++;
      entries += items;
      continue;
    }
    kept.push(wasm.subarray(start, reader.at));
    // A segment whose offset is not known might set any slot: nothing after it goes.
    if (active) set.push(range ?? [table, 0, Infinity]);
  }
  if (reader.at !== section.end) throw new Error("element segments: the element section is longer than its segments");
  return { bytes: writeSection(wasm, 9, [leb(kept.length), ...kept]), segments, entries };
}

/** The offset an expression `i32.const n; end` gives, or null for any other expression. */
function constantOffset(expr) {
  if (expr[0] !== 0x41) return null;
  let value = 0;
  let shift = 0;
  let at = 1;
  for (;;) {
    const byte = expr[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
    if (byte < 0x80) {
      if (shift < 32 && byte & 0x40) value |= -1 << shift;
      break;
    }
  }
  return at === expr.length - 1 && value >= 0 ? value : null;
}

/**
 * Reads one constant expression (to its `end`) and returns its bytes. Only the instructions a
 * constant expression of rustc's and wasm-opt's output has are known here.
 */
function constExpr(reader) {
  const start = reader.at;
  for (;;) {
    const opcode = reader.byte();
    if (opcode === 0x0b) return reader.bytes.subarray(start, reader.at);
    if (opcode === 0x41 || opcode === 0x42 || opcode === 0x23 || opcode === 0xd2) reader.u32(); // a signed constant's bytes read alike
    else if (opcode === 0xd0) reader.byte();
    else if (![0x6a, 0x6b, 0x6c, 0x7c, 0x7d, 0x7e].includes(opcode)) {
      throw new Error(`element segments: a constant expression has opcode ${opcode}, not known here`);
    }
  }
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

/** `wasm` with its import section written again from `entries` ({ module, name, rest }). */
function writeImports(wasm, entries) {
  return writeSection(wasm, 2, [leb(entries.length), ...entries.flatMap(({ module, name, rest }) => [...named(module), ...named(name), rest])]);
}

/** `wasm` with its export section written again from `entries` ({ name, rest }). */
function writeExports(wasm, entries) {
  return writeSection(wasm, 7, [leb(entries.length), ...entries.flatMap(({ name, rest }) => [...named(name), rest])]);
}

/** A name as the binary format writes it: its length in bytes, then its UTF-8. */
function named(text) {
  const bytes = new TextEncoder().encode(text);
  return [leb(bytes.length), bytes];
}

/** `wasm` with the content of its section `id` replaced by `parts` (byte arrays), if it has one. */
function writeSection(wasm, id, parts) {
  const section = findSection(wasm, id);
  if (!section) return wasm;
  const content = Buffer.concat(parts);
  return Buffer.concat([wasm.subarray(0, section.head), Buffer.from([id]), leb(content.length), content, wasm.subarray(section.end)]);
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
