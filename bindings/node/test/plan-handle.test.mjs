// Kron.planOpen: a simulation kept in the module. Its objects are checked
// against hand-computed times (kron/timeline.h: the CronJob controller syncs
// 100 ms after each fire time; a pod runs podRuntime; restartPolicy Never
// replaces a failed pod after the 10 s pod-failure backoff; the history limit
// of 3 succeeded Jobs deletes the oldest when a fourth completes, with its
// pods), its tables and events against plan(), which renders the same
// simulation in one call.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { load } from '../dist/index.js';

const kron = await load();
const seed = readFileSync(new URL('../../../tests/data/seed/cronjob-test01.yml', import.meta.url), 'utf8');
const OPTS = { from: '2026-01-01T07:59:30Z', until: '2026-01-01T08:06:00Z', pods: 'fail:1' };
const T0 = Date.parse('2026-01-01T08:00:00Z');  // Unix minute 29454240
const S = 1000, M = 60 * S;

test('planOpen: objects() are columns of the simulated Jobs and Pods', () => {
  const h = kron.planOpen(seed, OPTS);
  try {
    const { cronjobs, jobs, pods, events, notes } = h.objects();
    assert.deepEqual(cronjobs, [{ name: 'cronjob-test01', schedule: '*/1 * * * *', timeZone: null }]);
    assert.deepEqual(notes, []);
    // Fire times 08:00 … 08:05: six Jobs named after their scheduled minute.
    assert.deepEqual(jobs.name, [0, 1, 2, 3, 4, 5].map((k) => `cronjob-test01-${29454240 + k}`));
    for (const k of ['created', 'deleted', 'condition', 'finished']) assert.ok(jobs[k] instanceof Float64Array && jobs[k].length === 6, k);
    const start = (k) => T0 + k * M + 100;
    assert.deepEqual([...jobs.created], [0, 1, 2, 3, 4, 5].map(start));
    // First pod fails at +5 s, its replacement starts at +15 s and succeeds at +20 s.
    assert.deepEqual([...jobs.finished], [0, 1, 2, 3, 4, 5].map((k) => start(k) + 20 * S));
    assert.deepEqual([...jobs.condition], [1, 1, 1, 1, 1, 1]);
    assert.deepEqual(jobs.reason, ['', '', '', '', '', '']);
    // Job k is deleted when Job k+3 completes; the last three are kept (NaN).
    assert.deepEqual([...jobs.deleted], [start(3) + 20 * S, start(4) + 20 * S, start(5) + 20 * S, NaN, NaN, NaN]);

    assert.equal(pods.name.length, 12);
    pods.name.forEach((n, i) => assert.match(n, new RegExp(`^${jobs.name[i >> 1]}-[bcdfghjklmnpqrstvwxz2456789]{5}$`)));
    assert.deepEqual([...pods.job], [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const job = (i) => i >> 1, retry = (i) => i & 1;
    pods.name.forEach((_, i) => {
      const created = start(job(i)) + retry(i) * 15 * S;
      assert.equal(pods.created[i], created, `created ${i}`);
      assert.equal(pods.finished[i], created + 5 * S, `finished ${i}`);
      assert.equal(pods.firstRunEnd[i], created + 5 * S, `firstRunEnd ${i}`);
      assert.equal(pods.succeeded[i], retry(i), `succeeded ${i}`);
      assert.equal(pods.runs[i], 1, `runs ${i}`);
      assert.ok(Object.is(pods.deleted[i], jobs.deleted[job(i)]), `deleted ${i} with its Job`);
    });
    assert.equal(events, h.eventsUntil(OPTS.until));
  } finally {
    h.dispose();
  }
});

test('planOpen: tables(at) and events() are what plan() renders', () => {
  const h = kron.planOpen(seed, OPTS);
  try {
    for (const at of ['2026-01-01T08:00:10Z', '2026-01-01T08:03:20Z', '2026-01-01T08:05:59Z']) {
      const p = kron.plan(seed, { ...OPTS, at });
      const { describe, ...tables } = h.tables(at);
      const { describe: planDescribe, ...planTables } = p.tables;
      assert.deepEqual(tables, planTables, at);
      // describe: the same objects; each text as the text rendering prints it.
      assert.ok(describe.length >= 2, at);
      assert.deepEqual(describe.map((d) => d.object), planDescribe.map((d) => d.object), at);
      const text = kron.planText(seed, { ...OPTS, at });
      for (const d of describe) assert.ok(text.includes(`${d.text}\n`), `${at} ${d.object}`);
      const upTo = h.eventsUntil(at);
      assert.equal(upTo, p.events.filter((e) => e.time <= at).length, at);
      assert.deepEqual(h.events(0, upTo), p.events.slice(0, upTo), at);
    }
    const all = kron.plan(seed, OPTS).events;
    assert.equal(h.objects().events, all.length);
    assert.deepEqual(h.events(5, 9), all.slice(5, 9));
  } finally {
    h[Symbol.dispose ?? Symbol.for('Symbol.dispose')]();  // what `using` calls
  }
  assert.throws(() => h.objects(), /after dispose/);
  h.dispose();  // idempotent
});
