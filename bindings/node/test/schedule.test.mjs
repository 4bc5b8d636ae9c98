// Schedules: parse, next/prev/matches/iterate, errors, the fleet batch.
// Fire times are computed by hand (robfig/cron v3 semantics, see
// engine/include/kron/fire_times.h); error texts are robfig's parser.go
// byte for byte; zone offsets from the IANA rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  load, KronError, KronScheduleError, KronZoneError, Schedule,
} from '../dist/index.js';

const kron = await load();
const iso = (dates) => dates.map((d) => d.toISOString());
const T0 = Date.parse('2026-01-01T00:00:00Z');  // 1767225600 s

test('next(after, count): */5 gives the next multiples of five minutes', () => {
  const s = kron.parse('*/5 * * * *');
  assert.ok(s instanceof Schedule);
  assert.deepEqual(iso(s.next(new Date('2026-01-01T00:02:30Z'), 3)), [
    '2026-01-01T00:05:00.000Z', '2026-01-01T00:10:00.000Z', '2026-01-01T00:15:00.000Z',
  ]);
  // Without count: one Date. Numbers are epoch milliseconds, strings RFC 3339.
  assert.equal(s.next(T0 + 150_000).toISOString(), '2026-01-01T00:05:00.000Z');
  assert.equal(s.next('2026-01-01T00:05:00Z').toISOString(), '2026-01-01T00:10:00.000Z');
  s.dispose();
});

test('next is strictly after `after`, in whole seconds (fractions drop, as robfig rounds up)', () => {
  const s = kron.parse('*/5 * * * *');
  assert.equal(s.next('2026-01-01T00:05:00.900Z').toISOString(), '2026-01-01T00:10:00.000Z');
  assert.equal(s.next('2026-01-01T00:04:59.999Z').toISOString(), '2026-01-01T00:05:00.000Z');
});

test('nextSeconds: epoch seconds in, epoch seconds out', () => {
  const s = kron.parse('*/5 * * * *');
  assert.equal(s.nextSeconds(1767225750), 1767225900);
  const many = s.nextSeconds(1767225750, 3);
  assert.ok(many instanceof Float64Array);
  assert.deepEqual([...many], [1767225900, 1767226200, 1767226500]);
  assert.ok(Number.isNaN(kron.parse('0 0 30 2 *').nextSeconds(1767225600)));
});

test('@every 90s fires at after + 90 s; under a second becomes one second', () => {
  const s = kron.parse('@every 90s');
  assert.deepEqual(iso(s.next(T0, 2)), ['2026-01-01T00:01:30.000Z', '2026-01-01T00:03:00.000Z']);
  assert.equal(s.kind, 'every');
  assert.equal(s.everySeconds, 90);
  assert.equal(kron.parse('@every 500ms').everySeconds, 1);
});

test('a schedule that never fires: null, [] and canEverFire false', () => {
  const s = kron.parse('0 0 30 2 *');
  assert.equal(s.next(T0), null);
  assert.deepEqual(s.next(T0, 3), []);
  assert.equal(s.canEverFire, false);
  assert.equal(kron.parse('0 0 29 2 *').canEverFire, true);
  // Feb 29: the next leap year after 2026 is 2028.
  assert.equal(kron.parse('0 0 29 2 *').next(T0).toISOString(), '2028-02-29T00:00:00.000Z');
});

test('timeZone: 09:00 in New York across the 2026 spring change (Mar 8)', () => {
  const s = kron.parse('0 9 * * *', { timeZone: 'America/New_York' });
  assert.equal(s.timeZone, 'America/New_York');
  assert.equal(s.timeZoneOption, 'America/New_York');
  // EST (-5) on the 7th; EDT (-4) from 2026-03-08 02:00 local.
  assert.deepEqual(iso(s.next('2026-03-07T00:00:00Z', 3)), [
    '2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z',
  ]);
});

test('a DST gap skips the wall time that day (robfig): 02:30 New York on 2026-03-08', () => {
  const s = kron.parse('30 2 * * *', { timeZone: 'America/New_York' });
  assert.deepEqual(iso(s.next('2026-03-07T00:00:00Z', 2)), [
    '2026-03-07T07:30:00.000Z',  // 02:30 EST
    '2026-03-09T06:30:00.000Z',  // 02:30 EDT; the 8th has no 02:30
  ]);
});

test('a TZ= prefix in the spec wins over the timeZone option (formatSchedule)', () => {
  const s = kron.parse('TZ=Asia/Tokyo 0 9 * * *', { timeZone: 'Europe/Berlin' });
  assert.equal(s.timeZone, 'Asia/Tokyo');
  // 09:00 JST is 00:00Z: strictly after 2026-01-01T00:00Z comes the 2nd.
  assert.equal(s.next(T0).toISOString(), '2026-01-02T00:00:00.000Z');
  assert.equal(kron.parse('0 9 * * *').timeZone, 'UTC');
});

test('prev / prevSeconds: the latest fire strictly before, latest first', () => {
  const s = kron.parse('*/5 * * * *');
  assert.equal(s.prev(T0).toISOString(), '2025-12-31T23:55:00.000Z');
  assert.deepEqual(iso(s.prev(T0, 2)), ['2025-12-31T23:55:00.000Z', '2025-12-31T23:50:00.000Z']);
  // A fraction of a second after a fire time: that fire time is before it.
  assert.equal(s.prev(T0 + 500).toISOString(), '2026-01-01T00:00:00.000Z');
  assert.equal(s.prevSeconds(1767225600), 1767225300);
  assert.equal(kron.parse('0 0 30 2 *').prev(T0), null);
});

test('matches: whole-second fire times only', () => {
  const s = kron.parse('*/5 * * * *');
  assert.equal(s.matches('2026-01-01T00:05:00Z'), true);
  assert.equal(s.matches('2026-01-01T00:05:01Z'), false);
  assert.equal(s.matches(T0 + 300_500), false);
  assert.equal(s.matches(new Date(T0)), true);
});

test('iterate: a generator of Dates, optionally bounded', () => {
  const s = kron.parse('@hourly');
  const got = [];
  for (const d of s.iterate('2026-01-01T00:30:00Z')) {
    got.push(d.toISOString());
    if (got.length === 3) break;
  }
  assert.deepEqual(got, ['2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z', '2026-01-01T03:00:00.000Z']);
  const bounded = [...s.iterate(T0, { until: '2026-01-01T05:00:00Z' })];
  assert.equal(bounded.length, 4);  // 01..04; 05:00 is excluded
  // More than one internal batch (64) in a row, without gaps.
  const minutes = [...kron.parse('* * * * *').iterate(T0, { until: T0 + 200 * 60_000 })];
  assert.equal(minutes.length, 199);
  assert.equal(minutes[198].getTime() - minutes[0].getTime(), 198 * 60_000);
  assert.deepEqual([...kron.parse('0 0 30 2 *').iterate(T0)], []);
});

test('dayMatching: robfig star bit makes the day fields AND, else OR', () => {
  assert.equal(kron.parse('0 9 1,15 * MON').dayMatching, 'or');
  assert.equal(kron.parse('0 9 * * MON').dayMatching, 'and');
  assert.equal(kron.parse('0 9 */1 * MON').dayMatching, 'and');
  assert.equal(kron.parse('0 9 ? * MON').dayMatching, 'and');
  // OR: 2026-01-01 is a Thursday; the 5th is a Monday, the 1st/15th match by date.
  assert.deepEqual(iso(kron.parse('0 9 1,15 * MON').next(T0, 3)), [
    '2026-01-01T09:00:00.000Z', '2026-01-05T09:00:00.000Z', '2026-01-12T09:00:00.000Z',
  ]);
});

test('fields: the compiled sets', () => {
  const f = kron.parse('*/15 9-17 * jan,jul 1-5').fields;
  assert.deepEqual(f.minute, [0, 15, 30, 45]);
  assert.deepEqual(f.hour, [9, 10, 11, 12, 13, 14, 15, 16, 17]);
  assert.deepEqual(f.month, [1, 7]);
  assert.deepEqual(f.dayOfWeek, [1, 2, 3, 4, 5]);
  assert.equal(f.dayOfMonth.length, 31);
  assert.equal(f.dayOfMonthStar, true);
  assert.equal(kron.parse('@every 1m').fields, null);
});

test('describe(): generated from the compiled schedule', () => {
  // The examples of engine/include/kron/describe.h.
  assert.equal(kron.parse('0 */6 * * 1-5', { timeZone: 'Asia/Seoul' }).describe(),
    'At minute 0 past every 6th hour, on Monday through Friday, in Asia/Seoul');
  assert.equal(kron.parse('*/5 * * * *').describe(), 'Every 5 minutes');
  assert.match(kron.parse('*/5 * * * *').describe({ nameUtc: true }), /UTC/);
  assert.match(kron.parse('0 0 30 2 *').describe(), /never fires/);
});

test('schedule errors: KronScheduleError with robfig text, code and position', () => {
  const cases = [
    ['0 9 * * 8', 'end of range (8) above maximum (6): 8', 'SCHEDULE_RANGE', { begin: 8, end: 9 }],
    ['0 9 * *', 'expected exactly 5 fields, found 4: [0 9 * *]', 'SCHEDULE_FIELD_COUNT'],
    ['', 'empty spec string', 'SCHEDULE_EMPTY'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly', 'SCHEDULE_DESCRIPTOR'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2', 'SCHEDULE_RANGE'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3', 'SCHEDULE_SYNTAX'],
    ['*/0 * * * *', 'step of range should be a positive number: */0', 'SCHEDULE_STEP'],
  ];
  for (const [spec, message, code, position] of cases) {
    assert.throws(() => kron.parse(spec), (e) => {
      assert.ok(e instanceof KronScheduleError, spec);
      assert.ok(e instanceof KronError && e instanceof Error);
      assert.equal(e.name, 'KronScheduleError');
      assert.equal(e.message, message, spec);
      assert.equal(e.code, code, spec);
      assert.equal(e.spec, spec);
      if (position) assert.deepEqual(e.position, position);
      return true;
    });
  }
  assert.throws(() => kron.parse('a * * * *'), { code: 'SCHEDULE_NUMBER' });
  assert.throws(() => kron.parse('@every 1x'), { code: 'SCHEDULE_DURATION' });
});

test('the error position is relative to the spec even with a timeZone option', () => {
  assert.throws(() => kron.parse('0 9 * * 8', { timeZone: 'Europe/Berlin' }),
    { position: { begin: 8, end: 9 } });
});

test('zone errors: KronZoneError with Go/robfig text', () => {
  assert.throws(() => kron.parse('0 9 * * *', { timeZone: 'Mars/Base' }), (e) => {
    assert.ok(e instanceof KronZoneError);
    assert.equal(e.message, 'provided bad location Mars/Base: unknown time zone Mars/Base');
    assert.equal(e.code, 'ZONE_UNKNOWN');
    assert.equal(e.zone, 'Mars/Base');
    return true;
  });
  assert.throws(() => kron.parse('CRON_TZ=Mars/Base 0 9 * * *'), { name: 'KronZoneError', zone: 'Mars/Base' });
  assert.throws(() => kron.parse('0 9 * * *', { timeZone: '../etc/passwd' }),
    { name: 'KronZoneError', code: 'ZONE_INVALID_NAME' });
  assert.throws(() => kron.zoneOffset('Mars/Base', 0), KronZoneError);
});

test('bad arguments are TypeError / RangeError', () => {
  assert.throws(() => kron.parse(42), TypeError);
  const s = kron.parse('* * * * *');
  assert.throws(() => s.next('not a date'), TypeError);
  assert.throws(() => s.next(T0, -1), RangeError);
  assert.throws(() => s.next(Date.parse('+010000-01-01T00:00:00Z')), RangeError);
});

test('isValid', () => {
  assert.equal(kron.isValid('*/5 * * * *'), true);
  assert.equal(kron.isValid('*/5 * * *'), false);
  assert.equal(kron.isValid('0 9 * * *', { timeZone: 'Mars/Base' }), false);
});

test('dispose: frees once, later use throws, memory does not grow with parse/dispose', () => {
  const s = kron.parse('0 9 * * *');
  s.dispose();
  s.dispose();
  assert.throws(() => s.next(T0), /after dispose/);
  const heap = () => kron._module().HEAP8.length;
  for (let i = 0; i < 2000; i++) kron.parse(`${i % 60} * * * *`).dispose();
  const before = heap();
  for (let i = 0; i < 20000; i++) kron.parse(`${i % 60} ${i % 24} * * *`).dispose();
  assert.equal(heap(), before);
});

test('nextAll: one call for many schedules into a Float64Array (NaN: never)', () => {
  const a = kron.parse('*/5 * * * *');
  const b = kron.parse('0 9 * * *', { timeZone: 'Asia/Tokyo' });
  const c = kron.parse('0 0 30 2 *');
  const d = kron.parse('@every 1h');
  const out = kron.nextAll([a, b, c, d], '2026-01-01T00:02:30Z');
  assert.ok(out instanceof Float64Array);
  assert.equal(out.length, 4);
  assert.equal(out[0], 1767225900);
  assert.equal(out[1], Date.parse('2026-01-02T00:00:00Z') / 1000);  // 09:00 JST
  assert.ok(Number.isNaN(out[2]));
  assert.equal(out[3], 1767225750 + 3600);
  // Per-schedule `after` (epoch seconds).
  const per = kron.nextAll([a, a], new Float64Array([1767225600, 1767225900]));
  assert.deepEqual([...per], [1767225900, 1767226200]);
  // The same answers as one schedule at a time, for many.
  const specs = [];
  for (let i = 0; i < 500; i++) specs.push(kron.parse(`${i % 60} ${(i * 7) % 24} * * ${i % 7}`, { timeZone: i % 2 ? 'Europe/Paris' : '' }));
  const batch = kron.nextAll(specs, T0);
  specs.forEach((s, i) => assert.equal(batch[i], s.nextSeconds(T0 / 1000)));
  assert.deepEqual([...kron.nextAll([], T0)], []);
  c.dispose();
  assert.throws(() => kron.nextAll([a, c], T0), TypeError);
});

test('zoneOffset: Go time.Location answers', () => {
  assert.deepEqual(kron.zoneOffset('UTC', '2026-06-01T00:00:00Z'), { offsetSeconds: 0, isDst: false });
  assert.deepEqual(kron.zoneOffset('Europe/Berlin', '2026-07-01T00:00:00Z'), { offsetSeconds: 7200, isDst: true });
  assert.deepEqual(kron.zoneOffset('Asia/Kolkata', '2026-01-01T00:00:00Z'), { offsetSeconds: 19800, isDst: false });
});
