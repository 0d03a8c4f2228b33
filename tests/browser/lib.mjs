// Shared helpers for run.mjs and features.mjs (the tests) and screenshots.mjs (pictures for
// people).
//
// The browser is Debian's Chromium (`apt-get install chromium`), never one downloaded by
// Playwright: playwright-core only drives it over its debugging pipe. Every run gets a fresh
// user-data-dir, removed afterwards. Every request whose URL is not `file:` is aborted before
// it leaves the browser and recorded, so a test can fail on it.

import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches Chromium with a fresh profile and the network cut off.
 * Returns { context, blocked, failed, errors, close }:
 *   blocked — every non-file: request attempted: .length, and .list() of { url, from } (the
 *             page that made it), each URL once;
 *   failed  — file: requests that failed (a missing stylesheet, script or image);
 *   errors  — uncaught page errors and console errors.
 */
export async function launch({ viewport = { width: 1280, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium) ` +
        `or set CHROMIUM to a Chromium binary`,
    );
  }
  const userDataDir = await mkdtemp(join(tmpdir(), "briefing-chromium-"));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      // Serve the whole run in one locale and time zone so pages and screenshots are stable.
      locale: "en-GB",
      timezoneId: "UTC",
      serviceWorkers: "block",
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  const blockedByUrl = new Map();
  const block = (url, from) => {
    if (!blockedByUrl.has(url)) blockedByUrl.set(url, { url, from });
  };
  const blocked = {
    get length() {
      return blockedByUrl.size;
    },
    list: () => [...blockedByUrl.values()],
  };
  const failed = [];
  const errors = [];

  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    block(url, frameUrl(route.request()));
    return route.abort("blockedbyclient");
  });
  // Web sockets do not go through route(); refuse them too.
  await context.routeWebSocket(/.*/, (ws) => {
    block(ws.url(), "(websocket)");
    ws.close();
  });
  // Belt and braces: anything that was requested without passing through route() (it should
  // not happen) is recorded as well.
  context.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("file:") || url.startsWith("data:") || url.startsWith("blob:")) return;
    block(url, frameUrl(req));
  });
  context.on("requestfailed", (req) => {
    const url = req.url();
    if (url.startsWith("file:")) {
      failed.push({ url, from: frameUrl(req), error: req.failure()?.errorText });
    }
  });
  const watch = (page) => {
    page.on("pageerror", (err) => errors.push({ page: page.url(), text: `uncaught: ${err.message}` }));
    page.on("console", (msg) => {
      // A request we blocked is reported by the network check, with its URL; not twice.
      if (msg.type() === "error" && !msg.text().includes("ERR_BLOCKED_BY_CLIENT")) {
        errors.push({ page: page.url(), text: `console: ${msg.text()}` });
      }
    });
  };
  context.pages().forEach(watch);
  context.on("page", watch);

  const close = async () => {
    await context.close().catch(() => {});
    await rm(userDataDir, { recursive: true, force: true });
  };
  return { context, blocked, failed, errors, close };
}

function frameUrl(req) {
  try {
    return req.frame().url();
  } catch {
    return "(no frame)";
  }
}

/** The one page of a persistent context (it always opens with one). */
export async function firstPage(context) {
  return context.pages()[0] ?? (await context.newPage());
}

/** Absolute site folder and a function from a site-relative path to its file: URL. */
export function site(dir) {
  if (!dir) throw new Error("usage: give the built site's folder (the one holding index.html)");
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) throw new Error(`${root}/index.html is missing: build the site first`);
  const url = (rel = "index.html") => {
    const [path, rest = ""] = rel.split(/(?=[?#])/);
    return pathToFileURL(join(root, path)).href + rest;
  };
  return { root, url };
}

/** data/briefing.json of a built site. */
export function loadData(root) {
  return JSON.parse(readFileSync(join(root, "data", "briefing.json"), "utf8"));
}

/**
 * One page of each kind, chosen the same way in the tests and the screenshots, and telling
 * for a reader: Niger and the Niger–Türkiye MoU when the site has them (the example site),
 * else the country with the most agreements that have evidence; the agreement of that country
 * with the most evidence; and the document its first evidence quote comes from.
 */
export function pickPages(data) {
  const agreements = new Map(data.agreements.map((a) => [a.slug, a]));
  const documents = new Map(data.documents.map((d) => [d.slug, d]));
  const withEvidence = (c) => c.agreements.map((s) => agreements.get(s)).filter((a) => a && a.evidence.length > 0);
  const candidates = data.countries.filter((c) => withEvidence(c).length > 0);
  if (candidates.length === 0) throw new Error("the site has no agreement with evidence: nothing to walk through");
  const country =
    candidates.find((c) => c.code === "NE") ??
    [...candidates].sort((a, b) => withEvidence(b).length - withEvidence(a).length || a.slug.localeCompare(b.slug))[0];
  const agreement = [...withEvidence(country)].sort(
    (a, b) => b.evidence.length - a.evidence.length || a.slug.localeCompare(b.slug),
  )[0];
  const evidence = agreement.evidence[0];
  const document = documents.get(evidence.document);
  if (!document) throw new Error(`agreement ${agreement.slug} cites unknown document ${evidence.document}`);
  return { country, agreement, evidence, document };
}

// --- the test runner and checks shared by the test files ------------------------------------

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };
export const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Thrown by a test that has nothing to check on this site; reported as "skip". */
export class Skip extends Error {}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/** Whitespace collapsed and trimmed. */
export const norm = (s) => s.replace(/\s+/g, " ").trim();

async function withTimeout(promise, ms, name) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${name}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs `tests` ([{ name, fn }]) one after the other in `browser` (from launch()), each within
 * `timeoutMs`, printing "ok", "skip" or "FAIL" and the reason for each; closes the tabs a test
 * left open (but the first). Returns { passed, failed, skipped }.
 */
export async function runTests(tests, browser, { timeoutMs = 60_000 } = {}) {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const t of tests) {
    const started = Date.now();
    try {
      await withTimeout(t.fn(), timeoutMs, t.name);
      counts.passed++;
      console.log(`ok   ${t.name} (${Date.now() - started} ms)`);
    } catch (err) {
      if (err instanceof Skip) {
        counts.skipped++;
        console.log(`skip ${t.name}: ${err.message}`);
      } else {
        counts.failed++;
        console.log(`FAIL ${t.name}\n      ${err.message}`);
      }
    }
    for (const p of browser.context.pages().slice(1)) await p.close().catch(() => {});
  }
  return counts;
}

/** axe-core's violations on the page as it is now: { version, violations: [{ id, impact, help, targets, summary }] }. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async () => {
    // preload: false — axe would otherwise fetch every stylesheet again with XHR, which a
    // file: page may not do (see run.mjs).
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ["violations"], preload: false });
    return {
      version: r.testEngine.version,
      violations: r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
        summary: v.nodes[0]?.failureSummary ?? "",
      })),
    };
  });
}

/**
 * How far the page scrolls sideways: { width (viewport), wide (document), culprits } where
 * culprits name the outermost elements that stick out on the right.
 */
export async function sidewaysOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = document.documentElement.scrollWidth;
    const culprits = [];
    if (wide > width) {
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          const p = el.parentElement.getBoundingClientRect();
          if (p.right <= width + 1) {
            const cls =
              el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "";
            culprits.push(`${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${cls} (right edge ${Math.round(r.right)} px)`);
          }
        }
      }
    }
    return { width, wide, culprits: culprits.slice(0, 8) };
  });
}

/**
 * The site named by the first command-line argument ({ root, url } as site() gives); on a bad
 * argument prints the error and `usage`, and exits 2.
 */
export function siteFromArgs(usage) {
  try {
    return site(process.argv[2]);
  } catch (err) {
    console.error(`error: ${err.message}`);
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
}

/**
 * Starts Chromium, hands it to `onStart` (the tests reach it from there), runs `tests` with
 * runTests, closes it and exits: 0 when none failed, 1 otherwise (also when Chromium does not
 * start). `extra` lines are printed before the tally; `only` (a RegExp) picks tests by name.
 */
export async function runAll(tests, { onStart, timeoutMs = 60_000, only = null, extra = () => [] }) {
  let browser;
  try {
    browser = await launch();
    // The persistent context opens with a blank tab; keep it so the browser stays up.
    await firstPage(browser.context);
  } catch (err) {
    console.error(`error: could not start Chromium: ${err.message}`);
    console.log(`0 passed, ${tests.length} failed`);
    process.exit(1);
  }
  onStart(browser);
  const chosen = only ? tests.filter((t) => only.test(t.name)) : tests;
  if (only) console.log(`running the ${chosen.length} of ${tests.length} tests matching ${only}`);
  const { passed, failed, skipped } = await runTests(chosen, browser, { timeoutMs });
  await browser.close();
  for (const line of extra()) console.log(line);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed ? 1 : 0);
}
