// screenshots.mjs — PNGs of both modes (laptop and phone widths) into
// docs/screenshots/, taken from web/dist in headless Chromium.
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, launch, open, hashOf } from '../test/harness.mjs';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

const SCHEDULE = hashOf({ spec: '30 2 * * *', tz: 'America/New_York', from: '2026-03-05T00:00:00Z', n: '8', name: 'nightly-report' });
const MANIFEST = hashOf({ m: 'manifest', sfrom: '2026-01-01T07:59:30Z', win: '600', pods: 'fail-first', failn: '2', rt: '5s', seed: '1', at: '2026-01-01T08:03:10Z' });

const server = await startServer();
const shots = [
  ['schedule.png', { width: 1280, height: 900 }, SCHEDULE],
  ['manifest.png', { width: 1280, height: 900 }, MANIFEST],
  ['schedule-phone.png', { width: 390, height: 844 }, SCHEDULE],
  ['manifest-phone.png', { width: 390, height: 844 }, MANIFEST],
];
try {
  for (const [file, viewport, hash] of shots) {
    const b = await launch({ viewport });
    const page = await open(b.context, server.url, hash);
    await page.waitForTimeout(300);
    // The whole page in the viewport, then two frames: the parts laid out
    // only near the viewport (content-visibility: auto) render before the
    // shot; a fullPage screenshot would leave them blank.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: viewport.width, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(out, file) });
    console.log(`docs/screenshots/${file}`);
    await b.close();
  }
} finally {
  await server.stop();
}
