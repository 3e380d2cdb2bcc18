/* Keyboard focus and the search panel, at phone width and when zoomed in (WCAG 2.2, 2.4.11).
 *
 * There, focusing the search box opens Material's search as a panel over the page, and Material
 * locks the page's scrolling while it is open (then, when it closes, scrolls back to where the
 * reader was). Tabbing on out of the search left the panel open and the page locked, so the
 * newly focused link could not be scrolled into view; and when the search closed, Material's
 * scroll back could carry the focused link off the screen again. So:
 * - when focus leaves the search, the search closes as Material closes it (its toggle, then a
 *   change event), which unlocks the page;
 * - when Material unlocks the page, the focused element is brought back into view if it is not.
 */
(function () {
  "use strict";
  var LOCK = "data-md-scrolllock";

  document.addEventListener("focusin", function (event) {
    var toggle = document.getElementById("__search");
    if (!toggle || !toggle.checked || !event.target.closest) return;
    if (event.target === toggle || event.target.closest(".md-search")) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });

  function inView(element) {
    var box = element.getBoundingClientRect();
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    return box.top >= top && box.bottom <= window.innerHeight;
  }

  new MutationObserver(function () {
    var focused = document.activeElement;
    if (document.body.hasAttribute(LOCK) || !focused || focused === document.body) return;
    if (!focused.closest(".md-header") && !inView(focused)) {
      focused.scrollIntoView({ block: "nearest" });
    }
  }).observe(document.body, { attributes: true, attributeFilter: [LOCK] });
})();
