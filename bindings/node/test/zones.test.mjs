// Every zone of the module against the host's TZif files — what Go, and so the
// CronJob controller, reads — at each transition the file lists (to 2037): the
// offset and DST flag from the transition on, and those of the previous
// transition one second before. An independent oracle: the files are parsed
// here (RFC 8536), not by the engine.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { load } from '../dist/index.js';

const kron = await load();
const ZONEINFO = '/usr/share/zoneinfo/';

// The 64-bit block of a TZif v2+ file: transition times, their types, the types.
function readTzif(path) {
  const b = readFileSync(path);
  const header = (at) => {
    assert.equal(b.toString('latin1', at, at + 4), 'TZif', path);
    const n = [];
    for (let i = 0; i < 6; i++) n.push(b.readUInt32BE(at + 20 + 4 * i));
    return n;  // isut isstd leap time type char
  };
  let [isut, isstd, leap, time, type, chars] = header(0);
  assert.ok(b[4] >= 0x32, `${path}: version 1 TZif`);
  let at = 44 + time * 5 + type * 6 + chars + leap * 8 + isstd + isut;
  [isut, isstd, leap, time, type, chars] = header(at);
  at += 44;
  const times = [];
  for (let i = 0; i < time; i++) times.push(Number(b.readBigInt64BE(at + 8 * i)));
  const idx = [...b.subarray(at + 8 * time, at + 9 * time)];
  const typeAt = at + 9 * time;
  const types = [];
  for (let i = 0; i < type; i++) {
    types.push({ offsetSeconds: b.readInt32BE(typeAt + 6 * i), isDst: b[typeAt + 6 * i + 4] !== 0 });
  }
  return { times, idx, types };
}

test('every zone agrees with its TZif file at every listed transition', (t) => {
  let zones = 0;
  let checks = 0;
  const failures = [];
  for (const name of kron.timeZones()) {
    if (!existsSync(ZONEINFO + name)) continue;
    const { times, idx, types } = readTzif(ZONEINFO + name);
    zones++;
    for (let i = 0; i < times.length; i++) {
      const want = types[idx[i]];
      const got = kron.zoneOffset(name, times[i] * 1000);  // numbers are epoch ms
      checks++;
      if (got.offsetSeconds !== want.offsetSeconds || got.isDst !== want.isDst) {
        failures.push(`${name} at ${times[i]}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
      }
      if (i > 0) {
        const before = types[idx[i - 1]];
        const gotBefore = kron.zoneOffset(name, (times[i] - 1) * 1000);
        checks++;
        if (gotBefore.offsetSeconds !== before.offsetSeconds || gotBefore.isDst !== before.isDst) {
          failures.push(`${name} at ${times[i] - 1}: got ${JSON.stringify(gotBefore)}, want ${JSON.stringify(before)}`);
        }
      }
    }
  }
  t.diagnostic(`${zones} zones, ${checks} instants`);
  assert.ok(zones > 500, `only ${zones} zones checked`);
  assert.deepEqual(failures.slice(0, 20), []);
});

test('after 2037 the footer rule: America/New_York keeps US DST (second Sunday of March 2100 = Mar 14)', () => {
  // EST5EDT,M3.2.0,M11.1.0: 2100-03-14 02:00 EST = 07:00Z.
  assert.deepEqual(kron.zoneOffset('America/New_York', '2100-03-14T06:59:59Z'), { offsetSeconds: -18000, isDst: false });
  assert.deepEqual(kron.zoneOffset('America/New_York', '2100-03-14T07:00:00Z'), { offsetSeconds: -14400, isDst: true });
});

test('UTC needs no tz data', () => {
  assert.deepEqual(kron.zoneOffset('UTC', '2026-06-01T00:00:00Z'), { offsetSeconds: 0, isDst: false });
});
