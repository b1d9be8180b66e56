// Developer apps in a real browser (headless Debian Chromium via playwright-core): a newly
// registered user registers an app through the page, sees its client id and secret once (the
// copy button, added by /static/apps.js, copies it), and the detail page does not show the
// secret again. A screenshot of every page lands in ARTIFACTS_DIR.
//
// Needs: BASE_URL and ARTIFACTS_DIR (scripts/browser-test.sh provides them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const PASSWORD = 'correct horse battery staple';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

test('register an app through the page, see its secret once, and not on its detail page', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 900, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  const page = await context.newPage();
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `dev${id}`.slice(0, 32);
  await page.goto(`${BASE_URL}/accounts/register/`);
  await page.fill('#username', username);
  await page.fill('#email', `dev-${id}@example.com`);
  await page.fill('#password', PASSWORD);
  await page.fill('#password_confirm', PASSWORD);
  await submit(page);
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await submit(page);

  await page.goto(`${BASE_URL}/oauth/applications/`);
  await shot(page, 'apps-empty-list');
  await Promise.all([page.waitForNavigation(), page.click('a[href="/oauth/applications/register/"]')]);
  assert.equal(await page.isChecked('input[name=grant_types][value=implicit]'), false);
  assert.equal(await page.isChecked('input[name=grant_types][value=password]'), false);
  assert.equal(await page.isChecked('input[name=grant_types][value=authorization_code]'), true);
  assert.match(await page.textContent('main'), /Not recommended/);
  assert.equal(await page.locator('input[name=first_party]').count(), 0);
  await page.fill('#name', 'Browser app');
  await page.fill('#redirect_uris', 'http://example.com/cb');
  await submit(page);
  assert.match(await page.textContent('#redirect_uris-error'), /https/);
  assert.equal(await page.inputValue('#name'), 'Browser app', 'input kept');
  await shot(page, 'apps-register-errors');
  await page.fill('#redirect_uris', 'https://browser-app.example/callback');
  await submit(page);

  const clientId = await page.inputValue('#client-id');
  const secret = await page.inputValue('#client-secret');
  assert.ok(clientId.length > 10 && secret.length >= 43, 'client id and a 256-bit secret');
  assert.equal(await page.getAttribute('#client-secret', 'readonly'), '');
  const copy = page.locator('button[data-copy=client-secret]');
  assert.ok(await copy.isVisible(), 'the script reveals the copy button');
  await copy.click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  await shot(page, 'apps-secret-once');

  await Promise.all([page.waitForNavigation(), page.click('main a.button')]);
  assert.match(page.url(), new RegExp(`/oauth/applications/${clientId}/$`));
  const detail = await page.content();
  assert.ok(detail.includes(clientId));
  assert.ok(!detail.includes(secret), 'the detail page never shows the secret');
  await shot(page, 'apps-detail');
  await context.close();
});
