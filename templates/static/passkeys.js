// Passkeys (WebAuthn): the account page's "Add a passkey" form and the login page's "Sign in
// with a passkey" form. Each form carries the server's challenge in data attributes; this asks
// the browser for the credential, puts it (JSON, binary members base64url) into the form's
// hidden `credential` field and submits. A static file, so the pages keep their CSP.
(function () {
  'use strict';

  function toB64u(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromB64u(text) {
    var b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    while (b64.length % 4) b64 += '=';
    var raw = atob(b64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function credentialJson(c) {
    var r = c.response;
    var response = { clientDataJSON: toB64u(r.clientDataJSON) };
    if (r.attestationObject) response.attestationObject = toB64u(r.attestationObject);
    if (r.authenticatorData) {
      response.authenticatorData = toB64u(r.authenticatorData);
      response.signature = toB64u(r.signature);
      response.userHandle = r.userHandle ? toB64u(r.userHandle) : null;
    }
    return JSON.stringify({ id: c.id, rawId: toB64u(c.rawId), type: c.type, response: response });
  }

  function showError(form) {
    var p = form.querySelector('[data-passkey-error]');
    if (p) {
      p.textContent = form.dataset.failed;
      p.hidden = false;
      p.focus();
    }
  }

  function wire(form, ask) {
    if (!form) return;
    if (!window.PublicKeyCredential) {
      form.hidden = true;
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      ask(form.dataset).then(function (credential) {
        form.elements.credential.value = credentialJson(credential);
        form.submit();
      }).catch(function () {
        showError(form);
      });
    });
  }

  var algorithms = [-7, -8, -257].map(function (alg) { return { type: 'public-key', alg: alg }; });

  wire(document.getElementById('passkey-register'), function (d) {
    var exclude = (d.exclude || '').split(' ').filter(Boolean).map(function (id) {
      return { type: 'public-key', id: fromB64u(id) };
    });
    return navigator.credentials.create({ publicKey: {
      challenge: fromB64u(d.challenge),
      rp: { id: d.rpId, name: d.rpName },
      user: { id: fromB64u(d.userHandle), name: d.userName, displayName: d.userName },
      pubKeyCredParams: algorithms,
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'preferred' },
      attestation: 'none',
      excludeCredentials: exclude,
      timeout: 300000
    } });
  });

  wire(document.getElementById('passkey-sign-in'), function (d) {
    return navigator.credentials.get({ publicKey: {
      challenge: fromB64u(d.challenge),
      rpId: d.rpId,
      userVerification: 'preferred',
      timeout: 300000
    } });
  });
})();
