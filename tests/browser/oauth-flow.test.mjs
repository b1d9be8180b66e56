// The authorization code flow in a real browser with a third-party app: authorize → our login
// page → our consent page → the app's callback receives `code` and `state` (allow) or
// `error=access_denied` and `state` (deny). The callback is never served: the browser's request
// to it is intercepted and read. Screenshots land in ARTIFACTS_DIR.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD and OAUTH_APP_JSON (the app as printed by
// `auth-center client create`), ARTIFACTS_DIR; scripts/browser-test.sh provides them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, redeemCode, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const APP = JSON.parse(required('OAUTH_APP_JSON'));
const REDIRECT = APP.redirect_uris[0];

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Opens the authorization URL in a fresh browser, logs in and answers the consent page. */
async function authorize(decision, scope, name) {
  const context = await browser.newContext({ viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  const state = randomBytes(12).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${BASE_URL}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: APP.client_id, redirect_uri: REDIRECT,
    scope, state, code_challenge: challenge, code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  await page.goto(url.href);
  assert.match(page.url(), /\/accounts\/login\//);
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await shot(page, `${name}-login`);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.match(await page.textContent('main'), new RegExp(APP.name));
  await shot(page, `${name}-consent`);
  // The server redirects the browser to the callback; its request is what the app receives.
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
    page.click(`main button[name=decision][value=${decision}]`),
  ]);
  await context.close();
  return { callback: new URL(request.url()), state };
}

test('allowing on the consent page sends the callback a code and the state', async () => {
  const { callback, state } = await authorize('allow', 'openid', 'oauth-allow');
  assert.equal(`${callback.origin}${callback.pathname}`, REDIRECT);
  assert.equal(callback.searchParams.get('state'), state);
  assert.ok((callback.searchParams.get('code') ?? '').length >= 20, callback.href);
  assert.equal(callback.searchParams.get('iss'), BASE_URL);
  assert.equal(callback.searchParams.get('error'), null);
});

test('denying on the consent page sends the callback access_denied and the state', async () => {
  // Another scope than the allow case, so a consent remembered there never skips this page.
  const { callback, state } = await authorize('deny', 'openid profile', 'oauth-deny');
  assert.equal(callback.searchParams.get('error'), 'access_denied');
  assert.equal(callback.searchParams.get('state'), state);
  assert.equal(callback.searchParams.get('code'), null);
});

// Last in this file: it remembers consent for `profile`, which the cases above must not meet.
test('switching to Chinese on the consent page keeps the request and the code is redeemed', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
  const page = await context.newPage();
  const state = randomBytes(12).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${BASE_URL}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: APP.client_id, redirect_uri: REDIRECT,
    scope: 'profile', state, code_challenge: challenge, code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  await page.goto(url.href);
  assert.match(await page.textContent('main'), new RegExp(`continue to ${APP.name}`));
  await page.fill('#username', USER);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await Promise.all([page.waitForNavigation(), page.click('nav.langs a[lang="zh-CN"]')]);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(new URL(page.url()).searchParams.get('client_id'), APP.client_id);
  assert.match(await page.textContent('main'), new RegExp(APP.name));
  assert.match(await page.textContent('main'), /允许/);
  await shot(page, 'oauth-consent-zh-after-switch');
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
    page.click('main button[name=decision][value=allow]'),
  ]);
  await context.close();
  const callback = new URL(request.url());
  assert.equal(callback.searchParams.get('state'), state);
  const r = await redeemCode(BASE_URL, APP, {
    code: callback.searchParams.get('code'), redirectUri: REDIRECT, verifier: verifier,
  });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  assert.ok(body.access_token);
});
