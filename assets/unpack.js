// Hands out the first module of the app, and the files of a later part (its own module and
// the chunks it shares), out of one download, a pack, on a first visit (see assets/boot.js for
// when): boot.js takes the first module, the splitter's loader the others. There are three
// packs: `section-pack.wasm`, for a link to a section of saved work, holds the first module
// and the later part; `home-pack.wasm`, for the home page, the first module and the home
// page's part; `first-pack.wasm`, for every other page, the first module alone.
// Without a pack, the first module is compressed by the host with gzip, and the later part is
// several files, each waiting its turn on the browser's few connections to the site and each
// compressed on its own; a pack is one request, compressed as a whole with LZMA, which
// remembers the whole pack and models code better (the first module alone: 20% fewer bytes
// than gzip).
//
// A pack is a WebAssembly file, so that every host serves it as `application/wasm`: the
// 8-byte module header, then one custom section holding LZMA streams (the `.lzma` format of
// xz-utils: 13 bytes of header, then the coded data). Its files are not packed byte after
// byte: their code is sorted first into streams of one kind each (`STREAMS`: the opcodes in
// one, the local variables read in another, the constants in a third, and so on; `walk`
// below), and each stream is compressed on its own, so that LZMA learns the shape of each
// kind apart, and remembers each kind across all the files (6 December 2026: the section's
// pack 203.3 → 194.7 kB). Unpacked, each file is put together again from the streams, byte
// for byte. The files are in groups, in the order they are needed; the pack holds each
// stream's share of the first group, then of the second, and so on, so that each group is
// unpacked and handed over as soon as its share has arrived, and the first module compiles
// and starts while the rest downloads. Written by scripts/finish-dist.mjs, which also fills
// in the constants below and checks, on every build, that this file unpacks every file of
// every pack as it was.
//
// Anything wrong (the pack missing, cut short, damaged, or not this release's) and each file
// not yet handed over is fetched on its own instead, as without the pack.

/**
 * Each pack by its kind (`first`, `home`, `section`): [its files, each [file name, length,
 * FNV-1a checksum, group] in pack order; each stream's length unpacked; for each group, how
 * many bytes of each stream it holds packed; where the first stream starts in the file; the
 * file's length], in bytes.
 */
const PACKS = { first: ["__FIRST_PACK__"], home: ["__HOME_PACK__"], section: ["__SECTION_PACK__"] };

/** The first bytes of every WebAssembly module: `\0asm`. */
const MAGIC = [0x00, 0x61, 0x73, 0x6d];

/**
 * Starts reading `download` (a promised Response of the pack of this `kind`) and returns
 * `take(url)`: the promised Response for one file of the pack (once; a second call, or a file
 * the pack does not hold, is fetched from `url`).
 */
export function unpack(download, kind) {
  const [index, ...layout] = PACKS[kind];
  const files = new Map();
  const order = [];
  for (const [name, length, sum, group] of index) {
    let settle;
    const bytes = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    bytes.catch(() => {}); // a file the loader never asks for must not report a failure
    const file = { name, length, sum, group, bytes, settle };
    files.set(name, file);
    // In pack order, taken now: a file the loader has already taken (below) is still read.
    order.push(file);
  }
  read(download, order, ...layout).catch((error) => {
    console.warn("The app's files will be fetched one by one:", error);
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

/**
 * Reads the pack as it arrives, settling each of `files` (in pack order) once its group is in
 * and the file is put together and sound. Each stream is `lengths[i]` bytes unpacked; group g
 * holds `groups[g][i]` bytes of stream i, packed; the first starts `at` bytes in, and the file
 * is `fileLength` bytes.
 */
async function read(download, files, lengths, groups, at, fileLength) {
  const response = await download;
  if (!response.ok || !response.body) throw new Error(`the pack came back ${response.status}`);
  const streams = lengths.map((length, i) => {
    const input = new Uint8Array(groups.reduce((sum, group) => sum + group[i], 0));
    const output = new Uint8Array(length);
    return { input, received: 0, decoder: lzma(input, 0, output), cursor: { bytes: output, at: 0 } };
  });
  const cursors = streams.map((stream) => stream.cursor);
  // Unpacks what each stream has received so far.
  const unpackStreams = () => {
    for (const stream of streams) stream.decoder.run(stream.received, stream.received === stream.input.length);
  };
  // Puts together, checks and hands over the files of group `g`, whose share has arrived.
  const handOver = (g) => {
    unpackStreams();
    for (const file of files.filter((each) => each.group === g)) {
      const bytes = new Uint8Array(file.length);
      walk({ bytes, at: 0 }, cursors, false);
      if (!MAGIC.every((byte, i) => bytes[i] === byte) || fnv1a(bytes) !== file.sum) {
        throw new Error(`the pack's copy of ${file.name} is damaged, or not this release's`);
      }
      file.settle.resolve(bytes);
    }
  };
  const reader = response.body.getReader();
  let received = 0;
  let group = 0;
  let stream = 0;
  let left = groups[0][0];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > fileLength) throw new Error("the pack is longer than this release's");
    // The bytes before the first stream, then each group's share of each stream in turn.
    let i = Math.min(value.length, Math.max(0, at - received));
    received += value.length;
    while (group < groups.length) {
      if (left === 0) {
        if (++stream === streams.length) {
          handOver(group);
          stream = 0;
          if (++group === groups.length) break;
        }
        left = groups[group][stream];
        continue;
      }
      if (i === value.length) break;
      const taken = Math.min(left, value.length - i);
      const into = streams[stream];
      into.input.set(value.subarray(i, i + taken), into.received);
      into.received += taken;
      i += taken;
      left -= taken;
    }
    unpackStreams();
  }
  if (received !== fileLength || group < groups.length) throw new Error("the pack was cut short");
}

/** The 32-bit FNV-1a hash of `bytes` (scripts/finish-dist.mjs computes the same). */
export function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/**
 * The streams a pack sorts a WebAssembly file's bytes into: everything but the code section
 * (`rest`), the opcodes, the indices of the local variables read, written and teed, of the
 * functions called, the 32-bit constants, loads' and stores' alignments and offsets, branch
 * labels, globals, the sizes of function bodies, block types, 64-bit constants, the rest
 * of the code (`misc`), and the functions put into the table by the element section (`table`),
 * each as its difference from the one before: the table lists functions mostly in the order
 * they are numbered, so most differences are small and alike (7 December 2026: 1.1 kB less
 * of the section's pack than the numbers themselves).
 */
export const STREAMS = ["rest", "op", "get", "set", "tee", "call", "i32", "align", "offset", "label", "global", "size", "block", "i64", "misc", "table", "address"];
const [REST, OP, GET, SET, TEE, CALL, I32, ALIGN, OFFSET, LABEL, GLOBAL, SIZE, BLOCK, I64, MISC, TABLE, ADDRESS] = STREAMS.keys();

/**
 * A 32-bit constant from 1 MiB up to 2 MiB is, in rustc's wasm32 output, almost always an
 * address in the data (the stack takes the first megabyte, the data follows): a string, a
 * table. Such constants go to a stream of their own (`address`), apart from the small numbers,
 * and their opcode (`i32.const`) is written in the opcodes' stream as `ADDRESS_CONST`, an
 * opcode WebAssembly does not have outside its exceptions proposal, so that putting the file
 * together again knows which stream to read (7 December 2026: 1.4 kB less of the section's
 * pack).
 */
const ADDRESS_CONST = 0x06;
const ADDRESSES = [2 ** 20, 2 ** 21];

/**
 * What follows each opcode, as the streams its immediates go to: a stream's number for a
 * LEB128 number; `-LABEL` for a list of labels (a count, then that many); `-MISC` for a list
 * of value types; `[MISC, n]` for n bytes as they are (floating-point constants). Opcodes
 * absent are not known here (none of rustc's wasm32 output but these).
 */
const IMMEDIATES = [];
/** The same for the opcodes after the prefix 0xfc, by their number. */
const PREFIXED = [[], [], [], [], [], [], [], [], [MISC, MISC], [MISC], [MISC, MISC], [MISC], [MISC, MISC], [MISC], [MISC, MISC], [MISC], [MISC], [MISC]];
{
  const set = (immediates, ...opcodes) => {
    for (const opcode of opcodes) IMMEDIATES[opcode] = immediates;
  };
  set([], 0x00, 0x01, 0x05, 0x0b, 0x0f, 0x1a, 0x1b, 0xd1);
  for (let opcode = 0x45; opcode <= 0xc4; opcode++) set([], opcode); // arithmetic, comparisons, conversions
  set([BLOCK], 0x02, 0x03, 0x04);
  set([LABEL], 0x0c, 0x0d);
  set([-LABEL, LABEL], 0x0e);
  set([CALL], 0x10, 0xd2);
  set([MISC, MISC], 0x11);
  set([-MISC], 0x1c);
  set([GET], 0x20);
  set([SET], 0x21);
  set([TEE], 0x22);
  set([GLOBAL], 0x23, 0x24);
  set([MISC], 0x25, 0x26, 0x3f, 0x40, 0xd0);
  for (let opcode = 0x28; opcode <= 0x3e; opcode++) set([ALIGN, OFFSET], opcode); // loads, stores
  set([I32], 0x41);
  set([ADDRESS], ADDRESS_CONST);
  set([I64], 0x42);
  set([[MISC, 4]], 0x43);
  set([[MISC, 8]], 0x44);
}

/**
 * Copies one WebAssembly file between its bytes and the streams: `file` ({ bytes, at }) is the
 * file, read from or written to at `at`; `streams` (each { bytes, at }) the streams, written to
 * or read from at theirs. `sorting` says which way: true sorts the file into the streams,
 * false puts it together from them. The file's length is `file.bytes.length` either way.
 * Throws on anything it cannot read (an opcode not known here, or bytes running out: damage).
 */
export function walk(file, streams, sorting) {
  const length = file.bytes.length;
  // Where each stream's bytes come from and go to.
  const from = streams.map((stream) => (sorting ? file : stream));
  const to = streams.map((stream) => (sorting ? stream : file));
  const byte = (stream) => copy(from[stream], to[stream], 1);
  const number = (stream) => copyNumber(from[stream], to[stream]);
  copy(from[REST], to[REST], 8);
  while (file.at < length) {
    const id = byte(REST);
    const size = number(REST);
    if (id === 9) {
      // A byte in `rest` says how the element section is kept: 1, its entries sorted out
      // (`walkElements`); 0, as it is (a kind of segment that walk does not read, as a build
      // without wasm-opt has).
      const end = file.at + size;
      const rest = streams[REST];
      if (sorting) {
        const marks = streams.map((stream) => stream.at);
        const start = file.at;
        try {
          rest.bytes[rest.at++] = 1;
          walkElements(file, streams, true, end);
        } catch {
          streams.forEach((stream, i) => (stream.at = marks[i]));
          file.at = start;
          rest.bytes[rest.at++] = 0;
          copy(file, rest, size);
        }
      } else {
        if (rest.at >= rest.bytes.length) throw damagedStreams();
        const sorted = rest.bytes[rest.at++];
        if (sorted === 1) walkElements(file, streams, false, end);
        else copy(rest, file, size);
      }
      continue;
    }
    if (id !== 10) {
      copy(from[REST], to[REST], size);
      continue;
    }
    const sectionEnd = file.at + size;
    for (let functions = number(MISC); functions > 0; functions--) {
      const bodySize = number(SIZE);
      const bodyEnd = file.at + bodySize;
      for (let locals = number(MISC); locals > 0; locals--) {
        number(MISC);
        byte(MISC);
      }
      while (file.at < bodyEnd) {
        let opcode = byte(OP);
        if (sorting) {
          if (opcode === ADDRESS_CONST) throw new Error(`opcode ${opcode} at byte ${file.at} is not known to the pack's code streams`);
          if (opcode === 0x41 && isAddress(file)) opcode = streams[OP].bytes[streams[OP].at - 1] = ADDRESS_CONST;
        } else if (opcode === ADDRESS_CONST) file.bytes[file.at - 1] = 0x41;
        const immediates = opcode === 0xfc ? PREFIXED[number(OP)] : IMMEDIATES[opcode];
        if (!immediates) throw new Error(`opcode ${opcode} at byte ${file.at} is not known to the pack's code streams`);
        for (let i = 0; i < immediates.length; i++) {
          const immediate = immediates[i];
          if (typeof immediate !== "number") copy(from[MISC], to[MISC], immediate[1]);
          else if (immediate >= 0) copyNumber(from[immediate], to[immediate]);
          else for (let count = number(-immediate); count > 0; count--) number(-immediate);
        }
      }
      if (file.at !== bodyEnd) throw new Error(`a function's code ends at byte ${file.at}, not ${bodyEnd}`);
    }
    if (file.at !== sectionEnd) throw new Error(`the code section ends at byte ${file.at}, not ${sectionEnd}`);
  }
}

/**
 * `walk` for the element section, which ends at byte `end` of the file: its segments' layout
 * goes to `rest`, and each function index to `table`, as its difference from the one before
 * (zigzag-coded: 0, -1, 1, -2 … as 0, 1, 2, 3 …). Only active segments at a constant offset
 * listing functions by index are known (what rustc's and wasm-opt's output has once
 * scripts/drop-placeholders.mjs has run); anything else throws, and `walk` keeps the section
 * as it is.
 */
function walkElements(file, streams, sorting, end) {
  const from = sorting ? file : streams[REST];
  const to = sorting ? streams[REST] : file;
  const table = streams[TABLE];
  let previous = 0;
  for (let segments = copyNumber(from, to); segments > 0; segments--) {
    // Its kind (0: active, in table 0, listing functions; 2: the same in a table it names, with
    // the kind of its elements after the offset), then its offset (i32.const n, end).
    const kind = copyNumber(from, to);
    if (kind === 2) copyNumber(from, to);
    if ((kind !== 0 && kind !== 2) || copy(from, to, 1) !== 0x41 || (copyNumber(from, to), copy(from, to, 1) !== 0x0b) || (kind === 2 && copy(from, to, 1) !== 0)) {
      throw new Error("an element segment is of a kind not known to the pack's streams");
    }
    for (let count = copyNumber(from, to); count > 0; count--) {
      // (Put together again, each number is written in its fewest bytes: scripts/finish-dist.mjs
      // checks that every file comes out of its pack as it went in.)
      if (sorting) {
        const index = readNumber(file);
        const change = index - previous;
        writeNumber(table, change >= 0 ? 2 * change : -2 * change - 1);
        previous = index;
      } else {
        const coded = readNumber(table);
        previous += coded % 2 === 0 ? coded / 2 : -(coded + 1) / 2;
        if (previous < 0) throw damagedStreams();
        writeNumber(file, previous);
      }
    }
  }
  if (file.at !== end) throw new Error(`the element section ends at byte ${file.at}, not ${end}`);
}

/** Whether the signed LEB128 number at `file.at` (not moving on) is in `ADDRESSES`. */
function isAddress(file) {
  const input = file.bytes;
  let value = 0;
  let at = file.at;
  for (let scale = 1; ; scale *= 128) {
    if (at >= input.length) return false; // damage: `walk` reports it as it copies the number
    const b = input[at++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) {
      if (b & 0x40) value -= scale * 128; // negative
      return value >= ADDRESSES[0] && value < ADDRESSES[1];
    }
  }
}

/** Reads one LEB128 number from `from` ({ bytes, at }, moving on). */
function readNumber(from) {
  const input = from.bytes;
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    if (from.at >= input.length) throw damagedStreams();
    const b = input[from.at++];
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
  }
}

/** Writes `value` to `to` ({ bytes, at }, moving on) as LEB128, in its fewest bytes. */
function writeNumber(to, value) {
  const output = to.bytes;
  do {
    if (to.at >= output.length) throw damagedStreams();
    const low = value % 128;
    value = (value - low) / 128;
    output[to.at++] = value > 0 ? low | 0x80 : low;
  } while (value > 0);
}

/**
 * Copies `count` bytes from `from` to `to` (each { bytes, at }, moving on both) and returns
 * the last. (Top-level functions, not closures made for each file: the engine compiles them
 * once for every file and pack.)
 */
function copy(from, to, count) {
  const input = from.bytes;
  const output = to.bytes;
  if (from.at + count > input.length || to.at + count > output.length) throw damagedStreams();
  for (let i = 0; i < count; i++) output[to.at++] = input[from.at++];
  return output[to.at - 1];
}

/** Copies one LEB128 number from `from` to `to` as `copy` does, and returns its value. */
function copyNumber(from, to) {
  const input = from.bytes;
  const output = to.bytes;
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    if (from.at >= input.length || to.at >= output.length) throw damagedStreams();
    const b = input[from.at++];
    output[to.at++] = b;
    value += (b & 0x7f) * scale;
    if (b < 0x80) return value;
  }
}

const damagedStreams = () => new Error("the pack's code streams are damaged");

/** LZMA's probabilities are 11-bit; a bit's probability starts at a half and moves by 1/32. */
const BITS = 11;
const HALF = 1 << (BITS - 1);
const MOVE = 5;
/** The range coder reads another byte when its range falls under this. */
const TOP = 1 << 24;
/** Every symbol reads at most one byte per bit it decodes, fewer than this. */
const MARGIN = 96;
const probs = (n) => new Uint16Array(n).fill(HALF);

/**
 * An LZMA decoder (the algorithm of the LZMA SDK, as xz-utils' `.lzma` format carries it) that
 * can be run as its input arrives. `input` is the whole stream's buffer, filled from the start;
 * the stream begins at `at`; `output` is exactly as long as the unpacked data, which is also
 * the dictionary (each match copies from earlier in it). `run(available, last)` decodes while
 * `available` bytes are in (leaving a margin, so no symbol runs past them, unless `last`) and
 * returns how many bytes are unpacked; `unpacked()` says the same after `run` threw. Damaged
 * data throws.
 *
 * A class, not a function of closures: a pack has 15 streams, each with its decoder, and the
 * engine compiles a class's methods once for all of them, where each decoder's own closures
 * would each start slow (measured in Node, 6 December 2026, in a new process each time: the
 * section's pack's 15 streams unpacked in 83 ms with closures, 45 to 57 ms with the class;
 * the pack as one stream, 47 to 60 ms).
 */
class Lzma {
  constructor(input, at, output) {
    this.input = input;
    this.at = at;
    this.output = output;
    this.isMatch = probs(12 << 4);
    this.isRep = probs(12);
    this.isRepG0 = probs(12);
    this.isRepG1 = probs(12);
    this.isRepG2 = probs(12);
    this.isRep0Long = probs(12 << 4);
    this.slots = probs(4 << 6);
    this.special = probs(1 + 128 - 14);
    this.align = probs(16);
    // Choice, choice 2, then low and middle trees (8 per position state, 16 states), high tree.
    this.matchLength = probs(2 + 128 + 128 + 256);
    this.repLength = probs(2 + 128 + 128 + 256);
    // Set from the header, once its bytes are in.
    this.lc = 0;
    this.lp = 0;
    this.pb = 0;
    this.literals = probs(0);
    this.pos = at + 13; // after the header: properties, dictionary size, unpacked size
    // The range coder's range and code, unsigned 32-bit: in a typed array rather than fields,
    // so the engine need not box the values of 2^30 and over (twice as fast, measured).
    this.rc = new Uint32Array([0xffffffff, 0]);
    this.out = 0;
    this.state = 0;
    this.rep0 = 0;
    this.rep1 = 0;
    this.rep2 = 0;
    this.rep3 = 0;
    this.started = false;
  }

  unpacked() {
    return this.out;
  }

  bit(p, i) {
    const rc = this.rc;
    const prob = p[i];
    const bound = (rc[0] >>> BITS) * prob;
    let b;
    if (rc[1] < bound) {
      rc[0] = bound;
      p[i] = prob + ((2048 - prob) >>> MOVE);
      b = 0;
    } else {
      rc[0] -= bound;
      rc[1] -= bound;
      p[i] = prob - (prob >>> MOVE);
      b = 1;
    }
    if (rc[0] < TOP) {
      rc[0] = (rc[0] << 8) >>> 0;
      rc[1] = ((rc[1] << 8) | this.input[this.pos++]) >>> 0;
    }
    return b;
  }

  tree(p, base, count) {
    let m = 1;
    for (let i = 0; i < count; i++) m = (m << 1) | this.bit(p, base + m);
    return m - (1 << count);
  }

  reverse(p, base, count) {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < count; i++) {
      const b = this.bit(p, base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  }

  direct(count) {
    const rc = this.rc;
    let value = 0;
    for (let i = 0; i < count; i++) {
      rc[0] >>>= 1;
      let b = 0;
      if (rc[1] >= rc[0]) {
        rc[1] -= rc[0];
        b = 1;
      }
      value = value * 2 + b;
      if (rc[0] < TOP) {
        rc[0] = (rc[0] << 8) >>> 0;
        rc[1] = ((rc[1] << 8) | this.input[this.pos++]) >>> 0;
      }
    }
    return value;
  }

  length(p, posState) {
    if (this.bit(p, 0) === 0) return this.tree(p, 2 + (posState << 3), 3);
    if (this.bit(p, 1) === 0) return 8 + this.tree(p, 2 + 128 + (posState << 3), 3);
    return 16 + this.tree(p, 2 + 256, 8);
  }

  distance(len) {
    const slot = this.tree(this.slots, (len < 4 ? len : 3) << 6, 6);
    if (slot < 4) return slot;
    const count = (slot >>> 1) - 1;
    let d = (2 | (slot & 1)) * 2 ** count;
    if (slot < 14) return d + this.reverse(this.special, d - slot, count);
    d += this.direct(count - 4) * 16;
    return d + this.reverse(this.align, 0, 4);
  }

  literal() {
    const output = this.output;
    const out = this.out;
    const previous = out > 0 ? output[out - 1] : 0;
    const base = 0x300 * (((out & ((1 << this.lp) - 1)) << this.lc) + (previous >>> (8 - this.lc)));
    let symbol = 1;
    if (this.state >= 7) {
      let match = output[out - this.rep0 - 1];
      while (symbol < 0x100) {
        const matchBit = (match >>> 7) & 1;
        match <<= 1;
        const b = this.bit(this.literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | b;
        if (b !== matchBit) break;
      }
    }
    while (symbol < 0x100) symbol = (symbol << 1) | this.bit(this.literals, base + symbol);
    output[this.out++] = symbol & 0xff;
    const state = this.state;
    this.state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
  }

  run(available, last) {
    const input = this.input;
    const output = this.output;
    const end = output.length;
    if (!this.started) {
      if (available < this.pos + 5) return this.out;
      const props = input[this.at];
      if (props >= 9 * 5 * 5 || input[this.pos] !== 0) throw new Error("the pack's LZMA data is damaged");
      this.lc = props % 9;
      this.lp = Math.floor(props / 9) % 5;
      this.pb = Math.floor(props / 45);
      this.literals = probs(0x300 << (this.lc + this.lp));
      for (let i = 0; i < 5; i++) this.rc[1] = ((this.rc[1] << 8) | input[this.pos++]) >>> 0;
      this.started = true;
    }
    const limit = last ? available : available - MARGIN;
    while (this.out < end && this.pos < limit) {
      const posState = this.out & ((1 << this.pb) - 1);
      const state = this.state;
      if (this.bit(this.isMatch, (state << 4) + posState) === 0) {
        this.literal();
        continue;
      }
      let len;
      if (this.bit(this.isRep, state) === 0) {
        this.rep3 = this.rep2;
        this.rep2 = this.rep1;
        this.rep1 = this.rep0;
        len = this.length(this.matchLength, posState);
        this.state = state < 7 ? 7 : 10;
        this.rep0 = this.distance(len);
      } else {
        if (this.bit(this.isRepG0, state) === 0) {
          if (this.bit(this.isRep0Long, (state << 4) + posState) === 0) {
            if (this.rep0 >= this.out) throw new Error("the pack's LZMA data is damaged");
            this.state = state < 7 ? 9 : 11;
            output[this.out] = output[this.out - this.rep0 - 1];
            this.out++;
            continue;
          }
        } else {
          let d;
          if (this.bit(this.isRepG1, state) === 0) {
            d = this.rep1;
          } else {
            if (this.bit(this.isRepG2, state) === 0) {
              d = this.rep2;
            } else {
              d = this.rep3;
              this.rep3 = this.rep2;
            }
            this.rep2 = this.rep1;
          }
          this.rep1 = this.rep0;
          this.rep0 = d;
        }
        len = this.length(this.repLength, posState);
        this.state = state < 7 ? 8 : 11;
      }
      // A match: len + 2 bytes from rep0 + 1 back (an end marker, or anything past the
      // unpacked length, can only mean damaged data here: the length is known).
      const count = len + 2;
      const rep0 = this.rep0;
      let out = this.out;
      if (rep0 >= out || out + count > end) throw new Error("the pack's LZMA data is damaged");
      const from = out - rep0 - 1;
      if (rep0 + 1 >= count) {
        output.copyWithin(out, from, from + count);
        out += count;
      } else {
        for (let i = 0; i < count; i++, out++) output[out] = output[out - rep0 - 1];
      }
      this.out = out;
    }
    if (this.pos > available) throw new Error("the pack was cut short");
    return this.out;
  }
}

/** A decoder of the LZMA stream at `at` in `input` into `output` (see `Lzma`). */
export function lzma(input, at, output) {
  return new Lzma(input, at, output);
}
