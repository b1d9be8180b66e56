// What every browser suite shares: its settings from the environment scripts/browser-test.sh
// sets, where screenshots go, and one headless Debian Chromium per suite.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

/** A setting the runner must give; a missing one fails the suite at once. */
export function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/browser-test.sh`);
  return v;
}

/** Where screenshots go (git-ignored). */
export const ARTIFACTS =
  process.env.ARTIFACTS_DIR || join(import.meta.dirname, '../../test-artifacts/browser');

/** A headless Chromium (CHROMIUM, or Debian's), with the screenshot folder made. */
export async function launchBrowser() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Redeems an authorization code at the token endpoint as a confidential app does
 * (client_secret_basic, RFC 6749 §2.3.1: id and secret form-encoded before base64).
 */
export function redeemCode(baseUrl, app, { code, redirectUri, verifier }) {
  const basic = Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`)
    .toString('base64');
  return fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: code ?? '', redirect_uri: redirectUri, code_verifier: verifier,
    }),
  });
}
