// Search over the build's JSON index. Case- and accent-insensitive ("paatos" finds "päätös"); every query
// word must begin some word of the item ("kulttuuri" finds "kulttuuripalvelut"). No dependencies.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form || !window.fetch || !String.prototype.normalize) return;
  var input = document.getElementById("search-query");
  var other = document.getElementById("search-other");
  var status = form.querySelector(".search-status");
  var list = form.querySelector(".search-results");
  var cache = {};
  var weights = [8, 4, 2, 1]; // title, terms, summary, body

  function normalize(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  function words(text) {
    return normalize(text || "").split(/[^a-z0-9]+/).filter(Boolean);
  }
  function prepare(item) {
    item.fields = [words(item.t), words((item.k || []).join(" ")), words(item.s), words(item.x)];
    return item;
  }
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (response) { return response.json(); })
        .then(function (data) { return data.items.map(prepare); });
    }
    return cache[url];
  }
  // Finnish inflection changes the end of a stem ("päätös" → "päätöksen", "kunta" → "kunnan"): besides the
  // word itself, also try it without its last vowel or s, and with the common consonant gradations undone.
  var gradations = [["nt", "nn"], ["nk", "ng"], ["mp", "mm"], ["lt", "ll"], ["rt", "rr"], ["tt", "t"], ["kk", "k"], ["pp", "p"]];
  function stems(term) {
    var result = [];
    if (term.length < 5 || !/[aeiouys]$/.test(term)) return result;
    var base = term.slice(0, -1);
    result.push(base);
    gradations.forEach(function (pair) {
      if (base.slice(-pair[0].length) === pair[0]) result.push(base.slice(0, -pair[0].length) + pair[1]);
    });
    return result.filter(function (stem) { return stem.length >= 4; });
  }
  function fieldHas(words, prefixes) {
    return words.some(function (word) {
      return prefixes.some(function (prefix) { return word.indexOf(prefix) === 0; });
    });
  }
  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i++) {
      var best = 0;
      var variants = stems(terms[i]);
      for (var f = 0; f < item.fields.length; f++) {
        if (weights[f] > best && fieldHas(item.fields[f], [terms[i]])) best = weights[f];
        else if (weights[f] / 2 > best && variants.length && fieldHas(item.fields[f], variants)) best = weights[f] / 2;
      }
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
  function show(query, items) {
    list.textContent = "";
    items.forEach(function (item) {
      var entry = element("li", "search-result");
      var link = element("a", "", item.t);
      link.href = item.u;
      entry.appendChild(link);
      entry.appendChild(element("p", "meta", [item.y, item.d].filter(Boolean).join(" · ")));
      if (item.s) entry.appendChild(element("p", "summary", item.s));
      list.appendChild(entry);
    });
    var template = items.length ? status.getAttribute("data-found") : status.getAttribute("data-none");
    status.textContent = template.replace("{n}", String(items.length)).replace("{q}", "“" + query + "”");
  }
  function run() {
    var query = input.value.trim();
    var terms = words(query);
    var url = new URL(window.location.href);
    if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
    if (other.checked) { url.searchParams.set("other", "1"); } else { url.searchParams.delete("other"); }
    window.history.replaceState(null, "", url.toString());
    if (!terms.length) { list.textContent = ""; status.textContent = ""; return; }
    var sources = [form.getAttribute("data-source")];
    if (other.checked) sources.push(form.getAttribute("data-other-source"));
    Promise.all(sources.map(load)).then(function (sets) {
      var found = [];
      sets.forEach(function (items) {
        items.forEach(function (item) {
          var points = score(item, terms);
          if (points) found.push({ item: item, points: points });
        });
      });
      found.sort(function (a, b) { return b.points - a.points; });
      show(query, found.slice(0, 50).map(function (hit) { return hit.item; }));
    });
  }

  form.hidden = false;
  var notice = document.getElementById("search-nojs");
  if (notice) notice.hidden = true;
  var params = new URLSearchParams(window.location.search);
  input.value = params.get("q") || "";
  other.checked = params.get("other") === "1";
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  other.addEventListener("change", run);
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  if (input.value) run();
})();
