// An error summary (core/_error_summary.html) takes the focus when the page loads, so the user
// hears and sees at once that the form was not saved. Its links move the focus to the field.
(function () {
  "use strict";
  function init() {
    var summary = document.querySelector("[data-error-summary]");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var input = document.getElementById(link.getAttribute("href").slice(1));
      if (!input) return;
      event.preventDefault();
      // Show the field's label and message with it, not only the input's top edge.
      var field = input.closest(".utrecht-form-field, fieldset") || input;
      field.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
