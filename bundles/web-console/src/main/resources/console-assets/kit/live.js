// Live updates over Server-Sent Events: one EventSource per page on GET /api/console/events, which
// streams the Wubu events the user may see ("approvals", "backups", "audit", "orders"; see ConsoleEvents). The
// browser reconnects by itself; when the server refused the stream (e.g. the session ended) it tries
// again after a while. Subscribe to "ready" to refresh after every (re)connection, since events sent
// while disconnected are not repeated.
const STREAM = '/api/console/events';
const RETRY_MS = 30000;
const handlers = new Map();
let source = null;

function connect() {
  source = new EventSource(STREAM, { withCredentials: true });
  for (const type of handlers.keys()) attach(type);
  source.addEventListener('ready', () => { document.documentElement.dataset.live = 'ready'; });
  source.addEventListener('error', () => {
    if (source && source.readyState === EventSource.CLOSED) {
      document.documentElement.dataset.live = 'closed';
      source = null;
      setTimeout(() => { if (!source && handlers.size) connect(); }, RETRY_MS);
    } else {
      document.documentElement.dataset.live = 'connecting';
    }
  });
}

function attach(type) {
  source.addEventListener(type, (ev) => {
    let data = null;
    try { data = ev.data ? JSON.parse(ev.data) : null; } catch (e) { data = ev.data; }
    for (const h of handlers.get(type) || []) {
      try { h(data); } catch (e) { /* one page's handler must not stop the others */ }
    }
  });
}

// A page left for another one may stay in the browser's back/forward cache with its stream open, and a
// browser allows only six connections to one server: a few pages later every request of the new page would
// wait. So the stream closes when the page is hidden and opens again if the page comes back from the cache.
addEventListener('pagehide', () => {
  if (source) source.close();
  source = null;
});
addEventListener('pageshow', (ev) => {
  if (ev.persisted && !source && handlers.size) connect();
});

/** Calls handler(data) for every event of this type; answers a function that stops it. */
export function live(type, handler) {
  const fresh = !handlers.has(type);
  if (fresh) handlers.set(type, new Set());
  handlers.get(type).add(handler);
  if (!source) connect();
  else if (fresh) attach(type);
  return () => {
    const set = handlers.get(type);
    if (set) set.delete(handler);
  };
}

/** Stops listening altogether (e.g. before logout). */
export function stopLive() {
  handlers.clear();
  if (source) source.close();
  source = null;
}

/** Runs fn at most once per wait ms, the last call winning: for refreshing on bursts of events. */
export function debounce(fn, wait = 300) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), wait);
  };
}
