// Two-step verification in a real browser: a person sets it up on the account page with codes
// computed in node (npm `otpauth`, an implementation independent of the server's), keeps the
// recovery codes, and signs in with a code and, in Chinese, with a recovery code. Screenshots
// of the new pages in both languages land in ARTIFACTS_DIR, each page audited with axe-core
// (WCAG 2.1 A/AA).
//
// Needs: BASE_URL, ARTIFACTS_DIR (scripts/browser-test.sh provides both).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as OTPAuth from 'otpauth';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { audit } from './a11y.mjs';

const BASE_URL = required('BASE_URL');
const PASSWORD = 'correct horse battery staple';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function newPage(lang) {
  const context = await browser.newContext({ locale: lang, viewport: { width: WIDTH, height: 900 } });
  return context.newPage();
}

const WIDTH = 420;
const problems = [];

/** A screenshot, and axe-core's WCAG 2.1 A/AA audit of the page (findings collected). */
async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const lang = await page.getAttribute('html', 'lang');
  await audit(page, { name, lang, width: WIDTH, artifacts: ARTIFACTS, problems });
}

async function submit(page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function passwordStep(page, username) {
  await page.goto(`${BASE_URL}/accounts/login/?next=/accounts/profile/two-factor/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await submit(page);
  assert.match(page.url(), /\/accounts\/login\/$/, 'the password alone gives no session yet');
}

test('set up two-step verification, then sign in with a code and with a recovery code', async () => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `totp${id}`.slice(0, 32);
  const page = await newPage('en-US');
  await page.goto(`${BASE_URL}/accounts/register/`);
  await page.fill('#username', username);
  await page.fill('#email', `totp-${id}@example.com`);
  await page.fill('#password', PASSWORD);
  await page.fill('#password_confirm', PASSWORD);
  await submit(page);
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await submit(page);

  await page.goto(`${BASE_URL}/accounts/profile/two-factor/`);
  await shot(page, 'two-factor-off-en');
  await submit(page);
  assert.ok(await page.isVisible('main svg[role=img]'), 'the QR code is drawn in the page');
  await shot(page, 'two-factor-setup-en');
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32((await page.textContent('#totp-secret')).trim()),
    algorithm: 'SHA1', digits: 6, period: 30,
  });
  await page.fill('#code', totp.generate());
  await submit(page);
  const codes = (await page.$$eval('#recovery-codes code', els => els.map(e => e.textContent)));
  assert.equal(codes.length, 10);
  await shot(page, 'two-factor-recovery-codes-en');

  await Promise.all([page.waitForNavigation(), page.click('header button[type=submit]')]);
  await passwordStep(page, username);
  await shot(page, 'two-factor-login-en');
  await page.fill('#code', '000000');
  await submit(page);
  assert.match(await page.textContent('#code-error'), /not correct/);
  // The code of the next step: the current one was used to confirm the setup.
  await page.fill('#code', totp.generate({ timestamp: Date.now() + 30_000 }));
  await submit(page);
  assert.match(page.url(), /\/accounts\/profile\/two-factor\/$/);
  assert.match(await page.textContent('#two-factor-state'), /is on/);
  await shot(page, 'two-factor-on-en');

  const zh = await newPage('zh-CN');
  await passwordStep(zh, username);
  assert.match(await zh.textContent('h1'), /两步验证/);
  await shot(zh, 'two-factor-login-zh-CN');
  await zh.fill('#code', codes[0]);
  await submit(zh);
  assert.match(zh.url(), /\/accounts\/profile\/two-factor\/$/);
  await zh.goto(`${BASE_URL}/accounts/profile/two-factor/?lang=zh-CN`);
  assert.match(await zh.textContent('main'), /剩余恢复码：9 个/);
  await shot(zh, 'two-factor-on-zh-CN');
  assert.deepEqual(problems, [], problems.join('\n'));
});
