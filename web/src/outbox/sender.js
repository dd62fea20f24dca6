// One attempt to POST a packaged request: multipart/form-data with a JSON part
// `request` and one `file` part per attachment, the request's Idempotency-Key,
// and upload progress.
//
// Why XMLHttpRequest and not fetch: fetch reports no upload progress, and the
// streaming-body workaround (a ReadableStream body with duplex: 'half') is
// refused by Chromium over HTTP/1.1 — the reference server and many portal
// front ends speak HTTP/1.1 — and is missing from Safari. XHR's upload
// `progress` events work everywhere, with a FormData body the browser frames
// itself (boundary, Content-Length), so the bytes are the same on every retry.
//
// The answer is classified for the outbox:
//   {kind: 'created', created, replayed}        201 with a readable body
//   {kind: 'retry', status, retryAfterMs, code} network failure, stall, 408/425/429/5xx
//   {kind: 'fix', status, errors, problem}      422 validation_failed: the form must change
//   {kind: 'fatal', status, code, problem}      any other 4xx: sending again cannot help

import { parseRetryAfter } from './backoff.js';

const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// A 201 whose body lost its way (a proxy, a truncated read) is retried: the
// same key brings the same answer back.
export function readCreated(body) {
  if (!body || typeof body !== 'object') return null;
  const { number, access_token: token, due_date: due } = body;
  if (typeof number !== 'string' || typeof token !== 'string' || typeof due !== 'string') return null;
  if (number.length > 64 || token.length > 512 || due.length > 32) return null;
  return {
    number,
    access_token: token,
    due_date: due,
    status: typeof body.status === 'string' ? body.status : 'accepted',
    created_at: typeof body.created_at === 'string' ? body.created_at : null,
    priority: typeof body.priority === 'string' ? body.priority : null,
  };
}

// Field errors as the server gives them (path, code, key, params, message, hint),
// kept to plain strings: they are untrusted and only ever shown as text.
export function readFieldErrors(problem) {
  if (!problem || !Array.isArray(problem.errors)) return [];
  const text = (v) => (typeof v === 'string' ? v.slice(0, 2000) : null);
  return problem.errors
    .filter((e) => e && typeof e.path === 'string')
    .slice(0, 100)
    .map((e) => ({
      path: text(e.path),
      code: text(e.code),
      key: text(e.key),
      params: e.params && typeof e.params === 'object' ? Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, String(v)])) : {},
      message: text(e.message),
      hint: text(e.hint),
    }));
}

export function classify(status, bodyText, retryAfterHeader, nowMs) {
  const body = parseJson(bodyText);
  if (status === 201 || status === 200) {
    const created = readCreated(body);
    return created ? { kind: 'created', created } : { kind: 'retry', status, retryAfterMs: null, code: 'unreadable_response' };
  }
  const code = body && typeof body.code === 'string' ? body.code : null;
  const problem = body && typeof body === 'object' ? { code, title: typeof body.title === 'string' ? body.title : null, detail: typeof body.detail === 'string' ? body.detail : null } : null;
  if (status === 0 || RETRYABLE.has(status) || status >= 500 || status < 400) {
    return { kind: 'retry', status, retryAfterMs: parseRetryAfter(retryAfterHeader, nowMs), code: code || (status === 0 ? 'network' : 'http_' + status) };
  }
  if (status === 422 && code === 'validation_failed') return { kind: 'fix', status, errors: readFieldErrors(body), problem };
  return { kind: 'fatal', status, code: code || 'http_' + status, problem };
}

export function buildBody(requestText, files) {
  const form = new FormData();
  form.append('request', new Blob([requestText], { type: 'application/json' }), 'request.json');
  for (const f of files) form.append('file', f.blob, f.name);
  return form;
}

// stallMs: give up when nothing moved (no upload progress, no response) for
// that long; a slow but moving upload is never cut.
export function sendOnce({ url, key, requestText, files, locale, stallMs = 30000, onProgress, now = Date.now, XHR = globalThis.XMLHttpRequest }) {
  return new Promise((resolve) => {
    const xhr = new XHR();
    let settled = false;
    let stallTimer = null;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(stallTimer);
      resolve(result);
    };
    const watch = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        xhr.abort();
        finish({ kind: 'retry', status: 0, retryAfterMs: null, code: 'stalled' });
      }, stallMs);
    };
    xhr.open('POST', url);
    xhr.setRequestHeader('Idempotency-Key', key);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (locale) xhr.setRequestHeader('Accept-Language', locale);
    xhr.upload.onprogress = (e) => {
      watch();
      if (onProgress && e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onreadystatechange = watch;
    xhr.onload = () => finish(classify(xhr.status, xhr.responseText, xhr.getResponseHeader('Retry-After'), now()));
    xhr.onerror = () => finish({ kind: 'retry', status: 0, retryAfterMs: null, code: 'network' });
    xhr.onabort = () => finish({ kind: 'retry', status: 0, retryAfterMs: null, code: 'aborted' });
    xhr.ontimeout = () => finish({ kind: 'retry', status: 0, retryAfterMs: null, code: 'stalled' });
    watch();
    try {
      xhr.send(buildBody(requestText, files));
    } catch {
      finish({ kind: 'retry', status: 0, retryAfterMs: null, code: 'network' });
    }
  });
}
