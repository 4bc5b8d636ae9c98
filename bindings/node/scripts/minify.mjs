// minify.mjs — what the package ships, minified (terser, a devDependency):
//
//   node scripts/minify.mjs                    # src/index.js → dist/index.js
//   node scripts/minify.mjs --glue kron.js     # also emcc's glue → dist/kron.cjs
//
// src/index.js stays the readable source; dist/index.js is what "exports"
// points at. It keeps its relative URLs ('../dist/kron.cjs' from dist/ is
// dist/kron.cjs) and stays an ES module; the glue stays a classic script
// (a global `createKron` in browsers, module.exports under Node). Property
// names are never mangled: index.js calls the wasm exports by name.
// terser is installed here with npm when missing (clean CI has no node_modules).
import { execSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(pkg, 'package.json'));

let terser;
try {
  terser = require('terser');
} catch {
  console.error('minify: installing terser (npm install in bindings/node)');
  execSync('npm install --no-audit --no-fund', { cwd: pkg, stdio: ['ignore', 2, 2] });
  terser = require('terser');
}

async function minify(from, to, options) {
  const out = await terser.minify(readFileSync(from, 'utf8'), {
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
    ...options,
  });
  mkdirSync(dirname(to), { recursive: true });
  writeFileSync(`${to}.tmp`, out.code);
  renameSync(`${to}.tmp`, to);
}

// ESM: top-level names may be mangled (only the exports are seen outside);
// class names are kept (error names, instanceof-minded users, stack traces).
await minify(join(pkg, 'src', 'index.js'), join(pkg, 'dist', 'index.js'),
  { module: true, keep_classnames: true });

const glue = process.argv.indexOf('--glue');
if (glue > 0) {
  // A classic script: top-level `createKron` must keep its name.
  await minify(process.argv[glue + 1], join(pkg, 'dist', 'kron.cjs'), { module: false, toplevel: false });
}
