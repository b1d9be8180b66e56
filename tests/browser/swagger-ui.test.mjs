// Swagger UI at /docs in a real browser: "Authorize" with the built-in `swagger-ui` client
// (authorization code + PKCE) logs a person in through our own login page, and then "Try it
// out" on GET /api/v1/me answers 200 with their username. Screenshots land in ARTIFACTS_DIR.
//
// Needs: BASE_URL, BROWSER_USER and BROWSER_PASSWORD (an account scripts/browser-test.sh
// creates with the CLI), ARTIFACTS_DIR.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function shot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

test('Swagger UI authorizes through our login page and Try it out calls GET /api/v1/me', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${BASE_URL}/docs`);
  await page.click('button.btn.authorize');
  const oauth = page.locator('.modal-ux .auth-container').filter({ hasText: 'BearerToken' });
  await oauth.waitFor();
  for (const scope of ['openid', 'profile']) {
    // The checkbox itself is hidden behind its styled label.
    const box = oauth.locator(`input[type=checkbox][data-value="${scope}"]`);
    await oauth.locator(`label[for="${await box.getAttribute('id')}"]`).click();
    assert.ok(await box.isChecked(), `${scope} is chosen`);
  }
  await shot(page, 'swagger-authorize-dialog');

  const [popup] = await Promise.all([
    context.waitForEvent('page'),
    oauth.locator('button.authorize').click(),
  ]);
  await popup.waitForURL(/\/accounts\/login\//);
  assert.match(new URL(popup.url()).searchParams.get('next') ?? popup.url(), /oauth2\/authorize/);
  await popup.fill('#username', USER);
  await popup.fill('#password', PASSWORD);
  await shot(popup, 'swagger-login');
  const closed = popup.waitForEvent('close');
  await popup.click('main button[type=submit]');
  // First-party: no consent page; the receiver page hands the code back to Swagger UI and closes.
  await closed;

  await oauth.locator('button', { hasText: 'Logout' }).waitFor({ timeout: 10000 })
    .catch(async (e) => { await shot(page, 'swagger-authorize-failed'); throw e; });
  await shot(page, 'swagger-authorized');
  assert.match(await oauth.textContent(), /Authorized/);
  await oauth.locator('button.btn-done').click();

  const op = page.locator('#operations-Account-getMe');
  await op.locator('.opblock-summary').click();
  await op.locator('button.try-out__btn').click();
  await op.locator('button.execute').click();
  const row = op.locator('.live-responses-table tbody tr.response').first();
  await row.waitFor();
  assert.equal((await row.locator('td.response-col_status').textContent()).trim(), '200');
  const body = await row.locator('td.response-col_description').textContent();
  assert.match(body, new RegExp(`"username":\\s*"${USER}"`));
  await shot(page, 'swagger-try-it-out-me');
  await context.close();
});
