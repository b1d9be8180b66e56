// Dynamic client registration (RFC 7591) driven by an independent client library,
// oauth4webapi: it reads our discovery document, registers a confidential client at the
// registration_endpoint with the initial access token an administrator minted on the command
// line, then uses the new client in the authorization code flow with PKCE through a real
// browser (login and consent pages), validates the response and redeems the code. The same
// token cannot register a second client (it allowed one).
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, REGISTRATION_TOKEN, ARTIFACTS_DIR
// (scripts/browser-test.sh provides them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const TOKEN = required('REGISTRATION_TOKEN');
const REDIRECT = 'http://127.0.0.1:8766/callback';
// The server under test listens on plain http on the loopback interface.
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a client registers with an initial access token and then signs a person in', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.equal(as.registration_endpoint, `${BASE_URL}/oauth2/register`);
  const metadata = {
    client_name: 'Self-registered browser app',
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'openid profile',
  };
  const client = await oauth.processDynamicClientRegistrationResponse(
    await oauth.dynamicClientRegistrationRequest(as, metadata,
      { initialAccessToken: TOKEN, ...insecure }));
  assert.ok(client.client_id);
  assert.ok(client.client_secret);
  assert.equal(client.client_secret_expires_at, 0);
  assert.equal(client.registration_client_uri, `${BASE_URL}/oauth2/register/${client.client_id}`);

  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({
    client_id: client.client_id, response_type: 'code', redirect_uri: REDIRECT, scope: 'profile',
    state, code_challenge_method: 'S256', code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
  })) url.searchParams.set(k, v);
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.route(`${REDIRECT}**`, (route) => route.fulfill({ status: 200, body: 'received' }));
  await page.goto(url.href);
  assert.match(page.url(), /\/accounts\/login\//);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  const callback = page.waitForRequest((r) => r.url().startsWith(REDIRECT));
  await page.click('main button[type=submit]');
  await page.waitForLoadState();
  assert.match(await page.locator('main').innerText(), /Self-registered browser app/);
  await page.screenshot({ path: join(ARTIFACTS, 'dcr-consent.png'), fullPage: true });
  await page.click('main button[name=decision][value=allow]');
  const request = await callback;
  await context.close();
  const params = oauth.validateAuthResponse(as, client, new URL(request.url()), state);
  const auth = oauth.ClientSecretBasic(client.client_secret);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, insecure));
  assert.equal(tokens.token_type.toLowerCase(), 'bearer');
  assert.ok(tokens.refresh_token);

  // The token allowed one registration: a second is refused with a Bearer challenge.
  const again = await oauth.dynamicClientRegistrationRequest(as, metadata,
    { initialAccessToken: TOKEN, ...insecure });
  assert.equal(again.status, 401);
  assert.equal((await again.json()).error, 'invalid_token');
});
