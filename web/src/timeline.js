// timeline.js — the SVG timeline of a simulation kept by kron.planOpen().
//
// The model is the engine's simulated objects themselves (a plan handle's
// columns of milliseconds): no events to read back, the pods' ends and
// outcomes are the simulation's own.
import { esc, fmtUTC, fmtSpan } from './util.js';

// PlanHandle.objects() (milliseconds, NaN when unset) → jobs with their pods.
const opt = (v) => (Number.isNaN(v) ? null : v);

function fromColumns(o, opts) {
  const J = o.jobs, P = o.pods;
  const jobs = J.name.map((name, i) => {
    const c = J.condition[i];
    return {
      name, created: J.created[i], deleted: opt(J.deleted[i]), pods: [],
      condition: c === 1 ? 'Complete' : c === 2 ? 'Failed' : null,
      finished: c ? J.finished[i] : null, reason: J.reason[i] || '',
    };
  });
  for (let i = 0; i < P.name.length; i++) {
    const j = jobs[P.job[i]];
    const created = P.created[i];
    const del = P.deleted[i] <= opts.until ? P.deleted[i] : null;  // NaN compares false
    const fin = P.finished[i] <= opts.until ? P.finished[i] : null;
    const p = { name: P.name[i], job: j.name, created, run: j.pods.length, deleted: del, end: opts.until, ok: null };
    if (fin != null) {
      p.end = fin;
      p.ok = P.succeeded[i] === 1;
    } else if (del != null) {
      // Deleted while active: killed during its first run, or (restartPolicy
      // OnFailure) restarting in place after it.
      const first = P.firstRunEnd[i];
      if (first <= del) p.restarting = true; else p.killed = true;
      p.end = del;
      p.ok = false;
    }
    j.pods.push(p);
  }
  return jobs;
}

// `objects`: PlanHandle.objects(); `handle`: that PlanHandle. The model's
// events are a list the page reads a slice of: { count, until(at) → how many
// happened at or before `at`, slice(begin, end) }.
export function buildModel(objects, handle, opts) {
  const jobs = fromColumns(objects, opts);
  const events = {
    count: objects.events,
    until: (at) => handle.eventsUntil(at),
    slice: (b, e) => (e > b ? handle.events(b, e) : []),
  };
  jobs.sort((a, b) => a.created - b.created || (a.name < b.name ? -1 : 1));
  // Lanes: a Job holds its lane from creation until deleted (or the window ends).
  const laneEnds = [];
  for (const j of jobs) {
    const end = j.deleted ?? Infinity;
    let lane = laneEnds.findIndex((e) => e <= j.created);
    if (lane < 0) { lane = laneEnds.length; laneEnds.push(end); } else laneEnds[lane] = end;
    j.lane = lane;
  }
  return { from: opts.from, until: opts.until, events, jobs, lanes: laneEnds.length, ticks: opts.ticks ?? [] };
}

const STEPS = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800].map((s) => s * 1000);

// Renders the model as an SVG string `width` pixels wide, with the cursor at `at`.
export function renderSvg(model, width, at) {
  const W = Math.max(300, Math.round(width));
  const padL = 8, padR = 8;
  const span = model.until - model.from;
  const x = (t) => padL + ((t - model.from) / span) * (W - padL - padR);
  const AXIS = 26, TICKS = model.ticks.length ? 20 : 0, LANE = 40;
  const lanes = Math.max(1, model.lanes);
  const H = AXIS + TICKS + lanes * LANE + 8;
  const out = [];
  const nPods = model.jobs.reduce((n, j) => n + j.pods.length, 0);
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" class="tl-svg${model.jobs.length > DENSE ? ' dense' : ''}" data-from="${model.from}" data-until="${model.until}" data-pad-l="${padL}" data-pad-r="${padR}" data-jobs="${model.jobs.length}" data-pods="${nPods}">`);
  // Axis.
  const step = STEPS.find((s) => (span / s) * 90 <= W) ?? STEPS[STEPS.length - 1];
  const first = Math.ceil(model.from / step) * step;
  out.push(`<g class="axis">`);
  for (let t = first; t <= model.until; t += step) {
    const iso = fmtUTC(t);
    const label = step >= 86400000 ? iso.slice(5, 10) : (t % 86400000 === 0 ? iso.slice(5, 10) + ' ' : '') + (step % 60000 ? iso.slice(11, 19) : iso.slice(11, 16));
    // Labels at the edges are anchored inside the drawing.
    const half = label.length * 3.1, lx = x(t);
    const anchor = lx - half < 0 ? ' style="text-anchor:start"' : lx + half > W ? ' style="text-anchor:end"' : '';
    const tx = anchor ? (lx - half < 0 ? Math.max(lx, 1) : Math.min(lx, W - 1)) : lx;
    out.push(`<line x1="${lx.toFixed(1)}" x2="${lx.toFixed(1)}" y1="${AXIS - 6}" y2="${H}" class="grid"/><text x="${tx.toFixed(1)}" y="${AXIS - 10}" class="axis-label"${anchor}>${esc(label)}</text>`);
  }
  out.push(`</g>`);
  // Schedule ticks.
  if (model.ticks.length) {
    out.push(`<g class="ticks"><text x="${padL}" y="${AXIS + 13}" class="row-label">schedule</text>`);
    if (model.ticks.length > DENSE) {
      let d = '';
      for (const t of model.ticks) if (t >= model.from && t < model.until) d += `M${px(x(t))} ${AXIS + 2}v${TICKS - 4}`;
      out.push(`<path d="${d}" class="tick dense"/>`);
    } else {
      for (const t of model.ticks) {
        if (t < model.from || t >= model.until) continue;
        out.push(`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${AXIS + 2}" y2="${AXIS + TICKS - 2}" class="tick"><title>schedule tick ${fmtUTC(t)}</title></line>`);
      }
    }
    out.push(`</g>`);
  }
  // Jobs and pods. Many Jobs (a day of */1 is 1,440) are drawn as a few
  // paths, one per kind, without per-object labels: the tables name them.
  const dense = model.jobs.length > DENSE;
  if (dense) {
    out.push(densePaths(model, x, AXIS + TICKS, LANE));
  }
  out.push(`<g class="jobs">`);
  for (const j of dense ? [] : model.jobs) {
    const y = AXIS + TICKS + j.lane * LANE;
    const x0 = x(Math.max(j.created, model.from));
    const endT = Math.min(j.deleted ?? model.until, model.until);
    const x1 = Math.max(x0 + 1.5, x(endT));
    const cls = `job${j.deleted != null ? ' deleted' : ' kept'}${j.condition === 'Failed' ? ' failed' : j.condition === 'Complete' ? ' complete' : ''}`;
    const status = j.condition === 'Failed' ? `Failed (${j.reason || 'failed'})` : j.condition === 'Complete' ? 'Complete' : 'Running';
    const hist = j.deleted != null ? `deleted ${fmtUTC(j.deleted)} (history limit)` : 'kept';
    out.push(`<g class="${cls}" data-job="${esc(j.name)}"><title>Job ${esc(j.name)} — created ${fmtUTC(j.created)}, ${status}${j.finished != null ? ' at ' + fmtUTC(j.finished) : ''}; ${hist}</title>`);
    out.push(`<rect x="${x0.toFixed(1)}" y="${y + 13}" width="${(x1 - x0).toFixed(1)}" height="6" rx="2" class="job-bar"/>`);
    const nameW = j.name.length * 6.2;
    if (x1 - x0 > nameW + 4 || (model.jobs.length < 40 && W - x0 > nameW + 4 && nextFree(model, j, x, nameW))) {
      out.push(`<text x="${(x0 + 1).toFixed(1)}" y="${y + 10}" class="job-label">${esc(j.name)}</text>`);
    }
    if (j.deleted != null && j.deleted <= model.until) {
      out.push(`<text x="${x(j.deleted).toFixed(1)}" y="${y + 20}" class="del-mark">✕</text>`);
    }
    let prev = null;
    for (const p of j.pods) {
      const px0 = x(Math.max(p.created, model.from));
      const px1 = Math.max(px0 + 2, x(Math.min(p.end ?? model.until, model.until)));
      const pcls = p.ok == null ? 'run' : p.ok ? 'ok' : 'bad';
      const what = p.ok == null ? 'running' : p.ok ? 'Succeeded (Completed)' : p.restarting ? 'Failed: restarted in place until the Job controller deleted it' : p.killed ? 'Failed (deleted by the Job controller)' : 'Failed (Error)';
      out.push(`<rect x="${px0.toFixed(1)}" y="${y + 22}" width="${(px1 - px0).toFixed(1)}" height="12" rx="2" class="pod ${pcls}" data-pod="${esc(p.name)}"><title>Pod ${esc(p.name)} — ${fmtUTC(p.created)} → ${p.end != null ? fmtUTC(p.end) : '…'}: ${what}</title></rect>`);
      if (px1 - px0 > p.name.length * 5.6 + 4) out.push(`<text x="${(px0 + 2).toFixed(1)}" y="${y + 31.5}" class="pod-label">${esc(p.name)}</text>`);
      if (prev && prev.ok === false && p.created > prev.end) {
        const gx0 = x(prev.end), gx1 = x(p.created);
        out.push(`<line x1="${gx0.toFixed(1)}" x2="${gx1.toFixed(1)}" y1="${y + 28}" y2="${y + 28}" class="gap"><title>backoff ${fmtSpan(p.created - prev.end)} before the retry</title></line>`);
        const lbl = `backoff ${fmtSpan(p.created - prev.end)}`;
        if (gx1 - gx0 > lbl.length * 5.4 + 4) out.push(`<text x="${((gx0 + gx1) / 2).toFixed(1)}" y="${y + 25}" class="gap-label">${lbl}</text>`);
      }
      prev = p;
    }
    if (j.condition === 'Failed' && j.finished != null) {
      const fx = x(j.finished);
      out.push(`<text x="${(fx + 3).toFixed(1)}" y="${y + 32}" class="fail-label">${esc(j.reason || 'Failed')}</text><line x1="${fx.toFixed(1)}" x2="${fx.toFixed(1)}" y1="${y + 12}" y2="${y + 36}" class="fail-line"/>`);
    }
    out.push(`</g>`);
  }
  out.push(`</g>`);
  if (at != null) out.push(cursorSvg(x(at), H));
  out.push(`</svg>`);
  return out.join('');
}

const DENSE = 240;

// A coordinate ≥ 0 to one decimal, as text: the dense paths format
// thousands of them, and toFixed takes several times as long.
function px(v) {
  const t = Math.round(v * 10);
  return `${(t - (t % 10)) / 10}.${t % 10}`;
}

// All Jobs, pods and backoff gaps as one path per kind.
function densePaths(model, x, top, LANE) {
  const d = { kept: '', deleted: '', failed: '', ok: '', bad: '', run: '', okDel: '', badDel: '', gap: '' };
  const rect = (x0, y, w, h) => { const a = px(x0); return `M${a} ${y}h${px(Math.max(w, 0.8))}v${h}H${a}z`; };
  for (const j of model.jobs) {
    const y = top + j.lane * LANE;
    const x0 = x(Math.max(j.created, model.from));
    const x1 = x(Math.min(j.deleted ?? model.until, model.until));
    const jk = j.deleted != null ? 'deleted' : j.condition === 'Failed' ? 'failed' : 'kept';
    d[jk] += rect(x0, y + 13, x1 - x0, 6);
    let prev = null;
    for (const p of j.pods) {
      const px0 = x(Math.max(p.created, model.from));
      const px1 = x(Math.min(p.end ?? model.until, model.until));
      const k = (p.ok == null ? 'run' : p.ok ? 'ok' : 'bad') + (j.deleted != null && p.ok != null ? 'Del' : '');
      d[k] += rect(px0, y + 22, px1 - px0, 12);
      if (prev && prev.ok === false && p.created > prev.end) d.gap += `M${px(x(prev.end))} ${y + 28}H${px(px0)}`;
      prev = p;
    }
  }
  return `<g class="jobs dense">${[
    ['kept', 'job-bar'], ['deleted', 'job-bar deleted-bar'], ['failed', 'job-bar failed-bar'],
    ['ok', 'pod ok'], ['bad', 'pod bad'], ['run', 'pod run'], ['okDel', 'pod ok deleted-pod'], ['badDel', 'pod bad deleted-pod'], ['gap', 'gap'],
  ].map(([k, cls]) => (d[k] ? `<path d="${d[k]}" class="${cls}"/>` : '')).join('')}</g>`;
}

function nextFree(model, j, x, nameW) {
  // The label may overflow its bar when no later Job in the lane starts under it.
  const x0 = x(Math.max(j.created, model.from));
  for (const k of model.jobs) if (k !== j && k.lane === j.lane && k.created > j.created) return x(k.created) - x0 > nameW + 6;
  return true;
}

export function cursorSvg(cx, H) {
  return `<g class="cursor"><line x1="${cx.toFixed(1)}" x2="${cx.toFixed(1)}" y1="0" y2="${H}"/></g>`;
}
