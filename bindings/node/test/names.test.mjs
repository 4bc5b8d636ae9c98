// Names (kron/names.h): Kubernetes' Job naming, the API server's generated
// pod names and name checks. Expected values from the Kubernetes sources'
// rules, computed by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../dist/index.js';

const kron = await load();
const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';  // utilrand

test('jobName: <cronjob>-<scheduled unix seconds / 60>', () => {
  // 2026-01-01T08:00:00Z = 1767254400 s = 29454240 min.
  assert.equal(kron.jobName('cronjob-test01', new Date('2026-01-01T08:00:00Z')), 'cronjob-test01-29454240');
  assert.equal(kron.jobName('x', '2026-01-01T08:00:59Z'), 'x-29454240');
  assert.equal(kron.jobName('x', 0), 'x-0');
  // Go's division truncates toward zero before 1970: -90 s → -1 minute.
  assert.equal(kron.jobName('x', -90_000), 'x--1');
});

test('podName: <job>- plus 5 characters of utilrand\'s alphabet', () => {
  const name = kron.podName('cronjob-test01-29454240');
  assert.match(name, new RegExp(`^cronjob-test01-29454240-[${ALPHABET}]{5}$`));
});

test('podName with a seed is reproducible; podNames draws a stream', () => {
  const a = kron.podNames('job-test01', 5, { seed: 42 });
  const b = kron.podNames('job-test01', 5, { seed: 42n });
  assert.deepEqual(a, b);
  assert.equal(kron.podName('job-test01', { seed: 42 }), a[0]);
  assert.equal(new Set(a).size, 5);
  assert.notDeepEqual(kron.podNames('job-test01', 5, { seed: 43 }), a);
  assert.deepEqual(kron.podNames('job', 0, { seed: 1 }), []);
  // Large 64-bit seeds are accepted as bigint.
  assert.match(kron.podName('j', { seed: (1n << 64n) - 1n }), new RegExp(`^j-[${ALPHABET}]{5}$`));
  assert.throws(() => kron.podName('j', { seed: -1 }), RangeError);
});

test('podName for an Indexed Job: <job>-<index>-xxxxx; long bases are cut to 58', () => {
  assert.match(kron.podName('work', { seed: 1, index: 3 }), new RegExp(`^work-3-[${ALPHABET}]{5}$`));
  const long = 'a'.repeat(70);
  const name = kron.podName(long, { seed: 1 });
  assert.equal(name.length, 63);
  assert.equal(name.slice(0, 58), 'a'.repeat(58));
});

test('nameProblems: apimachinery messages', () => {
  assert.deepEqual(kron.nameProblems('cronjob-test01'), []);
  assert.deepEqual(kron.nameProblems('a'.repeat(53)), ['must be no more than 52 characters']);
  assert.deepEqual(kron.nameProblems(''), ['name or generateName is required']);
  assert.deepEqual(kron.nameProblems('a.b', { kind: 'subdomain' }), []);
  assert.deepEqual(kron.nameProblems('a.b', { kind: 'label' }), ['must not contain dots']);
  assert.ok(kron.nameProblems('Bad_Name', { kind: 'label' }).length > 0);
});
