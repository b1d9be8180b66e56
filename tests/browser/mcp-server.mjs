// A small MCP server protected by this authorization server's access tokens, built with the
// official TypeScript SDK (Streamable HTTP transport, stateless: one McpServer per request).
// It does what the MCP authorization specification asks of a resource server: it publishes its
// RFC 9728 metadata (naming our issuer) at the path-suffixed well-known URL, verifies each JWT
// against our JWKS with `jose` (signature, `iss`, `exp`, and `aud` = its own resource
// identifier), and answers 401 with `WWW-Authenticate: Bearer resource_metadata="…"` otherwise.
// Its one tool, `whoami`, returns the token's `sub`.
import { createServer } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createRemoteJWKSet, jwtVerify } from 'jose';

const METADATA_PATH = '/.well-known/oauth-protected-resource/mcp';

/**
 * Starts the server on 127.0.0.1:`port`; its resource identifier is `http://127.0.0.1:port/mcp`
 * and its tools need `scope`. `refusals` lists why each refused token was refused (jose codes).
 */
export async function startMcpServer({ port, issuer, scope }) {
  const base = `http://127.0.0.1:${port}`;
  const resource = `${base}/mcp`;
  const metadataUrl = `${base}${METADATA_PATH}`;
  const jwks = createRemoteJWKSet(new URL(`${issuer}/oauth2/jwks`));
  const refusals = [];

  const refuse = (res, withToken) => {
    const error = withToken ? ', error="invalid_token"' : '';
    res.writeHead(401, {
      'www-authenticate': `Bearer resource_metadata="${metadataUrl}"${error}`,
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ error: withToken ? 'invalid_token' : 'unauthorized' }));
  };

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url, base).pathname;
      if (req.method === 'GET' && path === METADATA_PATH) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({
          resource,
          authorization_servers: [issuer],
          scopes_supported: [scope],
          bearer_methods_supported: ['header'],
        }));
        return;
      }
      if (path !== '/mcp') { res.writeHead(404).end(); return; }
      const header = req.headers.authorization ?? '';
      const token = /^Bearer /i.test(header) ? header.slice(7).trim() : '';
      if (!token) { refuse(res, false); return; }
      let claims;
      try {
        ({ payload: claims } = await jwtVerify(token, jwks, { issuer, audience: resource }));
      } catch (e) {
        refusals.push(e.code ?? String(e));
        refuse(res, true);
        return;
      }
      req.auth = {
        token,
        clientId: String(claims.client_id ?? ''),
        scopes: String(claims.scope ?? '').split(' ').filter(Boolean),
        expiresAt: claims.exp,
        extra: { sub: claims.sub },
      };
      const mcp = new McpServer({ name: 'auth-center-test-mcp', version: '1.0.0' });
      mcp.registerTool('whoami', { description: "The subject (sub) of the caller's access token" },
        async (extra) => ({ content: [{ type: 'text', text: String(extra.authInfo?.extra?.sub) }] }));
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      res.on('close', () => { transport.close(); mcp.close(); });
      await mcp.connect(transport);
      await transport.handleRequest(req, res);
    } catch (e) {
      if (!res.headersSent) res.writeHead(500).end(String(e));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: new URL(resource),
    resource,
    metadataUrl,
    refusals,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
