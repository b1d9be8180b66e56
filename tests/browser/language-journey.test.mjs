// Language journeys in a real browser, in both languages: switching language on the login page
// reached from an app and on the consent page keeps the flow (the app receives its code and
// redeems it); an app's ui_locales chooses the language, and a person who registers from its
// authorization request returns to it after verifying (with a switch on the verify page) and
// logging in; switching language on the reset page keeps the token (the password is reset);
// the language chosen on the account page writes the next email. Also: the refused-request
// page in the page's language, titles that name the site, the show-password toggle by keyboard,
// the Copy button's announcement in the page's status region.
//
// Needs: BASE_URL, MAIL_DIR, OAUTH_APP_JSON, ARTIFACTS_DIR; scripts/browser-test.sh provides
// them. Every case uses its own new account, so no consent or language is left for another.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, redeemCode, required } from './harness.mjs';
import { waitForMail, linkIn } from './mail.mjs';

const BASE_URL = required('BASE_URL');
const MAIL_DIR = required('MAIL_DIR');
const APP = JSON.parse(required('OAUTH_APP_JSON'));
const REDIRECT = APP.redirect_uris[0];
const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';

// What each language's pages say where the journeys look.
const TEXT = {
  en: {
    browser: 'en-US', continueTo: `Log in to continue to ${APP.name}`, allow: /Allow/,
    greeting: (u) => `Hello ${u},`, site: 'auth-center', login: 'Log in', unknown: 'the app is unknown or disabled',
    show: 'Show password', copied: 'Client ID copied to the clipboard.',
  },
  'zh-CN': {
    browser: 'zh-CN', continueTo: `登录以继续使用 ${APP.name}`, allow: /允许/,
    greeting: (u) => `${u}，您好：`, site: 'auth-center 认证中心', login: '登录', unknown: '应用不存在或已停用',
    show: '显示密码', copied: '客户端 ID已复制到剪贴板。',
  },
};
const OTHER = { en: 'zh-CN', 'zh-CN': 'en' };

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** A page in a fresh browser whose own language is `lang`'s. */
async function newPage(lang) {
  const context = await browser.newContext({ locale: TEXT[lang].browser, viewport: { width: 420, height: 860 } });
  return context.newPage();
}

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

function unique(name) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { username: `${name}${id}`.slice(0, 32), email: `${name}-${id}@example.com` };
}

async function submit(page, selector = 'main button[type=submit]') {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

/** Clicks the header's link to `lang` and checks the page changed language. */
async function switchTo(page, lang) {
  await Promise.all([page.waitForNavigation(), page.click(`nav.langs a[lang="${lang}"]`)]);
  assert.equal(await page.getAttribute('html', 'lang'), lang);
}

/** A verified account, registered and verified through the JSON API and the delivered email. */
async function verifiedAccount(name) {
  const who = unique(name);
  const r = await fetch(`${BASE_URL}/api/v1/users/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: who.username, email: who.email, password: PASSWORD }),
  });
  assert.equal(r.status, 201, await r.text());
  const token = new URL(linkIn(await waitForMail(MAIL_DIR, who.email), '/accounts/verify-email/'))
    .searchParams.get('token');
  const v = await fetch(`${BASE_URL}/api/v1/users/verify-email`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }),
  });
  assert.ok(v.ok, `verify: ${v.status}`);
  return who;
}

/** An authorization request with PKCE; `extra` adds parameters (ui_locales). */
function authorizationRequest(extra = {}) {
  const state = randomBytes(12).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const url = new URL(`${BASE_URL}/oauth2/authorize`);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: APP.client_id, redirect_uri: REDIRECT, scope: 'openid profile',
    state, code_challenge: challenge, code_challenge_method: 'S256', ...extra,
  })) url.searchParams.set(k, v);
  return { url: url.href, state, verifier };
}

/** Allows on the consent page; checks the callback and redeems the code as the app does. */
async function allowAndRedeem(page, request) {
  const [callbackRequest] = await Promise.all([
    page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
    page.click('main button[name=decision][value=allow]'),
  ]);
  const callback = new URL(callbackRequest.url());
  assert.equal(callback.searchParams.get('state'), request.state);
  const r = await redeemCode(BASE_URL, APP, {
    code: callback.searchParams.get('code'), redirectUri: REDIRECT, verifier: request.verifier,
  });
  const body = await r.json();
  assert.equal(r.status, 200, JSON.stringify(body));
  assert.ok(body.access_token);
}

for (const lang of ['en', 'zh-CN']) {
  const other = OTHER[lang];

  test(`[${lang}] switching to ${lang} on the login page from an app and back on consent keeps the flow: the app redeems its code`, async () => {
    const who = await verifiedAccount('lj');
    const page = await newPage(other);
    const request = authorizationRequest();
    await page.goto(request.url);
    assert.equal(await page.getAttribute('html', 'lang'), other);
    await switchTo(page, lang);
    assert.match(await page.textContent('main'), new RegExp(TEXT[lang].continueTo));
    assert.equal(await page.title(), `${TEXT[lang].login} · ${TEXT[lang].site}`);
    await shot(page, `journey-${lang}-login-from-app`);
    await page.fill('#username', who.username);
    await page.fill('#password', PASSWORD);
    await submit(page);
    assert.match(new URL(page.url()).pathname, /^\/oauth2\/authorize/, 'back at the app request');
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'the choice made on the login page is kept');
    await switchTo(page, other);
    assert.equal(new URL(page.url()).searchParams.get('client_id'), APP.client_id);
    assert.match(await page.textContent('main'), TEXT[other].allow);
    await shot(page, `journey-${lang}-consent-switched`);
    await allowAndRedeem(page, request);
    await page.context().close();
  });

  test(`[${lang}] ui_locales=${lang} chooses the language, and a person who registers from the app returns to it after verifying and logging in`, async () => {
    const who = unique('lr');
    const page = await newPage(other);
    const request = authorizationRequest({ ui_locales: lang });
    await page.goto(request.url);
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'ui_locales over the browser language');
    await submit(page, 'main a[href^="/accounts/register/"]');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.match(await page.textContent('main'), new RegExp(APP.name));
    await page.fill('#username', who.username);
    await page.fill('#email', who.email);
    await page.fill('#password', PASSWORD);
    await page.fill('#password_confirm', PASSWORD);
    await submit(page);
    assert.match(page.url(), /\/accounts\/register\/done\//);
    const mail = await waitForMail(MAIL_DIR, who.email);
    assert.ok(mail.includes(TEXT[lang].greeting(who.username)), mail);
    await page.goto(linkIn(mail, '/accounts/verify-email/'));
    await switchTo(page, other);
    await shot(page, `journey-${lang}-verify-switched`);
    await submit(page);
    assert.match(page.url(), /\/accounts\/verify-email\/done\//);
    await submit(page, 'main a[href^="/accounts/login/"]');
    await page.fill('#username', who.username);
    await page.fill('#password', PASSWORD);
    await submit(page);
    assert.match(new URL(page.url()).pathname, /^\/oauth2\/authorize/, 'back at the app request');
    await allowAndRedeem(page, request);
    await page.context().close();
  });

  test(`[${lang}] switching to ${lang} on the reset page keeps the emailed token: the password is reset`, async () => {
    const who = await verifiedAccount('lp');
    const page = await newPage(other);
    await page.goto(`${BASE_URL}/accounts/password_reset/`);
    await page.fill('#email', who.email);
    await submit(page);
    const mail = await waitForMail(MAIL_DIR, who.email, 2);
    await page.goto(linkIn(mail, '/accounts/reset/'));
    await switchTo(page, lang);
    assert.ok(new URL(page.url()).searchParams.get('token'), 'the token stays in the link');
    await shot(page, `journey-${lang}-reset-switched`);
    await page.fill('#password', NEW_PASSWORD);
    await page.fill('#password_confirm', NEW_PASSWORD);
    await submit(page);
    assert.match(page.url(), /\/accounts\/reset\/done\//);
    await page.goto(`${BASE_URL}/accounts/login/`);
    await page.fill('#username', who.username);
    await page.fill('#password', NEW_PASSWORD);
    await submit(page);
    assert.match(page.url(), /\/accounts\/profile\//, 'the new password logs in');
    await page.context().close();
  });

  test(`[${lang}] the language chosen on the account page writes the next email`, async () => {
    const who = await verifiedAccount('la');
    const page = await newPage(other);
    await page.goto(`${BASE_URL}/accounts/login/`);
    await page.fill('#username', who.username);
    await page.fill('#password', PASSWORD);
    await submit(page);
    assert.equal(await page.getAttribute('html', 'lang'), other);
    await page.check(`input[name=locale][value="${lang}"]`);
    await submit(page, 'form[action="/accounts/profile/language/"] button[type=submit]');
    assert.equal(await page.getAttribute('html', 'lang'), lang, 'the pages follow at once');
    assert.ok(await page.isChecked(`input[name=locale][value="${lang}"]`));
    await shot(page, `journey-${lang}-account-language`);
    await page.fill('#new_email', `new-${who.email}`);
    await submit(page, 'form[action="/accounts/profile/email/"] button[type=submit]');
    const mail = await waitForMail(MAIL_DIR, `new-${who.email}`);
    assert.ok(mail.includes(TEXT[lang].greeting(who.username)), mail);
    await page.context().close();
  });

  test(`[${lang}] a refused authorization request explains itself in ${lang}`, async () => {
    const page = await newPage(lang);
    const r = await page.goto(`${BASE_URL}/oauth2/authorize?client_id=no-such-app&response_type=code`);
    assert.equal(r.status(), 400);
    const text = await page.textContent('main');
    assert.ok(text.includes(TEXT[lang].unknown), text);
    if (lang !== 'en') assert.ok(!text.includes('unknown client'), text);
    await page.context().close();
  });

  test(`[${lang}] the show-password toggle works by keyboard and says whether it is pressed`, async () => {
    const page = await newPage(lang);
    await page.goto(`${BASE_URL}/accounts/login/`);
    const toggle = page.locator('button.reveal[aria-controls=password]');
    assert.equal(await toggle.textContent(), TEXT[lang].show);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    await page.fill('#password', 'secret words');
    await page.focus('#password');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'secondary reveal');
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.getAttribute('#password', 'type'), 'text');
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getAttribute('#password', 'type'), 'password');
    await page.context().close();
  });

  test(`[${lang}] a Copy button on the secret-shown-once page announces the copy in the status region`, async () => {
    const who = await verifiedAccount('lc');
    const context = await browser.newContext({ locale: TEXT[lang].browser, viewport: { width: 420, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/accounts/login/`);
    await page.fill('#username', who.username);
    await page.fill('#password', PASSWORD);
    await submit(page);
    await page.goto(`${BASE_URL}/oauth/applications/register/`);
    await page.fill('#name', 'Copy test app');
    await page.fill('#redirect_uris', 'https://copy-test.example/callback');
    await submit(page);
    const status = page.locator('#copy-status');
    assert.equal(await status.getAttribute('role'), 'status');
    assert.equal(await status.textContent(), '', 'silent until a copy');
    await page.click('button[data-copy=client-id]');
    await page.waitForFunction((t) => document.getElementById('copy-status').textContent === t, TEXT[lang].copied);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.inputValue('#client-id'));
    await shot(page, `journey-${lang}-copy-announced`);
    await context.close();
  });
}
