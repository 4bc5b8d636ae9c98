#!/usr/bin/env node
// kron (npm): the native `kron` CLI — next, next --tsv, validate, plan, fleet —
// run inside the WebAssembly module. The module contains the native CLI's own
// code (bindings/cli), so output and exit codes are byte for byte the same
// for the same input. This file only connects the process: arguments, stdin
// (read only if the command reads it), the files the arguments name, and the
// two output streams.
import { readFileSync, statSync } from 'node:fs';

import { load } from '../dist/index.js';

const args = process.argv.slice(2);
const kron = await load();

// Every argument that names a readable regular file is made visible to the
// CLI at the same path; a path that does not exist stays missing, so the CLI
// reports it exactly as the native one does.
const files = {};
for (const a of args) {
  if (a.startsWith('-')) continue;
  try {
    if (statSync(a).isFile()) files[a] = readFileSync(a);
  } catch {
    // not a file: an argument value, or a missing file the CLI reports
  }
}

const { code, stdout, stderr } = kron.cli(args, {
  stdin: () => readFileSync(0),
  files,
  cwd: process.cwd(),
});
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
