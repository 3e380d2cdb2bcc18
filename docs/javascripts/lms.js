/* The site inside a learning management system (LMS): the SCORM 1.2 and SCORM 2004 bridge.

   An LMS that imports a package (export/lms.py) opens the site in a frame and offers its SCORM
   API in a window above it (a parent frame, or the window that opened it): `window.API_1484_11`
   for SCORM 2004, `window.API` for SCORM 1.2. This script looks for them the standard way (up
   the parent frames, then up from the window that opened the top window: the course may be in
   a frame of a pop-up; a few levels at most), the package's own version first, and uses the one
   it finds through the table VERSIONS below (its functions' and data model's names); the rest
   is the same for both. Without either (the hosted site, the USB copy) the script stops at
   once and changes nothing.

   With it:
   - the LMS's record (cmi.suspend_data) is this learner's progress: when the session starts it
     replaces whatever this browser held (someone else may have used it), so progress and
     self-check answers follow the member from one device to another. It is asked for whatever
     the LMS says of the visit (cmi.entry): an LMS may say "ab-initio" (a first visit) and still
     hold the record of the same attempt (Moodle does after a session that ended without
     cmi.exit). A SCORM 2004 LMS holding none answers with an error (403, "not initialised"):
     there is no other way to learn that there is none;
   - each time docs/javascripts/progress.js saves (a page opened, a question answered, a page
     read to its end), the progress goes back to the LMS in a compact form, with the lesson status
     (incomplete until every learning page is finished; then completed, or passed or failed
     against the pass mark the LMS hands over from the package: SCORM 1.2 has one status for
     both, SCORM 2004 a completion status and a success status, unknown until then or without a
     pass mark), the score (the self-check questions answered correctly at the first try, as a
     percentage of all of them: finishing a page needs every answer right in the end, so only the
     first try tells a pass from a fail) and the time spent; with a pass mark, the score only
     once every page is finished (the LMS may judge any score it holds against the pass mark);
   - if this browser cannot keep the progress (storage switched off, refused or full), it is kept
     in memory from the LMS's record instead (inMemory), and the LMS's record is never replaced
     by an empty one; if the LMS could not give its record, nothing but the time is sent until a
     later page has read it (see unread);
   - it commits when a page becomes finished, soon after an answer (at most one commit every ten
     seconds), when the page is hidden (another tab or program: a phone may then close it) and
     when a page is left, and ends the session (LMSFinish, Terminate) once, when the learner
     leaves the site: going to another page of the package continues the same session, whatever
     starts it (a link, Material's keyboard shortcuts, the browser's Back, a script);
   - a link out of the package opens in a new window or tab, so the course stays in the LMS;
   - <html> gets the class "lms-connected", so the pages show the wording that is true inside an
     LMS (progress.css: `.inside-lms` shown, `.outside-lms` hidden; elsewhere the other way round).

   It runs before progress.js (a plain script at the end of the page; progress.js is deferred),
   so the restored progress is there when progress.js first reads it. Nothing here runs code from
   a string, and nothing is written into the page but a class and links' targets, so it works
   under the site's security policy. */
(function () {
  "use strict";
  var KEY = "member-induction-progress-v2"; /* progress.js's saved progress */
  var OLD_KEY = "member-induction-progress-v1";
  var QUIZ_PREFIX = "quiz_progress_"; /* mkdocs-quiz's saved answers, one key per page */
  var STARTED = "member-induction-lms-started"; /* sessionStorage: when this LMS session began */
  var DEPTH = 7; /* windows to climb looking for the API, as ADL's own search does */
  /* The SCORM version of the package this copy of the site is in: export/lms.py writes "1.2" or
     "2004" here in each package, so that an LMS offering both APIs gets the one it launched. */
  var PACKAGED_FOR = "";

  /* What differs between the two versions of SCORM: the package's own first, then SCORM 2004.
     `limit` is the longest cmi.suspend_data; `passMark` is read as a share of `scale` (a
     percentage in SCORM 1.2, from 0 to 1 in SCORM 2004); `success` is null where the lesson
     status also says passed or failed; `scaled` is sent once every page is finished (an LMS with
     a pass mark judges the score against it as soon as it is set, and would say "failed" half
     way through; SCORM 1.2's raw score waits too when there is a pass mark: see tell). cmi.exit
     is always "suspend": the LMS keeps the record for the next visit, also after every page is
     finished ("normal" would end the attempt, and a member who came back to look something up
     would start a new one with nothing marked). It is set as the session starts, so that every
     commit carries it: a session that ends unannounced (a phone closing the page, a crash, a
     last request lost) still leaves a record the LMS resumes. */
  var VERSIONS = [
    {
      name: "2004", api: "API_1484_11", initialize: "Initialize", getValue: "GetValue", setValue: "SetValue",
      commit: "Commit", finish: "Terminate", lastError: "GetLastError", again: "103",
      limit: 64000, passMark: "cmi.scaled_passing_score", scale: 100,
      status: "cmi.completion_status", success: "cmi.success_status", score: "cmi.score.",
      scaled: "cmi.score.scaled", time: "cmi.session_time", duration: isoDuration,
      exit: "cmi.exit",
    },
    {
      name: "1.2", api: "API", initialize: "LMSInitialize", getValue: "LMSGetValue", setValue: "LMSSetValue",
      commit: "LMSCommit", finish: "LMSFinish", lastError: "LMSGetLastError", again: "101",
      limit: 4096, passMark: "cmi.student_data.mastery_score", scale: 1,
      status: "cmi.core.lesson_status", success: null, score: "cmi.core.score.",
      scaled: null, time: "cmi.core.session_time", duration: clockTime,
      exit: "cmi.core.exit",
    },
  ].sort(function (a, b) {
    return (b.name === PACKAGED_FOR) - (a.name === PACKAGED_FOR);
  });

  function apiIn(win, scorm) {
    for (var level = 0; win && level <= DEPTH; level++) {
      try {
        var found = win[scorm.api];
        if (found && typeof found[scorm.initialize] === "function") return found;
      } catch (e) {
        return null; /* a window of another site: not ours to search */
      }
      if (!win.parent || win.parent === win) return null;
      win = win.parent;
    }
    return null;
  }

  /* The window that opened this one's top window: an LMS that opens the course in a pop-up may
     put it in a frame there too, and the API is in the window that opened the pop-up. */
  function topOpener() {
    try {
      return window.top.opener;
    } catch (e) {
      return null;
    }
  }

  var api = null;
  var scorm = null;
  for (var v = 0; v < VERSIONS.length && !api; v++) {
    scorm = VERSIONS[v];
    api = apiIn(window.parent !== window ? window.parent : null, scorm) || apiIn(topOpener(), scorm) ||
      apiIn(window.opener, scorm);
  }
  if (!api) return;

  function call(name, a, b) {
    try {
      return String(api[scorm[name]](a === undefined ? "" : a, b));
    } catch (e) {
      return "false";
    }
  }

  function get(element) {
    return call("getValue", element);
  }

  function set(element, value) {
    return call("setValue", element, String(value)) === "true";
  }

  /* A page after the first in one session: the LMS answers "already initialised". */
  var fresh = call("initialize") === "true";
  if (!fresh && call("lastError") !== scorm.again) return; /* no session to report to */
  if (fresh) set(scorm.exit, "suspend"); /* see VERSIONS */
  document.documentElement.classList.add("lms-connected");

  function storage(kind) {
    try {
      return window[kind];
    } catch (e) {
      return null;
    }
  }

  var local = storage("localStorage");
  var session = storage("sessionStorage");
  /* Whether the progress is kept, here or in memory (see inMemory): if it is not, nothing but the
     time spent is sent, so that the LMS's record is never replaced by an empty one. */
  var keeping = true;
  /* Whether the LMS could not give its record when this session asked for it (an error other
     than SCORM 2004's 403, which says there is none): it may hold one all the same, so nothing
     but the time is sent over it (see report), and each later page of the session asks again.
     Kept for the session's later pages. */
  var UNREAD = "member-induction-lms-unread"; /* sessionStorage */
  var unread = false;
  try {
    unread = !fresh && session.getItem(UNREAD) !== null;
  } catch (e) {
    unread = !fresh; /* the mark cannot be read (session storage blocked): ask again, to be safe */
  }

  /* The LMS's record: null if the LMS could not give it. */
  function readRecord() {
    var text = get("cmi.suspend_data");
    if (text !== "") return decode(text);
    var error = call("lastError");
    return error === "0" || error === "403" ? { pages: {} } : null;
  }

  /* The LMS's record is put in this browser when the session starts, and again on a later page
     if this browser has not kept it (storage full, or switched off): it then holds everything
     sent so far. On a later page of a session whose record could not be read, the record is
     asked for again, and what the member did since is added to it (merge). */
  if (fresh || unread || !kept()) {
    var record = readRecord();
    var since = fresh ? { pages: {} } : saved(); /* this session's, unsent while unread */
    unread = record === null;
    record = merge(record || { pages: {} }, since);
    if (!restore(record)) keeping = inMemory(record);
    try {
      if (unread) session.setItem(UNREAD, "1");
      else session.removeItem(UNREAD);
    } catch (e) { /* as above */ }
  }
  try {
    if (fresh) session.setItem(STARTED, String(Date.now()));
  } catch (e) { /* no session storage: the time is counted from this page */ }
  var started = Number(session && session.getItem(STARTED)) || Date.now();
  /* The pass mark, read once a session (kept for its later pages): a SCORM 2004 LMS without one
     answers with an error ("not initialised"), which some LMSs log. The standard gives no way to
     learn whether there is one without asking (cmi._children names the elements an LMS offers,
     not those holding a value), and an administrator may set or change it in the LMS. */
  var PASS_MARK = "member-induction-lms-pass-mark"; /* sessionStorage */
  var mark = null;
  try {
    if (!fresh) mark = session.getItem(PASS_MARK);
  } catch (e) { /* no session storage: read once a page */ }
  if (mark === null) {
    mark = get(scorm.passMark);
    try {
      session.setItem(PASS_MARK, mark);
    } catch (e) { /* as above */ }
  }
  mark = parseFloat(mark);

  /* --- the LMS's record, in and out -------------------------------------------------------- */

  /* Compact form: {v: 1, p: {page id: [opened, read, right, answers, tried, first]}}: dates as
     written by progress.js (or 0); `right`, `tried` and `first` the numbers of the questions
     answered correctly, answered at all, and answered correctly at the first try ("0.2.3");
     mkdocs-quiz's saved answers for the page as "question:right:choices;..." (choices are option
     numbers or typed words, URI-encoded). With every page finished and every question answered
     this site's record measured 3,152 characters (6 December 2026); if a record would still be longer than
     the LMS allows (SCORM 1.2's limit is the tight one), the answers are left out (progress and
     the questions right are kept). */
  function packAnswers(text) {
    try {
      var quizzes = JSON.parse(text);
      return Object.keys(quizzes).map(function (id) {
        var quiz = quizzes[id] || {};
        var values = (quiz.selectedValues || []).map(encodeURIComponent).join(",");
        return id.replace("quiz-", "") + ":" + (quiz.correct ? 1 : 0) + ":" + values;
      }).join(";");
    } catch (e) {
      return "";
    }
  }

  function unpackAnswers(text) {
    var quizzes = {};
    text.split(";").forEach(function (part) {
      var bits = part.split(":");
      if (bits.length !== 3 || !bits[0]) return;
      quizzes["quiz-" + bits[0]] = {
        answered: true,
        correct: bits[1] === "1",
        selectedValues: bits[2] ? bits[2].split(",").map(decodeURIComponent) : [],
      };
    });
    return JSON.stringify(quizzes);
  }

  function numbers(text) {
    return text ? String(text).split(".").map(Number) : [];
  }

  function encode(state, withAnswers) {
    var pages = {};
    Object.keys(state.pages || {}).forEach(function (id) {
      var entry = state.pages[id] || {};
      var right = (entry.right || []).map(function (quiz) { return quiz.replace("quiz-", ""); }).join(".");
      var answers = withAnswers && entry.answers ? packAnswers(entry.answers) : "";
      pages[id] = [entry.opened || 0, entry.read || 0, right, answers, (entry.tried || []).join("."),
        (entry.first || []).join(".")];
    });
    return JSON.stringify({ v: 1, p: pages });
  }

  function compact(state) {
    var text = encode(state, true);
    return text.length <= scorm.limit ? text : encode(state, false);
  }

  function decode(text) {
    try {
      var data = JSON.parse(text);
      if (!data || data.v !== 1 || typeof data.p !== "object") return { pages: {} };
      var state = { pages: {} };
      Object.keys(data.p).forEach(function (id) {
        var item = data.p[id];
        if (!Array.isArray(item)) return;
        var entry = { right: item[2] ? String(item[2]).split(".").map(function (n) { return "quiz-" + n; }) : [] };
        if (item[0]) entry.opened = item[0];
        if (item[1]) entry.read = item[1];
        if (typeof item[3] === "string" && item[3]) entry.answers = unpackAnswers(item[3]);
        entry.tried = numbers(item[4]);
        entry.first = numbers(item[5]);
        state.pages[id] = entry;
      });
      return state;
    } catch (e) {
      return { pages: {} };
    }
  }

  /* The LMS's record with what this session did since it was read (`since`) added: a page's
     dates and questions right are kept from either; its first tries are the record's, and
     this session's only for questions the record has no try at; its saved answers are the
     record's, with this session's answer to a question in place of the record's. */
  function merge(record, since) {
    Object.keys(since.pages).forEach(function (id) {
      var mine = since.pages[id] || {};
      var entry = record.pages[id];
      if (!entry) {
        record.pages[id] = mine;
        return;
      }
      var tried = entry.tried || [];
      entry.opened = entry.opened || mine.opened;
      entry.read = entry.read || mine.read;
      entry.right = union(entry.right, mine.right);
      entry.first = union(entry.first, (mine.first || []).filter(function (n) { return tried.indexOf(n) === -1; }));
      entry.tried = union(tried, mine.tried);
      if (mine.answers) entry.answers = mergeAnswers(entry.answers, mine.answers);
    });
    return record;
  }

  /* mkdocs-quiz's saved answers for a page (JSON, one entry a question): `mine`'s over `theirs`. */
  function mergeAnswers(theirs, mine) {
    var quizzes = {};
    [theirs, mine].forEach(function (text) {
      try {
        var each = JSON.parse(text || "{}") || {};
        Object.keys(each).forEach(function (id) { quizzes[id] = each[id]; });
      } catch (e) { /* unreadable: nothing to add */ }
    });
    return JSON.stringify(quizzes);
  }

  function union(a, b) {
    return (a || []).concat((b || []).filter(function (item) { return (a || []).indexOf(item) === -1; }));
  }

  /* The LMS's record replaces this browser's: progress and every page's saved answers. False if
     this browser cannot keep it. */
  function restore(state) {
    if (!local) return false;
    try {
      var remove = [];
      for (var i = 0; i < local.length; i++) {
        var key = local.key(i);
        if (key === KEY || key === OLD_KEY || key.indexOf(QUIZ_PREFIX) === 0) remove.push(key);
      }
      remove.forEach(function (key) { local.removeItem(key); });
      local.setItem(KEY, JSON.stringify(state));
      return true;
    } catch (e) {
      return false; /* storage switched off or full */
    }
  }

  function kept() {
    try {
      return local.getItem(KEY) !== null;
    } catch (e) {
      return false;
    }
  }

  /* This browser cannot keep the progress (its storage is switched off, refused or full): it is
     kept in this page's memory instead, starting from the LMS's record, as window.localStorage
     for progress.js and mkdocs-quiz too. The pages show the progress the LMS holds and what is
     sent adds to it; the next page starts again from the LMS's record, which by then has it all.
     False if the browser does not allow it. */
  function inMemory(state) {
    var items = Object.create(null);
    var memory = {
      get length() { return Object.keys(items).length; },
      key: function (i) { var keys = Object.keys(items); return i < keys.length ? keys[i] : null; },
      getItem: function (key) { return key in items ? items[key] : null; },
      setItem: function (key, value) { items[key] = String(value); },
      removeItem: function (key) { delete items[key]; },
      clear: function () { items = Object.create(null); },
    };
    try {
      Object.defineProperty(window, "localStorage", { value: memory, configurable: true, enumerable: true });
    } catch (e) {
      return false;
    }
    if (window.localStorage !== memory) return false;
    local = memory;
    memory.setItem(KEY, JSON.stringify(state));
    return true;
  }

  function saved() {
    try {
      var state = JSON.parse(local.getItem(KEY));
      return state && typeof state.pages === "object" && state.pages ? state : { pages: {} };
    } catch (e) {
      return { pages: {} };
    }
  }

  /* A time span as SCORM 1.2 writes it (HHHH:MM:SS.SS) and as SCORM 2004 does (ISO 8601). */
  function clockTime(ms) {
    var seconds = Math.max(0, ms / 1000);
    var hours = Math.min(9999, Math.floor(seconds / 3600));
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = (seconds % 60).toFixed(2);
    return (hours < 10 ? "0" : "") + hours + ":" + (minutes < 10 ? "0" : "") + minutes + ":" +
      (rest < 10 ? "0" : "") + rest;
  }

  function isoDuration(ms) {
    var seconds = Math.max(0, ms / 1000);
    var hours = Math.floor(seconds / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    var rest = Number((seconds % 60).toFixed(2)); /* PT1H2M3.5S */
    return "PT" + (hours ? hours + "H" : "") + (minutes ? minutes + "M" : "") + rest + "S";
  }

  /* Note the questions of this page answered for the first time, and which of them were right
     (mkdocs-quiz has just saved its answers; progress.js keeps the fields it does not know). */
  function recordFirstTries() {
    var progress = window.inductionProgress;
    var id = progress ? progress.pageId(location.href) : null;
    var state = saved();
    var entry = id === null ? null : state.pages[id];
    if (!entry || !local) return;
    var answers = {};
    try {
      answers = JSON.parse(local.getItem(QUIZ_PREFIX + location.pathname)) || {};
    } catch (e) { /* nothing saved */ }
    var tried = entry.tried || [];
    var first = entry.first || [];
    var changed = false;
    Object.keys(answers).forEach(function (quiz) {
      var number = Number(quiz.replace("quiz-", ""));
      if (!answers[quiz] || !answers[quiz].answered || tried.indexOf(number) !== -1) return;
      tried.push(number);
      if (answers[quiz].correct) first.push(number);
      changed = true;
    });
    if (!changed) return;
    entry.tried = tried;
    entry.first = first;
    try {
      local.setItem(KEY, JSON.stringify(state));
    } catch (e) { /* ignore */ }
  }

  function firstTries(state) {
    return Object.keys(state.pages).reduce(function (sum, id) {
      return sum + ((state.pages[id] && state.pages[id].first) || []).length;
    }, 0);
  }

  var finished = -1;
  var GAP = 10000; /* the shortest time between two commits after answers, in milliseconds */
  var lastCommit = 0;
  var waiting = null; /* a commit to come */

  function commitNow() {
    clearTimeout(waiting);
    waiting = null;
    lastCommit = Date.now();
    call("commit");
  }

  /* After an answer: commit now, or, if the last commit was under GAP ago, when GAP has passed.
     Some LMSs send each commit to their server and hold the page until it answers; a member
     answering one question after another would feel every one. */
  function commitSoon() {
    if (waiting) return;
    var wait = lastCommit + GAP - Date.now();
    if (wait <= 0) return commitNow();
    waiting = setTimeout(function () {
      waiting = null;
      if (!done) report(true);
    }, wait);
  }

  /* Tell the LMS where the learner is; commit when another page has become finished, and soon
     after an answer. */
  function report(commit, afterAnswer) {
    var progress = window.inductionProgress;
    if (!progress || !progress.summary) return;
    var counts = progress.summary();
    if (keeping && !unread) tell(counts); /* see unread */
    set(scorm.time, scorm.duration(Date.now() - started));
    if (commit || (finished >= 0 && counts.finished > finished)) commitNow();
    else if (afterAnswer) commitSoon();
    finished = counts.finished;
  }

  /* The progress, the status and the score. With a pass mark, SCORM 1.2 has the LMS judge the
     raw score against it itself when the session ends (or at a commit), and a member half way
     through would be recorded as failed: there the score is sent once every page is finished,
     as SCORM 2004's scaled score is (see VERSIONS), and until then a score the LMS already
     holds is taken back (SCORM 1.2 allows a blank one): the course first uploaded without a pass
     mark, or the member's progress cleared. Without a pass mark it goes as it grows. */
  function tell(counts) {
    var state = saved();
    var score = counts.questions ? Math.round((100 * Math.min(firstTries(state), counts.questions)) / counts.questions) : 100;
    var success = "unknown";
    var complete = counts.total > 0 && counts.finished === counts.total; /* every learning page */
    if (complete) success = isNaN(mark) ? "unknown" : score / scorm.scale >= mark ? "passed" : "failed";
    var completion = complete ? "completed" : "incomplete";
    set("cmi.suspend_data", compact(state));
    if (complete || scorm.scaled || isNaN(mark)) {
      set(scorm.score + "min", 0);
      set(scorm.score + "max", 100);
      set(scorm.score + "raw", score);
    } else if (get(scorm.score + "raw") !== "") {
      set(scorm.score + "raw", ""); /* one the LMS held (no pass mark then, or progress cleared) */
    }
    if (scorm.scaled && complete) set(scorm.scaled, score / 100);
    if (scorm.success) {
      set(scorm.status, completion);
      set(scorm.success, success);
    } else {
      set(scorm.status, success === "unknown" ? completion : success);
    }
  }

  /* --- leaving a page ---------------------------------------------------------------------- */

  /* A page of the package (not a PDF or any other file of it, nor another website). */
  function inPackage(href) {
    var progress = window.inductionProgress;
    var id = progress ? progress.pageId(href) : null;
    return id !== null && /(^|\/|\.html)$/.test(id);
  }

  /* Going to another page of the package continues the session; anything else ends it. Where
     the browser has the Navigation API (Chromium does), its navigate event names the page
     whatever starts the navigation; without it, a click on a link and Material's keyboard
     shortcuts (n or . for the next page, p or , for the previous one, as its bundle reads them:
     no Ctrl or Cmd, search closed, not typing in a field) are what tell. */
  var staying = false;
  var SHORTCUTS = { n: "next", ".": "next", p: "prev", ",": "prev" };
  if (window.navigation && typeof window.navigation.addEventListener === "function") {
    window.navigation.addEventListener("navigate", function (event) {
      /* A change of address within the page is no going anywhere: a jump to a heading, or
         Material rewriting the address as the reader scrolls (navigation.tracking). */
      if (event.destination.sameDocument) return;
      staying = !event.downloadRequest && inPackage(event.destination.url);
    });
    /* No navigateerror here: Chromium raises it for a going to another page when Material
       rewrites the address before that page arrives, and the page arrives all the same. */
  } else {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href]");
      if (!link || event.defaultPrevented) return;
      var href = link.getAttribute("href");
      staying = !link.target && href.charAt(0) !== "#" && inPackage(href);
    });
    window.addEventListener("keydown", function (event) {
      var rel = SHORTCUTS.hasOwnProperty(event.key) ? SHORTCUTS[event.key] : null;
      var search = document.querySelector("[data-md-toggle=search]");
      var field = document.activeElement;
      var typing = field && (field.tagName === "INPUT" ? field.type !== "radio" :
        field.tagName === "SELECT" || field.tagName === "TEXTAREA" || field.isContentEditable);
      var link = rel && document.querySelector('link[rel="' + rel + '"]');
      if (!link || event.ctrlKey || event.metaKey || event.isComposing || (search && search.checked) || typing) return;
      staying = inPackage(link.href);
    });
  }

  /* Inside the LMS a link out of the package opens in a new window or tab, so that the course
     stays in the LMS's frame (it would end the session there). Links to send an email or make a
     call open the reader's own programs and stay as they are. */
  function outward(link) {
    var url;
    try {
      url = new URL(link.getAttribute("href"), location.href);
    } catch (e) {
      return;
    }
    if (!/^(https?|file):$/.test(url.protocol) || inPackage(url.href) || link.target) return;
    link.target = "_blank";
    var rel = (link.getAttribute("rel") || "").split(/\s+/).filter(Boolean);
    if (rel.indexOf("noopener") === -1) rel.push("noopener");
    link.setAttribute("rel", rel.join(" "));
    var warning = document.createElement("span"); /* screen readers say so; the link looks the same */
    warning.className = "visually-hidden";
    warning.textContent = " (opens in a new window)";
    link.appendChild(warning);
  }

  document.addEventListener("click", function (event) { /* links added since the page loaded */
    var link = event.target.closest && event.target.closest("a[href]");
    if (link) outward(link);
  }, true);

  window.addEventListener("pageshow", function () { staying = false; }); /* back from the history */
  var done = false;
  window.addEventListener("pagehide", function () {
    if (done) return;
    report(true);
    if (!staying) {
      set(scorm.exit, "suspend"); /* as set when the session started (see VERSIONS) */
      call("finish");
      done = true;
      try {
        session.removeItem(STARTED);
        session.removeItem(PASS_MARK);
        session.removeItem(UNREAD);
      } catch (e) { /* no session storage */ }
    }
  });
  /* The member switches to another tab or program: a phone may then close the page unasked. */
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden" && !done) report(true);
  });
  /* mkdocs-quiz says so when its saved answers may have changed (also as the page opens):
     lms.js's listener runs before progress.js's, which saves the progress (inductionprogress). */
  var seen = null; /* the page's saved answers when mkdocs-quiz last said so */
  var answered = false;
  window.addEventListener("quizProgressUpdate", function () {
    recordFirstTries();
    var now = "";
    try {
      now = local.getItem(QUIZ_PREFIX + location.pathname) || "";
    } catch (e) { /* nothing saved */ }
    answered = seen !== null && now !== seen;
    seen = now;
  });
  window.addEventListener("inductionprogress", function () {
    report(false, answered);
    answered = false;
  });
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("a[href]"), outward);
    report(fresh);
  });
})();
