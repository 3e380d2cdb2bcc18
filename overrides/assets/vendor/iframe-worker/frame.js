/*! iframe-worker 1.0.4: the start of the worker's frame, which shim.js wrote as an inline script
   (see README.md) | Copyright (c) 2020-2022 Martin Donath | MIT License: see the LICENSE file in this folder */
postMessage = function (s, n) {
  parent.postMessage(s, n || "*");
};
// (no "use strict": these assignments make new globals in the frame, as the original did)
importScripts = function (...s) {
  return s.reduce(function (n, e) {
    return n.then(function () {
      return new Promise(function (r) {
        var t = document.createElement("script");
        t.src = e;
        t.onload = r;
        document.body.appendChild(t);
      });
    });
  }, Promise.resolve());
};
(function (url) {
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", { filename: url, error: event.error }));
  });
})(document.currentScript.dataset.url);
