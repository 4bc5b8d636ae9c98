#!/usr/bin/env node
// perf.mjs — the playground's timings, several builds side by side, in
// headless Chromium (the tests' harness). For bench/README.md's Playground
// section; the tests print the same figures once, this repeats them.
//
//   node web/scripts/perf.mjs [--n 6] [name=DIST[,SERVE_MJS]]...
//
// Default: the current web/dist. Each build is served by its own serve.mjs
// (SERVE_MJS, default web/serve.mjs) on 127.0.0.1; builds alternate. Figures:
//   first result  since navigation start: `cold` the first page of a browser
//                 just started (its own start-up still busy on the same
//                 cores), `first visit` the first load in a browser already
//                 running (nothing of the page cached), `warm` reloads in the
//                 same browser (HTTP and code caches): `DOM` when the runs
//                 are in the document, `screen` after the next frame was
//                 painted;
//   one-day       the seed CronJob (*/1) over a day, 1440 Jobs: window
//                 6 h → 1 day, input → timeline, tables and events written
//                 (data-plan-ms) and painted (data-plan-paint-ms, newer builds);
//   instant       a picked instant (→ key on the one-day timeline) → tables;
//   --day         only the one-day timeline and the instant, every round;
//   --cpu         also the renderer main thread's CPU time of each one-day
//                 re-render (Chromium trace, tasks from the input to 300 ms
//                 after: JS, wasm, style, layout, paint), less load-bound.
// Medians, with min–max. The machine's load average is printed: on a shared
// machine the spread is large; compare builds within one run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, hashOf } from '../test/harness.mjs';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let n = 6, cpu = false, dayOnly = false;
const builds = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--n') n = Number(args[++i]);
  else if (args[i] === '--cpu') cpu = true;
  else if (args[i] === '--day') dayOnly = true;
  else {
    const [name, spec] = args[i].split('=');
    const [root, serve] = spec.split(',');
    builds.push({ name, root, serve: serve || join(web, 'serve.mjs') });
  }
}
if (!builds.length) builds.push({ name: 'current', root: join(web, 'dist'), serve: join(web, 'serve.mjs') });

function serve(script, root) {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [script, '--host', '127.0.0.1', '--port', '0', '--root', root], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => p.kill('SIGTERM') });
    });
    p.once('exit', (c) => reject(new Error(`${script} exited (${c})`)));
  });
}

// The runs table's first rows, seen and then painted (works for any build).
const watchFirstResult = () => {
  const mo = new MutationObserver(() => {
    if (!window.__seen && document.querySelector('#runs tbody tr')) {
      window.__seen = performance.now();
      requestAnimationFrame(() => setTimeout(() => { window.__shown = performance.now(); }, 0));
    }
  });
  document.addEventListener('DOMContentLoaded', () => mo.observe(document.body, { childList: true, subtree: true }));
};

const SCHEDULE = hashOf({ spec: '*/1 * * * *', from: '2026-01-01T07:59:30Z' });
const DAY = hashOf({ m: 'manifest', sfrom: '2025-12-31T23:59:30Z', win: '86400', at: '2026-01-01T12:00:00Z' });

// One load of the page in a new tab: { dom, screen } (watchFirstResult's).
async function firstResult(context, url) {
  const page = await context.newPage();
  await page.goto(url + '#' + SCHEDULE);
  await page.waitForFunction(() => window.__shown, null, { timeout: 30000 });
  const [dom, screen] = await page.evaluate(() => [window.__seen, window.__shown]);
  await page.close();
  return { dom, screen };
}

async function firstResults(url, out) {
  const b = await launch();
  await b.context.addInitScript(watchFirstResult);
  try {
    for (let k = 0; k < 3; k++) out[k ? 'warm' : 'cold'].push(await firstResult(b.context, url));
  } finally { await b.close(); }
}

// A browser that has been running a while (another page shown, fonts and
// processes up), then the playground's first load in it.
async function firstVisit(url, out) {
  const b = await launch();
  await b.context.addInitScript(watchFirstResult);
  try {
    const other = await b.context.newPage();
    await other.setContent('<h1>Another page</h1><p>Text, <code>code</code>, <input type="datetime-local"></p>');
    await other.waitForTimeout(1500);
    out.visit.push(await firstResult(b.context, url));
  } finally { await b.close(); }
}

async function oneDay(url, out) {
  const b = await launch();
  try {
    const page = await b.context.newPage();
    await page.goto(url + '#' + DAY);
    await page.waitForSelector('#timeline svg[data-jobs="1440"]', { timeout: 30000 });
    const cdp = cpu ? await b.context.newCDPSession(page) : null;
    for (let i = 0; i < 3; i++) {
      await page.selectOption('#sim-window', '21600');
      await page.waitForFunction(() => document.querySelector('#timeline svg')?.dataset.jobs === '360');
      let trace = null;
      if (cdp) {
        await page.waitForTimeout(200);
        trace = [];
        const collect = (d) => trace.push(...d.value);
        cdp.on('Tracing.dataCollected', collect);
        trace.done = new Promise((r) => cdp.once('Tracing.tracingComplete', () => { cdp.off('Tracing.dataCollected', collect); r(); }));
        await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
      }
      await page.selectOption('#sim-window', '86400');
      await page.waitForFunction(() => document.querySelector('#timeline svg')?.dataset.jobs === '1440', null, { polling: 100 });
      await page.waitForTimeout(cdp ? 300 : 150);
      if (cdp) {
        await cdp.send('Tracing.end');
        await trace.done;
        const input = trace.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'input');
        const tasks = trace.filter((e) => input && e.pid === input.pid && e.tid === input.tid && e.ph === 'X' && e.name === 'RunTask' && e.ts + e.dur >= input.ts);  // from the task that dispatched the input
        out.cpu.push(tasks.reduce((a, e) => a + (e.tdur ?? 0), 0) / 1000);
      }
      out.day.push(await page.evaluate(() => ({ js: Number(document.body.dataset.planMs), paint: Number(document.body.dataset.planPaintMs) || NaN, parts: document.body.dataset.planParts ?? '' })));
    }
    for (let i = 0; i < 3; i++) {
      await page.focus('#timeline svg');
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(100);
      out.at.push(await page.evaluate(() => Number(document.body.dataset.atMs)));
    }
    await page.close();
  } finally { await b.close(); }
}

const med = (a) => { const s = a.filter((x) => !Number.isNaN(x)).sort((x, y) => x - y); return s.length ? s[Math.floor(s.length / 2)] : NaN; };
const fmt = (a) => {
  const s = a.filter((x) => !Number.isNaN(x));
  return s.length ? `${med(s).toFixed(0)} (${Math.min(...s).toFixed(0)}–${Math.max(...s).toFixed(0)})` : '—';
};

const load0 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const results = {};
for (const bd of builds) {
  bd.server = await serve(bd.serve, bd.root);
  results[bd.name] = { cold: [], visit: [], warm: [], day: [], at: [], cpu: [] };
}
try {
  for (let i = 0; i < n; i++) {
    for (const bd of i % 2 ? [...builds].reverse() : builds) {
      if (!dayOnly) await firstResults(bd.server.url, results[bd.name]);
      if (!dayOnly) await firstVisit(bd.server.url, results[bd.name]);
      if (dayOnly || i < Math.ceil(n / 3)) await oneDay(bd.server.url, results[bd.name]);
    }
  }
} finally {
  for (const bd of builds) bd.server.stop();
}
const load1 = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`# ${new Date().toISOString()} · ${n} rounds · load average ${load0} → ${load1} · medians (min–max), ms`);
for (const [name, r] of Object.entries(results)) {
  console.log(`${name}:`);
  console.log(`  first result, cold   DOM ${fmt(r.cold.map((x) => x.dom))} · screen ${fmt(r.cold.map((x) => x.screen))}`);
  console.log(`  first result, visit  DOM ${fmt(r.visit.map((x) => x.dom))} · screen ${fmt(r.visit.map((x) => x.screen))}`);
  console.log(`  first result, warm   DOM ${fmt(r.warm.map((x) => x.dom))} · screen ${fmt(r.warm.map((x) => x.screen))}`);
  console.log(`  one-day timeline     written ${fmt(r.day.map((x) => x.js))} · painted ${fmt(r.day.map((x) => x.paint))}`);
  if (cpu) console.log(`  one-day, main-thread CPU ${fmt(r.cpu)}`);
  console.log(`  pick an instant      ${fmt(r.at)}`);
  const last = r.day.at(-1)?.parts;
  if (last) console.log(`  last one-day parts   ${last}`);
}
