// manifest.js — Manifest mode: what `kubectl apply` would print, then the
// engine's simulation of the controllers over a window, drawn as a timeline,
// with `kubectl get` tables at a picked instant and the events.
import * as engine from './engine.js';
import { $, esc, fmtUTC } from './util.js';
import { buildModel, renderSvg } from './timeline.js';

const FILE = 'manifest.yml';
const MAX_EVENTS_SHOWN = 200;
const EVENT_BLOCK = 20;

// --- kubectl apply -----------------------------------------------------------

// The API server's answer to a create, as kubectl prints it (one line per
// object), then kron's warnings.
function applyLines(v) {
  const objects = v.objects;
  const errors = v.findings.filter((f) => f.severity !== 'warning');
  const warnings = v.findings.filter((f) => f.severity === 'warning');
  const lines = [];
  const unreadable = errors.filter((f) => f.unreadable || !f.object);
  for (const f of unreadable) lines.push({ cls: 'err', text: `error: ${f.text || f.message}`, f });
  for (const o of objects) {
    const key = `${o.kind}/${o.name}`;
    const mine = errors.filter((f) => f.object === key);
    if (mine.length) {
      const body = mine.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message));
      lines.push({ cls: 'err', text: `The ${o.kind} "${o.name}" is invalid: ${body.length === 1 ? body[0] : `[${body.join(', ')}]`}`, f: mine[0] });
    } else if (!unreadable.length) {
      lines.push({ cls: 'ok', text: `${o.kind.toLowerCase()}.batch/${o.name} created` });
    }
  }
  if (!objects.length) {
    for (const f of errors) if (!unreadable.includes(f)) lines.push({ cls: 'err', text: f.text || `${f.object}: ${f.field}: ${f.message}`, f });
  }
  return { lines, warnings, invalid: errors.length > 0 };
}

// `now` anchors kron's DST warnings (the simulation's start, so a permalink
// reads the same tomorrow).
// The same text and start as last time (only the window or the outcomes
// changed): the panel already says it.
let lastValidation = null;
export function renderValidation(text, now) {
  if (lastValidation && lastValidation.text === text && lastValidation.now === now && $('validation').firstChild) return lastValidation.result;
  const result = validationPanel(text, now);
  lastValidation = { text, now, result };
  return result;
}

function validationPanel(text, now) {
  const el = $('validation');
  const v = engine.validate(text, FILE, now);
  const { lines, warnings, invalid } = applyLines(v);
  const at = (f) => (f && f.line ? ` data-line="${f.line}" data-column="${f.column || 1}"` : '');
  const loc = (f) => (f && f.line ? `<a href="#manifest" class="loc"${at(f)}>${FILE}:${f.line}${f.column ? ':' + f.column : ''}</a> ` : '');
  el.innerHTML =
    `<pre class="kubectl" aria-label="kubectl apply output">${lines.map((l) => `<span class="${l.cls}">${esc(l.text)}</span>`).join('\n') || '<span class="hint">(no Job or CronJob in the editor)</span>'}</pre>` +
    (v.findings.length ? `<ul class="findings">${v.findings.map((f) => `<li class="${f.severity === 'warning' ? 'warn' : 'err'}">${loc(f)}<span class="sev">${f.severity === 'warning' ? 'kron warning' : 'error'}:</span> ${esc(f.object ? f.object + ': ' : '')}${esc(f.field ? f.field + ': ' : '')}${esc(f.message)}</li>`).join('')}</ul>` : '') +
    (!invalid && !warnings.length && lines.length ? '<p class="clean" data-clean="1">No errors, no warnings.</p>' : '');
  el.dataset.invalid = invalid ? '1' : '0';
  el.dataset.warnings = String(warnings.length);
  return { invalid, objects: v.objects };
}

// --- plan --------------------------------------------------------------------

// A kubectl get table: { columns, rows }.
function tableHtml(title, { columns: cols, rows }) {
  const head = `<h3><code>${esc(title)}</code></h3>`;
  if (!rows.length) return `${head}<p class="kubectl-empty">No resources found in default namespace.</p>`;
  return `${head}<div class="table-wrap"><table class="kubectl-table" data-kind="${esc(title.split(' ').pop())}"><thead><tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table></div>`;
}

// kubectl's tabwriter look: columns padded to their widest cell plus `pad`.
function tabwrite(rows, pad) {
  const w = [];
  for (const r of rows) r.forEach((c, i) => { w[i] = Math.max(w[i] ?? 0, String(c).length); });
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? String(c) : String(c).padEnd(w[i] + pad))).join('').trimEnd()).join('\n');
}

function describeTarget(o) {
  const [kind, ...name] = String(o ?? '').split('/');
  return name.length ? `${kind.toLowerCase()} ${name.join('/')}` : kind;
}

// The plan handle's describe entries ({ object, text }) carry the whole text.
function describeHtml(list) {
  return list.map((x) => `<details class="describe-block" data-target="${esc(describeTarget(x.object))}" data-full="1"><summary>kubectl describe ${esc(describeTarget(x.object))}</summary><pre class="kubectl">${esc(x.text)}</pre></details>`).join('');
}

// `t`: a plan handle's tables(at).
export function renderTables(t, at) {
  $('tables-at').textContent = fmtUTC(at);
  const n = (x) => x.rows.length;
  $('tables-summary').textContent = `At ${fmtUTC(at)}: ${n(t.cronjobs)} CronJobs, ${n(t.jobs)} Jobs, ${n(t.pods)} Pods.`;
  $('tables').innerHTML =
    tableHtml('kubectl get cronjobs', t.cronjobs) + tableHtml('kubectl get jobs', t.jobs) +
    tableHtml('kubectl get pods', t.pods) + describeHtml(t.describe);
}

export function renderEvents(model, at) {
  // Only the rows shown are read from the engine's handle.
  const upTo = model.events.until(at);
  const first = Math.max(0, upTo - MAX_EVENTS_SHOWN);
  const rows = model.events.slice(first, upTo);
  const more = first ? `<p class="hint">${first} earlier event${first === 1 ? '' : 's'} not shown.</p>` : '';
  const later = model.events.count - upTo;
  // As text, aligned like kron plan's event table: cheap to lay out even
  // with hundreds of lines (an HTML table of them is not).
  const table = [['TIME', 'OBJECT', 'TYPE', 'REASON', 'MESSAGE', 'SOURCE'], ...rows.map((e) => [e.time, e.object, e.type, e.reason, e.message, e.source])];
  const lines = tabwrite(table, 3).split('\n').map((l, i) => (i > 0 && rows[i - 1].type === 'Warning' ? `<span class="warn">${esc(l)}</span>` : esc(l)));
  // In blocks of EVENT_BLOCK lines, each laid out only when scrolled near
  // (content-visibility): the box shows ~25 of the 200 lines.
  let pre = '';
  for (let i = 0; i < lines.length; i += EVENT_BLOCK) pre += `<span class="ev-block">${lines.slice(i, i + EVENT_BLOCK).join('\n')}\n</span>`;
  $('events').innerHTML = more + (rows.length
    ? `<p class="hint" id="events-caption">${upTo} event${upTo === 1 ? '' : 's'} up to ${fmtUTC(at)}${later ? `; ${later} later` : ''}</p><pre class="kubectl events" aria-describedby="events-caption">${pre}</pre>`
    : `<p class="hint">No events up to ${fmtUTC(at)}${later ? ` (${later} later)` : ''}.</p>`);
}

// Schedule ticks of each CronJob in the window, from the engine's fire times.
// `cronjobs`: the plan handle's [{ schedule, timeZone }].
function scheduleTicks(cronjobs, from, until) {
  const ticks = [];
  for (const { schedule: spec, timeZone } of cronjobs) {
    try {
      for (const t of engine.secondsUntil(spec, timeZone, Math.floor(from / 1000) - 1, Math.ceil(until / 1000))) ticks.push(t * 1000);
    } catch { /* a schedule the engine rejects has no ticks */ }
  }
  return ticks;
}

function planOptions(state) {
  const pods = state.pods === 'fail-first' ? `fail:${Math.max(0, state.failN | 0)}` : state.pods;
  return {
    from: new Date(state.simFrom),
    until: new Date(state.simFrom + state.win * 1000),
    pods,
    podRuntime: state.runtime,
    seed: state.seed | 0,
  };
}

// The simulation behind the drawn timeline (a PlanHandle): picking an
// instant asks it for tables, not for a new plan.
let current = null;
function setCurrent(h) {
  if (current && current !== h) current.dispose();
  current = h;
}

// kubectl's tables at `at` from the drawn plan's kept simulation.
export const tablesAt = (at) => current.tables(at);

// Goes from text to timeline: returns { model, parts, ms } or null.
// `parts`: where the time went (ms), for the page's timing line.
export function renderPlan(state, validation) {
  const t0 = performance.now();
  const tl = $('timeline'), err = $('sim-error');
  err.textContent = '';
  if (validation.invalid) {
    setCurrent(null);
    tl.innerHTML = '<p class="hint">Fix the errors above: the API server would not accept these objects, so nothing runs.</p>';
    $('tables').innerHTML = '';
    $('events').innerHTML = '';
    return null;
  }
  const parts = {};
  let mark = performance.now();
  const tEngine = mark;
  const lap = (k) => { const n = performance.now(); parts[k] = n - mark; mark = n; };
  let handle = null, objects, tables;
  try {
    handle = engine.planOpen(state.text, planOptions(state));
    lap('simulate');
    objects = handle.objects();
    lap('objects');
    tables = handle.tables(state.at);
    lap('kubectl');
  } catch (e) {
    handle?.dispose();
    setCurrent(null);
    err.textContent = String(e?.message ?? e);
    tl.innerHTML = '';
    return null;
  }
  setCurrent(handle);
  document.body.dataset.planEngineMs = (performance.now() - tEngine).toFixed(2);
  mark = performance.now();
  const from = state.simFrom, until = state.simFrom + state.win * 1000;
  const runtimeMs = parseRuntime(state.runtime);
  const ticks = scheduleTicks(objects.cronjobs, from, until);
  lap('ticks');
  const model = buildModel(objects, handle, {
    from, until, podRuntimeMs: runtimeMs, pods: state.pods, failN: state.failN | 0, ticks,
  });
  lap('model');
  drawTimeline(model, state.at);
  lap('svg');
  renderTables(tables, state.at);
  lap('tables');
  renderEvents(model, state.at);
  lap('events');
  summarize(model, objects.notes);
  return { model, parts, ms: performance.now() - t0 };
}

// Go duration → ms, only to place pods on the timeline (the engine validated it).
function parseRuntime(s) {
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  const unit = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let ms = 0, m;
  while ((m = re.exec(s))) ms += Number(m[1]) * unit[m[2]];
  return ms || 5000;
}

// Moves the picked instant on the drawn timeline (no redraw).
export function moveCursor(model, at) {
  const svg = $('timeline').querySelector('svg');
  const line = svg?.querySelector('.cursor line');
  if (!line) return drawTimeline(model, at);
  const padL = Number(svg.dataset.padL), padR = Number(svg.dataset.padR);
  const W = Number(svg.getAttribute('width'));
  const cx = (padL + ((at - model.from) / (model.until - model.from)) * (W - padL - padR)).toFixed(1);
  line.setAttribute('x1', cx);
  line.setAttribute('x2', cx);
  svg.setAttribute('aria-valuenow', String(Math.floor(at / 1000)));
  svg.setAttribute('aria-valuetext', fmtUTC(at));
  return undefined;
}

// The drawing's width, measured once and again on resize (reading it forces
// a layout, which costs more than the drawing on a busy page).
let timelineWidth = 0;
export function remeasureTimeline() { timelineWidth = 0; }

export function drawTimeline(model, at) {
  const tl = $('timeline');
  if (!timelineWidth) timelineWidth = tl.clientWidth || 900;
  const width = timelineWidth;
  tl.innerHTML = renderSvg(model, width, at);
  const svg = tl.firstElementChild;
  svg.setAttribute('tabindex', '0');
  svg.setAttribute('role', 'slider');
  svg.setAttribute('aria-label', 'Timeline: the picked instant');
  svg.setAttribute('aria-describedby', 'timeline-help timeline-summary');
  svg.setAttribute('aria-valuemin', String(model.from / 1000));
  svg.setAttribute('aria-valuemax', String(model.until / 1000));
  svg.setAttribute('aria-valuenow', String(Math.floor(at / 1000)));
  svg.setAttribute('aria-valuetext', fmtUTC(at));
}

function summarize(model, notes) {
  const jobs = model.jobs.length;
  const pods = model.jobs.reduce((n, j) => n + j.pods.length, 0);
  const failedPods = model.jobs.reduce((n, j) => n + j.pods.filter((p) => p.ok === false).length, 0);
  const failedJobs = model.jobs.filter((j) => j.condition === 'Failed').length;
  const deleted = model.jobs.filter((j) => j.deleted != null).length;
  const noted = notes.length ? ` Notes: ${notes.join('; ')}` : '';
  $('timeline-summary').textContent =
    `${fmtUTC(model.from)} → ${fmtUTC(model.until)}: ${model.ticks.length} schedule tick${model.ticks.length === 1 ? '' : 's'}, ${jobs} Job${jobs === 1 ? '' : 's'} (${failedJobs} failed, ${deleted} deleted by the history limits, ${jobs - deleted} kept), ${pods} Pod${pods === 1 ? '' : 's'} (${failedPods} failed), ${model.events.count} events.${noted}`;
}

