// End-to-end test of the TypeScript SDK (sdk/typescript) against a live server: the README
// quickstart. Compiled with the pinned typescript of scripts/sdk and run with `node --test` by
// scripts/sdk-e2e.sh, which starts the server on MongoDB and sets AUTH_CENTER_URL,
// E2E_CLIENT_ID, E2E_CLIENT_SECRET, E2E_USERNAME and E2E_PASSWORD. A new API gets one more
// `test(...)` here (apps: create and list my apps with the user token; authorizations: list and
// revoke; resource API: read the user's profile with an app token).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, createConfig } from '../../../sdk/typescript/src/client';
import { createToken, getMe, getUser, listUsers } from '../../../sdk/typescript/src/sdk.gen';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set: run scripts/sdk-e2e.sh`);
  return v;
}
const baseUrl = env('AUTH_CENTER_URL');
const clientId = env('E2E_CLIENT_ID');
const clientSecret = env('E2E_CLIENT_SECRET');
const username = env('E2E_USERNAME');
const password = env('E2E_PASSWORD');

/** The token endpoint with client_secret_basic: HTTP Basic over the app's id and secret. */
function appClient(secret = clientSecret) {
  const basic = Buffer.from(`${clientId}:${secret}`).toString('base64');
  return createClient(createConfig({ baseUrl, headers: { Authorization: `Basic ${basic}` } }));
}

/** A client that sends `token` as `Authorization: Bearer` where the spec asks for it. */
function bearerClient(token: string) {
  return createClient(createConfig({ baseUrl, auth: (a) => (a.type === 'http' ? token : undefined) }));
}

async function userToken(): Promise<string> {
  const { data, error } = await createToken({
    client: appClient(),
    body: { grant_type: 'password', username, password, scope: 'openid profile admin' },
  });
  assert.equal(error, undefined);
  return data!.access_token;
}

test('client_credentials gives the app a bearer token', async () => {
  const { data, response } = await createToken({ client: appClient(), body: { grant_type: 'client_credentials' } });
  assert.equal(response.status, 200);
  assert.equal(data!.token_type.toLowerCase(), 'bearer');
  assert.ok(data!.expires_in > 0);
  assert.equal(data!.access_token.split('.').length, 3);
});

test('a wrong secret is a typed OAuth error', async () => {
  const { error, response } = await createToken({ client: appClient('wrong'), body: { grant_type: 'client_credentials' } });
  assert.equal(response.status, 401);
  assert.equal(error!.error, 'invalid_client');
});

test('a user token reads my account', async () => {
  const { data, response } = await getMe({ client: bearerClient(await userToken()) });
  assert.equal(response.status, 200);
  assert.equal(data!.username, username);
});

test('an admin token lists users', async () => {
  const { data } = await listUsers({ client: bearerClient(await userToken()), query: { limit: 200 } });
  assert.ok(data!.items.some((u) => u.username === username));
});

test('an unknown user is a typed API error', async () => {
  const { error, response } = await getUser({
    client: bearerClient(await userToken()),
    path: { id: '01a00000-0000-7000-8000-000000000000' },
  });
  assert.equal(response.status, 404);
  assert.equal(error!.error, 'not_found');
});
