/* Self-check quizzes: accessibility on top of mkdocs-quiz (loaded only on pages with a quiz,
   by overrides/main.html when hooks/quizzes.py has marked the page).

   mkdocs-quiz shows right and wrong by colour only and tells screen readers nothing. This script:
   - writes "Correct" or "Not quite" (with a tick or cross) at the top of each feedback box;
   - labels each marked option in text ("Correct answer", "Your answer: not correct") and ties the
     label to the option (aria-describedby);
   - announces the result in the page's live region (role=status) after each answer, and when
     answers are cleared;
   - puts focus back on the question after "Try again" (mkdocs-quiz hides the focused button);
   - stops "<" and ">" being typed into blanks (mkdocs-quiz writes the typed text into the page);
   - lets Enter in a blank check the answer (the blank is outside mkdocs-quiz's form);
   - accepts a number in a blank with or without thousands separators ("1,000", "1000", "1 000"),
     and with or without "%" ("per cent", "percent") where the question asks for a percentage
     (the expected answer ends in "%", or the blank is followed by "%" or "per cent"): just before
     mkdocs-quiz checks the blank, a typed number equal to the expected one is written as the
     expected answer (which mkdocs-quiz already keeps in the blank's data-answer); a different
     number, or one written oddly ("3,0", "10,00"), is left as typed and stays wrong;
   - makes "Clear my answers" work on pages with a blank (mkdocs-quiz 1.7.1 stops with an error
     at the first quiz without a fieldset, and never empties blanks).
   It runs before mkdocs-quiz's own script, which waits for DOMContentLoaded. */
(function () {
  "use strict";

  var TEXT = {
    right: "Correct",
    wrong: "Not quite",
    rightOption: "Correct answer",
    chosenRight: "Your answer: correct",
    chosenWrong: "Your answer: not correct",
    question: "Question",
    rightIs: "The right answer is",
    rightAre: "The right answers are",
    cleared: "Your answers on this page have been cleared. My progress still counts the ones you got right.",
    tryAgain: "Answer cleared. Choose again.",
    link: "Link to question",
  };
  var TICK = "\u2713";
  var CROSS = "\u2717";

  var status = document.querySelector(".self-check-status");
  var quizzes = Array.prototype.slice.call(document.querySelectorAll(".quiz"));
  if (!quizzes.length) return;

  function announce(message) {
    if (!status) return;
    status.textContent = "";
    /* A short pause so that the same words twice in a row are still read out. */
    window.setTimeout(function () {
      status.textContent = message;
    }, 100);
  }

  function questionNumber(quiz) {
    return quizzes.indexOf(quiz) + 1;
  }

  function labelText(input) {
    var label = input.parentElement.querySelector("label");
    return label ? label.textContent.trim() : "";
  }

  function rightAnswers(quiz) {
    var blanks = quiz.querySelectorAll(".quiz-blank-input");
    if (blanks.length) {
      return Array.prototype.map.call(blanks, function (input) {
        return input.getAttribute("data-answer");
      });
    }
    return Array.prototype.map.call(quiz.querySelectorAll('input[name="answer"][data-correct]'), labelText);
  }

  function isAnsweredRight(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback || feedback.classList.contains("hidden")) return null;
    if (feedback.querySelector(".quiz-feedback-item.correct")) return true;
    if (feedback.querySelector(".quiz-feedback-item.incorrect")) return false;
    return null;
  }

  /* The "Correct" / "Not quite" line at the top of the feedback box. */
  function markVerdict(quiz) {
    var feedback = quiz.querySelector(".quiz-feedback");
    if (!feedback) return;
    var right = isAnsweredRight(quiz);
    var verdict = feedback.querySelector(".self-check-verdict");
    if (right === null) {
      if (verdict) verdict.remove();
      return;
    }
    var wanted = right ? "right" : "wrong";
    if (verdict && verdict.getAttribute("data-verdict") === wanted) return;
    if (verdict) verdict.remove();
    verdict = document.createElement("p");
    verdict.className = "self-check-verdict self-check-verdict--" + wanted;
    verdict.setAttribute("data-verdict", wanted);
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.className = "self-check-verdict__icon";
    icon.textContent = right ? TICK : CROSS;
    verdict.appendChild(icon);
    verdict.appendChild(document.createTextNode(" " + (right ? TEXT.right : TEXT.wrong)));
    feedback.insertBefore(verdict, feedback.firstChild);
  }

  /* A text label beside each option that mkdocs-quiz has coloured. */
  function markOption(row) {
    var input = row.querySelector('input[name="answer"]');
    if (!input) return;
    var words = null;
    var kind = null;
    if (row.classList.contains("correct")) {
      words = input.checked ? TEXT.chosenRight : TEXT.rightOption;
      kind = "right";
    } else if (row.classList.contains("wrong")) {
      words = TEXT.chosenWrong;
      kind = "wrong";
    }
    var mark = row.querySelector(".self-check-mark");
    if (!words) {
      if (mark) mark.remove();
      input.removeAttribute("aria-describedby");
      return;
    }
    if (!mark) {
      mark = document.createElement("span");
      mark.id = input.id + "-mark";
      row.appendChild(mark);
    }
    mark.className = "self-check-mark self-check-mark--" + kind;
    mark.innerHTML = "";
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = kind === "right" ? TICK : CROSS;
    mark.appendChild(icon);
    mark.appendChild(document.createTextNode(" " + words));
    input.setAttribute("aria-describedby", mark.id);
  }

  function markBlanks(quiz) {
    Array.prototype.forEach.call(quiz.querySelectorAll(".quiz-blank-input"), function (input) {
      if (input.classList.contains("wrong")) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  /* Numbers in blanks. A number with thousands separators: 1 to 3 digits, then groups of 3
     after the same separator each time (comma or space), then perhaps a decimal part. */
  var GROUPED = /^\d{1,3}([, ])\d{3}(?:\1\d{3})*(?:\.\d+)?$/;
  var PLAIN = /^\d+(?:\.\d+)?$/;
  var PER_CENT = /\s*(?:%|per ?cent)$/i;
  var PER_CENT_NEXT = /^\s*(?:%|per ?cent\b)/i;

  /* The number's digits without separators, or null if the text is not a number. */
  function digitsOf(text) {
    if (PLAIN.test(text)) return text;
    if (GROUPED.test(text)) return text.replace(/[, ]/g, "");
    return null;
  }

  /* Whether `typed` is the number `expected`, allowing for thousands separators and, if
     `percentage`, a "%" or "per cent" on either. */
  function sameNumber(typed, expected, percentage) {
    typed = typed.replace(/\s+/g, " ").trim();
    expected = expected.replace(/\s+/g, " ").trim();
    if (percentage) {
      typed = typed.replace(PER_CENT, "");
      expected = expected.replace(PER_CENT, "");
    }
    var digits = digitsOf(expected);
    return digits !== null && digitsOf(typed) === digits;
  }

  function asksForPercentage(input, expected) {
    if (/%\s*$/.test(expected)) return true;
    var next = input.nextSibling;
    return !!next && next.nodeType === Node.TEXT_NODE && PER_CENT_NEXT.test(next.nodeValue);
  }

  /* Runs just before mkdocs-quiz compares each blank with its answer (case aside, exactly). */
  function acceptNumbers(quiz) {
    Array.prototype.forEach.call(quiz.querySelectorAll(".quiz-blank-input"), function (input) {
      var expected = input.getAttribute("data-answer") || "";
      if (sameNumber(input.value, expected, asksForPercentage(input, expected))) input.value = expected;
    });
  }

  function refresh(quiz) {
    Array.prototype.forEach.call(quiz.querySelectorAll("fieldset > div"), markOption);
    markBlanks(quiz);
    markVerdict(quiz);
  }

  function resultMessage(quiz) {
    var right = isAnsweredRight(quiz);
    if (right === null) return "";
    var start = TEXT.question + " " + questionNumber(quiz) + ": ";
    if (right) return start + TEXT.right + ".";
    var answers = rightAnswers(quiz);
    var lead = answers.length > 1 ? TEXT.rightAre : TEXT.rightIs;
    return start + TEXT.wrong + ". " + lead + ": " + answers.join("; ") + ".";
  }

  quizzes.forEach(function (quiz) {
    var pending = false;
    var observer = new MutationObserver(function () {
      if (pending) return;
      pending = true;
      /* Let mkdocs-quiz finish its changes, then label them (our changes do not loop: refresh
         only writes when something differs). */
      window.requestAnimationFrame(function () {
        pending = false;
        observer.disconnect();
        refresh(quiz);
        watch();
      });
    });
    function watch() {
      observer.observe(quiz, { subtree: true, childList: true, attributes: true, attributeFilter: ["class"] });
    }
    watch();

    var form = quiz.querySelector("form");
    if (form) {
      /* Capture runs before mkdocs-quiz's own handler; the result is read just after it. */
      form.addEventListener(
        "submit",
        function () {
          acceptNumbers(quiz);
          window.setTimeout(function () {
            refresh(quiz);
            var message = resultMessage(quiz);
            if (message) announce(message);
          }, 0);
        },
        true,
      );
      form.addEventListener("click", function (event) {
        var button = event.target.closest ? event.target.closest(".quiz-reset-button") : null;
        if (!button) return;
        window.setTimeout(function () {
          var first = quiz.querySelector('input[name="answer"], .quiz-blank-input');
          if (first) first.focus();
          announce(TEXT.tryAgain);
        }, 0);
      });
    }

    var link = quiz.querySelector(".quiz-header-link");
    if (link) link.setAttribute("aria-label", TEXT.link + " " + questionNumber(quiz));

    var blanks = quiz.querySelectorAll(".quiz-blank-input");
    if (blanks.length && form && !form.querySelector("fieldset")) {
      var spare = document.createElement("fieldset");
      spare.hidden = true;
      form.insertBefore(spare, form.firstChild);
    }
    Array.prototype.forEach.call(blanks, function (input) {
      input.addEventListener("input", function () {
        if (/[<>]/.test(input.value)) input.value = input.value.replace(/[<>]/g, "");
      });
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter" || !form) return;
        event.preventDefault();
        var button = form.querySelector('button[type="submit"]');
        if (button && !button.disabled && !button.classList.contains("hidden")) form.requestSubmit(button);
      });
    });
  });

  function clearBlanks(quiz) {
    Array.prototype.forEach.call(quiz.querySelectorAll(".quiz-blank-input"), function (input) {
      input.value = "";
      input.disabled = false;
      input.placeholder = "";
      input.classList.remove("correct", "wrong");
    });
  }

  /* "Clear my answers": announce it once mkdocs-quiz has cleared them (the reader may cancel). */
  var clearing = false;
  document.addEventListener(
    "click",
    function (event) {
      if (event.target.closest && event.target.closest(".quiz-intro-reset, .quiz-reset-all-link")) clearing = true;
    },
    true,
  );
  window.addEventListener("quizProgressUpdate", function (event) {
    if (!clearing) return;
    clearing = false;
    if (event.detail && event.detail.answered === 0) {
      /* mkdocs-quiz clears the stored answers first, then the questions: wait for it. */
      window.setTimeout(function () {
        quizzes.forEach(function (quiz) {
          clearBlanks(quiz);
          refresh(quiz);
        });
        announce(TEXT.cleared);
      }, 0);
    }
  });
})();
