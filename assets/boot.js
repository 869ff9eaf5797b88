// Starts the app. Loaded by index.html as a module file, so the Content-Security-Policy can
// forbid inline script. Every URL here is relative to this file, so dist/ works from any folder.
//
// Sets <html data-boot="loading" | "ready" | "failed">: the browser tests wait on it.

const root = document.documentElement;
root.dataset.boot = "loading";

function showFailure(error) {
  console.error("The app could not start:", error);
  const main = document.createElement("main");
  main.id = "boot-error";
  const heading = document.createElement("h1");
  heading.textContent = "The toolkit could not start";
  const advice = document.createElement("p");
  advice.textContent =
    "Something stopped the toolkit loading in this browser. Try reloading the page. " +
    "If that does not help, try an up-to-date version of Chrome, Edge, Firefox or Safari, " +
    "or ask your IT team whether this site is being blocked.";
  main.append(heading, advice);
  document.body.append(main);
  root.dataset.boot = "failed";
}

try {
  // The wasm-bindgen glue Trunk emits (stable names because filehash is off).
  const app = await import("./mhsw-app.js");
  // Runs the app's `main`, which mounts the UI.
  await app.default({ module_or_path: new URL("./mhsw-app_bg.wasm", import.meta.url) });
  root.dataset.boot = "ready";
} catch (error) {
  showFailure(error);
}
