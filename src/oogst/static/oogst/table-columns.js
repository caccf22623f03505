// A column chooser for a wide table (the register): a checkbox per column but the first,
// remembered in this browser. Without this script the chooser stays hidden and every column shows.
(function () {
  "use strict";
  function init(chooser) {
    var table = document.getElementById(chooser.getAttribute("data-columns-for"));
    if (!table) return;
    var key = "oogst.columns." + table.id;
    var hidden = [];
    try {
      hidden = JSON.parse(window.localStorage.getItem(key) || "[]");
    } catch (e) {
      hidden = [];
    }
    var headers = table.querySelectorAll("thead th");
    var choices = chooser.querySelector("fieldset");
    function apply() {
      table.querySelectorAll("tr").forEach(function (row) {
        Array.prototype.forEach.call(row.children, function (cell, index) {
          cell.hidden = hidden.indexOf(index) !== -1;
        });
      });
    }
    Array.prototype.forEach.call(headers, function (header, index) {
      if (index === 0) return; // the pilot's name always shows
      var id = table.id + "-column-" + index;
      var choice = document.createElement("div");
      choice.className = "oogst-choice";
      var box = document.createElement("input");
      box.type = "checkbox";
      box.id = id;
      box.className = "utrecht-checkbox utrecht-checkbox--html-input";
      box.checked = hidden.indexOf(index) === -1;
      box.addEventListener("change", function () {
        hidden = hidden.filter(function (i) { return i !== index; });
        if (!box.checked) hidden.push(index);
        try {
          window.localStorage.setItem(key, JSON.stringify(hidden));
        } catch (e) {
          // Private browsing may refuse storage: the choice then lasts for this page only.
        }
        apply();
      });
      var label = document.createElement("label");
      label.className = "utrecht-form-label utrecht-form-label--checkbox";
      label.htmlFor = id;
      label.textContent = header.textContent.trim();
      choice.appendChild(box);
      choice.appendChild(label);
      choices.appendChild(choice);
    });
    chooser.hidden = false;
    apply();
  }
  function start() {
    document.querySelectorAll("[data-columns-for]").forEach(init);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
