// The sign-in example of sdk/typescript/README.md, run as written: scripts/sdk-e2e.sh takes it
// from the README into ./authorization-code.ts of the fresh project. openid-client signs the
// person in with PKCE (their browser's part driven over HTTP), the SDK reads who they are with
// the access token, and a refreshed token keeps working.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import * as oidc from 'openid-client';

import { discover, finishSignIn, Session, startSignIn } from './authorization-code.js';
import { authorizeInBrowser, env } from './harness.js';

const redirectUri = env('REDIRECT_URI');
const username = env('USERNAME');
const password = env('PASSWORD');
const config = () => discover(new URL(env('URL')), env('WEB_CLIENT_ID'), env('WEB_CLIENT_SECRET'));

test('the README sign-in gives tokens that the SDK uses, and refreshing them rotates both', async () => {
  const server = await config();
  const pending = await startSignIn(server, redirectUri);
  assert.equal(pending.url.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(pending.url.searchParams.get('code_verifier'), null);
  const callback = await authorizeInBrowser(pending.url, redirectUri, username, password);
  assert.equal(callback.searchParams.get('state'), pending.state);

  const tokens = await finishSignIn(server, callback, pending);
  const session = new Session(server, tokens);
  const me = await session.me();
  assert.equal(me.username, username);
  assert.equal(tokens.claims()?.sub, me.id, 'the id_token names another person');

  const first = session.tokens;
  await session.refresh();
  assert.notEqual(session.tokens.access_token, first.access_token);
  assert.ok(session.tokens.refresh_token, 'no refresh token after the refresh');
  assert.notEqual(session.tokens.refresh_token, first.refresh_token);
  assert.equal((await session.me()).id, me.id);
});

test('the README sign-in refuses a callback with another state and a code without its verifier', async () => {
  const server = await config();
  const pending = await startSignIn(server, redirectUri);
  const callback = await authorizeInBrowser(pending.url, redirectUri, username, password);
  await assert.rejects(finishSignIn(server, callback, { ...pending, state: oidc.randomState() }));
  const wrongVerifier = { ...pending, codeVerifier: oidc.randomPKCECodeVerifier() };
  await assert.rejects(finishSignIn(server, callback, wrongVerifier), (e: { error?: string }) => {
    assert.equal(e.error, 'invalid_grant');
    return true;
  });
});
