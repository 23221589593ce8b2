// Instant filtering of the knowledge bank by type, region, theme and tag, from the build's JSON; the
// results are cards like the site's own (type, date — for events their time and place — and regions).
// Without JavaScript the page offers the same ways in as plain links; once this runs they are hidden.
(function () {
  "use strict";
  var form = document.getElementById("browse-filter");
  if (!form || !window.fetch) return;
  var selects = {
    type: document.getElementById("filter-type"),
    region: document.getElementById("filter-region"),
    theme: document.getElementById("filter-theme"),
    tag: document.getElementById("filter-tag")
  };
  var status = form.querySelector(".filter-status");
  var list = form.querySelector(".filter-results");
  var data;

  function labels(pairs) {
    var map = {};
    pairs.forEach(function (pair) { map[pair[0]] = pair[1]; });
    return map;
  }
  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function matches(item, key, value) {
    return !value || (item[key] || []).indexOf(value) !== -1;
  }
  function render() {
    var chosen = {};
    Object.keys(selects).forEach(function (name) { chosen[name] = selects[name].value; });
    var url = new URL(window.location.href);
    Object.keys(chosen).forEach(function (name) {
      if (chosen[name]) { url.searchParams.set(name, chosen[name]); } else { url.searchParams.delete(name); }
    });
    window.history.replaceState(null, "", url.toString());
    var types = labels(data.types), regions = labels(data.regions);
    var found = data.items.filter(function (item) {
      return (!chosen.type || item.y === chosen.type) && matches(item, "r", chosen.region) &&
        matches(item, "h", chosen.theme) && matches(item, "g", chosen.tag);
    });
    list.textContent = "";
    found.slice(0, 100).forEach(function (item) {
      var entry = element("li", "card" + (item.y === "event" ? " card-event" : ""));
      var article = element("article");
      var heading = element("h2", "card-title");
      var link = element("a", "", item.t);
      link.href = item.u;
      heading.appendChild(link);
      article.appendChild(heading);
      var meta = element("p", "card-meta");
      meta.appendChild(item.e ? element("span", "badge", item.e) : element("span", "card-type", types[item.y]));
      if (item.d) meta.appendChild(element("span", item.e ? "card-when" : "card-date", " " + item.d));
      var place = item.p || (item.r || []).map(function (key) { return regions[key]; }).filter(Boolean).join(", ");
      if (place) meta.appendChild(element("span", "card-place", " · " + place));
      article.appendChild(meta);
      entry.appendChild(article);
      list.appendChild(entry);
    });
    status.textContent = status.getAttribute("data-template").replace("{n}", String(found.length));
  }

  fetch(form.getAttribute("data-source")).then(function (response) { return response.json(); }).then(function (json) {
    data = json;
    data.tags.forEach(function (pair) {
      var option = element("option", "", pair[1]);
      option.value = pair[0];
      selects.tag.appendChild(option);
    });
    var params = new URLSearchParams(window.location.search);
    Object.keys(selects).forEach(function (name) {
      if (params.get(name)) selects[name].value = params.get(name);
      selects[name].addEventListener("change", render);
    });
    form.hidden = false;
    var lists = document.querySelector(".browse-static");
    if (lists) lists.hidden = true;
    render();
  });
})();
