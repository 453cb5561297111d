// The console talks to the same /api/v1 as any token holder: the session cookie goes along by itself,
// and every state-changing request carries the session's CSRF token.

let session = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ('HTTP ' + status));
    this.status = status;
    this.type = problem.type;
    this.detail = problem.detail;
  }
}

export function currentSession() {
  return session;
}

export function may(permission) {
  return !!session && session.permissions.includes(permission);
}

/** Who is signed in; on no session, off to the sign-in page. */
export async function loadSession() {
  const response = await fetch('/console/session', { headers: { Accept: 'application/json' } });
  if (response.status === 401) {
    location.replace('/login.html');
    return new Promise(() => {});
  }
  if (!response.ok) throw await failure(response);
  session = await response.json();
  return session;
}

async function failure(response) {
  let problem = {};
  try {
    problem = await response.json();
  } catch { /* not JSON */ }
  if (response.status === 401) {
    location.replace('/login.html');
  }
  return new ApiError(response.status, problem);
}

export async function request(method, path, body, options = {}) {
  const headers = { Accept: 'application/json' };
  if (method !== 'GET' && session && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: payload, signal: options.signal });
  if (!response.ok) throw await failure(response);
  if (options.raw) return response;
  if (response.status === 204) return null;
  return response.json();
}

export const get = (path, options) => request('GET', path, undefined, options);
export const post = (path, body, options) => request('POST', path, body === undefined ? {} : body, options);
export const del = (path) => request('DELETE', path);

/** POST without a JSON body (routes that take none). */
export async function act(path) {
  const headers = { Accept: 'application/json' };
  if (session && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const response = await fetch(path, { method: 'POST', headers });
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

export async function signOut() {
  try {
    await act('/console/logout');
  } finally {
    location.replace('/login.html');
  }
}
