// The console's door to /api: JSON in and out, the CSRF token on unsafe requests, and back to the
// login page (remembering where the user was) when the session has ended.
import { currentLang } from './i18n.js';

const CSRF = 'wubu.csrf';
// Transitional: while the platform has no POST /api/session, the console logs in with HTTP Basic and
// keeps the header for this browser tab only. Gone once every server has sessions.
const BASIC = 'wubu.basic';
const SAFE = ['GET', 'HEAD', 'OPTIONS'];

export class ApiError extends Error {
  constructor(status, code, message, details) {
    super(message || code || ('HTTP ' + status));
    this.status = status;
    this.code = code;
    this.details = details || {};
  }
}

export function loginUrl(reason) {
  const here = location.pathname + location.search + location.hash;
  return '/console/login?next=' + encodeURIComponent(here) + (reason ? '&reason=' + encodeURIComponent(reason) : '');
}

/**
 * Calls the API. Options: method, body (sent as JSON), headers, allow (statuses the caller handles
 * itself instead of an ApiError), noLoginRedirect. Answers {status, data}.
 */
export async function api(path, options = {}) {
  const method = (options.method || 'GET').toUpperCase();
  const headers = { Accept: 'application/json', 'Accept-Language': currentLang(), ...(options.headers || {}) };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const basic = sessionStorage.getItem(BASIC);
  if (basic && !headers.Authorization) headers.Authorization = basic;
  if (!SAFE.includes(method)) {
    const token = sessionStorage.getItem(CSRF);
    if (token) headers['X-CSRF-Token'] = token;
  }
  let resp;
  try {
    resp = await fetch(path, {
      method, headers, credentials: 'same-origin', cache: 'no-store',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (e) {
    throw new ApiError(0, 'network', e.message);
  }
  const text = await resp.text();
  let data = null;
  if (text) {
    try { data = JSON.parse(text); } catch (e) { data = { message: text }; }
  }
  const allow = options.allow || [];
  if (resp.status === 401 && !allow.includes(401) && !options.noLoginRedirect) {
    const reason = data && data.error === 'session-expired' ? 'expired' : 'login';
    location.assign(loginUrl(reason));
    throw new ApiError(401, data && data.error, data && data.message);
  }
  if (!resp.ok && !allow.includes(resp.status)) {
    throw new ApiError(resp.status, data && data.error, data && data.message, data && data.details);
  }
  return { status: resp.status, data };
}

function basicHeader(username, password) {
  const bytes = new TextEncoder().encode(username + ':' + password);
  let bin = '';
  bytes.forEach((b) => { bin += String.fromCharCode(b); });
  return 'Basic ' + btoa(bin);
}

/**
 * Logs in. Answers {ok: true, user} or {ok: false, status, message}. Uses POST /api/session; on a
 * server without sessions yet, falls back to HTTP Basic for this tab.
 */
export async function login(username, password) {
  sessionStorage.removeItem(BASIC);
  sessionStorage.removeItem(CSRF);
  const r = await api('/api/session', { method: 'POST', body: { username, password }, allow: [400, 401, 403, 404, 429] });
  if (r.status === 200) {
    if (r.data && r.data.csrfToken) sessionStorage.setItem(CSRF, r.data.csrfToken);
    return { ok: true, user: r.data };
  }
  const legacy = r.status === 404 || (r.status === 401 && r.data && typeof r.data.message === 'string'
      && r.data.message.startsWith('log in first'));
  if (!legacy) return { ok: false, status: r.status, message: r.data && r.data.message };
  const header = basicHeader(username, password);
  const me = await api('/api/security/me', { headers: { Authorization: header }, allow: [401, 403, 404, 429] });
  if (me.status !== 200) return { ok: false, status: me.status, message: me.data && me.data.message };
  sessionStorage.setItem(BASIC, header);
  return { ok: true, user: me.data };
}

/** After a successful password change: a Basic login must carry the new password from now on. */
export function passwordChanged(username, password) {
  if (sessionStorage.getItem(BASIC)) sessionStorage.setItem(BASIC, basicHeader(username, password));
}

/** The logged-in member of staff {username, roles, permissions, mustChangePassword}; to the login page if none. */
export async function whoami() {
  let r = await api('/api/session', { allow: [404] });
  if (r.status === 404) r = await api('/api/security/me');
  else if (r.data && r.data.csrfToken) sessionStorage.setItem(CSRF, r.data.csrfToken);
  const u = r.data || {};
  return {
    username: u.username,
    roles: u.roles || [],
    permissions: u.permissions || [],
    mustChangePassword: !!u.mustChangePassword,
    passwordExpiresInDays: u.passwordExpiresInDays,
  };
}

export async function logout() {
  try {
    await api('/api/session', { method: 'DELETE', allow: [401, 403, 404], noLoginRedirect: true });
  } finally {
    sessionStorage.removeItem(BASIC);
    sessionStorage.removeItem(CSRF);
  }
}

/** The same rules as the server's Caller.hasPermission: exact, "*", "area.*", "*.read". */
export function hasPermission(user, permission) {
  if (!permission) return true;
  const granted = user.permissions || [];
  if (granted.includes('*') || granted.includes(permission)) return true;
  return granted.some((g) => (g.endsWith('.*') && permission.startsWith(g.slice(0, -1)))
      || (g.startsWith('*.') && permission.endsWith(g.slice(1))));
}
