// The widget module, loaded by the loader on the first sign of interest: mounts
// the panel into <support-widget>'s shadow root, loads the WASM core, and holds
// the state (one Store) that every view renders from.
import { loadCore, moscowNow } from '../../core/support-core.js';
import { Store } from './store.js';
import { Texts } from './texts.js';
import { PanelView } from './panel-view.js';
import { ChatSession } from './chat-session.js';
import { FormSession } from './form-session.js';
import { StatusSession } from './status-session.js';

const LOCALES = ['ru', 'en'];

// `styled`: the loader's promise that the panel's stylesheet (same-origin, in the shadow root) applies.
// `manifest`: the loader's early fetch of manifest.json (preloadCore), used by the first load only.
export async function mount({ element, base, endpoint, locale, emit, styled, early, manifest }) {
  performance.mark('support-widget:module'); // the budget benchmark reads these marks
  const store = new Store({
    locale,
    open: false,
    view: 'chat',
    core: 'loading', // loading | ready | failed
    chat: { items: [], buttons: [], unread: 0, announce: '', restored: false },
    form: null, // FormSession fills it when the form opens
    status: { records: [], loading: false, error: '' },
  });
  const ctx = { store, emit, endpoint, element, early, texts: null, core: null, locales: LOCALES, now: moscowNow };

  let corePromise = null; // replaced when a failed load is tried again
  Object.defineProperty(ctx, 'corePromise', { get: () => corePromise });
  const chat = new ChatSession(ctx);
  const form = new FormSession(ctx);
  const status = new StatusSession(ctx);
  ctx.onDelivery = (type, detail) => form.onDelivery(type, detail);
  ctx.chatTranscript = () => chat.transcript();
  ctx.actionsShowForm = (options) => controller.show('form', options);
  const actions = {
    close: () => controller.close(),
    setView: (view) => controller.show(view),
    setLocale: (l) => controller.setLocale(l),
    chat,
    form,
    status,
  };
  const panel = new PanelView(ctx, actions);
  element.panelHost.append(panel.el);
  store.subscribe((s) => panel.render(s));

  const startCore = () => {
    corePromise = loadCore({ base, locale: store.state.locale, forms: false, manifest });
    manifest = undefined; // a retry after a failure fetches afresh
    corePromise.then(onCore, onCoreFailed);
  };
  const onCore = (core) => {
    performance.mark('support-widget:core');
    ctx.core = core;
    ctx.texts = new Texts(core);
    chat.start();
    store.update({ core: 'ready' });
    store.flush();
    // Opened while loading: focus was on the close button; now the view can take it.
    const active = element.shadowRoot.activeElement;
    if (store.state.open && (!active || active === panel.closeButton)) panel.focusView(store.state);
    emit('ready', { locale: store.state.locale });
    // The outbox finishes what earlier visits left, once the first answer had the CPU.
    (window.requestIdleCallback || setTimeout)(() => status.openOutbox(), { timeout: 3000 });
  };
  const onCoreFailed = (e) => {
    store.update({ core: 'failed' });
    emit('error', { code: 'core_failed', message: String(e && e.message) });
  };
  startCore();

  const controller = {
    get core() {
      return corePromise;
    },
    async open({ view, form: schema, topic } = {}) {
      await styled;
      // A core that failed to load is tried again when the person opens the panel again.
      if (store.state.core === 'failed') {
        store.update({ core: 'loading' });
        startCore();
      }
      const wasOpen = store.state.open;
      store.update({ open: true });
      element.launcher.setAttribute('aria-expanded', 'true');
      chat.markRead();
      if (view) await controller.show(view, { schema, topic });
      else if (store.state.view !== 'chat') await controller.show(store.state.view);
      store.flush();
      if (!wasOpen) {
        panel.focusFirst(store.state);
        emit('open', { view: store.state.view });
      }
    },
    close() {
      if (!store.state.open) return;
      store.update({ open: false });
      store.flush();
      element.launcher.setAttribute('aria-expanded', 'false');
      element.launcher.focus();
      emit('close', {});
    },
    toggle() {
      return store.state.open ? controller.close() : controller.open();
    },
    async show(view, options = {}) {
      if (!['chat', 'form', 'status'].includes(view)) throw new RangeError(`unknown view "${view}"`);
      await corePromise;
      if (view === 'form') await form.begin(options);
      if (view === 'status') status.refresh();
      store.update({ view });
      store.flush();
      if (store.state.open) panel.focusView(store.state);
    },
    async ask(text) {
      await corePromise;
      return chat.send(String(text));
    },
    async prefill(values) {
      await corePromise;
      if (!store.state.form) await form.begin({});
      form.prefill(values || {});
    },
    async setLocale(l) {
      if (!LOCALES.includes(l)) throw new RangeError(`unsupported locale "${l}"`);
      const core = await corePromise;
      await core.useLocale(l);
      ctx.texts.refresh();
      store.update({ locale: l });
      chat.relabel();
      form.relabel();
      status.setLocale(l);
    },
  };
  return controller;
}
