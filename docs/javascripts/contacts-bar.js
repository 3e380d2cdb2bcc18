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
 * Where the menu is a drawer over the page (phones, tablets), its foot shows them too.
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

  var items = numbers.querySelectorAll(".worried__item");

  /* A copy of the bar's numbers, each with its label (the front door, out of hours, immediate
   * danger): the bar's links, cloned, so their numbers and addresses come from data/contacts.yml
   * like the bar's. `name` is the block's class; each part gets `name`-title and `name`-item.
   * `limits`: with the bar's words after a number that say when to call it ("only if it can't
   * wait"), where there is room for them. */
  function copyNumbers(tag, name, limits) {
    var copy = document.createElement(tag);
    copy.className = name;
    var title = document.createElement("span");
    title.className = name + "-title";
    title.textContent = "Worried about a child? ";
    copy.appendChild(title);
    Array.prototype.forEach.call(items, function (item) {
      var tel = item.querySelector('a[href^="tel:"]');
      if (!tel) return;
      var part = document.createElement("span");
      part.className = name + "-item";
      part.appendChild(document.createTextNode(item.firstChild.textContent.trim() + " "));
      part.appendChild(tel.cloneNode(true));
      var limit = limits && item.querySelector(".worried__limit");
      if (limit) part.appendChild(document.createTextNode(" " + limit.textContent.trim()));
      copy.appendChild(part);
    });
    return copy;
  }

  /* Where the menu is a drawer (narrower than 1,220 pixels), the open drawer covers the bar, and
   * a reader in the menu could no longer see a number to call (a usability review, 7 December
   * 2026). So the drawer's foot shows the bar's numbers, below the menu's scroll area, in view
   * whichever part of the menu is open. Only while they take at most a quarter of the drawer's
   * height: with larger text, a zoomed page or a phone on its side they would leave the menu
   * little or no room (a review of the change), and there, as the bar does, they give way (the
   * class "worried-in-drawer"; --worried-drawer: their height, for the style sheet). */
  var MOST_OF_DRAWER = 0.25;
  var drawer = document.querySelector(".md-sidebar--primary");
  if (items.length && drawer) {
    var foot = copyNumbers("div", "md-sidebar__worried", true);
    foot.setAttribute("role", "region");
    foot.setAttribute("aria-label", "Worried about a child? Numbers to call");
    drawer.appendChild(foot);
    var placeFoot = function () {
      var height = foot.getBoundingClientRect().height;
      var fits = height > 0 && height <= MOST_OF_DRAWER * drawer.getBoundingClientRect().height;
      html.classList.toggle("worried-in-drawer", fits);
      html.style.setProperty("--worried-drawer", (fits ? height : 0) + "px");
    };
    new ResizeObserver(placeFoot).observe(foot);
    window.addEventListener("resize", placeFoot);
  }

  /* On a wide screen the bar scrolls away with the page (its numbers would cover the side bars'
   * tops). So once it is out of sight the theme's header, which stays, shows the bar's numbers,
   * with the question where there is room. They hide again when the bar is back. The style sheet
   * shows them only on a wide screen: on a narrow one the bar's numbers stick. */
  var inner = header.querySelector(".md-header__inner");
  var before = inner && inner.querySelector(".md-header__option, label[for='__search']");
  if (!items.length || !before || !window.IntersectionObserver) return;
  inner.insertBefore(copyNumbers("p", "md-header__worried", false), before);
  new IntersectionObserver(function (entries) {
    html.classList.toggle("worried-gone", !entries[entries.length - 1].isIntersecting);
  }).observe(bar);
})();
