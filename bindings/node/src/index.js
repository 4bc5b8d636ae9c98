// kron — when a Kubernetes CronJob fires, exactly as the controller decides:
// kron's C++ engine compiled to WebAssembly. ESM; Node 20+ and browsers.
//
//   import { load } from 'kron';
//   const kron = await load();
//   const s = kron.parse('0 9 * * 1-5', { timeZone: 'Europe/Berlin' });
//   s.next(new Date('2026-03-27T12:00:00Z'), 3);   // → [Date, Date, Date]
//   s.dispose();
//
// The module (dist/kron.cjs + dist/kron.wasm, built by scripts/build-wasm.sh)
// is Emscripten's MODULARIZE glue: CommonJS under Node, a classic script in
// browsers. This file only marshals strings and numbers across kron's C ABI
// (wasm/exports.cc); every answer comes from the engine.
//
// Time conventions: methods that take or return `Date`s accept a Date, an
// RFC 3339 string or a number of epoch *milliseconds* (like `new Date(n)`);
// the `...Seconds` methods and `nextAll` speak epoch *seconds* (Float64).

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

// --- Errors --------------------------------------------------------------------

/** Any error reported by the engine. `code` says which kind. */
export class KronError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'KronError';
    this.code = code;
  }
}

/**
 * robfig/cron's parser rejected a schedule. `message` is robfig's exact text
 * (what the API server reports for spec.schedule); `position` is the
 * [begin, end) range of `spec` it points at (string indices), when known.
 */
export class KronScheduleError extends KronError {
  constructor(message, code, spec, position) {
    super(message, code);
    this.name = 'KronScheduleError';
    this.spec = spec;
    if (position) this.position = position;
  }
}

/** An unknown or invalid time zone name (Go's time.LoadLocation texts). */
export class KronZoneError extends KronError {
  constructor(message, code, zone) {
    super(message, code);
    this.name = 'KronZoneError';
    if (zone !== undefined) this.zone = zone;
  }
}

/** Manifests that cannot be read or are invalid; `findings` as kron.validate returns them. */
export class KronManifestError extends KronError {
  constructor(message, code, findings) {
    super(message, code);
    this.name = 'KronManifestError';
    this.findings = findings;
  }
}

// wasm/exports.cc ErrorCode
const ERR_SCHEDULE = 1;
const ERR_ZONE = 2;
const ERR_MANIFEST = 3;
const ERR_ARGUMENT = 4;

// A finer code for robfig's messages (robfig/cron v3 parser.go).
function scheduleCode(message) {
  const table = [
    [/^empty spec string/, 'SCHEDULE_EMPTY'],
    [/^expected exactly \d+ fields/, 'SCHEDULE_FIELD_COUNT'],
    [/^(too many hyphens|too many slashes)/, 'SCHEDULE_SYNTAX'],
    [/^(beginning of range|end of range)/, 'SCHEDULE_RANGE'],
    [/^step of range/, 'SCHEDULE_STEP'],
    [/^(failed to parse int|negative number)/, 'SCHEDULE_NUMBER'],
    [/^failed to parse duration/, 'SCHEDULE_DURATION'],
    [/^unrecognized descriptor/, 'SCHEDULE_DESCRIPTOR'],
  ];
  for (const [re, code] of table) if (re.test(message)) return code;
  return 'SCHEDULE_SYNTAX';
}

function zoneCode(message) {
  return /invalid location name/.test(message) ? 'ZONE_INVALID_NAME' : 'ZONE_UNKNOWN';
}

// A byte offset of `s`'s UTF-8 encoding → a string index.
function byteToIndex(s, byte) {
  let bytes = 0;
  let i = 0;
  while (i < s.length && bytes < byte) {
    const c = s.codePointAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}

// --- Loading -------------------------------------------------------------------

async function loadFactory() {
  if (isNode) {
    const { createRequire } = await import('node:module');
    return createRequire(import.meta.url)('../dist/kron.cjs');
  }
  if (typeof globalThis.createKron !== 'function') {
    const url = new URL('../dist/kron.cjs', import.meta.url).href;
    if (typeof document !== 'undefined') {
      await new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = url;
        script.onload = resolve;
        script.onerror = () => reject(new Error(`kron: cannot load ${url}`));
        document.head.appendChild(script);
      });
    } else if (typeof importScripts === 'function') {
      importScripts(url);  // classic web worker
    }
  }
  if (typeof globalThis.createKron !== 'function') throw new Error('kron: module glue not found');
  return globalThis.createKron;
}

let defaultInstance;

/**
 * Instantiates the module. `options.wasmBinary` (bytes of kron.wasm) skips the
 * file lookup; `options.locateFile` overrides where kron.wasm is fetched from;
 * `options.preloadZones` parses the tz database now instead of on first use;
 * `options.wasmModule` (a compiled WebAssembly.Module, or a promise of one —
 * e.g. WebAssembly.compileStreaming started by a page's head) is instantiated
 * instead of fetching kron.wasm (a promise that rejects or gives null: fetched
 * as usual). Without options, every call returns the same shared instance.
 */
export function load(options) {
  if (options === undefined) return (defaultInstance ??= instantiate({}));
  return instantiate(options);
}

async function instantiate(options) {
  const factory = await loadFactory();
  const io = new StdIo();
  const moduleArgs = { kronIo: io };
  if (options.wasmBinary) moduleArgs.wasmBinary = options.wasmBinary;
  const compiled = options.wasmModule ? await Promise.resolve(options.wasmModule).catch(() => null) : null;
  let instantiateFailed;
  const failed = new Promise((_, reject) => { instantiateFailed = reject; });
  if (compiled) {
    moduleArgs.instantiateWasm = (imports, receive) => {
      WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), instantiateFailed);
      return {};
    };
  }
  if (options.locateFile) {
    moduleArgs.locateFile = options.locateFile;
  } else if (!isNode) {
    const wasmUrl = new URL('../dist/kron.wasm', import.meta.url).href;
    moduleArgs.locateFile = (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path);
  }
  const kron = new Kron(await Promise.race([factory(moduleArgs), failed]), io);
  if (options.preloadZones) kron.preloadZones();
  return kron;
}

const utf8 = (s) => new TextEncoder().encode(s);

// The CLI's input and output: the module has no file system, and
// bindings/cli/cli_io.cc calls these (as Module.kronIo) instead.
//   open(kind, path): stdin (kind 0) or file `path` (kind 1) of the running
//     kron.cli call → its byte count, or -1 (no such file); take() copies it.
//   write(fd, bytes): a chunk of stdout (1) or stderr (2).
// Outside kron.cli (nothing should print) output goes to the console by line.
class StdIo {
  constructor() {
    this.capture = null;  // { stdin, stdinRead, files: Map(absolute path → bytes), cwd, sink }
    this.pending = [[], [], []];
    this.opened = null;
  }
  open(kind, path) {
    const c = this.capture;
    if (!c) return -1;
    let bytes;
    if (kind === 0) {
      // Read once, as a process reads its stdin: a second read finds it at its end.
      const s = c.stdinRead ? null : typeof c.stdin === 'function' ? c.stdin() : c.stdin;
      c.stdinRead = true;
      bytes = s == null ? new Uint8Array(0) : typeof s === 'string' ? utf8(s) : s;
    } else {
      bytes = c.files.get(resolvePath(c.cwd, path));
      if (bytes === undefined) return -1;
    }
    this.opened = bytes;
    return bytes.length;
  }
  take(heap, dest) {
    heap.set(this.opened, dest);
    this.opened = null;
  }
  write(fd, bytes) {
    if (this.capture) {
      this.capture.sink[fd].append(bytes);
      return;
    }
    const p = this.pending[fd];
    for (const b of bytes) {
      if (b === 10) {
        const line = new TextDecoder().decode(new Uint8Array(p));
        p.length = 0;
        (fd === 1 ? console.log : console.warn)(line);
      } else {
        p.push(b);
      }
    }
  }
}

// `path` made absolute against `cwd`, with `.`, `..` and repeated slashes resolved.
function resolvePath(cwd, path) {
  const parts = [];
  for (const p of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

// A growable byte buffer for one output stream.
class ByteSink {
  constructor() {
    this.buf = new Uint8Array(1 << 12);
    this.length = 0;
  }
  append(bytes) {
    if (this.length + bytes.length > this.buf.length) {
      const bigger = new Uint8Array(Math.max(this.buf.length * 2, this.length + bytes.length));
      bigger.set(this.buf.subarray(0, this.length));
      this.buf = bigger;
    }
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  bytes() {
    return this.buf.slice(0, this.length);
  }
}

// --- Times ---------------------------------------------------------------------

const MIN_SECONDS = -62135596800;  // 0001-01-01T00:00:00Z
const MAX_SECONDS = 253402300799;  // 9999-12-31T23:59:59Z

// Date | RFC 3339 string | epoch milliseconds → epoch milliseconds.
function toMillis(t, what) {
  if (t instanceof Date) {
    const ms = t.getTime();
    if (Number.isNaN(ms)) throw new TypeError(`kron: ${what}: invalid Date`);
    return ms;
  }
  if (typeof t === 'string') {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new TypeError(`kron: ${what}: not a date: ${t}`);
    return ms;
  }
  if (typeof t === 'number' && Number.isFinite(t)) return t;
  throw new TypeError(`kron: ${what}: expected a Date, an RFC 3339 string or epoch milliseconds`);
}

function checkSeconds(s, what) {
  if (!Number.isFinite(s) || s < MIN_SECONDS || s > MAX_SECONDS) {
    throw new RangeError(`kron: ${what} must lie within 0001-01-01..9999-12-31`);
  }
  return s;
}

const floorSeconds = (t, what) => checkSeconds(Math.floor(toMillis(t, what) / 1000), what);

function checkCount(count) {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('kron: count must be a non-negative integer');
  return count;
}

const toDate = (seconds) => new Date(seconds * 1000);

// --- The module ------------------------------------------------------------------

const registry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry(({ free, handle }) => free(handle))
  : null;

export class Kron {
  #m;
  #asm;
  #io;
  #scratch = 0;      // module buffer of doubles for fire times
  #scratchLen = 0;
  #batch = 0;        // module buffer for nextAll: handles then doubles
  #batchLen = 0;

  constructor(module, io = new StdIo()) {
    this.#m = module;
    this.#asm = module.asm;  // raw exports: no Emscripten wrapper on hot paths
    this.#io = io;
    this.features = new Set(this.#str(module._kron_features()).split(',').filter(Boolean));
  }

  // --- internals (used by Schedule too) ---
  #str(ptr) {
    return this.#m.UTF8ToString(ptr);
  }

  /** @internal */
  _module() {
    return this.#m;
  }

  #error({ spec, zone } = {}) {
    const m = this.#m;
    const message = this.#str(m._kron_last_error());
    const code = m._kron_last_error_code();
    if (code === ERR_SCHEDULE) {
      const begin = m._kron_last_error_begin();
      let position;
      if (begin >= 0 && spec !== undefined) {
        position = { begin: byteToIndex(spec, begin), end: byteToIndex(spec, m._kron_last_error_end()) };
      }
      return new KronScheduleError(message, scheduleCode(message), spec, position);
    }
    if (code === ERR_ZONE) {
      const named = /^provided bad location (.*?): /.exec(message);
      return new KronZoneError(message, zoneCode(message), named ? named[1] : zone);
    }
    if (code === ERR_MANIFEST) {
      const detail = this.#str(m._kron_last_error_detail());
      return new KronManifestError(message, /unreadable/.test(message) ? 'MANIFEST_UNREADABLE' : 'MANIFEST_INVALID',
        detail ? JSON.parse(detail).map(finding) : []);
    }
    if (code === ERR_ARGUMENT) return new RangeError(`kron: ${message}`);
    return new KronError(message, 'INTERNAL');
  }

  // Copies strings into the module's heap for the duration of `f`.
  #withStrings(strings, f) {
    const m = this.#m;
    const ptrs = [];
    try {
      for (const s of strings) {
        if (s === null || s === undefined) {
          ptrs.push(0);
          continue;
        }
        const n = m.lengthBytesUTF8(s) + 1;
        const p = m._malloc(n);
        ptrs.push(p);
        m.stringToUTF8(s, p, n);
      }
      return f(...ptrs);
    } finally {
      for (const p of ptrs) if (p) m._free(p);
    }
  }

  #scratchFor(count) {
    if (count > this.#scratchLen) {
      if (this.#scratch) this.#m._free(this.#scratch);
      this.#scratchLen = Math.max(count, 64);
      this.#scratch = this.#m._malloc(this.#scratchLen * 8);
    }
    return this.#scratch;
  }

  /** @internal fire times into a Float64Array (fn: the export to call) */
  _times(fn, handle, seconds, count) {
    const out = this.#scratchFor(Math.max(1, count));
    const n = this.#asm[fn](handle, seconds, count, out);
    if (n < 0) throw this.#error();
    return this.#m.HEAPF64.slice(out / 8, out / 8 + n);
  }

  /** @internal */
  _next1(handle, seconds) {
    return this.#asm.kron_schedule_next1(handle, seconds);
  }

  /** @internal */
  _call(name, ...args) {
    return this.#asm[name](...args);
  }

  /** @internal a plan's `count` numeric columns (kron_plan_columns) into a Float64Array */
  _planColumns(handle, count) {
    const out = this.#scratchFor(Math.max(1, count));
    if (this.#asm.kron_plan_columns(handle, out) !== count) throw this.#error();
    return this.#m.HEAPF64.slice(out / 8, out / 8 + count);
  }

  /** @internal */
  _string(ptr) {
    if (!ptr) throw this.#error();
    return this.#str(ptr);
  }

  // --- facts ---

  /** The engine's version, e.g. "0.1.0". */
  get version() {
    return this.#str(this.#m._kron_version());
  }

  /** The release of the tz database built into the module, e.g. "2025b". */
  get tzdataVersion() {
    const v = this.#str(this.#m._kron_tzdata_version());
    if (!v) throw this.#error();
    return v;
  }

  /** Parses the embedded tz database now (otherwise the first call that needs it does). */
  preloadZones() {
    if (this.#m._kron_init_zones() !== 0) throw this.#error();
  }

  /** Every zone and link name the module knows, sorted. */
  timeZones() {
    const p = this.#m._kron_zone_names();
    return this._string(p).split('\n');
  }

  /** The UTC offset of `zone` at `at`, as Go's time.Location (and so the controller) sees it. */
  zoneOffset(zone, at) {
    const m = this.#m;
    const seconds = floorSeconds(at, 'at');
    const dstPtr = m._malloc(4);
    try {
      const offset = this.#withStrings([zone], (zp) => m._kron_zone_offset(zp, seconds, dstPtr));
      if (offset === -2147483648) throw this.#error({ zone });
      return { offsetSeconds: offset, isDst: m.HEAP32[dstPtr >> 2] !== 0 };
    } finally {
      m._free(dstPtr);
    }
  }

  // --- schedules ---

  /**
   * Compiles a schedule as robfig/cron v3's ParseStandard (the API server and
   * the CronJob controller) does. `timeZone` is a CronJob's spec.timeZone: it
   * applies unless the spec has its own TZ=/CRON_TZ= prefix.
   * Throws KronScheduleError / KronZoneError.
   */
  parse(spec, { timeZone } = {}) {
    if (typeof spec !== 'string') throw new TypeError('kron: spec must be a string');
    if (timeZone !== undefined && timeZone !== null && typeof timeZone !== 'string') {
      throw new TypeError('kron: timeZone must be a string');
    }
    const h = this.#withStrings([spec, timeZone ?? ''], (sp, zp) => this.#m._kron_parse(sp, zp));
    if (!h) throw this.#error({ spec, zone: timeZone });
    const info = JSON.parse(this.#str(this.#m._kron_schedule_info(h)));
    return new Schedule(this, h, spec, timeZone ?? null, info);
  }

  /** Whether `spec` parses (with `timeZone`); never throws for bad input. */
  isValid(spec, options) {
    try {
      this.parse(spec, options).dispose();
      return true;
    } catch (e) {
      if (e instanceof KronError) return false;
      throw e;
    }
  }

  /**
   * The fleet batch: the next fire time (epoch seconds) of each schedule
   * strictly after `after` (Date | RFC 3339 | epoch ms), or after afters[i]
   * (epoch seconds) when `after` is an array/Float64Array. NaN where a
   * schedule has none. One call into the module for the whole array.
   */
  nextAll(schedules, after = Date.now()) {
    const n = schedules.length;
    const perSchedule = typeof after === 'object' && after !== null && !(after instanceof Date);
    const bytes = n * 4 + n * 8 * (perSchedule ? 2 : 1) + 8;
    if (bytes > this.#batchLen) {
      if (this.#batch) this.#m._free(this.#batch);
      this.#batchLen = Math.max(bytes, 1024);
      this.#batch = this.#m._malloc(this.#batchLen);
    }
    const m = this.#m;
    const base = this.#batch;
    const handles = base;
    const outPtr = (base + n * 4 + 7) & ~7;
    const aftersPtr = perSchedule ? outPtr + n * 8 : 0;
    const heapU32 = m.HEAPU32;
    for (let i = 0; i < n; i++) {
      const s = schedules[i];
      const h = s instanceof Schedule ? s._handle() : 0;
      if (!h) throw new TypeError(`kron: nextAll: schedules[${i}] is not a live Schedule`);
      heapU32[(handles >> 2) + i] = h;
    }
    let afterSeconds = 0;
    if (perSchedule) {
      if (after.length !== n) throw new RangeError('kron: nextAll: one `after` per schedule');
      m.HEAPF64.set(after, aftersPtr >> 3);
    } else {
      afterSeconds = floorSeconds(after, 'after');
    }
    if (this.#asm.kron_next_all(handles, n, afterSeconds, aftersPtr, outPtr) < 0) throw this.#error();
    return m.HEAPF64.slice(outPtr >> 3, (outPtr >> 3) + n);
  }

  // --- names ---

  /** The name the CronJob controller gives the Job for `scheduled`: `<cronjob>-<minutes>`. */
  jobName(cronjobName, scheduled) {
    const s = floorSeconds(scheduled, 'scheduled');
    return this._string(this.#withStrings([cronjobName], (p) => this.#m._kron_job_name(p, s)));
  }

  /**
   * A pod name for Job `jobName` as the API server generates it from the Job
   * controller's GenerateName. `seed` (number or bigint) makes the 5-character
   * suffix reproducible (kron's documented stream, not a cluster's); without
   * it the suffix is random. `index`: an Indexed Job's completion index.
   */
  podName(jobName, options = {}) {
    return this.podNames(jobName, 1, options)[0];
  }

  /** `count` successive pod names from one generator (see podName). */
  podNames(jobName, count, { seed, index } = {}) {
    checkCount(count);
    if (count === 0) return [];
    const [lo, hi] = splitSeed(seed);
    const idx = index === undefined ? -1 : index;
    if (!Number.isInteger(idx) || idx < -1) throw new RangeError('kron: index must be a non-negative integer');
    const p = this.#withStrings([jobName], (jp) => this.#m._kron_pod_names(jp, idx, count, seed !== undefined ? 1 : 0, lo, hi));
    return this._string(p).split('\n');
  }

  /**
   * The API server's problems with a name ([] = valid), apimachinery's words.
   * kind 'cronjob' (metadata.name of a CronJob, incl. the 52-character limit),
   * 'label' (DNS-1123 label) or 'subdomain' (DNS-1123 subdomain).
   */
  nameProblems(name, { kind = 'cronjob' } = {}) {
    const k = { cronjob: 0, label: 1, subdomain: 2 }[kind];
    if (k === undefined) throw new RangeError('kron: kind must be cronjob, label or subdomain');
    const text = this._string(this.#withStrings([name], (p) => this.#m._kron_name_problems(k, p)));
    return text ? text.split('\n') : [];
  }

  // --- backoff ---

  /**
   * A Job's whole retry history (kron/backoff.h SimulateJobRetries): the Job
   * controller's pod-failure backoff (restartPolicy Never) or the kubelet's
   * CrashLoopBackOff (OnFailure), until Complete, Failed or maxAttempts.
   * runs: [{ runtime (ms), succeeds }], the last one repeats.
   */
  backoff({
    restartPolicy = 'Never', backoffLimit = 6, completions = 1, start = 0, runs,
    jobBackoff = 'current', kubeletBackoff = 'default', maxAttempts = 10000,
  } = {}) {
    if (restartPolicy !== 'Never' && restartPolicy !== 'OnFailure') {
      throw new RangeError('kron: restartPolicy must be Never or OnFailure');
    }
    if (!Array.isArray(runs) || runs.length === 0) throw new RangeError('kron: runs must be a non-empty array');
    const startMs = toMillis(start, 'start');
    const jb = jobBackoff === 'current' ? { initial: 10000, max: 600000 }
      : jobBackoff === 'legacy' ? { initial: 10000, max: 360000 } : jobBackoff;
    const kb = kubeletBackoff === 'default' ? { initial: 10000, max: 300000, resetAfter: 600000 }
      : kubeletBackoff === 'reduced' ? { initial: 1000, max: 60000, resetAfter: 120000 } : kubeletBackoff;
    if (!jb || !kb) throw new RangeError('kron: bad jobBackoff / kubeletBackoff');
    const params = [
      restartPolicy === 'OnFailure' ? 1 : 0, backoffLimit, completions, startMs,
      jb.initial, jb.max, kb.initial, kb.max, kb.resetAfter ?? 2 * kb.max, maxAttempts, runs.length,
    ];
    for (const r of runs) params.push(r.runtime ?? 0, r.succeeds ? 1 : 0);
    for (const v of params) {
      if (!Number.isFinite(v)) throw new RangeError('kron: backoff parameters must be finite numbers');
    }
    const m = this.#m;
    const p = m._malloc(params.length * 8);
    try {
      m.HEAPF64.set(params, p >> 3);
      const t = JSON.parse(this._string(m._kron_backoff(p, params.length)));
      for (const a of t.attempts) {
        a.start = new Date(a.startMs);
        a.end = new Date(a.endMs);
      }
      t.finished = new Date(t.finishedMs);
      return t;
    } finally {
      m._free(p);
    }
  }

  /**
   * The Job controller's delay (ms) before the replacement pod after
   * `failures` consecutive failures: 10 s doubling to 10 min ('legacy': 6 min).
   */
  jobBackoffDelay(failures, { policy = 'current' } = {}) {
    return this.#m._kron_backoff_delay(0, policy === 'legacy' ? 1 : 0, failures);
  }

  /** The kubelet's CrashLoopBackOff delay (ms) before restart number `restart` (1-based). */
  crashLoopDelay(restart, { policy = 'default' } = {}) {
    return this.#m._kron_backoff_delay(1, policy === 'reduced' ? 1 : 0, restart);
  }

  // --- manifests ---

  /**
   * What the API server would say about each Job/CronJob in a manifest
   * (YAML or JSON, several documents allowed), plus kron's warnings.
   * Returns { findings, objects, valid, invalid, unreadable }; each finding
   * is { file, line, column, object, severity, field, message, unreadable,
   * text } where `text` is the line `kron validate` prints.
   */
  validate(text, { file = '-', now = Date.now() } = {}) {
    const nowSeconds = floorSeconds(now, 'now');
    const p = this.#withStrings([text, file], (tp, fp) => this.#m._kron_validate(tp, fp, nowSeconds));
    const r = JSON.parse(this._string(p));
    return {
      findings: r.items.map(finding),
      objects: r.objects,
      valid: !r.invalid && !r.unreadable,
      invalid: r.invalid,
      unreadable: r.unreadable,
    };
  }

  /**
   * What the CronJob, Job and kubelet controllers would do with the
   * manifests over [from, until): { events, tables } as `kron plan --output
   * json` prints it (tables: kubectl's get/describe at `at`, else null), plus
   * the validation warnings. `manifests`: a text, or [{ file, text }].
   * Throws KronManifestError (with findings) when some object is invalid.
   */
  plan(manifests, options) {
    const result = JSON.parse(this.#plan(manifests, options, 0));
    result.warnings = this.#planWarnings;
    return result;
  }

  /** `kron plan --output json`'s exact text. */
  planJson(manifests, options) {
    return this.#plan(manifests, options, 0);
  }

  /** `kron plan`'s exact text (text output). */
  planText(manifests, options) {
    return this.#plan(manifests, options, 1);
  }

  /**
   * Simulates once and keeps the timeline in the module (kron_plan_open):
   * a PlanHandle answering objects(), tables(at), eventsUntil(at) and
   * events(begin, end) without simulating again — nothing renders the whole
   * event list. Options as plan() without `at`; throws as plan() does.
   * dispose() it.
   */
  planOpen(manifests, options) {
    const m = this.#m;
    const h = this.#planCall(manifests, options, false, (...args) => m._kron_plan_open(...args));
    if (!h) throw this.#error();
    const detail = this.#str(m._kron_last_error_detail());
    return new PlanHandle(this, h, detail ? JSON.parse(detail).map(finding) : []);
  }

  #planWarnings = [];

  #plan(manifests, options, format) {
    const m = this.#m;
    return this.#planCall(manifests, options, true, (...args) => {
      const text = this._string(m._kron_plan(...args, format));
      const detail = this.#str(m._kron_last_error_detail());
      this.#planWarnings = detail ? JSON.parse(detail).map(finding) : [];
      return text;
    });
  }

  // The arguments of kron_plan and kron_plan_open, checked in this order and
  // copied into the module for the call: (count, texts, files, from, until,
  // pods, runtime, seed lo, seed hi[, at]); `at` only `withAt` (plan), NaN when unset.
  #planCall(manifests, options = {}, withAt, call) {
    const { from, until, pods = 'succeed', podRuntime = 5000, seed = 0, at } = options;
    const docs = typeof manifests === 'string' ? [{ file: '-', text: manifests }] : manifests;
    if (!Array.isArray(docs) || docs.length === 0) throw new TypeError('kron: plan needs manifest text or [{ file, text }]');
    if (from === undefined || until === undefined) throw new TypeError('kron: plan needs `from` and `until`');
    const fromS = floorSeconds(from, 'from');
    const untilS = floorSeconds(until, 'until');
    const atS = !withAt || at === undefined || at === null ? NaN : floorSeconds(at, 'at');
    const runtime = typeof podRuntime === 'number' ? `${Math.trunc(podRuntime)}ms` : String(podRuntime);
    const [lo, hi] = splitSeed(seed);
    const m = this.#m;
    const strings = [];
    for (const d of docs) strings.push(d.text, d.file ?? '-');
    strings.push(String(pods), runtime);
    return this.#withStrings(strings, (...ptrs) => {
      const arr = m._malloc(docs.length * 8);
      try {
        for (let i = 0; i < docs.length; i++) {
          m.HEAPU32[(arr >> 2) + i] = ptrs[2 * i];
          m.HEAPU32[(arr >> 2) + docs.length + i] = ptrs[2 * i + 1];
        }
        const args = [docs.length, arr, arr + docs.length * 4, fromS, untilS,
          ptrs[2 * docs.length], ptrs[2 * docs.length + 1], lo, hi];
        return withAt ? call(...args, atS) : call(...args);
      } finally {
        m._free(arr);
      }
    });
  }

  // --- the CLI ---

  /**
   * Runs the native `kron` CLI (compiled into the module) on `args`:
   * { code, stdout, stderr } (bytes). `stdin`: string | Uint8Array | () =>
   * either, read only if the command reads stdin. `files`: { path: string |
   * Uint8Array } made visible to the CLI at those paths (relative to `cwd`).
   */
  cli(args, { stdin, files = {}, cwd = '/' } = {}) {
    const m = this.#m;
    const dir = resolvePath('/', cwd);
    const fileMap = new Map();
    for (const [path, data] of Object.entries(files)) {
      fileMap.set(resolvePath(dir, path), typeof data === 'string' ? utf8(data) : data);
    }
    const sink = [null, new ByteSink(), new ByteSink()];
    this.#io.capture = { stdin, stdinRead: false, files: fileMap, cwd: dir, sink };
    const argv = ['kron', ...args];
    try {
      return this.#withStrings(argv, (...ptrs) => {
        const arr = m._malloc(4 * (ptrs.length + 1));
        try {
          ptrs.forEach((p, i) => { m.HEAPU32[(arr >> 2) + i] = p; });
          m.HEAPU32[(arr >> 2) + ptrs.length] = 0;
          const code = m._kron_cli(ptrs.length, arr);
          return { code, stdout: sink[1].bytes(), stderr: sink[2].bytes() };
        } finally {
          m._free(arr);
        }
      });
    } finally {
      this.#io.capture = null;
    }
  }
}

function finding(i) {
  return {
    file: i.file, line: i.line, column: i.column, object: i.object, severity: i.severity,
    field: i.field, message: i.message, unreadable: i.unreadable, text: i.text,
  };
}

// A uint64 seed (number or bigint) as two uint32 halves.
function splitSeed(seed) {
  if (seed === undefined) return [0, 0];
  let b;
  if (typeof seed === 'bigint') b = seed;
  else if (Number.isSafeInteger(seed) && seed >= 0) b = BigInt(seed);
  else throw new RangeError('kron: seed must be a non-negative integer (number or bigint)');
  if (b < 0n || b >= 1n << 64n) throw new RangeError('kron: seed must fit in 64 bits');
  return [Number(b & 0xffffffffn), Number(b >> 32n)];
}

/**
 * A simulated timeline kept in the module (Kron.planOpen). Times are epoch
 * milliseconds in objects(), Dates/ms/RFC 3339 elsewhere, like plan().
 */
export class PlanHandle {
  #kron;
  #h;

  constructor(kron, handle, warnings) {
    this.#kron = kron;
    this.#h = handle;
    /** Validation warnings, as plan().warnings. */
    this.warnings = warnings;
    const free = (h) => kron._call('kron_plan_free', h);
    if (registry) registry.register(this, { free, handle }, this);
  }

  #live() {
    if (!this.#h) throw new Error('kron: plan used after dispose()');
    return this.#h;
  }

  /**
   * The Jobs and Pods as columns: { cronjobs: [{ name, schedule, timeZone }],
   * jobs: { name, reason (string arrays), created, deleted, condition (0 none,
   * 1 Complete, 2 Failed), finished }, pods: { name, job (index), created,
   * deleted, finished, succeeded (0/1), runs, firstRunEnd }, events (count),
   * notes }. Numbers are Float64Arrays (times in epoch ms, NaN when unset).
   */
  objects() {
    const h = this.#live();
    const o = JSON.parse(this.#kron._string(this.#kron._call('kron_plan_objects', h)));
    const nj = o.jobs.name.length, np = o.pods.name.length;
    const all = this.#kron._planColumns(h, 4 * nj + 7 * np);
    let at = 0;
    const take = (n) => all.subarray(at, (at += n));
    for (const k of ['created', 'deleted', 'condition', 'finished']) o.jobs[k] = take(nj);
    for (const k of ['job', 'created', 'deleted', 'finished', 'succeeded', 'runs', 'firstRunEnd']) o.pods[k] = take(np);
    return o;
  }

  /** How many events happened at or before `at` (their whole-second times). */
  eventsUntil(at) {
    return this.#kron._call('kron_plan_events_until', this.#live(), floorSeconds(at, 'at'));
  }

  /** Events [begin, end) as plan().events has them. */
  events(begin, end) {
    return JSON.parse(this.#kron._string(this.#kron._call('kron_plan_events', this.#live(), begin, end)));
  }

  /** kubectl's tables at `at`, as plan().tables; describe entries are { object, text }. */
  tables(at) {
    return JSON.parse(this.#kron._string(this.#kron._call('kron_plan_tables', this.#live(), floorSeconds(at, 'at'))));
  }

  dispose() {
    if (!this.#h) return;
    if (registry) registry.unregister(this);
    this.#kron._call('kron_plan_free', this.#h);
    this.#h = 0;
  }

  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.dispose();
  }
}

// --- Schedules -------------------------------------------------------------------

/**
 * A compiled schedule. Holds memory in the module: call dispose() (or use
 * `using`) when done; a FinalizationRegistry frees forgotten ones eventually.
 */
export class Schedule {
  #kron;
  #h;
  #info;

  constructor(kron, handle, spec, timeZone, info) {
    this.#kron = kron;
    this.#h = handle;
    this.#info = info;
    /** The spec as given. */
    this.spec = spec;
    /** The spec.timeZone given to parse (null when none). */
    this.timeZoneOption = timeZone;
    const free = (h) => kron._call('kron_schedule_free', h);
    if (registry) registry.register(this, { free, handle }, this);
  }

  /** @internal */
  _handle() {
    return this.#h;
  }

  #live() {
    if (!this.#h) throw new Error('kron: schedule used after dispose()');
    return this.#h;
  }

  /** The zone the schedule is evaluated in ("UTC" unless a zone was named). */
  get timeZone() { return this.#info.zone; }
  /** 'cron' or 'every' (@every D). */
  get kind() { return this.#info.kind; }
  /** @every's interval in seconds (null for cron schedules). */
  get everySeconds() { return this.#info.everySeconds; }
  /**
   * How day of month and day of week combine: 'and' when either field starts
   * with `*` or `?` (robfig's star bit), else 'or'.
   */
  get dayMatching() { return this.#info.dayMatching; }
  /** The compiled field sets (cron schedules): minute, hour, dayOfMonth, month, dayOfWeek arrays. */
  get fields() { return this.#info.fields; }
  /** Whether the schedule fires at all, ever (`0 0 30 2 *` never does). */
  get canEverFire() { return this.#kron._call('kron_schedule_can_ever_fire', this.#live()) === 1; }

  /**
   * The next fire time strictly after `after` (default now) as a Date, or null
   * when none within robfig's five-year horizon; with `count`, an array of up
   * to `count` Dates.
   */
  next(after = Date.now(), count) {
    const s = floorSeconds(after, 'after');
    if (count === undefined) {
      const t = this.#kron._next1(this.#live(), s);
      return Number.isNaN(t) ? null : toDate(t);
    }
    return Array.from(this.#kron._times('kron_schedule_next', this.#live(), s, checkCount(count)), toDate);
  }

  /**
   * next() in epoch seconds: after is epoch seconds (fractions are dropped);
   * returns a number (NaN when none) or, with `count`, a Float64Array.
   */
  nextSeconds(afterSeconds, count) {
    const s = Math.floor(afterSeconds);
    if (count === undefined) return this.#kron._next1(this.#live(), s);
    return this.#kron._times('kron_schedule_next', this.#live(), checkSeconds(s, 'after'), checkCount(count));
  }

  /** The last fire time strictly before `before` (default now), or null; with `count`, latest first. */
  prev(before = Date.now(), count) {
    const s = checkSeconds(Math.ceil(toMillis(before, 'before') / 1000), 'before');
    const times = this.#kron._times('kron_schedule_prev', this.#live(), s, checkCount(count ?? 1));
    if (count === undefined) return times.length ? toDate(times[0]) : null;
    return Array.from(times, toDate);
  }

  /** prev() in epoch seconds: a number (NaN when none) or, with `count`, a Float64Array. */
  prevSeconds(beforeSeconds, count) {
    const s = checkSeconds(Math.ceil(beforeSeconds), 'before');
    const times = this.#kron._times('kron_schedule_prev', this.#live(), s, checkCount(count ?? 1));
    if (count === undefined) return times.length ? times[0] : NaN;
    return times;
  }

  /** Whether `t` is a fire time (whole seconds only). */
  matches(t) {
    const ms = toMillis(t, 't');
    if (ms % 1000 !== 0) return false;
    return this.#kron._call('kron_schedule_matches', this.#live(), checkSeconds(ms / 1000, 't')) === 1;
  }

  /** Fire times strictly after `after`, one Date at a time, until `until` (exclusive) or none. */
  *iterate(after = Date.now(), { until } = {}) {
    let s = floorSeconds(after, 'after');
    const end = until === undefined ? Infinity : toMillis(until, 'until') / 1000;
    for (;;) {
      const batch = this.#kron._times('kron_schedule_next', this.#live(), s, 64);
      for (const t of batch) {
        if (t >= end) return;
        yield toDate(t);
      }
      if (batch.length < 64) return;
      s = batch[batch.length - 1];
    }
  }

  [Symbol.iterator]() {
    return this.iterate();
  }

  /**
   * An English sentence generated from the compiled schedule (kron/describe.h),
   * e.g. "At minute 0 past every 6th hour, on Monday through Friday, in Asia/Seoul".
   */
  describe({ nameUtc = false } = {}) {
    return this.#kron._string(this.#kron._call('kron_schedule_describe', this.#live(), nameUtc ? 1 : 0));
  }

  /**
   * One sentence on how this schedule's day-of-month and day-of-week combine
   * (robfig's rule, and where it differs from Vixie cron).
   */
  explainDayMatching() {
    return this.#kron._string(this.#kron._call('kron_schedule_explain_days', this.#live()));
  }

  /** Frees the compiled schedule; further calls throw. Idempotent. */
  dispose() {
    if (!this.#h) return;
    if (registry) registry.unregister(this);
    this.#kron._call('kron_schedule_free', this.#h);
    this.#h = 0;
  }

  [Symbol.dispose ?? Symbol.for('Symbol.dispose')]() {
    this.dispose();
  }

  toString() {
    return this.spec;
  }
}

export default load;
