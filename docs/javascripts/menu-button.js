/* The menu button works from the keyboard (WCAG 2.2, 2.1.1 keyboard).
 *
 * Below 1220 pixels wide (phones, tablets, a laptop at 125% scaling, any page zoomed in) the
 * theme shows the menu as a drawer opened by the button at the top left. That button is a
 * <label> for a hidden checkbox: a pointer can press it, but the Tab key never reaches it, so a
 * keyboard user could not open the menu, with its progress marks, My progress, Contacts and the
 * Glossary. Here it becomes a button: a Tab stop, named, saying whether the menu is open; Enter
 * or Space opens the menu and moves the focus to its first link; Esc closes it and brings the
 * focus back to the button; tabbing out of it closes it. tests/test_browser_focus.py presses the keys in Chromium.
 */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  button.setAttribute("role", "button");
  button.setAttribute("tabindex", "0");
  button.setAttribute("aria-label", "Menu");
  if (drawer.id === "") drawer.id = "site-menu";
  button.setAttribute("aria-controls", drawer.id);

  function showState() {
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
  }

  function setOpen(open) {
    if (toggle.checked === open) return;
    toggle.checked = open;
    toggle.dispatchEvent(new Event("change", { bubbles: true })); // the theme follows the box
    showState();
  }

  function firstLink() {
    var links = drawer.querySelectorAll("a[href], label[tabindex='0']");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getClientRects().length > 0) return links[i];
    }
    return null;
  }

  // Chromium also "clicks" a focused label on Enter, which would toggle the box straight back:
  // the click that follows the key is let go.
  var byKey = false;
  button.addEventListener(
    "click",
    function (event) {
      if (!byKey) return;
      event.preventDefault();
      event.stopImmediatePropagation();
    },
    true
  );

  button.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    event.preventDefault();
    byKey = true;
    setTimeout(function () {
      byKey = false;
    });
    setOpen(!toggle.checked);
    if (!toggle.checked) return;
    // The drawer slides in: its links can take the focus once it is shown.
    requestAnimationFrame(function () {
      var link = firstLink();
      if (link) link.focus();
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || !toggle.checked) return;
    if (!drawer.contains(document.activeElement) && document.activeElement !== button) return;
    setOpen(false);
    button.focus();
  });

  // Tabbing out of the open menu closes it: the page behind it would take the focus out of sight.
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !drawer.contains(event.target) && event.target !== button) setOpen(false);
  });

  toggle.addEventListener("change", showState);
  showState();
})();
