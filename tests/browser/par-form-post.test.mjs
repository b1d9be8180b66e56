// Pushed authorization requests (RFC 9126) and the Form Post Response Mode driven by an
// independent client library, oauth4webapi: it reads our discovery document, pushes the
// request with client_secret_basic, sends a real browser to /oauth2/authorize with only
// client_id and request_uri, receives the response the page's script POSTs to the callback,
// validates it (state, iss) and redeems the code with PKCE. The callback is never served: the
// browser's POST to it is intercepted and read.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, OAUTH_APP_JSON, ARTIFACTS_DIR
// (scripts/browser-test.sh provides them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const APP = JSON.parse(required('OAUTH_APP_JSON'));
const REDIRECT = APP.redirect_uris[0];
// The server under test listens on plain http on the loopback interface.
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function server() {
  const issuer = new URL(BASE_URL);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure });
  return oauth.processDiscoveryResponse(issuer, response);
}

test('a pushed request comes back through form_post and its code is redeemed', async () => {
  const as = await server();
  assert.equal(as.pushed_authorization_request_endpoint, `${BASE_URL}/oauth2/par`);
  assert.ok(as.response_modes_supported.includes('form_post'));
  const client = { client_id: APP.client_id };
  const auth = oauth.ClientSecretBasic(APP.client_secret);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const pushed = await oauth.processPushedAuthorizationResponse(as, client,
    await oauth.pushedAuthorizationRequest(as, client, auth, {
      response_type: 'code', response_mode: 'form_post', redirect_uri: REDIRECT,
      scope: 'profile', state, code_challenge_method: 'S256',
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    }, insecure));
  assert.match(pushed.request_uri, /^urn:ietf:params:oauth:request_uri:/);
  assert.ok(pushed.expires_in > 0 && pushed.expires_in <= 60);

  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.route(`${REDIRECT}**`, (route) => route.fulfill({ status: 200, body: 'received' }));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('request_uri', pushed.request_uri);
  await page.goto(url.href);
  assert.match(page.url(), /\/accounts\/login\//);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  const callback = page.waitForRequest((r) => r.url().startsWith(REDIRECT));
  await page.click('main button[type=submit]');
  // The consent page, unless another suite already gave `profile` to this app.
  await page.waitForLoadState();
  if (await page.locator('main button[name=decision][value=allow]').count()) {
    await page.screenshot({ path: join(ARTIFACTS, 'par-consent.png'), fullPage: true });
    await page.click('main button[name=decision][value=allow]');
  }
  const request = await callback;
  await context.close();
  assert.equal(request.method(), 'POST');
  const posted = new URLSearchParams(request.postData() ?? '');
  const params = oauth.validateAuthResponse(as, client, posted, state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, insecure));
  assert.equal(tokens.token_type.toLowerCase(), 'bearer');
  assert.ok(tokens.access_token);

  // The request_uri was used up by that answer.
  const replay = await fetch(url.href, { redirect: 'manual' });
  assert.equal(replay.status, 400);
  assert.equal(replay.headers.get('location'), null);
});

test('the PAR endpoint refuses an app that does not authenticate', async () => {
  const as = await server();
  const client = { client_id: APP.client_id };
  const response = await oauth.pushedAuthorizationRequest(as, client, oauth.None(), {
    response_type: 'code', redirect_uri: REDIRECT, scope: 'profile',
  }, insecure);
  // A 401 with a Basic challenge (RFC 6749 §5.2), which the library reports as such.
  const err = await oauth.processPushedAuthorizationResponse(as, client, response).then(
    () => assert.fail('an unauthenticated push was accepted'), (e) => e);
  assert.ok(err instanceof oauth.WWWAuthenticateChallengeError, String(err));
  assert.equal(err.status, 401);
  assert.equal(err.cause[0].scheme, 'basic');
  assert.equal((await err.response.json()).error, 'invalid_client');
});
