// tests/parity/run.sh from `npm test`: the native CLI and bin/kron.mjs give
// byte-identical output and exit codes on the parity vectors, and the Node
// CLI agrees with robfig/cron on the differential corpus. Needs the native
// build (build/bin/kron, or $KRON_NATIVE), which the test command builds first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const native = process.env.KRON_NATIVE || `${root}build/bin/kron`;

test('parity: native kron vs node bin/kron.mjs, and robfig vs node', { timeout: 30 * 60_000 }, (t) => {
  assert.ok(existsSync(native), `no native kron at ${native} (build it, or set KRON_NATIVE)`);
  const r = spawnSync('bash', [`${root}tests/parity/run.sh`, native], { encoding: 'utf8', maxBuffer: 1 << 26 });
  for (const line of r.stdout.split('\n')) if (line) t.diagnostic(line);
  if (r.stderr) t.diagnostic(r.stderr.slice(0, 4000));
  assert.equal(r.status, 0, r.stdout.slice(-4000));
});
