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

/**
 * POSTs a file as the request body, reporting upload progress (fetch cannot): onProgress(sentBytes, totalBytes) while
 * it goes, then onSent() once the node has all of it and is working. Resolves to the JSON answer, rejects with an
 * ApiError (or an Error when the connection fails). No time limit: a large import may take minutes after the upload.
 */
export function upload(path, file, { onProgress, onSent } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    if (session && session.csrfToken) xhr.setRequestHeader('X-CSRF-Token', session.csrfToken);
    xhr.upload.addEventListener('progress', (e) => onProgress && onProgress(e.loaded, e.lengthComputable ? e.total : file.size));
    xhr.upload.addEventListener('load', () => onSent && onSent());
    xhr.addEventListener('load', () => {
      let body = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body);
      if (xhr.status === 401) location.replace('/login.html');
      reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new Error('The connection to the node broke off; nothing may have been imported \u2014 look at the bank before trying again.')));
    xhr.addEventListener('abort', () => reject(new Error('The upload was cancelled.')));
    xhr.send(file);
  });
}

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
