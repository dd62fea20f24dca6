// The chat: the message list (new messages appended, announced once through a
// polite live region), the reply's buttons, the composer and "save as text".
import { h, attr, text, linkified, uid } from './dom.js';

export class ChatView {
  constructor(ctx, chat) {
    this.ctx = ctx;
    this.chat = chat;
    this.rendered = new Map(); // item id -> <li>
    this.list = h('ol', { class: 'messages', part: 'messages', tabindex: '0' });
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this.choices = h('div', { class: 'choices', part: 'choices' });
    const inputId = uid('sw-input');
    this.inputLabel = h('label', { for: inputId, class: 'sr-only' });
    this.input = h('textarea', { id: inputId, class: 'compose-input', rows: '2', maxlength: '4000', autocomplete: 'off' });
    this.send = h('button', { type: 'submit', class: 'send primary', part: 'send' });
    this.compose = h('form', { class: 'compose', onsubmit: (e) => this.submit(e) }, this.inputLabel, this.input, this.send);
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) this.submit(e);
    });
    this.save = h('button', { type: 'button', class: 'link save', onclick: () => this.chat.saveAsText() });
    this.restored = h('p', { class: 'restored', hidden: true });
    this.el = h('div', { class: 'chat', part: 'chat' }, this.restored, this.list, this.live, this.choices, this.compose, this.save);
    this.shownButtons = null;
  }

  submit(e) {
    e.preventDefault();
    const value = this.input.value.trim();
    if (!value) return;
    this.input.value = '';
    this.chat.send(value);
  }

  itemNode(item, state) {
    const tx = this.ctx.texts;
    const who = h('span', { class: 'sr-only' }, `${tx.t(state.locale, item.from === 'user' ? "ui.widget.chat_you" : "ui.widget.chat_bot")}: `);
    const parts = [who];
    if (item.title) parts.push(h('p', { class: 'answer-title' }, item.title));
    item.lines.forEach((line, i) => {
      const warn = item.privacy && i === 0;
      parts.push(h('p', { class: warn ? 'privacy' : null, part: warn ? 'privacy' : null }, ...linkified(line)));
    });
    if (item.steps.length) parts.push(h('ol', { class: 'steps' }, ...item.steps.map((s) => h('li', {}, ...linkified(s)))));
    return h('li', { class: `message from-${item.from}`, part: `message message-${item.from}` }, ...parts);
  }

  render(state) {
    const tx = this.ctx.texts;
    const l = state.locale;
    const { items, buttons, announce, restored } = state.chat;
    attr(this.list, 'aria-label', tx.t(l, "ui.widget.chat_history"));
    text(this.inputLabel, tx.t(l, "ui.widget.chat_input"));
    text(this.send, tx.t(l, "ui.widget.chat_send"));
    text(this.save, tx.t(l, "ui.widget.chat_save"));
    text(this.restored, tx.t(l, "ui.widget.chat_restored"));
    this.restored.hidden = !restored;
    let added = false;
    for (const item of items) {
      if (this.rendered.has(item.id)) continue;
      const li = this.itemNode(item, state);
      this.rendered.set(item.id, li);
      this.list.append(li);
      added = true;
    }
    if (added) {
      this.list.scrollTop = this.list.scrollHeight;
      // Only the newest answer is read out, once; the history is not repeated.
      text(this.live, announce);
    }
    if (this.shownButtons !== buttons) {
      this.shownButtons = buttons;
      this.choices.replaceChildren(...buttons.map((b) => h('button', { type: 'button', class: 'choice', part: 'choice', 'data-action': b.action, onclick: () => this.chat.press(b.action, b.label) }, b.label)));
      attr(this.choices, 'role', buttons.length ? 'group' : null);
      attr(this.choices, 'aria-label', buttons.length ? tx.t(l, "ui.widget.chat_bot") : null);
    }
  }

  focusTarget() {
    return this.input;
  }
}
