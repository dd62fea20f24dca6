// The webview bridge (data-bridge="auto" on the script tag, or bridge: 'auto'),
// a file of its own that only such pages load: every widget event goes to the
// app as {"type": <event>, "version": 1, ...detail}; the returned receive()
// takes the app's commands (JSON text or an object), which the loader hands
// over from both ways an app talks to a page:
//   window.SupportWidgetBridge.receive(command)  (evaluateJavascript, evaluateJavaScript, injectJavaScript)
//   a `message` event on window or document       (React Native's webView.postMessage)
// A command that is refused, or that fails, is answered with an `error` event
// {code, id?, field?}; nothing is ever thrown back into the app.
import { BRIDGE_VERSION, parseCommand } from './command.js';
import { postToApp } from './transport.js';

export function connectBridge(api, { events, locales, win = window }) {
  const post = (type, detail) => {
    try {
      postToApp(win, Object.assign({ type, version: BRIDGE_VERSION }, detail, { type, version: BRIDGE_VERSION })); // type first, never overridden
    } catch {
      // a broken host object must not break the widget
    }
  };
  for (const name of events) api.on(name, (detail) => post(name, detail));

  const run = ({ type, view, text, locale }) => {
    if (type === 'open') return api.open(view ? { view } : undefined);
    if (type === 'close') return api.close();
    if (type === 'ask') return api.open({ view: 'chat' }).then(() => api.ask(text));
    return api.setLocale(locale);
  };
  const receive = (input) => {
    try {
      const { command, error } = parseCommand(input, locales);
      if (error) return post('error', error);
      Promise.resolve(run(command)).catch((e) =>
        post('error', { code: 'command_failed', ...(command.id !== undefined ? { id: command.id } : {}), message: String((e && e.message) || e) }),
      );
    } catch {
      // unreachable by design; the app's call must return normally anyway
    }
  };
  return receive;
}
