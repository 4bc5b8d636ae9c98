// app.js — kron playground: state, permalink, wiring, timings.
//
// The page state lives in the URL hash (a permalink); every render writes it
// back with history.replaceState. Timings (performance.now()) are exposed on
// <body> for the tests: data-first-result-ms (since navigation start),
// data-schedule-ms (last keystroke → updated results), data-plan-ms (last
// manifest → timeline, tables and events).
import * as engine from './engine.js';
import { renderSchedule } from './schedule.js';
import { $, fmtUTC, localInputToMs, msToLocalInput, b64urlEncode, b64urlDecode } from './util.js';
import { CRONJOB_TEST01, JOB_TEST01 } from './seeds.js';

const SEED_FROM = Date.parse('2026-01-01T07:59:30Z');

function defaults() {
  const now = Math.floor(Date.now() / 60000) * 60000;
  return {
    mode: 'schedule',
    spec: '*/1 * * * *', tz: '', from: now, n: 10, name: 'cronjob-test01',
    text: CRONJOB_TEST01, simFrom: SEED_FROM, win: 600, pods: 'succeed', failN: 2, runtime: '5s', seed: 1,
    at: SEED_FROM + 600000 - 1000,
  };
}

let state = defaults();
let last = null;  // last plan: { model, parts, ms }

// Manifest mode (manifest.js, timeline.js) is not in app.js's imports:
// schedule mode paints without waiting for it. main() loads it once
// the first result is painted, before the page reports itself ready
// (data-ready), so it is there once the page has loaded, offline too.
let M = null;
let manifestLoading = null;
function loadManifestMode() {
  manifestLoading ??= import('./manifest.js').then((m) => { M = m; return m; }, (e) => { manifestLoading = null; throw e; });
  return manifestLoading;
}

// --- permalink ---------------------------------------------------------------

const isoOrNull = (s) => { const t = Date.parse(s); return Number.isNaN(t) ? null : t; };

function readHash() {
  const s = defaults();
  const h = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (h.get('m') === 'manifest') s.mode = 'manifest';
  if (h.has('spec')) s.spec = h.get('spec');
  if (h.has('tz')) s.tz = h.get('tz');
  if (h.has('from')) s.from = isoOrNull(h.get('from')) ?? s.from;
  if (h.has('n')) s.n = Math.max(1, Math.min(500, Number(h.get('n')) || 10));
  if (h.has('name')) s.name = h.get('name');
  if (h.has('yaml')) { try { s.text = b64urlDecode(h.get('yaml')); } catch { /* keep the seed */ } }
  if (h.has('sfrom')) s.simFrom = isoOrNull(h.get('sfrom')) ?? s.simFrom;
  if (h.has('win')) s.win = Number(h.get('win')) || s.win;
  if (h.has('pods')) s.pods = ['succeed', 'fail', 'fail-first'].includes(h.get('pods')) ? h.get('pods') : 'succeed';
  if (h.has('failn')) s.failN = Math.max(0, Number(h.get('failn')) | 0);
  if (h.has('rt')) s.runtime = h.get('rt');
  if (h.has('seed')) s.seed = Math.max(0, Number(h.get('seed')) | 0);
  s.at = h.has('at') ? (isoOrNull(h.get('at')) ?? s.simFrom + s.win * 1000 - 1000) : s.simFrom + s.win * 1000 - 1000;
  return s;
}

function hashOf(s) {
  const h = new URLSearchParams();
  h.set('m', s.mode);
  h.set('spec', s.spec);
  h.set('tz', s.tz);
  h.set('from', fmtUTC(s.from));
  h.set('n', String(s.n));
  h.set('name', s.name);
  if (s.text !== CRONJOB_TEST01) h.set('yaml', b64urlEncode(s.text));
  h.set('sfrom', fmtUTC(s.simFrom));
  h.set('win', String(s.win));
  h.set('pods', s.pods);
  if (s.pods === 'fail-first') h.set('failn', String(s.failN));
  h.set('rt', s.runtime);
  h.set('seed', String(s.seed));
  h.set('at', fmtUTC(s.at));
  return `#${h.toString()}`;
}

// The permalink follows the state a frame late: history.replaceState is a
// round trip to the browser process (5–15 ms measured in a one-day re-render),
// so it waits until the result is painted, and runs once per frame at most.
let hashQueued = false;
function writeHash() {
  if (hashQueued) return;
  hashQueued = true;
  afterFrame(() => {
    hashQueued = false;
    const h = hashOf(state);
    if (h !== location.hash) history.replaceState(null, '', h);
  });
}

// Runs `fn` in a task after the next frame has been laid out and painted.
function afterFrame(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

// --- state <-> form ------------------------------------------------------------

function toForm() {
  $('spec').value = state.spec;
  $('zone').value = state.tz;
  $('from').value = msToLocalInput(state.from);
  $('count').value = String(state.n);
  $('cronjob-name').value = state.name;
  $('manifest').value = state.text;
  $('sim-from').value = msToLocalInput(state.simFrom);
  const win = $('sim-window');
  if (![...win.options].some((o) => o.value === String(state.win))) {
    win.add(new Option(`${state.win} s`, String(state.win)));
  }
  win.value = String(state.win);
  $('sim-pods').value = state.pods;
  $('sim-failn').value = String(state.failN);
  $('sim-runtime').value = state.runtime;
  $('sim-seed').value = String(state.seed);
  $('sim-at').value = msToLocalInput(state.at);
  $('sim-failn-field').hidden = state.pods !== 'fail-first';
  $('spec-backdrop').textContent = state.spec;
}

function fromScheduleForm() {
  state.spec = $('spec').value;
  state.tz = $('zone').value.trim();
  const f = localInputToMs($('from').value);
  if (!Number.isNaN(f)) state.from = f;
  state.n = Math.max(1, Math.min(500, Number($('count').value) || 10));
  state.name = $('cronjob-name').value;
}

function fromSimForm() {
  state.text = $('manifest').value;
  const f = localInputToMs($('sim-from').value);
  const oldFrom = state.simFrom, oldWin = state.win;
  if (!Number.isNaN(f)) state.simFrom = f;
  state.win = Number($('sim-window').value) || 600;
  state.pods = $('sim-pods').value;
  state.failN = Math.max(0, Number($('sim-failn').value) | 0);
  state.runtime = $('sim-runtime').value.trim() || '5s';
  state.seed = Math.max(0, Number($('sim-seed').value) | 0);
  $('sim-failn-field').hidden = state.pods !== 'fail-first';
  // Keep the instant inside the window; move it with the window.
  if (state.simFrom !== oldFrom || state.win !== oldWin) {
    const rel = state.at - oldFrom;
    state.at = state.simFrom + Math.min(Math.max(rel, 0), state.win * 1000 - 1000);
  }
  clampAt();
}

function clampAt() {
  state.at = Math.floor(Math.min(Math.max(state.at, state.simFrom), state.simFrom + state.win * 1000 - 1000) / 1000) * 1000;
  $('sim-at').value = msToLocalInput(state.at);
}

// --- renders -------------------------------------------------------------------

const timings = { first: null, schedule: null, plan: null, at: null };

function showTimings() {
  const b = document.body.dataset;
  if (timings.first != null) b.firstResultMs = timings.first.toFixed(1);
  if (timings.engine != null) b.engineReadyMs = timings.engine.toFixed(1);
  if (timings.schedule != null) b.scheduleMs = timings.schedule.toFixed(2);
  if (timings.plan != null) b.planMs = timings.plan.toFixed(2);
  if (timings.at != null) b.atMs = timings.at.toFixed(2);
  const f = (x) => (x == null ? '—' : `${x.toFixed(1)} ms`);
  $('timings').textContent = `first result ${f(timings.first)} · last keystroke → runs ${f(timings.schedule)} · last timeline ${f(timings.plan)} · last instant ${f(timings.at)}`;
}

// `startedAt`: the input event's time; only those renders count as keystrokes.
function doSchedule(startedAt) {
  const t0 = startedAt ?? performance.now();
  renderSchedule(state);
  if (startedAt != null) timings.schedule = performance.now() - t0;
  $('schedule-results').setAttribute('aria-busy', 'false');
  writeHash();
  showTimings();
}

// Also after the frame: the time until the browser has laid out and painted
// the result (data-plan-paint-ms), not only until the DOM is written.
function afterPaint(t0, set) {
  afterFrame(() => { set(performance.now() - t0); showTimings(); });
}

// What a manifest render depends on: a control's input and change events
// that change nothing render once.
const simKey = () => JSON.stringify([state.text, state.simFrom, state.win, state.pods, state.failN, state.runtime, state.seed, state.at]);
let renderedKey = null;

function doManifest(startedAt) {
  const t0 = startedAt ?? performance.now();
  if (!M) return loadManifestMode().then(() => doManifest(t0));
  renderedKey = simKey();
  const tv = performance.now();
  const v = M.renderValidation(state.text, state.simFrom);
  const validateMs = performance.now() - tv;
  last = M.renderPlan(state, v);
  timings.plan = performance.now() - t0;
  const b = document.body.dataset;
  b.planEvents = last ? String(last.model.events.count) : '0';
  if (last) {
    // Input → work starts (a frame at most: renders are coalesced), then the steps.
    const wait = tv - t0;
    b.planParts = [`wait ${wait.toFixed(1)}`, `validate ${validateMs.toFixed(1)}`,
      ...Object.entries(last.parts).map(([k, x]) => `${k} ${x.toFixed(1)}`)].join(' · ');
  }
  writeHash();
  showTimings();
  afterPaint(t0, (ms) => { b.planPaintMs = ms.toFixed(2); });
  return undefined;
}

function pickAt(at, startedAt) {
  const t0 = startedAt ?? performance.now();
  state.at = at;
  clampAt();
  if (last && M) {
    try {
      const tPlan = performance.now();
      const tables = M.tablesAt(state.at);  // the kept simulation's tables, no new plan
      document.body.dataset.atEngineMs = (performance.now() - tPlan).toFixed(2);
      M.renderTables(tables, state.at);
    } catch (e) { $('sim-error').textContent = String(e?.message ?? e); }
    M.renderEvents(last.model, state.at);
    M.moveCursor(last.model, state.at);
    renderedKey = simKey();
  }
  timings.at = performance.now() - t0;
  writeHash();
  showTimings();
}

// Typing (the editor, the text and number fields): bursts of input coalesced
// into one render a frame (schedule mode renders on every keystroke). A
// select renders at once; the change event after its input finds nothing new.
let manifestQueued = null;
function queueManifest(t0) {
  if (manifestQueued != null) return;
  manifestQueued = t0;
  requestAnimationFrame(() => { const s = manifestQueued; manifestQueued = null; doManifest(s); });
}

// --- mode tabs -----------------------------------------------------------------

function setMode(mode, focus = false) {
  state.mode = mode;
  for (const m of ['schedule', 'manifest']) {
    const tab = $(`tab-${m}`), panel = $(`panel-${m}`);
    const on = m === mode;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    panel.hidden = !on;
    if (on && focus) tab.focus();
  }
  document.body.dataset.mode = mode;
  M?.remeasureTimeline();
  // A promise when manifest mode is still loading.
  return mode === 'manifest' ? doManifest() : doSchedule();
}

// --- wiring --------------------------------------------------------------------

function wire() {
  for (const m of ['schedule', 'manifest']) {
    $(`tab-${m}`).addEventListener('click', () => setMode(m));
    $(`tab-${m}`).addEventListener('keydown', (e) => {
      if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
        e.preventDefault();
        setMode(state.mode === 'schedule' ? 'manifest' : 'schedule', true);
      }
    });
  }
  const onSched = (e) => { const t0 = e?.timeStamp && e.timeStamp <= performance.now() ? e.timeStamp : performance.now(); fromScheduleForm(); doSchedule(t0); };
  for (const id of ['spec', 'zone', 'from', 'count', 'cronjob-name']) $(id).addEventListener('input', onSched);
  $('spec').addEventListener('scroll', () => { $('spec-backdrop').scrollLeft = $('spec').scrollLeft; });
  $('from-now').addEventListener('click', () => { $('from').value = msToLocalInput(Math.floor(Date.now() / 60000) * 60000); onSched(); });

  const onSim = (e) => {
    fromSimForm();
    const t0 = e?.timeStamp && e.timeStamp <= performance.now() ? e.timeStamp : performance.now();
    if (e && e.target?.tagName !== 'SELECT') queueManifest(t0);
    else if (manifestQueued == null && simKey() !== renderedKey) doManifest(t0);
  };
  $('manifest').addEventListener('input', onSim);
  for (const id of ['sim-from', 'sim-window', 'sim-pods', 'sim-failn', 'sim-runtime', 'sim-seed']) {
    $(id).addEventListener('input', onSim);
    $(id).addEventListener('change', onSim);
  }
  $('load-cronjob').addEventListener('click', () => { $('manifest').value = CRONJOB_TEST01; onSim(); });
  $('load-job').addEventListener('click', () => {
    $('manifest').value = JOB_TEST01;
    // The seed's Job ran at 08:00Z: start there.
    $('sim-from').value = msToLocalInput(Date.parse('2026-01-01T08:00:00Z'));
    onSim();
  });
  $('sim-at').addEventListener('change', () => {
    const t = localInputToMs($('sim-at').value);
    if (!Number.isNaN(t)) pickAt(t);
  });

  // Findings link to their place in the editor.
  $('validation').addEventListener('click', (e) => {
    const a = e.target.closest('a.loc');
    if (!a) return;
    e.preventDefault();
    const line = Number(a.dataset.line), col = Number(a.dataset.column) || 1;
    const ta = $('manifest');
    const lines = ta.value.split('\n');
    let pos = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    pos += col - 1;
    ta.focus();
    ta.setSelectionRange(pos, Math.min(ta.value.length, pos + Math.max(1, (lines[line - 1] ?? '').length - col + 1)));
  });

  // Timeline: click or keys pick the instant.
  const tl = $('timeline');
  tl.addEventListener('click', (e) => {
    const svg = tl.querySelector('svg');
    if (!svg) return;
    const r = svg.getBoundingClientRect();
    const padL = Number(svg.dataset.padL), padR = Number(svg.dataset.padR);
    const from = Number(svg.dataset.from), until = Number(svg.dataset.until);
    const frac = Math.min(1, Math.max(0, (e.clientX - r.left - padL) / (r.width - padL - padR)));
    pickAt(from + frac * (until - from), e.timeStamp <= performance.now() ? e.timeStamp : undefined);
    tl.querySelector('svg')?.focus();
  });
  tl.addEventListener('keydown', (e) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown'].includes(e.key)) return;
    e.preventDefault();
    const span = state.win * 1000;
    const step = Math.max(1000, Math.round(span / (e.shiftKey || e.key.startsWith('Page') ? 10 : 100) / 1000) * 1000);
    let at = state.at;
    if (e.key === 'ArrowLeft' || e.key === 'PageUp') at -= step;
    if (e.key === 'ArrowRight' || e.key === 'PageDown') at += step;
    if (e.key === 'Home') at = state.simFrom;
    if (e.key === 'End') at = state.simFrom + span - 1000;
    pickAt(at);
    tl.querySelector('svg')?.focus();
  });
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => { M?.remeasureTimeline(); if (last && M && state.mode === 'manifest') M.drawTimeline(last.model, state.at); }, 100);
  });

  window.addEventListener('hashchange', () => {
    state = readHash();
    toForm();
    setMode(state.mode);
  });

  $('copy-link').addEventListener('click', async () => {
    writeHash();
    try {
      await navigator.clipboard.writeText(location.href);
      $('copy-status').textContent = 'Link copied.';
    } catch {
      $('copy-status').textContent = `Link: ${location.href}`;
    }
  });
}

function fillZones() {
  const list = engine.zones();
  const frag = document.createDocumentFragment();
  for (const z of list) {
    const o = document.createElement('option');
    o.value = z;
    frag.appendChild(o);
  }
  $('zone-list').appendChild(frag);
  $('zone').placeholder = `UTC (none set) — ${list.length} zones`;
  document.body.dataset.zones = String(list.length);
}

async function main() {
  state = readHash();
  toForm();
  wire();
  try {
    await engine.loadEngine();
    timings.engine = performance.now();
  } catch (e) {
    $('engine-status').textContent = `Could not load kron's engine: ${e.message}`;
    $('engine-status').classList.add('error');
    return;
  }
  await setMode(state.mode);
  timings.first = performance.now();
  showTimings();
  // The first result painted (after layout), beside the figure above (written
  // to the DOM). Only then the zone list (≈600 options) and manifest mode's code.
  const painted = new Promise((resolve) => afterPaint(0, (ms) => {
    document.body.dataset.firstPaintMs = ms.toFixed(1);
    fillZones();
    resolve();
  }));
  const i = engine.info();
  $('engine-status').textContent = `kron ${i.version} · tz database ${i.tzdata} · all answers computed in this page`;
  $('engine-info').textContent = `Engine: kron ${i.version} (WebAssembly). Time zones: IANA ${i.tzdata}. Works offline once loaded.`;
  if ('serviceWorker' in navigator && location.protocol.startsWith('http') && !navigator.webdriver) {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  await painted;
  await loadManifestMode().catch(() => {});
  document.body.dataset.ready = '1';
}

main();
