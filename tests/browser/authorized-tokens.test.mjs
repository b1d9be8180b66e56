// Authorized apps in a real browser (headless Debian Chromium via playwright-core): a person
// authorizes an app through /oauth2/authorize → login → consent, the app exchanges the code, the
// person finds it on /oauth/authorized_tokens/, revokes it with the page's button, and the list
// is empty; the app's token is then inactive and consent is asked again. No app server: the
// request to its callback is observed and the test exchanges the code as the app's back end
// would. Screenshots land in ARTIFACTS_DIR.
//
// Needs: BASE_URL, ARTIFACTS_DIR, and the person and app that scripts/browser-test.sh registers
// before starting the server: AUTHZ_USERNAME, AUTHZ_PASSWORD, AUTHZ_CLIENT_ID,
// AUTHZ_CLIENT_SECRET.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USERNAME = required('AUTHZ_USERNAME');
const PASSWORD = required('AUTHZ_PASSWORD');
const CLIENT_ID = required('AUTHZ_CLIENT_ID');
const CLIENT_SECRET = required('AUTHZ_CLIENT_SECRET');
const REDIRECT_URI = 'http://127.0.0.1:59999/callback';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function authorizeUrl(verifier = randomBytes(32).toString('base64url')) {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const q = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT_URI,
    scope: 'profile email', state: randomBytes(8).toString('hex'),
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  return `${BASE_URL}/oauth2/authorize?${q}`;
}

// POSTs a form to an OAuth endpoint with the app's HTTP Basic credentials.
async function appPost(path, form) {
  const basic = Buffer.from(`${encodeURIComponent(CLIENT_ID)}:${encodeURIComponent(CLIENT_SECRET)}`)
    .toString('base64');
  const r = await fetch(`${BASE_URL}${path}`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: r.status, body: await r.json() };
}

test('authorize an app, see it on the authorized apps page, revoke it', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
  const page = await context.newPage();

  const verifier = randomBytes(32).toString('base64url');
  await page.goto(authorizeUrl(verifier));
  assert.match(page.url(), /\/accounts\/login\/\?next=/);
  await page.fill('#username', USERNAME);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
  assert.match(await page.textContent('h1'), /Browser Test App/);
  await shot(page, 'authz-consent');
  // Nothing listens at the callback: catching the request the browser sends is enough.
  const callback = page.waitForRequest((r) => r.url().startsWith(REDIRECT_URI));
  await page.click('button[name=decision][value=allow]', { noWaitAfter: true });
  const code = new URL((await callback).url()).searchParams.get('code');
  assert.ok(code, 'the app got a code');
  // The app's back end exchanges the code: only then is the app listed as authorized.
  const tokens = await appPost('/oauth2/token', {
    grant_type: 'authorization_code', code, redirect_uri: REDIRECT_URI, code_verifier: verifier,
  });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));

  // A new tab of the same browser (its session), while the first one fails to reach the app.
  const list = await context.newPage();
  await list.goto(`${BASE_URL}/oauth/authorized_tokens/`);
  const entry = list.locator(`li.authorization[data-client-id="${CLIENT_ID}"]`);
  assert.equal(await entry.count(), 1);
  assert.match(await entry.textContent(), /Browser Test App/);
  assert.match(await entry.locator('.scopes').textContent(), /email profile/);
  await shot(list, 'authz-list');
  await Promise.all([list.waitForNavigation(), entry.locator('button[type=submit]').click()]);
  assert.match(list.url(), /\/oauth\/authorized_tokens\/\?done=revoked$/);
  assert.match(await list.textContent('.notice'), /Access revoked/);
  assert.equal(await list.locator('li.authorization').count(), 0);
  assert.match(await list.textContent('.empty'), /not authorized any app/);
  await shot(list, 'authz-revoked');
  const after = await appPost('/oauth2/introspect', { token: tokens.body.access_token });
  assert.deepEqual(after, { status: 200, body: { active: false } }, 'the revoked token is inactive');

  // Consent was forgotten: authorizing again asks again.
  await list.goto(authorizeUrl());
  assert.equal(await list.locator('button[name=decision][value=allow]').count(), 1);
  await context.close();
});
