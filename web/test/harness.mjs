// harness.mjs — serve web/dist with serve.mjs on a free port and drive Debian's
// Chromium through playwright-core (no browser download), fresh profile each run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');

export const CHROMIUM = process.env.KRON_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Starts serve.mjs on 127.0.0.1:0; resolves { url, stop }.
export function startServer(extraArgs = []) {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(web, 'serve.mjs'), '--host', '127.0.0.1', '--port', '0', ...extraArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => { proc.kill(); reject(new Error(`serve.mjs printed no URL: ${out}`)); }, 10000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], stop: () => new Promise((r) => { proc.once('exit', r); proc.kill('SIGTERM'); }) });
      }
    });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`serve.mjs exited (${code}): ${out}`)); });
  });
}

export async function launch({ viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'kron-web-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport,
  });
  return {
    context,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

// Opens the playground at `hash` and waits for the first result.
export async function open(context, url, hash = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url + (hash ? `#${hash}` : ''));
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  page.errors = errors;
  return page;
}

export const hashOf = (o) => new URLSearchParams(o).toString();
