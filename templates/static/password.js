// A "Show password" toggle after every password field: a real button (reachable and operable by
// keyboard), whose aria-pressed tells whether the password is shown. Progressive enhancement:
// without JavaScript the fields are plain password fields. Its label, in the page's language,
// comes from this script's data-label. A shown password is hidden again before its form is sent
// (a browser must not remember it as plain text).
(function () {
  "use strict";
  var script = document.currentScript;
  var label = (script && script.getAttribute("data-label")) || "Show password";
  document.querySelectorAll("input[type=password]").forEach(function (input) {
    if (!input.id) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "secondary reveal";
    button.textContent = label;
    button.setAttribute("aria-pressed", "false");
    button.setAttribute("aria-controls", input.id);
    button.addEventListener("click", function () {
      var show = input.type === "password";
      input.type = show ? "text" : "password";
      button.setAttribute("aria-pressed", show ? "true" : "false");
    });
    input.insertAdjacentElement("afterend", button);
    if (input.form) {
      input.form.addEventListener("submit", function () {
        input.type = "password";
        button.setAttribute("aria-pressed", "false");
      });
    }
  });
})();
