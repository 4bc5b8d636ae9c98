// The module's facts through the package (node:test). Expectations come from
// the files the build used, not from the engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { load, Kron } from '../dist/index.js';

const root = new URL('../../../', import.meta.url);
const kron = await load();

test('load() without options returns one shared instance', async () => {
  assert.equal(await load(), kron);
  assert.ok(kron instanceof Kron);
});

test('version is the engine project version', () => {
  const cmake = readFileSync(new URL('CMakeLists.txt', root), 'utf8');
  const [, version] = cmake.match(/^project\(kron VERSION ([0-9.]+)/m);
  assert.equal(kron.version, version);
});

test('tzdataVersion is the release of the host tzdata.zi the module was built from', () => {
  const zi = readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8');
  const [, release] = zi.match(/^# version (\S+)/);
  assert.equal(kron.tzdataVersion, release);
});

test('timeZones(): every Zone and Link of tzdata.zi but Factory, sorted', () => {
  const zi = readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8');
  const expected = new Set();
  for (const line of zi.split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'Z') expected.add(f[1]);
    if (f[0] === 'L') expected.add(f[2]);
  }
  // The module lists what the native engine lists (its zone table is the
  // native TimeZones'), and natively date/tz does not list the placeholder
  // zone Factory ("-00"); Go loads it, and so does the module.
  expected.delete('Factory');
  assert.deepEqual(kron.timeZones(), [...expected].sort());
  assert.deepEqual(kron.zoneOffset('Factory', 0), { offsetSeconds: 0, isDst: false });
});

test('features list what the module offers', () => {
  for (const f of ['schedule', 'names', 'backoff', 'validate', 'plan', 'batch', 'cli']) {
    assert.ok(kron.features.has(f), f);
  }
});

test('an explicit load(options) is a separate instance that works the same', async () => {
  const wasmBinary = readFileSync(new URL('../dist/kron.wasm', import.meta.url));
  const other = await load({ wasmBinary, preloadZones: true });
  assert.notEqual(other, kron);
  assert.equal(other.parse('*/5 * * * *').nextSeconds(1767225750), 1767225900);
});
