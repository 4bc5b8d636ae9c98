// sw.js — makes the playground work offline once it has loaded: every
// request goes to the network first and falls back to the copy cached on the
// last successful load (so a new build is never hidden behind a stale cache).
// Kept cheap on the way to the first result: navigation preload (the page's
// request does not wait for this worker to start), and a response is copied
// into the cache only when its ETag differs from the cached one (not the
// whole engine on every load).
const CACHE = 'kron-playground';
const SHELL = ['./', 'index.html', 'style.css', 'app.js', 'engine.js', 'schedule.js', 'manifest.js',
  'timeline.js', 'util.js', 'seeds.js', 'kron/src/index.js', 'kron/dist/kron.cjs', 'kron/dist/kron.wasm'];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(Promise.all([self.clients.claim(), self.registration.navigationPreload?.enable()]));
});

async function remember(request, response) {
  const cache = await caches.open(CACHE);
  const tag = response.headers.get('ETag');
  if (tag) {
    const old = await cache.match(request, { ignoreSearch: true });
    if (old && old.headers.get('ETag') === tag) return;
  }
  await cache.put(request, response);
}

self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET') return;
  const network = (async () => (e.request.mode === 'navigate' && (await e.preloadResponse)) || fetch(e.request))();
  e.respondWith(network
    .then((r) => {
      if (r.ok) e.waitUntil(remember(e.request, r.clone()));
      return r;
    })
    .catch(() => caches.match(e.request, { ignoreSearch: true })));
});
