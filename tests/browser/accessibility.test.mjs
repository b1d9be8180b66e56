// WCAG 2.1 AA in a real browser (headless Debian Chromium via playwright-core), in English and
// Chinese: every page a person can reach — logged out, logged in, the developer pages, consent,
// the device flow, error pages, the emailed verify and reset links, an app's HTML resource
// page — at 320 CSS px passes axe-core's WCAG 2.1 A/AA rules with no violation and never
// scrolls sideways (a screenshot of each lands in ARTIFACTS_DIR); the focus ring and the field
// borders contrast at least 3:1 with what surrounds them; one submit of the app form with
// several bad fields shows every error, with the summary focused and linking to the fields.
//
// Needs: BASE_URL (a running server whose mail goes to the SMTP sink), MAIL_DIR, ARTIFACTS_DIR;
// scripts/browser-test.sh provides them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { waitForMail, linkIn } from './mail.mjs';
import { audit, contrast, focusStyles } from './a11y.mjs';

const BASE_URL = required('BASE_URL');
const MAIL_DIR = required('MAIL_DIR');
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';
const CALLBACK = 'https://printer.example/callback';
const BYE = 'https://printer.example/signed-out';
const WIDTH = 320;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

function unique(name) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { username: `${name}${id}`.slice(0, 32), email: `${name}-${id}@example.com` };
}

/** A fresh browser at 320 px whose language is `lang`. */
async function phone(lang) {
  const context = await browser.newContext({
    locale: lang === 'en' ? 'en-US' : lang, viewport: { width: WIDTH, height: 720 },
  });
  return context.newPage();
}

/**
 * A page walk: `see` audits the page shown (or another tab `on`), under a name; `problems`
 * collects the findings.
 */
function walker(page, lang) {
  const problems = [];
  const seen = [];
  const see = async (name, on = page) => {
    seen.push(name);
    await audit(on, { name, lang, width: WIDTH, artifacts: ARTIFACTS, problems });
  };
  const open = async (path, name) => { await page.goto(`${BASE_URL}${path}`); await see(name); };
  const submit = async (button = 'main button[type=submit]') => {
    await Promise.all([page.waitForNavigation(), page.click(button)]);
  };
  return { problems, seen, see, open, submit };
}

async function fill(page, fields) {
  for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value);
}

/** Logged out: index, login, register, verify, resend, forgot password, reset, errors. */
async function loggedOutPages(page, w, who) {
  await w.open('/', 'index');
  await w.open('/accounts/login/', 'login');
  await fill(page, { '#username': who.username, '#password': 'wrong password' });
  await w.submit();
  await w.see('login-refused');
  await w.open('/accounts/register/', 'register');
  await fill(page, { '#username': 'a', '#email': 'nope', '#password': 'short', '#password_confirm': 'other' });
  await w.submit();
  await w.see('register-errors');
  await fill(page, { '#username': who.username, '#email': who.email, '#password': PASSWORD, '#password_confirm': PASSWORD });
  await w.submit();
  await w.see('register-done');
  await page.goto(linkIn(await waitForMail(MAIL_DIR, who.email, 1), '/accounts/verify-email/'));
  await w.see('verify-email');
  await w.submit();
  await w.see('verify-email-done');
  await w.open('/accounts/verify-email/resend/', 'resend');
  await w.submit();
  await w.see('resend-errors');
  await page.fill('#email', who.email);
  await w.submit();
  await w.see('resend-done');
  await w.open('/accounts/password_reset/', 'password-reset');
  await w.submit();
  await w.see('password-reset-errors');
  await page.fill('#email', who.email);
  await w.submit();
  await w.see('password-reset-done');
  // The resend above sent nothing (the address is verified): the reset link is mail #2.
  await page.goto(linkIn(await waitForMail(MAIL_DIR, who.email, 2), '/accounts/reset/'));
  await w.see('reset');
  await fill(page, { '#password': 'short', '#password_confirm': 'other' });
  await w.submit();
  await w.see('reset-errors');
  await fill(page, { '#password': NEW_PASSWORD, '#password_confirm': NEW_PASSWORD });
  await w.submit();
  await w.see('reset-done');
  await w.open('/accounts/reset/?token=no-such-link', 'reset-dead-link');
  await fill(page, { '#password': NEW_PASSWORD, '#password_confirm': NEW_PASSWORD });
  await w.submit();
  await w.see('reset-dead-link-refused');
  await w.open('/accounts/verify-email/', 'error-bad-request');
  await w.open('/oauth2/authorize?response_type=code&client_id=no-such-app', 'error-authorize');
}

/** Logged in: the account page and its refused forms, authorized apps, logout. */
async function accountPages(page, w, who) {
  await w.open('/accounts/login/', 'login-again');
  await fill(page, { '#username': who.username, '#password': NEW_PASSWORD });
  await w.submit();
  await w.see('account');
  await page.fill('#display_name', 'x'.repeat(80));
  await w.submit('form[action="/accounts/profile/"] button[type=submit]');
  await w.see('account-profile-errors');
  await page.fill('#new_email', 'not an address');
  await w.submit('form[action="/accounts/profile/email/"] button[type=submit]');
  await w.see('account-email-errors');
  await fill(page, { '#current_password': 'not my password', '#password': 'short', '#password_confirm': 'other' });
  await w.submit('form[action="/accounts/profile/password/"] button[type=submit]');
  await w.see('account-password-errors');
  await w.open('/accounts/profile/?done=profile', 'account-saved');
  await w.open('/oauth/authorized_tokens/', 'authorized-apps-none');
  await w.open('/oauth/applications/no-such-app/', 'error-not-found');
}

/** The developer pages: list, register (refused, then done), detail, edit, delete, rotate. */
async function appPages(page, w) {
  await w.open('/oauth/applications/', 'apps-none');
  await w.open('/oauth/applications/register/', 'app-register');
  await fill(page, { '#name': '', '#homepage_url': 'ftp://x', '#redirect_uris': 'http://printer.example/cb', '#access_token_ttl_secs': 'soon' });
  await w.submit();
  await w.see('app-register-errors');
  await fill(page, {
    '#name': 'The office printer of the third floor, east wing (colour, duplex, stapler)',
    '#homepage_url': 'https://printer.example/', '#redirect_uris': CALLBACK, '#access_token_ttl_secs': '',
    '#post_logout_redirect_uris': BYE,
  });
  await page.check('input[name=grant_types][value$=device_code]');
  await w.submit();
  await w.see('app-secret');
  const app = { id: await page.inputValue('#client-id'), secret: await page.inputValue('#client-secret') };
  const base = `/oauth/applications/${encodeURIComponent(app.id)}/`;
  await w.open(base, 'app-detail');
  await w.open(`${base}?done=updated`, 'app-detail-updated');
  await w.open(`${base}update/`, 'app-edit');
  await page.fill('#redirect_uris', 'http://printer.example/cb');
  await w.submit();
  await w.see('app-edit-errors');
  await w.open(`${base}delete/`, 'app-delete');
  await page.goto(`${BASE_URL}${base}`);
  await w.submit('main form button.secondary');
  await w.see('app-secret-rotated');
  app.secret = await page.inputValue('#client-secret');
  await w.open('/oauth/applications/', 'apps-list');
  return app;
}

/** Consent (then an authorized app listed), the app's HTML resource page, the device flow. */
async function oauthPages(page, w, app) {
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${BASE_URL}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: app.id, redirect_uri: CALLBACK, scope: 'openid profile',
    state: 'a11y', code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  // In a tab of its own: the callback is never served, the browser's request to it is what
  // the app would receive, and the tab that failed to load it is closed.
  const tab = await page.context().newPage();
  await tab.goto(url.href);
  await w.see('consent', tab);
  const [callback] = await Promise.all([
    tab.waitForRequest((r) => r.url().startsWith(CALLBACK)),
    tab.click('main button[name=decision][value=allow]'),
  ]);
  await tab.close();
  await w.open('/oauth/authorized_tokens/', 'authorized-apps');
  const basic = `Basic ${Buffer.from(`${app.id}:${app.secret}`).toString('base64')}`;
  const token = await post('/oauth2/token', basic, {
    grant_type: 'authorization_code', code: new URL(callback.url()).searchParams.get('code'),
    redirect_uri: CALLBACK, code_verifier: verifier,
  });
  const me = await (await fetch(`${BASE_URL}/oauth2/userinfo`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  })).json();
  const resource = await page.context().newPage();
  await resource.setExtraHTTPHeaders({ authorization: `Bearer ${token.access_token}` });
  await resource.goto(`${BASE_URL}/accounts/resource/user/${me.sub}.html`);
  await w.see('resource-user', resource);
  await resource.close();
  const device = await post('/oauth2/device_authorization', basic, { scope: 'profile' });
  await w.open('/device', 'device');
  await page.fill('#user_code', 'WXYZ-0000');
  await w.submit();
  await w.see('device-wrong-code');
  await page.fill('#user_code', device.user_code);
  await w.submit();
  await w.see('device-consent');
  await w.submit('main button[name=decision][value=allow]');
  await w.see('device-approved');
  const logout = `/oauth2/logout?client_id=${encodeURIComponent(app.id)}&post_logout_redirect_uri=`;
  await w.open(`${logout}${encodeURIComponent(BYE)}`, 'logout-rp');
  await w.open(`${logout}${encodeURIComponent('https://elsewhere.example/')}`, 'logout-rp-refused');
  await w.open('/accounts/logout/', 'logout');
}

async function post(path, authorization, form) {
  const r = await fetch(`${BASE_URL}${path}`, {
    method: 'POST', body: new URLSearchParams(form),
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
  });
  const body = await r.json();
  assert.equal(r.status, 200, `${path}: ${JSON.stringify(body)}`);
  return body;
}

for (const lang of ['en', 'zh-CN']) {
  test(`every page passes axe-core's WCAG 2.1 A/AA rules and fits 320 px (${lang})`, async () => {
    const page = await phone(lang);
    const w = walker(page, lang);
    const who = unique(lang === 'en' ? 'a11y' : 'a11yzh');
    await loggedOutPages(page, w, who);
    await accountPages(page, w, who);
    const app = await appPages(page, w);
    await oauthPages(page, w, app);
    await page.context().close();
    assert.ok(w.seen.length >= 45, `${w.seen.length} pages seen`);
    assert.deepEqual(w.problems, [], `${w.problems.length} problems on ${w.seen.length} pages`);
  });
}

test('the focus ring and the field borders contrast at least 3:1 with what surrounds them', async () => {
  const page = await phone('en');
  await page.goto(`${BASE_URL}/accounts/register/`);
  const ratios = {};
  for (const [name, selector] of [
    ['field', '#username'], ['button', 'main button[type=submit]'], ['link', 'main a'],
    ['header link', 'header a.brand'], ['header language link', 'header nav.langs a'],
  ]) {
    const s = await focusStyles(page, selector);
    assert.ok(s.focused, `${name} takes the focus`);
    assert.equal(s.outlineStyle, 'solid', name);
    assert.ok(s.outlineWidth >= 2, `${name}: a ${s.outlineWidth} px ring`);
    ratios[`${name} ring`] = contrast(s.outline, s.background);
  }
  const field = await focusStyles(page, '#email');
  assert.ok(field.borderWidth >= 1);
  ratios['field border'] = contrast(field.border, field.background);
  const low = Object.entries(ratios).filter(([, r]) => r < 3).map(([n, r]) => `${n}: ${r.toFixed(2)}:1`);
  assert.deepEqual(low, [], 'under 3:1');
  await page.context().close();
});

test('one submit of the app form with several bad fields shows every error, its summary focused and linked', async () => {
  const page = await phone('en');
  const w = walker(page, 'en');
  const who = unique('summary');
  await page.goto(`${BASE_URL}/accounts/register/`);
  await fill(page, { '#username': who.username, '#email': who.email, '#password': PASSWORD, '#password_confirm': PASSWORD });
  await w.submit();
  await page.goto(`${BASE_URL}/accounts/login/`);
  await fill(page, { '#username': who.username, '#password': PASSWORD });
  await w.submit();
  await page.goto(`${BASE_URL}/oauth/applications/register/`);
  await fill(page, {
    '#name': '', '#homepage_url': 'ftp://files.example', '#redirect_uris': 'http://printer.example/cb',
    '#access_token_ttl_secs': 'soon', '#refresh_token_ttl_secs': '5',
  });
  await w.submit();
  const fields = ['name', 'homepage_url', 'redirect_uris', 'access_token_ttl_secs', 'refresh_token_ttl_secs'];
  for (const f of fields) assert.ok(await page.isVisible(`#${f}-error`), `${f} has its error`);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'the summary has the focus');
  const links = await page.$$eval('#error-summary a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, fields.map((f) => `#${f}`));
  for (const f of fields) {
    const described = (await page.getAttribute(`#${f}`, 'aria-describedby')).split(' ');
    assert.ok(described.includes(`${f}-error`), `${f} is described by its error`);
    assert.equal(await page.getAttribute(`#${f}`, 'aria-invalid'), 'true', f);
  }
  assert.deepEqual((await page.getAttribute('#redirect_uris', 'aria-describedby')).split(' '),
    ['redirect_uris-hint', 'redirect_uris-error'], 'the hint stays beside the error');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), '#name',
    'the first Tab from the summary reaches its first link');
  await page.click('#error-summary a[href="#redirect_uris"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'redirect_uris',
    'a link of the summary takes the focus to its field');
  await page.screenshot({ path: join(ARTIFACTS, 'a11y-app-form-summary.png'), fullPage: true });
  await page.context().close();
});
