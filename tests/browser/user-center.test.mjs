// The user center in a real browser (headless Debian Chromium via playwright-core): register →
// verify through the delivered email → log in → log out; forgot password → email → new
// password → log in; the zh-CN login page. A screenshot of every page lands in ARTIFACTS_DIR.
//
// Needs: BASE_URL (a running server whose mail goes to the SMTP sink), MAIL_DIR (the sink's
// directory), ARTIFACTS_DIR. scripts/browser-test.sh provides all three.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { waitForMail, linkIn } from './mail.mjs';

const BASE_URL = required('BASE_URL');
const MAIL_DIR = required('MAIL_DIR');
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function newPage(lang = 'en-US') {
  const context = await browser.newContext({ locale: lang, viewport: { width: 420, height: 860 } });
  return context.newPage();
}

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function unique(name) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { username: `${name}${id}`.slice(0, 32), email: `${name}-${id}@example.com` };
}

async function submit(page) {
  await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
}

async function logIn(page, login, password) {
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', login);
  await page.fill('#password', password);
  await shot(page, `${login.startsWith('reset') ? 'reset' : 'register'}-login`);
  await submit(page);
}

test('register, verify through the delivered email, log in and log out', async () => {
  const page = await newPage();
  const who = unique('web');
  await page.goto(`${BASE_URL}/accounts/register/`);
  await page.fill('#username', who.username);
  await page.fill('#email', who.email);
  await page.fill('#password', 'short');
  await page.fill('#password_confirm', 'short');
  await submit(page);
  assert.match(await page.textContent('#password-error'), /at least 10 characters/);
  assert.equal(await page.inputValue('#username'), who.username, 'input kept');
  await shot(page, 'register-errors');
  await page.fill('#password', PASSWORD);
  await page.fill('#password_confirm', PASSWORD);
  await submit(page);
  assert.match(page.url(), /\/accounts\/register\/done\/$/);
  await shot(page, 'register-done');

  const text = await waitForMail(MAIL_DIR, who.email);
  await page.goto(linkIn(text, '/accounts/verify-email/'));
  await shot(page, 'verify-email');
  await submit(page);
  assert.match(page.url(), /\/accounts\/verify-email\/done\/$/);
  await shot(page, 'verify-email-done');

  await logIn(page, who.username, PASSWORD);
  assert.match(page.url(), /\/accounts\/profile\/$/);
  assert.match(await page.textContent('main'), new RegExp(who.email));
  await shot(page, 'account');
  await Promise.all([page.waitForNavigation(), page.click('header button[type=submit]')]);
  assert.match(page.url(), /\/accounts\/login\/$/);
  await page.goto(`${BASE_URL}/accounts/profile/`);
  assert.match(page.url(), /\/accounts\/login\/\?next=/, 'logged out');
  await shot(page, 'logged-out');
});

test('forgot password, follow the emailed link, set a new password and log in', async () => {
  const page = await newPage();
  const who = unique('reset');
  await page.goto(`${BASE_URL}/accounts/register/`);
  await page.fill('#username', who.username);
  await page.fill('#email', who.email);
  await page.fill('#password', PASSWORD);
  await page.fill('#password_confirm', PASSWORD);
  await submit(page);

  await page.goto(`${BASE_URL}/accounts/password_reset/`);
  await page.fill('#email', who.email);
  await shot(page, 'password-reset');
  await submit(page);
  assert.match(page.url(), /\/accounts\/password_reset\/done\/$/);
  await shot(page, 'password-reset-done');

  const text = await waitForMail(MAIL_DIR, who.email, 2);
  await page.goto(linkIn(text, '/accounts/reset/'));
  await page.fill('#password', NEW_PASSWORD);
  await page.fill('#password_confirm', NEW_PASSWORD);
  await shot(page, 'reset');
  await submit(page);
  assert.match(page.url(), /\/accounts\/reset\/done\/$/);
  await shot(page, 'reset-done');

  await logIn(page, who.email, NEW_PASSWORD);
  assert.match(page.url(), /\/accounts\/profile\/$/);
  await shot(page, 'reset-account');
});

test('the login page speaks Chinese to a zh-CN browser', async () => {
  const page = await newPage('zh-CN');
  await page.goto(`${BASE_URL}/accounts/login/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.textContent('h1'), '登录');
  assert.equal(await page.textContent('label[for=username]'), '用户名或邮箱');
  await shot(page, 'login-zh-CN');
});
