// The loader: defines <support-widget>, puts the launcher on the page at once,
// and loads the widget module (panel, views, WASM core) on the first sign of
// interest: the pointer near the bubble, focus, a press, or an idle page.
// window.SupportWidget works from the start; calls wait for the module.
import { SupportWidgetElement } from './element.js';
import { preloadCore } from '../../core/core-files.js';

const EVENTS = ['ready', 'open', 'close', 'answer', 'submit', 'queued', 'sent', 'handoff', 'error'];
const NEAR_PX = 160; // "near the bubble": within this distance of its centre
const TEXTS = __SW_TEXTS__; // launcher texts per locale, from the catalogs at build time
const FILES = __SW_FILES__; // the widget module and stylesheet, content-hashed

export function boot({ base, endpoint = '/api/v1', locale = 'ru', preload = 'idle', launcher = true, bridge = 'off' }) {
  if (!TEXTS[locale]) locale = 'ru';
  if (!customElements.get('support-widget')) customElements.define('support-widget', SupportWidgetElement);
  const element = document.querySelector('support-widget') || document.createElement('support-widget');
  if (!launcher) {
    element.launcher.hidden = true;
    element.panelHost.classList.add('no-launcher'); // the panel takes the launcher's room too
  }
  element.setLabel(TEXTS[locale].launcher);
  if (!element.isConnected) document.body.append(element);
  performance.mark('support-widget:launcher'); // painted in the next frame: the stylesheet is already adopted

  const handlers = new Map(EVENTS.map((n) => [n, new Set()]));
  const emit = (name, detail) => {
    for (const h of handlers.get(name)) {
      try {
        h(detail);
      } catch (e) {
        setTimeout(() => {
          throw e; // a host page's handler must not break the widget
        });
      }
    }
    element.dispatchEvent(new CustomEvent(`support:${name}`, { detail, bubbles: true, composed: true }));
  };

  let loading = null;
  let bridged = Promise.resolve();
  // The stylesheet is requested beside the module, not after it; the panel shows once it applies.
  const style = () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(FILES.css, base).href;
    const styled = new Promise((r) => {
      link.addEventListener('load', r, { once: true });
      link.addEventListener('error', r, { once: true });
    });
    element.shadowRoot.prepend(link);
    return styled;
  };
  let styled = null;
  const load = () => {
    if (!loading) {
      styled ||= style();
      // The core's files start now, beside the widget's code, not after it.
      const manifest = preloadCore({ base, locale, forms: false });
      loading = bridged
        .then(() => import(new URL(FILES.module, base).href))
        .then((m) => m.mount({ element, base, endpoint, locale, emit, styled, early: TEXTS, manifest }))
        .catch((e) => {
          loading = null; // a later press tries again
          emit('error', { code: 'load_failed', message: String(e && e.message) });
          throw e;
        });
    }
    return loading;
  };
  const later = (fn) => (loading ? loading.then(fn) : Promise.resolve());

  const b = element.launcher;
  b.addEventListener('click', () => load().then((w) => w.toggle()).catch(() => {}));
  for (const type of ['pointerenter', 'focus', 'touchstart']) b.addEventListener(type, () => load().catch(() => {}), { once: true, passive: true });
  const onMove = (e) => {
    const r = b.getBoundingClientRect();
    if (Math.hypot(e.clientX - (r.left + r.width / 2), e.clientY - (r.top + r.height / 2)) < NEAR_PX) {
      document.removeEventListener('pointermove', onMove);
      load().catch(() => {});
    }
  };
  document.addEventListener('pointermove', onMove, { passive: true });
  if (preload === 'idle') {
    const idle = () => (window.requestIdleCallback ? requestIdleCallback(() => load().catch(() => {}), { timeout: 5000 }) : setTimeout(() => load().catch(() => {}), 3000));
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  }

  const api = {
    version: __SW_VERSION__,
    element,
    open: (options) => load().then((w) => w.open(options)),
    close: () => later((w) => w.close()),
    toggle: () => load().then((w) => w.toggle()),
    ask: (text) => load().then((w) => w.ask(text)),
    prefill: (values) => load().then((w) => w.prefill(values)),
    setLocale(l) {
      if (!TEXTS[l]) return Promise.reject(new RangeError(`unsupported locale "${l}"`));
      locale = l;
      element.setLabel(TEXTS[l].launcher);
      return later((w) => w.setLocale(l));
    },
    on(name, handler) {
      const set = handlers.get(name);
      if (!set) throw new TypeError(`SupportWidget: unknown event "${name}"`);
      set.add(handler);
      return () => set.delete(handler);
    },
    // The WASM facade itself (validate, password, validateForm, sniff, match…).
    get core() {
      return load().then((w) => w.core);
    },
  };
  if (bridge === 'auto') {
    // A webview's app: the bridge (its own file) is fetched now, and the widget
    // module waits for it, so the app hears every event. Commands that come
    // first wait for it too. Only events a script of this page dispatched
    // (source null, as React Native does) are commands, not other windows' posts.
    bridged = import(new URL(FILES.bridge, base).href).then((m) => m.connectBridge(api, { events: EVENTS, locales: Object.keys(TEXTS) }), () => () => {});
    const receive = (command) => void bridged.then((r) => r(command));
    window.SupportWidgetBridge = Object.freeze({ version: 1, receive });
    addEventListener('message', (e) => e.source || receive(e.data), true); // capture: also those dispatched on document
  }
  return api;
}
