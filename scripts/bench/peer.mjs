// The peer of scripts/bench.sh: node-oidc-provider with its default in-memory adapter and opaque
// access tokens, one confidential client allowed client_credentials and introspection of its
// own tokens. Usage: node peer.mjs PORT CLIENT_ID CLIENT_SECRET
import Provider from 'oidc-provider';

const [port, clientId, clientSecret] = process.argv.slice(2);
const provider = new Provider(`http://127.0.0.1:${port}`, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: 'api',
  }],
  scopes: ['api'],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: false },
  },
});
// Like the server it is compared with: no request logging.
provider.listen(Number(port), '127.0.0.1');
