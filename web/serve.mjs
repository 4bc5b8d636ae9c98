#!/usr/bin/env node
// serve.mjs — a tiny static file server for kron's playground (web/dist).
// No server logic: the page works from any static folder; this only exists so
// that `bash scripts/run.sh` and the tests have one that sends the right MIME
// types (application/wasm lets browsers compile kron.wasm while it streams).
//
//   node web/serve.mjs [--host 127.0.0.1] [--port 8080] [--root web/dist]
//
// --port 0 picks a free port. The first line printed is the URL.
//
// Files are kept in memory once read (until they change on disk) and carry
// an ETag: the browser revalidates each load (Cache-Control: no-cache, so a
// new build shows at once) and gets 304 for what it has. No compression: on
// the loopback it costs more time than the bytes it saves.
import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
function opt(name, dflt) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
}
const host = opt('host', '127.0.0.1');
const port = Number(opt('port', '8080'));
const root = resolve(opt('root', join(here, 'dist')));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const files = new Map();  // path → { mtimeMs, size, body, etag, modified }

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    const st = await stat(file).catch(() => null);
    if (!st || !st.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    let c = files.get(file);
    if (!c || c.mtimeMs !== st.mtimeMs || c.size !== st.size) {
      c = { mtimeMs: st.mtimeMs, size: st.size, body: await readFile(file),
        etag: `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`,
        modified: new Date(st.mtimeMs).toUTCString() };
      files.set(file, c);
    }
    const headers = { ETag: c.etag, 'Last-Modified': c.modified, 'Cache-Control': 'no-cache' };
    if (req.headers['if-none-match'] === c.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, {
      ...headers,
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': c.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : c.body);
  } catch (e) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${e}\n`);
  }
});

server.listen(port, host, () => {
  const a = server.address();
  const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  console.log(`kron playground: http://${shown}:${a.port}/`);
  console.log(`serving ${root} (Ctrl-C to stop)`);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
