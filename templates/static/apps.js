// Copy buttons of the page that shows an app secret once. Without JavaScript the buttons stay
// hidden and the values remain selectable in their read-only fields. Each copy is announced in
// the page's status region (role="status"), so a screen reader hears it too (WCAG 4.1.3); when
// the clipboard refuses, the value is selected and the status says how to copy it.
(function () {
  "use strict";
  var status = document.getElementById("copy-status");
  var announce = function (text) {
    if (!status) return;
    // Emptied first so that the same message twice is announced twice.
    status.textContent = "";
    setTimeout(function () { status.textContent = text; }, 50);
  };
  document.querySelectorAll("button[data-copy]").forEach(function (button) {
    var input = document.getElementById(button.getAttribute("data-copy"));
    if (!input) return;
    button.hidden = false;
    var selected = function () {
      input.focus();
      input.select();
      announce(button.getAttribute("data-selected"));
    };
    button.addEventListener("click", function () {
      var done = function () { announce(button.getAttribute("data-copied")); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(input.value).then(done, selected);
      } else {
        input.select();
        if (document.execCommand && document.execCommand("copy")) done(); else selected();
      }
    });
  });
})();
