// Finishes <dist>/ for offline use: names every code file after its release, and writes the
// service worker with the list of files to keep. Run by scripts/build-code.sh (Trunk's post_build
// hook) once scripts/build-app.sh and scripts/build-worker.sh have finished; by hand:
//   TRUNK_STAGING_DIR=dist node scripts/finish-dist.mjs
//
// 0. The pack: what a link to a section of saved work fetches before its first question (the
//    first module, then the later part and its chunks, read from the splitter's loader by
//    scripts/early-files.mjs) as one file compressed with LZMA, which boot.js asks for on a
//    first visit (assets/unpack.js unpacks it and hands each file out).
// 0b. The files of the first load minified (terser, csso).
// 1. Release id: the first 10 hex digits of a SHA-256 over every file of the release (path and
//    contents; the published questionnaires/ folder is the site owner's, not the release's).
//    The same build gives the same id; any change gives a new one.
// 2. Release names: every code file (*.js, *.wasm, *.css) becomes name.<release>.ext, and every
//    mention of its old name in the HTML, JavaScript and CSS is rewritten. One file keeps its
//    name because something outside the release names it: sw.js (the browser checks it for
//    updates). The PDF worker's name reaches the app through index.html's
//    <meta name="mhsw-pdf-worker">, rewritten like any other mention. So a page of one release can never
//    load a part of another: the names differ, and the service worker keeps the last two
//    releases.
// 3. dist/sw.js from assets/sw.js, with the release id and three lists of what is in dist/:
//    APP_FILES (kept at install), LATER_FILES (pdf/ and import/, the workers, kept in the background
//    afterwards) and ON_DEMAND_FILES (pdf/fonts/, the PDF's script faces, kept when first fetched). Left out: sw.js itself, _headers (host configuration), schema.json (for
//    questionnaire authors' editors; the app never reads it), and the pack and unpack.js
//    (only a page no service worker controls uses them).
//
// Trunk gives it a fresh staging folder each build; names already carrying a release id are
// left alone.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { earlyFiles } from "./early-files.mjs";
import { leb } from "./wasm-glue.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// assets/unpack.js, the browser's unpacker, also packs (its `walk`, `lzma` and `fnv1a`), so
// the build and the browser read a pack alike. Imported from its text: it is an ES module in a
// folder Node takes for CommonJS.
const moduleOf = (text) => import(`data:text/javascript,${encodeURIComponent(text)}`);
const { STREAMS, fnv1a, lzma, walk } = await moduleOf(readFileSync(join(here, "../assets/unpack.js"), "utf8"));
const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) {
  console.error("TRUNK_STAGING_DIR is not set: run this through trunk, or set it by hand");
  process.exit(1);
}

/** The LZMA settings each stream is packed with, the best of (lc, lp, pb): see `packStream`. */
const SETTINGS = [[0, 0, 0], [1, 0, 0], [2, 0, 0], [3, 0, 0], [4, 0, 0], [0, 2, 2], [1, 2, 2], [2, 2, 2]];
const RELEASE_NAME = /\.[0-9a-f]{10}\.[a-z0-9]+$/;
const CODE = /\.(js|wasm|css)$/;
const KEEP_NAME = new Set(["sw.js"]);
const NOT_KEPT = new Set(["sw.js", "_headers"]);
const TEXT = /\.(html|js|css|webmanifest)$/;
const PUBLISHED = "questionnaires/";

/** Every file under dist/, as a path with `/`, sorted; hidden build folders left out. */
function files(dir = dist) {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory() ? files(full) : [relative(dist, full).split(sep).join("/")];
    })
    .sort();
}

// 0. What a first visit fetches before its first screen, as one file compressed with LZMA
//    (`xz --format=lzma`; assets/unpack.js unpacks it as it arrives): a WebAssembly file whose
//    one custom section holds those files, their code sorted into streams of one kind each
//    (unpack.js's `walk`), each stream compressed on its own, in groups in the order they are
//    needed. Three of them:
//    section-pack.wasm, for a link to a section of saved work, holds the first module, then the
//    later part and its chunks (read from the splitter's loader by scripts/early-files.mjs),
//    each in a group of its own; home-pack.wasm, for the home page, the first module, then the
//    home page's part and its chunks; first-pack.wasm, for every other page, the first module
//    alone (LZMA models code better than the host's gzip: 20% fewer bytes, 3 December 2026).
//    unpack.js gets each file's name, length, checksum and group, and the streams' layout.
//    boot.js takes the first module from it, and the loader's fetches go through `mhswEarly`
//    when boot.js has asked for a pack, so it takes each other file from there. Before the
//    release id and the renames, so both cover them; and each pack is unpacked here with
//    unpack.js itself, as a browser would, and compared with its files.
{
  const loaderPath = join(dist, "__wasm_split.js");
  const loader = readFileSync(loaderPath, "utf8");
  const part = (name) => earlyFiles(loader, name).map((file) => file.replace(/^\.\//, ""));
  const laterPart = part("later");
  // The first module first: it is needed first, and the parts after it share much of its
  // code's shape, which LZMA's memory of each stream turns into fewer bytes.
  const first = "mhsw-app_bg.wasm";
  const packs = {
    first: writePack("first-pack.wasm", [[first]]),
    home: writePack("home-pack.wasm", [[first], part("home")]),
    section: writePack("section-pack.wasm", [[first], ...laterPart.map((file) => [file])]),
  };
  const unpackPath = join(dist, "unpack.js");
  let unpack = readFileSync(unpackPath, "utf8");
  for (const [kind, pack] of Object.entries(packs)) {
    const place = `["__${kind.toUpperCase()}_PACK__"]`;
    if (!unpack.includes(place)) throw new Error(`unpack.js: no place for ${place}`);
    unpack = unpack.replace(place, JSON.stringify(pack));
  }
  writeFileSync(unpackPath, unpack);
  await checkPacks(unpack, packs);
  // Every fetch of a part or chunk in the loader goes through mhswEarly when boot.js set it;
  // and the loader, which the first screen fetches, says how to load a file once (`load`)
  // rather than once for each of its 90-odd files (0.2 kB less gzipped, 3 December 2026).
  const fetches = loader.match(/\bfetch\(new URL\(/g) ?? [];
  if (fetches.length < laterPart.length) {
    throw new Error(`__wasm_split.js: ${fetches.length} fetches of its files found (the loader changed shape?)`);
  }
  const eachLoad =
    /makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(("\.\/[^"]+\.wasm"), import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*,/g;
  const compact = loader.replace(eachLoad, "load($1,");
  const left = compact.match(/\bfetch\(new URL\(/g) ?? [];
  if (left.length > 0) {
    throw new Error(`__wasm_split.js: ${left.length} of its files are loaded in a shape not known here (the loader changed shape?)`);
  }
  writeFileSync(
    loaderPath,
    "const early = (url) => (globalThis.mhswEarly ? globalThis.mhswEarly(url) : fetch(url));\n" +
      "const load = (file, deps) => makeLoad(() => {\n" +
      "  const src = early(new URL(file, import.meta.url));\n" +
      "  src.catch(() => {});\n" +
      "  return async (imports) => WebAssembly.instantiateStreaming(src, imports);\n" +
      "}, deps);\n" +
      compact,
  );
}

/**
 * Writes the pack `name` of the files `groups` (in dist/; groups of files, in the order they
 * are needed), and returns what assets/unpack.js needs to read it: [[name, length, checksum,
 * group] of each file; each stream's length unpacked; for each group, how many packed bytes of
 * each stream it holds; where the first stream starts; the file's length].
 */
function writePack(name, groups) {
  const files = groups.flatMap((list, group) => list.map((file) => ({ file, group, bytes: readFileSync(join(dist, file)) })));
  const total = files.reduce((sum, { bytes }) => sum + bytes.length, 0);
  // Each file's bytes sorted into the streams, and where each group's share of each ends.
  const streams = STREAMS.map(() => ({ bytes: new Uint8Array(total), at: 0 }));
  const ends = [];
  for (const { file, group, bytes } of files) {
    try {
      walk({ bytes, at: 0 }, streams, true);
    } catch (error) {
      throw new Error(`${name}: ${file} cannot be sorted into code streams (${error.message}); assets/unpack.js's walk reads only the opcodes rustc's wasm32 output uses`);
    }
    ends[group] = streams.map((stream) => stream.at);
  }
  const packed = streams.map((stream) => packStream(stream.bytes.subarray(0, stream.at)));
  // How much of each packed stream each group needs: the least that unpack.js's decoder,
  // given that much, unpacks the group's share from (it keeps a margin unless given it all).
  const shares = groups.map(() => []);
  packed.forEach((coded, i) => {
    const decoder = lzma(coded, 0, new Uint8Array(streams[i].at));
    let available = 0;
    let before = 0;
    groups.forEach((_, group) => {
      if (group === groups.length - 1) available = coded.length;
      while (decoder.run(available, available === coded.length) < ends[group][i]) {
        if (++available > coded.length) throw new Error(`${name}: stream ${STREAMS[i]} does not unpack to its length`);
      }
      shares[group][i] = available - before;
      before = available;
    });
  });
  // Each group's share of each stream in turn.
  const taken = packed.map(() => 0);
  const content = Buffer.concat(
    shares.flatMap((share) => share.map((length, i) => packed[i].subarray(taken[i], (taken[i] += length)))),
  );
  const header = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  const head = customSectionHead("lzma", content.length);
  const pack = Buffer.concat([header, head, content]);
  writeFileSync(join(dist, name), pack);
  console.log(
    `finish-dist: ${name} holds ${files.length} files in ${groups.length} groups, ${total} bytes, ${pack.length} bytes packed`,
  );
  return [
    files.map(({ file, group, bytes }) => [file, bytes.length, fnv1a(bytes), group]),
    streams.map((stream) => stream.at),
    shares,
    header.length + head.length,
    pack.length,
  ];
}

/**
 * `bytes` compressed with xz into the `.lzma` format, with the literal context (lc) that gives
 * the fewest bytes for this stream (on the section's pack of 6 December 2026: 2 bits for the
 * opcodes, 1 for the functions called and the offsets, none for the local variables: 0.5 kB
 * less than choosing among 0, 2 and 4 bits). Otherwise the settings tuned on the pack of
 * 2 December 2026: no position bits (WebAssembly has no alignment to model), the longest
 * matches. Except that a stream of numbers all four bytes long (the addresses) is
 * better modelled four bytes at a time: 2 position bits (0.4 kB less, 7 December 2026).
 */
function packStream(bytes) {
  let best = null;
  for (const [lc, lp, pb] of SETTINGS) {
    const xz = spawnSync("xz", ["--format=lzma", `--lzma1=preset=9e,lc=${lc},lp=${lp},pb=${pb},nice=273`, "--stdout"], {
      input: bytes,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (xz.error || xz.status !== 0) {
      throw new Error(`xz failed (${xz.error ?? xz.stderr}); scripts/setup.sh installs it`);
    }
    if (!best || xz.stdout.length < best.length) best = xz.stdout;
  }
  return best;
}

/**
 * Unpacks each pack with `unpack` (the text of dist/unpack.js, its constants filled in), as a
 * browser would, the pack arriving in pieces of 1,000 bytes; stops the build if any file does
 * not come out as it went in.
 */
async function checkPacks(unpack, packs) {
  const module = await moduleOf(unpack);
  for (const [kind, [index]] of Object.entries(packs)) {
    const pack = readFileSync(join(dist, `${kind}-pack.wasm`));
    const pieces = new ReadableStream({
      start(controller) {
        for (let at = 0; at < pack.length; at += 1000) controller.enqueue(new Uint8Array(pack.subarray(at, at + 1000)));
        controller.close();
      },
    });
    const take = module.unpack(Promise.resolve(new Response(pieces)), kind);
    for (const [file] of index) {
      const url = `http://pack.invalid/${file}`;
      const unpacked = await take(url).then(
        async (response) => Buffer.from(await response.arrayBuffer()),
        () => null, // not in the pack after all: fetched on its own, from nowhere
      );
      if (!unpacked?.equals(readFileSync(join(dist, file)))) {
        throw new Error(`${kind}-pack.wasm: ${file} does not unpack as it was packed`);
      }
    }
  }
  console.log("finish-dist: every file of the three packs unpacks as it was");
}

/** A custom section's id, size and name (`name`, then `length` bytes of content to follow). */
function customSectionHead(name, length) {
  const nameBytes = Buffer.from(name, "utf8");
  const body = [...leb(nameBytes.length), ...nameBytes];
  return Buffer.from([0x00, ...leb(body.length + length), ...body]);
}

// 0b. Minify what every first visit fetches before the first screen (the first-load budget,
//     150 kB gzipped): boot.js, the app's wasm-bindgen glue, the splitter's loader (all ES
//     modules), the stylesheet, and the page's comments. Trunk's own minifier cannot parse wasm-bindgen's module
//     output; terser and csso (pinned in package.json) can. Export names and quoted keys (the
//     wasm module's import names) are kept; no eval, so the Content-Security-Policy is
//     unchanged. Before the release id, so the id covers the minified files.
{
  const { minify } = await import("terser");
  const csso = await import("csso");
  for (const name of ["boot.js", "mhsw-app.js", "__wasm_split.js", "unpack.js"]) {
    const path = join(dist, name);
    const result = await minify(readFileSync(path, "utf8"), {
      module: true,
      ecma: 2020,
      // Methods written short (`{ m() {} }`): wasm-bindgen's import functions are only ever
      // called, never constructed; 0.2 kB less glue (2 December 2026).
      compress: { passes: 2, unsafe_methods: true },
      mangle: true,
      format: { comments: false },
    });
    writeFileSync(path, result.code);
  }
  const style = join(dist, "style.css");
  const before = readFileSync(style);
  const after = csso.minify(before.toString("utf8")).css;
  writeFileSync(style, after);
  // Trunk gave the stylesheet's link an integrity hash of the file as it was: the browser
  // refuses a stylesheet whose hash differs, so the link gets the minified file's.
  const integrity = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
  const page = join(dist, "index.html");
  let html = readFileSync(page, "utf8");
  const old = `integrity="${integrity(before)}"`;
  if (!html.includes(old)) {
    throw new Error("index.html has no integrity hash of style.css to bring up to date");
  }
  html = html.replace(old, `integrity="${integrity(after)}"`);
  // The page's comments are for whoever reads index.html in the repository.
  html = html.replace(/<!--[\s\S]*?-->\s*/g, "");
  // And the blank lines Trunk leaves where it took its own tags out.
  html = html.replace(/\n[ \t]*(?=\n)/g, "");
  writeFileSync(page, html);
  // The page's one inline script runs only if every Content-Security-Policy it is served with
  // allows its hash: the page's own, the _headers file's, and the README's for other hosts.
  const policies = [
    ["index.html", html],
    ["_headers", readFileSync(join(dist, "_headers"), "utf8")],
    ["README.md", readFileSync(join(here, "..", "README.md"), "utf8")],
  ];
  for (const [, script] of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const hash = `'sha256-${createHash("sha256").update(script).digest("base64")}'`;
    for (const [name, text] of policies) {
      const lines = text.split("\n").filter((line) => line.includes("script-src"));
      if (lines.length === 0 || !lines.every((line) => line.includes(hash))) {
        throw new Error(
          `${name}: every Content-Security-Policy must allow index.html's inline script: ` +
            `write ${hash} after 'wasm-unsafe-eval' in script-src`,
        );
      }
    }
  }
}

const release = (() => {
  const hash = createHash("sha256");
  for (const path of files()) {
    if (NOT_KEPT.has(path) || path.startsWith(PUBLISHED)) continue;
    hash.update(path).update("\0").update(readFileSync(join(dist, path))).update("\0");
  }
  return hash.digest("hex").slice(0, 10);
})();

// 2. Rename, then rewrite mentions of the old names.
const renames = new Map();
for (const path of files()) {
  if (!CODE.test(path) || KEEP_NAME.has(path) || path.startsWith(PUBLISHED) || RELEASE_NAME.test(path)) {
    continue;
  }
  const name = basename(path);
  const dot = name.lastIndexOf(".");
  const renamed = `${name.slice(0, dot)}.${release}${name.slice(dot)}`;
  if (renames.has(name)) {
    throw new Error(`two code files are both named ${name}; release names need unique names`);
  }
  renames.set(name, renamed);
  renameSync(join(dist, path), join(dist, dirname(path), renamed));
}
if (renames.size > 0) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A whole file name: not part of a longer name on either side, and not an object key such
  // as wasm-bindgen's `"./__wasm_split.js": import1`, which must match the import name inside
  // the wasm module (a name, not a URL).
  const mention = new RegExp(
    `(?<![\\w.-])(${[...renames.keys()].map(escape).join("|")})(?![\\w-])(?!["']\\s*:)`,
    "g",
  );
  for (const path of files()) {
    if (!TEXT.test(path) || path === "sw.js" || path.startsWith(PUBLISHED)) continue;
    const full = join(dist, path);
    const before = readFileSync(full, "utf8");
    const after = before.replace(mention, (name) => renames.get(name));
    if (after !== before) writeFileSync(full, after);
  }
  // The page and boot.js name only this release's files: a name left as it was (say, one
  // followed by a colon, taken for an object's key above) would be fetched, and not found.
  for (const page of ["index.html", renames.get("boot.js")]) {
    const text = readFileSync(join(dist, page), "utf8");
    const left = [...renames.keys()].filter((name) => text.includes(`./${name}"`));
    if (left.length > 0) throw new Error(`${page} still names ${left.join(", ")} without the release id`);
  }
}

// 3. The service worker, with what is in dist/ now.
// The pack and its reader are used only by a page no service worker controls (boot.js): a
// page it controls has every file of the pack kept already.
const forFirstVisits = new Set(["first-pack.wasm", "home-pack.wasm", "section-pack.wasm", "unpack.js"].map((name) => renames.get(name) ?? name));
const kept = files().filter(
  (p) => !NOT_KEPT.has(p) && basename(p) !== "schema.json" && !forFirstVisits.has(p),
);
// The PDF's script faces are fetched by the PDF worker only for a report in that script, and
// kept then (ON_DEMAND_FILES), never downloaded in the background.
const isOnDemand = (p) => p.startsWith("pdf/fonts/");
const isLater = (p) => (p.startsWith("pdf/") || p.startsWith("import/")) && !isOnDemand(p);
const later = kept.filter(isLater);
const onDemand = kept.filter(isOnDemand);
const app = kept.filter((p) => !isLater(p) && !isOnDemand(p));
for (const needed of ["index.html", "manifest.webmanifest"]) {
  if (!app.includes(needed)) throw new Error(`${needed} is missing from ${dist}`);
}
const list = (paths) => paths.map((p) => JSON.stringify(p)).join(",\n  ");
const template = readFileSync(join(here, "..", "assets", "sw.js"), "utf8");
const worker = template
  .replace('"__RELEASE__"', JSON.stringify(release))
  .replace('["__APP_FILES__"]', `[\n  ${list(app)},\n]`)
  .replace('["__LATER_FILES__"]', `[\n  ${list(later)},\n]`)
  .replace('["__ON_DEMAND_FILES__"]', `[\n  ${list(onDemand)},\n]`);
if (worker.includes("__")) {
  const left = worker.match(/__[A-Z_]+__/);
  if (left) throw new Error(`assets/sw.js: ${left[0]} was not filled in`);
}
writeFileSync(join(dist, "sw.js"), worker);
console.log(
  `finish-dist: release ${release}; ${renames.size} files renamed; sw.js keeps ${app.length} files at install and ${later.length} later`,
);
