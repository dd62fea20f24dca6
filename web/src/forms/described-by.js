// aria-describedby as a list of ids: ours are added and removed without
// touching the ids the page put there itself.
const tokens = (el) => (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);

export function describedBy(el) {
  return tokens(el);
}

export function linkDescription(el, id) {
  const list = tokens(el);
  if (!list.includes(id)) el.setAttribute('aria-describedby', [...list, id].join(' '));
}

export function unlinkDescription(el, id) {
  const list = tokens(el);
  if (!list.includes(id)) return;
  const rest = list.filter((x) => x !== id);
  if (rest.length) el.setAttribute('aria-describedby', rest.join(' '));
  else el.removeAttribute('aria-describedby');
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${++ids}`;
