// @hey-api/openapi-ts settings for sdk/typescript (run by scripts/gen-sdk.sh). Imports carry the
// `.js` extension so that the compiled package loads as native ES modules in Node.js.
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export default {
  input: `${root}openapi.yaml`,
  output: { path: `${root}sdk/typescript/src`, module: { extension: '.js' } },
  plugins: ['@hey-api/client-fetch'],
  logs: { file: false, level: 'silent' },
};
