// Passkeys in a real browser: Chromium's virtual authenticator (Chrome DevTools Protocol
// `WebAuthn.addVirtualAuthenticator`, a platform authenticator with resident keys and user
// verification) stands in for a phone or a laptop's fingerprint reader. A person registers, adds
// a passkey on the account page (after their password), signs out, and signs in again with the
// passkey alone (no username typed). Screenshots of the passkeys page and of the login page with
// its passkey button, in English and Chinese, each audited with axe-core (WCAG 2.1 A/AA).
//
// Needs: PASSKEY_BASE_URL (a server whose public URL is http://localhost:PORT: a relying-party id
// must be a domain), ARTIFACTS_DIR (scripts/browser-test.sh provides both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { audit } from './a11y.mjs';

const BASE_URL = required('PASSKEY_BASE_URL');
const PASSWORD = 'correct horse battery staple';
const WIDTH = 420;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const problems = [];

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const lang = await page.getAttribute('html', 'lang');
  await audit(page, { name, lang, width: WIDTH, artifacts: ARTIFACTS, problems });
}

async function submit(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

test('a passkey added on the account page signs the person in without a username', async () => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: WIDTH, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', transport: 'internal', hasResidentKey: true,
      hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true,
    },
  });

  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `pk${id}`.slice(0, 32);
  await page.goto(`${BASE_URL}/accounts/register/`);
  await page.fill('#username', username);
  await page.fill('#email', `passkey-${id}@example.com`);
  await page.fill('#password', PASSWORD);
  await page.fill('#password_confirm', PASSWORD);
  await submit(page, 'main button[type=submit]');
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await submit(page, 'main form:not(#passkey-sign-in) button[type=submit]');
  assert.doesNotMatch(page.url(), /\/accounts\/login\//, 'signed in with the password');

  await page.goto(`${BASE_URL}/accounts/profile/passkeys/`);
  assert.equal(await page.locator('#passkeys-none').count(), 1, 'no passkey yet');
  await page.fill('#passkey_name', 'Test laptop');
  await page.fill('#proof', PASSWORD);
  // The page's script asks the authenticator for a credential, then posts it.
  await submit(page, '#passkey-register button[type=submit]');
  assert.match(await page.textContent('#passkeys'), /Test laptop/);
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.equal(credentials.length, 1, 'the authenticator holds one credential');
  assert.equal(credentials[0].isResidentCredential, true, 'a discoverable credential');
  await shot(page, 'passkeys-en');

  await submit(page, 'form[action="/accounts/logout/"] button[type=submit]');
  await page.goto(`${BASE_URL}/accounts/login/`);
  await shot(page, 'login-passkey-en');
  // No username typed: the authenticator offers the account's discoverable credential.
  await submit(page, '#passkey-sign-in button[type=submit]');
  assert.doesNotMatch(page.url(), /\/accounts\/login\//, 'signed in with the passkey');
  await page.goto(`${BASE_URL}/accounts/profile/`);
  assert.match(await page.textContent('main'), new RegExp(username));
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  assert.ok(after.credentials[0].signCount >= 1, 'the signature counter moved');

  await page.goto(`${BASE_URL}/accounts/profile/passkeys/?lang=zh-CN`);
  assert.match(await page.textContent('h1'), /通行密钥/);
  assert.match(await page.textContent('#passkeys'), /Test laptop/);
  await shot(page, 'passkeys-zh-CN');
  await submit(page, 'form[action="/accounts/logout/"] button[type=submit]');
  await page.goto(`${BASE_URL}/accounts/login/?lang=zh-CN`);
  assert.match(await page.textContent('#passkey-sign-in'), /使用通行密钥登录/);
  await shot(page, 'login-passkey-zh-CN');
  await context.close();
  assert.deepEqual(problems, [], `accessibility problems:\n${problems.join('\n')}`);
});
