// Search over the build's JSON index (see SiteRenderer.searchData). The build stems every word a reader
// can see on an item page with Snowball's Finnish or Swedish stemmer; this script, which has no stemmer,
// finds a typed word's stems by lookup: the word's own entry among the site's inflected forms, the stems
// the word begins with ("kirjastoissa" → "kirjasto"), and — as the reader types — every stem that begins
// with the word. Case- and accent-insensitive ("paatos" finds "päätös"). A word that finds nothing
// is tried with one letter wrong, missing or doubled, and offered ("Tarkoititko: kulttuuri?").
// Every query word must be found; title hits rank above summary and facts, those above the body, newer
// first among ties. No dependencies.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var input = document.getElementById("search-query");
  var other = document.getElementById("search-other");
  var status = form.querySelector(".search-status");
  var suggestion = form.querySelector(".search-suggestion");
  var list = form.querySelector(".search-results");
  var cache = {};
  var weights = { a: 8, b: 4, c: 1 }; // title; summary, terms and facts; body
  var shown = 50;

  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return normalize(text || "").split(/[^a-z0-9]+/).filter(Boolean);
  }
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); }).then(prepare);
    }
    return cache[url];
  }
  // Each item's stems as sets, and the site's stems (with how many items have each) for the lookups.
  function prepare(data) {
    var counts = {};
    data.items.forEach(function (item) {
      item.stems = {};
      ["a", "b", "c"].forEach(function (field) {
        (item[field] ? item[field].split(" ") : []).forEach(function (stem) {
          item.stems[stem] = field;
          counts[stem] = (counts[stem] || 0) + 1;
        });
      });
    });
    var stems = Object.keys(counts).sort();
    return { items: data.items, forms: data.f || {}, counts: counts, stems: stems };
  }
  // The stems a typed word stands for in one index; `typing` adds every stem that begins with it.
  function lookup(index, word, typing) {
    var found = {};
    if (index.forms[word]) found[index.forms[word]] = true;
    if (index.counts[word]) found[word] = true;
    stemsNear(index.stems, word).forEach(function (stem) { found[stem] = true; });
    var starts = typing && word.length >= 3 ? [word] : [];
    // Finnish nouns in -s grow a k before their endings: "päätös" → "päätöksen", "kysymys" → "kysymyksen".
    if (word.length >= 5 && word.slice(-1) === "s") starts.push(word.slice(0, -1) + "ks");
    starts.forEach(function (start) {
      var i = lowerBound(index.stems, start);
      while (i < index.stems.length && index.stems[i].indexOf(start) === 0) found[index.stems[i++]] = true;
    });
    return Object.keys(found);
  }
  // The site's stems that a whole typed word may be an inflection of: they share its first letters (at
  // least four, and all but at most six letters of ending: "kaupung|eissa", "städ|ernas") and go beyond
  // them by at most one letter that may change into the word's (vowel changes, gradation, -s nouns: "nuor|e" for
  // "nuor|ille", "kaupun|k" for "kaupun|geissa"; "päät|ös" is not "päät|täjien", "strä|v" not "stra|tegier").
  // Kept in step with SiteRenderer.browserStems.
  function isVowel(letter) { return "aeiouy".indexOf(letter) >= 0; }
  // Whether a stem's last letter may stand where the word has `found`: a vowel for a vowel, k, p, t or s
  // for a consonant ("kult|t" is not "kult|uuri").
  function changes(letter, found) {
    if (found === undefined) return true;
    return isVowel(letter) ? isVowel(found) : "kpts".indexOf(letter) >= 0 && !isVowel(found);
  }
  function stemsNear(stems, word) {
    var shared = Math.max(4, word.length - 6);
    if (word.length < shared) return [];
    var start = word.slice(0, shared), result = [];
    for (var i = lowerBound(stems, start); i < stems.length && stems[i].indexOf(start) === 0; i++) {
      var stem = stems[i], common = shared;
      while (common < stem.length && common < word.length && stem[common] === word[common]) common++;
      if (stem.length === common || stem.length === common + 1 && changes(stem[common], word[common])) result.push(stem);
    }
    return result;
  }
  function lowerBound(sorted, value) {
    var low = 0, high = sorted.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (sorted[middle] < value) low = middle + 1; else high = middle;
    }
    return low;
  }
  // Whether two words differ by one letter changed, left out, added or doubled, or two letters swapped.
  function oneEditApart(a, b) {
    if (a === b || Math.abs(a.length - b.length) > 1) return false;
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    if (a.length === b.length) {
      return a.slice(i + 1) === b.slice(i + 1) || a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
  }
  // The word the reader probably meant: a stem of the site one edit from the start of `word`, with the
  // rest of `word` as its ending ("bibliotken" → "bibliotek|en", "kultuuri" → "kulttuur|i"), or an
  // inflected form one edit from the whole word; of several, the one most items have.
  function correction(index, word, shortest) {
    if (word.length < 4) return null;
    var best = null, bestCount = 0;
    function consider(candidate, stem) {
      var count = index.counts[stem] || 0;
      if (count > bestCount) { best = candidate; bestCount = count; }
    }
    index.stems.forEach(function (stem) {
      if (stem.length < Math.max(4, shortest)) return;
      for (var cut = stem.length - 1; cut <= stem.length + 1; cut++) {
        if (cut > word.length || word.length - cut > 6) continue;
        if (oneEditApart(stem, word.slice(0, cut))) consider(stem + word.slice(cut), stem);
      }
    });
    Object.keys(index.forms).forEach(function (form) {
      if (oneEditApart(form, word)) consider(form, index.forms[form]);
    });
    return best;
  }
  // Points of an item for the query's stems (one list per word), 0 when a word is missing from it.
  function score(item, stemLists) {
    var total = 0;
    for (var w = 0; w < stemLists.length; w++) {
      var best = 0;
      stemLists[w].forEach(function (stem) {
        var field = item.stems[stem];
        if (field && weights[field] > best) best = weights[field];
      });
      if (!best) return 0;
      total += best;
    }
    return total;
  }
  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // A passage of the summary or the body's start around the first matched word, matched words marked.
  function excerpt(item, stemLists) {
    var stems = [].concat.apply([], stemLists);
    function matches(word) {
      var folded = normalize(word);
      return folded.length > 0 && stems.some(function (stem) { return folded.indexOf(stem) === 0; });
    }
    var texts = [item.s, item.x].filter(Boolean);
    for (var t = 0; t < texts.length; t++) {
      var parts = texts[t].split(/([^\p{L}\p{N}]+)/u);
      var first = -1;
      for (var p = 0; p < parts.length; p++) if (p % 2 === 0 && matches(parts[p])) { first = p; break; }
      if (first < 0 && t < texts.length - 1) continue;
      if (first < 0) first = 0;
      var from = Math.max(0, first - 16), to = Math.min(parts.length, first + 40);
      if (from % 2) from--;
      var paragraph = element("p", "summary");
      if (from > 0) paragraph.appendChild(document.createTextNode("… "));
      for (var q = from; q < to; q++) {
        if (q % 2 === 0 && matches(parts[q])) paragraph.appendChild(element("mark", "", parts[q]));
        else paragraph.appendChild(document.createTextNode(parts[q]));
      }
      if (to < parts.length) paragraph.appendChild(document.createTextNode(" …"));
      return paragraph;
    }
    return null;
  }
  function show(query, hits, total, offered) {
    list.textContent = "";
    hits.forEach(function (hit) {
      var item = hit.item;
      var entry = element("li", "search-result");
      var heading = element("h2", "search-result-title");
      var link = element("a", "", item.t);
      link.href = item.u;
      heading.appendChild(link);
      entry.appendChild(heading);
      entry.appendChild(element("p", "meta", [item.y, item.d, item.p].filter(Boolean).join(" · ")));
      var passage = excerpt(item, hit.stemLists);
      if (passage) entry.appendChild(passage);
      list.appendChild(entry);
    });
    var template = !total ? status.getAttribute("data-none")
      : total > shown ? status.getAttribute("data-many") : status.getAttribute("data-found");
    status.textContent = template.replace("{n}", String(Math.min(total, shown))).replace("{q}", "“" + query + "”");
    suggestion.textContent = "";
    if (offered) {
      var button = element("button", "link-button", offered);
      button.type = "button";
      button.addEventListener("click", function () { input.value = offered; run(true); });
      var text = suggestion.getAttribute("data-template").split("{w}");
      suggestion.appendChild(document.createTextNode(text[0]));
      suggestion.appendChild(button);
      suggestion.appendChild(document.createTextNode(text[1] || ""));
    }
  }
  // `typing`: the reader is still typing, so the last word may be the start of one.
  function run(remember, typing) {
    var query = input.value.trim();
    var terms = words(query);
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    if (other.checked) { url.searchParams.set("other", "1"); } else { url.searchParams.delete("other"); }
    if (url.toString() !== window.location.href) {
      if (remember) window.history.pushState(null, "", url.toString());
      else window.history.replaceState(null, "", url.toString());
    }
    if (!terms.length) { list.textContent = ""; status.textContent = ""; suggestion.textContent = ""; return; }
    var sources = [form.getAttribute("data-source")];
    if (other.checked) sources.push(form.getAttribute("data-other-source"));
    Promise.all(sources.map(load)).then(function (indexes) {
      var hits = [];
      var corrected = terms.slice();
      var offered = false;
      indexes.forEach(function (index) {
        var stemLists = terms.map(function (word, w) {
          var stems = lookup(index, word, typing && w === terms.length - 1);
          // Found stems that explain little of a long word ("kult" of "kultuuri") may be a typo's
          // chance matches: a correction that explains much more of it is taken instead.
          var explained = index.forms[word] ? word.length : stems.reduce(function (most, stem) {
            var common = 0;
            while (common < stem.length && stem[common] === word[common]) common++;
            return Math.max(most, common);
          }, 0);
          if (stems.length && explained > word.length - 4 || word.length < 4) return stems;
          var fix = correction(index, word, stems.length ? explained + 2 : 0);
          if (!fix) return stems;
          corrected[w] = fix;
          offered = true;
          return lookup(index, fix, false);
        });
        index.items.forEach(function (item, order) {
          var points = score(item, stemLists);
          if (points) hits.push({ item: item, points: points, order: order, stemLists: stemLists });
        });
      });
      hits.sort(function (a, b) { return b.points - a.points || a.order - b.order; });
      show(query, hits.slice(0, shown), hits.length, offered ? corrected.join(" ") : null);
    });
  }

  form.hidden = false;
  var notice = document.getElementById("search-nojs");
  if (notice) notice.hidden = true;
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    other.checked = params.get("other") === "1";
  }
  fromAddress();
  form.addEventListener("submit", function (event) { event.preventDefault(); run(true); });
  other.addEventListener("change", function () { run(true); });
  window.addEventListener("popstate", function () { fromAddress(); run(false); });
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(false, true); }, 150); });
  if (input.value) run(false);
})();
