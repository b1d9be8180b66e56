// DPoP (RFC 9449) with an independent client library, oauth4webapi: a person signs in and
// consents in a real browser, the app redeems the code with a DPoP proof of a WebCrypto key pair
// (the server asks for a nonce first: oauth4webapi retries with the DPoP-Nonce it was given),
// gets a DPoP-bound token, and calls userinfo and the JSON API with protectedResourceRequest
// (a nonce retry there too); the same token sent as a bearer token is refused.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, DPOP_APP_JSON, ARTIFACTS_DIR
// (scripts/browser-test.sh provides them, with oauth.dpop_nonce on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
// An app of its own: the consent given here is never remembered for another suite's app.
const APP = JSON.parse(required('DPOP_APP_JSON'));
const REDIRECT = APP.redirect_uris[0];
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** Runs `request` once more when the server answered `use_dpop_nonce` (the handle kept it). */
async function withNonceRetry(request) {
  try {
    return await request();
  } catch (err) {
    if (!oauth.isDPoPNonceError(err)) throw err;
    return request();
  }
}

/** The code of an authorization the person gives in the browser. */
async function authorize(as, client, verifier, state) {
  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({
    client_id: client.client_id, response_type: 'code', redirect_uri: REDIRECT,
    scope: 'openid profile', state, code_challenge_method: 'S256',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
  })) url.searchParams.set(k, v);
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.route(`${REDIRECT}**`, (route) => route.fulfill({ status: 200, body: 'received' }));
  await page.goto(url.href);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  const callback = page.waitForRequest((r) => r.url().startsWith(REDIRECT));
  await page.click('main button[type=submit]');
  await page.waitForLoadState();
  if (await page.locator('main button[name=decision][value=allow]').count()) {
    await page.screenshot({ path: join(ARTIFACTS, 'dpop-consent.png'), fullPage: true });
    await page.click('main button[name=decision][value=allow]');
  }
  const request = await callback;
  await context.close();
  return oauth.validateAuthResponse(as, client, new URL(request.url()), state);
}

test('oauth4webapi gets a DPoP-bound token through the code flow and uses it at our APIs', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.ok(as.dpop_signing_alg_values_supported.includes('ES256'));
  const client = { client_id: APP.client_id };
  const auth = oauth.ClientSecretBasic(APP.client_secret);
  const keyPair = await oauth.generateKeyPair('ES256');
  const DPoP = oauth.DPoP(client, keyPair);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const params = await authorize(as, client, verifier, state);

  // The first exchange is refused with use_dpop_nonce; the retry carries the nonce.
  let nonceAsked = false;
  const tokens = await (async () => {
    const exchange = async () => oauth.processAuthorizationCodeResponse(as, client,
      await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier,
        { DPoP, ...insecure }));
    try {
      return await exchange();
    } catch (err) {
      if (!oauth.isDPoPNonceError(err)) throw err;
      nonceAsked = true;
      return exchange();
    }
  })();
  assert.ok(nonceAsked, 'the server asked for a nonce');
  assert.equal(tokens.token_type, 'dpop');

  for (const path of ['/oauth2/userinfo', '/api/v1/me']) {
    const response = await withNonceRetry(() => oauth.protectedResourceRequest(
      tokens.access_token, 'GET', new URL(`${BASE_URL}${path}`), undefined, undefined,
      { DPoP, ...insecure }));
    assert.equal(response.status, 200, path);
    const body = await response.json();
    assert.ok(body.sub || body.username, `${path}: ${JSON.stringify(body)}`);
  }

  // As a bearer token it is refused (RFC 9449 §7.2).
  const bearer = await fetch(`${BASE_URL}/oauth2/userinfo`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  assert.equal(bearer.status, 401);
  assert.equal((await bearer.json()).error, 'invalid_token');
});
