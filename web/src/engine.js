// engine.js — the playground's only door to kron's WebAssembly module
// (bindings/node/dist/index.js — src/index.js minified — copied next to this file by the build).
//
// The package's API grows over time; each function here uses the richest
// call the loaded package offers and says (by returning null) when it has
// none, so the page shows a feature exactly when the engine can answer it.
// Nothing here computes a schedule itself: every fire time, name, finding and
// simulated event comes from the engine.
import * as pkg from './kron/src/index.js';

let kron = null;

// index.html's head starts compiling kron.wasm (self.kronWasm, a promise of
// the compiled module or null) while the page's scripts load.
export async function loadEngine() {
  const early = globalThis.kronWasm;
  kron = await (early ? pkg.load({ wasmModule: early }) : pkg.load());
  return kron;
}

export const has = (name) => kron != null && typeof kron[name] === 'function';

const prop = (o, k) => (typeof o?.[k] === 'function' ? o[k]() : o?.[k]);

export function info() {
  const out = { version: '', tzdata: '' };
  try { out.version = String(prop(kron, 'version') ?? ''); } catch { /* older builds */ }
  try { out.tzdata = String(prop(kron, 'tzdataVersion') ?? ''); } catch { /* no tz data */ }
  return out;
}

export function zones() {
  if (has('timeZones')) return kron.timeZones();
  if (has('zones')) return kron.zones();
  return [];
}

// UTF-8 byte offsets (the first package's spans) → UTF-16 indexes (the input's).
export function byteToIndex(s, byte) {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    if (bytes >= byte) return i;
    const c = s.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (c >= 0x10000) i++;
  }
  return s.length;
}

function errorOf(e, spec) {
  let begin = -1, end = -1;
  if (e?.position && Number.isInteger(e.position.begin) && e.position.begin >= 0) {
    ({ begin, end } = e.position);  // string indexes already
  } else if (e?.span && Number.isInteger(e.span.begin) && e.span.begin >= 0) {
    begin = byteToIndex(spec, e.span.begin);
    end = byteToIndex(spec, Math.max(e.span.end ?? e.span.begin, e.span.begin));
  }
  // A bad zone in the spec's own TZ=/CRON_TZ= prefix: point at the name.
  const tz = /^(\s*(?:CRON_)?TZ=)(\S*)/.exec(spec);
  if (begin < 0 && tz && /^ZONE|bad location/.test(`${e?.code ?? ''} ${e?.message ?? ''}`)) {
    begin = tz[1].length;
    end = begin + tz[2].length;
  }
  return { message: String(e?.message ?? e), code: e?.code ?? '', begin, end };
}

// Compiled schedules by (spec, zone): a keystroke re-renders with the same
// few schedules, so each is parsed once. Evicted ones are disposed.
const cache = new Map();
const CACHE_MAX = 64;

function compiled(spec, timeZone) {
  const key = `${timeZone}\u0000${spec}`;
  let c = cache.get(key);
  if (c) {
    cache.delete(key);
    cache.set(key, c);
    return c;
  }
  try {
    if (has('parse')) c = { schedule: kron.parse(spec, timeZone ? { timeZone } : {}) };
    else {
      kron.next(spec, { after: new Date(0), count: 0, timeZone });  // parse only
      c = { schedule: null };
    }
  } catch (e) {
    c = { error: errorOf(e, spec) };
  }
  cache.set(key, c);
  if (cache.size > CACHE_MAX) {
    const [oldKey, old] = cache.entries().next().value;
    cache.delete(oldKey);
    old.schedule?.dispose?.();
  }
  return c;
}

// Compiles `spec` for `timeZone` (a CronJob's spec.timeZone). Returns
// { schedule } — the package's Schedule when it has kron.parse, else null —
// or { error: { message, code, begin, end } } with a span in string indexes
// (-1 when the engine points nowhere).
export function parse(spec, timeZone) {
  return compiled(spec, timeZone || '');
}

// The next `count` fire times strictly after `after` (Unix seconds), as Dates.
export function next(spec, timeZone, after, count) {
  const c = compiled(spec, timeZone || '');
  if (c.error) throw new Error(c.error.message);
  if (c.schedule) return c.schedule.next(new Date(after * 1000), count);
  return kron.next(spec, { after: new Date(after * 1000), count, timeZone });
}

// Fire times in [afterSec + 1, untilSec) as Unix seconds (at most `max`).
export function secondsUntil(spec, timeZone, afterSec, untilSec, max = 5000) {
  const c = compiled(spec, timeZone || '');
  if (c.error) throw new Error(c.error.message);
  const out = [];
  let after = afterSec, chunk = 128;
  while (out.length < max) {
    const batch = c.schedule && typeof c.schedule.nextSeconds === 'function'
      ? c.schedule.nextSeconds(after, chunk)
      : next(spec, timeZone, after, chunk).map((d) => d.getTime() / 1000);
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

// The Schedule's description, day matching and "can ever fire", each null
// when the package does not offer it (properties or methods, both accepted).
export function describe(schedule) {
  if (!schedule || typeof schedule.describe !== 'function') return null;
  try { return String(schedule.describe()); } catch { return null; }
}

// → { rule: 'AND'|'OR', why: string|'', fields } or null.
export function dayMatching(schedule) {
  if (!schedule || !('dayMatching' in schedule)) return null;
  let r;
  try { r = prop(schedule, 'dayMatching'); } catch { return null; }
  if (r == null) return null;
  let rule = '', why = '';
  if (typeof r === 'string') {
    const m = /^(AND|OR)\b[:\s—-]*(.*)$/is.exec(r.trim());
    if (m) { rule = m[1].toUpperCase(); why = m[2]; } else why = r;
  } else {
    rule = String(r.rule ?? r.match ?? r.mode ?? r.kind ?? '').toUpperCase();
    why = String(r.explanation ?? r.why ?? r.reason ?? r.text ?? '');
  }
  if (!why && typeof schedule.explainDayMatching === 'function') {
    try { why = String(schedule.explainDayMatching()); } catch { /* none */ }
  }
  return { rule, why, kind: prop(schedule, 'kind') ?? null, fields: prop(schedule, 'fields') ?? null };
}

export function canEverFire(schedule) {
  if (!schedule || !('canEverFire' in schedule)) return null;
  try { return !!prop(schedule, 'canEverFire'); } catch { return null; }
}

// The UTC offset of `zone` at Unix second `t`: { offsetSeconds, isDst }.
export function zoneOffset(zone, t) {
  return kron.zoneOffset(zone, new Date(t * 1000));
}

export function jobName(cronjob, date) {
  if (has('jobName')) {
    try { return kron.jobName(cronjob, date); } catch { /* fall through */ }
  }
  // pkg/controller/cronjob/utils.go getJobName: <cronjob>-<scheduled Unix minutes>
  return `${cronjob}-${Math.floor(date.getTime() / 60000)}`;
}

// Example Pod names for `jobs` (one each): the engine's seeded generator, one
// stream for all of them in order — the names `kron plan --seed` gives the
// first pod of each Job when every pod succeeds. null when not offered.
export function podNames(jobs, seed) {
  if (!jobs.length || !has('podNames')) return null;
  try {
    const first = jobs[0];
    const names = kron.podNames(first, jobs.length, { seed });
    return names.map((n, i) => jobs[i] + n.slice(first.length));
  } catch { return null; }
}

// kron.validate(text, { file }) normalised to
// { findings: [{ severity, line, column, object, field, message, text }], raw }
// or null when the package has no validate.
export function validate(text, file, now) {
  if (!has('validate')) return null;
  let r;
  try { r = kron.validate(text, now != null ? { file, now: new Date(now) } : { file }); } catch (e) {
    return { findings: [{ severity: 'error', line: 0, column: 0, object: '', field: '', message: String(e?.message ?? e), text: String(e?.message ?? e) }], raw: null, threw: true };
  }
  const list = Array.isArray(r) ? r : (r?.findings ?? r?.items ?? []);
  const findings = list.map((f) => ({
    severity: String(f.severity ?? f.level ?? (f.warning ? 'warning' : 'error')).toLowerCase(),
    line: Number(f.line ?? f.pos?.line ?? 0),
    column: Number(f.column ?? f.col ?? f.pos?.column ?? 0),
    object: String(f.object ?? ''),
    field: String(f.field ?? ''),
    message: String(f.message ?? ''),
    text: typeof f.text === 'string' ? f.text : '',
    unreadable: !!f.unreadable,
  }));
  return { findings, raw: r };
}

// kron.plan(text, options) or null when the package has no plan. Throws the
// engine's error (invalid manifests, bad options).
export function plan(text, options) {
  if (!has('plan')) return null;
  return kron.plan(text, options);
}

// kron.planOpen(text, options): the simulation kept in the module (a handle
// answering objects(), tables(at), eventsUntil(at), events(begin, end)), or
// null when the package has no planOpen. Throws as plan() does.
export function planOpen(text, options) {
  if (!has('planOpen')) return null;
  const { at, ...rest } = options;
  return kron.planOpen(text, rest);
}

// `kron plan`'s text output (with the full `kubectl describe` blocks), or
// null when the package has no planText.
export function planText(text, options) {
  if (!has('planText')) return null;
  return kron.planText(text, options);
}
