// The dialog: header (title, language, close), the three sections, and the
// view of the current one. Built once; render(state) only updates it.
import { h, attr, text, uid } from './dom.js';
import { ChatView } from './chat-view.js';
import { FormView } from './form-view.js';
import { StatusView } from './status-view.js';

const VIEWS = ['chat', 'form', 'status'];

export class PanelView {
  constructor(ctx, actions) {
    this.ctx = ctx;
    const titleId = uid('sw-title');
    this.title = h('h2', { id: titleId, class: 'title' });
    this.lang = h('select', { class: 'lang', onchange: (e) => actions.setLocale(e.target.value) },
      ...ctx.locales.map((l) => h('option', { value: l, lang: l })));
    this.langLabel = h('label', { class: 'lang-label' }, h('span', { class: 'lang-text' }), this.lang);
    this.closeButton = h('button', { type: 'button', class: 'close', part: 'close', onclick: () => actions.close() }, h('span', { 'aria-hidden': 'true' }, '×'));
    this.tabs = VIEWS.map((v) => h('button', { type: 'button', class: 'tab', 'data-view': v, onclick: () => actions.setView(v) }));
    this.nav = h('nav', { class: 'tabs', part: 'tabs' }, ...this.tabs);
    this.notice = h('p', { class: 'notice', role: 'status' });
    this.views = { chat: new ChatView(ctx, actions.chat), form: new FormView(ctx, actions.form), status: new StatusView(ctx, actions.status) };
    this.body = h('div', { class: 'body' }, ...VIEWS.map((v) => this.views[v].el));
    this.el = h('section', { class: 'panel', part: 'panel', role: 'dialog', 'aria-labelledby': titleId, hidden: true },
      h('header', { class: 'head', part: 'header' }, this.title, this.langLabel, this.closeButton),
      this.nav, this.notice, this.body);
    this.el.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        actions.close();
      }
    });
  }

  t(state, key) {
    if (this.ctx.texts && state.core === 'ready') return this.ctx.texts.t(state.locale, `ui.widget.${key}`);
    return (this.ctx.early[state.locale] || this.ctx.early.ru)[key] || '';
  }

  render(state) {
    this.el.hidden = !state.open;
    this.el.lang = state.locale;
    text(this.title, this.t(state, 'title'));
    attr(this.closeButton, 'aria-label', this.t(state, 'close'));
    const ready = state.core === 'ready';
    this.langLabel.hidden = !ready;
    this.nav.hidden = !ready;
    this.body.hidden = !ready;
    text(this.notice, state.core === 'loading' ? this.t(state, 'loading') : state.core === 'failed' ? this.t(state, 'load_failed') : '');
    this.notice.hidden = ready;
    if (!ready) return;
    const tx = this.ctx.texts;
    text(this.langLabel.firstChild, tx.t(state.locale, "ui.widget.language"));
    [...this.lang.options].forEach((o) => text(o, tx.t(state.locale, `ui.widget.lang_${o.value}`)));
    if (this.lang.value !== state.locale) this.lang.value = state.locale;
    attr(this.nav, 'aria-label', tx.t(state.locale, "ui.widget.views"));
    this.tabs.forEach((b) => {
      text(b, tx.t(state.locale, `ui.widget.tab_${b.dataset.view}`));
      attr(b, 'aria-current', b.dataset.view === state.view ? 'page' : null);
    });
    for (const v of VIEWS) {
      this.views[v].el.hidden = v !== state.view;
      if (v === state.view) this.views[v].render(state);
    }
  }

  // Opening moves focus into the dialog: to the view's first input.
  focusFirst(state) {
    if (state.core !== 'ready') return this.closeButton.focus();
    this.focusView(state);
  }

  focusView(state) {
    const target = this.views[state.view].focusTarget();
    (target || this.closeButton).focus();
  }
}
