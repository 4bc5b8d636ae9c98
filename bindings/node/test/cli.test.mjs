// The CLI inside the module (kron.cli) and bin/kron.mjs. Fire times by hand;
// usage/exit-code conventions from bindings/cli.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { load } from '../dist/index.js';

const kron = await load();
const text = (b) => new TextDecoder().decode(b);
const bin = fileURLToPath(new URL('../bin/kron.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

test('cli next --tsv: answers per stdin line', () => {
  const r = kron.cli(['next', '--tsv'], { stdin: '*/5 * * * *\t\t1767225750\t3\n0 0 30 2 *\t\t1767225600\t2\n0 9 * * 8\t\t0\t1\n' });
  assert.equal(r.code, 0);
  assert.equal(text(r.stdout), '1767225900 1767226200 1767226500\n0\nERR end of range (8) above maximum (6): 8\n');
  assert.equal(text(r.stderr), '');
  const last = kron.cli(['next', '--tsv', '--last'], { stdin: new TextEncoder().encode('*/5 * * * *\t\t1767225750\t3\n') });
  assert.equal(text(last.stdout), '1767226500\n');
});

test('cli next: readable output, zone and UTC columns', () => {
  const r = kron.cli(['next', '0 9 * * *', '--time-zone', 'Asia/Tokyo', '--after', '2026-01-01T00:00:00Z', '--count', '1']);
  assert.equal(r.code, 0);
  const lines = text(r.stdout).split('\n');
  assert.ok(lines[0].endsWith(`Asia/Tokyo (tzdata ${kron.tzdataVersion})`), lines[0]);
  assert.match(lines[2], /^2026-01-02T09:00:00\+09:00 +2026-01-02T00:00:00Z$/);
});

test('cli exit codes: usage 2, invalid schedule 1', () => {
  assert.equal(kron.cli(['validate']).code, 2);
  assert.equal(kron.cli(['frobnicate']).code, 2);
  const bad = kron.cli(['next', '0 9 * * 8', '--after', '2026-01-01T00:00:00Z']);
  assert.equal(bad.code, 1);
  assert.match(text(bad.stderr), /^kron: invalid schedule 0 9 \* \* 8: end of range \(8\) above maximum \(6\): 8\n {2}0 9 \* \* 8\n {10}\^\n$/);
});

test('cli validate: files given in memory, relative to cwd', () => {
  const r = kron.cli(['validate', '--now', '2026-01-01T00:00:00Z', 'm/bad.yaml', 'missing.yaml'], {
    files: { 'm/bad.yaml': readFileSync(`${root}/tests/parity/manifests/bad-schedule.yaml`) },
    cwd: '/work',
  });
  assert.equal(r.code, 2);  // a missing file is unreadable input
  assert.match(text(r.stdout), /^m\/bad\.yaml:6: CronJob\/bad-schedule: spec\.schedule: Invalid value/);
  assert.match(text(r.stderr), /^missing\.yaml: cannot read the file\n/);
  // The files are gone afterwards.
  assert.equal(kron.cli(['validate', 'm/bad.yaml'], { cwd: '/work' }).code, 2);
});

test('bin/kron.mjs: a process with the same streams and exit status', () => {
  const r = spawnSync(process.execPath, [bin, 'next', '--tsv'], { input: '@hourly\t\t1767225600\t2\n', encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '1767229200 1767232800\n');
  const v = spawnSync(process.execPath, [bin, 'validate', '--now', '2026-01-01T00:00:00Z', 'tests/data/seed/job-test01.yml'], { cwd: root, encoding: 'utf8' });
  assert.equal(v.status, 0);
  assert.equal(v.stdout, '');
  assert.equal(v.stderr, 'kron validate: 1 object checked, all valid, 0 warnings\n');
  const p = spawnSync(process.execPath, [bin, 'plan', 'tests/data/seed/job-test01.yml', '--from', '2026-01-01T08:00:00Z',
    '--until', '2026-01-01T08:10:00Z', '--at', '2026-01-01T08:05:42Z', '--output', 'json'], { cwd: root, encoding: 'utf8' });
  assert.equal(p.status, 0);
  assert.equal(p.stdout, readFileSync(`${root}/tests/golden/plan/job-test01.json`, 'utf8'));
});
