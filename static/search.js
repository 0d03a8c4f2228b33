// Offline search for a briefing site. The index (search-index.js) is a plain script that sets
// window.BRIEFING_SEARCH, so this works from file:// as well as from any web host. The text
// that snippets are cut from is in shard scripts (search-text-<n>.js, each setting
// window.BRIEFING_TEXT_<n>), loaded with <script src> only for the results on screen.
//
// Text from documents is untrusted: it only ever reaches the page as textContent and text nodes.
(function () {
  "use strict";
  var data = window.BRIEFING_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var countrySelect = document.getElementById("search-country");
  var statusSelect = document.getElementById("search-status");
  var out = document.getElementById("search-results");
  var said = document.getElementById("search-summary");
  if (!data || !form || !out) {
    return;
  }
  var root = document.body.getAttribute("data-root") || "";
  var words = Object.keys(data.words);
  var decoded = {};
  var stopwords = new Set(data.stopwords || []);
  var shardSize = data.shard || 0;
  var people = Array.isArray(data.people) ? data.people : [];
  // Documents shown at a time, and entities of each kind before "Show all".
  var PAGE = 20;
  var ENTITIES = 10;
  // Words of a snippet, and how many of them come before the first match.
  var SNIPPET_WORDS = 32;
  var SNIPPET_BEFORE = 8;
  var SNIPPET_MIN = 20;
  var countryNames = {};
  data.countries.forEach(function (c) { countryNames[c[2]] = c[0]; });

  // Same folding as the index: accents stripped, lowercase.
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  // A word of the original text (marks kept, so a decomposed "ü" stays inside its word).
  var WORD = /[\p{L}\p{N}\p{M}]+/gu;
  function foldedWords(s) {
    return fold(s).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }
  // The folded words of entity names, worked out once each (they are matched at every key).
  var nameWords = new Map();
  function wordsOfName(name) {
    var ws = nameWords.get(name);
    if (!ws) {
      ws = foldedWords(name);
      nameWords.set(name, ws);
    }
    return ws;
  }
  // The query's terms: folded words, without the words the index leaves out (stopwords, and
  // single letters such as the "s" of "Niger's" unless the query is nothing but one).
  function terms(q) {
    var all = foldedWords(q).filter(function (t) { return !stopwords.has(t); });
    var long = all.filter(function (t) { return t.length > 1; });
    return long.length ? long : all;
  }
  // Whether a folded word is matched by a term (terms match as prefixes, like the index).
  function hit(folded, ts) {
    for (var i = 0; i < ts.length; i++) {
      if (folded.lastIndexOf(ts[i], 0) === 0) { return true; }
    }
    return false;
  }
  function postings(word) {
    if (!decoded[word]) {
      var n = 0;
      decoded[word] = data.words[word].split(".").map(function (gap) {
        n += parseInt(gap, 36);
        return n;
      });
    }
    return decoded[word];
  }
  // Documents containing a word that starts with the term.
  function docsFor(term) {
    var found = new Set();
    for (var i = 0; i < words.length; i++) {
      if (words[i].lastIndexOf(term, 0) === 0) {
        postings(words[i]).forEach(function (d) { found.add(d); });
      }
    }
    return found;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  // `text` as text nodes, every word a term matches wrapped in <mark>.
  function marked(text, ts) {
    var frag = document.createDocumentFragment();
    var last = 0;
    var m;
    WORD.lastIndex = 0;
    while (ts.length && (m = WORD.exec(text)) !== null) {
      if (hit(fold(m[0]), ts)) {
        if (m.index > last) { frag.appendChild(document.createTextNode(text.slice(last, m.index))); }
        frag.appendChild(el("mark", {}, m[0]));
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) { frag.appendChild(document.createTextNode(text.slice(last))); }
    return frag;
  }
  function markedEl(tag, attrs, text, ts) {
    var e = el(tag, attrs);
    e.appendChild(marked(text, ts));
    return e;
  }
  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // --- entities --------------------------------------------------------------------------

  // How well a name matches: 0 unless every term starts a word of it; more for whole words,
  // and a little more for short names (so "Sudan" comes before "South Sudan").
  function nameScore(name, ts) {
    var ws = wordsOfName(name);
    var score = 0;
    for (var i = 0; i < ts.length; i++) {
      var best = 0;
      for (var j = 0; j < ws.length; j++) {
        if (ws[j] === ts[i]) { best = 2; break; }
        if (ws[j].lastIndexOf(ts[i], 0) === 0) { best = 1; }
      }
      if (best === 0) { return 0; }
      score += best;
    }
    return score * 100 - ws.length;
  }
  // Countries whose whole name is in the query ("niger turkiye" names two), leaving out a name
  // inside a longer one ("south sudan" names South Sudan, not Sudan).
  function countriesNamed(ts) {
    var spans = [];
    data.countries.forEach(function (c, i) {
      var ws = wordsOfName(c[0]).filter(function (w) { return !stopwords.has(w); });
      if (ws.length === 0) { return; }
      for (var k = 0; k + ws.length <= ts.length; k++) {
        var same = ws.every(function (w, j) { return ts[k + j] === w; });
        if (same) { spans.push({ i: i, from: k, to: k + ws.length }); }
      }
    });
    return spans.filter(function (s) {
      return !spans.some(function (o) {
        return o !== s && o.from <= s.from && o.to >= s.to && o.to - o.from > s.to - s.from;
      });
    }).map(function (s) { return s.i; });
  }
  // Entities that match, best first (then in index order).
  function ranked(list, name, ts, keep) {
    var scored = [];
    list.forEach(function (x, i) {
      if (!keep(x)) { return; }
      var score = ts.length ? nameScore(name(x), ts) : 1;
      if (score > 0) { scored.push({ x: x, i: i, score: score }); }
    });
    scored.sort(function (a, b) { return b.score - a.score || a.i - b.i; });
    return scored.map(function (s) { return s.x; });
  }

  // --- snippets ----------------------------------------------------------------------------

  var shards = {}; // shard number → its texts, "loading" or "failed"
  var pending = []; // { doc, card, summary } of the cards on screen still showing a summary
  var current = []; // the terms of the results on screen

  function shardOf(doc) {
    return Math.floor(doc / shardSize);
  }
  // Loads the text shard of a document with <script src> (fetch is blocked on file://).
  function load(doc) {
    if (!shardSize) { return; }
    var n = shardOf(doc);
    if (shards[n]) { return; }
    shards[n] = "loading";
    var name = "BRIEFING_TEXT_" + n;
    var s = el("script", { "src": root + "search-text-" + n + ".js" });
    s.addEventListener("load", function () {
      shards[n] = Array.isArray(window[name]) ? window[name] : "failed";
      try { delete window[name]; } catch (e) { window[name] = undefined; }
      s.remove();
      fill();
    });
    s.addEventListener("error", function () {
      shards[n] = "failed";
      s.remove();
    });
    document.body.appendChild(s);
  }
  // The excerpt of a document's paragraphs ([id, text] pairs) where the terms match: the first
  // paragraph that has the most of them, around its first match.
  function snippet(paras, ts) {
    var best = null;
    for (var p = 0; p < paras.length && !(best && best.found === ts.length); p++) {
      var text = paras[p][1];
      var f = fold(text);
      if (!ts.some(function (t) { return f.indexOf(t) !== -1; })) { continue; }
      var spans = [];
      var found = new Set();
      var first = -1;
      var m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null) {
        var w = fold(m[0]);
        var matched = ts.filter(function (t) { return w.lastIndexOf(t, 0) === 0; });
        if (matched.length && first < 0) { first = spans.length; }
        matched.forEach(function (t) { found.add(t); });
        spans.push([m.index, m.index + m[0].length]);
      }
      if (found.size > (best ? best.found : 0)) {
        best = { p: p, spans: spans, first: first, found: found.size };
      }
    }
    if (!best) { return null; }
    var whole = paras[best.p][1];
    var end = Math.min(best.spans.length, Math.max(0, best.first - SNIPPET_BEFORE) + SNIPPET_WORDS);
    var start = Math.max(0, end - SNIPPET_WORDS);
    var text = whole.slice(start > 0 ? best.spans[start][0] : 0, end < best.spans.length ? best.spans[end - 1][1] : whole.length);
    var after = end < best.spans.length;
    // A short block (a subheading, a one-line paragraph) goes on into the next ones.
    var count = end - start;
    for (var q = best.p + 1; !after && count < SNIPPET_MIN && q < paras.length; q++) {
      var next = paras[q][1];
      var ends = [];
      WORD.lastIndex = 0;
      while ((m = WORD.exec(next)) !== null && ends.length <= SNIPPET_WORDS - count) { ends.push(m.index + m[0].length); }
      if (ends.length === 0) { continue; }
      var take = Math.min(ends.length, SNIPPET_WORDS - count);
      after = take < ends.length;
      text += " — " + next.slice(0, take < ends.length ? ends[take - 1] : next.length);
      count += take;
    }
    return { id: paras[best.p][0], text: text, before: start > 0, after: after };
  }
  // Puts snippets in place of summaries on the cards whose shard has arrived.
  function fill() {
    pending = pending.filter(function (w) {
      var texts = shards[shardOf(w.doc)];
      if (texts === "loading") { return true; }
      if (!Array.isArray(texts) || !w.card.isConnected) { return false; }
      var s = snippet(texts[w.doc % shardSize] || [], current);
      if (s) {
        var p = el("p", { "class": "snippet" });
        var a = el("a", { "href": root + data.docs[w.doc][1] + "#" + s.id });
        if (s.before) { a.appendChild(document.createTextNode("… ")); }
        a.appendChild(marked(s.text, current));
        if (s.after) { a.appendChild(document.createTextNode(" …")); }
        p.appendChild(a);
        w.card.replaceChild(p, w.summary);
      }
      return false;
    });
  }

  // --- results -----------------------------------------------------------------------------

  // A list that shows its first `first` items and a button for the rest, `more` at a time
  // (all of them when `more` is 0). `item(x)` draws one item; `shown(items)` runs after each
  // batch is drawn.
  function batched(list, items, first, more, label, item, shown) {
    var at = 0;
    var button = null;
    function next(count) {
      var batch = items.slice(at, at + count);
      at += batch.length;
      batch.forEach(function (x) { list.appendChild(item(x)); });
      if (shown) { shown(batch); }
      var left = items.length - at;
      if (left > 0 && !button) {
        button = el("button", { "type": "button", "class": "more-results" });
        button.addEventListener("click", function () {
          var before = list.children.length;
          next(more || items.length);
          var link = list.children[before] && list.children[before].querySelector("a");
          if (link) { link.focus(); }
        });
        list.parentNode.insertBefore(button, list.nextSibling);
      }
      if (button) {
        if (left > 0) {
          button.textContent = label(left);
        } else {
          button.remove();
          button = null;
        }
      }
    }
    next(first);
  }
  function group(title, tag, cls, items, label, item, shown, first, more) {
    out.appendChild(el("h2", {}, title));
    var list = el(tag, { "class": cls });
    out.appendChild(list);
    batched(list, items, first, more, label, item, shown);
  }

  function run() {
    var q = input.value.trim();
    var country = countrySelect ? countrySelect.value : "";
    var status = statusSelect ? statusSelect.value : "";
    var ts = terms(q);
    out.textContent = "";
    pending = [];
    current = ts;
    if (ts.length === 0 && !country && !status) {
      var hint = q
        ? "Words as common as these are left out of the search; add another word."
        : "Type a word to search titles, summaries, text, countries, people and agreements.";
      out.appendChild(el("p", { "class": "empty" }, hint));
      if (said) { said.textContent = ""; }
      return;
    }
    var hits = null;
    ts.forEach(function (t) {
      var set = docsFor(t);
      hits = hits === null ? set : new Set(Array.from(hits).filter(function (d) { return set.has(d); }));
    });
    var docs = hits === null ? data.docs.map(function (_, i) { return i; }) : Array.from(hits).sort(function (a, b) { return a - b; });
    docs = docs.filter(function (i) {
      var d = data.docs[i];
      return (!country || d[4].indexOf(country) !== -1) && (!status || d[5].indexOf(status) !== -1);
    });

    // Entities: a country filter keeps that country, its agreements and its people; a status
    // filter keeps the agreements with that status. With no words, the filters alone choose.
    var countries = [];
    var keepCountry = function (c) { return !country || c[2] === country; };
    if (ts.length) {
      // Whole names in the query first, in the query's order; then names the terms start.
      countries = countriesNamed(ts).map(function (i) { return data.countries[i]; }).filter(keepCountry);
      ranked(data.countries, function (c) { return c[0]; }, ts, keepCountry).forEach(function (c) {
        if (countries.indexOf(c) === -1) { countries.push(c); }
      });
    } else if (country) {
      countries = data.countries.filter(keepCountry);
    }
    var agreements = ranked(data.agreements, function (a) { return a[0]; }, ts, function (a) {
      return (!status || a[2] === status) && (!country || a[3].indexOf(country) !== -1);
    });
    var persons = ts.length ? ranked(people, function (p) { return p[0]; }, ts, function (p) {
      return !country || p[2] === countryNames[country];
    }) : [];

    var found = [];
    if (countries.length) { found.push(plural(countries.length, "country", "countries")); }
    if (agreements.length) { found.push(plural(agreements.length, "agreement", "agreements")); }
    if (persons.length) { found.push(plural(persons.length, "person", "people")); }
    found.push(plural(docs.length, "document", "documents"));
    var summary = found.length > 1 ? found.slice(0, -1).join(", ") + " and " + found[found.length - 1] : found[0];
    if (said) { said.textContent = "Found " + summary + "."; }

    if (countries.length) {
      group("Countries", "ul", "chips", countries, function (n) { return "Show " + plural(n, "more country", "more countries"); }, function (c) {
        var li = el("li");
        li.appendChild(markedEl("a", { "class": "chip", "href": root + c[1] }, c[0], ts));
        return li;
      }, null, ENTITIES, 0);
    }
    if (agreements.length) {
      group("Agreements", "ul", "entity-results", agreements, function (n) { return "Show " + plural(n, "more agreement", "more agreements"); }, function (a) {
        var li = el("li");
        li.appendChild(markedEl("a", { "href": root + a[1] }, a[0], ts));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "badge status-" + a[2] }, a[2]));
        var parties = a[3].map(function (c) { return countryNames[c] || c; }).join(", ");
        if (parties) {
          var p = el("span", { "class": "meta parties" }, "Parties: ");
          p.appendChild(marked(parties, ts));
          li.appendChild(p);
        }
        return li;
      }, null, ENTITIES, 0);
    }
    if (persons.length) {
      group("People", "ul", "entity-results", persons, function (n) { return "Show " + plural(n, "more person", "more people"); }, function (p) {
        var li = el("li");
        li.appendChild(markedEl("a", { "href": root + p[1] }, p[0], ts));
        if (p[2]) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(markedEl("span", { "class": "meta" }, p[2], ts));
        }
        return li;
      }, null, ENTITIES, 0);
    }
    if (docs.length === 0) {
      out.appendChild(el("h2", {}, "Documents"));
      out.appendChild(el("p", { "class": "empty" }, "No document matches."));
      return;
    }
    group("Documents", "ol", "search-results", docs, function (n) { return "Show more documents (" + n + " not shown yet)"; }, function (i) {
      var d = data.docs[i];
      var li = el("li", { "class": "card doc-card" });
      var h = el("h3", { "class": "card-title" });
      h.appendChild(markedEl("a", { "href": root + d[1] }, d[0], ts));
      li.appendChild(h);
      if (d[3]) { li.appendChild(el("p", { "class": "meta" }, d[3])); }
      var summary = markedEl("p", { "class": "summary" }, d[2], ts);
      li.appendChild(summary);
      if (ts.length && shardSize) { pending.push({ doc: i, card: li, summary: summary }); }
      return li;
    }, function (batch) {
      if (ts.length) {
        batch.forEach(load);
        fill();
      }
    }, PAGE, PAGE);
  }

  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  if (countrySelect) { countrySelect.value = params.get("country") || ""; }
  if (statusSelect) { statusSelect.value = params.get("status") || ""; }
  var timer = null;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(run, 120);
  }
  input.addEventListener("input", later);
  if (countrySelect) { countrySelect.addEventListener("change", run); }
  if (statusSelect) { statusSelect.addEventListener("change", run); }
  run();
})();
