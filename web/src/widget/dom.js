// Building DOM from data without HTML: every text goes in as a text node.
// h('button', {type: 'button', class: 'x', onclick: fn, 'aria-label': t}, 'text', child)

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'hidden') el.hidden = Boolean(v);
    else if (k === 'value') el.value = v;
    else if (k === 'checked') el.checked = Boolean(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// Sets an attribute, or removes it for null/false.
export function attr(el, name, value) {
  if (value === null || value === undefined || value === false) el.removeAttribute(name);
  else el.setAttribute(name, value === true ? '' : String(value));
}

export function text(el, value) {
  if (el.textContent !== value) el.textContent = value;
}

// Text with web links made clickable: only https: or same-origin URLs, as
// text nodes and <a rel="noopener">; anything else stays plain text.
const URL_RE = /\bhttps?:\/\/[^\s<>«»"]+[^\s<>«»".,;:!?)]/g;
export function linkified(value) {
  const parts = [];
  let last = 0;
  for (const m of value.matchAll(URL_RE)) {
    let url = null;
    try {
      url = new URL(m[0]);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.origin !== location.origin) continue;
    parts.push(value.slice(last, m.index), h('a', { href: url.href, rel: 'noopener noreferrer', target: '_blank' }, m[0]));
    last = m.index + m[0].length;
  }
  parts.push(value.slice(last));
  return parts.filter((p) => p !== '');
}

let ids = 0;
export const uid = (prefix) => `${prefix}-${++ids}`;
