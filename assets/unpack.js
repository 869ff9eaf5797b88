// Hands out the first module of the app, and the files of a later part (its own module and
// the chunks it shares), out of one download, a pack, on a first visit (see assets/boot.js for
// when): boot.js takes the first module, the splitter's loader the others. There are three
// packs: `section-pack.wasm`, for a link to a section of saved work, holds the first module
// and the later part; `home-pack.wasm`, for the home page, the first module and the home
// page's part; `first-pack.wasm`, for every other page, the first module alone.
// Without a pack, the first module is compressed by the host with gzip, and the later part is
// about 50 files, many under 1 kB, each waiting its turn on the browser's few connections to
// the site and each compressed on its own; a pack is one request, compressed as a whole with
// LZMA, which remembers the whole pack and models code better (the first module alone: 20%
// fewer bytes than gzip).
//
// A pack is a WebAssembly file, so that every host serves it as `application/wasm`: the
// 8-byte module header, then one custom section holding an LZMA stream (the `.lzma` format of
// xz-utils: 13 bytes of header, then the coded data). Unpacked, it is the files one after
// another, in the order they are needed. It is written by scripts/finish-dist.mjs, which also
// fills in the constants below. The pack is unpacked as it arrives, and each file handed over
// as soon as it is whole and its checksum matches, so the first module compiles and starts
// while the rest downloads.
//
// Anything wrong (the pack missing, cut short, damaged, or not this release's) and each file
// not yet handed over is fetched on its own instead, as without the pack.

/**
 * Each pack by its kind (`first`, `home`, `section`): [its files, each [file name, offset of its bytes
 * in the unpacked pack, their length, their FNV-1a checksum] in pack order; its length
 * unpacked; where its LZMA stream starts in the file; the file's length], in bytes.
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
  const [index, ...sizes] = PACKS[kind];
  const files = new Map();
  for (const [name, start, length, sum] of index) {
    let settle;
    const bytes = new Promise((resolve, reject) => {
      settle = { resolve, reject };
    });
    bytes.catch(() => {}); // a file the loader never asks for must not report a failure
    files.set(name, { name, start, length, sum, bytes, settle });
  }
  // In pack order, taken now: a file the loader has already taken (below) is still read.
  const order = [...files.values()].sort((a, b) => a.start - b.start);
  // A copy: `read` takes each file off its list as it settles it, or finds it damaged.
  read(download, [...order], ...sizes).catch((error) => {
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
 * Reads the pack as it arrives, settling each of `waiting` (in pack order) once it is whole and
 * sound. The pack is `length` bytes unpacked, its stream starts `at` bytes in, and the file is
 * `fileLength` bytes.
 */
async function read(download, waiting, length, at, fileLength) {
  const response = await download;
  if (!response.ok || !response.body) throw new Error(`the pack came back ${response.status}`);
  const input = new Uint8Array(fileLength);
  const output = new Uint8Array(length);
  const decoder = lzma(input, at, output);
  const reader = response.body.getReader();
  let received = 0;
  // Hands over each file unpacked whole, in order, checking it first.
  const handOver = (unpacked) => {
    while (waiting.length > 0 && waiting[0].start + waiting[0].length <= unpacked) {
      const file = waiting.shift();
      const bytes = output.subarray(file.start, file.start + file.length);
      if (!MAGIC.every((byte, i) => bytes[i] === byte) || fnv1a(bytes) !== file.sum) {
        throw new Error(`the pack's copy of ${file.name} is damaged, or not this release's`);
      }
      file.settle.resolve(bytes);
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received + value.length > fileLength) throw new Error("the pack is longer than this release's");
    input.set(value, received);
    received += value.length;
    let unpacked;
    try {
      unpacked = decoder.run(received, received === fileLength);
    } catch (error) {
      // What was unpacked before the damage showed is used, where its checksums match.
      handOver(decoder.unpacked());
      throw error;
    }
    handOver(unpacked);
  }
  if (received !== fileLength || waiting.length > 0) throw new Error("the pack was cut short");
}

/** The 32-bit FNV-1a hash of `bytes` (scripts/finish-dist.mjs computes the same). */
function fnv1a(bytes) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193);
  return hash >>> 0;
}

/**
 * An LZMA decoder (the algorithm of the LZMA SDK, as xz-utils' `.lzma` format carries it) that
 * can be run as its input arrives. `input` is the whole file's buffer, filled from the start;
 * the stream begins at `at`; `output` is exactly as long as the unpacked data, which is also
 * the dictionary (each match copies from earlier in it). `run(available, last)` decodes while
 * `available` bytes are in (leaving a margin, so no symbol runs past them, unless `last`) and
 * returns how many bytes are unpacked; `unpacked()` says the same after `run` threw. Damaged
 * data throws.
 */
function lzma(input, at, output) {
  const BITS = 11; // probabilities are 11-bit
  const HALF = 1 << (BITS - 1);
  const MOVE = 5;
  const TOP = 1 << 24;
  // Every symbol reads at most one byte per bit it decodes, fewer than this.
  const MARGIN = 96;
  const probs = (n) => new Uint16Array(n).fill(HALF);
  const isMatch = probs(12 << 4);
  const isRep = probs(12);
  const isRepG0 = probs(12);
  const isRepG1 = probs(12);
  const isRepG2 = probs(12);
  const isRep0Long = probs(12 << 4);
  const slots = probs(4 << 6);
  const special = probs(1 + 128 - 14);
  const align = probs(16);
  // Choice, choice 2, then low and middle trees (8 per position state, 16 states), high tree.
  const matchLength = probs(2 + 128 + 128 + 256);
  const repLength = probs(2 + 128 + 128 + 256);
  // Set from the header, once its bytes are in.
  let lc = 0;
  let lp = 0;
  let pb = 0;
  let literals;
  const end = output.length;

  let pos = at + 13; // after the header: properties, dictionary size, unpacked size
  // The range coder's range and code, unsigned 32-bit: in a typed array rather than variables,
  // so the engine need not box the values of 2^30 and over (twice as fast, measured).
  const rc = new Uint32Array([0xffffffff, 0]);
  const RANGE = 0;
  const CODE = 1;
  let out = 0;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  let started = false;

  const bit = (p, i) => {
    const prob = p[i];
    const bound = (rc[RANGE] >>> BITS) * prob;
    let b;
    if (rc[CODE] < bound) {
      rc[RANGE] = bound;
      p[i] = prob + ((2048 - prob) >>> MOVE);
      b = 0;
    } else {
      rc[RANGE] -= bound;
      rc[CODE] -= bound;
      p[i] = prob - (prob >>> MOVE);
      b = 1;
    }
    if (rc[RANGE] < TOP) {
      rc[RANGE] = (rc[RANGE] << 8) >>> 0;
      rc[CODE] = ((rc[CODE] << 8) | input[pos++]) >>> 0;
    }
    return b;
  };
  const tree = (p, base, count) => {
    let m = 1;
    for (let i = 0; i < count; i++) m = (m << 1) | bit(p, base + m);
    return m - (1 << count);
  };
  const reverse = (p, base, count) => {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < count; i++) {
      const b = bit(p, base + m);
      m = (m << 1) | b;
      symbol |= b << i;
    }
    return symbol;
  };
  const direct = (count) => {
    let value = 0;
    for (let i = 0; i < count; i++) {
      rc[RANGE] >>>= 1;
      let b = 0;
      if (rc[CODE] >= rc[RANGE]) {
        rc[CODE] -= rc[RANGE];
        b = 1;
      }
      value = value * 2 + b;
      if (rc[RANGE] < TOP) {
        rc[RANGE] = (rc[RANGE] << 8) >>> 0;
        rc[CODE] = ((rc[CODE] << 8) | input[pos++]) >>> 0;
      }
    }
    return value;
  };
  const length = (p, posState) => {
    if (bit(p, 0) === 0) return tree(p, 2 + (posState << 3), 3);
    if (bit(p, 1) === 0) return 8 + tree(p, 2 + 128 + (posState << 3), 3);
    return 16 + tree(p, 2 + 256, 8);
  };
  const distance = (len) => {
    const slot = tree(slots, (len < 4 ? len : 3) << 6, 6);
    if (slot < 4) return slot;
    const count = (slot >>> 1) - 1;
    let d = (2 | (slot & 1)) * 2 ** count;
    if (slot < 14) return d + reverse(special, d - slot, count);
    d += direct(count - 4) * 16;
    return d + reverse(align, 0, 4);
  };
  const literal = () => {
    const previous = out > 0 ? output[out - 1] : 0;
    const base = 0x300 * (((out & ((1 << lp) - 1)) << lc) + (previous >>> (8 - lc)));
    let symbol = 1;
    if (state >= 7) {
      let match = output[out - rep0 - 1];
      while (symbol < 0x100) {
        const matchBit = (match >>> 7) & 1;
        match <<= 1;
        const b = bit(literals, base + ((1 + matchBit) << 8) + symbol);
        symbol = (symbol << 1) | b;
        if (b !== matchBit) break;
      }
    }
    while (symbol < 0x100) symbol = (symbol << 1) | bit(literals, base + symbol);
    output[out++] = symbol & 0xff;
    state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
  };

  const run = (available, last) => {
    if (!started) {
      if (available < pos + 5) return out;
      const props = input[at];
      if (props >= 9 * 5 * 5 || input[pos] !== 0) throw new Error("the pack's LZMA data is damaged");
      lc = props % 9;
      lp = Math.floor(props / 9) % 5;
      pb = Math.floor(props / 45);
      literals = probs(0x300 << (lc + lp));
      for (let i = 0; i < 5; i++) rc[CODE] = ((rc[CODE] << 8) | input[pos++]) >>> 0;
      started = true;
    }
    const limit = last ? available : available - MARGIN;
    while (out < end && pos < limit) {
      const posState = out & ((1 << pb) - 1);
      if (bit(isMatch, (state << 4) + posState) === 0) {
        literal();
        continue;
      }
      let len;
      if (bit(isRep, state) === 0) {
        rep3 = rep2;
        rep2 = rep1;
        rep1 = rep0;
        len = length(matchLength, posState);
        state = state < 7 ? 7 : 10;
        rep0 = distance(len);
      } else {
        if (bit(isRepG0, state) === 0) {
          if (bit(isRep0Long, (state << 4) + posState) === 0) {
            if (rep0 >= out) throw new Error("the pack's LZMA data is damaged");
            state = state < 7 ? 9 : 11;
            output[out] = output[out - rep0 - 1];
            out++;
            continue;
          }
        } else {
          let d;
          if (bit(isRepG1, state) === 0) {
            d = rep1;
          } else {
            if (bit(isRepG2, state) === 0) {
              d = rep2;
            } else {
              d = rep3;
              rep3 = rep2;
            }
            rep2 = rep1;
          }
          rep1 = rep0;
          rep0 = d;
        }
        len = length(repLength, posState);
        state = state < 7 ? 8 : 11;
      }
      // A match: len + 2 bytes from rep0 + 1 back (an end marker, or anything past the
      // unpacked length, can only mean damaged data here: the length is known).
      const count = len + 2;
      if (rep0 >= out || out + count > end) throw new Error("the pack's LZMA data is damaged");
      const from = out - rep0 - 1;
      if (rep0 + 1 >= count) {
        output.copyWithin(out, from, from + count);
        out += count;
      } else {
        for (let i = 0; i < count; i++, out++) output[out] = output[out - rep0 - 1];
      }
    }
    if (pos > available) throw new Error("the pack was cut short");
    return out;
  };
  return { run, unpacked: () => out };
}
