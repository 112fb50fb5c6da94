// The live strip on every page and the /live page, kept up to date from /api/v1/events/stream (feature-012/FR-005).
// Event text is put in the page with textContent only, never as HTML.
(function () {
  "use strict";
  var runs = {};
  var MAX_EVENTS = 100;

  function summary(e) {
    if (e.text) {
      return e.text;
    }
    return e.mode + ": " + e.step + (e.total > 0 ? " " + e.done + " of " + e.total : "");
  }

  function runElement(e) {
    var div = document.createElement("div");
    div.className = "live-run";
    div.setAttribute("data-run", e.run);
    div.textContent = summary(e);
    return div;
  }

  function renderRuns(container) {
    if (!container) {
      return;
    }
    while (container.firstChild) {
      container.removeChild(container.firstChild);
    }
    Object.keys(runs).forEach(function (id) {
      container.appendChild(runElement(runs[id]));
    });
  }

  function addEvent(list, e) {
    var li = document.createElement("li");
    li.className = "event " + e.phase;
    li.setAttribute("data-position", String(e.position));
    li.setAttribute("data-run", e.run);
    var time = document.createElement("time");
    time.setAttribute("datetime", e.at);
    time.textContent = e.at;
    var phase = document.createElement("span");
    phase.className = "phase";
    phase.textContent = e.phase;
    li.appendChild(time);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(phase);
    li.appendChild(document.createTextNode(" " + summary(e) + (e.message ? " \u2014 " + e.message : "")));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > MAX_EVENTS) {
      list.removeChild(list.lastChild);
    }
  }

  function onEvent(message) {
    var e;
    try {
      e = JSON.parse(message.data);
    } catch (ignored) {
      return;
    }
    if (e.phase === "finished" || e.phase === "failed") {
      delete runs[e.run];
    } else {
      runs[e.run] = e;
    }
    renderRuns(document.getElementById("live-strip"));
    var page = document.getElementById("live-runs");
    if (page) {
      var empty = page.querySelector(".empty");
      if (empty) {
        empty.parentNode.removeChild(empty);
      }
      renderRuns(page);
    }
    var list = document.getElementById("live-events");
    if (list) {
      addEvent(list, e);
    }
  }

  function connect() {
    if (typeof EventSource === "undefined") {
      return;
    }
    var source = new EventSource("/api/v1/events/stream");
    source.addEventListener("factory", onEvent);
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, 3000);
      }
    };
  }

  function start() {
    document.querySelectorAll("#live-runs .live-run").forEach(function (div) {
      var id = div.getAttribute("data-run");
      runs[id] = {run: id, text: div.textContent};
    });
    connect();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
