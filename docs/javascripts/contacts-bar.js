/* The "Worried about a child?" bar keeps its numbers on screen on phones and tablets.
 *
 * On a narrow screen (stylesheets/extra.css) the bar sticks to the top of the window once its
 * first part, the question and the front door's hours, has scrolled away: its numbers stay in
 * view, one tap from a call, with the theme's header just below them. How much of the bar scrolls
 * away depends on how its words wrap, so this measures it and tells the style sheet, again
 * whenever the bar changes size (the screen turns, the text is made larger):
 *   --worried-hide: the height of the part that scrolls away;
 *   --worried-keep: the height of the part that stays (the header and anchors go below it).
 * Without this script the bar simply scrolls away with the page.
 */
(function () {
  "use strict";
  var bar = document.querySelector('[data-md-component="announce"]');
  var numbers = bar && bar.querySelector(".worried__numbers");
  if (!numbers || !window.ResizeObserver) return;
  var root = document.documentElement.style;

  function measure() {
    var whole = bar.getBoundingClientRect();
    var keep = whole.bottom - numbers.getBoundingClientRect().top; // with the numbers' padding
    root.setProperty("--worried-keep", keep + "px");
    root.setProperty("--worried-hide", Math.max(0, whole.height - keep) + "px");
  }
  new ResizeObserver(measure).observe(bar);
})();
