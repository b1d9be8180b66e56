// The form_post response mode (OAuth 2.0 Form Post Response Mode §2): the authorization
// response is posted to the app at once. The page's CSP allows only scripts from this origin,
// so this file does it instead of an inline script; without JavaScript the person presses the
// page's button.
(function () {
  "use strict";
  var form = document.getElementById("authorization-response");
  if (form) form.submit();
})();
