// private_key_jwt (RFC 7523) with an independent client library, oauth4webapi: a person
// registers an app through the apps page with a public key (a P-256 key pair made by WebCrypto)
// instead of a secret, and oauth4webapi's PrivateKeyJwt signs the client assertions of a
// client_credentials grant and of an introspection; a replay of one assertion is refused.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, ARTIFACTS_DIR (scripts/browser-test.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

/** Registers a client_credentials app with `jwks` through the apps page; its client id. */
async function registerWithKeys(jwks) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1400 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await submit(page);
  await page.goto(`${BASE_URL}/oauth/applications/register/`);
  await page.fill('#name', 'Signed assertions');
  await page.uncheck('input[name=grant_types][value=authorization_code]');
  await page.uncheck('input[name=grant_types][value=refresh_token]');
  await page.check('input[name=grant_types][value=client_credentials]');
  await page.check('input[name=token_endpoint_auth_method][value=private_key_jwt]');
  await page.fill('#jwks', JSON.stringify(jwks));
  await submit(page);
  await page.screenshot({ path: join(ARTIFACTS, 'apps-registered-private-key-jwt.png'), fullPage: true });
  assert.equal(await page.locator('#client-secret').count(), 0, 'no secret is shown');
  assert.match(await page.textContent('main'), /private_key_jwt/);
  const clientId = await page.inputValue('#client-id');
  await context.close();
  return clientId;
}

test('oauth4webapi authenticates with private_key_jwt after the key is registered on the apps page', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.ok(as.token_endpoint_auth_methods_supported.includes('private_key_jwt'));
  assert.ok(as.token_endpoint_auth_signing_alg_values_supported.includes('ES256'));

  const { privateKey, publicKey } = await crypto.subtle.generateKey(
    { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const kid = 'browser-key-1';
  const jwk = { ...(await crypto.subtle.exportKey('jwk', publicKey)), kid, alg: 'ES256', use: 'sig' };
  delete jwk.key_ops;
  delete jwk.ext;
  const clientId = await registerWithKeys({ keys: [jwk] });
  const client = { client_id: clientId };
  const auth = oauth.PrivateKeyJwt({ key: privateKey, kid });

  const tokens = await oauth.processClientCredentialsResponse(as, client,
    await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams({ scope: 'profile' }), insecure));
  assert.equal(tokens.token_type.toLowerCase(), 'bearer');
  assert.equal(tokens.scope, 'profile');

  const introspection = await oauth.processIntrospectionResponse(as, client,
    await oauth.introspectionRequest(as, client, auth, tokens.access_token, insecure));
  assert.equal(introspection.active, true);
  assert.equal(introspection.client_id, clientId);

  // The same assertion twice: oauth4webapi makes a new one per request, so send one by hand.
  let captured;
  const capture = {
    ...insecure,
    [oauth.customFetch]: (url, init) => { captured = init.body.toString(); return fetch(url, init); },
  };
  await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams({ scope: 'profile' }), capture);
  const replay = await fetch(as.token_endpoint, {
    method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: captured,
  });
  assert.equal(replay.status, 401);
  assert.equal((await replay.json()).error, 'invalid_client');
});
