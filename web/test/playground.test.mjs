// End-to-end tests of the playground in headless Chromium (Debian's package,
// driven by playwright-core). Expectations are independent of the page: Job
// names are <cronjob>-<Unix minutes> (29454240 min = 2026-01-01T08:00:00Z, the
// seed's), error texts are robfig/cron v3's, DST dates are America/New_York's
// 2026 transitions (Mar 8 02:00 EST → 03:00 EDT, Nov 1 02:00 EDT → 01:00 EST).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, open, hashOf } from './harness.mjs';

let server, browser;
const timings = {};

before(async () => {
  server = await startServer();
  browser = await launch();
});

after(async () => {
  console.log('# playground timings (ms, headless Chromium on this machine):');
  for (const [k, v] of Object.entries(timings)) console.log(`#   ${k}: ${v}`);
  await browser?.close();
  await server?.stop();
});

const runRows = (page) => page.$$eval('#runs tbody tr:not(.skipped)', (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent.trim())));

test('typing a schedule shows the next runs with their Job and Pod names', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z', n: '10', name: 'cronjob-test01' }));
  let rows = await runRows(page);
  assert.equal(rows.length, 10);
  assert.equal(rows[0][2], '2026-01-01T08:00:00Z');
  assert.equal(rows[0][3], 'cronjob-test01-29454240');
  assert.equal(rows[1][3], 'cronjob-test01-29454241');
  assert.match(rows[0][4], /^cronjob-test01-29454240-[a-z0-9x]{5}$/);

  await page.fill('#spec', '');
  await page.type('#spec', '*/15 9-17 * * MON-FRI');
  await page.waitForFunction(() => document.querySelector('#runs tbody tr td:nth-child(3)')?.textContent === '2026-01-01T09:00:00Z');
  rows = await runRows(page);
  // 2026-01-01 is a Thursday: 09:00, 09:15, … in UTC (no zone set).
  assert.deepEqual(rows.slice(0, 3).map((r) => r[2]), ['2026-01-01T09:00:00Z', '2026-01-01T09:15:00Z', '2026-01-01T09:30:00Z']);
  assert.equal(rows[0][3], `cronjob-test01-${Date.parse('2026-01-01T09:00:00Z') / 60000}`);
  assert.match(rows[0][1], /^Thu 2026-01-01 09:00:00 \+00:00$/);
  const ms = await page.evaluate(() => Number(document.body.dataset.scheduleMs));
  assert.ok(ms > 0, 'keystroke timing recorded');
  timings['schedule keystroke → results'] = ms;
  timings['first result after load (since navigation start)'] = await page.evaluate(() => `${document.body.dataset.firstResultMs} (engine ready at ${document.body.dataset.engineReadyMs})`);
  const dm = await page.$eval('#day-matching', (e) => (e.hidden ? null : e.dataset.rule));
  assert.equal(dm, 'AND');  // day of month is `*`
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('changing the time zone moves the runs (Asia/Seoul is UTC+9, no DST)', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '0 9 * * *', from: '2025-12-31T12:00:00Z', n: '3' }));
  let rows = await runRows(page);
  assert.equal(rows[0][2], '2026-01-01T09:00:00Z');
  await page.fill('#zone', 'Asia/Seoul');
  await page.waitForFunction(() => document.querySelector('#runs tbody tr td:nth-child(3)')?.textContent === '2026-01-01T00:00:00Z');
  rows = await runRows(page);
  assert.deepEqual(rows.map((r) => r[2]), ['2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z']);
  assert.equal(rows[0][1], 'Thu 2026-01-01 09:00:00 +09:00');
  assert.equal(rows[0][3], `cronjob-test01-${Date.parse('2026-01-01T00:00:00Z') / 60000}`);
  assert.match(await page.textContent('#runs-zone-col'), /Asia\/Seoul/);
  // The zone picker offers every IANA zone the engine knows.
  const zones = await page.evaluate(() => document.querySelectorAll('#zone-list option').length);
  assert.ok(zones > 400, `zone list has ${zones} names`);
  // An unknown zone is the API server's error, and no runs are shown.
  await page.fill('#zone', 'Mars/Olympus_Mons');
  await page.waitForFunction(() => document.querySelector('#zone-error').textContent !== '');
  assert.match(await page.textContent('#zone-error'), /^spec\.timeZone: Invalid value: "Mars\/Olympus_Mons"/);
  assert.equal((await runRows(page)).length, 0);
  await page.close();
});

test('DST: 30 2 * * * in America/New_York skips 2026-03-08 and doubles nothing', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '30 2 * * *', tz: 'America/New_York', from: '2026-03-05T00:00:00Z', n: '6' }));
  const rows = await runRows(page);
  assert.deepEqual(rows.map((r) => r[2]), [
    '2026-03-05T07:30:00Z', '2026-03-06T07:30:00Z', '2026-03-07T07:30:00Z',
    '2026-03-09T06:30:00Z', '2026-03-10T06:30:00Z', '2026-03-11T06:30:00Z']);
  assert.equal(rows[3][1], 'Mon 2026-03-09 02:30:00 −04:00');
  const skipped = await page.$$eval('#runs tbody tr.skipped', (r) => r.map((x) => x.textContent));
  assert.equal(skipped.length, 1);
  assert.match(skipped[0], /2026-03-08/);
  assert.match(skipped[0], /02:30/);
  assert.match(skipped[0], /skipped/i);
  // The skipped row sits between Mar 7 and Mar 9.
  const order = await page.$$eval('#runs tbody tr', (r) => r.map((x) => (x.classList.contains('skipped') ? 'skip' : x.cells[2].textContent)));
  assert.equal(order[3], 'skip');
  assert.match(await page.textContent('#dst-notes'), /does not exist in America\/New_York/);
  await page.close();
});

test('DST: 30 1 * * * in America/New_York runs twice on 2026-11-01', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '30 1 * * *', tz: 'America/New_York', from: '2026-10-31T00:00:00Z', n: '4' }));
  const rows = await runRows(page);
  assert.deepEqual(rows.map((r) => r[2]), ['2026-10-31T05:30:00Z', '2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-02T06:30:00Z']);
  assert.match(rows[1][5], /doubled/);
  assert.match(rows[2][5], /doubled/);
  assert.equal(rows[0][5], '');
  await page.close();
});

test('an invalid schedule shows robfig\'s error and highlights the characters', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z' }));
  await page.fill('#spec', '0 25 * * *');
  await page.waitForFunction(() => document.querySelector('#spec').getAttribute('aria-invalid') === 'true');
  assert.match(await page.textContent('#spec-error'), /end of range \(25\) above maximum \(23\): 25/);
  assert.equal(await page.textContent('#spec-backdrop mark.err'), '25');
  assert.equal(await page.$eval('#spec-backdrop mark.err', (m) => m.dataset.begin), '2');
  assert.equal((await runRows(page)).length, 0);

  await page.fill('#spec', '*/5 * * *');
  await page.waitForFunction(() => /expected exactly 5 fields/.test(document.querySelector('#spec-error').textContent));
  assert.match(await page.textContent('#spec-error'), /expected exactly 5 fields, found 4: \[\*\/5 \* \* \*\]/);
  assert.ok(await page.$('#spec-backdrop mark.err'));

  await page.fill('#spec', '0 0 * JANUARY *');
  await page.waitForFunction(() => /JANUARY/.test(document.querySelector('#spec-error').textContent));
  assert.match(await page.textContent('#spec-error'), /failed to parse int from JANUARY/);
  assert.equal(await page.textContent('#spec-backdrop mark.err'), 'JANUARY');

  await page.fill('#spec', 'TZ=Mars/Base * * * * *');
  await page.waitForFunction(() => /bad location/.test(document.querySelector('#spec-error').textContent));
  assert.match(await page.textContent('#spec-error'), /provided bad location Mars\/Base: unknown time zone Mars\/Base/);
  assert.equal(await page.textContent('#spec-backdrop mark.err'), 'Mars/Base');

  // Back to valid: the error and the highlight go away.
  await page.fill('#spec', '0 0 * * *');
  await page.waitForFunction(() => document.querySelector('#spec').getAttribute('aria-invalid') === 'false');
  assert.equal(await page.$('#spec-backdrop mark.err'), null);
  assert.equal((await runRows(page)).length, 10);
  await page.close();
});

test('never fires: 0 0 30 2 * is explained', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '0 0 30 2 *', from: '2026-01-01T00:00:00Z' }));
  assert.equal(await page.isHidden('#never'), false);
  assert.match(await page.textContent('#never'), /Never fires/);
  assert.equal((await runRows(page)).length, 0);
  await page.close();
});

test('@every 30s: Job names repeat within a minute, and the page says so', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '@every 30s', from: '2026-01-01T07:59:30Z', n: '4' }));
  const rows = await runRows(page);
  assert.deepEqual(rows.map((r) => r[2]), ['2026-01-01T08:00:00Z', '2026-01-01T08:00:30Z', '2026-01-01T08:01:00Z', '2026-01-01T08:01:30Z']);
  assert.deepEqual(rows.map((r) => r[3]), ['cronjob-test01-29454240', 'cronjob-test01-29454240', 'cronjob-test01-29454241', 'cronjob-test01-29454241']);
  assert.match(rows[1][5], /Same Job name as run 1/);
  assert.equal(rows[2][5], '');
  await page.close();
});

test('day matching: both day fields restricted is OR', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '0 9 1,15 * MON', from: '2026-01-01T00:00:00Z', n: '5' }));
  const rule = await page.$eval('#day-matching', (e) => (e.hidden ? null : e.dataset.rule));
  // 2026-01-01 Thu: Jan 1 (dom), Jan 5 (Mon), Jan 12 (Mon), Jan 15 (dom), Jan 19 (Mon).
  assert.deepEqual((await runRows(page)).map((r) => r[2].slice(0, 10)), ['2026-01-01', '2026-01-05', '2026-01-12', '2026-01-15', '2026-01-19']);
  assert.equal(rule, 'OR');
  assert.match(await page.textContent('#day-matching'), /^Day matching: OR — \S/);
  await page.close();
});

// --- Manifest mode -------------------------------------------------------------

test('manifest: the seed cronjob-test01.yml validates clean and plans cronjob-test01-29454240…', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest' }));
  // Paste the seed (as a user would) over whatever is there.
  const seed = await page.evaluate(async () => (await import('./seeds.js')).CRONJOB_TEST01);
  await page.fill('#manifest', '');
  await page.fill('#manifest', seed);
  await page.waitForFunction(() => document.querySelector('#validation pre')?.textContent.includes('created'));
  assert.equal((await page.textContent('#validation pre')).trim(), 'cronjob.batch/cronjob-test01 created');
  assert.equal(await page.$eval('#validation', (e) => e.dataset.invalid), '0');
  // The timeline: ticks every minute, Jobs named by the scheduled minute.
  await page.waitForSelector('#timeline svg');
  const jobs = await page.$$eval('#timeline [data-job]', (g) => g.map((x) => x.dataset.job));
  assert.ok(jobs.includes('cronjob-test01-29454240'), jobs.join(' '));
  assert.ok(jobs.includes('cronjob-test01-29454241'));
  assert.equal(jobs.length, 10);  // 08:00 … 08:09 in [07:59:30, 08:09:30)
  assert.equal(await page.$$eval('#timeline .tick', (x) => x.length), 10);
  // History: the default successfulJobsHistoryLimit 3 keeps the newest 3 finished Jobs.
  const deleted = await page.$$eval('#timeline g.job.deleted', (g) => g.map((x) => x.dataset.job));
  assert.ok(deleted.includes('cronjob-test01-29454240'), `deleted: ${deleted}`);
  const events = await page.textContent('#events');
  assert.match(events, /Created job cronjob-test01-29454240/);
  assert.match(events, /Saw completed job: cronjob-test01-29454240, status: Complete/);
  // Event lines are laid out only near the viewport (content-visibility):
  // scrolled into view, the first block is rendered.
  await page.$eval('#events', (e) => e.scrollIntoView());
  await page.waitForFunction(() => document.querySelector('#events .ev-block').checkVisibility({ contentVisibilityAuto: true }));
  timings['10-minute plan → timeline, tables, events'] = await page.evaluate(() => `${document.body.dataset.planMs} (kron.plan ${document.body.dataset.planEngineMs})`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('manifest: picking an instant on the timeline shows kubectl get at that instant', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest', sfrom: '2026-01-01T07:59:30Z', win: '600' }));
  await page.waitForSelector('#timeline svg');
  // Home: the window's start, before the first Job.
  await page.focus('#timeline svg');
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('#tables-at').textContent === '2026-01-01T07:59:30Z');
  assert.match(await page.textContent('#tables'), /cronjob-test01/);
  assert.equal(await page.$$eval('#tables table[data-kind="jobs"] tbody tr', (r) => r.length), 0);
  // Click at ≈08:02:15 (165 s into 600 s).
  const box = await page.$eval('#timeline svg', (s) => { const r = s.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height, padL: +s.dataset.padL, padR: +s.dataset.padR }; });
  await page.mouse.click(box.x + box.padL + (box.w - box.padL - box.padR) * (165 / 600), box.y + box.h / 2);
  await page.waitForFunction(() => document.querySelector('#tables-at').textContent.startsWith('2026-01-01T08:02:'));
  const at = await page.textContent('#tables-at');
  assert.ok(Math.abs(Date.parse(at) - Date.parse('2026-01-01T08:02:15Z')) <= 3000, at);
  const jobRows = await page.$$eval('#tables table[data-kind="jobs"] tbody tr', (r) => r.map((x) => [...x.cells].map((c) => c.textContent)));
  const names = jobRows.map((r) => r[0]);
  assert.deepEqual(names, ['cronjob-test01-29454240', 'cronjob-test01-29454241', 'cronjob-test01-29454242']);
  const head = await page.$$eval('#tables table[data-kind="jobs"] thead th', (r) => r.map((x) => x.textContent));
  assert.equal(jobRows[0][head.indexOf('COMPLETIONS')], '1/1');
  const pods = await page.$$eval('#tables table[data-kind="pods"] tbody tr td:first-child', (r) => r.map((x) => x.textContent));
  assert.equal(pods.length, 3);
  assert.match(pods[0], /^cronjob-test01-29454240-[a-z0-9]{5}$/);
  // The picked instant is on the timeline and in the URL.
  assert.ok(await page.$('#timeline .cursor line'));
  assert.match(await page.evaluate(() => decodeURIComponent(location.hash)), /at=2026-01-01T08:02:/);
  // Events up to the instant only.
  const evText = await page.textContent('#events');
  assert.match(evText, /Created job cronjob-test01-29454242/);
  assert.doesNotMatch(evText, /Created job cronjob-test01-29454243/);
  // An exact instant from the input.
  await page.fill('#sim-at', '2026-01-01T08:09:00');
  await page.dispatchEvent('#sim-at', 'change');
  await page.waitForFunction(() => document.querySelector('#tables-at').textContent === '2026-01-01T08:09:00Z');
  const later = await page.$$eval('#tables table[data-kind="jobs"] tbody tr td:first-child', (r) => r.map((x) => x.textContent));
  assert.ok(!later.includes('cronjob-test01-29454240'), `history limit deleted the oldest: ${later}`);
  timings['pick an instant → tables (10-minute window)'] = await page.evaluate(() => `${document.body.dataset.atMs} (kron.plan ${document.body.dataset.atEngineMs})`);
  await page.close();
});

test('manifest: job-test01.yml completes 1/1; with failing pods it backs off and hits BackoffLimitExceeded', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest' }));
  await page.click('#load-job');
  await page.waitForFunction(() => document.querySelector('#validation pre')?.textContent.includes('job.batch/job-test01 created'));
  assert.equal(await page.$eval('#validation', (e) => e.dataset.invalid), '0');
  await page.waitForFunction(() => document.querySelector('#timeline [data-job="job-test01"]'));
  const head = await page.$$eval('#tables table[data-kind="jobs"] thead th', (r) => r.map((x) => x.textContent));
  const row = await page.$$eval('#tables table[data-kind="jobs"] tbody tr td', (r) => r.map((x) => x.textContent));
  assert.equal(row[0], 'job-test01');
  assert.equal(row[head.indexOf('COMPLETIONS')], '1/1');
  assert.match(await page.textContent('#events'), /Created pod: job-test01-[a-z0-9]{5}/);
  assert.match(await page.textContent('#events'), /Job completed/);
  // kubectl describe job: the plan handle's whole text.
  await page.click('#tables details[data-target="job job-test01"] summary');
  await page.waitForFunction(() => document.querySelector('#tables details[data-target="job job-test01"]')?.dataset.full === '1');
  const describe = await page.textContent('#tables details[data-target="job job-test01"] pre');
  assert.match(describe, /^Name:\s+job-test01$/m);
  assert.match(describe, /^Backoff Limit:\s+3$/m);
  assert.match(describe, /^Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed$/m);

  // Every pod fails: backoffLimit 3 → 4 pods, backoff 10s, 20s, 40s, then BackoffLimitExceeded.
  await page.selectOption('#sim-pods', 'fail');
  await page.waitForFunction(() => /BackoffLimitExceeded/.test(document.querySelector('#events').textContent));
  assert.equal(await page.$$eval('#timeline [data-job="job-test01"] .pod.bad', (x) => x.length), 4);
  const gaps = await page.$$eval('#timeline [data-job="job-test01"] .gap title', (x) => x.map((g) => g.textContent));
  assert.deepEqual(gaps, ['backoff 10s before the retry', 'backoff 20s before the retry', 'backoff 40s before the retry']);
  assert.match(await page.textContent('#timeline'), /BackoffLimitExceeded/);
  const row2 = await page.$$eval('#tables table[data-kind="jobs"] tbody tr td', (r) => r.map((x) => x.textContent));
  assert.equal(row2[head.indexOf('COMPLETIONS')], '0/1');

  // First 2 runs fail, the third succeeds.
  await page.selectOption('#sim-pods', 'fail-first');
  await page.fill('#sim-failn', '2');
  await page.waitForFunction(() => document.querySelectorAll('#timeline [data-job="job-test01"] .pod').length === 3);
  assert.equal(await page.$$eval('#timeline [data-job="job-test01"] .pod.bad', (x) => x.length), 2);
  assert.equal(await page.$$eval('#timeline [data-job="job-test01"] .pod.ok', (x) => x.length), 1);
  await page.close();
});

test('manifest: JSON works as well as YAML', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest', sfrom: '2026-01-01T08:00:00Z', win: '300' }));
  const job = {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'job-test01' },
    spec: { backoffLimit: 3, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'nginx-test01', image: 'nginx:latest', command: ['echo', 'Hello world'] }] } } },
  };
  await page.fill('#manifest', JSON.stringify(job, null, 2));
  await page.waitForFunction(() => document.querySelector('#validation pre')?.textContent.includes('job.batch/job-test01 created'));
  await page.waitForSelector('#timeline [data-job="job-test01"] .pod.ok');
  assert.match(await page.textContent('#events'), /Job completed/);
  await page.close();
});

test('manifest: an invalid manifest shows the API server\'s message', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest' }));
  const seed = await page.evaluate(async () => (await import('./seeds.js')).JOB_TEST01);
  await page.fill('#manifest', seed.replace('restartPolicy: Never', 'restartPolicy: Always'));
  await page.waitForFunction(() => document.querySelector('#validation').dataset.invalid === '1');
  assert.match(await page.textContent('#validation pre'), /^The Job "job-test01" is invalid: spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"|^The Job "job-test01" is invalid: spec\.template\.spec\.restartPolicy/);
  assert.match(await page.textContent('#timeline'), /Fix the errors/);
  await page.close();
});

test('manifest: kron\'s warnings — a timeZone whose DST skips a run, cron\'s OR rule', async () => {
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest', sfrom: '2026-01-01T00:00:00Z' }));
  const seed = await page.evaluate(async () => (await import('./seeds.js')).CRONJOB_TEST01);
  await page.fill('#manifest', seed.replace('schedule: "*/1 * * * *"', 'schedule: "30 2 * * *"\n  timeZone: America/New_York'));
  await page.waitForFunction(() => document.querySelector('#validation').dataset.warnings === '1');
  // Still accepted by the API server…
  assert.equal((await page.textContent('#validation pre')).trim(), 'cronjob.batch/cronjob-test01 created');
  // …with kron's warning, pointing at the line of spec.timeZone.
  const w = await page.textContent('#validation .findings li.warn');
  assert.match(w, /spec\.timeZone: .*2026-03-08: clocks jump from 02:00 to 03:00, so the run at 02:30 is skipped/);
  assert.match(w, /manifest\.yml:7/);
  await page.click('#validation .findings a.loc');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'manifest');
  const sel = await page.evaluate(() => { const ta = document.activeElement; return ta.value.slice(ta.selectionStart, ta.selectionEnd); });
  assert.match(sel, /^timeZone: America\/New_York/);

  await page.fill('#manifest', seed.replace('"*/1 * * * *"', '"0 9 1,15 * MON"'));
  await page.waitForFunction(() => /OR rule/.test(document.querySelector('#validation').textContent));
  assert.equal(await page.$eval('#validation', (e) => e.dataset.invalid), '0');
  await page.close();
});

test('one-day timeline of the seed CronJob: 1440 Jobs, timing recorded', async () => {
  // From 23:59:30: the CronJob exists from there, so 00:00 … 23:59 all run.
  const page = await open(browser.context, server.url, hashOf({ m: 'manifest', sfrom: '2025-12-31T23:59:30Z', win: '86400', at: '2026-01-01T12:00:00Z' }));
  await page.waitForSelector('#timeline svg');
  assert.equal(await page.$eval('#timeline svg', (s) => s.dataset.jobs), '1440');
  assert.equal(await page.$eval('#timeline svg', (s) => s.dataset.pods), '1440');
  // Drawn as one path per kind, one subpath per object: the history limit
  // (successfulJobsHistoryLimit 3) keeps the last three Jobs, with their pods.
  const subpaths = await page.$$eval('#timeline svg .jobs.dense path', (ps) => Object.fromEntries(ps.map((p) => [p.getAttribute('class'), p.getAttribute('d').split('M').length - 1])));
  assert.deepEqual(subpaths, { 'job-bar': 3, 'job-bar deleted-bar': 1437, 'pod ok': 3, 'pod ok deleted-pod': 1437 });
  // Re-render a few times; keep the best and the last figure.
  const figures = [];
  for (let i = 0; i < 3; i++) {
    await page.selectOption('#sim-window', '21600');
    await page.waitForFunction(() => document.querySelector('#timeline svg')?.dataset.jobs === '360');
    await page.selectOption('#sim-window', '86400');
    await page.waitForFunction(() => document.querySelector('#timeline svg')?.dataset.jobs === '1440');
    figures.push(await page.evaluate(() => `${document.body.dataset.planMs} (kron.plan ${document.body.dataset.planEngineMs})`));
  }
  assert.ok(figures.every((f) => parseFloat(f) > 0));
  timings['one-day plan → timeline, tables, events (3 runs)'] = figures.join(', ');
  await page.close();
});

// --- Permalink ---------------------------------------------------------------------

test('permalink: the URL carries the state and restores it', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z' }));
  await page.fill('#spec', '0 */6 * * 1-5');
  await page.fill('#zone', 'Europe/Berlin');
  await page.fill('#count', '4');
  await page.fill('#cronjob-name', 'nightly');
  await page.waitForFunction(() => document.querySelectorAll('#runs tbody tr').length === 4);
  // The last edit (the CronJob name) rendered and written to the permalink.
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('name') === 'nightly');
  const rows = await runRows(page);
  const url = page.url();
  const params = new URLSearchParams(new URL(url).hash.slice(1));
  assert.equal(params.get('spec'), '0 */6 * * 1-5');
  assert.equal(params.get('tz'), 'Europe/Berlin');
  const again = await open(browser.context, url);
  assert.equal(await again.inputValue('#spec'), '0 */6 * * 1-5');
  assert.equal(await again.inputValue('#zone'), 'Europe/Berlin');
  assert.equal(await again.inputValue('#count'), '4');
  assert.deepEqual(await runRows(again), rows);
  assert.ok(rows[0][3].startsWith('nightly-'));

  // Manifest mode, with an edited manifest and outcome controls.
  await again.click('#tab-manifest');
  await again.fill('#manifest', (await again.inputValue('#manifest')).replace('*/1 * * * *', '*/2 * * * *'));
  await again.selectOption('#sim-pods', 'fail');
  await again.fill('#sim-runtime', '30s');
  await again.waitForFunction(() => document.querySelector('#timeline svg'));
  // The permalink is written when the edit renders: wait for it, not for an older timeline.
  await again.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get('rt') === '30s');
  const url2 = again.url();
  const third = await open(browser.context, url2);
  assert.equal(await third.getAttribute('#tab-manifest', 'aria-selected'), 'true');
  assert.match(await third.inputValue('#manifest'), /schedule: "\*\/2 \* \* \* \*"/);
  assert.equal(await third.inputValue('#sim-pods'), 'fail');
  assert.equal(await third.inputValue('#sim-runtime'), '30s');
  await third.waitForSelector('#timeline svg');
  const a = await again.$$eval('#timeline [data-job]', (x) => x.map((g) => g.dataset.job));
  const b = await third.$$eval('#timeline [data-job]', (x) => x.map((g) => g.dataset.job));
  assert.ok(a.length > 0);
  assert.deepEqual(b, a);
  await page.close(); await again.close(); await third.close();
});

test('keyboard: the mode tabs and the form are reachable and labelled', async () => {
  const page = await open(browser.context, server.url, hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z' }));
  // Every form control has a label.
  const unlabeled = await page.$$eval('input, select, textarea', (els) => els.filter((e) => !e.labels?.length && !e.getAttribute('aria-label')).map((e) => e.id));
  assert.deepEqual(unlabeled, []);
  // Results are announced.
  assert.equal(await page.getAttribute('#schedule-summary', 'aria-live'), 'polite');
  assert.match(await page.textContent('#schedule-summary'), /10 runs; first Thu 2026-01-01 08:00:00 \+00:00, Job cronjob-test01-29454240/);
  // Arrow keys switch tabs.
  await page.focus('#tab-schedule');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-manifest', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-manifest');
  assert.equal(await page.isHidden('#panel-schedule'), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute('#tab-schedule', 'aria-selected'), 'true');
  // Tab goes from the tabs into the schedule input.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'spec');
  await page.close();
});

test('static and offline: works from a sub-folder of any static server, and without network once loaded', async () => {
  // The web/ folder as the server's root: the page lives at /dist/.
  const other = await startServer(['--root', join(dirname(fileURLToPath(import.meta.url)), '..')]);
  try {
    const page = await open(browser.context, `${other.url}dist/`, hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z' }));
    assert.equal((await runRows(page))[0][3], 'cronjob-test01-29454240');
    await browser.context.setOffline(true);
    await page.fill('#zone', 'Australia/Lord_Howe');  // a half-hour DST zone, still computed locally
    await page.fill('#spec', '0 2 * * *');
    await page.waitForFunction(() => /Lord_Howe/.test(document.querySelector('#runs-zone-col').textContent));
    assert.equal((await runRows(page)).length, 10);
    await page.click('#tab-manifest');
    await page.waitForSelector('#timeline svg');
    assert.ok(await page.$('#timeline [data-job="cronjob-test01-29454240"]'));
    assert.deepEqual(page.errors, []);
    await page.close();
  } finally {
    await browser.context.setOffline(false);
    await other.stop();
  }
});
