#!/usr/bin/env node
// Real-browser tests of a site built by briefing, opened from file:// with the network cut off.
//
//   node tests/browser/run.mjs SITE_DIR
//
// Uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) driven by playwright-core, and
// axe-core injected from node_modules. Every request whose URL is not file: is aborted and
// recorded; any such request fails the run. Prints one line per test and closes with
// "N passed, M failed" (", K skipped" when some were skipped); exits 1 when any failed.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  DESKTOP,
  PHONE,
  Skip,
  assert,
  axeViolations,
  loadData,
  pickPages,
  runAll,
  sidewaysOverflow,
  siteFromArgs,
} from "./lib.mjs";

const TEST_TIMEOUT_MS = 60_000;

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

// ---------------------------------------------------------------------------------------------

const { root, url } = siteFromArgs("node tests/browser/run.mjs SITE_DIR");
const data = loadData(root);
const picked = (() => {
  try {
    return pickPages(data);
  } catch (err) {
    console.log(`FAIL choosing the pages to visit\n      ${err.message}`);
    console.log("0 passed, 1 failed");
    process.exit(1);
  }
})();
const pages = {
  home: "index.html",
  document: picked.document.url,
  country: picked.country.url,
  agreement: picked.agreement.url,
};

console.log(`browser tests of ${root}`);
console.log(
  `pages: home, document ${pages.document}, country ${pages.country}, agreement ${pages.agreement}`,
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

/**
 * Clicks the first visible link inside <main> that leads to `target` (a site-relative path,
 * possibly with a #fragment), as a reader would, and waits for the new page.
 */
async function follow(page, target, what) {
  const want = url(target);
  const index = await page.evaluate((want) => {
    const links = [...document.querySelectorAll("main a[href]")];
    return links.findIndex((a) => a.href === want && a.getClientRects().length > 0);
  }, want);
  if (index < 0) {
    const here = page.url().slice(url("").length);
    throw new Error(`${here}: no visible link to ${target} (${what}) inside <main>`);
  }
  await Promise.all([page.waitForURL(want), page.locator("main a[href]").nth(index).click()]);
  await page.waitForLoadState("load");
}

const norm = (s) => s.replace(/\s+/g, " ").trim();

// --- the home page -----------------------------------------------------------------------------

test("home page renders: an h1, its stylesheet, links to documents, countries and agreements", async () => {
  const page = await open(pages.home);
  const facts = await page.evaluate(() => {
    const h1 = document.querySelector("h1");
    // SVG links (the map) expose href as an SVGAnimatedString; resolve them like HTML ones.
    const hrefs = [...document.querySelectorAll("a[href]")].map((a) =>
      typeof a.href === "string" ? a.href : new URL(a.getAttribute("href"), document.baseURI).href,
    );
    const sheets = [...document.querySelectorAll('link[rel="stylesheet"]')];
    return {
      h1: h1 ? h1.textContent.trim() : null,
      h1Visible: !!h1 && h1.getClientRects().length > 0,
      hrefs,
      sheets: sheets.length,
      sheetsLoaded: sheets.filter((l) => l.sheet !== null).length,
      title: document.title,
      main: !!document.querySelector("main"),
    };
  });
  assert(facts.h1, "index.html has no <h1> (or it is empty)");
  assert(facts.h1Visible, "the <h1> of index.html is not displayed");
  assert(facts.title.trim() !== "", "index.html has an empty <title>");
  assert(facts.main, "index.html has no <main>");
  assert(facts.sheets > 0 && facts.sheetsLoaded === facts.sheets, `stylesheets: ${facts.sheetsLoaded} of ${facts.sheets} loaded`);
  for (const section of ["documents", "countries", "agreements"]) {
    const index = url(`${section}/index.html`);
    const prefix = url(`${section}/`);
    assert(facts.hrefs.includes(index), `index.html does not link to ${section}/index.html`);
    const items = facts.hrefs.filter((h) => h.startsWith(prefix) && h !== index);
    assert(items.length > 0, `index.html links to no page in ${section}/`);
  }
  await page.close();
});

// --- the reader's path -----------------------------------------------------------------------

test(`reader's path: home → ${picked.country.name} → agreement → evidence paragraph in the document`, async () => {
  const { country, agreement, evidence, document: doc } = picked;
  const page = await open(pages.home);
  await follow(page, country.url, `country ${country.name}`);
  const h1 = norm(await page.locator("h1").first().innerText());
  assert(h1.includes(country.name), `${country.url}: the <h1> "${h1}" does not name ${country.name}`);

  await follow(page, agreement.url, `agreement ${agreement.title}`);
  const h1a = norm(await page.locator("h1").first().innerText());
  assert(h1a === norm(agreement.title), `${agreement.url}: the <h1> "${h1a}" is not "${agreement.title}"`);

  const target = `${doc.url}#${evidence.paragraph}`;
  await follow(page, target, "evidence quote");
  const landed = await page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const el = document.getElementById(id);
    if (!el) return { id, exists: false };
    const rect = el.getBoundingClientRect();
    return {
      id,
      exists: true,
      isTarget: el.matches(":target") && document.querySelector(":target") === el,
      inView: rect.bottom > 0 && rect.top < window.innerHeight,
      tag: el.tagName.toLowerCase(),
      text: el.textContent,
      inMain: !!el.closest("main"),
    };
  });
  assert(landed.id === evidence.paragraph, `landed on #${landed.id}, expected #${evidence.paragraph}`);
  assert(landed.exists, `${doc.url}: no element with id="${evidence.paragraph}"`);
  assert(landed.isTarget, `${doc.url}: #${evidence.paragraph} exists but is not the :target`);
  assert(landed.inMain, `${doc.url}: #${evidence.paragraph} is not inside <main>`);
  assert(landed.inView, `${doc.url}: #${evidence.paragraph} was not scrolled into view`);
  // The quote should come from that paragraph (its first words, at least).
  const head = norm(evidence.text).split(" ").slice(0, 6).join(" ");
  assert(
    norm(landed.text).includes(head),
    `${doc.url}: <${landed.tag} id="${evidence.paragraph}"> does not contain the quote's start "${head}"`,
  );
  await page.close();
});

// --- search ----------------------------------------------------------------------------------

/** Documents a search for `query` must list: those naming a country with that name. */
function expectedFor(code) {
  return data.documents.filter((d) => d.countries.some((c) => c.code === code));
}

async function searchTest(query, code) {
  if (!existsSync(join(root, "search.html"))) {
    throw new Skip("search.html is not in this site yet (the search page is being built); nothing to test");
  }
  const expected = expectedFor(code);
  if (expected.length === 0) throw new Skip(`no document in this site mentions ${code}`);
  const page = await open(`search.html?q=${encodeURIComponent(query)}`);
  const wanted = expected.map((d) => url(d.url));
  try {
    await page.waitForFunction(
      (wanted) =>
        [...document.querySelectorAll("main a[href]")].some(
          (a) => wanted.includes(a.href.split("#")[0]) && a.getClientRects().length > 0,
        ),
      wanted,
      { timeout: 10_000 },
    );
  } catch {
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll("main a[href]")].slice(0, 10).map((a) => a.getAttribute("href")),
    );
    throw new Error(
      `search.html?q=${query}: no link inside <main> to any of the ${expected.length} documents about ${code} ` +
        `(e.g. ${expected[0].url}) within 10 s; links shown: ${shown.join(", ") || "none"}`,
    );
  }
  const boxValue = await page.evaluate(() => {
    const box = document.querySelector('input[type="search"], input[name="q"]');
    return box ? box.value : null;
  });
  assert(boxValue !== null, "search.html has no search box (input type=search or name=q)");
  assert(boxValue === query, `the search box shows "${boxValue}", not the query "${query}" from the URL`);
  await page.close();
}

test("search.html?q=Niger lists the article as a link inside <main>", async () => {
  await searchTest("Niger", "NE");
});

test("search.html?q=Turkiye (no accent) finds the documents about Türkiye", async () => {
  await searchTest("Turkiye", "TR");
});

/** Skips unless the site has a search page and a country with this code. */
function searchCountry(code) {
  if (!existsSync(join(root, "search.html"))) throw new Skip("search.html is not in this site yet; nothing to test");
  const country = data.countries.find((c) => c.code === code);
  if (!country) throw new Skip(`no document in this site mentions ${code}`);
  return country;
}

/**
 * The search page for `query`, once a snippet whose <mark> reads `word` is on screen (its
 * text shard arrived); fails naming what is shown instead.
 */
async function searchWithSnippet(query, word, options) {
  const page = await open(`search.html?${query}`, options);
  try {
    await page.waitForFunction(
      (word) => [...document.querySelectorAll("main .snippet mark")].some((m) => m.textContent === word),
      word,
      { timeout: 10_000 },
    );
  } catch {
    const shown = await page.evaluate(() => ({
      snippets: [...document.querySelectorAll("main .snippet")].slice(0, 3).map((p) => p.textContent),
      summaries: [...document.querySelectorAll("main .doc-card .summary")].length,
    }));
    throw new Error(
      `search.html?${query}: no snippet with <mark>${word}</mark> within 10 s; ` +
        `snippets: ${JSON.stringify(shown.snippets)}, cards still showing a summary: ${shown.summaries}`,
    );
  }
  return page;
}

test("search.html?q=Niger: Niger as a country result above the documents, and snippets with Niger marked", async () => {
  const niger = searchCountry("NE");
  const page = await searchWithSnippet("q=Niger", "Niger");
  const facts = await page.evaluate((href) => {
    const main = document.querySelector("main");
    const headings = [...main.querySelectorAll("h1, h2, h3")].map((h) => ({ level: Number(h.tagName[1]), text: h.textContent.trim() }));
    const country = [...main.querySelectorAll("a[href]")].find((a) => a.href === href);
    const firstCard = main.querySelector(".doc-card");
    const snippet = [...main.querySelectorAll(".snippet")].find((p) => [...p.querySelectorAll("mark")].some((m) => m.textContent === "Niger"));
    const link = snippet && snippet.querySelector("a[href]");
    const status = document.querySelector('[role="status"]');
    return {
      headings,
      country: country ? { text: country.textContent, marks: [...country.querySelectorAll("mark")].map((m) => m.textContent) } : null,
      countryFirst: !!(country && firstCard && country.compareDocumentPosition(firstCard) & Node.DOCUMENT_POSITION_FOLLOWING),
      snippet: snippet ? snippet.textContent : null,
      snippetMarks: snippet ? [...snippet.querySelectorAll("mark")].map((m) => m.textContent) : [],
      snippetHref: link ? link.href : null,
      cards: main.querySelectorAll(".doc-card").length,
      status: status ? status.textContent : null,
      statusLive: !!status && status.closest("main") === main,
    };
  }, url(niger.url));
  assert(facts.country, `no link to ${niger.url} among the results`);
  assert(facts.country.marks.includes("Niger"), `the country result "${facts.country.text}" does not mark "Niger"`);
  assert(facts.countryFirst, "the country result is not above the document results");
  const h2 = facts.headings.filter((h) => h.level === 2).map((h) => h.text);
  assert(h2.includes("Countries") && h2.indexOf("Countries") < h2.indexOf("Documents"), `headings: ${h2.join(", ")}`);
  // Headings in order: h1, then h2 groups, then h3 result titles; never a skipped level.
  facts.headings.forEach((h, i) => {
    const prev = i === 0 ? 0 : facts.headings[i - 1].level;
    assert(h.level <= prev + 1, `heading "${h.text}" (h${h.level}) follows an h${prev}`);
  });
  // Only the matched words are marked: here, words starting with "niger".
  for (const m of facts.snippetMarks) {
    assert(m.toLowerCase().startsWith("niger"), `the snippet marks "${m}", which "Niger" does not match: ${facts.snippet}`);
  }
  const words = facts.snippet.trim().split(/\s+/).length;
  assert(words >= 5 && words <= 45, `the snippet has ${words} words: ${facts.snippet}`);
  assert(facts.status && /\b\d+ documents?\b/.test(facts.status), `the status region says "${facts.status}"`);
  assert(/\b1 country\b|\b\d+ countries\b/.test(facts.status), `the status region does not count the countries: "${facts.status}"`);
  assert(facts.statusLive, "no role=status region inside <main> announces the count");

  // The snippet links to the paragraph it quotes, and that paragraph says Niger.
  assert(facts.snippetHref && facts.snippetHref.includes("#"), `the snippet links to ${facts.snippetHref}, not to a paragraph`);
  const id = decodeURIComponent(facts.snippetHref.split("#")[1]);
  await Promise.all([page.waitForURL(facts.snippetHref), page.locator(".snippet a", { hasText: facts.snippet.replace(/^… |\s…$/g, "").slice(0, 30) }).first().click()]);
  const target = await page.evaluate((id) => {
    const el = document.getElementById(id);
    return el ? el.textContent : null;
  }, id);
  assert(target !== null, `the snippet's paragraph #${id} is not on ${facts.snippetHref}`);
  assert(/niger/i.test(target), `#${id} does not mention Niger: ${target.slice(0, 120)}`);
  await page.close();
});

test("search.html?q=turkiye (no accent) marks \"Türkiye\" in a snippet", async () => {
  searchCountry("TR");
  const page = await searchWithSnippet("q=turkiye", "Türkiye");
  const country = await page.evaluate(() =>
    [...document.querySelectorAll("main .chips a mark")].map((m) => m.textContent),
  );
  assert(country.includes("Türkiye"), `the country result does not mark Türkiye: ${country.join(", ") || "none"}`);
  await page.close();
});

test("search results: agreements with status and parties; the country and status filters narrow them", async () => {
  const { country, agreement } = picked;
  searchCountry(country.code);
  const page = await open(`search.html?q=${encodeURIComponent(country.name)}&status=${agreement.status}`);
  const want = url(agreement.url);
  await page.waitForSelector("main h2", { timeout: 10_000 });
  // Entities beyond the first ten are behind a button.
  for (const more of await page.locator("main ul.entity-results + button.more-results").all()) await more.click();
  const items = await page.evaluate(() =>
    [...document.querySelectorAll("main ul.entity-results li")].map((li) => ({
      href: li.querySelector("a").href,
      badge: li.querySelector(".badge")?.textContent ?? null,
      parties: li.querySelector(".parties")?.textContent ?? null,
      marks: [...li.querySelectorAll("a mark")].map((m) => m.textContent),
    })),
  );
  const agreements = items.filter((i) => i.badge !== null);
  const mine = agreements.find((i) => i.href === want);
  assert(mine, `search.html?q=${country.name}&status=${agreement.status}: no agreement result links to ${agreement.url}`);
  assert(mine.parties && mine.parties.includes(country.name), `its parties read "${mine.parties}", not naming ${country.name}`);
  const other = agreements.find((i) => i.badge !== agreement.status);
  assert(!other, `the status filter ${agreement.status} let through an agreement that is ${other?.badge}: ${other?.href}`);
  await page.close();

  // A country filter keeps only agreements with that party: the picked agreement's other
  // party is not a party to every agreement of this country.
  const otherCountry = data.countries.find((c) => c.code !== country.code && !agreement.parties.includes(c.code));
  if (otherCountry) {
    const filtered = await open(`search.html?q=${encodeURIComponent(country.name)}&country=${otherCountry.code}`);
    await filtered.waitForSelector("main h2", { timeout: 10_000 });
    const links = await filtered.evaluate(() => [...document.querySelectorAll("main ul.entity-results a")].map((a) => a.href));
    assert(!links.includes(want), `with country=${otherCountry.code}, ${agreement.url} (not a party) is still listed`);
    await filtered.close();
  }
});

test("search results: people from the index's optional people list, marked, narrowed by country", async () => {
  if (!existsSync(join(root, "search.html"))) throw new Skip("search.html is not in this site yet; nothing to test");
  const country = picked.country;
  const other = data.countries.find((c) => c.code !== country.code);
  // Until the site has people pages its index has no people; give the page one (its link is
  // not followed) to check that search.js shows them when they are there.
  const person = ["Xanthe Quorwick", picked.document.url, country.name];
  const withPerson = async (query) => {
    const page = await browser.context.newPage();
    await page.addInitScript((person) => {
      let value;
      Object.defineProperty(window, "BRIEFING_SEARCH", {
        configurable: true,
        get: () => value,
        set: (v) => {
          if (v && !Array.isArray(v.people)) v.people = [person];
          value = v;
        },
      });
    }, person);
    await page.goto(url(`search.html?${query}`), { waitUntil: "load" });
    await page.waitForSelector("main h2", { timeout: 10_000 });
    return page;
  };
  const index = JSON.parse(
    readFileSync(join(root, "search-index.js"), "utf8").replace(/^window\.BRIEFING_SEARCH = /, "").replace(/;\s*$/, ""),
  );
  const real = Array.isArray(index.people) && index.people.length ? index.people[0] : null;
  const [name, href, from] = real ?? person;
  const last = name.split(/\s+/).pop();
  const page = await withPerson(`q=${encodeURIComponent(last)}`);
  const shown = await page.evaluate(() => {
    const h2 = [...document.querySelectorAll("main h2")].map((h) => h.textContent);
    const items = [...document.querySelectorAll("main h2")].filter((h) => h.textContent === "People")
      .flatMap((h) => [...h.nextElementSibling.querySelectorAll("li")])
      .map((li) => ({ href: li.querySelector("a").href, text: li.textContent, marks: [...li.querySelectorAll("mark")].map((m) => m.textContent) }));
    return { h2, items };
  });
  const item = shown.items.find((i) => i.href === url(href));
  assert(item, `search.html?q=${last}: no person result links to ${href}; groups: ${shown.h2.join(", ")}`);
  assert(item.marks.includes(last), `the person result "${item.text}" does not mark "${last}"`);
  if (from) assert(item.text.includes(from), `the person result "${item.text}" does not name ${from}`);
  const groups = shown.h2.filter((h) => h !== "Documents");
  assert(shown.h2.indexOf("People") < shown.h2.indexOf("Documents") || !shown.h2.includes("Documents"), `groups in order: ${shown.h2.join(", ")}`);
  assert(groups.includes("People"), `no "People" group: ${shown.h2.join(", ")}`);
  await page.close();

  if (!real && other) {
    const narrowed = await withPerson(`q=${encodeURIComponent(last)}&country=${other.code}`);
    const hrefs = await narrowed.evaluate(() => [...document.querySelectorAll("main ul.entity-results a")].map((a) => a.href));
    assert(!hrefs.includes(url(href)), `with country=${other.code}, the person from ${country.name} is still listed`);
    await narrowed.close();
  }
});

// --- accessibility ---------------------------------------------------------------------------

// The four pages the issue names, plus the search page once it exists (results and all).
const axePages = { ...pages, search: "search.html?q=Niger" };
const axeFindings = [];

/** axe-core's violations on one page at one viewport size. */
async function axeCheck(kind, rel, viewport) {
  const page = await open(rel, { viewport });
  if (kind === "search") {
    // Check the page with its results rendered (the search test reports when they are not).
    await page.waitForSelector('main a[href*="documents/"]', { timeout: 5_000 }).catch(() => {});
  }
  const result = await axeViolations(page);
  await page.close();
  return result;
}

// At desktop and at phone width: a table or code block that only overflows on a phone
// becomes a scroll box there, and what is hidden or shown can differ.
for (const [kind, rel] of Object.entries(axePages)) {
  test(`axe-core: 0 serious or critical violations on the ${kind} page (${rel}), desktop and phone`, async () => {
    if (kind === "search" && !existsSync(join(root, "search.html"))) {
      throw new Skip("search.html is not in this site yet; nothing to check");
    }
    const bad = [];
    for (const [width, viewport] of [["desktop", DESKTOP], ["phone", PHONE]]) {
      const result = await axeCheck(kind, rel, viewport);
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

// --- phone width -----------------------------------------------------------------------------

for (const [kind, rel] of Object.entries(pages)) {
  test(`no sideways scrolling at phone width (390 px) on the ${kind} page`, async () => {
    const page = await open(rel, { viewport: PHONE });
    const over = await sidewaysOverflow(page);
    await page.close();
    assert(
      over.wide <= over.width,
      `the page is ${over.wide} px wide in a ${over.width} px viewport; sticking out: ${over.culprits.join(", ")}`,
    );
  });
}

test("no sideways scrolling at phone width (390 px) on the search page with results and snippets", async () => {
  const niger = data.countries.find((c) => c.code === "NE") ?? picked.country;
  searchCountry(niger.code);
  const page = await open(`search.html?q=${encodeURIComponent(niger.name)}`, { viewport: PHONE });
  await page.waitForSelector("main .snippet mark", { timeout: 10_000 }).catch(() => {});
  const over = await page.evaluate(() => ({ width: document.documentElement.clientWidth, wide: document.documentElement.scrollWidth }));
  await page.close();
  assert(over.wide <= over.width, `search.html is ${over.wide} px wide in a ${over.width} px viewport`);
});

// --- links that last ---------------------------------------------------------------------------

test("an old URL's redirect page, opened from file:// with a #fragment, lands on the new page with it", async () => {
  const record = JSON.parse(readFileSync(join(root, "data", "permalinks.json"), "utf8"));
  const moved = Object.entries(record.urls).filter(([, e]) => e.to).slice(0, 3);
  if (moved.length === 0) throw new Skip("this site has no redirect pages");
  for (const [from, entry] of moved) {
    const page = await browser.context.newPage();
    const want = url(entry.to) + "#section";
    await Promise.all([page.waitForURL(want, { timeout: 10_000 }), page.goto(url(from) + "#section")]);
    await page.close();
  }
});

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
  extra: () => (axeFindings.length ? [`axe-core findings (all impacts): ${axeFindings.length}`] : []),
});
