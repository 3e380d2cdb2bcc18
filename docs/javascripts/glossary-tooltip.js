/* Glossary tooltips: a glossary link's definition, shown beside it on hover and on keyboard focus.

   Each link the glossary hook makes (a.glossary-term) carries its definition as its title, so
   screen readers announce it and it still shows without this script. This script gives the
   definition a tooltip that meets WCAG 2.2 success criterion 1.4.13 (content on hover or focus):
   it stays while the pointer moves onto it, it stays until the pointer or focus leaves, and Esc
   closes it without moving focus. One tooltip serves every link, and a few listeners on the
   document serve the whole page: nothing runs for a link until the reader reaches it, so a page
   with many links costs no more to start than a page with none (Material's own tooltips set up a
   component for every titled element, a third of a long page's start-up time on a phone).

   While its tooltip is showing, a link lends its title to the tooltip (no second, native tooltip)
   and is described by it (aria-describedby); the title goes back when the reader moves on.
   Keyboard focus shows the tooltip; focus from a click or a tap does not (it would keep the
   tooltip open after the pointer left). On a touch screen there is no tooltip: a tap follows the
   link to the Glossary page entry. */
(function () {
  "use strict";

  var LINK = "a.glossary-term";
  var ID = "glossary-tooltip";
  var GAP = 6; // px between the link and its tooltip
  var EDGE = 8; // px kept clear of the window's edges
  var LINGER = 300; // ms the tooltip waits for the pointer to cross from the link to it

  var tip = null; // the one tooltip, made when first needed
  var link = null; // the link whose title the tooltip holds
  var held = null; // a link the pointer is still on after keyboard focus took the tooltip away:
  // its title stays lent until the pointer leaves, so no native tooltip shows beside ours
  var hovered = false; // the pointer is over the link
  var onTip = false; // the pointer is over the tooltip
  var focused = false; // the link has keyboard focus
  var timer = 0;

  function tooltip() {
    if (!tip) {
      tip = document.createElement("div");
      tip.id = ID;
      tip.className = "glossary-tooltip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("pointerenter", function () {
        onTip = true;
        clearTimeout(timer);
      });
      tip.addEventListener("pointerleave", function () {
        onTip = false;
        later();
      });
      document.body.appendChild(tip);
    }
    return tip;
  }

  function take(a) {
    if (a === link) {
      return;
    }
    release(hovered);
    var text = a.getAttribute("title") || a.getAttribute("data-glossary-title");
    if (!text) {
      return;
    }
    if (a === held) {
      held = null;
    }
    link = a;
    a.setAttribute("data-glossary-title", text);
    a.removeAttribute("title");
    a.setAttribute("aria-describedby", ID);
    tooltip().textContent = text;
    show(a);
  }

  function show(a) {
    tip.hidden = false;
    place(a, tip);
  }

  function release(pointerStays) {
    clearTimeout(timer);
    if (!link) {
      return;
    }
    if (pointerStays) {
      giveBack(held);
      held = link;
    } else {
      giveBack(link);
    }
    link.removeAttribute("aria-describedby");
    link = null;
    hovered = onTip = focused = false;
    tip.hidden = true;
  }

  function giveBack(a) {
    if (a && a.hasAttribute("data-glossary-title")) {
      a.setAttribute("title", a.getAttribute("data-glossary-title"));
      a.removeAttribute("data-glossary-title");
    }
  }

  function settle() {
    if (link && !hovered && !onTip && !focused) {
      release(false);
      var active = document.activeElement; // a link keeps its tooltip while it has keyboard focus,
      if (active && active.matches && active.matches(LINK) && byKeyboard(active)) {
        take(active); // even when the pointer passed over another link meanwhile
        focused = active === link;
      } else if (held) {
        take(held); // focus has left; the pointer still rests on the link it was held from
        hovered = !!link;
      }
    }
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(settle, LINGER);
  }

  /* Below the link, or above it when there is room there and none below; inside the window, and
     above the link only below the theme's sticky header (and the contacts bar's numbers stuck
     above it, javascripts/contacts-bar.js), which are drawn over the tooltip. */
  function place(a, t) {
    var root = document.documentElement;
    var width = root.clientWidth;
    var header = document.querySelector(".md-header");
    var limit = header ? Math.max(0, header.getBoundingClientRect().bottom) : 0;
    t.style.left = "0px";
    t.style.top = "0px";
    var lines = a.getClientRects(); // a link can wrap: below its last line or above its first
    var first = lines[0] || a.getBoundingClientRect();
    var last = lines[lines.length - 1] || first;
    var size = t.getBoundingClientRect();
    var left = Math.max(EDGE, Math.min(last.left, width - size.width - EDGE));
    var top = last.bottom + GAP;
    if (top + size.height > root.clientHeight && first.top - GAP - size.height >= limit) {
      top = first.top - GAP - size.height;
      left = Math.max(EDGE, Math.min(first.left, width - size.width - EDGE));
    }
    t.style.left = left + window.scrollX + "px";
    t.style.top = top + window.scrollY + "px";
  }

  function byKeyboard(a) {
    try {
      return a.matches(":focus-visible");
    } catch (error) {
      return true; // a browser that does not know :focus-visible: every focus shows it
    }
  }

  function glossaryLink(event) {
    var target = event.target;
    return target && target.closest ? target.closest(LINK) : null;
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType === "touch") {
      return;
    }
    var a = glossaryLink(event);
    if (!a) {
      return;
    }
    if (a === link && !hovered && tip.hidden) {
      show(a); // closed with Esc while focused: the pointer coming back opens it again
    }
    take(a);
    if (a === link) {
      hovered = true;
      clearTimeout(timer);
    }
  });

  document.addEventListener("pointerout", function (event) {
    var a = glossaryLink(event);
    if (!a || a.contains(event.relatedTarget)) {
      return;
    }
    if (a === link) {
      hovered = false;
      later();
    } else if (a === held) {
      giveBack(held);
      held = null;
    }
  });

  document.addEventListener("focusin", function (event) {
    var a = glossaryLink(event);
    if (a && byKeyboard(a)) {
      if (a === link && tip.hidden) {
        show(a); // closed with Esc while the pointer was on it: focus opens it again
      }
      take(a);
      if (a === link) {
        focused = true;
      }
    }
  });

  document.addEventListener("focusout", function (event) {
    if (glossaryLink(event) === link && link) {
      focused = false;
      settle();
    }
  });

  /* Esc closes the tooltip; the link keeps focus and stays without a native tooltip until the
     reader moves on. */
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && tip && !tip.hidden) {
      tip.hidden = true;
    }
  });

  window.addEventListener("pagehide", function () {
    release(false); // not open when the reader comes back
    giveBack(held);
    held = null;
  });

  window.addEventListener("resize", function () {
    if (link && tip && !tip.hidden) {
      place(link, tip);
    }
  });
})();
