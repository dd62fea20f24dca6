// When to try again: exponential backoff with full jitter (a random wait
// between 0 and base * 2^attempt, capped), so that many phones coming back
// online at once do not hit the server in step; a server's Retry-After wins.

export const DEFAULT_BACKOFF = Object.freeze({ baseMs: 1000, capMs: 5 * 60 * 1000, retryAfterCapMs: 60 * 60 * 1000 });

// attempt: how many sends have failed so far (1 after the first failure).
export function backoffDelay(attempt, options = DEFAULT_BACKOFF, random = Math.random) {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(options.capMs, options.baseMs * 2 ** exponent);
  return Math.floor(random() * ceiling);
}

// Retry-After is either delta-seconds or an HTTP-date (RFC 9110 10.2.3).
// Returns milliseconds, or null when absent or unreadable; a hostile or
// mistaken value is clamped so a request is never parked for days.
export function parseRetryAfter(value, nowMs, capMs = DEFAULT_BACKOFF.retryAfterCapMs) {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '') return null;
  let ms;
  if (/^[0-9]{1,10}$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // IMF-fixdate, e.g. "Wed, 02 Dec 2026 06:00:10 GMT" (what servers send).
    if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return null;
    ms = at - nowMs;
  }
  return Math.min(Math.max(ms, 0), capMs);
}

// A Retry-After is honoured as given, plus a little jitter (at most 10 %,
// at most half a second) so clients told the same second spread out.
export function retryAfterDelay(retryAfterMs, random = Math.random) {
  return retryAfterMs + Math.floor(random() * Math.min(500, retryAfterMs * 0.1 + 1));
}
