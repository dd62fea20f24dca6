// "My requests": what this browser sent, with status and due date.
import { h, text } from './dom.js';

export class StatusView {
  constructor(ctx, status) {
    this.ctx = ctx;
    this.heading = h('h3', { class: 'view-title', tabindex: '-1' });
    this.refresh = h('button', { type: 'button', class: 'secondary', onclick: () => status.refresh() });
    this.message = h('p', { class: 'status-message', role: 'status' });
    this.list = h('ul', { class: 'records', part: 'records' });
    this.el = h('div', { class: 'status', part: 'status' }, h('div', { class: 'row' }, this.heading, this.refresh), this.message, this.list);
  }

  render(state) {
    const tx = this.ctx.texts;
    const l = state.locale;
    const { records, loading, error } = state.status;
    text(this.heading, tx.t(l, "ui.widget.tab_status"));
    text(this.refresh, tx.t(l, "ui.widget.status_refresh"));
    this.refresh.disabled = loading;
    text(this.message, error ? tx.t(l, "ui.widget.status_failed") : records.length || loading ? '' : tx.t(l, "ui.widget.status_empty"));
    this.list.replaceChildren(
      ...records.map((r) =>
        h('li', { class: 'record', part: 'record', 'data-number': r.number },
          h('p', { class: 'record-number' }, tx.t(l, "ui.widget.status_number", { number: r.number })),
          r.form && tx.has(l, `schema.${r.form}.title`) ? h('p', { class: 'record-topic' }, tx.t(l, `schema.${r.form}.title`)) : null,
          h('p', {}, `${tx.t(l, "ui.widget.status_label")}: `, h('strong', { class: 'record-status' }, tx.maybe(l, `status.${r.status}`) || r.status)),
          r.due_date ? h('p', {}, tx.t(l, "ui.request.due", { due: r.due_date })) : null),
      ),
    );
  }

  focusTarget() {
    return this.heading;
  }
}
