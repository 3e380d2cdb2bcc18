/* mkdocs-quiz's settings, read from the page's JSON block (id "quiz-settings").

   mkdocs-quiz's script reads its interface text, its options and its auto-numbering switch from
   what mkdocs-quiz would write as inline scripts, which the site's security policy does not run
   (hooks/csp.py). hooks/quizzes.py writes them as a JSON block instead, which is data; this file,
   loaded deferred just before mkdocs-quiz's own script, sets them up as those scripts would. */
(function () {
  "use strict";
  var block = document.getElementById("quiz-settings");
  if (!block) return;
  var settings = JSON.parse(block.textContent);
  if (settings.translations) window.mkdocsQuizTranslations = settings.translations;
  if (settings.config) window.mkdocsQuizConfig = settings.config;
  if (settings.autoNumber) {
    var article = document.querySelector("article") || document.querySelector("main") || document.body;
    article.classList.add("quiz-auto-number");
  }
})();
