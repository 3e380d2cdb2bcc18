/* Site-wide progress, kept only in this browser (localStorage): which pages the reader has
   visited and their self-check scores. Nothing is sent anywhere.

   Pages are identified by their address relative to the site's root, not by the full address,
   so progress survives moving the offline folder to another place. mkdocs-quiz keeps its own
   answers under the full address; this script keeps a copy and puts it back after a move. */
(function () {
  "use strict";
  var KEY = "member-induction-progress-v1";
  var script = document.currentScript;
  var root = new URL(((script && script.getAttribute("data-base")) || ".") + "/", location.href).href;

  function pageId(href) {
    var url = new URL(href, location.href);
    var address = url.href.split("#")[0].split("?")[0];
    if (address.indexOf(root) !== 0) return null;
    return address.slice(root.length).replace(/index\.html$/, "");
  }

  function load() {
    try {
      var state = JSON.parse(localStorage.getItem(KEY));
      return state && state.pages ? state : { pages: {} };
    } catch (e) {
      return { pages: {} };
    }
  }

  function save(state) {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
    } catch (e) {
      /* storage switched off: the site still works, progress is just not kept */
    }
  }

  function finished(entry) {
    if (!entry || !entry.visited) return false;
    return !entry.quiz || (entry.quiz.total > 0 && entry.quiz.answered >= entry.quiz.total);
  }

  var here = pageId(location.href);
  var quizKey = "quiz_progress_" + location.pathname;

  function recordVisit() {
    var state = load();
    var entry = state.pages[here] || {};
    if (!entry.visited) entry.visited = new Date().toISOString().slice(0, 10);
    try {
      if (entry.answers && !localStorage.getItem(quizKey)) localStorage.setItem(quizKey, entry.answers);
    } catch (e) { /* ignore */ }
    state.pages[here] = entry;
    save(state);
  }

  function recordQuiz(detail) {
    var state = load();
    var entry = state.pages[here] || { visited: new Date().toISOString().slice(0, 10) };
    entry.quiz = { total: detail.total, answered: detail.answered, correct: detail.correct };
    var answers = null;
    try { answers = localStorage.getItem(quizKey); } catch (e) { /* ignore */ }
    if (answers) entry.answers = answers; else delete entry.answers;
    state.pages[here] = entry;
    save(state);
    markNav();
    fillProgressPage();
  }

  function markNav() {
    var state = load();
    var links = document.querySelectorAll(".md-nav--primary a.md-nav__link[href]");
    Array.prototype.forEach.call(links, function (link) {
      var done = finished(state.pages[pageId(link.getAttribute("href"))]);
      var mark = link.querySelector(".progress-mark");
      if (done && !mark) {
        mark = document.createElement("span");
        mark.className = "progress-mark";
        mark.innerHTML = '<span aria-hidden="true">\u2713</span><span class="visually-hidden"> (finished)</span>';
        link.appendChild(mark);
      } else if (!done && mark) {
        mark.remove();
      }
    });
  }

  function fillProgressPage() {
    var table = document.querySelector(".progress-table");
    if (!table) return;
    var state = load();
    var rows = table.querySelectorAll("tr[data-page-id]");
    var read = 0, done = 0, answered = 0, correct = 0, questions = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var entry = state.pages[row.getAttribute("data-page-id")];
      var visited = row.querySelector('[data-col="visited"]');
      var quiz = row.querySelector('[data-col="quiz"]');
      visited.textContent = entry && entry.visited ? "Read" : "Not yet";
      if (entry && entry.visited) read++;
      if (finished(entry)) done++;
      if (entry && entry.quiz && entry.quiz.total) {
        quiz.textContent = entry.quiz.correct + " of " + entry.quiz.total + " right" +
          (entry.quiz.answered < entry.quiz.total ? " (" + (entry.quiz.total - entry.quiz.answered) + " not answered)" : "");
        answered += entry.quiz.answered; correct += entry.quiz.correct; questions += entry.quiz.total;
      } else {
        quiz.textContent = "\u2013";
      }
    });
    var summary = document.getElementById("progress-summary");
    if (summary) {
      summary.textContent = "You have read " + read + " of " + rows.length + " pages and finished " + done +
        ". Self-checks: " + correct + " right out of " + answered + " answered.";
    }
    var certificate = document.getElementById("certificate-pages");
    if (certificate) certificate.textContent = done + " of " + rows.length;
  }

  function resetAll() {
    try {
      var remove = [];
      for (var i = 0; i < localStorage.length; i++) {
        var key = localStorage.key(i);
        if (key === KEY || key.indexOf("quiz_progress_") === 0) remove.push(key);
      }
      remove.forEach(function (key) { localStorage.removeItem(key); });
    } catch (e) { /* ignore */ }
  }

  function setUpProgressPage() {
    var reset = document.getElementById("progress-reset");
    if (reset) {
      reset.addEventListener("click", function () {
        if (!window.confirm("Clear all your progress and self-check answers in this browser?")) return;
        resetAll();
        recordVisit();
        markNav();
        fillProgressPage();
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
        document.documentElement.classList.add("printing-certificate");
        window.print();
      });
      window.addEventListener("afterprint", function () {
        document.documentElement.classList.remove("printing-certificate");
      });
      var date = document.getElementById("certificate-date");
      if (date) date.textContent = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    }
  }

  if (here !== null) recordVisit();
  window.addEventListener("quizProgressUpdate", function (event) {
    if (event.detail) recordQuiz(event.detail);
  });
  document.addEventListener("DOMContentLoaded", function () {
    markNav();
    fillProgressPage();
    setUpProgressPage();
  });
  window.inductionProgress = { load: load, pageId: pageId, reset: resetAll };
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
