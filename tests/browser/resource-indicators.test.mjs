// RFC 9728 and RFC 8707 driven by an independent client library, oauth4webapi: a refused call
// to our API names its protected resource metadata, which names us as the authorization
// server; then resource indicators through a real browser (login and consent pages): a code
// for two resource servers gives a token whose `aud` is both, a refresh narrows it to one, and
// a refresh naming a resource server we do not know is `invalid_target` and spends nothing.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, ARTIFACTS_DIR, RESOURCE_APP_JSON,
// MCP_PORT, MCP_OTHER_RESOURCE (scripts/browser-test.sh registers the two resource servers,
// both defining `mcp:tools`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const APP = JSON.parse(required('RESOURCE_APP_JSON'));
const MCP = `http://127.0.0.1:${required('MCP_PORT')}/mcp`;
const OTHER = required('MCP_OTHER_RESOURCE');
const REDIRECT = 'http://127.0.0.1:8768/callback';
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

test('a refused API call leads through RFC 9728 metadata to our authorization server', async () => {
  const me = new URL('/api/v1/me', BASE_URL);
  let challenges;
  await assert.rejects(
    oauth.protectedResourceRequest('not-a-token', 'GET', me, undefined, undefined, insecure),
    (e) => {
      challenges = e.cause;
      return e instanceof oauth.WWWAuthenticateChallengeError && e.response.status === 401;
    });
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  assert.ok(bearer, JSON.stringify(challenges));
  const metadataUrl = new URL(bearer.parameters.resource_metadata);
  assert.equal(metadataUrl.href, new URL('/.well-known/oauth-protected-resource', BASE_URL).href);

  const resource = new URL(BASE_URL);
  const metadata = await oauth.processResourceDiscoveryResponse(resource,
    await oauth.resourceDiscoveryRequest(resource, insecure));
  assert.deepEqual(metadata.authorization_servers, [BASE_URL]);
  assert.ok(metadata.scopes_supported.includes('profile'));
  const issuer = new URL(metadata.authorization_servers[0]);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  assert.equal(as.issuer, BASE_URL);
});

test('a token for two resource servers is narrowed to one at refresh; an unknown one is invalid_target', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  const client = { client_id: APP.client_id };
  const auth = oauth.ClientSecretBasic(APP.client_secret);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams([
    ['response_type', 'code'], ['client_id', APP.client_id], ['redirect_uri', REDIRECT],
    ['scope', 'mcp:tools'], ['state', state], ['resource', MCP], ['resource', OTHER],
    ['code_challenge', await oauth.calculatePKCECodeChallenge(verifier)],
    ['code_challenge_method', 'S256'],
  ]).toString();

  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  await page.goto(url.href);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  await page.screenshot({ path: join(ARTIFACTS, 'resource-indicators-consent.png'), fullPage: true });
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
    page.click('main button[name=decision][value=allow]'),
  ]);
  await context.close();

  const params = oauth.validateAuthResponse(as, client, new URL(request.url()), state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, insecure));
  assert.equal(tokens.scope, 'mcp:tools');
  assert.deepEqual([decodeJwt(tokens.access_token).aud].flat().sort(), [MCP, OTHER].sort());
  assert.ok(tokens.refresh_token);

  const unknown = 'http://127.0.0.1:9/unknown-api';
  await assert.rejects(
    oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, auth,
      tokens.refresh_token, { additionalParameters: { resource: unknown }, ...insecure })),
    (e) => e instanceof oauth.ResponseBodyError && e.error === 'invalid_target');

  const narrowed = await oauth.processRefreshTokenResponse(as, client,
    await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token,
      { additionalParameters: { resource: OTHER }, ...insecure }));
  assert.deepEqual([decodeJwt(narrowed.access_token).aud].flat(), [OTHER]);
  assert.equal(narrowed.scope, 'mcp:tools');
});
