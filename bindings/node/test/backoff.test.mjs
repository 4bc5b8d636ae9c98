// Backoff timelines (kron/backoff.h): the Job controller's pod-failure backoff
// (10 s doubling, 10 min cap; backoffLimit N allows N + 1 pods) and the
// kubelet's CrashLoopBackOff (0, 10 s, 20 s, … 300 s), by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { load } from '../dist/index.js';

const kron = await load();

test('restartPolicy Never, backoffLimit 3: four pods, retried 10 s, 20 s, 40 s after each failure', () => {
  const t = kron.backoff({ backoffLimit: 3, runs: [{ runtime: 5000, succeeds: false }] });
  assert.deepEqual(t.attempts.map((a) => [a.pod, a.startMs, a.endMs, a.outcome, a.delayBeforeNextMs]), [
    [0, 0, 5000, 'failed', 10000],
    [1, 15000, 20000, 'failed', 20000],
    [2, 40000, 45000, 'failed', 40000],
    [3, 85000, 90000, 'failed', null],
  ]);
  assert.equal(t.outcome, 'failed');
  assert.equal(t.failed, 4);
  assert.equal(t.succeeded, 0);
  assert.equal(t.reason, 'BackoffLimitExceeded');
  assert.equal(t.message, 'Job has reached the specified backoff limit');
  assert.equal(t.finishedMs, 90000);
  assert.ok(t.finished instanceof Date && t.attempts[1].start instanceof Date);
});

test('a success after failures completes the Job', () => {
  const t = kron.backoff({
    start: new Date('2026-01-01T00:00:00Z'),
    runs: [{ runtime: 1000, succeeds: false }, { runtime: 1000, succeeds: false }, { runtime: 2000, succeeds: true }],
  });
  assert.equal(t.outcome, 'complete');
  assert.equal(t.attempts.length, 3);
  assert.equal(t.succeeded, 1);
  assert.equal(t.failed, 2);
  assert.equal(t.attempts[0].start.toISOString(), '2026-01-01T00:00:00.000Z');
  // 1 s run, 10 s backoff, 1 s run, 20 s backoff, 2 s run.
  assert.equal(t.finished.toISOString(), '2026-01-01T00:00:34.000Z');
  assert.equal(t.message, 'Job completed');
});

test('restartPolicy OnFailure: one pod, CrashLoopBackOff delays 0, 10 s, 20 s, …', () => {
  const t = kron.backoff({ restartPolicy: 'OnFailure', backoffLimit: 4, runs: [{ runtime: 1000, succeeds: false }] });
  assert.ok(t.attempts.every((a) => a.pod === 0));
  assert.deepEqual(t.attempts.slice(0, 4).map((a) => a.delayBeforeNextMs), [0, 10000, 20000, 40000]);
  assert.deepEqual(t.attempts.slice(0, 4).map((a) => a.restartCount), [0, 1, 2, 3]);
  assert.equal(t.outcome, 'failed');
  assert.equal(t.reason, 'BackoffLimitExceeded');
});

test('maxAttempts stops a Job that never finishes', () => {
  const t = kron.backoff({ backoffLimit: 1000, maxAttempts: 5, runs: [{ runtime: 1, succeeds: false }] });
  assert.equal(t.outcome, 'attemptCapReached');
  assert.equal(t.attempts.length, 5);
});

test('delay helpers', () => {
  assert.deepEqual([1, 2, 3, 6, 7, 20].map((n) => kron.jobBackoffDelay(n)), [10000, 20000, 40000, 320000, 600000, 600000]);
  assert.equal(kron.jobBackoffDelay(0), 0);
  assert.equal(kron.jobBackoffDelay(7, { policy: 'legacy' }), 360000);
  assert.deepEqual([1, 2, 3, 4, 10].map((n) => kron.crashLoopDelay(n)), [0, 10000, 20000, 40000, 300000]);
  assert.equal(kron.crashLoopDelay(10, { policy: 'reduced' }), 60000);
});

test('bad backoff arguments are RangeErrors', () => {
  assert.throws(() => kron.backoff({ runs: [] }), RangeError);
  assert.throws(() => kron.backoff({ restartPolicy: 'Always', runs: [{ runtime: 1 }] }), RangeError);
  assert.throws(() => kron.backoff({ backoffLimit: -1, runs: [{ runtime: 1 }] }), RangeError);
});
