// The error summary's links take the person to the field itself: a link to a fragment only
// moves the reading position (the next Tab would land after the field), so a click focuses
// the field and shows its label above it. Without JavaScript the links still scroll there.
(function () {
  "use strict";
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var field = document.getElementById(link.getAttribute("href").slice(1));
      if (!field) return;
      event.preventDefault();
      var group = field.closest("fieldset");
      var label = document.querySelector("label[for='" + field.id + "']");
      var shown = (group && group.querySelector("legend")) || label || field;
      shown.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  });
})();
