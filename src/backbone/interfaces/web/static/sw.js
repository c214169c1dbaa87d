/* Backbone's service worker: the app shell (styles, scripts) from the cache, and Today from the
 * network when there is one, else the copy saved on this phone. Sets logged offline are queued by
 * the page itself (app.js), not here: nothing is ever replayed behind the user's back. */
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
var OFFLINE_PAGES = ["/today"];

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
  if (request.mode === "navigate" && OFFLINE_PAGES.indexOf(url.pathname) !== -1) {
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok && !response.redirected) {
          var copy = response.clone();
          caches.open(PAGES).then(function (cache) { cache.put(url.pathname, copy); });
        }
        return response;
      }).catch(function () {
        return caches.match(url.pathname, { ignoreVary: true, ignoreSearch: true }).then(function (hit) {
          return hit || new Response("<!doctype html><title>Offline</title><p>You are offline and Today is not saved on this phone yet.</p>",
            { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
        });
      })
    );
  }
});
