#!/usr/bin/env node
// Pictures of a built site for people to look at (not a test: it passes whatever they show).
//
//   node tests/browser/screenshots.mjs SITE_DIR OUT_DIR
//
// Writes to OUT_DIR full-page PNGs of the home page, a document, a country and an agreement
// (the same pages run.mjs tests), that country's briefing pack (packs/<country>.html), and
// search.html?q=Niger when the site has it, at phone (390×844) and desktop (1280×900) widths
// — {home,document,country,agreement,pack,search}-{phone,desktop}.png — and
// document-print.pdf, the document printed on A4 as a reader's "Print" would. Same browser and
// network cut-off as run.mjs. .ci/run keeps them as CI artifacts (target/ci-screenshots).
// To look at the PDF as pictures: pdftoppm -png -r 60 OUT_DIR/document-print.pdf OUT_DIR/print

import { existsSync, mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { launch, loadData, pickPages, site } from "./lib.mjs";

const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

const [siteDir, outArg] = process.argv.slice(2);
if (!siteDir || !outArg) {
  console.error("usage: node tests/browser/screenshots.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}
const { root, url } = site(siteDir);
const out = resolve(outArg);
mkdirSync(out, { recursive: true });

const picked = pickPages(loadData(root));
const pages = {
  home: "index.html",
  document: picked.document.url,
  country: picked.country.url,
  agreement: picked.agreement.url,
};
// The country's briefing pack, once the site has packs.
const pack = `packs/${picked.country.slug}.html`;
if (existsSync(join(root, pack))) pages.pack = pack;
// The search page too, with a query run, once the site has one.
if (existsSync(join(root, "search.html"))) pages.search = "search.html?q=Niger";

const browser = await launch();
const written = [];
try {
  for (const [vpName, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.context.newPage();
    await page.setViewportSize(viewport);
    for (const [kind, rel] of Object.entries(pages)) {
      await page.goto(url(rel), { waitUntil: "load" });
      if (kind === "search") {
        await page.waitForSelector('main a[href*="documents/"]', { timeout: 5_000 }).catch(() => {});
      }
      const file = join(out, `${kind}-${vpName}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      written.push(`${file}  ${rel}  (${size[0]}×${size[1]} CSS px)`);
    }
    await page.close();
  }
  const page = await browser.context.newPage();
  await page.goto(url(pages.document), { waitUntil: "load" });
  const pdf = join(out, "document-print.pdf");
  // As the browser's own Print would: print media, A4, the page's @media print rules, with
  // backgrounds (status badges) as the stylesheet sets them for print.
  await page.pdf({ path: pdf, format: "A4", printBackground: true, margin: { top: "15mm", bottom: "15mm", left: "15mm", right: "15mm" } });
  written.push(`${pdf}  ${pages.document}  (A4)`);
  await page.close();
} finally {
  await browser.close();
}

for (const line of written) console.log(line);
if (browser.blocked.length) {
  console.log(`warning: ${browser.blocked.length} network request(s) were blocked:`);
  for (const b of browser.blocked.list()) console.log(`  ${b.url} (from ${b.from})`);
}
if (browser.failed.length) {
  console.log(`warning: ${browser.failed.length} file(s) failed to load:`);
  for (const f of browser.failed) console.log(`  ${f.url} (from ${f.from}: ${f.error})`);
}
