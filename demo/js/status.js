// /status: the requests filed in this browser, drawn by the widget's own
// status session and view: the outbox's records (number, form, due date)
// with each one's status fetched fresh from the portal API.
import { loadCore } from '../../web/core/support-core.js';
import { Store } from '../../web/src/widget/store.js';
import { Texts } from '../../web/src/widget/texts.js';
import { StatusSession } from '../../web/src/widget/status-session.js';
import { StatusView } from '../../web/src/widget/status-view.js';

const host = document.getElementById('requests');
const locale = document.documentElement.lang;

async function start() {
  // The catalogs (status names, the forms' titles) come with the core; no chat.
  const core = await loadCore({ base: new URL(host.dataset.widget, location.href), locale, chat: false });
  const store = new Store({ locale, status: { records: [], loading: true, error: '' } });
  const ctx = { store, endpoint: host.dataset.endpoint, texts: new Texts(core), emit: () => {}, onDelivery: () => {} };
  const status = new StatusSession(ctx);
  const view = new StatusView(ctx, status);
  view.heading.hidden = true; // the page's h1 names the list already
  host.append(view.el);
  store.subscribe((s) => view.render(s));
  view.render(store.state);
  await status.refresh();
  host.setAttribute('aria-busy', 'false');
}

start().catch(() => {
  document.getElementById('requests-failed').hidden = false;
  host.setAttribute('aria-busy', 'false');
});
