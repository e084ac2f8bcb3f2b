// Bearing's site script: search (the index is a script, loaded on first use, so it works from
// file:// too), the decision log's status filter. Everything it shows is built with textContent.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";
  var input = document.getElementById("search");
  var box = document.getElementById("search-results");
  var index = null, loading = false, selected = -1, pending = null;

  function load(then) {
    if (index) { then(); return; }
    pending = then;
    if (loading) return;
    loading = true;
    var script = document.createElement("script");
    script.src = root + "_bearing/search-index.js";
    script.onload = function () {
      index = (window.BEARING_SEARCH || []).map(function (e) {
        return { id: e[0], title: e[1], type: e[2], status: e[3], tags: e[4], href: e[5], text: e[6],
                 hay: (e[0] + " " + e[1] + " " + e[4] + " " + e[6]).toLowerCase(), head: (e[0] + " " + e[1] + " " + e[4]).toLowerCase() };
      });
      document.documentElement.setAttribute("data-search-ready", "1");
      if (pending) { var p = pending; pending = null; p(); }
    };
    document.head.appendChild(script);
  }

  function terms(q) { return q.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; }); }

  function search(q) {
    var ts = terms(q);
    if (!ts.length) return [];
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var e = index[i], score = 0, ok = true;
      for (var j = 0; j < ts.length; j++) {
        var t = ts[j];
        if (e.hay.indexOf(t) < 0) { ok = false; break; }
        if (e.title.toLowerCase().indexOf(t) >= 0) score += 10;
        if (e.id.toLowerCase() === t) score += 20;
        if (e.head.indexOf(t) >= 0) score += 3;
        score += 1;
      }
      if (ok) hits.push({ e: e, score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.e.title < b.e.title ? -1 : a.e.title > b.e.title ? 1 : 0); });
    return hits.slice(0, 20).map(function (h) { return h.e; });
  }

  // Appends text to el with every search term wrapped in <mark>.
  function highlight(el, text, ts) {
    var lower = text.toLowerCase(), pos = 0;
    while (pos < text.length) {
      var best = -1, len = 0;
      for (var j = 0; j < ts.length; j++) {
        var at = lower.indexOf(ts[j], pos);
        if (at >= 0 && (best < 0 || at < best)) { best = at; len = ts[j].length; }
      }
      if (best < 0) { el.appendChild(document.createTextNode(text.slice(pos))); break; }
      if (best > pos) el.appendChild(document.createTextNode(text.slice(pos, best)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(best, best + len);
      el.appendChild(mark);
      pos = best + len;
    }
  }

  function snippet(text, ts) {
    var lower = text.toLowerCase(), at = -1;
    for (var j = 0; j < ts.length && at < 0; j++) at = lower.indexOf(ts[j]);
    if (at < 0) return text.slice(0, 120);
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, start + 140) + (start + 140 < text.length ? "…" : "");
  }

  function show(q) {
    var ts = terms(q);
    while (box.firstChild) box.removeChild(box.firstChild);
    selected = -1;
    if (!ts.length) { box.hidden = true; return; }
    var results = search(q);
    if (!results.length) {
      var none = document.createElement("p");
      none.className = "none";
      none.textContent = "No document matches “" + q + "”.";
      box.appendChild(none);
    }
    results.forEach(function (e, i) {
      var a = document.createElement("a");
      a.className = "result";
      a.href = root + e.href;
      a.id = "search-result-" + i;
      a.setAttribute("role", "option");
      var title = document.createElement("span");
      title.className = "r-title";
      highlight(title, e.title, ts);
      var meta = document.createElement("span");
      meta.className = "r-meta";
      meta.textContent = e.type + " · " + e.status + " · " + e.id;
      var text = document.createElement("span");
      text.className = "r-text";
      highlight(text, snippet(e.text, ts), ts);
      a.appendChild(title); a.appendChild(meta); a.appendChild(text);
      box.appendChild(a);
    });
    box.hidden = false;
    document.documentElement.setAttribute("data-search-results", String(results.length));
  }

  function select(n) {
    var links = box.querySelectorAll("a.result");
    if (!links.length) return;
    selected = (n + links.length) % links.length;
    for (var i = 0; i < links.length; i++) links[i].setAttribute("aria-selected", i === selected ? "true" : "false");
    links[selected].scrollIntoView({ block: "nearest" });
    input.setAttribute("aria-activedescendant", links[selected].id);
  }

  if (input && box) {
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () { var q = input.value; load(function () { show(q); }); });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { select(selected + 1); ev.preventDefault(); }
      else if (ev.key === "ArrowUp") { select(selected - 1); ev.preventDefault(); }
      else if (ev.key === "Enter") {
        var links = box.querySelectorAll("a.result");
        if (links.length) { window.location.href = links[selected >= 0 ? selected : 0].href; ev.preventDefault(); }
      } else if (ev.key === "Escape") { input.value = ""; show(""); input.blur(); }
    });
    document.addEventListener("keydown", function (ev) {
      var tag = (ev.target && ev.target.tagName) || "";
      if (ev.key === "/" && tag !== "INPUT" && tag !== "TEXTAREA" && tag !== "SELECT" && !ev.ctrlKey && !ev.metaKey) {
        input.focus(); ev.preventDefault();
      }
    });
    document.addEventListener("click", function (ev) {
      if (!box.contains(ev.target) && ev.target !== input) box.hidden = true;
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) { input.value = q; load(function () { show(q); }); }
  }

  // The decision log's status filter: rows whose data-status differs are hidden.
  var filter = document.getElementById("status-filter");
  if (filter) {
    var table = document.getElementById(filter.getAttribute("data-filter-target"));
    filter.addEventListener("change", function () {
      var rows = table.querySelectorAll("tbody tr");
      for (var i = 0; i < rows.length; i++) rows[i].hidden = filter.value !== "" && rows[i].getAttribute("data-status") !== filter.value;
    });
  }
})();
