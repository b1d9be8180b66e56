// Client ID Metadata Documents driven by an independent client library, oauth4webapi: the
// client is not registered; its client_id is the https URL of its metadata document, served
// here from a loopback HTTPS server whose certificate the server under test trusts (a test CA
// made by scripts/browser-test.sh, with outbound.allow_private_addresses on). oauth4webapi
// reads our discovery document, a real browser goes through our login and consent pages (the
// consent page names the app by its URL's host), and the code is redeemed with PKCE and the
// refresh token used, both with token_endpoint_auth_method none.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, ARTIFACTS_DIR, CIMD_TLS_KEY, CIMD_TLS_CERT
// (scripts/browser-test.sh provides them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const REDIRECT = 'http://127.0.0.1:8766/callback';
const NAME = 'Metadata Document Agent';
// The server under test listens on plain http on the loopback interface.
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
let documents;
let clientId;
let fetched = 0;

before(async () => {
  browser = await launchBrowser();
  documents = createServer({
    key: readFileSync(required('CIMD_TLS_KEY')),
    cert: readFileSync(required('CIMD_TLS_CERT')),
  }, (req, res) => {
    if (req.url !== '/agent/client.json') { res.writeHead(404).end(); return; }
    fetched += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
    res.end(JSON.stringify({
      client_id: clientId,
      client_name: NAME,
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      scope: 'profile email',
    }));
  });
  await new Promise((resolve) => documents.listen(0, '127.0.0.1', resolve));
  clientId = `https://localhost:${documents.address().port}/agent/client.json`;
});
after(async () => {
  await browser?.close();
  documents?.close();
});

test('oauth4webapi signs in with a URL client id through the login and consent pages', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.equal(as.client_id_metadata_document_supported, true);
  const client = { client_id: clientId };
  const auth = oauth.None();
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();

  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: 'profile', state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.goto(url.href);
  assert.match(page.url(), /\/accounts\/login\//);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  const main = await page.textContent('main');
  assert.match(main, /Authorize the app at localhost/);
  assert.match(main, new RegExp(`It calls itself “${NAME}” \\(stated by the app`));
  await page.screenshot({ path: join(ARTIFACTS, 'client-id-metadata-consent.png'), fullPage: true });
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
    page.click('main button[name=decision][value=allow]'),
  ]);
  await context.close();

  const params = oauth.validateAuthResponse(as, client, new URL(request.url()), state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, insecure));
  assert.equal(tokens.token_type.toLowerCase(), 'bearer');
  assert.equal(tokens.scope, 'profile');
  assert.ok(tokens.refresh_token);

  const refreshed = await oauth.processRefreshTokenResponse(as, client,
    await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token, insecure));
  assert.ok(refreshed.access_token);
  assert.notEqual(refreshed.access_token, tokens.access_token);
  assert.equal(fetched, 1, 'the document was fetched once and then cached');
});
