// The trainers' live preview (`mkdocs serve`) only: reload the page when MkDocs has rebuilt the
// site after a file was saved. MkDocs adds the same code inline to every page it serves, which
// the site's security policy blocks; hooks/csp.py serves this file instead. The built site never
// has it. It asks MkDocs' server, as MkDocs' own code does, with the build the page came from
// (learnt from the first answer) and reloads when a newer build is there.
(function () {
  var epoch = null;
  var request;
  var timeout;

  function poll() {
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var latest = parseFloat(this.responseText);
      if (epoch !== null && latest > epoch) {
        location.reload();
        return;
      }
      if (epoch === null && latest > 0) epoch = latest;
      timeout = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + Date.now());
    request.send();
  }

  function stop() {
    if (request) request.abort();
    if (timeout) clearTimeout(timeout);
    request = timeout = undefined;
  }

  function start() {
    if (document.visibilityState === "visible" && !request && !timeout) poll();
  }

  window.addEventListener("load", start);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") start();
    else stop();
  });
  window.addEventListener("beforeunload", stop);
})();
