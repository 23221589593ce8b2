// Search over the build's index, cut for the network (see SiteRenderer+Search.swift): the language's
// entry file (shard keys, item count, filter vocabularies), then the word shards of the typed words'
// prefixes, then the result records shown and — when there are more results than one screen and the
// reader filters them — the items' filter codes. The build stems every word a reader can see on an item
// page with Snowball's Finnish or Swedish stemmer and adds Voikko's Finnish base forms; this script,
// which has no stemmer, finds a typed word's stems by lookup: the word's own entry among the site's
// inflected forms (`f` and `g` of its shard), the stems the word begins with ("kirjastoissa" →
// "kirjasto"), for a Finnish word the site does not have also with a consonant in the weak grade
// ("tallenteesta" → "tallenne"), and — as the reader types — every stem that begins with the word. Case- and
// accent-insensitive ("paatos" finds "päätös"). A word that finds nothing is tried with one letter
// wrong, missing or doubled among the words fetched, and offered ("Tarkoititko: kulttuuri?").
// Every query word must be found; title hits rank above summary and facts, those above the body, newer
// first among ties. Filters by type, region and theme count the whole result set. No dependencies.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !String.prototype.normalize || !window.Promise) return;
  var input = document.getElementById("search-query");
  var other = document.getElementById("search-other");
  var status = form.querySelector(".search-status");
  var suggestion = form.querySelector(".search-suggestion");
  var list = form.querySelector(".search-results");
  var filterBox = document.getElementById("search-filters");
  var more = document.getElementById("search-more");
  var selects = { type: document.getElementById("search-type"), region: document.getElementById("search-region"),
    theme: document.getElementById("search-theme") };
  var dimensions = ["type", "region", "theme"];
  var weights = [8, 4, 1]; // title; summary, terms and facts; body
  var page = 10;
  var sources = {};
  var current = null; // the last query's results
  var runs = 0;

  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return normalize(text || "").split(/[^a-z0-9]+/).filter(Boolean);
  }
  function getJSON(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.json();
    });
  }

  // One language's index: what has been fetched of it so far.
  function source(url) {
    if (!sources[url]) {
      var base = url.replace(/[^\/]*$/, "");
      // Maps keyed by words have no prototype, so a word like "constructor" is not taken for a known one.
      var index = { base: base, keys: Object.create(null), shards: Object.create(null), postings: Object.create(null),
        forms: Object.create(null), known: Object.create(null), passages: Object.create(null), stems: [], records: {},
        codes: null };
      index.entry = getJSON(url).then(function (entry) {
        index.info = entry;
        entry.s.forEach(function (key) { index.keys[key] = true; });
        return index;
      });
      sources[url] = index;
    }
    return sources[url].entry;
  }
  // The stems the fetched shards name for an inflected form (`f` or `g`); none for an unknown word.
  function namedStems(index, form) {
    return index.forms[form] || index.known[form] || [];
  }
  // The shard key a string belongs to: the longest key it begins with.
  function owner(index, text) {
    for (var n = text.length; n > 0; n--) if (index.keys[text.slice(0, n)]) return text.slice(0, n);
    return null;
  }
  // Every shard holding strings that begin with `prefix`.
  function covering(index, prefix) {
    var found = [], first = owner(index, prefix);
    if (first) found.push(first);
    index.info.s.forEach(function (key) { if (key.length > prefix.length && key.indexOf(prefix) === 0) found.push(key); });
    return found;
  }
  function loadShards(index, keys) {
    return Promise.all(keys.filter(Boolean).map(function (key) {
      if (!index.shards[key]) {
        index.shards[key] = getJSON(index.base + "s/" + key + ".json").then(function (shard) {
          Object.keys(shard.w).forEach(function (stem) { index.postings[stem] = shard.w[stem]; });
          Object.keys(shard.f).forEach(function (form) { index.forms[form] = shard.f[form].split(" "); });
          Object.keys(shard.g).forEach(function (form) { index.known[form] = shard.g[form].split(" "); });
          Object.keys(shard.e).forEach(function (stem) {
            var list = shard.e[stem];
            for (var i = 0; i < list.length; i += 3) {
              (index.passages[list[i]] = index.passages[list[i]] || []).push({ stem: stem, word: list[i + 1], text: list[i + 2] });
            }
          });
          index.stems = null; // sorted again when next asked for (`sortedStems`), not once per shard
        });
      }
      return index.shards[key];
    }));
  }
  function loadRecords(index, ids) {
    var size = index.info.r;
    return Promise.all(ids.map(function (id) {
      var file = Math.floor(id / size);
      if (!index.records[file]) index.records[file] = getJSON(index.base + "r/" + file + ".json");
      return index.records[file].then(function (records) { return records[id % size]; });
    }));
  }
  function loadCodes(index) {
    if (!index.codes) {
      index.codes = getJSON(index.base + "codes.json").then(function (codes) {
        var info = index.info, items = [];
        for (var i = 0; i < info.n; i++) {
          var number = 0;
          for (var d = 0; d < codes.w; d++) number = number * 64 + digit64(codes.c.charCodeAt(i * codes.w + d));
          items.push(number);
        }
        var combinations = codes.k.map(function (c) {
          return { type: info.types[c[0]][0], region: c[1].map(function (r) { return info.regions[r][0]; }),
            theme: c[2].map(function (h) { return info.themes[h][0]; }) };
        });
        return function (id) { return combinations[items[id]]; };
      });
    }
    return index.codes;
  }
  function digit64(code) {
    if (code >= 48 && code <= 57) return code - 48;
    if (code >= 97 && code <= 122) return code - 87;
    if (code >= 65 && code <= 90) return code - 29;
    return code === 45 ? 62 : 63;
  }
  // Postings: per item `(gap - 1) * 3 + field` in base 32, the last digit from 0–v, those before from
  // w–z, A–Z, -, _ (SearchShards.encode).
  function decode(text, visit) {
    var value = 0, previous = -1;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i), final = true, d;
      if (code >= 48 && code <= 57) d = code - 48;
      else if (code >= 97 && code <= 118) d = code - 87;
      else {
        final = false;
        d = code >= 119 && code <= 122 ? code - 119 : code >= 65 && code <= 90 ? code - 61 : code === 45 ? 30 : 31;
      }
      value = value * 32 + d;
      if (final) {
        var item = previous + 1 + Math.floor(value / 3);
        visit(item, value % 3);
        previous = item;
        value = 0;
      }
    }
  }
  function count(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code >= 48 && code <= 57 || code >= 97 && code <= 118) n++;
    }
    return n;
  }

  // The stems of the shards fetched, sorted.
  function sortedStems(index) {
    if (!index.stems) index.stems = Object.keys(index.postings).sort();
    return index.stems;
  }
  // The stems a typed word stands for among the shards fetched; `typing` adds every stem that begins with it.
  function lookup(index, word, typing) {
    var found = {};
    namedStems(index, word).forEach(function (stem) { found[stem] = true; });
    if (index.postings[word]) found[word] = true;
    var sorted = sortedStems(index);
    stemsNear(sorted, word).forEach(function (stem) { found[stem] = true; });
    // A Finnish word the site does not have may be the strong grade of a stem it has in the weak one:
    // "tallenteesta" of "tallenne", "kaupunkeihin" of "kaupungit".
    if (index.info.l === "fi" && !namedStems(index, word).length && index.postings[word] === undefined) {
      weakGrades(word).forEach(function (variant) {
        stemsNear(sorted, variant).forEach(function (stem) { found[stem] = true; });
      });
    }
    var starts = typing && word.length >= 3 ? [word] : [];
    // Finnish nouns in -s grow a k before their endings: "päätös" → "päätöksen", "kysymys" → "kysymyksen".
    if (word.length >= 5 && word.slice(-1) === "s") starts.push(word.slice(0, -1) + "ks");
    starts.forEach(function (start) {
      var i = lowerBound(sorted, start);
      while (i < sorted.length && sorted[i].indexOf(start) === 0) found[sorted[i++]] = true;
    });
    return Object.keys(found);
  }
  // A word's stems, fetching what they need: the word's own shard (and its -ks form's), the shards of the
  // stems its form names, and — for a word the site does not have — the shards of its first letters.
  function resolve(index, word, typing) {
    var first = [owner(index, word)];
    if (word.length >= 5 && word.slice(-1) === "s") first.push(owner(index, word.slice(0, -1) + "ks"));
    return loadShards(index, first).then(function () {
      var named = namedStems(index, word).map(function (stem) { return owner(index, stem); });
      var known = namedStems(index, word).length > 0 || index.postings[word] !== undefined;
      var near = known || word.length < 4 ? [] : covering(index, word.slice(0, Math.max(4, word.length - 6)));
      return loadShards(index, named.concat(near));
    }).then(function () {
      return lookup(index, word, typing).filter(function (stem) { return index.postings[stem] !== undefined; });
    });
  }
  // The word with one consonant after its first four letters in the weak grade ("nt" → "nn", "kk" → "k", "t" → "d"…),
  // after a vowel; mirrors the gradations of SearchWords.weakGrade.
  var gradations = [["nk", "ng"], ["mp", "mm"], ["lt", "ll"], ["rt", "rr"], ["nt", "nn"], ["ht", "hd"], ["kk", "k"],
    ["pp", "p"], ["tt", "t"], ["lk", "l"], ["rk", "r"], ["hk", "h"], ["p", "v"], ["t", "d"]];
  function weakGrades(word) {
    var variants = [];
    for (var i = 4; i < word.length - 1; i++) {
      if (!isVowel(word[i - 1])) continue;
      gradations.forEach(function (pair) {
        if (word.substr(i, pair[0].length) === pair[0] && i + pair[0].length < word.length) {
          variants.push(word.slice(0, i) + pair[1] + word.slice(i + pair[0].length));
        }
      });
    }
    return variants;
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
  // The word the reader probably meant, among the shards fetched: a stem one edit from the start of
  // `word`, with the rest of `word` as its ending ("bibliotken" → "bibliotek|en", "kultuuri" →
  // "kulttuur|i"), or an inflected form one edit from the whole word; of several, the one most items have.
  function correction(index, word, shortest) {
    if (word.length < 4) return null;
    var best = null, bestCount = 0;
    function consider(candidate, stem) {
      var n = index.postings[stem] ? count(index.postings[stem]) : 0;
      if (n > bestCount) { best = candidate; bestCount = n; }
    }
    sortedStems(index).forEach(function (stem) {
      if (stem.length < Math.max(4, shortest)) return;
      for (var cut = stem.length - 1; cut <= stem.length + 1; cut++) {
        if (cut > word.length || word.length - cut > 6) continue;
        if (oneEditApart(stem, word.slice(0, cut))) consider(stem + word.slice(cut), stem);
      }
    });
    Object.keys(index.forms).forEach(function (form) {
      if (oneEditApart(form, word)) consider(form, index.forms[form][0]);
    });
    return best;
  }
  // A word's stems in one index, or a correction's: found stems that explain little of a long word
  // ("kult" of "kultuuri") may be a typo's chance matches, and a correction that explains more is taken.
  function stemsFor(index, word, typing) {
    return resolve(index, word, typing).then(function (stems) {
      var explained = index.forms[word] ? word.length : stems.reduce(function (most, stem) {
        var common = 0;
        while (common < stem.length && stem[common] === word[common]) common++;
        return Math.max(most, common);
      }, 0);
      if (stems.length && explained > word.length - 4 || word.length < 4) return { stems: stems };
      var fix = correction(index, word, stems.length ? explained + 2 : 0);
      if (!fix) return { stems: stems };
      return resolve(index, fix, false).then(function (fixed) { return { stems: fixed, fix: fix }; });
    });
  }
  // Each item's points for the query (the best field of each word, summed), only items with every word.
  function score(index, stemLists) {
    var points = null;
    stemLists.forEach(function (stems) {
      var best = {};
      stems.forEach(function (stem) {
        decode(index.postings[stem], function (item, field) {
          if (!(best[item] >= weights[field])) best[item] = weights[field];
        });
      });
      if (points === null) { points = best; return; }
      var both = {};
      Object.keys(points).forEach(function (item) { if (best[item]) both[item] = points[item] + best[item]; });
      points = both;
    });
    return points || {};
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  // Whether a word of a record is one the query matched: it begins with a matched stem, or the fetched
  // shards name its form with one ("Turun" for "Turussa": both are Voikko's "turku").
  function matcher(stems, index) {
    return function (word) {
      var folded = normalize(word);
      if (folded.length === 0) return false;
      if (stems.some(function (stem) { return folded.indexOf(stem) === 0; })) return true;
      var named = namedStems(index, folded);
      return named.some(function (stem) { return stems.indexOf(stem) >= 0; });
    };
  }
  // A text's words (even positions) and what separates them (odd positions).
  function split(text) { return text.split(/([^\p{L}\p{N}]+)/u); }
  // Appends parts[from..<to] to `node`, the matched words in <mark>, and the word that starts at
  // character `at` of the text (a passage's own word) too.
  function appendMarked(node, parts, from, to, matches, at) {
    for (var q = 0, offset = 0; q < to; offset += parts[q].length, q++) {
      if (q < from) continue;
      if (q % 2 === 0 && (offset === at || matches(parts[q]))) node.appendChild(element("mark", "", parts[q]));
      else node.appendChild(document.createTextNode(parts[q]));
    }
  }
  function firstMatch(parts, matches) {
    for (var p = 0; p < parts.length; p += 2) if (matches(parts[p])) return p;
    return -1;
  }
  // What a result shows of its text, matched words marked: the passage around the first match in the
  // summary or the body's start; else the passage the shards carry for a word deeper in the body (cut at
  // build time, "… " included); else the start of the body (or the summary).
  // A paragraph of `parts` from a few words before the word at `first` to a line's worth after it.
  function around(parts, first, matches) {
    var paragraph = element("p", "summary");
    var from = Math.max(0, first - 16), to = Math.min(parts.length, first + 40);
    if (from % 2) from--;
    if (from > 0) paragraph.appendChild(document.createTextNode("… "));
    appendMarked(paragraph, parts, from, to, matches);
    if (to < parts.length) paragraph.appendChild(document.createTextNode(" …"));
    return paragraph;
  }
  function excerpt(record, hit, matches) {
    var texts = [record.s, record.x].filter(Boolean);
    for (var t = 0; t < texts.length; t++) {
      var parts = split(texts[t]), first = firstMatch(parts, matches);
      if (first >= 0) return around(parts, first, matches);
    }
    // The passages the item has for the query's stems (its own word marked even where the script cannot
    // tell the word's form: "lasten" for "lapsille"), or for other stems if they show a matched word.
    var passages = hit.index.passages[hit.id] || [];
    for (var d = 0; d < passages.length; d++) {
      var passage = split(passages[d].text), own = hit.stems.indexOf(passages[d].stem) >= 0;
      if (!own && firstMatch(passage, matches) < 0) continue;
      var paragraph = element("p", "summary");
      appendMarked(paragraph, passage, 0, passage.length, matches, own ? passages[d].word : -1);
      return paragraph;
    }
    return texts.length ? around(split(texts[texts.length - 1]), 0, matches) : null;
  }
  function matchedTerms(record, info, matches) {
    function labels(keys, vocabulary) {
      return (keys || []).map(function (key) {
        for (var i = 0; i < vocabulary.length; i++) if (vocabulary[i][0] === key) return vocabulary[i][1];
        return null;
      });
    }
    return labels(record.g, info.regions).concat(labels(record.h, info.themes), record.a || [], record.c || []).filter(function (label) {
      return label && firstMatch(split(label), matches) >= 0;
    });
  }
  function entryFor(hit, record) {
    var entry = element("li", "search-result");
    var heading = element("h2", "search-result-title");
    var matches = matcher(hit.stems, hit.index);
    var link = element("a");
    var title = split(record.t);
    appendMarked(link, title, 0, title.length, matches);
    link.href = record.u;
    heading.appendChild(link);
    entry.appendChild(heading);
    // Type, date, place, and the item's regions, themes, tags and facts that the query matched (a hit
    // there shows in no excerpt), matched words marked.
    var meta = element("p", "meta");
    var facts = split([record.y, record.d, record.p].concat(matchedTerms(record, hit.index.info, matches)).filter(Boolean).join(" · "));
    appendMarked(meta, facts, 0, facts.length, matches);
    entry.appendChild(meta);
    var passage = excerpt(record, hit, matches);
    if (passage) entry.appendChild(passage);
    return entry;
  }

  // The filters chosen, from the address.
  function chosen() {
    var params = new URLSearchParams(window.location.search), choice = {};
    dimensions.forEach(function (d) { choice[d] = params.get(d) || ""; });
    return choice;
  }
  function passes(codes, choice, except) {
    return dimensions.every(function (d) {
      if (d === except || !choice[d]) return true;
      return d === "type" ? codes.type === choice[d] : codes[d].indexOf(choice[d]) >= 0;
    });
  }
  // Each filter lists the values the results have, counted over the results the other filters let through.
  function showFilters(hits, choice, labels) {
    filterBox.hidden = hits.length === 0;
    dimensions.forEach(function (d) {
      var counts = {}, total = 0;
      hits.forEach(function (hit) {
        if (!passes(hit.codes, choice, d)) return;
        total++;
        (d === "type" ? [hit.codes.type] : hit.codes[d]).forEach(function (key) { counts[key] = (counts[key] || 0) + 1; });
      });
      var select = selects[d];
      select.textContent = "";
      var all = element("option", "", select.getAttribute("data-all") + " (" + total + ")");
      all.value = "";
      select.appendChild(all);
      labels[d].forEach(function (pair) {
        if (!counts[pair[0]] && pair[0] !== choice[d]) return;
        var option = element("option", "", pair[1] + " (" + (counts[pair[0]] || 0) + ")");
        option.value = pair[0];
        select.appendChild(option);
      });
      select.value = choice[d];
    });
  }
  function showStatus(query, total, visible) {
    var text = !total ? status.getAttribute("data-none") : status.getAttribute("data-found");
    text = text.replace("{n}", String(total)).replace("{q}", "“" + query + "”");
    if (total > visible) text += " " + status.getAttribute("data-showing").replace("{n}", String(visible));
    status.textContent = text;
  }
  // Shows the results up to `upTo`, fetching their records; `focusFrom` moves focus to the first new one
  // (after "show more", which the reader asked for).
  function render(result, upTo, focusFrom) {
    var hits = result.filtered.slice(0, upTo);
    return Promise.all(hits.map(function (hit) { return loadRecords(hit.index, [hit.id]); })).then(function (records) {
      if (result !== current) return;
      list.textContent = "";
      var firstNew = null;
      hits.forEach(function (hit, position) {
        var entry = entryFor(hit, records[position][0]);
        list.appendChild(entry);
        if (position === focusFrom) firstNew = entry.querySelector("a");
      });
      result.shown = hits.length;
      more.hidden = result.filtered.length <= hits.length;
      showStatus(result.query, result.filtered.length, hits.length);
      if (firstNew) firstNew.focus();
    });
  }
  function clear() {
    current = null;
    list.textContent = "";
    status.textContent = "";
    suggestion.textContent = "";
    filterBox.hidden = true;
    more.hidden = true;
  }
  function offer(offered) {
    suggestion.textContent = "";
    if (!offered) return;
    var button = element("button", "link-button", offered);
    button.type = "button";
    button.addEventListener("click", function () { input.value = offered; run(true); });
    var text = suggestion.getAttribute("data-template").split("{w}");
    suggestion.appendChild(document.createTextNode(text[0]));
    suggestion.appendChild(button);
    suggestion.appendChild(document.createTextNode(text[1] || ""));
  }
  function address(query, choice) {
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    if (other.checked) { url.searchParams.set("other", "1"); } else { url.searchParams.delete("other"); }
    dimensions.forEach(function (d) {
      if (choice[d]) { url.searchParams.set(d, choice[d]); } else { url.searchParams.delete(d); }
    });
    return url.toString();
  }
  function remember(url, push) {
    if (url === window.location.href) return;
    if (push) window.history.pushState(null, "", url); else window.history.replaceState(null, "", url);
  }
  // Applies the filters in the address to the last results.
  function refilter(result) {
    var choice = chosen();
    result.filtered = result.hits.filter(function (hit) { return passes(hit.codes, choice); });
    showFilters(result.hits, choice, result.labels);
    return render(result, page);
  }

  // `typing`: the reader is still typing, so the last word may be the start of one.
  function run(push, typing, keepFilters) {
    var query = input.value.trim();
    var terms = words(query);
    var choice = keepFilters ? chosen() : { type: "", region: "", theme: "" };
    remember(address(query, choice), push);
    if (!terms.length) { clear(); return; }
    var ticket = ++runs;
    var urls = [form.getAttribute("data-source")];
    if (other.checked) urls.push(form.getAttribute("data-other-source"));
    Promise.all(urls.map(source)).then(function (indexes) {
      return Promise.all(indexes.map(function (index) {
        return Promise.all(terms.map(function (word, w) {
          return stemsFor(index, word, typing && w === terms.length - 1);
        })).then(function (found) { return { index: index, found: found }; });
      }));
    }).then(function (perIndex) {
      if (ticket !== runs) return;
      var hits = [], corrected = terms.slice(), offered = false;
      perIndex.forEach(function (part, language) {
        part.found.forEach(function (f, w) { if (f.fix) { corrected[w] = f.fix; offered = true; } });
        var stemLists = part.found.map(function (f) { return f.stems; });
        var stems = [].concat.apply([], stemLists);
        var points = score(part.index, stemLists);
        Object.keys(points).forEach(function (id) {
          hits.push({ index: part.index, id: Number(id), points: points[id], language: language, stems: stems });
        });
      });
      hits.sort(function (a, b) { return b.points - a.points || b.id - a.id || a.language - b.language; });
      var own = perIndex[0].index.info;
      var result = { query: query, hits: hits, labels: { type: own.types, region: own.regions, theme: own.themes } };
      result.indexes = perIndex.map(function (part) { return part.index; });
      current = result;
      offer(offered ? corrected.join(" ") : null);
      // The filters need every result's codes: from the records when all the results are on the first
      // screen; else from the codes files, fetched only when a filter is in use or the reader opens the
      // filters (at 20,000 files they would be half of a query's bytes).
      var choice = chosen();
      if (hits.length > page && !filterBox.open && !dimensions.some(function (d) { return choice[d]; })) {
        result.filtered = hits;
        emptyFilters(hits);
        return render(result, page);
      }
      return withCodes(result).then(function () { if (result === current) return refilter(result); });
    });
  }
  // Gives each hit of `result` its filter codes (once).
  function withCodes(result) {
    if (!result.codes) {
      var hits = result.hits;
      result.codes = hits.length <= page
        ? Promise.all(hits.map(function (hit) {
          return loadRecords(hit.index, [hit.id]).then(function (records) {
            var r = records[0];
            hit.codes = { type: r.k, region: r.g || [], theme: r.h || [] };
          });
        }))
        : Promise.all(result.indexes.map(loadCodes)).then(function (lookups) {
          hits.forEach(function (hit) { hit.codes = lookups[hit.language](hit.id); });
        });
    }
    return result.codes;
  }
  // The filters before the codes are in: closed, each with its "all" choice only.
  function emptyFilters(hits) {
    filterBox.hidden = hits.length === 0;
    dimensions.forEach(function (d) {
      var select = selects[d];
      select.textContent = "";
      var all = element("option", "", select.getAttribute("data-all") + " (" + hits.length + ")");
      all.value = "";
      select.appendChild(all);
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
  other.addEventListener("change", function () { run(true, false, true); });
  dimensions.forEach(function (d) {
    selects[d].addEventListener("change", function () {
      var choice = chosen();
      choice[d] = selects[d].value;
      remember(address(input.value.trim(), choice), true);
      var result = current;
      if (result) withCodes(result).then(function () { if (result === current) refilter(result); });
    });
  });
  filterBox.addEventListener("toggle", function () {
    var result = current;
    if (!filterBox.open || !result) return;
    withCodes(result).then(function () {
      if (result === current) showFilters(result.hits, chosen(), result.labels);
    });
  });
  more.addEventListener("click", function () {
    if (current) render(current, current.shown + page, current.shown);
  });
  window.addEventListener("popstate", function () { fromAddress(); run(false, false, true); });
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(false, true); }, 150); });
  if (input.value) run(false, false, true);
})();
