// sw.js — makes the playground work offline once it has loaded: every
// request goes to the network first and falls back to the copy cached on the
// last successful load (so a new build is never hidden behind a stale cache).
const CACHE = 'kron-playground';
const SHELL = ['./', 'index.html', 'style.css', 'app.js', 'engine.js', 'schedule.js', 'manifest.js',
  'timeline.js', 'util.js', 'seeds.js', 'kron/src/index.js', 'kron/dist/kron.cjs', 'kron/dist/kron.wasm'];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET') return;
  e.respondWith(
    fetch(e.request)
      .then((r) => {
        if (r.ok) { const copy = r.clone(); caches.open(CACHE).then((c) => c.put(e.request, copy)); }
        return r;
      })
      .catch(() => caches.match(e.request, { ignoreSearch: true })),
  );
});
