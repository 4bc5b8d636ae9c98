// kron — the engine's WebAssembly module for Node.js (20+) and browsers.
//
//   import { load } from 'kron';
//   const kron = await load();
//   kron.next('*/5 * * * *', { after: new Date('2026-01-01T00:02:30Z'), count: 3 });
//
// The module (dist/kron.cjs + dist/kron.wasm, built by scripts/build-wasm.sh)
// is Emscripten's MODULARIZE glue: CommonJS under Node, a classic script in
// browsers. This file only marshals strings and numbers across kron's C ABI
// (wasm/exports.cc); every answer comes from the engine.

const isNode = typeof process === 'object' && !!(process.versions && process.versions.node);

/** An error reported by the engine; `span` is the [begin, end) byte range of the spec it points at. */
export class KronError extends Error {
  constructor(message, span) {
    super(message);
    this.name = 'KronError';
    if (span) this.span = span;
  }
}

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

/**
 * Instantiates the module. `options.wasmBinary` (bytes of kron.wasm) skips the
 * file lookup; `options.locateFile` overrides where kron.wasm is fetched from.
 */
export async function load(options = {}) {
  const factory = await loadFactory();
  const moduleArgs = {};
  if (options.wasmBinary) moduleArgs.wasmBinary = options.wasmBinary;
  if (options.locateFile) {
    moduleArgs.locateFile = options.locateFile;
  } else if (!isNode) {
    const wasmUrl = new URL('../dist/kron.wasm', import.meta.url).href;
    moduleArgs.locateFile = (path, prefix) => (path.endsWith('.wasm') ? wasmUrl : prefix + path);
  }
  return new Kron(await factory(moduleArgs));
}

function toUnixSeconds(t) {
  if (t instanceof Date) return Math.floor(t.getTime() / 1000);
  if (typeof t === 'string') {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new TypeError(`kron: not a date: ${t}`);
    return Math.floor(ms / 1000);
  }
  if (typeof t === 'number' && Number.isFinite(t)) return Math.floor(t);  // Unix seconds
  throw new TypeError('kron: expected a Date, an RFC 3339 string or Unix seconds');
}

export class Kron {
  constructor(module) {
    this.module = module;
    this.features = new Set(this.#str(module._kron_features()).split(',').filter(Boolean));
  }

  #str(ptr) {
    return this.module.UTF8ToString(ptr);
  }

  #error() {
    const m = this.module;
    const begin = m._kron_last_error_begin();
    const span = begin >= 0 ? { begin, end: m._kron_last_error_end() } : undefined;
    return new KronError(this.#str(m._kron_last_error()), span);
  }

  // Copies `s` into the module's heap for the duration of `f`.
  #withString(s, f) {
    const m = this.module;
    const n = m.lengthBytesUTF8(s) + 1;
    const p = m._malloc(n);
    try {
      m.stringToUTF8(s, p, n);
      return f(p);
    } finally {
      m._free(p);
    }
  }

  /** The engine's version, e.g. "0.1.0". */
  version() {
    return this.#str(this.module._kron_version());
  }

  /** The release of the tz database built into the module, e.g. "2025b". */
  tzdataVersion() {
    const v = this.#str(this.module._kron_tzdata_version());
    if (!v) throw this.#error();
    return v;
  }

  /** Every zone and link name the module knows, sorted. */
  zones() {
    const m = this.module;
    const n = m._kron_zone_count();
    if (n < 0) throw this.#error();
    const names = new Array(n);
    for (let i = 0; i < n; i++) names[i] = this.#str(m._kron_zone_name(i));
    return names;
  }

  /**
   * The UTC offset of `zone` at `at` (a Date, RFC 3339 string or Unix
   * seconds), as Go's time.Location (and so the controller) sees it.
   */
  zoneOffset(zone, at) {
    const m = this.module;
    const seconds = toUnixSeconds(at);
    const dstPtr = m._malloc(4);
    try {
      const offset = this.#withString(zone, (zp) => m._kron_zone_offset(zp, seconds, dstPtr));
      if (offset === -2147483648) throw this.#error();
      return { offsetSeconds: offset, isDst: m.HEAP32[dstPtr >> 2] !== 0 };
    } finally {
      m._free(dstPtr);
    }
  }

  /**
   * The next `count` times `spec` fires strictly after `after` (default: now),
   * as robfig/cron v3 and so the CronJob controller compute them. `timeZone`
   * is a CronJob's spec.timeZone. Fewer than `count` when the schedule stops
   * firing within robfig's five-year search.
   */
  next(spec, { after = new Date(), count = 1, timeZone = '' } = {}) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError('kron: count must be a non-negative integer');
    const m = this.module;
    const afterSeconds = toUnixSeconds(after);
    const out = m._malloc(Math.max(1, count) * 8);
    try {
      const n = this.#withString(spec, (sp) =>
        this.#withString(timeZone ?? '', (zp) => m._kron_next(sp, zp, afterSeconds, count, out)));
      if (n < 0) throw this.#error();
      const times = new Array(n);
      const base = out / 8;  // malloc returns 8-aligned memory
      for (let i = 0; i < n; i++) times[i] = new Date(m.HEAPF64[base + i] * 1000);
      return times;
    } finally {
      m._free(out);
    }
  }
}

export default load;
