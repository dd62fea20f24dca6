// /mobile plays the portal's app around the widget in its webview: every
// bridge message is shown in the log, and the buttons send the app's commands
// the way a native app does (SupportWidgetBridge.receive from evaluateJavascript).
// In a plain browser there is no app: a stand-in host only logs.
const list = document.getElementById('bridge-log');
const empty = document.getElementById('log-empty');
const explanations = new Map([...document.querySelectorAll('#bridge-texts [data-code]')].map((li) => [li.dataset.code, li.textContent]));
const SHOWN_CHARS = 240; // a huge malformed command is shown cut

function show(direction, message) {
  let json = typeof message === 'string' ? message : JSON.stringify(message);
  let parsed = null;
  try {
    parsed = typeof message === 'string' ? JSON.parse(message) : message;
  } catch {
    // a malformed command: shown as it came
  }
  if (json.length > SHOWN_CHARS) json = `${json.slice(0, SHOWN_CHARS)}… (${json.length})`;
  const item = document.createElement('li');
  item.className = direction;
  const label = document.createElement('span');
  label.className = 'direction';
  label.textContent = direction === 'to-app' ? list.dataset.toApp : list.dataset.fromApp;
  const code = document.createElement('code');
  code.textContent = json;
  item.append(label, code);
  const why = direction === 'to-app' && parsed && parsed.type === 'error' && explanations.get(parsed.code);
  if (why) {
    const p = document.createElement('span');
    p.className = 'explain';
    p.textContent = why;
    item.append(p);
  }
  if (parsed && parsed.type === 'error') item.classList.add('error');
  list.append(item);
  empty.hidden = true;
  list.parentElement.scrollTop = list.parentElement.scrollHeight; // the log scrolls, not the page
}

// Whichever host the bridge will post to (the same order as web/src/bridge/transport.js).
const host = [window.ReactNativeWebView, window.webkit && window.webkit.messageHandlers && window.webkit.messageHandlers.support, window.SupportBridge]
  .find((h) => h && typeof h.postMessage === 'function');
if (host) {
  const post = host.postMessage.bind(host);
  try {
    host.postMessage = (m) => {
      show('to-app', m);
      return post(m);
    };
  } catch {
    // a native host object may be read-only: the app has its own log then
  }
} else {
  window.SupportBridge = { postMessage: (m) => show('to-app', m) };
  document.getElementById('no-host').hidden = false;
}

let id = 0;
const MALFORMED = [
  () => '{"type": "open", "version": 1',
  () => JSON.stringify({ type: 'fly', version: 1, id: ++id }),
  () => JSON.stringify({ type: 'ask', version: 1, id: ++id, text: 42 }),
  () => JSON.stringify({ type: 'ask', version: 1, id: ++id, text: 'не могу войти '.repeat(400) }),
  () => JSON.stringify({ type: 'open', version: 2, id: ++id }),
];
let malformed = 0;

function command(button) {
  const { type, text, locale } = button.dataset;
  if (type === 'malformed') return MALFORMED[malformed++ % MALFORMED.length]();
  return JSON.stringify({ type, version: 1, id: ++id, ...(text ? { text } : {}), ...(locale ? { locale } : {}) });
}

for (const button of document.querySelectorAll('.commands button')) {
  button.addEventListener('click', () => {
    const c = command(button);
    show('from-app', c);
    if (window.SupportWidgetBridge) window.SupportWidgetBridge.receive(c);
  });
}
document.getElementById('clear-log').addEventListener('click', () => {
  list.replaceChildren();
  empty.hidden = false;
});
