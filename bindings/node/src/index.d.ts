// Types of the kron package (src/index.js).
//
// Time conventions: a `DateLike` is a Date, an RFC 3339 string or a number of
// epoch milliseconds (as `new Date(n)`). Methods named `...Seconds`, and
// `nextAll`, take and return epoch seconds.

export type DateLike = Date | string | number;

export interface LoadOptions {
  /** The bytes of kron.wasm, when the caller has them already. */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where Emscripten's glue fetches a file (kron.wasm) from. */
  locateFile?: (path: string, prefix: string) => string;
  /** Parse the embedded tz database now rather than on first use. */
  preloadZones?: boolean;
  /** kron.wasm compiled already (or a promise of it): instantiated instead of fetched. */
  wasmModule?: WebAssembly.Module | Promise<WebAssembly.Module | null>;
}

/** Every error the engine reports. */
export declare class KronError extends Error {
  /** 'SCHEDULE_*', 'ZONE_UNKNOWN', 'ZONE_INVALID_NAME', 'MANIFEST_INVALID', 'MANIFEST_UNREADABLE', 'INTERNAL'. */
  code: string;
}

export type ScheduleErrorCode =
  | 'SCHEDULE_EMPTY' | 'SCHEDULE_FIELD_COUNT' | 'SCHEDULE_SYNTAX' | 'SCHEDULE_RANGE'
  | 'SCHEDULE_STEP' | 'SCHEDULE_NUMBER' | 'SCHEDULE_DURATION' | 'SCHEDULE_DESCRIPTOR';

/** robfig/cron's parser rejected the spec; `message` is robfig's exact text. */
export declare class KronScheduleError extends KronError {
  code: ScheduleErrorCode;
  /** The spec as given to parse(). */
  spec: string;
  /** The [begin, end) range of `spec` (string indices) the error points at, when known. */
  position?: { begin: number; end: number };
}

/** An unknown or invalid zone name (Go's time.LoadLocation; robfig's `provided bad location …`). */
export declare class KronZoneError extends KronError {
  code: 'ZONE_UNKNOWN' | 'ZONE_INVALID_NAME';
  zone?: string;
}

/** Manifests that cannot be read or are invalid. */
export declare class KronManifestError extends KronError {
  code: 'MANIFEST_INVALID' | 'MANIFEST_UNREADABLE';
  findings: Finding[];
}

export interface ParseOptions {
  /** A CronJob's spec.timeZone (IANA name); a TZ=/CRON_TZ= prefix in the spec wins. */
  timeZone?: string | null;
}

export interface ScheduleFields {
  minute: number[];
  hour: number[];
  dayOfMonth: number[];
  month: number[];
  /** 0 = Sunday. */
  dayOfWeek: number[];
  dayOfMonthStar: boolean;
  dayOfWeekStar: boolean;
}

/** A compiled schedule; holds module memory until dispose() (or garbage collection). */
export declare class Schedule {
  readonly spec: string;
  /** The timeZone option given to parse(), or null. */
  readonly timeZoneOption: string | null;
  /** The zone the schedule is evaluated in ("UTC" unless one was named). */
  readonly timeZone: string;
  readonly kind: 'cron' | 'every';
  /** @every's interval in whole seconds; null for cron schedules. */
  readonly everySeconds: number | null;
  /** robfig's day rule: 'and' when either day field has the star bit, else 'or'. */
  readonly dayMatching: 'and' | 'or';
  /** The compiled sets (null for @every). */
  readonly fields: ScheduleFields | null;
  /** Whether the schedule can ever fire (`0 0 30 2 *` cannot). */
  readonly canEverFire: boolean;

  /** The next fire time strictly after `after` (default now), or null within robfig's 5-year horizon. */
  next(after?: DateLike): Date | null;
  /** Up to `count` fire times strictly after `after`. */
  next(after: DateLike | undefined, count: number): Date[];
  /** Epoch seconds in and out; NaN when none. */
  nextSeconds(afterSeconds: number): number;
  nextSeconds(afterSeconds: number, count: number): Float64Array;
  /** The last fire time strictly before `before` (default now), or null. */
  prev(before?: DateLike): Date | null;
  /** Up to `count` fire times before `before`, latest first. */
  prev(before: DateLike | undefined, count: number): Date[];
  prevSeconds(beforeSeconds: number): number;
  prevSeconds(beforeSeconds: number, count: number): Float64Array;
  /** Whether `t` is a fire time. */
  matches(t: DateLike): boolean;
  /** Fire times strictly after `after`, until `until` (exclusive) or the schedule stops. */
  iterate(after?: DateLike, options?: { until?: DateLike }): Generator<Date, void, undefined>;
  [Symbol.iterator](): Generator<Date, void, undefined>;
  /** An English sentence generated from the compiled schedule. */
  describe(options?: { nameUtc?: boolean }): string;
  /** One sentence on how the day fields combine (robfig's rule vs Vixie cron's). */
  explainDayMatching(): string;
  /** Frees the module memory; later calls throw. Idempotent. */
  dispose(): void;
  toString(): string;
}

export interface Finding {
  file: string;
  line: number;
  column: number;
  /** `Kind/name`, or "" when the document was not decoded that far. */
  object: string;
  severity: 'error' | 'warning';
  /** The API path (`spec.schedule`), may be "". */
  field: string;
  message: string;
  /** A syntax or type error: the document could not be read. */
  unreadable: boolean;
  /** The line `kron validate` prints. */
  text: string;
}

export interface ValidationResult {
  findings: Finding[];
  objects: { kind: 'Job' | 'CronJob'; name: string; file: string; line: number }[];
  valid: boolean;
  invalid: boolean;
  unreadable: boolean;
}

export type Manifests = string | { file?: string; text: string }[];

export interface PlanOptions {
  from: DateLike;
  /** Exclusive. */
  until: DateLike;
  /** How container runs end: 'succeed' (default), 'fail' or 'fail:N'. */
  pods?: string;
  /** Milliseconds, or a Go duration ('5s', '1m30s'); default 5000. */
  podRuntime?: number | string;
  /** Pod-name suffix seed (default 0, as the CLI). */
  seed?: number | bigint;
  /** Render kubectl tables and describe blocks at this instant. */
  at?: DateLike | null;
}

export interface PlanEvent {
  time: string;
  object: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  source: string;
}

export interface Plan {
  events: PlanEvent[];
  /** kubectl get tables and describe blocks at `at`; null without `at`. */
  tables: null | {
    at: string;
    cronjobs: unknown;
    jobs: unknown;
    pods: unknown;
    describe: unknown[];
    [key: string]: unknown;
  };
  /** Validation warnings of the manifests. */
  warnings: Finding[];
}

/**
 * Columns of a kept plan's objects, one entry per Job or Pod: names as
 * strings, numbers as Float64Arrays (times in epoch ms, NaN when unset).
 */
export interface PlanObjects {
  cronjobs: { name: string; schedule: string; timeZone: string | null }[];
  /** condition: 0 none, 1 Complete, 2 Failed. */
  jobs: { name: string[]; reason: string[]; created: Float64Array; deleted: Float64Array; condition: Float64Array; finished: Float64Array };
  /** job: index into jobs; succeeded: 0/1; runs: container runs; firstRunEnd: end of the first run. */
  pods: { name: string[]; job: Float64Array; created: Float64Array; deleted: Float64Array; finished: Float64Array; succeeded: Float64Array; runs: Float64Array; firstRunEnd: Float64Array };
  /** How many events the simulation recorded. */
  events: number;
  notes: string[];
}

/** A simulation kept in the module (Kron.planOpen): answers without simulating again. */
export interface PlanHandle {
  readonly warnings: Finding[];
  objects(): PlanObjects;
  /** How many events happened at or before `at` (whole seconds). */
  eventsUntil(at: DateLike): number;
  events(begin: number, end: number): PlanEvent[];
  /** As Plan.tables; describe entries are { object, text }. */
  tables(at: DateLike): NonNullable<Plan['tables']>;
  /** Frees the module memory (also what `using` calls); later calls throw. Idempotent. */
  dispose(): void;
}

export interface RunPlan {
  /** Milliseconds the container runs. */
  runtime: number;
  succeeds?: boolean;
}

export interface BackoffOptions {
  restartPolicy?: 'Never' | 'OnFailure';
  backoffLimit?: number;
  completions?: number;
  start?: DateLike;
  /** The i-th container run uses runs[i]; the last repeats. */
  runs: RunPlan[];
  jobBackoff?: 'current' | 'legacy' | { initial: number; max: number };
  kubeletBackoff?: 'default' | 'reduced' | { initial: number; max: number; resetAfter?: number };
  maxAttempts?: number;
}

export interface Attempt {
  pod: number;
  restartCount: number;
  startMs: number;
  endMs: number;
  start: Date;
  end: Date;
  outcome: 'succeeded' | 'failed' | 'killed';
  delayBeforeNextMs: number | null;
}

export interface BackoffTimeline {
  attempts: Attempt[];
  outcome: 'complete' | 'failed' | 'attemptCapReached';
  finishedMs: number;
  finished: Date;
  succeeded: number;
  failed: number;
  reason: string;
  message: string;
}

export interface CliResult {
  code: number;
  stdout: Uint8Array;
  stderr: Uint8Array;
}

export declare class Kron {
  /** What this module build provides: 'schedule', 'describe', 'plan', … */
  readonly features: Set<string>;
  /** The engine's version. */
  readonly version: string;
  /** The embedded tz database release, e.g. "2025b". */
  readonly tzdataVersion: string;
  preloadZones(): void;
  timeZones(): string[];
  zoneOffset(zone: string, at: DateLike): { offsetSeconds: number; isDst: boolean };

  parse(spec: string, options?: ParseOptions): Schedule;
  isValid(spec: string, options?: ParseOptions): boolean;
  /** Next fire (epoch seconds, NaN = none) of each schedule after `after`, or after afters[i] (epoch seconds). */
  nextAll(schedules: ArrayLike<Schedule>, after?: DateLike | ArrayLike<number>): Float64Array;

  jobName(cronjobName: string, scheduled: DateLike): string;
  podName(jobName: string, options?: { seed?: number | bigint; index?: number }): string;
  podNames(jobName: string, count: number, options?: { seed?: number | bigint; index?: number }): string[];
  nameProblems(name: string, options?: { kind?: 'cronjob' | 'label' | 'subdomain' }): string[];

  backoff(options: BackoffOptions): BackoffTimeline;
  jobBackoffDelay(failures: number, options?: { policy?: 'current' | 'legacy' }): number;
  crashLoopDelay(restart: number, options?: { policy?: 'default' | 'reduced' }): number;

  validate(text: string, options?: { file?: string; now?: DateLike }): ValidationResult;
  plan(manifests: Manifests, options: PlanOptions): Plan;
  planJson(manifests: Manifests, options: PlanOptions): string;
  planText(manifests: Manifests, options: PlanOptions): string;
  /** Simulates once and keeps the timeline in the module (dispose() the handle). */
  planOpen(manifests: Manifests, options: Omit<PlanOptions, 'at'>): PlanHandle;

  /** Runs the native CLI inside the module. */
  cli(args: string[], options?: {
    stdin?: string | Uint8Array | (() => string | Uint8Array);
    files?: Record<string, string | Uint8Array>;
    cwd?: string;
  }): CliResult;
}

/** Instantiates the module; without options, one shared instance. */
export declare function load(options?: LoadOptions): Promise<Kron>;
export default load;
