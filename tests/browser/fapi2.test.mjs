// A whole FAPI 2.0 flow with an independent client library, oauth4webapi: a person registers an
// app on the apps page with a public key (a P-256 key pair made by WebCrypto) and the FAPI 2.0
// and DPoP switches on; oauth4webapi pushes the authorization request (PAR) authenticated with
// private_key_jwt and carrying a DPoP proof (retried with the server's nonce), a real browser
// signs in and consents with only client_id and request_uri, the response is validated (state,
// iss), the code is redeemed with private_key_jwt and a DPoP proof of the same key, and the
// DPoP-bound token reads userinfo; a request sent through the browser instead is refused.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, ARTIFACTS_DIR (scripts/browser-test.sh,
// which turns oauth.dpop_nonce on).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const REDIRECT = 'http://127.0.0.1:8766/fapi-callback';
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function signIn(page) {
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
}

/** Registers a FAPI 2.0 app with `jwks` through the apps page; its client id. */
async function registerFapiApp(jwks) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1600 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/accounts/login/`);
  await signIn(page);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await page.goto(`${BASE_URL}/oauth/applications/register/`);
  await page.fill('#name', 'FAPI 2.0 app');
  await page.fill('#redirect_uris', REDIRECT);
  await page.check('input[name=token_endpoint_auth_method][value=private_key_jwt]');
  await page.fill('#jwks', JSON.stringify(jwks));
  await page.check('#dpop_bound_access_tokens');
  await page.check('#fapi2');
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await page.screenshot({ path: join(ARTIFACTS, 'apps-registered-fapi2.png'), fullPage: true });
  const clientId = await page.inputValue('#client-id');
  await context.close();
  return clientId;
}

/** Runs `request` once more when the server answered `use_dpop_nonce` (the handle kept it). */
async function withNonceRetry(request) {
  try {
    return await request();
  } catch (err) {
    if (!oauth.isDPoPNonceError(err)) throw err;
    return request();
  }
}

test('oauth4webapi completes a FAPI 2.0 flow: PAR with private_key_jwt and DPoP, pages, DPoP-bound code and userinfo', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.equal(as.authorization_response_iss_parameter_supported, true);

  const { privateKey, publicKey } = await crypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const kid = 'fapi-key-1';
  const jwk = { ...(await crypto.subtle.exportKey('jwk', publicKey)), kid, alg: 'ES256', use: 'sig' };
  delete jwk.key_ops;
  delete jwk.ext;
  const client = { client_id: await registerFapiApp({ keys: [jwk] }) };
  const auth = oauth.PrivateKeyJwt({ key: privateKey, kid });
  const DPoP = oauth.DPoP(client, await oauth.generateKeyPair('ES256'));

  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const parameters = {
    response_type: 'code', redirect_uri: REDIRECT, scope: 'openid profile', state,
    code_challenge_method: 'S256', code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
  };
  const pushed = await withNonceRetry(async () => oauth.processPushedAuthorizationResponse(as, client,
    await oauth.pushedAuthorizationRequest(as, client, auth, parameters, { DPoP, ...insecure })));
  assert.ok(pushed.expires_in > 0 && pushed.expires_in < 600);

  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.route(`${REDIRECT}**`, (route) => route.fulfill({ status: 200, body: 'received' }));
  // The same request through the browser, not pushed: sent back with the FAPI rule it breaks.
  const direct = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({ ...parameters, client_id: client.client_id })) {
    direct.searchParams.set(k, v);
  }
  const refused = await fetch(direct.href, { redirect: 'manual' });
  assert.equal(refused.status, 303);
  const back = new URL(refused.headers.get('location'));
  assert.equal(back.searchParams.get('error'), 'invalid_request');
  assert.match(back.searchParams.get('error_description'), /FAPI 2\.0/);

  const url = new URL(as.authorization_endpoint);
  url.searchParams.set('client_id', client.client_id);
  url.searchParams.set('request_uri', pushed.request_uri);
  await page.goto(url.href);
  assert.match(page.url(), /\/accounts\/login\//);
  await signIn(page);
  const callback = page.waitForRequest((r) => r.url().startsWith(REDIRECT));
  await page.click('main button[type=submit]');
  await page.waitForLoadState();
  if (await page.locator('main button[name=decision][value=allow]').count()) {
    await page.screenshot({ path: join(ARTIFACTS, 'fapi2-consent.png'), fullPage: true });
    await page.click('main button[name=decision][value=allow]');
  }
  const request = await callback;
  await context.close();
  const params = oauth.validateAuthResponse(as, client, new URL(request.url()), state);

  const tokens = await withNonceRetry(async () => oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier,
      { DPoP, ...insecure })));
  assert.equal(tokens.token_type, 'dpop');

  const response = await withNonceRetry(() => oauth.protectedResourceRequest(
    tokens.access_token, 'GET', new URL(`${BASE_URL}/oauth2/userinfo`), undefined, undefined,
    { DPoP, ...insecure }));
  assert.equal(response.status, 200);
  assert.ok((await response.json()).sub);

  const bearer = await fetch(`${BASE_URL}/oauth2/userinfo`, {
    headers: { authorization: `Bearer ${tokens.access_token}` },
  });
  assert.equal(bearer.status, 401);
});
