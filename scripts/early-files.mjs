// Which files one split part of the app needs, read from the splitter's loader
// (`__wasm_split.js`, written by wasm-split-cli): the part's own module and every chunk it waits
// for. Used by scripts/finish-dist.mjs to put what a link to a section of saved work will ask
// for into one pack (section-pack.wasm, after the first module), which assets/boot.js asks for
// at once on a first visit, instead of the first module asking for each file once it is
// running. Never written by hand: a new split boundary changes the list with the next build.
//
// The loader declares each chunk as
//   const __chunk_8 = makeLoad(() => { const src = fetch(new URL("./chunk_8.wasm", ...)) ... }, [deps]);
// and each part as
//   export const __wasm_split_load_later = wrapAsyncCb(makeLoad(() => { ... "./split_later.wasm" ... }, [deps]));
// If that shape changes, this throws, and the build stops rather than shipping a wrong list.

/** The declarations in the loader: name → { file, deps }. */
function declarations(loader) {
  const found = new Map();
  const declaration =
    /(?:export\s+)?const\s+(__chunk_\d+|__wasm_split_load_\w+)\s*=\s*(?:wrapAsyncCb\()?makeLoad\(\(\)\s*=>\s*\{[^}]*?new URL\("\.\/([^"]+\.wasm)"[^]*?\}\s*,\s*\[([^\]]*)\]\)/g;
  for (const [, name, file, deps] of loader.matchAll(declaration)) {
    const list = deps
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean);
    found.set(name, { file, deps: list });
  }
  return found;
}

/**
 * The files (as `./name.wasm`, relative to the loader) the part `part` fetches before it runs:
 * its own module first, then its chunks in the loader's order.
 */
export function earlyFiles(loader, part) {
  const found = declarations(loader);
  const root = found.get(`__wasm_split_load_${part}`);
  if (!root) {
    throw new Error(`__wasm_split.js: no part named ${part} (the splitter's loader changed shape?)`);
  }
  const files = [];
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const entry = found.get(name);
    if (!entry) throw new Error(`__wasm_split.js: ${name} is used but not declared`);
    files.push(`./${entry.file}`);
    entry.deps.forEach(visit);
  };
  visit(`__wasm_split_load_${part}`);
  return files;
}
