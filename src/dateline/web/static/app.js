// The article view: hovering, focusing or clicking a marked passage shows its facts in the side panel.
// Facts come from the page's JSON block; they are written with textContent, never as HTML.
(function () {
  "use strict";
  var data = document.getElementById("facts");
  var text = document.getElementById("article-text");
  if (!data || !text) return;
  var facts = JSON.parse(data.textContent || "{}");
  var body = document.getElementById("fact-body");
  var hint = document.getElementById("fact-hint");
  var selected = null;

  function show(mark) {
    var ids = (mark.getAttribute("data-facts") || "").split(" ");
    body.replaceChildren();
    ids.forEach(function (id) {
      var fact = facts[id];
      if (!fact) return;
      var title = document.createElement("div");
      title.className = "fact-title";
      title.textContent = fact.fact;
      body.appendChild(title);
      Object.keys(fact).forEach(function (key) {
        if (key === "fact") return;
        var dt = document.createElement("dt");
        dt.textContent = key;
        var dd = document.createElement("dd");
        dd.textContent = String(fact[key]);
        body.appendChild(dt);
        body.appendChild(dd);
      });
    });
    if (hint) hint.hidden = true;
  }

  function markOf(target) {
    return target && target.closest ? target.closest(".mark") : null;
  }

  function fromHash() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    var anchor = id ? document.getElementById(id) : null;
    if (!anchor || !text.contains(anchor)) return;
    var next = anchor.nextElementSibling;
    while (next && next.classList.contains("anchor")) next = next.nextElementSibling;
    var mark = next && (next.classList.contains("mark") ? next : next.querySelector(".mark"));
    if (!mark) return;
    if (selected) selected.classList.remove("selected");
    selected = mark;
    selected.classList.add("selected");
    show(selected);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  text.addEventListener("mouseover", function (e) {
    var mark = markOf(e.target);
    if (mark && !selected) show(mark);
  });
  text.addEventListener("focusin", function (e) {
    var mark = markOf(e.target);
    if (mark) show(mark);
  });
  text.addEventListener("click", function (e) {
    var mark = markOf(e.target);
    if (!mark) return;
    if (mark.parentElement && mark.parentElement.tagName === "A" && !e.altKey) return; // entity link: follow it
    if (selected) selected.classList.remove("selected");
    selected = selected === mark ? null : mark;
    if (selected) {
      selected.classList.add("selected");
      show(selected);
    }
  });
})();
