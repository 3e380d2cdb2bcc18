/* Keyboard focus in the side bars and in wide tables stays in view (WCAG 2.2, 2.4.11 focus not
 * obscured).
 *
 * The theme scrolls the table of contents by itself (toc.follow): when the page scrolls, it
 * moves the contents so that the section being read is in the middle, a moment later and often
 * smoothly. When that happens just after the keyboard has moved focus into the contents (the
 * page scrolled as the reader tabbed backwards to the top of the page, and the next Shift+Tab
 * reached the last link of the contents), it carried the focused link out of the side bar's
 * scroll area, where no one can see it, and nothing brought it back. The theme also sets the side
 * bar's height as the page scrolls (shorter at the top of the page), which can do the same.
 *
 * So when a side bar's scroll area stops scrolling or changes size, if it holds the keyboard
 * focus and the focused element is not fully in view in it, the area scrolls just enough to show
 * it (only the area, never the page). Not after the reader's own scrolling (wheel, touch, scroll
 * bar or scrolling keys): the reader may scroll the contents away from the focus until it moves
 * again.
 * tests/test_browser_focus.py measures it in Chromium.
 */
(function () {
  "use strict";
  var AREA = ".md-sidebar__scrollwrap";
  var SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];
  var readerScrolled = false;

  function readerScrolls(event) {
    if (event.type !== "keydown" || SCROLL_KEYS.indexOf(event.key) >= 0) readerScrolled = true;
  }
  ["wheel", "touchmove", "pointerdown", "keydown"].forEach(function (type) {
    document.addEventListener(type, readerScrolls, { capture: true, passive: true });
  });
  document.addEventListener("focusin", function () {
    readerScrolled = false;
  });

  function keepFocusInView(area) {
    var focused = document.activeElement;
    if (readerScrolled || !area.matches || !area.matches(AREA)) return;
    if (!focused || !area.contains(focused) || !focused.matches(":focus-visible")) return;
    // The room the style sheet keeps for the focus ring (scroll-padding), as the browser does.
    var style = getComputedStyle(area);
    var view = area.getBoundingClientRect();
    var top = view.top + (parseFloat(style.scrollPaddingTop) || 0);
    var bottom = view.bottom - (parseFloat(style.scrollPaddingBottom) || 0);
    var box = focused.getBoundingClientRect();
    if (box.top < top) {
      area.scrollTop -= Math.ceil(top - box.top);
    } else if (box.bottom > bottom) {
      area.scrollTop += Math.ceil(Math.min(box.bottom - bottom, box.top - top));
    }
  }
  // A browser without scrollend checks after every step of the scrolling instead.
  var END = "onscrollend" in window ? "scrollend" : "scroll";
  document.addEventListener(
    END,
    function (event) {
      keepFocusInView(event.target);
    },
    true,
  );
  // A side bar's title (the site's name over the menu, "Contents" over the contents) stays at the
  // top of its scroll area as the area scrolls: a link scrolled into view just under the top was
  // under it. The area keeps the title's height free at its top (scroll-padding, which the browser
  // also uses when it scrolls a focused link into view), measured again when the title's size
  // changes (a longer name wraps on two lines).
  function keepRoomForTitle(area) {
    var title = area.querySelector(".md-nav__title");
    var style = title && getComputedStyle(title);
    var room = style && style.position === "sticky" && style.display !== "none" ? title.offsetHeight : 0;
    area.style.scrollPaddingTop = "calc(0.4rem + " + room + "px)";
  }
  // The theme also sets the side bars' height as the page scrolls: shorter at the top of the page.
  var resized = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var area = entry.target.closest(AREA);
      if (!area) return;
      keepRoomForTitle(area);
      keepFocusInView(area);
    });
  });
  document.querySelectorAll(AREA).forEach(function (area) {
    keepRoomForTitle(area);
    resized.observe(area);
    var title = area.querySelector(".md-nav__title");
    if (title) resized.observe(title);
  });
  // A table wider than a phone's screen scrolls sideways in its own area. When the keyboard
  // reaches a link cut off at that area's edge, the browser leaves it cut off (it scrolls only for
  // an element wholly out of view), so the area scrolls across just enough to show all of it and
  // its focus ring.
  var TABLE_AREA = ".md-typeset__scrollwrap";
  var RING = 4; // pixels: the focus ring drawn outside the element
  document.addEventListener("focusin", function (event) {
    var focused = event.target;
    var area = focused.closest && focused.closest(TABLE_AREA);
    if (!area || !focused.matches(":focus-visible")) return;
    var view = area.getBoundingClientRect();
    var box = focused.getBoundingClientRect();
    if (box.right + RING > view.right) {
      area.scrollLeft += Math.ceil(Math.min(box.right + RING - view.right, box.left - RING - view.left));
    } else if (box.left - RING < view.left) {
      area.scrollLeft -= Math.ceil(view.left - box.left + RING);
    }
  });
})();
