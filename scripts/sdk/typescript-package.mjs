// Writes the npm package files of sdk/typescript around the generated src/ (run by
// scripts/gen-sdk.sh): `node typescript-package.mjs VERSION DIR`. Deterministic (no dates, no
// paths of this machine), so regenerating gives the same bytes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [version, dir] = process.argv.slice(2);
if (!/^\d+\.\d+\.\d+/.test(version ?? '') || !dir) {
  console.error('usage: node typescript-package.mjs VERSION DIR (VERSION: info.version of openapi.yaml)');
  process.exit(2);
}

const entry = (name) => ({ types: `./dist/${name}.d.ts`, import: `./dist/${name}.js` });
const pkg = {
  name: 'auth-center-sdk',
  version,
  description: 'TypeScript client for the auth-center API, generated from its OpenAPI document',
  license: 'Apache-2.0',
  type: 'module',
  exports: {
    '.': entry('index'),
    './client': entry('client/index'),
    './package.json': './package.json',
  },
  types: './dist/index.d.ts',
  files: ['dist'],
  sideEffects: false,
  engines: { node: '>=18' },
  scripts: { build: 'tsc -p tsconfig.json', prepack: 'tsc -p tsconfig.json' },
  devDependencies: { typescript: '5.9.3' },
};

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    module: 'nodenext',
    moduleResolution: 'nodenext',
    declaration: true,
    rootDir: 'src',
    outDir: 'dist',
    strict: true,
    skipLibCheck: true,
    types: [],
  },
  include: ['src'],
};

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
writeFileSync(join(dir, 'package.json'), json(pkg));
writeFileSync(join(dir, 'tsconfig.json'), json(tsconfig));
writeFileSync(join(dir, '.gitignore'), 'dist/\nnode_modules/\npackage-lock.json\n*.tgz\n');
