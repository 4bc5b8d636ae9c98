// validate and plan through the package. Expectations: Kubernetes' message
// formats (apimachinery field.Error), and the golden `kron plan` outputs
// under tests/golden/plan (made by the native engine's unit tests).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { load, KronManifestError } from '../dist/index.js';

const kron = await load();
const root = new URL('../../../', import.meta.url);
const read = (p) => readFileSync(new URL(p, root), 'utf8');
const NOW = '2026-01-01T00:00:00Z';

test('validate: the seed manifests are valid', () => {
  const r = kron.validate(read('tests/data/seed/job-test01.yml'), { file: 'job-test01.yml', now: NOW });
  assert.deepEqual(r.findings, []);
  assert.equal(r.valid, true);
  assert.deepEqual(r.objects.map((o) => [o.kind, o.name]), [['Job', 'job-test01']]);
  const c = kron.validate(read('tests/data/seed/cronjob-test01.yml'), { now: NOW });
  assert.equal(c.valid, true);
  assert.deepEqual(c.objects.map((o) => [o.kind, o.name]), [['CronJob', 'cronjob-test01']]);
});

test('validate: a bad schedule is the API server\'s Invalid value with robfig\'s text', () => {
  const r = kron.validate(read('tests/parity/manifests/bad-schedule.yaml'), { file: 'bad.yaml', now: NOW });
  assert.equal(r.valid, false);
  assert.equal(r.invalid, true);
  const f = r.findings.find((x) => x.field === 'spec.schedule');
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'Invalid value: "0 9 * * 8": end of range (8) above maximum (6): 8');
  assert.equal(f.line, 6);
  assert.equal(f.object, 'CronJob/bad-schedule');
  assert.equal(f.text, 'bad.yaml:6: CronJob/bad-schedule: spec.schedule: Invalid value: "0 9 * * 8": end of range (8) above maximum (6): 8');
});

test('validate: kron warnings (never fires, OR days, DST, @every under a minute)', () => {
  const r = kron.validate(read('tests/parity/manifests/dst-warning.yaml'), { file: 'w.yaml', now: NOW });
  assert.equal(r.valid, true);
  assert.equal(r.objects.length, 4);
  const warned = new Set(r.findings.filter((f) => f.severity === 'warning').map((f) => f.object));
  assert.deepEqual([...warned].sort(), ['CronJob/every-20s', 'CronJob/never-fires', 'CronJob/nightly-berlin', 'CronJob/or-days']);
  assert.ok(r.findings.every((f) => f.text.includes(': warning: ')));
});

test('validate: unreadable input', () => {
  const r = kron.validate(read('tests/parity/manifests/unreadable.yaml'), { file: 'u.yaml', now: NOW });
  assert.equal(r.unreadable, true);
  assert.equal(r.valid, false);
  assert.ok(r.findings[0].unreadable);
  assert.match(r.findings[0].text, /^u\.yaml:\d+:\d+: /);
});

const goldenCases = [
  ['cronjob-test01.json', 'cronjob-test01.yml', '2026-01-01T07:59:30Z', '2026-01-01T08:03:00Z', 'succeed', '2026-01-01T08:03:00Z', 'json'],
  ['cronjob-test01-noat.json', 'cronjob-test01.yml', '2026-01-01T07:59:30Z', '2026-01-01T08:01:00Z', 'succeed', undefined, 'json'],
  ['job-test01.json', 'job-test01.yml', '2026-01-01T08:00:00Z', '2026-01-01T08:10:00Z', 'succeed', '2026-01-01T08:05:42Z', 'json'],
  ['job-test01.txt', 'job-test01.yml', '2026-01-01T08:00:00Z', '2026-01-01T08:10:00Z', 'succeed', '2026-01-01T08:05:42Z', 'text'],
  ['job-test01-fail.txt', 'job-test01.yml', '2026-01-01T08:00:00Z', '2026-01-01T08:10:00Z', 'fail', '2026-01-01T08:02:00Z', 'text'],
  ['cronjob-test01.txt', 'cronjob-test01.yml', '2026-01-01T07:59:30Z', '2026-01-01T08:10:30Z', 'succeed', '2026-01-01T08:10:30Z', 'text'],
];

for (const [golden, seed, from, until, pods, at, output] of goldenCases) {
  test(`plan: ${golden} equals the golden file`, () => {
    const manifests = [{ file: seed, text: read(`tests/data/seed/${seed}`) }];
    const opts = { from, until, pods, at };
    const got = output === 'json' ? kron.planJson(manifests, opts) : kron.planText(manifests, opts);
    assert.equal(got, read(`tests/golden/plan/${golden}`));
  });
}

test('plan(): parsed { events, tables }', () => {
  const p = kron.plan(read('tests/data/seed/cronjob-test01.yml'), {
    from: '2026-01-01T07:59:30Z', until: '2026-01-01T08:03:00Z', at: '2026-01-01T08:03:00Z',
  });
  assert.equal(p.events[0].reason, 'SuccessfulCreate');
  assert.equal(p.events[0].message, 'Created job cronjob-test01-29454240');
  assert.equal(p.events[0].time, '2026-01-01T08:00:00Z');
  assert.ok(p.tables && p.tables.at === '2026-01-01T08:03:00Z');
  assert.deepEqual(p.warnings, []);
  const noAt = kron.plan(read('tests/data/seed/cronjob-test01.yml'), { from: '2026-01-01T07:59:30Z', until: '2026-01-01T08:01:00Z' });
  assert.equal(noAt.tables, null);
});

test('plan: seed and podRuntime change the outcome deterministically', () => {
  const text = read('tests/data/seed/job-test01.yml');
  const opts = { from: '2026-01-01T08:00:00Z', until: '2026-01-01T09:00:00Z', pods: 'fail:2', podRuntime: 30000, seed: 42 };
  assert.equal(kron.planJson(text, opts), kron.planJson(text, opts));
  assert.notEqual(kron.planJson(text, opts), kron.planJson(text, { ...opts, seed: 43 }));
  const p = kron.plan(text, opts);
  assert.equal(p.events.filter((e) => e.reason === 'SuccessfulCreate').length, 3);
  assert.ok(p.events.some((e) => e.reason === 'Completed'));
  assert.equal(kron.planJson(text, opts), kron.planJson(text, { ...opts, podRuntime: '30s' }));
});

test('plan: invalid manifests throw KronManifestError with the findings', () => {
  assert.throws(() => kron.plan([{ file: 'bad.yaml', text: read('tests/parity/manifests/bad-schedule.yaml') }],
    { from: NOW, until: '2026-01-01T01:00:00Z' }), (e) => {
    assert.ok(e instanceof KronManifestError);
    assert.equal(e.code, 'MANIFEST_INVALID');
    assert.ok(e.findings.some((f) => f.field === 'spec.schedule'));
    return true;
  });
  assert.throws(() => kron.plan(read('tests/data/seed/job-test01.yml'), { from: NOW, until: NOW }), RangeError);
  assert.throws(() => kron.plan(read('tests/data/seed/job-test01.yml'), { from: NOW }), TypeError);
});
