// Offline search for a briefing site. The index (search-index.js) is a plain script that sets
// window.BRIEFING_SEARCH, so this works from file:// as well as from any web host.
(function () {
  "use strict";
  var data = window.BRIEFING_SEARCH;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var countrySelect = document.getElementById("search-country");
  var statusSelect = document.getElementById("search-status");
  var out = document.getElementById("search-results");
  if (!data || !form || !out) {
    return;
  }
  var root = document.body.getAttribute("data-root") || "";
  var words = Object.keys(data.words);
  var decoded = {};

  // Same folding as the index: accents stripped, lowercase.
  function fold(s) {
    return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  }
  function terms(q) {
    return fold(q).split(/[^\p{L}\p{N}]+/u).filter(function (t) { return t.length > 0; });
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
  function nameMatches(name, ts) {
    var f = fold(name);
    return ts.every(function (t) { return f.indexOf(t) !== -1; });
  }

  function run() {
    var q = input.value.trim();
    var country = countrySelect ? countrySelect.value : "";
    var status = statusSelect ? statusSelect.value : "";
    var ts = terms(q);
    out.textContent = "";
    if (ts.length === 0 && !country && !status) {
      out.appendChild(el("p", { "class": "empty" }, "Type a word to search titles, summaries, text, countries, people and agreements."));
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

    var countries = ts.length ? data.countries.filter(function (c) { return nameMatches(c[0], ts) && (!country || c[2] === country); }) : [];
    var agreements = data.agreements.filter(function (a) {
      return (ts.length === 0 || nameMatches(a[0], ts)) && (!status || a[2] === status) && (!country || a[3].indexOf(country) !== -1);
    });
    if (ts.length === 0 && !status) { agreements = []; }

    var summary = docs.length + (docs.length === 1 ? " document" : " documents");
    if (countries.length) { summary += ", " + countries.length + (countries.length === 1 ? " country" : " countries"); }
    if (agreements.length) { summary += ", " + agreements.length + (agreements.length === 1 ? " agreement" : " agreements"); }
    out.appendChild(el("p", { "class": "lede", "role": "status" }, summary));

    if (countries.length) {
      out.appendChild(el("h2", {}, "Countries"));
      var cl = el("ul", { "class": "chips" });
      countries.forEach(function (c) {
        var li = el("li");
        li.appendChild(el("a", { "class": "chip", "href": root + c[1] }, c[0]));
        cl.appendChild(li);
      });
      out.appendChild(cl);
    }
    if (agreements.length) {
      out.appendChild(el("h2", {}, "Agreements"));
      var al = el("ul", { "class": "side-list" });
      agreements.slice(0, 100).forEach(function (a) {
        var li = el("li");
        li.appendChild(el("a", { "href": root + a[1] }, a[0]));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", { "class": "badge status-" + a[2] }, a[2]));
        al.appendChild(li);
      });
      out.appendChild(al);
    }
    out.appendChild(el("h2", {}, "Documents"));
    if (docs.length === 0) {
      out.appendChild(el("p", { "class": "empty" }, "No document matches."));
      return;
    }
    var list = el("ol", { "class": "search-results" });
    docs.slice(0, 200).forEach(function (i) {
      var d = data.docs[i];
      var li = el("li", { "class": "card doc-card" });
      var h = el("h3", { "class": "card-title" });
      h.appendChild(el("a", { "href": root + d[1] }, d[0]));
      li.appendChild(h);
      if (d[3]) { li.appendChild(el("p", { "class": "meta" }, d[3])); }
      li.appendChild(el("p", { "class": "summary" }, d[2]));
      list.appendChild(li);
    });
    out.appendChild(list);
    if (docs.length > 200) {
      out.appendChild(el("p", { "class": "empty" }, "Showing the first 200; add a word to narrow the search."));
    }
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
