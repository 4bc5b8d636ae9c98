// kron's Node/WASM package: per-call next fire vs native (bench/fire_times_bench)
// and vs croner and cron-parser on the same workload, the fleet batch, the
// shipped size and the module's ready time. Results: bench/README.md (Node/WASM).
//
//   (cd bench/node && npm install && node bench.mjs [--native PATH] [--quick])
//
// Workload (the one of bench/fire_times_bench.cc): for each spec, the next fire
// after each of 4096 pseudo-random instants in 2020–2030 (the same xorshift
// walk), cycled. Every library gets the same spec, zone and instants and
// must return the fire time (kron: epoch seconds or Date; croner and
// cron-parser: Date). Timings are CPU time per call (process.cpuUsage here,
// google-benchmark's cpu_time natively), medians of several timed rounds: on
// the shared, loaded machine wall-clock time mostly measures the wait for a
// core, and the native bench reports CPU time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

import { Cron } from 'croner';
import { CronExpressionParser } from 'cron-parser';

import { load } from '../../bindings/node/dist/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const nativeArg = args.indexOf('--native');
const nativeBench = nativeArg >= 0 ? args[nativeArg + 1]
  : ['build/bin/fire_times_bench', 'build-node/bin/fire_times_bench'].map((p) => root + p).find(existsSync);

// --- the workload ---------------------------------------------------------------
function starts() {
  const out = new Float64Array(4096);
  let x = 0x9E3779B97F4A7C15n;
  const M = (1n << 64n) - 1n;
  for (let i = 0; i < 4096; i++) {
    x ^= (x << 13n) & M;
    x ^= x >> 7n;
    x ^= (x << 17n) & M;
    out[i] = 1577836800 + Number(x % BigInt(10 * 365 * 86400));
  }
  return out;
}
const STARTS = starts();
const START_DATES = Array.from(STARTS, (s) => new Date(s * 1000));

// name (as in fire_times_bench), zone ('' = UTC), 5-field spec
const WORKLOAD = [
  ['utc_dense', '', '*/5 * * * *'],
  ['utc_hourly', '', '0 * * * *'],
  ['utc_business', '', '30 9-17 * * 1-5'],
  ['utc_sparse', '', '0 0 1 1 *'],
  ['zone_dense', 'America/New_York', '*/5 * * * *'],
  ['zone_business', 'Europe/Berlin', '30 9-17 * * 1-5'],
  ['zone_daily', 'Asia/Seoul', '0 3 * * *'],
  ['zone_sparse', 'America/New_York', '0 0 1 1 *'],
];

// CPU ns per call of f(i), median of `rounds` rounds of n calls.
function time(f, n, rounds = quick ? 3 : 7) {
  // Warm-up: one untimed round. process.cpuUsage counts every thread, so a
  // shorter one bills V8's background tier-up compiles (JS and wasm) to the
  // first timed rounds of the first workload.
  for (let i = 0; i < n; i++) f(i);
  const samples = [];
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < n; i++) sink += +f(i) || 0;
    const c = process.cpuUsage(c0);
    samples.push(((c.user + c.system) * 1000) / n);
  }
  samples.sort((a, b) => a - b);
  if (sink === 42) console.log('');  // keep the results alive
  return samples[samples.length >> 1];
}

const fmt = (ns) => (ns >= 1e6 ? `${(ns / 1e6).toFixed(2)} ms` : ns >= 1e3 ? `${(ns / 1e3).toFixed(2)} µs` : `${ns.toFixed(0)} ns`);
const ratio = (a, b) => (a / b >= 10 ? `${Math.round(a / b)}×` : `${(a / b).toFixed(2)}×`);

// --- native figures (same process run, same machine) ------------------------------
function nativeFigures() {
  if (!nativeBench) return {};
  const r = spawnSync(nativeBench, ['--benchmark_filter=BM_Next/', '--benchmark_format=json',
    `--benchmark_min_time=${quick ? 0.02 : 0.05}`, `--benchmark_repetitions=${quick ? 3 : 7}`], { encoding: 'utf8' });
  if (r.status !== 0) return {};
  const runs = {};
  for (const b of JSON.parse(r.stdout).benchmarks) {
    if (b.run_type && b.run_type !== 'iteration') continue;
    (runs[b.name.replace('BM_Next/', '').replace(/\/repeats:\d+$/, '')] ??= []).push(b.cpu_time);
  }
  const out = {};  // median cpu_time of the repetitions
  for (const [k, v] of Object.entries(runs)) out[k] = v.sort((a, b) => a - b)[v.length >> 1];
  return out;
}

// --- ready time: fresh processes ---------------------------------------------------
function readyTimes() {
  const script = `
    const t0 = performance.now();
    const { load } = await import(${JSON.stringify(root + 'bindings/node/dist/index.js')});
    const kron = await load();
    const t1 = performance.now();
    kron.parse('0 9 * * *');                 // UTC: still needs the zone list
    const t2 = performance.now();
    kron.parse('0 9 * * *', { timeZone: 'America/New_York' }).next(0);
    const t3 = performance.now();
    console.log(JSON.stringify({ ready: t1 - t0, tzdb: t2 - t1, zone: t3 - t2 }));`;
  const runs = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    runs.push(JSON.parse(r.stdout));
  }
  const med = (k) => runs.map((x) => x[k]).sort((a, b) => a - b)[runs.length >> 1];
  return { ready: med('ready'), tzdb: med('tzdb'), zone: med('zone') };
}

// --- main ------------------------------------------------------------------------------
const kron = await load();
kron.preloadZones();
const n = quick ? 20_000 : 100_000;
// croner and cron-parser take milliseconds per call on this workload: fewer calls.
const nSlow = quick ? 200 : 1_000;

console.log(`kron ${kron.version} (tzdata ${kron.tzdataVersion}), node ${process.version}, ${process.arch}`);
console.log(`native: ${nativeBench ?? '(not found: build fire_times_bench)'}\n`);
const native = nativeFigures();

const rows = [];
for (const [name, zone, spec] of WORKLOAD) {
  const s = kron.parse(spec, { timeZone: zone || undefined });
  // Check the libraries agree on the workload before timing it (a
  // disagreement would make the comparison meaningless).
  const cr = new Cron(spec, { timezone: zone || 'UTC', mode: '5-part' });
  const cp = CronExpressionParser.parse(spec, { tz: zone || 'UTC', currentDate: START_DATES[0] });
  let disagree = 0;
  for (let i = 0; i < 50; i++) {
    const k = s.nextSeconds(STARTS[i]) * 1000;
    if (cr.nextRun(START_DATES[i]).getTime() !== k) disagree++;
    cp.reset(START_DATES[i]);
    if (cp.next().getTime() !== k) disagree++;
  }
  const tSec = time((i) => s.nextSeconds(STARTS[i & 4095]), n);
  const tDate = time((i) => s.next(START_DATES[i & 4095]).getTime(), n);
  const tCroner = time((i) => cr.nextRun(START_DATES[i & 4095]).getTime(), nSlow, 3);
  const tCp = time((i) => {
    cp.reset(START_DATES[i & 4095]);
    return cp.next().getTime();
  }, nSlow, 3);
  rows.push({ name, zone: zone || 'UTC', spec, tSec, tDate, tCroner, tCp, native: native[name], disagree });
  s.dispose();
}

// The fleet batch: 10 000 schedules, one call.
const fleetSpecs = [];
for (let i = 0; i < 10_000; i++) {
  const zones = ['', 'America/New_York', 'Europe/Berlin', 'Asia/Seoul'];
  fleetSpecs.push(kron.parse(`${i % 60} ${(i * 7) % 24} * * ${i % 7}`, { timeZone: zones[i % 4] || undefined }));
}
const tBatch = time(() => kron.nextAll(fleetSpecs, 1767225600000)[0], quick ? 5 : 20) / fleetSpecs.length;

// Sizes: what the package ships.
const shipped = ['bindings/node/dist/kron.wasm', 'bindings/node/dist/kron.cjs', 'bindings/node/dist/index.js'];
const sizes = shipped.map((p) => {
  const b = readFileSync(root + p);
  return { p, raw: b.length, gz: gzipSync(b, { level: 9 }).length };
});

const ready = readyTimes();

// --- report ------------------------------------------------------------------------------
console.log('next fire, per call (median); ratios: how many times slower than kron nextSeconds');
console.log('| workload | zone | native | kron nextSeconds | vs native | kron next(Date) | croner | cron-parser | croner/kron | cron-parser/kron |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} \`${r.spec}\` | ${r.zone} | ${r.native ? fmt(r.native) : '–'} | ${fmt(r.tSec)} | ${r.native ? ratio(r.tSec, r.native) : '–'} | ${fmt(r.tDate)} | ${fmt(r.tCroner)} | ${fmt(r.tCp)} | ${ratio(r.tCroner, r.tSec)} | ${ratio(r.tCp, r.tSec)} |`);
}
const geo = (f) => Math.exp(rows.reduce((a, r) => a + Math.log(f(r)), 0) / rows.length);
const zoned = rows.filter((r) => r.zone !== 'UTC');
const utc = rows.filter((r) => r.zone === 'UTC');
const geoOf = (rs, f) => Math.exp(rs.reduce((a, r) => a + Math.log(f(r)), 0) / rs.length);
console.log(`\ngeometric means — named zone: croner/kron ${ratio(geoOf(zoned, (r) => r.tCroner / r.tSec), 1)}, cron-parser/kron ${ratio(geoOf(zoned, (r) => r.tCp / r.tSec), 1)};` +
  ` UTC: croner/kron ${ratio(geoOf(utc, (r) => r.tCroner / r.tSec), 1)}, cron-parser/kron ${ratio(geoOf(utc, (r) => r.tCp / r.tSec), 1)}`);
if (rows.every((r) => r.native)) console.log(`kron (Node) vs native: ${ratio(geo((r) => r.tSec / r.native), 1)} (geometric mean; nextSeconds)`);
const dis = rows.reduce((a, r) => a + r.disagree, 0);
console.log(`agreement check (50 instants × 8 workloads × 2 libraries): ${dis} disagreements with kron${dis ? ' — see the workloads above' : ''}`);
for (const r of rows) if (r.disagree) console.log(`  ${r.name}: ${r.disagree} disagreements`);
console.log(`\nfleet batch nextAll: ${fmt(tBatch)} per schedule (10 000 schedules in 4 zones, one call)`);
console.log('\nshipped (gzip -9):');
for (const s of sizes) console.log(`  ${s.p.padEnd(34)} ${String(s.raw).padStart(8)} B  ${String(s.gz).padStart(7)} B gzip`);
console.log(`  ${'total'.padEnd(34)} ${String(sizes.reduce((a, s) => a + s.raw, 0)).padStart(8)} B  ${String(sizes.reduce((a, s) => a + s.gz, 0)).padStart(7)} B gzip (${(sizes.reduce((a, s) => a + s.gz, 0) / 1024).toFixed(1)} KiB)`);
console.log(`\nready (fresh node process, median): import + load() ${ready.ready.toFixed(1)} ms; first parse (tz database) +${ready.tzdb.toFixed(1)} ms; first named zone +${ready.zone.toFixed(1)} ms`);
