#!/usr/bin/env node
// Real-browser tests of the site's features beyond the reader's path (run.mjs has that): the
// partnership map, the timeline, people pages, and briefing packs — a pack copied alone into an
// empty folder, and a pack printed to PDF — with axe-core and phone width on those pages.
//
//   node tests/browser/features.mjs SITE_DIR [PATTERN]
//
// PATTERN (a regular expression, case-insensitive) runs only the tests whose name matches.
// Same browser, network cut-off and reporting as run.mjs (see lib.mjs): one line per test,
// then "N passed, M failed" (", K skipped" when some were skipped); exits 1 when any failed.
// What each test expects is computed from the site's data/briefing.json and its files.

import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  DESKTOP,
  PHONE,
  Skip,
  assert,
  axeViolations,
  loadData,
  norm,
  pickPages,
  runAll,
  sidewaysOverflow,
  siteFromArgs,
} from "./lib.mjs";

const TEST_TIMEOUT_MS = 60_000;
/** The most pair lines a map draws (MAX_LINES in src/render/map.rs). */
const MAX_LINES = 150;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---------------------------------------------------------------------------------------------

const { root, url } = siteFromArgs("node tests/browser/features.mjs SITE_DIR [PATTERN]");
const data = loadData(root);
const countryByCode = new Map(data.countries.map((c) => [c.code, c]));
const countryByName = new Map(data.countries.map((c) => [c.name, c]));
const countryByUrl = new Map(data.countries.map((c) => [url(c.url), c]));

/** Names compared without case, accents or extra spaces. */
const fold = (s) => norm(s.normalize("NFKD").replace(/\p{M}/gu, "")).toLowerCase();

const decode = (s) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The person pages people/index.html lists, as [{ rel, name }] (read from the file). */
function listedPeople() {
  const file = join(root, "people", "index.html");
  if (!existsSync(file)) return [];
  const html = readFileSync(file, "utf8");
  const out = [];
  for (const [, list] of html.matchAll(/<ul class="people-list">([\s\S]*?)<\/ul>/g)) {
    for (const [, href, name] of list.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)) {
      out.push({ rel: new URL(decode(href), "file:///people/index.html").pathname.slice(1), name: decode(name) });
    }
  }
  return out;
}

/** A person to look at: one who signed an agreement when there is one, else the first listed. */
function pickPerson() {
  const people = listedPeople();
  const signed = new Set(data.agreements.flatMap((a) => a.signatories).map(fold));
  return people.find((p) => signed.has(fold(p.name))) ?? people[0] ?? null;
}

const picked = (() => {
  try {
    return pickPages(data);
  } catch (err) {
    console.log(`FAIL choosing the pages to visit\n      ${err.message}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
})();
const person = pickPerson();
const pages = {
  timeline: "timeline.html",
  people: "people/index.html",
  person: person?.rel ?? null,
  "country pack": `packs/${picked.country.slug}.html`,
  "site pack": "packs/briefing.html",
};

console.log(`feature tests of ${root}`);
console.log(
  `pages: country ${picked.country.url}, person ${pages.person ?? "(none)"}, packs ${pages["country pack"]} and ${pages["site pack"]}`,
);

let browser; // { context, blocked, failed, errors, close }

/** A fresh tab at the given site-relative path, waited on until loaded. */
async function open(rel, { viewport } = {}) {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const response = await page.goto(url(rel), { waitUntil: "load" });
  assert(response === null || response.ok(), `${rel}: the page did not load (${response?.status()})`);
  return page;
}

/** Site-relative path of a file: URL inside the site ("" when outside). */
const relOf = (href) => (href.startsWith(url("")) ? decodeURIComponent(href.slice(url("").length)) : "");

/** Whether a file: URL (without its #fragment) names an existing file. */
const resolves = (href) => {
  try {
    return existsSync(fileURLToPath(href.split("#")[0]));
  } catch {
    return false;
  }
};

const pairKey = (x, y) => (x < y ? `${x}|${y}` : `${y}|${x}`);

/** Every pair of country parties to an agreement together, as "A|B" keys. */
function expectedPairs(agreements = data.agreements) {
  const pairs = new Set();
  for (const a of agreements) {
    const parties = [...new Set(a.parties)];
    for (let i = 0; i < parties.length; i++) {
      for (let j = i + 1; j < parties.length; j++) pairs.add(pairKey(parties[i], parties[j]));
    }
  }
  return pairs;
}

/**
 * The map of the page: the resolved href of every SVG link, the class of the shape each
 * link wraps, and each pair line's pair as "A|B" codes (read from its title, "Niger –
 * Türkiye: 1 agreement, strongest signed").
 */
async function readMap(page) {
  const raw = await page.evaluate(() => {
    const svg = document.querySelector("figure.map svg");
    if (!svg) return null;
    const links = [...svg.querySelectorAll("a")].map((a) => ({
      href: new URL(a.getAttribute("href"), document.baseURI).href,
      shape: a.querySelector("path, circle")?.getAttribute("class") ?? "",
      title: a.querySelector("title")?.textContent ?? "",
    }));
    const here = [...svg.querySelectorAll(".map-here")].map((el) => {
      const a = el.closest("a");
      return { href: a ? new URL(a.getAttribute("href"), document.baseURI).href : null, title: (a ?? el).querySelector("title")?.textContent ?? "" };
    });
    const lines = [...svg.querySelectorAll(".map-lines path")].map((p) => p.querySelector("title")?.textContent ?? "");
    return { links, here, lines, desc: svg.querySelector("desc")?.textContent ?? "" };
  });
  if (!raw) return null;
  const unknown = [];
  const lines = raw.lines.map((title) => {
    const m = /^(.+?) – (.+?): /.exec(title);
    const a = m && countryByName.get(m[1]);
    const b = m && countryByName.get(m[2]);
    if (!a || !b) {
      unknown.push(title);
      return `? ${title}`;
    }
    return pairKey(a.code, b.code);
  });
  assert(unknown.length === 0, `pair lines whose title names no country of briefing.json: ${unknown.slice(0, 5).join("; ")}`);
  return { ...raw, lines };
}

/** What is in `a` and not in `b`, for messages (at most 8). */
const minus = (a, b) => [...a].filter((x) => !b.has(x)).slice(0, 8);

/** Dated and undated entries of one timeline page, and its next page. */
async function readTimeline(page) {
  return page.evaluate(() => {
    const entry = (li) => {
      const time = li.querySelector("time[datetime]");
      const a = li.querySelector("a[href]");
      return { datetime: time ? time.getAttribute("datetime") : null, href: a ? a.href : null, text: li.textContent.trim() };
    };
    const undatedSection = document.querySelector('section[aria-labelledby="undated"]');
    const lists = [...document.querySelectorAll("main ol.timeline")];
    const dated = lists.filter((ol) => !undatedSection?.contains(ol)).flatMap((ol) => [...ol.children].map(entry));
    const undated = undatedSection ? [...undatedSection.querySelectorAll("ol.timeline > li")].map(entry) : [];
    const next = document.querySelector('a[rel="next"]');
    return { dated, undated, next: next ? next.href : null };
  });
}

const isDate = (s) => {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

// --- the partnership map ---------------------------------------------------------------------

test("map (home): one link per country page and one line per country pair of briefing.json", async () => {
  const page = await open("index.html");
  const map = await readMap(page);
  assert(map, "index.html has no map (figure.map svg)");

  const hrefs = map.links.map((l) => l.href);
  const want = new Set(data.countries.map((c) => url(c.url)));
  const dup = hrefs.filter((h, i) => hrefs.indexOf(h) !== i);
  assert(dup.length === 0, `the map links to the same page twice: ${[...new Set(dup)].map(relOf).join(", ")}`);
  const got = new Set(hrefs);
  assert(
    minus(want, got).length === 0 && minus(got, want).length === 0,
    `the map's links are not the ${want.size} country pages: missing ${minus(want, got).map(relOf).join(", ") || "none"}; ` +
      `extra ${minus(got, want).map(relOf).join(", ") || "none"}`,
  );

  const pairs = expectedPairs();
  const lines = new Set(map.lines);
  const twice = map.lines.filter((l, i) => map.lines.indexOf(l) !== i);
  assert(twice.length === 0, `pairs drawn more than once: ${[...new Set(twice)].join(", ")}`);
  assert(minus(lines, pairs).length === 0, `lines between countries that share no agreement: ${minus(lines, pairs).join(", ")}`);
  if (pairs.size <= MAX_LINES) {
    assert(
      lines.size === pairs.size,
      `${lines.size} lines for ${pairs.size} country pairs; not drawn: ${minus(pairs, lines).join(", ")}`,
    );
  } else {
    assert(lines.size === MAX_LINES, `${pairs.size} pairs, so the map should draw the ${MAX_LINES} busiest; it draws ${lines.size}`);
    assert(map.desc.includes(`of ${pairs.size} pairs`), `the map's description does not say the lines are capped: "${map.desc}"`);
  }
  console.log(`    ${got.size} country links, ${lines.size} pair lines`);
  await page.close();
});

test(`map (home): clicking ${picked.country.name} on the map opens its country page`, async () => {
  const country = picked.country;
  const page = await open("index.html", { viewport: DESKTOP });
  const shape = page.locator(`figure.map svg a[href="${country.url}"]`).locator("path, circle").first();
  assert((await shape.count()) === 1, `the map has no shape linked to ${country.url}`);
  await shape.scrollIntoViewIfNeeded();
  // A point of the shape that is on top there (a pair line or another country may cover its
  // middle), relative to the shape's box; the click is a real mouse click at that point.
  const position = await shape.evaluate((el) => {
    const a = el.closest("a");
    const r = el.getBoundingClientRect();
    const points = [];
    for (let i = 1; i < 16; i++) for (let j = 1; j < 16; j++) points.push([i / 16, j / 16]);
    points.sort((p, q) => Math.hypot(p[0] - 0.5, p[1] - 0.5) - Math.hypot(q[0] - 0.5, q[1] - 0.5));
    for (const [fx, fy] of points) {
      const x = r.left + r.width * fx;
      const y = r.top + r.height * fy;
      if (a.contains(document.elementFromPoint(x, y))) return { x: x - r.left, y: y - r.top };
    }
    return null;
  });
  assert(position, `no visible point of ${country.name}'s shape on the map can be clicked`);
  await Promise.all([page.waitForURL(url(country.url), { timeout: 10_000 }), shape.click({ position })]);
  await page.waitForLoadState("load");
  const h1 = norm(await page.locator("h1").first().innerText());
  assert(h1.includes(country.name), `${country.url}: the <h1> "${h1}" does not name ${country.name}`);
  await page.close();
});

test(`map (${picked.country.url}): highlights ${picked.country.name} and links and shades its partners`, async () => {
  const country = picked.country;
  const page = await open(country.url);
  const map = await readMap(page);
  assert(map, `${country.url} has no map (figure.map svg)`);
  // A small country is highlighted twice, its outline and its dot; nothing else is.
  assert(map.here.length >= 1, `nothing is highlighted (.map-here) on ${country.name}'s map`);
  const others = map.here.filter((h) => !(h.href === url(country.url) || h.title.startsWith(`${country.name}:`)));
  assert(others.length === 0, `highlighted, though not ${country.name}: ${others.map((h) => h.title || h.href).join(", ")}`);

  const mine = data.agreements.filter((a) => a.parties.includes(country.code));
  const partners = new Set(mine.flatMap((a) => a.parties).filter((p) => p !== country.code));
  const byHref = new Map(map.links.map((l) => [l.href, l]));
  const problems = [];
  for (const code of partners) {
    const c = countryByCode.get(code);
    if (!c) continue; // no page, so no link
    const link = byHref.get(url(c.url));
    if (!link) problems.push(`${c.name}: not linked`);
    else if (!/\bmap-c[1-9]\b/.test(link.shape)) problems.push(`${c.name}: not shaded as a partner (class "${link.shape}")`);
  }
  for (const link of map.links) {
    const c = countryByUrl.get(link.href);
    if (!c) problems.push(`a link to ${relOf(link.href) || link.href}, which is no country page`);
    else if (!resolves(link.href)) problems.push(`${c.name}: its page ${c.url} is missing`);
    else if (c.code !== country.code && !partners.has(c.code) && !/\bmap-c0\b/.test(link.shape)) {
      problems.push(`${c.name} shaded (class "${link.shape}") though it is no partner`);
    }
  }
  assert(problems.length === 0, problems.slice(0, 8).join("; "));

  const pairs = new Set([...partners].map((p) => pairKey(country.code, p)));
  const lines = new Set(map.lines);
  assert(minus(lines, pairs).length === 0, `lines that do not join ${country.name} to a partner: ${minus(lines, pairs).join(", ")}`);
  assert(
    lines.size === Math.min(pairs.size, MAX_LINES),
    `${lines.size} lines for ${pairs.size} partners; not drawn: ${minus(pairs, lines).join(", ")}`,
  );
  console.log(`    ${partners.size} partners, ${lines.size} lines`);
  await page.close();
});

// --- the timeline ----------------------------------------------------------------------------

/** Every entry of timeline.html and the pages after it, in order (read once per run). */
let timelineRead = null;
const wholeTimeline = () => (timelineRead ??= readWholeTimeline());
async function readWholeTimeline() {
  const page = await open("timeline.html");
  const dated = [];
  const undated = [];
  const seen = new Set();
  let first = null;
  for (;;) {
    const here = page.url();
    assert(!seen.has(here), `the timeline's pages loop back to ${relOf(here)}`);
    seen.add(here);
    const t = await readTimeline(page);
    first ??= t.dated;
    dated.push(...t.dated.map((e) => ({ ...e, page: relOf(here) })));
    undated.push(...t.undated.map((e) => ({ ...e, page: relOf(here) })));
    if (!t.next) break;
    await page.goto(t.next, { waitUntil: "load" });
  }
  await page.close();
  return { dated, undated, first, pages: seen.size };
}

test("timeline: every dated entry has a valid datetime, latest first, and each record is there once", async () => {
  const { dated, undated, pages: count } = await wholeTimeline();
  const bad = dated.filter((e) => !isDate(e.datetime));
  assert(
    bad.length === 0,
    `${bad.length} dated entries without a valid <time datetime="YYYY-MM-DD">: ` +
      bad.slice(0, 3).map((e) => `${e.page}: ${JSON.stringify(e.datetime)} "${e.text.slice(0, 60)}"`).join("; "),
  );
  for (let i = 1; i < dated.length; i++) {
    assert(
      dated[i].datetime <= dated[i - 1].datetime,
      `not latest first: ${dated[i].datetime} (${relOf(dated[i].href)}, ${dated[i].page}) comes after ${dated[i - 1].datetime}`,
    );
  }
  // What briefing.json says: each document and agreement once, dated by its own date.
  const want = new Map([...data.documents, ...data.agreements].map((r) => [url(r.url), r.date ?? null]));
  const got = new Map();
  for (const e of [...dated, ...undated]) {
    assert(e.href, `${e.page}: an entry with no link: "${e.text.slice(0, 60)}"`);
    assert(!got.has(e.href), `${relOf(e.href)} is on the timeline twice`);
    got.set(e.href, e.datetime);
  }
  assert(
    minus(want.keys(), got).length === 0 && minus(got.keys(), want).length === 0,
    `the timeline's entries are not the ${want.size} documents and agreements of briefing.json: ` +
      `missing ${minus(want.keys(), got).map(relOf).join(", ") || "none"}; extra ${minus(got.keys(), want).map(relOf).join(", ") || "none"}`,
  );
  const wrong = [...want].filter(([href, date]) => got.get(href) !== date);
  assert(
    wrong.length === 0,
    `entries not dated as briefing.json dates them: ` +
      wrong.slice(0, 5).map(([href, date]) => `${relOf(href)} shows ${got.get(href)}, data ${date}`).join("; "),
  );
  console.log(`    ${dated.length} dated and ${undated.length} undated entries on ${count} page(s)`);
});

test("timeline: the home page shows the latest entries, in the order timeline.html starts with", async () => {
  const { first } = await wholeTimeline();
  const page = await open("index.html");
  const home = await page.evaluate(() => {
    const section = document.querySelector("section.home-timeline");
    if (!section) return null;
    return [...section.querySelectorAll("ol.timeline > li")].map((li) => ({
      datetime: li.querySelector("time[datetime]")?.getAttribute("datetime") ?? null,
      href: li.querySelector("a[href]")?.href ?? null,
    }));
  });
  await page.close();
  assert(home, "index.html has no timeline section (section.home-timeline)");
  if (first.length === 0) {
    assert(home.length === 0, `timeline.html has no dated entry, yet the home page lists ${home.length}`);
    throw new Skip("nothing is dated in this site; the home page says so and lists none");
  }
  assert(home.length > 0, `timeline.html has ${first.length} dated entries; the home page shows none`);
  assert(home.length <= first.length, `the home page shows ${home.length} entries, more than timeline.html's first page (${first.length})`);
  home.forEach((e, i) => {
    const t = first[i];
    assert(
      e.href === t.href && e.datetime === t.datetime,
      `home entry ${i + 1} is ${relOf(e.href ?? "")} (${e.datetime}); timeline.html's is ${relOf(t.href)} (${t.datetime})`,
    );
  });
  console.log(`    the home page shows the first ${home.length}`);
});

// --- people ----------------------------------------------------------------------------------

test("people: people/index.html links to every person page of people/", async () => {
  const dir = join(root, "people");
  if (!existsSync(dir)) throw new Skip("this site has no people/ folder");
  const files = new Set(
    readdirSync(dir)
      .filter((f) => f.endsWith(".html") && f !== "index.html")
      .map((f) => url(`people/${f}`)),
  );
  const page = await open("people/index.html");
  const hrefs = await page.evaluate(() => [...document.querySelectorAll("main a[href]")].map((a) => a.href.split("#")[0]));
  await page.close();
  const linked = new Set(hrefs.filter((h) => h.startsWith(url("people/")) && h !== url("people/index.html")));
  assert(
    minus(files, linked).length === 0 && minus(linked, files).length === 0,
    `people/index.html and the ${files.size} person pages differ: not linked ${minus(files, linked).map(relOf).join(", ") || "none"}; ` +
      `links to missing pages ${minus(linked, files).map(relOf).join(", ") || "none"}`,
  );
  console.log(`    ${files.size} person pages`);
});

test(`people: a person page (${pages.person ?? "none"}) shows the name, a role sentence and documents that resolve`, async () => {
  if (!person) throw new Skip("people/index.html lists no one");
  const page = await open(person.rel);
  const facts = await page.evaluate(() => {
    const h1 = document.querySelector("main h1");
    const roles = document.querySelector('section[aria-labelledby="person-roles"]');
    const docs = document.querySelector('section[aria-labelledby="person-documents"]');
    const chip = document.querySelector(".person-header .meta a.chip");
    return {
      h1: h1 ? h1.textContent : null,
      sentences: roles ? [...roles.querySelectorAll("blockquote")].map((b) => b.textContent.trim()) : [],
      sources: roles ? [...roles.querySelectorAll("figcaption a[href]")].map((a) => a.href) : [],
      docs: docs ? [...docs.querySelectorAll('a[href*="documents/"]')].map((a) => ({ href: a.href, text: a.textContent.trim() })) : [],
      latestOf: docs ? /The \d+ latest of \d+/.test(docs.textContent) : false,
      country: chip ? chip.href : null,
    };
  });
  assert(facts.h1 !== null && norm(facts.h1) === norm(person.name), `${person.rel}: the <h1> is ${JSON.stringify(facts.h1)}, not "${person.name}"`);
  assert(facts.sentences.length > 0 && facts.sentences.every((s) => s.length > 0), `${person.rel}: no role sentence (blockquote in the Role section)`);
  const surname = fold(person.name).split(" ").pop();
  assert(
    facts.sentences.some((s) => fold(s).includes(surname)),
    `${person.rel}: no role sentence names ${person.name}: "${facts.sentences[0].slice(0, 100)}"`,
  );
  const broken = [...facts.sources, ...facts.docs.map((d) => d.href)].filter((h) => !resolves(h));
  assert(broken.length === 0, `${person.rel}: links to missing files: ${broken.map(relOf).join(", ")}`);

  // The documents briefing.json names this person in (of the person's country, when shown).
  const code = facts.country ? countryByUrl.get(facts.country)?.code : null;
  const named = data.documents.filter((d) =>
    d.people.some((p) => fold(p.name) === fold(person.name) && (!code || p.country === code)),
  );
  const want = new Set(named.map((d) => url(d.url)));
  const got = new Set(facts.docs.map((d) => d.href.split("#")[0]));
  assert(got.size > 0, `${person.rel}: no document listed`);
  assert(minus(got, want).length === 0, `${person.rel}: lists documents that do not name ${person.name}: ${minus(got, want).map(relOf).join(", ")}`);
  if (!facts.latestOf) {
    assert(got.size === want.size, `${person.rel}: lists ${got.size} of the ${want.size} documents naming ${person.name}; missing ${minus(want, got).map(relOf).join(", ")}`);
  }

  // Follow the first document, as a reader would.
  const doc = facts.docs[0];
  await Promise.all([page.waitForURL(doc.href, { timeout: 10_000 }), page.locator('section[aria-labelledby="person-documents"] a[href*="documents/"]').first().click()]);
  await page.waitForLoadState("load");
  const h1 = norm(await page.locator("h1").first().innerText());
  assert(h1 === norm(doc.text), `${relOf(doc.href)}: the <h1> "${h1}" is not the linked title "${doc.text}"`);
  console.log(`    ${person.name}: ${facts.sentences.length} role sentence(s), ${got.size} document(s)`);
  await page.close();
});

test("people: a signatory's link on an agreement page opens the person's page", async () => {
  const signed = data.agreements.find((a) => a.signatories.length > 0 && (!person || a.signatories.some((s) => fold(s) === fold(person.name))))
    ?? data.agreements.find((a) => a.signatories.length > 0);
  if (!signed) throw new Skip("no agreement in this site has signatories");
  const page = await open(signed.url);
  const link = await page.evaluate((names) => {
    const row = [...document.querySelectorAll("main tr")].find((tr) => /signator/i.test(tr.querySelector("th")?.textContent ?? ""));
    if (!row) return { row: false };
    const links = [...row.querySelectorAll("a[href]")].map((a, i) => ({ i, href: a.href, text: a.textContent.trim() }));
    return { row: true, links, pick: links.find((l) => names.includes(l.text)) ?? links[0] ?? null };
  }, signed.signatories);
  assert(link.row, `${signed.url}: no "Signatories" row in the facts table`);
  assert(link.pick, `${signed.url}: the signatories (${signed.signatories.join(", ")}) are not links`);
  assert(link.pick.href.startsWith(url("people/")), `${signed.url}: the signatory link goes to ${link.pick.href}, not to people/`);
  const row = page.locator("main tr", { has: page.locator("th", { hasText: /signator/i }) });
  await Promise.all([page.waitForURL(link.pick.href, { timeout: 10_000 }), row.locator("a[href]").nth(link.pick.i).click()]);
  await page.waitForLoadState("load");
  const h1 = norm(await page.locator("h1").first().innerText());
  assert(h1 === norm(link.pick.text), `${relOf(link.pick.href)}: the <h1> "${h1}" is not "${link.pick.text}"`);
  console.log(`    ${signed.url} → ${relOf(link.pick.href)}`);
  await page.close();
});

// --- a pack alone ----------------------------------------------------------------------------

/**
 * Copies the pack alone into an empty folder and opens it there, recording every request (any
 * scheme; data: URLs are inline, not loads) and every failed load.
 */
async function packAlone(rel) {
  if (!existsSync(join(root, rel))) throw new Error(`${rel} is missing from the site`);
  const dir = await mkdtemp(join(tmpdir(), "briefing-pack-"));
  try {
    const file = join(dir, basename(rel));
    copyFileSync(join(root, rel), file);
    const docUrl = pathToFileURL(file).href;
    const page = await browser.context.newPage();
    const requests = [];
    const failures = [];
    page.on("request", (r) => {
      if (!r.url().startsWith("data:")) requests.push(r.url());
    });
    page.on("requestfailed", (r) => failures.push(`${r.url().slice(0, 100)} (${r.failure()?.errorText})`));
    await page.goto(docUrl, { waitUntil: "load" });
    // Give late loads (images, fonts a stylesheet asks for) their chance to show up.
    await page.waitForLoadState("networkidle");
    const facts = await page.evaluate(async () => {
      await Promise.all([...document.images].map((img) => img.decode().catch(() => {})));
      const style = (sel) => (document.querySelector(sel) ? getComputedStyle(document.querySelector(sel)) : null);
      const svg = document.querySelector("figure.map svg");
      const box = svg?.getBoundingClientRect();
      const header = style(".pack-header");
      const here = document.querySelector("figure.map svg .map-here");
      return {
        loaders: document.querySelectorAll('link[href], script[src], iframe, object, embed, video, audio, source').length,
        // Rules of the page's own <style> elements (a sheet loaded from elsewhere may not be
        // readable, and would be a request anyway).
        rules: [...document.querySelectorAll("style")].reduce((n, el) => n + (el.sheet?.cssRules.length ?? 0), 0),
        headerBorder: header ? `${header.borderBottomWidth} ${header.borderBottomStyle}` : null,
        bodyFont: getComputedStyle(document.body).fontFamily,
        bodyMaxWidth: getComputedStyle(document.body).maxWidth,
        svg: svg ? { width: box.width, height: box.height, shapes: svg.querySelectorAll("path, circle").length } : null,
        here: here ? getComputedStyle(here).fill : null,
        landAttr: svg?.querySelector(".map-land")?.getAttribute("fill") ?? null,
        images: [...document.images].map((img) => ({ src: img.getAttribute("src").slice(0, 60), w: img.naturalWidth })),
        // Flags: an <img class="flag">, or an element whose background is the flag (a data:
        // URI from the pack's CSS). Each must take room and its picture must decode.
        flags: await Promise.all(
          [...document.querySelectorAll(".flag")].map(async (el) => {
            const r = el.getBoundingClientRect();
            const what = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
            if (el.tagName === "IMG") return { what, w: r.width, h: r.height, picture: el.naturalWidth };
            const bg = getComputedStyle(el).backgroundImage;
            const m = /^url\("?(.*?)"?\)$/.exec(bg);
            if (!m) return { what, w: r.width, h: r.height, picture: 0, text: el.textContent.trim(), bg };
            const img = new Image();
            img.src = m[1];
            const picture = await img.decode().then(() => img.naturalWidth, () => 0);
            return { what, w: r.width, h: r.height, picture, bg: bg.slice(0, 40) };
          }),
        ),
        svgImages: [...document.querySelectorAll("svg image, svg use")].map((el) => el.getAttribute("href") ?? "").filter((h) => h && !h.startsWith("data:") && !h.startsWith("#")),
      };
    });
    await page.close();
    return { docUrl, requests, failures, facts };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

for (const kind of ["country pack", "site pack"]) {
  test(`${kind} (${pages[kind]}) alone in an empty folder: styled, with its map and flags, loading nothing`, async () => {
    const rel = pages[kind];
    const { docUrl, requests, failures, facts } = await packAlone(rel);
    assert(requests.includes(docUrl), `the request for the page itself was not seen: the recorder is broken (saw ${requests.length})`);
    const others = requests.filter((r) => r !== docUrl);
    assert(others.length === 0, `${others.length} request(s) besides the page itself: ${others.slice(0, 5).join(", ")}`);
    assert(failures.length === 0, `failed loads: ${failures.slice(0, 5).join(", ")}`);
    assert(facts.loaders === 0, `${facts.loaders} element(s) that load a file by URL (link, script src, iframe, …)`);
    assert(facts.svgImages.length === 0, `SVG images by URL: ${facts.svgImages.join(", ")}`);
    // Its own styles: the pack's CSS (pack.css) and the site's (inlined style.css) apply.
    assert(facts.rules > 50, `only ${facts.rules} CSS rules apply: the pack's styles are not inline`);
    assert(facts.headerBorder === "3px solid", `.pack-header has border-bottom ${facts.headerBorder}, not pack.css's 3px solid`);
    assert(facts.bodyMaxWidth !== "none", "body.pack has no max-width: pack.css does not apply");
    assert(!/^"?Times/.test(facts.bodyFont), `the body is in the browser's default font (${facts.bodyFont})`);
    assert(facts.svg, "no map (figure.map svg)");
    assert(facts.svg.width > 100 && facts.svg.height > 50, `the map is ${facts.svg.width}×${facts.svg.height} px`);
    assert(facts.svg.shapes > 100, `the map has only ${facts.svg.shapes} shapes`);
    if (kind === "country pack") {
      assert(facts.here, `the map does not highlight ${picked.country.name} (.map-here)`);
      assert(!/^rgb\(0, 0, 0\)$/.test(facts.here), `the highlighted country is drawn in the default black: the map's CSS is missing`);
    }
    const blank = facts.images.filter((i) => !(i.w > 0));
    assert(blank.length === 0, `${blank.length} of ${facts.images.length} image(s) did not render: ${blank.map((i) => i.src).join(", ")}`);
    // A flag is a picture (an emoji flag, text, is not one: it shows as two letters on many
    // systems).
    const noFlag = facts.flags.filter((f) => !(f.w > 0 && f.h > 0 && f.picture > 0));
    assert(
      noFlag.length === 0,
      `${noFlag.length} of ${facts.flags.length} flag(s) show no picture: ` +
        noFlag.slice(0, 3).map((f) => `${f.what} ${Math.round(f.w)}×${Math.round(f.h)} px, ${f.bg ?? ""}${f.text ? ` "${f.text}"` : ""}`).join("; "),
    );
    const kinds = new Set(facts.flags.map((f) => f.what));
    console.log(
      `    ${requests.length} request (the page), ${facts.rules} CSS rules, ${facts.svg.shapes} map shapes, ` +
        `${facts.images.length} <img>, ${facts.flags.length} flags (${kinds.size} kinds) drawn`,
    );
  });
}

// --- print -----------------------------------------------------------------------------------

/** Page objects in a PDF (`/Type /Page`, not `/Pages`), and the page tree's `/Count`. */
function pdfPages(buffer) {
  const text = buffer.toString("latin1");
  const pages = (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)].map((m) => Number(m[1] ?? m[2]));
  return { pages, count: counts.length ? Math.max(...counts) : null };
}

test("print: packs/briefing.html on A4 is several pages, a section per page; Letter prints too", async () => {
  const page = await open("packs/briefing.html");
  await page.emulateMedia({ media: "print" });
  const sections = await page.evaluate(
    () => [...document.querySelectorAll(".pack-section")].filter((s) => getComputedStyle(s).breakBefore === "page").length,
  );
  assert(sections > 0, "in print media no .pack-section starts a new page (break-before: page)");
  const a4 = pdfPages(await page.pdf({ format: "A4" }));
  assert(a4.count === null || a4.count === a4.pages, `the PDF has ${a4.pages} page objects but /Count ${a4.count}`);
  assert(a4.pages > 1, `A4: ${a4.pages} page(s), expected more than one`);
  assert(a4.pages > sections, `A4: ${a4.pages} pages for ${sections + 1} sections, each on a new page`);
  const letter = pdfPages(await page.pdf({ format: "Letter" }));
  assert(letter.pages >= 1, `Letter: ${letter.pages} pages`);
  console.log(`    A4: ${a4.pages} pages (${sections} sections begin a page), Letter: ${letter.pages} pages`);
  await page.close();
});

test("print: no navigation is displayed on paper (packs, timeline, a country page)", async () => {
  const shown = [];
  let navs = 0;
  for (const rel of ["packs/briefing.html", pages["country pack"], "timeline.html", picked.country.url]) {
    const page = await open(rel);
    await page.emulateMedia({ media: "print" });
    const facts = await page.evaluate(() =>
      [...document.querySelectorAll("nav")].map((n) => ({
        label: n.getAttribute("aria-label") ?? n.className ?? "",
        shown: n.getClientRects().length > 0 && getComputedStyle(n).visibility !== "hidden",
      })),
    );
    navs += facts.length;
    for (const n of facts.filter((n) => n.shown)) shown.push(`${rel}: nav "${n.label}"`);
    if (rel.startsWith("packs/")) assert(facts.length === 0, `${rel}: a pack has ${facts.length} <nav>, expected none`);
    await page.close();
  }
  assert(shown.length === 0, `displayed in print: ${shown.join(", ")}`);
  console.log(`    ${navs} nav element(s), none displayed in print`);
});

// --- accessibility and phone width -------------------------------------------------------------

const axeFindings = [];
for (const [kind, rel] of Object.entries(pages)) {
  test(`axe-core: 0 serious or critical violations on the ${kind} page (${rel ?? "none"}), desktop and phone`, async () => {
    if (!rel) throw new Skip(`this site has no ${kind} page`);
    const bad = [];
    for (const [width, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      const page = await open(rel, { viewport });
      const result = await axeViolations(page);
      await page.close();
      for (const v of result.violations) {
        const targets = v.targets.length ? v.targets.join(" | ") : "(no target)";
        const line = `${v.impact ?? "unknown"}: ${v.id} — ${v.help} — ${v.targets.length} node(s): ${targets}`;
        axeFindings.push(`${kind} (${width}): ${line}`);
        console.log(`    ${width}: ${line}`);
        if (v.impact === "serious" || v.impact === "critical") bad.push({ ...v, width });
      }
      if (result.violations.length === 0) console.log(`    ${width}: axe-core ${result.version}: no violations`);
    }
    assert(
      bad.length === 0,
      `${bad.length} serious/critical violation(s): ${bad.map((v) => `${v.id} (${v.impact}, ${v.width})`).join(", ")}` +
        (bad[0] ? `\n      first: ${bad[0].summary.replace(/\n/g, " ")}` : ""),
    );
  });
}

for (const [kind, rel] of Object.entries(pages)) {
  test(`no sideways scrolling at phone width (390 px) on the ${kind} page`, async () => {
    if (!rel) throw new Skip(`this site has no ${kind} page`);
    const page = await open(rel, { viewport: PHONE });
    const over = await sidewaysOverflow(page);
    await page.close();
    assert(
      over.wide <= over.width,
      `the page is ${over.wide} px wide in a ${over.width} px viewport; sticking out: ${over.culprits.join(", ")}`,
    );
  });
}

// --- what happened along the way ---------------------------------------------------------------

test("every file the pages asked for loaded, and no script error was reported", async () => {
  const missing = browser.failed.map((f) => `${f.url} (from ${f.from}: ${f.error})`);
  const errors = browser.errors.map((e) => `${e.page}: ${e.text}`);
  assert(missing.length === 0, `${missing.length} file(s) failed to load:\n      ${missing.join("\n      ")}`);
  assert(errors.length === 0, `${errors.length} error(s) in the console:\n      ${errors.join("\n      ")}`);
});

test("nothing was requested from the network on any page visited", async () => {
  const list = browser.blocked.list().map((b) => `${b.url} (from ${b.from})`);
  assert(list.length === 0, `${list.length} non-file request(s) were attempted and blocked:\n      ${list.join("\n      ")}`);
});

// --- runner ----------------------------------------------------------------------------------

await runAll(tests, {
  onStart: (b) => (browser = b),
  timeoutMs: TEST_TIMEOUT_MS,
  only: process.argv[3] ? new RegExp(process.argv[3], "i") : null,
  extra: () => (axeFindings.length ? [`axe-core findings (all impacts): ${axeFindings.length}`] : []),
});
