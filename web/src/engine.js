// engine.js — the playground's only door to kron's WebAssembly module
// (bindings/node/dist/index.js — src/index.js minified — copied next to this
// file by the build; its contract is bindings/node/src/index.d.ts). Each
// function is one call of that API. Nothing here computes a schedule itself:
// every fire time, name, finding and simulated event comes from the engine.
import * as pkg from './kron/src/index.js';

let kron = null;

// index.html's head starts compiling kron.wasm (self.kronWasm, a promise of
// the compiled module or null) while the page's scripts load.
export async function loadEngine() {
  const early = globalThis.kronWasm;
  kron = await (early ? pkg.load({ wasmModule: early }) : pkg.load());
  return kron;
}

export const info = () => ({ version: kron.version, tzdata: kron.tzdataVersion });

export const zones = () => kron.timeZones();

// A parse error as { message, code, begin, end }: KronScheduleError.position
// is in string indexes already; -1 when the engine points nowhere.
function errorOf(e, spec) {
  let begin = e.position?.begin ?? -1, end = e.position?.end ?? -1;
  // A bad zone in the spec's own TZ=/CRON_TZ= prefix: point at the name.
  const tz = /^(\s*(?:CRON_)?TZ=)(\S*)/.exec(spec);
  if (begin < 0 && tz && e.code?.startsWith('ZONE_')) {
    begin = tz[1].length;
    end = begin + tz[2].length;
  }
  return { message: e.message, code: e.code ?? '', begin, end };
}

// Compiled schedules by (spec, zone): a keystroke re-renders with the same
// few schedules, so each is parsed once. Evicted ones are disposed.
const cache = new Map();
const CACHE_MAX = 64;

// Compiles `spec` for `timeZone` (a CronJob's spec.timeZone): { schedule }
// (the package's Schedule) or { error: { message, code, begin, end } }.
export function parse(spec, timeZone) {
  const key = `${timeZone || ''}\u0000${spec}`;
  let c = cache.get(key);
  if (c) {
    cache.delete(key);
    cache.set(key, c);
    return c;
  }
  try {
    c = { schedule: kron.parse(spec, { timeZone: timeZone || null }) };
  } catch (e) {
    c = { error: errorOf(e, spec) };
  }
  cache.set(key, c);
  if (cache.size > CACHE_MAX) {
    const [oldKey, old] = cache.entries().next().value;
    cache.delete(oldKey);
    old.schedule?.dispose();
  }
  return c;
}

function schedule(spec, timeZone) {
  const c = parse(spec, timeZone);
  if (c.error) throw new Error(c.error.message);
  return c.schedule;
}

// The next `count` fire times strictly after `after` (Unix seconds), as Dates.
export function next(spec, timeZone, after, count) {
  return schedule(spec, timeZone).next(new Date(after * 1000), count);
}

// Fire times in [afterSec + 1, untilSec) as Unix seconds (at most `max`).
export function secondsUntil(spec, timeZone, afterSec, untilSec, max = 5000) {
  const s = schedule(spec, timeZone);
  const out = [];
  let after = afterSec, chunk = 128;
  while (out.length < max) {
    const batch = s.nextSeconds(after, chunk);
    for (const t of batch) {
      if (t >= untilSec || out.length >= max) return out;
      out.push(t);
    }
    if (batch.length < chunk) return out;
    after = batch[batch.length - 1];
    chunk = Math.min(chunk * 4, 4096);
  }
  return out;
}

export const describe = (s) => s.describe();

// → { rule: 'AND'|'OR', why }: robfig's day rule and the engine's sentence on it.
export const dayMatching = (s) => ({ rule: s.dayMatching.toUpperCase(), why: s.explainDayMatching() });

export const canEverFire = (s) => s.canEverFire;

// The UTC offset of `zone` at Unix second `t`: { offsetSeconds, isDst }.
export const zoneOffset = (zone, t) => kron.zoneOffset(zone, new Date(t * 1000));

export const jobName = (cronjob, date) => kron.jobName(cronjob, date);

// Example Pod names for `jobs` (one each): the engine's seeded generator, one
// stream for all of them in order — the names `kron plan --seed` gives the
// first pod of each Job when every pod succeeds.
export function podNames(jobs, seed) {
  if (!jobs.length) return [];
  const first = jobs[0];
  return kron.podNames(first, jobs.length, { seed }).map((n, i) => jobs[i] + n.slice(first.length));
}

// kron.validate(text, { file, now }): { findings, objects, valid, invalid,
// unreadable }. Should the engine throw (e.g. `now` outside years 1–9999),
// its message is one unreadable finding.
export function validate(text, file, now) {
  try {
    return kron.validate(text, { file, now: new Date(now) });
  } catch (e) {
    const message = String(e?.message ?? e);
    return { findings: [{ file, line: 0, column: 0, object: '', severity: 'error', field: '', message, unreadable: true, text: message }], objects: [], valid: false, invalid: true, unreadable: true };
  }
}

// kron.planOpen(text, { from, until, pods, podRuntime, seed }): the
// simulation kept in the module (a PlanHandle: objects(), tables(at),
// eventsUntil(at), events(begin, end); dispose() it). Throws the engine's
// error (invalid manifests, bad options).
export const planOpen = (text, options) => kron.planOpen(text, options);
