/* The "Worried about a child?" bar keeps its numbers on screen on phones and tablets.
 *
 * On a narrow screen (stylesheets/extra.css) the bar sticks to the top of the window once its
 * first part, the question and the front door's hours, has scrolled away: its numbers stay in
 * view, one tap from a call, with the theme's header just below them. How much of the bar scrolls
 * away depends on how its words wrap, so this measures it and tells the style sheet, again
 * whenever the bar or the header changes size (the screen turns, the text is made larger) or the
 * window does (the page is zoomed):
 *   --worried-hide: the height of the part that scrolls away;
 *   --worried-keep: the height of the part that stays (the header and anchors go below it);
 *   the class "worried-sticks" on the page: the bar sticks. Only while its numbers and the header
 *   together take at most a fifth of the window's height: with larger text, a zoomed page or a
 *   phone on its side they would cover a quarter to a half of it, so the bar scrolls away.
 * Without this script the bar simply scrolls away with the page. On a wide screen, where the bar
 * always scrolls away, the header shows the bar's three numbers once the bar is out of sight.
 */
(function () {
  "use strict";
  var MOST = 0.2; // of the window's height, for the numbers and the header together
  var bar = document.querySelector('[data-md-component="announce"]');
  var numbers = bar && bar.querySelector(".worried__numbers");
  var header = document.querySelector(".md-header");
  if (!numbers || !header || !window.ResizeObserver) return;
  var html = document.documentElement;
  var narrow = window.matchMedia("(max-width: 59.984375em)");

  function measure() {
    var whole = bar.getBoundingClientRect();
    var keep = whole.bottom - numbers.getBoundingClientRect().top; // with the numbers' padding
    html.style.setProperty("--worried-keep", keep + "px");
    html.style.setProperty("--worried-hide", Math.max(0, whole.height - keep) + "px");
    var covers = keep + header.getBoundingClientRect().height;
    html.classList.toggle("worried-sticks", narrow.matches && covers <= MOST * window.innerHeight);
  }
  var watch = new ResizeObserver(measure);
  watch.observe(bar);
  watch.observe(header);
  window.addEventListener("resize", measure);

  /* On a wide screen the bar scrolls away with the page (its numbers would cover the side bars'
   * tops). So once it is out of sight the theme's header, which stays, shows the bar's numbers,
   * each with its label: the front door, out of hours (councillors often read in the evening,
   * when the front door is closed) and immediate danger. They are the bar's links, copied: their
   * numbers and addresses come from data/contacts.yml like the bar's. They hide again when the
   * bar is back. The style sheet shows them only on a wide screen: on a narrow one the bar's
   * numbers stick. */
  var items = numbers.querySelectorAll(".worried__item");
  var inner = header.querySelector(".md-header__inner");
  var before = inner && inner.querySelector(".md-header__option, label[for='__search']");
  if (!items.length || !before || !window.IntersectionObserver) return;
  var copy = document.createElement("p");
  copy.className = "md-header__worried";
  var title = document.createElement("span");
  title.className = "md-header__worried-title";
  title.textContent = "Worried about a child? ";
  copy.appendChild(title);
  Array.prototype.forEach.call(items, function (item) {
    var tel = item.querySelector('a[href^="tel:"]');
    if (!tel) return;
    var part = document.createElement("span");
    part.className = "md-header__worried-item";
    part.appendChild(document.createTextNode(item.firstChild.textContent.trim() + " "));
    part.appendChild(tel.cloneNode(true));
    copy.appendChild(part);
  });
  inner.insertBefore(copy, before);
  new IntersectionObserver(function (entries) {
    html.classList.toggle("worried-gone", !entries[entries.length - 1].isIntersecting);
  }).observe(bar);
})();
