#!/usr/bin/env node
// Real-browser test of the images a document embeds, opened from file:// with the network cut
// off: every <img> in the document pages that name a local image (src under files/) loads
// (naturalWidth > 0), and the size the page gives it is the image's own.
//
//   cargo run --release -- build --config tests/fixtures/assets/briefing.toml --out /tmp/assets-site
//   node tests/browser/images.mjs /tmp/assets-site
//
// Uses the same Chromium, profile and network rules as run.mjs (lib.mjs). Prints one line per
// test and closes with "N passed, M failed"; exits 1 when any failed, 2 on bad arguments.

import {
  assert,
  loadData,
  runAll,
  siteFromArgs,
} from "./lib.mjs";

const TEST_TIMEOUT_MS = 60_000;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---------------------------------------------------------------------------------------------

const { root, url } = siteFromArgs("node tests/browser/images.mjs SITE_DIR");
const data = loadData(root);

console.log(`browser image tests of ${root}`);

let browser; // { context, blocked, failed, errors, close }

/** A fresh tab at the given site-relative path, waited on until every image has loaded. */
async function open(rel) {
  const page = await browser.context.newPage();
  const response = await page.goto(url(rel), { waitUntil: "load" });
  assert(response === null || response.ok(), `${rel}: the page did not load (${response?.status()})`);
  // Lazy images below the fold load only when scrolled to; bring each into view.
  await page.evaluate(async () => {
    for (const img of document.querySelectorAll("main img")) {
      img.scrollIntoView();
      if (!img.complete) {
        await new Promise((done) => {
          img.addEventListener("load", done, { once: true });
          img.addEventListener("error", done, { once: true });
        });
      }
    }
  });
  return page;
}

/** The document pages of the site with at least one local image, and the images of each. */
async function pagesWithImages() {
  const found = [];
  for (const doc of data.documents) {
    const page = await open(doc.url);
    const images = await page.evaluate(() =>
      [...document.querySelectorAll("main img")]
        .map((img, index) => ({ img, index }))
        .filter(({ img }) => img.getAttribute("src").includes("files/"))
        .map(({ img, index }) => ({
          index,
          src: img.getAttribute("src"),
          alt: img.getAttribute("alt"),
          naturalWidth: img.naturalWidth,
          naturalHeight: img.naturalHeight,
          width: img.getAttribute("width"),
          height: img.getAttribute("height"),
          loading: img.getAttribute("loading"),
        })),
    );
    await page.close();
    if (images.length) found.push({ url: doc.url, images });
  }
  return found;
}

let visited = null;

test("a document embeds a local image, copied into the site", async () => {
  visited = await pagesWithImages();
  assert(visited.length > 0, "no document page has an <img> whose src is under files/; build tests/fixtures/assets");
});

test("every local image loads from file:// (naturalWidth > 0)", async () => {
  assert(visited, "no pages were visited");
  const broken = visited.flatMap((p) =>
    p.images.filter((i) => !(i.naturalWidth > 0)).map((i) => `${p.url}: ${i.src} (naturalWidth ${i.naturalWidth})`),
  );
  assert(broken.length === 0, `${broken.length} image${broken.length === 1 ? "" : "s"} did not load:\n      ${broken.join("\n      ")}`);
});

test("each image's width and height attributes are its own size, and only the first loads eagerly", async () => {
  assert(visited, "no pages were visited");
  const wrong = [];
  for (const p of visited) {
    for (const i of p.images) {
      if (String(i.naturalWidth) !== i.width || String(i.naturalHeight) !== i.height) {
        wrong.push(`${p.url}: ${i.src} is ${i.naturalWidth}×${i.naturalHeight} but the page says ${i.width}×${i.height}`);
      }
      const want = i.index === 0 ? null : "lazy";
      if (i.loading !== want) {
        wrong.push(`${p.url}: image ${i.index + 1} (${i.src}) has loading=${i.loading}, expected ${want}`);
      }
    }
  }
  assert(wrong.length === 0, wrong.join("\n      "));
});

test("every file the pages asked for loaded, and nothing came from the network", async () => {
  const missing = browser.failed.map((f) => `${f.url} (from ${f.from}: ${f.error})`);
  const blocked = browser.blocked.list().map((b) => `${b.url} (from ${b.from})`);
  assert(missing.length === 0, `${missing.length} file${missing.length === 1 ? "" : "s"} failed to load:\n      ${missing.join("\n      ")}`);
  assert(blocked.length === 0, `${blocked.length} network request${blocked.length === 1 ? " was" : "s were"} blocked:\n      ${blocked.join("\n      ")}`);
});

// --- runner ----------------------------------------------------------------------------------

await runAll(tests, { onStart: (b) => (browser = b), timeoutMs: TEST_TIMEOUT_MS });
