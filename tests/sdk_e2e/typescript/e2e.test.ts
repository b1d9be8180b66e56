// End-to-end test of the TypeScript SDK package (auth-center-sdk, packed from sdk/typescript and
// installed into a fresh project) against a live server, run by scripts/sdk-e2e.sh with
// `node --test`: the quickstart of sdk/typescript/README.md, asserting
// real results. The server URL, the app and the user come from AUTH_CENTER_E2E_* variables; a
// missing one is an error, never a skip.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  createApp,
  createToken,
  deleteApp,
  getApp,
  getMe,
  getUser,
  getUserResource,
  introspectToken,
  listApps,
  listMyAuthorizations,
  listUsers,
  revokeMyAuthorization,
  rotateAppSecret,
  updateMe,
} from 'auth-center-sdk';
import { createClient, type Client } from 'auth-center-sdk/client';

import { env } from './harness.js';

const baseUrl = env('URL');
const clientId = env('CLIENT_ID');
const clientSecret = env('CLIENT_SECRET');
const otherClientId = env('OTHER_CLIENT_ID');
const otherClientSecret = env('OTHER_CLIENT_SECRET');
const username = env('USERNAME');
const password = env('PASSWORD');

/** client_secret_basic (RFC 6749 §2.3.1): each part form-encoded, then base64. */
function basic(id: string, secret: string): string {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${btoa(`${enc(id)}:${enc(secret)}`)}`;
}

/** A client for the token endpoint that authenticates the app with HTTP Basic. */
function tokenClient(secret = clientSecret, id = clientId): Client {
  return createClient({ baseUrl, headers: { Authorization: basic(id, secret) } });
}

/** A client for the JSON API with `Authorization: Bearer <token>`. */
function api(token: string): Client {
  return createClient({ baseUrl, auth: token });
}

async function passwordToken(user: string, pass: string, scope: string, oauth = tokenClient()): Promise<string> {
  const { data } = await createToken({
    client: oauth,
    body: { grant_type: 'password', username: user, password: pass, scope },
    throwOnError: true,
  });
  assert.equal(data.token_type, 'Bearer');
  return data.access_token;
}

test('a client_credentials token from createToken with HTTP Basic is active at introspectToken', async () => {
  const oauth = tokenClient();
  const { data: token } = await createToken({
    client: oauth,
    body: { grant_type: 'client_credentials', scope: 'profile' },
    throwOnError: true,
  });
  assert.equal(token.scope, 'profile');
  const { data: info } = await introspectToken({
    client: oauth,
    body: { token: token.access_token },
    throwOnError: true,
  });
  assert.equal(info.active, true);
  assert.equal(info.client_id, clientId);
});

test('a wrong client secret is a typed OAuth error invalid_client', async () => {
  const { data, error, response } = await createToken({
    client: tokenClient('not-the-secret'),
    body: { grant_type: 'client_credentials' },
  });
  assert.equal(data, undefined);
  assert.equal(response.status, 401);
  assert.ok(error);
  assert.equal(error.error, 'invalid_client');
});

test("a user's password-grant token reads getMe with the created username", async () => {
  const token = await passwordToken(username, password, 'profile');
  const { data: me } = await getMe({ client: api(token), throwOnError: true });
  assert.equal(me.username, username);
  // is_admin and email come only with the `admin` and `email` scopes.
  assert.equal(me.is_admin, undefined);
  assert.equal(me.email, undefined);
});

test("getUserResource returns the token's user and not_found for another id", async () => {
  const user = api(await passwordToken(username, password, 'profile'));
  const { data: me } = await getMe({ client: user, throwOnError: true });
  const { data: profile } = await getUserResource({ client: user, path: { id: me.id }, throwOnError: true });
  assert.equal(profile.id, me.id);
  assert.equal(profile.username, username);
  const { error, response } = await getUserResource({ client: user, path: { id: 'no-such-user' } });
  assert.equal(response.status, 404);
  assert.ok(error);
  assert.equal(error.error, 'not_found');
});

test('an invalid display name is a typed ApiError validation_failed naming the field', async () => {
  const token = await passwordToken(username, password, 'profile profile:write');
  const { error, response } = await updateMe({
    client: api(token),
    body: { display_name: 'x'.repeat(65) },
  });
  assert.equal(response.status, 422);
  assert.ok(error);
  assert.equal(error.error, 'validation_failed');
  assert.ok(error.fields.some((f) => f.field === 'display_name'), JSON.stringify(error.fields));
});

test('with throwOnError the ApiError body is what is thrown', async () => {
  let thrown: unknown;
  try {
    await getMe({ client: createClient({ baseUrl }), throwOnError: true });
  } catch (e) {
    thrown = e;
  }
  assert.ok(thrown && typeof thrown === 'object', `thrown: ${String(thrown)}`);
  assert.equal((thrown as { error?: string }).error, 'unauthorized');
});

test("the admin's token lists the user with listUsers and getUser", async () => {
  const token = await passwordToken(env('ADMIN_USERNAME'), env('ADMIN_PASSWORD'), 'admin');
  const admin = api(token);
  const { data: page } = await listUsers({
    client: admin,
    query: { search: username, limit: 10 },
    throwOnError: true,
  });
  assert.equal(page.total, 1);
  const { data: user } = await getUser({
    client: admin,
    path: { id: page.items[0].id },
    throwOnError: true,
  });
  assert.equal(user.username, username);
});

test('revoking my authorization of an app with revokeMyAuthorization makes its token inactive', async () => {
  const otherApp = tokenClient(otherClientSecret, otherClientId);
  const appToken = await passwordToken(username, password, 'profile', otherApp);
  const user = api(await passwordToken(username, password, 'authorizations'));
  const { data: list } = await listMyAuthorizations({ client: user, throwOnError: true });
  const mine = list.items.filter((a) => a.client_id === otherClientId);
  assert.equal(mine.length, 1, JSON.stringify(list.items));
  assert.equal(mine[0].client_name, 'SDK e2e other');
  assert.deepEqual(mine[0].scopes, ['profile']);
  const { response } = await revokeMyAuthorization({ client: user, path: { id: mine[0].id }, throwOnError: true });
  assert.equal(response.status, 204);
  const { data: after } = await listMyAuthorizations({ client: user, throwOnError: true });
  assert.ok(after.items.every((a) => a.client_id !== otherClientId));
  const { data: info } = await introspectToken({ client: otherApp, body: { token: appToken }, throwOnError: true });
  assert.equal(info.active, false);
  const { error } = await getMe({ client: api(appToken) });
  assert.ok(error);
  assert.equal(error.error, 'invalid_token');
});

/** A client_credentials token of the app is accepted (its introspection says active). */
async function assertAppCredentialsWork(id: string, secret: string): Promise<void> {
  const oauth = tokenClient(secret, id);
  const { data: token } = await createToken({
    client: oauth,
    body: { grant_type: 'client_credentials' },
    throwOnError: true,
  });
  const { data: info } = await introspectToken({ client: oauth, body: { token: token.access_token }, throwOnError: true });
  assert.equal(info.active, true);
  assert.equal(info.client_id, id);
}

const appRequest = (name: string) => ({ name, grant_types: ['client_credentials'], scopes: ['profile'] });

test('an app without a name is a typed ApiError validation_failed and nothing is stored', async () => {
  const user = api(await passwordToken(username, password, 'apps'));
  const { error, response } = await createApp({ client: user, body: appRequest('') });
  assert.equal(response.status, 422);
  assert.ok(error);
  assert.equal(error.error, 'validation_failed');
  assert.ok(error.fields.some((f) => f.field === 'name'), JSON.stringify(error.fields));
  const { data: page } = await listApps({ client: user, throwOnError: true });
  assert.equal(page.total, 0);
});

test('a user creates, lists, gets, uses, rotates and deletes an app', async () => {
  const user = api(await passwordToken(username, password, 'apps'));
  const { data: created } = await createApp({ client: user, body: appRequest('TypeScript e2e app'), throwOnError: true });
  const id = created.app.client_id;
  const secret = created.client_secret;
  assert.ok(secret, 'a confidential app was created without a secret');
  const { data: page } = await listApps({ client: user, query: { limit: 50 }, throwOnError: true });
  assert.deepEqual(page.items.map((a) => a.client_id), [id]);
  const { data: app } = await getApp({ client: user, path: { id }, throwOnError: true });
  assert.equal(app.name, 'TypeScript e2e app');
  assert.equal(app.client_type, 'confidential');
  await assertAppCredentialsWork(id, secret);

  const { data: rotated } = await rotateAppSecret({ client: user, path: { id }, throwOnError: true });
  assert.ok(rotated.client_secret !== secret, 'the rotated secret is the old one');
  await assertAppCredentialsWork(id, rotated.client_secret);

  const { response: deleted } = await deleteApp({ client: user, path: { id }, throwOnError: true });
  assert.equal(deleted.status, 204);
  const { error, response } = await getApp({ client: user, path: { id } });
  assert.equal(response.status, 404);
  assert.ok(error);
  assert.equal(error.error, 'not_found');
});
