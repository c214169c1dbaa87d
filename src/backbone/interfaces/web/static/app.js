/* Backbone pages: steppers, the set logger with its offline queue, rest and hold timers.
 *
 * Sets are never sent straight from the form: each goes into a queue in localStorage with its own
 * idempotency key, then the queue is sent in order. Offline, the sets wait on the phone (the page
 * lists them) and are sent when the connection returns; a set whose answer was lost is sent again
 * with the same key and the server answers with the stored set instead of logging it twice.
 * Timers keep their end time in localStorage, so a reload (or the phone locking) does not lose them.
 */
(function () {
  "use strict";

  var store = window.localStorage;
  var dataEl = document.getElementById("page-data");
  var page = dataEl ? JSON.parse(dataEl.textContent) : null;
  var QUEUE = page ? "backbone.queue." + page.athlete : null;
  var REST = "backbone.rest";
  var HOLD = "backbone.hold";
  var LAST = page ? "backbone.last." + page.athlete + "." + page.date : null;
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
  });

  /* --- the set queue --------------------------------------------------------------------- */
  function queue() { return QUEUE ? read(QUEUE, []) : []; }
  function saveQueue(items) { write(QUEUE, items.length ? items : null); showQueue(); }

  function card(exercise) { return document.getElementById("ex-" + exercise); }

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
    if (f.get("seconds")) parts.push(f.get("seconds") + " s");
    else {
      var load = f.get("load");
      parts.push((load && parseFloat(load) !== 0 ? load : "bodyweight") + " × " + f.get("reps"));
    }
    if (f.get("rir")) parts.push("@ RIR " + f.get("rir"));
    return parts.join(" ");
  }

  function enqueue(form) {
    var body = new URLSearchParams(new FormData(form)).toString();
    var exercise = form.querySelector("[name=exercise]").value;
    var item = { key: newKey(), exercise: exercise, body: body, label: describe(form), at: Date.now() };
    var items = queue();
    items.push(item);
    saveQueue(items);
    var last = read(LAST, {});
    last[exercise] = {};
    CARRIED.forEach(function (name) {
      var input = form.elements[name];
      if (input) last[exercise][name] = input.value;
    });
    write(LAST, last);
    var c = card(exercise);
    if (c) c.querySelector(".done").appendChild(pendingItem(item));
    var rest = parseInt(c ? c.dataset.rest : "90", 10);
    if (isNaN(rest)) rest = 90;
    if (rest > 0) startRest(rest, exercise); /* warm-up and cool-down drills flow on */
    flush();
  }

  var flushing = false;
  function flush() {
    if (flushing || !QUEUE) return;
    var items = queue();
    if (!items.length) { showQueue(); return; }
    flushing = true;
    var item = items[0];
    fetch("/today/sets", {
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
      flushing = false;
      if (answer.status === 200 || answer.status === 201 || answer.status === 422) {
        saveQueue(queue().filter(function (q) { return q.key !== item.key; }));
        settle(item, answer);
        network(true);
        flush();
      } else {
        network(false, answer.status === 401 || answer.status === 403 ? "Sign in again to sync" : "Server busy: will retry");
      }
    }).catch(function () {
      flushing = false;
      network(false, "Offline: sets are kept on this phone");
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
    var feedback = content.querySelector("[data-feedback]");
    var box = c.querySelector(".feedback");
    box.replaceChildren();
    if (feedback) box.appendChild(feedback);
  }

  function showQueue() {
    var box = document.getElementById("queue");
    if (!box) return;
    var items = queue();
    box.hidden = items.length === 0;
    document.getElementById("queue-count").textContent = String(items.length);
    var list = document.getElementById("queue-list");
    list.replaceChildren();
    items.forEach(function (item) {
      var li = document.createElement("li");
      var c = card(item.exercise);
      var name = c ? c.querySelector("h2").textContent : item.exercise;
      li.textContent = name + ": " + item.label;
      list.appendChild(li);
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
    queue().forEach(function (item) {
      var c = card(item.exercise);
      if (c && !c.querySelector('li[data-key="' + item.key + '"]')) c.querySelector(".done").appendChild(pendingItem(item));
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

  if (page) {
    restoreLast();
    restorePending();
    showQueue();
    tickRest();
    tickHold();
    window.setInterval(function () { tickRest(); tickHold(); }, 250);
    window.addEventListener("online", flush);
    window.addEventListener("offline", function () { network(false, "Offline: sets are kept on this phone"); });
    window.setInterval(flush, 10000);
    flush();
  }

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      if (page && page.own && window.caches && !navigator.serviceWorker.controller) {
        return navigator.serviceWorker.ready.then(function () {
          return caches.open("backbone-pages").then(function (cache) { return cache.add("/today"); });
        });
      }
    }).catch(function () { /* the pages still work, without offline support */ });
  }
})();
