// schedule.js — Schedule mode: the spec, its zone, the next runs with their
// Job and Pod names, DST notes, day matching and "never fires".
//
// Every fire time comes from the engine (kron.next, robfig/cron v3's Next as
// the CronJob controller calls it) and every UTC offset from the engine's tz
// data (kron.zoneOffset). The DST notes only compare those answers: a
// wall-clock time the schedule names inside a spring-forward gap is a run
// that never happens (or happens at another time, whatever the engine says),
// and a wall-clock time that comes back in a fall-back hour is a run that
// happens twice if the engine fires at both instants.
import * as engine from './engine.js';
import { $, esc, fmtUTC, fmtWall, fmtOffset, wall } from './util.js';

const TZ_PREFIX = /^\s*(?:CRON_)?TZ=(\S*)\s*/;

// The zone the schedule runs in: its own TZ=/CRON_TZ= prefix wins over
// spec.timeZone (the controller only prefixes a spec that has none).
function effectiveZone(spec, zone) {
  const m = TZ_PREFIX.exec(spec);
  if (m) return m[1];
  return zone || 'UTC';
}

const isEvery = (body) => /^@every\b/.test(body.trim());

// Offset changes of `zone` in (a, b] (Unix seconds): [{ t, before, after }].
// Samples weekly and bisects each change to the second (zones do not change
// offset twice within a week).
function transitions(zone, a, b) {
  const out = [];
  const STEP = 7 * 86400;
  const off = (t) => engine.zoneOffset(zone, t).offsetSeconds;
  let t0 = a, o0 = off(a);
  while (t0 < b) {
    const t1 = Math.min(b, t0 + STEP);
    const o1 = off(t1);
    if (o1 !== o0) {
      let lo = t0, hi = t1;  // off(lo) = o0, off(hi) = o1
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (off(mid) === o0) lo = mid; else hi = mid;
      }
      out.push({ t: hi, before: o0, after: o1 });
    }
    t0 = t1; o0 = o1;
  }
  return out;
}

// DST notes for the runs in [fromSec, lastSec]:
//   rowNotes: Map(fire second → note) for runs in a repeated hour;
//   skipped:  [{ t, text }] runs the wall clock names but that never happen.
function dstNotes(spec, zone, tzName, fromSec, lastSec) {
  const rowNotes = new Map();
  const skipped = [];
  const body = spec.replace(TZ_PREFIX, '');
  if (isEvery(body) || lastSec <= fromSec) return { rowNotes, skipped };
  for (const tr of transitions(tzName, fromSec, lastSec)) {
    const delta = Math.abs(tr.after - tr.before);
    const w0 = wall(tr.t, tr.before), w1 = wall(tr.t, tr.after);
    if (tr.after > tr.before) {
      // Spring forward: wall-clock [t+before, t+after) does not exist. The
      // schedule's wall-clock times there: the same spec evaluated in UTC.
      const gapStart = tr.t + tr.before, gapEnd = tr.t + tr.after;
      const named = engine.next(body, 'UTC', gapStart - 1, 120).map((d) => d.getTime() / 1000).filter((s) => s < gapEnd);
      if (!named.length) continue;
      const real = engine.next(spec, zone, tr.t - 1, 3).map((d) => d.getTime() / 1000).filter((s) => s < tr.t + delta);
      const times = named.map((s) => wall(s, 0).hm);
      const list = times.length > 4 ? `${times.slice(0, 3).join(', ')} … ${times[times.length - 1]} (${times.length} runs)` : times.join(', ');
      const clocks = `clocks jump from ${w0.hm} to ${w1.hm} (${fmtOffset(tr.before)} → ${fmtOffset(tr.after)})`;
      const text = real.length
        ? `DST: ${list} on ${wall(gapStart, 0).date} do not exist in ${tzName} — ${clocks}; the controller runs at ${fmtWall(real[0], tr.after).slice(15, 20)} instead.`
        : `DST: skipped — ${list} on ${wall(gapStart, 0).date} ${times.length > 1 ? 'do' : 'does'} not exist in ${tzName} (${clocks}), so ${times.length > 1 ? 'these runs never happen' : 'this run never happens'}.`;
      skipped.push({ t: tr.t, text, wallTimes: times, date: wall(gapStart, 0).date, moved: real.length > 0 });
    } else {
      // Fall back: wall-clock [t+after, t+before) happens twice.
      const fires = engine.next(spec, zone, tr.t - delta - 1, 240).map((d) => d.getTime() / 1000).filter((s) => s < tr.t + delta);
      const byWall = new Map();
      for (const s of fires) {
        const o = s < tr.t ? tr.before : tr.after;
        const key = s + o;
        if (key >= tr.t + tr.after && key < tr.t + tr.before) {
          if (!byWall.has(key)) byWall.set(key, []);
          byWall.get(key).push(s);
        }
      }
      for (const [key, list] of byWall) {
        const hm = wall(key, 0).hm;
        const clocks = `clocks go back from ${w0.hm} to ${w1.hm} on ${w1.date} (${fmtOffset(tr.before)} → ${fmtOffset(tr.after)})`;
        list.forEach((s, i) => {
          rowNotes.set(s, list.length > 1
            ? `DST: doubled — ${hm} happens twice in ${tzName} (${clocks}); this is run ${i + 1} of 2.`
            : `DST: ${hm} happens twice in ${tzName} (${clocks}); the controller runs only at this one.`);
        });
      }
    }
  }
  return { rowNotes, skipped };
}

// Renders Schedule mode from the form's values; returns how long it took (ms).
export function renderSchedule(state) {
  const t0 = performance.now();
  const spec = state.spec;
  const zoneInput = state.tz.trim();
  const name = state.name.trim() || 'cronjob';
  const N = Math.max(1, Math.min(500, state.n | 0 || 10));
  const fromSec = Math.floor(state.from / 1000);

  const specEl = $('spec'), backdrop = $('spec-backdrop'), specErr = $('spec-error');
  const zoneErr = $('zone-error');
  const describeEl = $('describe'), dayEl = $('day-matching'), neverEl = $('never');
  const tbody = $('runs').querySelector('tbody');
  const notesEl = $('dst-notes');

  // Zone first: spec.timeZone must be a zone the API server can load.
  let zoneOk = true;
  zoneErr.textContent = '';
  $('zone').setAttribute('aria-invalid', 'false');
  if (zoneInput) {
    try { engine.zoneOffset(zoneInput, fromSec); } catch (e) {
      zoneOk = false;
      zoneErr.textContent = `spec.timeZone: Invalid value: "${zoneInput}": ${e.message}`;
      $('zone').setAttribute('aria-invalid', 'true');
    }
  }

  const parsed = engine.parse(spec, zoneOk ? zoneInput : '');
  if (parsed.error) {
    const { message, begin, end } = parsed.error;
    specErr.innerHTML = `<span class="sr-only">Error: </span>${esc(message)}`;
    specEl.setAttribute('aria-invalid', 'true');
    if (begin >= 0) {
      const e = Math.max(end, begin + 1);
      const shown = spec + (e > spec.length ? ' ' : '');  // an error at the end marks a blank
      backdrop.innerHTML = `${esc(shown.slice(0, begin))}<mark class="err" data-begin="${begin}" data-end="${end}">${esc(shown.slice(begin, e))}</mark>${esc(shown.slice(e))}`;
      specErr.innerHTML += ` <span class="where">(characters ${begin + 1}–${Math.max(end, begin + 1)}: “<code>${esc(spec.slice(begin, Math.max(end, begin + 1)) || ' ')}</code>”)</span>`;
    } else {
      backdrop.innerHTML = `<mark class="err whole">${esc(spec || ' ')}</mark>`;
    }
    describeEl.textContent = '';
    dayEl.textContent = '';
    neverEl.hidden = true;
    tbody.innerHTML = '';
    notesEl.innerHTML = '';
    $('runs').classList.add('stale');
    $('schedule-summary').textContent = `Invalid schedule: ${message}`;
    return performance.now() - t0;
  }
  specErr.textContent = '';
  specEl.setAttribute('aria-invalid', 'false');
  backdrop.textContent = spec;
  $('runs').classList.remove('stale');
  if (!zoneOk) {
    tbody.innerHTML = '';
    notesEl.innerHTML = '';
    return performance.now() - t0;
  }

  const zone = zoneInput;
  const tzName = effectiveZone(spec, zone);
  const schedule = parsed.schedule;

  // What the engine says about the schedule itself.
  const description = engine.describe(schedule);
  describeEl.textContent = description;
  const dm = engine.dayMatching(schedule);
  dayEl.innerHTML = `<strong>Day matching: ${esc(dm.rule)}</strong> — ${esc(dm.why)}`;
  dayEl.dataset.rule = dm.rule;

  const fires = engine.next(spec, zone, fromSec, N);
  const can = engine.canEverFire(schedule);
  if (!can || fires.length === 0) {
    neverEl.hidden = false;
    neverEl.innerHTML = `<strong>Never fires.</strong> ${!can
      ? 'No date can ever match this schedule (a day that no month has, or one that the month field excludes).'
      : 'robfig/cron finds no matching time in the five years after From.'} The API server accepts it, but the CronJob controller never creates a Job (it records an <code>InvalidSchedule</code> warning instead).`;
  } else if (fires.length < N) {
    neverEl.hidden = false;
    neverEl.innerHTML = `Only ${fires.length} run${fires.length === 1 ? '' : 's'} within robfig/cron's five-year search after From.`;
  } else {
    neverEl.hidden = true;
    neverEl.textContent = '';
  }

  const lastSec = fires.length ? fires[fires.length - 1].getTime() / 1000 : fromSec;
  let dst = { rowNotes: new Map(), skipped: [] };
  try { dst = dstNotes(spec, zone, tzName, fromSec, lastSec); } catch { /* zone without data */ }

  // Rows: runs, plus struck-through rows for skipped runs, in time order.
  const rows = [];
  let i = 0, k = 0;
  const skipped = dst.skipped.filter((s) => s.t > fromSec && (fires.length < N || s.t <= lastSec));
  const jobs = fires.map((f) => engine.jobName(name, f));
  const pods = engine.podNames(jobs, state.seed | 0);
  for (const f of fires) {
    const s = f.getTime() / 1000;
    while (k < skipped.length && skipped[k].t <= s) {
      const sk = skipped[k++];
      rows.push(`<tr class="skipped" data-skipped="1"><td>—</td><td class="t"><del>${esc(sk.date)} ${esc(sk.wallTimes.join(', '))}</del> <span class="tag">${sk.moved ? 'moved' : 'skipped'}</span></td><td colspan="4" class="note">${esc(sk.text)}</td></tr>`);
    }
    const off = engine.zoneOffset(tzName, s).offsetSeconds;
    const job = jobs[i];
    const pod = pods[i];
    // Job names have minute resolution (@every under a minute collides).
    const dup = jobs.indexOf(jobs[i]);
    const note = dup < i
      ? `Same Job name as run ${dup + 1}: the API server refuses this Job (AlreadyExists), so this run does not start.`
      : dst.rowNotes.get(s) ?? '';
    i++;
    rows.push(`<tr${note ? ' class="dst"' : ''}><td class="n">${i}</td><td class="t" data-label="${esc(tzName)}">${esc(fmtWall(s, off))}</td><td class="t" data-label="UTC">${esc(fmtUTC(s * 1000))}</td><td class="name job" data-label="Job">${esc(job)}</td><td class="name pod" data-label="Pod">${esc(pod)}</td><td class="note"${note ? '' : ' data-empty="1"'}>${esc(note)}</td></tr>`);
  }
  while (k < skipped.length) {
    const sk = skipped[k++];
    rows.push(`<tr class="skipped" data-skipped="1"><td>—</td><td class="t"><del>${esc(sk.date)} ${esc(sk.wallTimes.join(', '))}</del> <span class="tag">${sk.moved ? 'moved' : 'skipped'}</span></td><td colspan="4" class="note">${esc(sk.text)}</td></tr>`);
  }
  tbody.innerHTML = rows.join('');
  $('runs-zone-col').textContent = `Time in ${tzName}`;
  const dstTexts = [...skipped.map((s) => s.text), ...new Set(dst.rowNotes.values())];
  notesEl.innerHTML = dstTexts.map((t) => `<li>${esc(t)}</li>`).join('');
  $('schedule-summary').textContent = fires.length
    ? `${description ? description + '. ' : ''}${fires.length} runs; first ${fmtWall(fires[0].getTime() / 1000, engine.zoneOffset(tzName, fires[0].getTime() / 1000).offsetSeconds)}, Job ${jobs[0]}${skipped.length ? `; ${skipped.length} skipped by DST` : ''}.`
    : 'Never fires.';
  return performance.now() - t0;
}
