/* Backbone's service worker: the app shell (styles, scripts) from the cache, and the pages a lifter
 * opens in the gym (Today, History and its days, the exercise cue cards) from the network when there
 * is one, else the copy saved on this phone (app.js saves the latest ones from Today). Sets logged
 * offline are queued by the page itself (app.js, in IndexedDB), not here: nothing is ever replayed
 * behind the user's back. */
"use strict";

var VERSION = "__VERSION__";
var SHELL = "backbone-shell-" + VERSION;
var PAGES = "backbone-pages";
var SHELL_FILES = [
  "/static/app.css?v=" + VERSION,
  "/static/app.js?v=" + VERSION,
  "/static/vendor/htmx.min.js?v=" + VERSION,
  "/manifest.webmanifest"
];
/* pages readable offline: the signed-in athlete's own (no query string: not a coach's view) */
var OFFLINE_PAGES = [/^\/today$/, /^\/history$/, /^\/history\/\d{4}-\d{2}-\d{2}$/, /^\/exercises\/[a-z0-9_-]+$/];

function offlinePage(url) {
  return !url.search && OFFLINE_PAGES.some(function (pattern) { return pattern.test(url.pathname); });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("backbone-shell-") === 0 && k !== SHELL; })
        .map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/static/") === 0 || url.pathname === "/manifest.webmanifest") {
    event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
    return;
  }
  if (request.mode === "navigate" && offlinePage(url)) {
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(PAGES).then(function (cache) { cache.put(url.pathname, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(url.pathname, { ignoreVary: true, ignoreSearch: true }).then(function (hit) {
          return hit || new Response(
            "<!doctype html><html lang=\"en\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
            "<title>Offline · Backbone</title><main><h1>Offline</h1><p>This page is not saved on this phone yet. " +
            "<a href=\"/today\">Today</a> and <a href=\"/history\">History</a> are, once opened with a connection.</p></main></html>",
            { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
        });
      })
    );
  }
});
