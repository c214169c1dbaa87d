/* Backbone pages: steppers, the set logger with its offline queue, rest and hold timers.
 *
 * Sets are never sent straight from the form: each goes into a queue on the phone (IndexedDB,
 * which survives a reload, a closed tab and a full browser restart, without localStorage's small
 * string quota) with its own idempotency key, then the queue is sent in order, one set at a time
 * (across tabs too: a Web Lock). Offline, the sets wait on the phone (the page lists them) and are
 * sent when the connection returns; a set whose answer was lost is sent again with the same key
 * and the server answers with the stored set instead of logging it twice. A set leaves the queue
 * only once the server has answered for it.
 * Timers keep their end time in localStorage, so a reload (or the phone locking) does not lose them.
 */
(function () {
  "use strict";

  var store = window.localStorage;
  var dataEl = document.getElementById("page-data");
  var page = dataEl ? JSON.parse(dataEl.textContent) : null;
  var OLD_QUEUE = page ? "backbone.queue." + page.athlete : null; /* before the queue moved to IndexedDB */
  var REST = "backbone.rest";
  var HOLD = "backbone.hold";
  var LAST = page ? "backbone.last." + page.athlete + "." + page.date : null;
  var PRECACHED = "backbone.precached";
  var PAGES = "backbone-pages";
  var CARRIED = ["load", "reps", "seconds", "rir"];

  function read(key, fallback) {
    try { var v = JSON.parse(store.getItem(key)); return v === null ? fallback : v; }
    catch (e) { return fallback; }
  }
  function write(key, value) {
    if (value === null) store.removeItem(key); else store.setItem(key, JSON.stringify(value));
  }
  function newKey() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return "web-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  function clock(seconds) {
    var s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + ("0" + (s % 60)).slice(-2);
  }
  function fragment(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    return t.content;
  }

  /* --- where the queue lives: IndexedDB (localStorage only where IndexedDB is missing) ------- */
  var sets = (function () {
    var opened = null;
    function db() {
      if (!opened) {
        opened = new Promise(function (resolve, reject) {
          var request = window.indexedDB.open("backbone", 1);
          request.onupgradeneeded = function () {
            var queue = request.result.createObjectStore("queue", { keyPath: "key" });
            queue.createIndex("athlete", "athlete");
          };
          request.onsuccess = function () { resolve(request.result); };
          request.onerror = function () { reject(request.error); };
        });
      }
      return opened;
    }
    function run(mode, work) {
      return db().then(function (database) {
        return new Promise(function (resolve, reject) {
          var tx = database.transaction("queue", mode);
          var answer = work(tx.objectStore("queue"));
          tx.oncomplete = function () { resolve(answer && "result" in answer ? answer.result : undefined); };
          tx.onerror = tx.onabort = function () { reject(tx.error); };
        });
      });
    }
    function byTime(items) { return items.sort(function (a, b) { return a.at - b.at || (a.key < b.key ? -1 : 1); }); }
    var key = "backbone.queue.fallback." + (page ? page.athlete : "");
    var local = {
      all: function () { return Promise.resolve(byTime(read(key, []))); },
      add: function (item) { var items = read(key, []); items.push(item); write(key, items); return Promise.resolve(); },
      remove: function (gone) {
        write(key, read(key, []).filter(function (q) { return q.key !== gone; }));
        return Promise.resolve();
      }
    };
    var indexed = {
      all: function () {
        return run("readonly", function (queue) { return queue.index("athlete").getAll(page.athlete); }).then(byTime);
      },
      add: function (item) { return run("readwrite", function (queue) { queue.put(item); }); },
      remove: function (gone) { return run("readwrite", function (queue) { queue.delete(gone); }); }
    };
    var chosen = null;
    function backend() {
      /* a browser that refuses IndexedDB (some private modes) still queues, in localStorage */
      if (!chosen) {
        chosen = window.indexedDB ? db().then(function () { return indexed; }, function () { return local; })
          : Promise.resolve(local);
      }
      return chosen;
    }
    return {
      all: function () { return backend().then(function (b) { return b.all(); }); },
      add: function (item) { return backend().then(function (b) { return b.add(item); }); },
      remove: function (gone) { return backend().then(function (b) { return b.remove(gone); }); }
    };
  })();

  function adoptOldQueue() {
    /* sets queued by the localStorage version of this page move into IndexedDB, keys unchanged */
    var old = OLD_QUEUE ? read(OLD_QUEUE, []) : [];
    if (!old.length) return Promise.resolve();
    return Promise.all(old.map(function (item) {
      item.athlete = page.athlete;
      return sets.add(item);
    })).then(function () { write(OLD_QUEUE, null); });
  }

  /* --- steppers, confirmations, back ----------------------------------------------------- */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-step]");
    if (button) {
      var input = document.getElementById(button.dataset.for);
      var step = parseFloat(button.dataset.step);
      var value = parseFloat((input.value || "0").replace(",", ".")) || 0;
      var next = Math.round((value + step) * 100) / 100;
      if (input.name !== "load" && next < 0) next = 0;
      input.value = String(next);
      input.dispatchEvent(new Event("change", { bubbles: true }));
      return;
    }
    if (event.target.closest("[data-back]")) { window.history.back(); return; }
    if (event.target.closest("[data-sync]")) { flush(); return; }
    if (event.target.closest("[data-rest-skip]")) { write(REST, null); tickRest(); return; }
    var add = event.target.closest("[data-rest-add]");
    if (add) {
      var rest = read(REST, null);
      if (rest) { rest.endsAt += 1000 * parseInt(add.dataset.restAdd, 10); write(REST, rest); tickRest(); }
      return;
    }
    var hold = event.target.closest("[data-hold]");
    if (hold) { toggleHold(hold); }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) { event.preventDefault(); return; }
    if (form.hasAttribute("data-logout") && window.caches) { caches.delete("backbone-pages"); }
    if (form.hasAttribute("data-logger")) { event.preventDefault(); enqueue(form); }
    if (form.hasAttribute("data-undo") && !navigator.onLine) {
      event.preventDefault();
      network(false, "Offline: marking a drill not done needs a connection");
    }
  });

  /* --- the set queue --------------------------------------------------------------------- */
  function card(exercise) { return document.getElementById("ex-" + exercise); }
  function nameOf(c, exercise) {
    if (!c) return exercise;
    return c.dataset.name || c.querySelector("h2").textContent;
  }

  function pendingItem(item) {
    var li = document.createElement("li");
    li.className = "queued";
    li.dataset.key = item.key;
    li.textContent = item.label + " (waiting to sync)";
    return li;
  }

  function describe(form) {
    var f = new FormData(form);
    var parts = [];
    if (f.get("sets")) parts.push(f.get("sets") + " ×");
    if (f.get("seconds")) parts.push(f.get("seconds") + " s");
    else {
      var load = f.get("load");
      parts.push((load && parseFloat(load) !== 0 ? load : "bodyweight") + " × " + f.get("reps"));
    }
    if (f.get("rir")) parts.push("@ RIR " + f.get("rir"));
    return parts.join(" ");
  }

  function markDrill(c, state) {
    /* a drill on the check-list: ticked as soon as it is queued ("queued": no second tap until
     * the server has it), then "logged" (a tap marks it not done: online only), or "not" done */
    if (!c || !c.hasAttribute("data-drill")) return;
    c.classList.toggle("is-done", state !== "not");
    var tick = c.querySelector("button.tick");
    if (!tick) return;
    tick.setAttribute("aria-pressed", state === "not" ? "false" : "true");
    tick.disabled = state === "queued";
    var form = tick.form;
    if (state === "logged" && form.hasAttribute("data-logger")) {
      form.removeAttribute("data-logger");
      form.setAttribute("data-undo", "");
      form.setAttribute("action", "/today/drills/undo");
    }
  }

  function enqueue(form) {
    var body = new URLSearchParams(new FormData(form)).toString();
    var exercise = form.querySelector("[name=exercise]").value;
    var item = { key: newKey(), athlete: page.athlete, exercise: exercise, body: body, label: describe(form), at: Date.now() };
    var c = card(exercise);
    var submit = form.querySelector("[type=submit]");
    if (submit) submit.disabled = true; /* one press, one set: no double-tap while it is stored */
    sets.add(item).then(function () {
      if (submit && !(c && c.hasAttribute("data-drill"))) submit.disabled = false;
      rememberLast(form, exercise);
      if (c) c.querySelector(".done").appendChild(pendingItem(item));
      markDrill(c, "queued");
      var rest = parseInt(c ? c.dataset.rest : "90", 10);
      if (isNaN(rest)) rest = 90;
      if (rest > 0) startRest(rest, exercise); /* warm-up and cool-down drills flow on */
      showQueue();
      flush();
    }, function () {
      if (submit) submit.disabled = false;
      network(false, "This phone could not store the set: try again");
    });
  }

  function rememberLast(form, exercise) {
    if (form.elements.sets) return; /* a drill's planned dose is not a logger's next start */
    var last = read(LAST, {});
    last[exercise] = {};
    CARRIED.forEach(function (name) {
      var input = form.elements[name];
      if (input) last[exercise][name] = input.value;
    });
    write(LAST, last);
  }

  var flushing = false;
  function flush() {
    if (flushing || !page || !page.own) return Promise.resolve();
    flushing = true;
    var done = function () { flushing = false; };
    var work = navigator.locks
      ? navigator.locks.request("backbone-sync", sendAll) /* one tab sends at a time */
      : sendAll();
    return work.then(done, function () { done(); network(false, "Offline: sets are kept on this phone"); });
  }

  function sendAll() {
    return sets.all().then(function (items) {
      showQueue(items);
      if (!items.length) return null;
      return send(items[0]).then(function (sent) { return sent ? sendAll() : null; });
    });
  }

  function send(item) {
    return fetch("/today/sets", {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Idempotency-Key": item.key,
        "X-CSRF-Token": page.csrf
      },
      body: item.body
    }).then(function (response) {
      return response.text().then(function (text) { return { status: response.status, text: text }; });
    }).then(function (answer) {
      if (answer.status === 200 || answer.status === 201 || answer.status === 422) {
        return sets.remove(item.key).then(function () {
          settle(item, answer);
          network(true);
          return true;
        });
      }
      network(false, answer.status === 401 || answer.status === 403 ? "Sign in again to sync" : "Server busy: will retry");
      return false;
    }, function () {
      network(false, "Offline: sets are kept on this phone");
      return false;
    });
  }

  function settle(item, answer) {
    var c = card(item.exercise);
    if (!c) return;
    var content = fragment(answer.text);
    var pending = c.querySelector('li[data-key="' + item.key + '"]');
    var logged = content.querySelector("[data-set]");
    if (logged && pending) pending.replaceWith(logged);
    else if (logged) c.querySelector(".done").appendChild(logged);
    else if (pending) { pending.className = "failed"; pending.textContent = item.label + " (not logged)"; }
    markDrill(c, logged ? "logged" : "not");
    var feedback = content.querySelector("[data-feedback]");
    var box = c.querySelector(".feedback");
    box.replaceChildren();
    if (feedback) box.appendChild(feedback);
  }

  function showQueue(known) {
    var box = document.getElementById("queue");
    if (!box) return Promise.resolve();
    return (known ? Promise.resolve(known) : sets.all()).then(function (items) {
      box.hidden = items.length === 0;
      document.getElementById("queue-count").textContent = String(items.length);
      var list = document.getElementById("queue-list");
      list.replaceChildren();
      items.forEach(function (item) {
        var li = document.createElement("li");
        li.textContent = nameOf(card(item.exercise), item.exercise) + ": " + item.label;
        list.appendChild(li);
      });
    });
  }

  function network(ok, message) {
    var net = document.getElementById("net");
    if (!net) return;
    net.hidden = ok;
    net.textContent = ok ? "" : message;
  }

  /* --- rest and hold timers -------------------------------------------------------------- */
  function startRest(seconds, exercise) {
    write(REST, { endsAt: Date.now() + seconds * 1000, exercise: exercise, total: seconds });
    tickRest();
  }

  function tickRest() {
    var bar = document.getElementById("rest");
    if (!bar) return;
    var rest = read(REST, null);
    if (!rest) { bar.hidden = true; return; }
    var left = (rest.endsAt - Date.now()) / 1000;
    bar.hidden = false;
    if (left <= 0) {
      bar.classList.add("over");
      document.getElementById("rest-left").textContent = "Go";
      if (left < -60) { write(REST, null); bar.hidden = true; }
      else if (!rest.buzzed) { rest.buzzed = true; write(REST, rest); if (navigator.vibrate) navigator.vibrate(300); }
    } else {
      bar.classList.remove("over");
      document.getElementById("rest-left").textContent = clock(left);
    }
  }

  function holdDisplay(button) { return button.parentElement.querySelector(".hold-time"); }

  function toggleHold(button) {
    var hold = read(HOLD, null);
    var input = document.getElementById(button.dataset.for);
    if (hold && hold.input === button.dataset.for) {
      var seconds = Math.max(1, Math.round((Date.now() - hold.startedAt) / 1000));
      input.value = String(seconds);
      write(HOLD, null);
      button.textContent = "Start hold timer";
      holdDisplay(button).textContent = seconds + " s";
      return;
    }
    write(HOLD, { input: button.dataset.for, startedAt: Date.now() });
    button.textContent = "Stop hold";
    tickHold();
  }

  function tickHold() {
    var hold = read(HOLD, null);
    if (!hold) return;
    var button = document.querySelector('[data-hold][data-for="' + hold.input + '"]');
    if (!button) return;
    button.textContent = "Stop hold";
    holdDisplay(button).textContent = Math.floor((Date.now() - hold.startedAt) / 1000) + " s";
  }

  /* --- start ------------------------------------------------------------------------------ */
  function restorePending() {
    return sets.all().then(function (items) {
      items.forEach(function (item) {
        var c = card(item.exercise);
        if (c && !c.querySelector('li[data-key="' + item.key + '"]')) {
          c.querySelector(".done").appendChild(pendingItem(item));
          markDrill(c, "queued");
        }
      });
      return showQueue(items);
    });
  }

  function restoreLast() {
    /* the next set starts from the last one logged today, also after a reload */
    var last = read(LAST, {});
    Object.keys(last).forEach(function (exercise) {
      var c = card(exercise);
      var form = c && c.querySelector("form[data-logger]");
      if (!form) return;
      CARRIED.forEach(function (name) {
        if (form.elements[name] && last[exercise][name] !== undefined) form.elements[name].value = last[exercise][name];
      });
    });
  }

  function keepForOffline() {
    /* what a lifter opens in the gym, saved on the phone for a basement without signal: Today,
     * History with its latest days, and the cue cards of today's exercises (at most every 10 min) */
    if (!window.caches || !navigator.onLine) return;
    var mark = read(PRECACHED, null);
    if (mark && mark.athlete === page.athlete && Date.now() - mark.at < 600000) return;
    write(PRECACHED, { athlete: page.athlete, at: Date.now() });
    var cues = Array.prototype.map.call(document.querySelectorAll("[data-exercise]"), function (el) {
      return "/exercises/" + el.dataset.exercise;
    });
    caches.open(PAGES).then(function (cache) {
      function keep(url) {
        return fetch(url, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok || response.redirected) return null;
          var copy = response.clone();
          return cache.put(url, copy).then(function () { return response; });
        });
      }
      keep("/today");
      keep("/history").then(function (response) {
        if (!response) return;
        return response.text().then(function (text) {
          var doc = new DOMParser().parseFromString(text, "text/html");
          var days = Array.prototype.map.call(doc.querySelectorAll("[data-recent] a[href^='/history/']"), function (a) {
            return a.getAttribute("href");
          }).slice(0, 5);
          return Promise.all(days.map(keep));
        });
      }).catch(function () { /* offline again: next time */ });
      cues.forEach(function (url) { keep(url).catch(function () { /* next time */ }); });
    });
  }

  if (page) {
    restoreLast();
    tickRest();
    tickHold();
    window.setInterval(function () { tickRest(); tickHold(); }, 250);
    if (page.own) {
      adoptOldQueue().then(restorePending).then(flush);
      window.addEventListener("online", flush);
      window.addEventListener("offline", function () { network(false, "Offline: sets are kept on this phone"); });
      window.setInterval(flush, 10000);
    }
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      if (page && page.own && window.caches) {
        return navigator.serviceWorker.ready.then(keepForOffline);
      }
    }).catch(function () { /* the pages still work, without offline support */ });
  }
})();
