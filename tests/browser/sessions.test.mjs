// Active sessions in a real browser: one person signed in from two browser contexts; the
// sessions page of the first lists both, marks "this device", and signs the other out, which is
// back at the login page at its next request. Screenshots of the sessions page in both
// languages land in ARTIFACTS_DIR, each audited with axe-core (WCAG 2.1 A/AA).
//
// Needs: BASE_URL, ARTIFACTS_DIR (scripts/browser-test.sh provides both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { audit } from './a11y.mjs';

const BASE_URL = required('BASE_URL');
const PASSWORD = 'correct horse battery staple';
const WIDTH = 420;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const problems = [];

async function newPage(lang) {
  const context = await browser.newContext({ locale: lang, viewport: { width: WIDTH, height: 900 } });
  return context.newPage();
}

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const lang = await page.getAttribute('html', 'lang');
  await audit(page, { name, lang, width: WIDTH, artifacts: ARTIFACTS, problems });
}

async function submit(page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function signIn(page, username) {
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await submit(page);
  assert.doesNotMatch(page.url(), /\/accounts\/login\//, 'signed in');
}

test('the sessions page of one browser signs the other out', async () => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `sess${id}`.slice(0, 32);
  const first = await newPage('en-US');
  await first.goto(`${BASE_URL}/accounts/register/`);
  await first.fill('#username', username);
  await first.fill('#email', `sessions-${id}@example.com`);
  await first.fill('#password', PASSWORD);
  await first.fill('#password_confirm', PASSWORD);
  await submit(first);
  await signIn(first, username);
  const second = await newPage('en-US');
  await signIn(second, username);

  await first.goto(`${BASE_URL}/accounts/sessions/`);
  assert.equal(await first.locator('li.session').count(), 2);
  assert.equal(await first.locator('li.session.current').count(), 1);
  assert.match(await first.textContent('li.session.current'), /This device/);
  await shot(first, 'sessions-en');

  await submit(first, 'li.session:not(.current) button[type=submit]');
  assert.match(await first.textContent('main .notice'), /signed out/);
  assert.equal(await first.locator('li.session').count(), 1);

  await second.goto(`${BASE_URL}/accounts/profile/`);
  assert.match(second.url(), /\/accounts\/login\//, 'the other browser is back at the login');

  await signIn(second, username);
  const zh = first;
  await zh.goto(`${BASE_URL}/accounts/sessions/?lang=zh-CN`);
  assert.match(await zh.textContent('h1'), /您在哪些地方登录/);
  assert.match(await zh.textContent('li.session.current'), /本设备/);
  await shot(zh, 'sessions-zh-CN');
  await submit(zh, 'main > form button[type=submit]');
  assert.match(await zh.textContent('main .notice'), /其他所有会话均已退出/);
  await second.goto(`${BASE_URL}/accounts/profile/`);
  assert.match(second.url(), /\/accounts\/login\//, 'signed out everywhere else');
  assert.deepEqual(problems, [], problems.join('\n'));
});
