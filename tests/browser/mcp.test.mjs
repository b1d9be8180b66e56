// MCP end to end: an MCP server built with the official TypeScript SDK (mcp-server.mjs) is
// protected by our tokens, and the same SDK's client, with its OAuth client provider, finds us
// from the server's 401 (WWW-Authenticate → RFC 9728 metadata → our RFC 8414 metadata),
// becomes a client either through a Client ID Metadata Document (served from a loopback HTTPS
// server with the test CA of scripts/browser-test.sh) or through dynamic registration (RFC 7591,
// with an initial access token the SDK's fetch adds), sends the person through our login and
// consent pages in Chromium (authorization code + PKCE S256 + `resource`), and calls the tool.
// A token for another resource server is refused by the MCP server with 401.
//
// Needs: BASE_URL, BROWSER_USER, BROWSER_PASSWORD, ARTIFACTS_DIR, CIMD_TLS_KEY, CIMD_TLS_CERT,
// MCP_PORT, MCP_OTHER_RESOURCE, MCP_REGISTRATION_TOKEN (scripts/browser-test.sh provides them
// and registers the two resource servers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js';
import { decodeJwt } from 'jose';
import * as oauth from 'oauth4webapi';
import { ARTIFACTS, launchBrowser, required } from './harness.mjs';
import { startMcpServer } from './mcp-server.mjs';

const BASE_URL = required('BASE_URL');
const USER = required('BROWSER_USER');
const PASSWORD = required('BROWSER_PASSWORD');
const OTHER_RESOURCE = required('MCP_OTHER_RESOURCE');
const SCOPE = 'mcp:tools';
const REDIRECT = 'http://127.0.0.1:8767/callback';
const insecure = { [oauth.allowInsecureRequests]: true };

let browser;
let mcp;
let documents;
let documentUrl;

/** The client side of the SDK's OAuth: keeps what the SDK hands it, in memory. */
class MemoryProvider {
  constructor({ clientMetadataUrl, name }) {
    this.clientMetadataUrl = clientMetadataUrl;
    this.name = name;
  }
  get redirectUrl() { return REDIRECT; }
  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      scope: SCOPE,
    };
  }
  clientInformation() { return this.information; }
  saveClientInformation(information) { this.information = information; }
  tokens() { return this.saved; }
  saveTokens(tokens) { this.saved = tokens; }
  redirectToAuthorization(url) { this.authorizationUrl = url; }
  saveCodeVerifier(verifier) { this.verifier = verifier; }
  codeVerifier() { return this.verifier; }
}

/** Signs in and allows at our pages; returns the redirect back to the client. */
async function consent(authorizationUrl, screenshot) {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 420, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(String(authorizationUrl));
    assert.match(page.url(), /\/accounts\/login\//);
    await page.fill('#username', USER);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForNavigation(), page.click('main button[type=submit]')]);
    await page.screenshot({ path: join(ARTIFACTS, screenshot), fullPage: true });
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.url().startsWith(REDIRECT)),
      page.click('main button[name=decision][value=allow]'),
    ]);
    return new URL(request.url());
  } finally {
    await context.close();
  }
}

/** The SDK's whole flow: refused, authorized through the browser, connected, `whoami` called. */
async function connectAndCallWhoami(provider, transportOptions, screenshot) {
  const first = new StreamableHTTPClientTransport(mcp.url, { authProvider: provider, ...transportOptions });
  await assert.rejects(new Client({ name: 'auth-center-test', version: '1.0.0' }).connect(first),
    UnauthorizedError);
  const asked = provider.authorizationUrl;
  assert.ok(asked, 'the SDK asked for an authorization');
  assert.equal(asked.origin + asked.pathname, `${BASE_URL}/oauth2/authorize`);
  assert.equal(asked.searchParams.get('resource'), mcp.resource);
  assert.equal(asked.searchParams.get('code_challenge_method'), 'S256');
  assert.equal(asked.searchParams.get('scope'), SCOPE);
  const back = await consent(asked, screenshot);
  assert.equal(back.searchParams.get('error'), null, back.href);
  await first.finishAuth(back.searchParams.get('code'));

  const token = decodeJwt(provider.tokens().access_token);
  assert.equal(token.aud, mcp.resource);
  assert.equal(token.iss, BASE_URL);
  const client = new Client({ name: 'auth-center-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(mcp.url, { authProvider: provider, ...transportOptions }));
  const { tools } = await client.listTools();
  assert.deepEqual(tools.map((t) => t.name), ['whoami']);
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  await client.close();
  assert.equal(result.isError, undefined);
  assert.ok(token.sub);
  assert.equal(result.content[0].text, token.sub);
  return token;
}

before(async () => {
  browser = await launchBrowser();
  mcp = await startMcpServer({ port: Number(required('MCP_PORT')), issuer: BASE_URL, scope: SCOPE });
  documents = createServer({
    key: readFileSync(required('CIMD_TLS_KEY')),
    cert: readFileSync(required('CIMD_TLS_CERT')),
  }, (req, res) => {
    if (req.url !== '/mcp-agent/client.json') { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
    res.end(JSON.stringify({
      client_id: documentUrl,
      client_name: 'MCP Metadata Agent',
      redirect_uris: [REDIRECT],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
      scope: `${SCOPE} other:read`,
    }));
  });
  await new Promise((resolve) => documents.listen(0, '127.0.0.1', resolve));
  documentUrl = `https://localhost:${documents.address().port}/mcp-agent/client.json`;
});
after(async () => {
  await browser?.close();
  await mcp?.close();
  documents?.close();
});

test('the MCP SDK client finds us from a 401 and signs in with a Client ID Metadata Document', async () => {
  const unauthenticated = await fetch(mcp.url, { method: 'POST', body: '{}' });
  assert.equal(unauthenticated.status, 401);
  assert.match(unauthenticated.headers.get('www-authenticate'),
    new RegExp(`^Bearer resource_metadata="${mcp.metadataUrl}"`));
  const provider = new MemoryProvider({ clientMetadataUrl: documentUrl, name: 'MCP Metadata Agent' });
  await connectAndCallWhoami(provider, {}, 'mcp-cimd-consent.png');
  assert.equal(provider.clientInformation().client_id, documentUrl);
  assert.equal(provider.authorizationUrl.searchParams.get('client_id'), documentUrl);
});

test('the MCP SDK client registers dynamically with an initial access token and calls the tool', async () => {
  const registration = `${BASE_URL}/oauth2/register`;
  const initialToken = required('MCP_REGISTRATION_TOKEN');
  let registered = 0;
  // The SDK registers without credentials; the run's policy asks for an initial access token
  // (RFC 7591 §3), which the transport's fetch adds to the registration request only.
  const withInitialToken = (url, init = {}) => {
    if (String(url) !== registration) return fetch(url, init);
    registered += 1;
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${initialToken}`);
    return fetch(url, { ...init, headers });
  };
  const provider = new MemoryProvider({ name: 'MCP Registered Agent' });
  await connectAndCallWhoami(provider, { fetch: withInitialToken }, 'mcp-dcr-consent.png');
  assert.equal(registered, 1);
  const { client_id: clientId } = provider.clientInformation();
  assert.ok(clientId && !clientId.startsWith('https://'), clientId);
  assert.equal(provider.authorizationUrl.searchParams.get('client_id'), clientId);
});

test('the MCP server refuses a token issued for another resource server with 401', async () => {
  const issuer = new URL(BASE_URL);
  const as = await oauth.processDiscoveryResponse(issuer,
    await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...insecure }));
  const client = { client_id: documentUrl };
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint);
  for (const [k, v] of Object.entries({
    response_type: 'code', client_id: documentUrl, redirect_uri: REDIRECT, scope: 'other:read', state,
    resource: OTHER_RESOURCE,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256',
  })) url.searchParams.set(k, v);
  const back = await consent(url, 'mcp-other-resource-consent.png');
  const params = oauth.validateAuthResponse(as, client, back, state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client,
    await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, REDIRECT, verifier, {
      additionalParameters: { resource: OTHER_RESOURCE }, ...insecure,
    }));
  assert.equal(decodeJwt(tokens.access_token).aud, OTHER_RESOURCE);

  const before = mcp.refusals.length;
  const refused = await fetch(mcp.url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${tokens.access_token}`,
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  });
  assert.equal(refused.status, 401);
  assert.match(refused.headers.get('www-authenticate'), /resource_metadata="[^"]+", error="invalid_token"/);
  assert.deepEqual(mcp.refusals.slice(before), ['ERR_JWT_CLAIM_VALIDATION_FAILED']);
});
