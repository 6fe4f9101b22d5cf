/**
 * The page's service worker: keeps the page and its bundle (the "app shell") in Cache Storage so
 * a reload with no network still opens the page. Stale-while-revalidate: answer from the cache at
 * once, refresh the cache from the network in the background. The packet and the answers are not
 * here: they live in IndexedDB (see `store.ts`); `/packet` and `/sync` always go to the network.
 */
interface FetchEventLike extends Event {
  request: Request;
  respondWith(response: Promise<Response>): void;
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: FetchEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  location: Location;
}

const scope = self as unknown as WorkerScope;
const CACHE = 'offline-visit-shell-v1';
const SHELL = ['/', '/app.js'];

const refresh = async (key: string): Promise<Response> => {
  const response = await fetch(key, { cache: 'no-cache' });
  if (response.ok) await (await caches.open(CACHE)).put(key, response.clone());
  return response;
};

scope.addEventListener('install', (event) =>
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => scope.skipWaiting()),
  ),
);
scope.addEventListener('activate', (event) => event.waitUntil(scope.clients.claim()));
scope.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== scope.location.origin || !SHELL.includes(url.pathname)) return;
  const key = url.pathname;
  event.respondWith(
    caches.match(key).then((cached) => {
      const fresh = refresh(key);
      if (!cached) return fresh;
      event.waitUntil(fresh.catch(() => undefined)); // offline: keep the cached copy
      return cached;
    }),
  );
});
