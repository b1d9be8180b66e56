// Dynamic client registration (RFC 7591) driven by an independent client library,
// oauth4webapi: it reads our discovery document, registers a confidential client at the
// registration_endpoint with the initial access token an administrator minted on the command
// line, then uses the new client in the authorization code flow with PKCE through a real
// browser (login and consent pages), validates the response and redeems the code. The same
// token cannot register a second client (it allowed one). Then the client configuration
// endpoint (RFC 7592): a client reads, replaces and deletes its registration with its own
// registration access token, replaced at each use; another client's token reaches nothing.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, REGISTRATION_TOKEN,
// REGISTRATION_MANAGEMENT_TOKEN, ARTIFACTS_DIR (scripts/browser-test.sh provides them).
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

test('a registered client reads, replaces and deletes its registration with its own rotating token', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  const metadata = {
    client_name: 'Managed browser app',
    redirect_uris: [REDIRECT],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'openid profile',
  };
  const initialAccessToken = required('REGISTRATION_MANAGEMENT_TOKEN');
  const register = async (name) => oauth.processDynamicClientRegistrationResponse(
    await oauth.dynamicClientRegistrationRequest(as, { ...metadata, client_name: name },
      { initialAccessToken, ...insecure }));
  const mine = await register('Managed browser app');
  const theirs = await register('Another browser app');
  const configuration = (method, token, body) => fetch(mine.registration_client_uri, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  // A code that does not exist: invalid_grant while the client is registered, invalid_client after.
  const tokenError = async () => {
    const response = await oauth.genericTokenEndpointRequest(as, { client_id: mine.client_id },
      oauth.ClientSecretBasic(mine.client_secret), 'authorization_code',
      { code: 'no-such-code', redirect_uri: REDIRECT, code_verifier: 'v'.repeat(43) }, insecure);
    return (await response.json()).error;
  };
  assert.equal(await tokenError(), 'invalid_grant');

  const read = await configuration('GET', mine.registration_access_token);
  assert.equal(read.status, 200);
  const current = await read.json();
  assert.equal(current.client_id, mine.client_id);
  assert.equal(current.client_name, 'Managed browser app');
  assert.ok(current.registration_access_token);
  assert.notEqual(current.registration_access_token, mine.registration_access_token);
  assert.equal((await configuration('GET', mine.registration_access_token)).status, 401,
    'the token was replaced at the read');
  assert.equal((await configuration('GET', theirs.registration_access_token)).status, 401,
    "another client's token");

  const replaced = await configuration('PUT', current.registration_access_token,
    { ...metadata, client_id: mine.client_id, client_name: 'Renamed browser app' });
  assert.equal(replaced.status, 200);
  const after = await replaced.json();
  assert.equal(after.client_name, 'Renamed browser app');

  assert.equal((await configuration('DELETE', theirs.registration_access_token)).status, 401);
  assert.equal(await tokenError(), 'invalid_grant', "another client's token deleted nothing");
  assert.equal((await configuration('DELETE', after.registration_access_token)).status, 204);
  assert.equal((await configuration('GET', after.registration_access_token)).status, 401);
  assert.equal(await tokenError(), 'invalid_client', 'the deleted client cannot authenticate');
});
