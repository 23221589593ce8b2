// Text size control: the buttons appear only when this script runs; the choice is remembered.
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "tietopankki-text-size";
  var sizes = ["", "text-size-1", "text-size-2", "text-size-3"];
  function current() {
    var stored = parseInt(window.localStorage ? localStorage.getItem(key) || "0" : "0", 10);
    return isNaN(stored) ? 0 : Math.max(0, Math.min(sizes.length - 1, stored));
  }
  function apply(level) {
    sizes.forEach(function (name) { if (name) root.classList.remove(name); });
    if (sizes[level]) root.classList.add(sizes[level]);
    try { localStorage.setItem(key, String(level)); } catch (e) { /* private mode */ }
    document.querySelectorAll("[data-text-size]").forEach(function (button) {
      button.setAttribute("aria-pressed", button.getAttribute("data-text-size") === "0" && level === 0 ? "true" : "false");
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
