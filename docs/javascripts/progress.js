/* Site-wide progress, kept only in this browser (localStorage). Nothing is sent anywhere (inside a
 * council's learning system, lms.js also saves it there).

   Each learning page is in one of three states, shown the same way in the menu, the home page's
   learning path, My progress and the completion record:
   - not started: never opened;
   - started: opened, but its self-check is not yet complete;
   - finished: every self-check question answered correctly at least once (trying again is
     fine), or, on a page without a self-check, read to the end (its last part scrolled into view).
   Which pages are learning pages, and how many questions each has, comes from the build as JSON
   on this script's tag (data-pages, from hooks/learning_path.py): this script keeps no list of
   its own. Other pages (Start here, Contacts, My progress, the glossary...) get no mark.

   Pages are identified by their address relative to the site's root, not by the full address,
   so progress survives moving the offline folder to another place. mkdocs-quiz keeps its own
   answers under the full address; this script keeps a copy and puts it back after a move.

   Saved, version 2: {pages: {id: {opened: date, right: ["quiz-0", ...], read: date, answers}}}.
   `right` lists the questions (mkdocs-quiz numbers them quiz-0, quiz-1, ... on each page) ever
   answered correctly. Version 1 ({visited, quiz: {total, answered, correct}, answers}) is moved
   over once: visited becomes opened, and the questions right in its saved answers count.

   Other pages see the progress as it is now: one the browser's Back or Forward brings back from
   its cache (pageshow, persisted) and one in another tab (storage: another tab saved) are drawn
   again. When the progress is cleared in another tab (on a shared computer, for the next
   person), a learning page open here reloads, so that mkdocs-quiz, which keeps the page's
   answers in memory and saves them all after each new one, forgets the earlier answers instead
   of writing them back; the reload does not count as opening the page (see forget). */
(function () {
  "use strict";
  var KEY = "member-induction-progress-v2";
  var OLD_KEY = "member-induction-progress-v1";
  var QUIZ_PREFIX = "quiz_progress_";
  var FORGOT = "member-induction-progress-forgot"; /* sessionStorage: this tab reloaded to forget */
  var MARKS = {
    none: { symbol: "\u25CB", word: "Not started" },
    started: { symbol: "\u25D0", word: "Started" },
    finished: { symbol: "\u2713", word: "Finished" },
  };
  var script = document.currentScript;
  var root = new URL(((script && script.getAttribute("data-base")) || ".") + "/", location.href).href;
  var learning = readPages();
  var byId = {};
  learning.forEach(function (page) { byId[page.id] = page; });

  function readPages() {
    try {
      var pages = JSON.parse((script && script.getAttribute("data-pages")) || "[]");
      return Array.isArray(pages) ? pages : [];
    } catch (e) {
      return [];
    }
  }

  function pageId(href) {
    var url = new URL(href, location.href);
    var address = url.href.split("#")[0].split("?")[0];
    if (address.indexOf(root) !== 0) return null;
    return address.slice(root.length).replace(/index\.html$/, "");
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /* Saved progress from its text, or null when the text is none or not progress. */
  function parseState(text) {
    try {
      var state = JSON.parse(text);
      return state && typeof state.pages === "object" && state.pages ? state : null;
    } catch (e) {
      return null;
    }
  }

  function read(key) {
    try {
      return parseState(localStorage.getItem(key));
    } catch (e) {
      return null;
    }
  }

  function load() {
    return read(KEY) || migrate(read(OLD_KEY)) || { pages: {} };
  }

  function save(state) {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      /* storage switched off: the site still works, progress is just not kept */
    }
    window.dispatchEvent(new Event("inductionprogress")); /* for lms.js, inside an LMS */
  }

  /* mkdocs-quiz's saved answers (a JSON string) as an object, {} if none. */
  function answersIn(answers) {
    try {
      var quizzes = JSON.parse(answers);
      return quizzes && typeof quizzes === "object" ? quizzes : {};
    } catch (e) {
      return {};
    }
  }

  /* The questions answered correctly in mkdocs-quiz's saved answers. */
  function rightIn(answers) {
    var quizzes = answersIn(answers);
    return Object.keys(quizzes).filter(function (id) { return quizzes[id] && quizzes[id].correct === true; });
  }

  function migrate(old) {
    if (!old) return null;
    var state = { pages: {} };
    Object.keys(old.pages).forEach(function (id) {
      var before = old.pages[id] || {};
      var entry = { right: before.answers ? rightIn(before.answers) : [] };
      if (before.visited) entry.opened = before.visited;
      if (before.answers) entry.answers = before.answers;
      var quiz = before.quiz;
      if (!entry.right.length && quiz && quiz.total > 0 && quiz.correct >= quiz.total) {
        for (var i = 0; i < quiz.total; i++) entry.right.push("quiz-" + i);
      }
      state.pages[id] = entry;
    });
    save(state);
    try { localStorage.removeItem(OLD_KEY); } catch (e) { /* ignore */ }
    return state;
  }

  /* How many of the page's questions have been answered correctly at least once. */
  function rightCount(entry, page) {
    var right = (entry && entry.right) || [];
    var count = 0;
    for (var i = 0; i < page.questions; i++) if (right.indexOf("quiz-" + i) !== -1) count++;
    return count;
  }

  function stateOf(entry, page) {
    if (!entry || !entry.opened) return "none";
    if (page.questions > 0) return rightCount(entry, page) >= page.questions ? "finished" : "started";
    return entry.read ? "finished" : "started";
  }

  var here = pageId(location.href);
  var herePage = here !== null ? byId[here] : undefined;
  var quizKey = QUIZ_PREFIX + location.pathname;
  var address = location.href.split("#")[0]; /* this page, for the reload to forget */
  var forgetting = false; /* reloading to forget: nothing more is saved from this page */

  function storedAnswers() {
    try {
      return localStorage.getItem(quizKey);
    } catch (e) {
      return null;
    }
  }

  /* `state`: the saved progress, when the caller has just loaded it. */
  function update(change, state) {
    state = state || load();
    var entry = state.pages[here] || {};
    if (!entry.opened) entry.opened = today();
    if (!entry.right) entry.right = [];
    change(entry);
    state.pages[here] = entry;
    save(state);
    showProgress();
  }

  function recordVisit() {
    update(function (entry) {
      try {
        if (entry.answers && !storedAnswers()) localStorage.setItem(quizKey, entry.answers);
      } catch (e) { /* ignore */ }
    });
  }

  function recordAnswers() {
    var answers = storedAnswers();
    var state = load();
    /* mkdocs-quiz says so as the page opens too: after a reload to forget (see forget), nothing
       answered yet is nothing to record, and the page stays not started. */
    if (forgetting || (!state.pages[here] && Object.keys(answersIn(answers)).length === 0)) return;
    update(function (entry) {
      if (answers) entry.answers = answers; else delete entry.answers;
      rightIn(answers).forEach(function (id) {
        if (entry.right.indexOf(id) === -1) entry.right.push(id);
      });
    }, state);
  }

  /* A page without a self-check is finished once its last part has been on the screen. */
  function watchForTheEnd() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !("IntersectionObserver" in window)) return;
    var parts = Array.prototype.filter.call(article.children, function (element) {
      return !element.matches(".page-review, .md-source-file, script");
    });
    var last = parts[parts.length - 1];
    if (!last) return;
    var observer = new IntersectionObserver(function (seen) {
      if (!seen.some(function (item) { return item.isIntersecting; })) return;
      observer.disconnect();
      update(function (entry) { if (!entry.read) entry.read = today(); });
    });
    observer.observe(last);
  }

  function markFor(state, compact) {
    var mark = document.createElement("span");
    mark.className = "progress-mark progress-mark--" + state;
    var symbol = document.createElement("span");
    symbol.setAttribute("aria-hidden", "true");
    symbol.className = "progress-mark__symbol";
    symbol.textContent = MARKS[state].symbol;
    mark.appendChild(symbol);
    var word = document.createElement("span");
    if (compact) word.className = "visually-hidden";
    word.textContent = compact ? " (" + MARKS[state].word.toLowerCase() + ")" : " " + MARKS[state].word;
    mark.appendChild(word);
    return mark;
  }

  /* Put `state`'s mark on `link`: inside it in the menu (compact, the word for screen readers
     only; before the arrow of a label), at the end of its list item on the home page (before
     any list inside it). */
  function setMark(link, state, compact) {
    var holder = compact ? link : link.parentElement;
    var old = holder.querySelector(":scope > .progress-mark");
    if (old) {
      if (old.classList.contains("progress-mark--" + state)) return;
      old.remove();
    }
    var before = holder.querySelector(compact ? ":scope > .md-nav__icon" : ":scope > ul, :scope > ol");
    holder.insertBefore(markFor(state, compact), before);
  }

  function markLinks(state) {
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href], a.learning-path__page[href]");
    Array.prototype.forEach.call(links, function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#") return; /* a heading of this page (the menu's contents) */
      var page = byId[pageId(href)];
      if (page) setMark(link, stateOf(state.pages[page.id], page), link.classList.contains("md-nav__link"));
    });
    /* On a phone or tablet (below 76.25em) Material shows the page you are on in the menu as a
       label, which opens the page's contents, and hides its link: the label gets the same mark. */
    var labels = document.querySelectorAll(".md-nav--primary .md-nav__item--active > label.md-nav__link--active");
    Array.prototype.forEach.call(labels, function (label) {
      var link = label.parentElement.querySelector(":scope > a.md-nav__link--active[href]");
      var page = link && byId[pageId(link.getAttribute("href"))];
      if (page) setMark(label, stateOf(state.pages[page.id], page), true);
    });
  }

  /* The home page's Continue button: the first learning page not finished. */
  function showContinue(state) {
    var button = document.getElementById("learning-continue");
    if (!button) return;
    var next = learning.filter(function (page) { return stateOf(state.pages[page.id], page) !== "finished"; })[0];
    var done = document.getElementById("learning-done");
    if (done) done.hidden = Boolean(next);
    button.hidden = !next;
    if (!next) return;
    var begun = learning.some(function (page) { return stateOf(state.pages[page.id], page) !== "none"; });
    var title = null;
    Array.prototype.forEach.call(document.querySelectorAll("a.learning-path__page[href]"), function (link) {
      if (title === null && pageId(link.getAttribute("href")) === next.id) title = link.textContent.trim();
    });
    button.href = new URL(next.id, root).href;
    if (title) button.textContent = (begun ? "Continue with " : "Start with ") + title;
  }

  function summary(state) {
    var counts = { none: 0, started: 0, finished: 0, right: 0, questions: 0 };
    learning.forEach(function (page) {
      var entry = state.pages[page.id];
      counts[stateOf(entry, page)]++;
      counts.right += rightCount(entry, page);
      counts.questions += page.questions;
    });
    return counts;
  }

  function questionsText(entry, page) {
    return page.questions ? rightCount(entry, page) + " of " + page.questions : "No self-check";
  }

  /* My progress: the table, the summary and the completion record. */
  function fillProgressPage(state) {
    var table = document.querySelector(".progress-table");
    if (!table) return;
    var rows = [];
    Array.prototype.forEach.call(table.querySelectorAll("tr[data-page-id]"), function (row) {
      var page = byId[row.getAttribute("data-page-id")];
      if (!page) return;
      var entry = state.pages[page.id];
      var cell = row.querySelector('[data-col="state"]');
      cell.textContent = "";
      cell.appendChild(markFor(stateOf(entry, page), false));
      row.querySelector('[data-col="quiz"]').textContent = questionsText(entry, page);
      rows.push({ title: row.querySelector("a").textContent.trim(), state: stateOf(entry, page), quiz: questionsText(entry, page) });
    });
    var counts = summary(state);
    var total = learning.length;
    var out = document.getElementById("progress-summary");
    if (out) {
      out.textContent = "You have finished " + counts.finished + " of " + total + " learning pages" +
        (counts.started ? " and started " + counts.started + " more" : "") +
        ". Self-check questions answered correctly: " + counts.right + " of " + counts.questions + ".";
    }
    fillRecord(rows, counts, total);
  }

  function fillRecord(rows, counts, total) {
    var statement = document.getElementById("certificate-statement");
    if (!statement) return;
    var induction = statement.getAttribute("data-induction") || "the induction";
    statement.textContent = counts.finished === total && total > 0
      ? "has completed " + induction + ": all " + total + " learning pages finished."
      : "has finished " + counts.finished + " of " + total + " learning pages of " + induction + ".";
    var checks = document.getElementById("certificate-checks");
    if (checks) {
      checks.textContent = "Self-check questions answered correctly (each at least once): " +
        counts.right + " of " + counts.questions + ".";
    }
    var body = document.getElementById("certificate-pages");
    if (body) {
      body.textContent = "";
      rows.forEach(function (row) {
        var tr = document.createElement("tr");
        [row.title, MARKS[row.state].word, row.quiz].forEach(function (text) {
          var td = document.createElement("td");
          td.textContent = text;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    var date = document.getElementById("certificate-date");
    if (date) date.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  }

  function showProgress() {
    var state = load();
    markLinks(state);
    showContinue(state);
    fillProgressPage(state);
  }

  function resetAll() {
    try {
      var remove = [];
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key === KEY || key === OLD_KEY || key.indexOf(QUIZ_PREFIX) === 0) remove.push(key);
      }
      remove.forEach(function (key) { localStorage.removeItem(key); });
    } catch (e) { /* ignore */ }
    window.dispatchEvent(new Event("inductionprogress")); /* inside an LMS, cleared there at once */
  }

  /* Whether this browser keeps what is saved (storage can be switched off, refused or full). */
  function storageKeeps() {
    try {
      var probe = KEY + "-probe";
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return true;
    } catch (e) {
      return false;
    }
  }

  function setUpProgressPage() {
    var notKept = document.getElementById("progress-not-kept"); /* not in an LMS (it keeps it): progress.css */
    if (notKept && !storageKeeps()) notKept.hidden = false;
    var reset = document.getElementById("progress-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        var inLms = document.documentElement.classList.contains("lms-connected"); /* lms.js */
        var question = inLms
          ? "Clear all your progress and self-check answers, here and in the council's learning system?"
          : "Clear all your progress and self-check answers in this browser?";
        if (!window.confirm(question)) return;
        resetAll();
        showProgress();
        var status = document.getElementById("progress-status");
        if (status) status.textContent = "Your progress has been cleared.";
      });
    }
    var name = document.getElementById("certificate-name");
    var printButton = document.getElementById("certificate-print");
    if (name && printButton) {
      var show = function () {
        document.getElementById("certificate-name-out").textContent = name.value.trim() || "________________";
      };
      name.addEventListener("input", show);
      printButton.addEventListener("click", function () {
        show();
        showProgress();
        document.documentElement.classList.add("printing-certificate");
        window.print();
      });
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("printing-certificate");
      });
    }
  }

  /* True once, on the page this tab reloaded to forget (see forget). */
  function reloadedToForget() {
    try {
      var reloaded = sessionStorage.getItem(FORGOT) === address;
      sessionStorage.removeItem(FORGOT);
      return reloaded;
    } catch (e) {
      return false;
    }
  }

  /* Forget what this page holds from before the progress was cleared elsewhere: a page with a
     self-check (mkdocs-quiz's answers in memory) or a learning page (read to its end or not)
     reloads, and the reload does not mark it opened (its reader may be the next person); any
     other page is drawn again. */
  function forget() {
    if (forgetting) return;
    if (!herePage && !document.querySelector(".quiz")) return showProgress();
    forgetting = true;
    try {
      sessionStorage.setItem(FORGOT, address);
    } catch (e) { /* the reload then marks the page opened again */ }
    location.reload();
  }

  /* Another tab changed localStorage (events come only from other tabs of this site). The
     progress removed or emptied, everything cleared, or this page's saved answers removed: the
     progress was cleared there. */
  function cleared(event) {
    if (event.key === null) return true; /* localStorage.clear() */
    if (event.key === quizKey) return event.newValue === null;
    if (event.key !== KEY) return false;
    var state = parseState(event.newValue);
    return !state || Object.keys(state.pages).length === 0;
  }

  if (herePage && !reloadedToForget()) recordVisit();
  window.addEventListener("quizProgressUpdate", function () {
    if (herePage) recordAnswers();
  });
  window.addEventListener("storage", function (event) {
    try {
      if (forgetting || event.storageArea !== window.localStorage) return; /* not sessionStorage */
    } catch (e) {
      return; /* storage switched off */
    }
    if (cleared(event)) forget();
    else if (event.key === KEY) showProgress();
  });
  /* Back from the browser's cache, where a page hears no storage events: drawn again, or, if
     its self-check's saved answers changed meanwhile (cleared, or given in another tab), reloaded
     like a page that forgets, so that mkdocs-quiz holds what is saved. */
  var answersWhenHidden = null;
  window.addEventListener("pagehide", function () { answersWhenHidden = storedAnswers(); });
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted || forgetting) return;
    if (document.querySelector(".quiz") && storedAnswers() !== answersWhenHidden) forget();
    else showProgress();
  });
  document.addEventListener("DOMContentLoaded", function () {
    showProgress();
    setUpProgressPage();
    if (herePage && !herePage.questions) watchForTheEnd();
  });
  /* lms.js reports these to an LMS: the counts of summary() and how many learning pages. */
  function totals() {
    var counts = summary(load());
    counts.total = learning.length;
    return counts;
  }

  window.inductionProgress = { load: load, pageId: pageId, reset: resetAll, summary: totals };
})();

/* Printing: open every collapsed detail so nothing is missing on paper, and close them again after. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (d) {
      d.setAttribute("open", "");
      return true;
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.removeAttribute("open"); });
    opened = [];
  });
})();
