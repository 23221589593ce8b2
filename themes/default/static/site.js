// The site's own script, dependency-free; the site works without it.
// 1. Text size control: the buttons appear only when this script runs; the choice is remembered and the
//    current size is shown beside them.
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "tietopankki-text-size";
  var sizes = ["", "text-size-1", "text-size-2", "text-size-3"];
  var percents = [100, 125, 150, 200];
  function current() {
    var stored = parseInt(window.localStorage ? localStorage.getItem(key) || "0" : "0", 10);
    return isNaN(stored) ? 0 : Math.max(0, Math.min(sizes.length - 1, stored));
  }
  function apply(level) {
    sizes.forEach(function (name) { if (name) root.classList.remove(name); });
    if (sizes[level]) root.classList.add(sizes[level]);
    try { localStorage.setItem(key, String(level)); } catch (e) { /* private mode */ }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      var step = button.getAttribute("data-text-size");
      button.setAttribute("aria-pressed", step === "0" && level === 0 ? "true" : "false");
      var atLimit = (step === "-1" && level === 0) || (step === "1" && level === sizes.length - 1);
      if (atLimit) button.setAttribute("aria-disabled", "true"); else button.removeAttribute("aria-disabled");
    });
    document.querySelectorAll(".text-size .current-size").forEach(function (label) {
      label.textContent = percents[level] + "\u00a0%";
    });
  }
  apply(current());
  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".text-size");
    if (!group) return;
    group.hidden = false;
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-text-size]");
      if (!button) return;
      var step = parseInt(button.getAttribute("data-text-size"), 10);
      apply(step === 0 ? 0 : Math.max(0, Math.min(sizes.length - 1, current() + step)));
    });
    apply(current());
  });
})();

// 2. The header menu: without this script it is a <details> disclosure. With it, the summary gives way
//    to a button with aria-expanded and aria-controls (focus stays on it, as
//    for any disclosure); Escape closes the menu and puts focus back on the
//    button. Wide screens show the panel whatever the button says (CSS).
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var details = document.getElementById("site-nav");
    var panel = document.getElementById("site-nav-panel");
    if (!details || !panel) return;
    var summary = details.querySelector("summary");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "menu-toggle";
    button.setAttribute("aria-controls", panel.id);
    button.textContent = summary.textContent;
    summary.parentNode.insertBefore(button, summary.nextSibling);
    details.open = true;
    summary.hidden = true;
    document.documentElement.classList.add("js-menu");
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.classList.toggle("is-collapsed", !open);
    }
    set(false);
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || button.getAttribute("aria-expanded") !== "true") return;
      if (window.getComputedStyle(button).display === "none") return;
      set(false);
      button.focus();
    });
  });
})();
