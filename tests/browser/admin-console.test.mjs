// The administrators' console in a real browser: an administrator searches the users, opens a
// new person's account and disables it, creates a group and adds that person, then opens an
// app of another person and makes it first-party. Screenshots of each console page in English
// and Chinese land in ARTIFACTS_DIR, each audited with axe-core (WCAG 2.1 A/AA).
//
// Needs: BASE_URL, ARTIFACTS_DIR, CONSOLE_ADMIN, CONSOLE_ADMIN_PASSWORD, CONSOLE_APP_JSON
// (scripts/browser-test.sh provides them).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { audit } from './a11y.mjs';

const BASE_URL = required('BASE_URL');
const ADMIN = required('CONSOLE_ADMIN');
const ADMIN_PASSWORD = required('CONSOLE_ADMIN_PASSWORD');
const APP = JSON.parse(required('CONSOLE_APP_JSON'));
const PASSWORD = 'correct horse battery staple';
const WIDTH = 1024;

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

const problems = [];

async function newPage() {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: WIDTH, height: 900 } });
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

async function signIn(page, username, password) {
  await page.goto(`${BASE_URL}/accounts/login/`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await submit(page);
  assert.doesNotMatch(page.url(), /\/accounts\/login\//, 'signed in');
}

test('an administrator disables a person, groups them and makes an app first-party', async () => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const username = `con${id}`.slice(0, 32);
  const person = await newPage();
  await person.goto(`${BASE_URL}/accounts/register/`);
  await person.fill('#username', username);
  await person.fill('#email', `console-${id}@example.com`);
  await person.fill('#password', PASSWORD);
  await person.fill('#password_confirm', PASSWORD);
  await submit(person);

  const admin = await newPage();
  await signIn(admin, ADMIN, ADMIN_PASSWORD);
  await admin.goto(`${BASE_URL}/admin/`);
  assert.match(admin.url(), /\/admin\/users\/$/);
  await admin.fill('#search', username);
  await submit(admin);
  assert.equal(await admin.locator('tr[data-username]').count(), 1);
  await shot(admin, 'admin-users-en');

  await Promise.all([admin.waitForNavigation(), admin.click(`tr[data-username="${username}"] a`)]);
  const userPage = admin.url();
  assert.match(await admin.textContent('dd.status'), /Enabled/);
  await submit(admin, 'form[action$="/disabled/"] button');
  assert.match(await admin.textContent('main .notice'), /disabled/);
  assert.match(await admin.textContent('dd.status'), /Disabled/);
  await shot(admin, 'admin-user-en');

  await admin.click('nav.admin-nav a[href="/admin/groups/"]');
  await admin.waitForURL(/\/admin\/groups\/$/);
  const group = `Reviewers ${id}`;
  await admin.fill('#name', group);
  await submit(admin, 'form[action="/admin/groups/"] button');
  assert.match(await admin.textContent('main .notice'), /created/);
  const groupPage = admin.url().replace(/\?.*$/, '');
  await admin.fill('#member', username);
  await submit(admin, 'form[action$="/members/"] button');
  assert.match(await admin.textContent('main .notice'), /added/);
  assert.equal(await admin.locator(`li[data-member="${username}"]`).count(), 1);
  await shot(admin, 'admin-group-en');
  await admin.goto(`${BASE_URL}/admin/groups/`);
  assert.equal(await admin.locator(`tr[data-group="${group}"]`).count(), 1);
  await shot(admin, 'admin-groups-en');

  await admin.click('nav.admin-nav a[href="/admin/apps/"]');
  await admin.waitForURL(/\/admin\/apps\/$/);
  const row = admin.locator(`tr[data-client-id="${APP.client_id}"]`);
  assert.equal(await row.count(), 1);
  await shot(admin, 'admin-apps-en');
  await Promise.all([admin.waitForNavigation(), row.locator('a').click()]);
  const appPage = admin.url();
  assert.equal(await admin.isChecked('#first_party'), false);
  await admin.check('#first_party');
  await submit(admin, 'form[action$="/settings/"] button');
  assert.match(await admin.textContent('main .notice'), /saved/);
  assert.equal(await admin.isChecked('#first_party'), true);
  await shot(admin, 'admin-app-en');

  const zh = [
    ['admin-users-zh-CN', `${BASE_URL}/admin/users/?lang=zh-CN`, /用户/],
    ['admin-user-zh-CN', userPage, /已停用/],
    ['admin-groups-zh-CN', `${BASE_URL}/admin/groups/`, /创建用户组/],
    ['admin-group-zh-CN', groupPage, /添加成员/],
    ['admin-apps-zh-CN', `${BASE_URL}/admin/apps/`, /所有者/],
    ['admin-app-zh-CN', appPage, /仅管理员可更改的设置/],
  ];
  for (const [name, url, text] of zh) {
    await admin.goto(url);
    assert.match(await admin.textContent('main'), text, name);
    await shot(admin, name);
  }
  assert.deepEqual(problems, [], problems.join('\n'));
});
