// Types of the kron package (src/index.js).

export interface LoadOptions {
  /** The bytes of kron.wasm, when the caller has them already. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where Emscripten's glue fetches a file (kron.wasm) from. */
  locateFile?: (path: string, prefix: string) => string;
}

export interface NextOptions {
  /** Fire times are strictly after this instant (default: now). Numbers are Unix seconds. */
  after?: Date | string | number;
  /** How many fire times (default 1). */
  count?: number;
  /** A CronJob's spec.timeZone (IANA name); the schedule's own TZ=/CRON_TZ= prefix wins. */
  timeZone?: string;
}

export declare class KronError extends Error {
  /** The byte range [begin, end) of the spec the error points at, when there is one. */
  span?: { begin: number; end: number };
}

export declare class Kron {
  /** What this module build provides, e.g. "next", "zones". */
  readonly features: Set<string>;
  version(): string;
  tzdataVersion(): string;
  zones(): string[];
  /** The UTC offset of `zone` at `at` (Unix seconds when a number), as Go's time.Location answers. */
  zoneOffset(zone: string, at: Date | string | number): { offsetSeconds: number; isDst: boolean };
  next(spec: string, options?: NextOptions): Date[];
}

export declare function load(options?: LoadOptions): Promise<Kron>;
export default load;
