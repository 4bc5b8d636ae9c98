#!/usr/bin/env node
// kron (npm) — a placeholder CLI over the WebAssembly module; the native CLI
// (bindings/cli) is the full one.
//   kron version
//   kron next '<spec>' [--after <RFC 3339>] [--count N] [--time-zone <zone>]
import { parseArgs } from 'node:util';
import { load } from '../src/index.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    after: { type: 'string' },
    count: { type: 'string', default: '1' },
    'time-zone': { type: 'string', default: '' },
  },
});
const kron = await load();
const [command, spec] = positionals;
if (command === 'version') {
  console.log(`kron ${kron.version()} (tzdata ${kron.tzdataVersion()})`);
} else if (command === 'next' && spec !== undefined) {
  try {
    const times = kron.next(spec, {
      after: values.after ?? new Date(),
      count: Number(values.count),
      timeZone: values['time-zone'],
    });
    for (const t of times) console.log(t.toISOString().replace('.000Z', 'Z'));
  } catch (e) {
    console.error(`kron: ${e.message}`);
    process.exit(1);
  }
} else {
  console.error("usage: kron version | kron next '<spec>' [--after T] [--count N] [--time-zone Z]");
  process.exit(2);
}
