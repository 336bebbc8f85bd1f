// Culture Cloud's service worker (our own; served by the server with this build's version and
// files filled in). What it keeps, and how:
// - this build's files (the residents' bundle, styles, scripts, icons): cache first, since
//   their URLs name their content; caches of other builds are deleted once this one runs;
// - residents' pages, and the door page of the console: network first, the last copy kept as
//   the fallback when the network is gone (served with a mark the page turns into a banner);
//   a page never seen offline gets the offline page, in the visitor's language;
// - ticket QR codes: network first, the last copy as the fallback;
// - never: anything not a GET, the API and server functions, the dashboard's stream, or any
//   other console page.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const FILES = 'cc-files-' + VERSION;
const PAGES = 'cc-pages';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(FILES)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => caches.open(PAGES))
      .then((pages) => pages.add(new Request('/offline', { credentials: 'same-origin' })))
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('cc-files-') && k !== FILES).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  // After a logout: personal pages and tickets leave this phone.
  if (event.data === 'forget-personal') event.waitUntil(caches.delete(PAGES).then(() => refreshOffline()));
  // After a change of language: the offline page in the new one.
  if (event.data === 'refresh-offline') event.waitUntil(refreshOffline());
});

function refreshOffline() {
  return caches.open(PAGES).then((pages) => pages.add(new Request('/offline', { credentials: 'same-origin' })));
}

/** Files of the build: cache first. */
function isFile(url) {
  return /^\/(pkg|vendor|js|icons)\//.test(url.pathname) || url.pathname === '/favicon.svg' || url.pathname === '/manifest.webmanifest';
}

/** Pages worth keeping for offline use. */
function isKeptPage(url) {
  if (url.pathname.startsWith('/staff')) return /^\/staff\/checkin\/\d+$/.test(url.pathname);
  return !url.pathname.startsWith('/api/') && url.pathname !== '/offline';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (isFile(url)) {
    event.respondWith(
      caches.match(request).then((hit) => hit || fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(FILES).then((cache) => cache.put(request, copy));
        }
        return response;
      }))
    );
    return;
  }

  if (/^\/api\/v1\/bookings\/\d+\/ticket\.svg$/.test(url.pathname)) {
    event.respondWith(networkFirst(request, false));
    return;
  }

  if (request.mode === 'navigate' && isKeptPage(url)) {
    event.respondWith(networkFirst(request, true));
  }
});

/** The network's answer, kept; without a network, the kept copy — or the offline page. */
function networkFirst(request, page) {
  return fetch(request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        const saved = new Date().toISOString();
        caches.open(PAGES).then((cache) => copy.blob().then((body) => {
          const headers = new Headers(copy.headers);
          headers.set('x-cc-saved-at', saved);
          return cache.put(request, new Response(body, { status: copy.status, headers }));
        }));
      }
      return response;
    })
    .catch(() => caches.open(PAGES).then((cache) => cache.match(request, { ignoreVary: true }).then((hit) => {
      if (hit && page) return markedCopy(hit);
      if (hit) return hit;
      if (page) return cache.match('/offline').then((offline) => offline || Response.error());
      return Response.error();
    })));
}

/** A kept page, marked on its <body> with when it was saved, for the page's banner. Its own
 * headers stay (the Content-Security-Policy names the nonce its scripts carry). */
function markedCopy(response) {
  const saved = (response.headers.get('x-cc-saved-at') || '').replace(/[^0-9TZ:.-]/g, '');
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return response.text().then((html) => new Response(
    html.replace('<body', '<body data-offline-copy="' + saved + '"'),
    { status: 200, headers }
  ));
}
