// Live reload for `bearing serve` only: never part of a built site. It listens to the server's
// events, reloads the page when a newer site is published, and shows the errors that hold a
// rebuild back over the page (built from text nodes: nothing in a diagnostic runs as HTML).
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;
  var overlay = null;

  function hide() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "bearing-live-problems";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.25rem;background:#2b0b0e;color:#ffe9ea;border-top:4px solid #e5484d;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 -4px 24px rgba(0,0,0,.35)";
    var title = document.createElement("strong");
    title.textContent = "bearing serve: fix " + (problems.length === 1 ? "this error" : "these errors") +
      " to update the site (the last good pages are shown)";
    overlay.appendChild(title);
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-left:1.25rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.textContent = problem;
      list.appendChild(item);
    });
    overlay.appendChild(list);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Dismiss";
    close.style.cssText = "margin-top:.5rem";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }

  function update(event) {
    var state = JSON.parse(event.data);
    if (generation !== null && String(state.generation) !== generation) {
      location.reload();
      return;
    }
    if (state.problems.length) { show(state.problems); } else { hide(); }
  }

  if (!window.EventSource) { return; }
  var source = new EventSource("/_bearing/live");
  source.addEventListener("state", update);
})();
