// The conversation: every step goes through the core's dialogue; the state the
// core returns (its transcript already masked) is what this browser keeps, and
// what a reload or another portal page hands back to the core, untrusted.
const STORAGE_KEY = 'support-widget.chat';

function readSaved() {
  try {
    return localStorage.getItem(STORAGE_KEY) || '';
  } catch {
    return ''; // storage blocked: the conversation lives for this page only
  }
}

function save(state) {
  try {
    localStorage.setItem(STORAGE_KEY, state);
  } catch {
    // quota or privacy mode: nothing to do, the page still works
  }
}

const transcriptOf = (state) => {
  try {
    const lines = JSON.parse(state).transcript;
    return Array.isArray(lines) ? lines.filter((l) => l && typeof l.text === 'string' && (l.from === 'user' || l.from === 'bot')) : [];
  } catch {
    return [];
  }
};

let nextId = 0;

export class ChatSession {
  constructor(ctx) {
    this.ctx = ctx;
    this.state = '';
  }

  get store() {
    return this.ctx.store;
  }

  start() {
    const { core, store } = this.ctx;
    const saved = readSaved();
    const out = core.chatStart(store.state.locale, saved);
    this.state = out.state || '';
    if (out.reply) {
      // A fresh conversation (nothing saved, or a saved state the core refused).
      this.set([this.botItem(out.reply)], out.reply.buttons, false);
    } else {
      // A conversation under way: its (masked) transcript, as the core restored it.
      const items = transcriptOf(this.state).map((l) => ({ id: ++nextId, from: l.from, lines: l.text.split('\n'), steps: [], title: '' }));
      this.set(items, [], true);
    }
    save(this.state);
  }

  set(items, buttons, restored) {
    this.store.update((s) => ({ chat: { ...s.chat, items, buttons: buttons || [], restored } }));
  }

  botItem(reply) {
    return {
      id: ++nextId,
      from: 'bot',
      kind: reply.kind,
      title: reply.title || '',
      lines: reply.messages || [],
      steps: reply.steps || [],
      topic: reply.topic || '',
      privacy: reply.privacy_warning || null,
    };
  }

  // The person's own line as the core stored it: masked when it held a secret.
  lastUserLine(fallback) {
    const lines = transcriptOf(this.state).filter((l) => l.from === 'user');
    return lines.length ? lines[lines.length - 1].text : fallback;
  }

  step(out, userText) {
    if (!out || out.error || !out.reply) {
      this.ctx.emit('error', { code: (out && out.error) || 'chat_failed' });
      return null;
    }
    this.state = out.state;
    save(this.state);
    const reply = out.reply;
    const bot = this.botItem(reply);
    this.store.update((s) => {
      const unread = s.open ? 0 : s.chat.unread + 1;
      const items = [...s.chat.items, { id: ++nextId, from: 'user', lines: [this.lastUserLine(userText)], steps: [], title: '' }, bot];
      return { chat: { ...s.chat, items, buttons: reply.buttons || [], unread, announce: [bot.title, ...bot.lines, ...bot.steps].filter(Boolean).join(' ') } };
    });
    this.updateBadge();
    return reply;
  }

  // A message typed by the person (or SupportWidget.ask): the reply, with the topic and its confidence.
  send(text) {
    const { core, store } = this.ctx;
    const locale = store.state.locale;
    const reply = this.step(core.chatText(this.state, text, locale, this.ctx.now()), text);
    if (!reply) return null;
    let confidence = null;
    if (reply.topic) {
      const found = (core.match(text, locale).results || []).find((r) => r.topic === reply.topic);
      confidence = found ? found.confidence : null;
    }
    return this.after(reply, confidence);
  }

  press(action, label) {
    const { core, store } = this.ctx;
    const reply = this.step(core.chatButton(this.state, action, store.state.locale, this.ctx.now()), label);
    return reply && this.after(reply, null);
  }

  after(reply, confidence) {
    const result = { topic: reply.topic || null, confidence, kind: reply.kind, title: reply.title, messages: reply.messages, steps: reply.steps };
    if (reply.kind === 'answer') this.ctx.emit('answer', { topic: reply.topic, confidence });
    if (reply.kind === 'operator') this.handoff('operator', reply);
    if (reply.kind === 'form' && reply.form) {
      this.handoff('form', reply);
      const topicItem = [...this.store.state.chat.items].reverse().find((i) => i.topic && i.title);
      this.ctx.actionsShowForm?.({ schema: reply.form.schema, topic: reply.form.topic || (topicItem && topicItem.topic) || '', requestType: reply.form.request_type, subject: topicItem ? topicItem.title : '' });
    }
    return result;
  }

  handoff(channel, reply) {
    this.ctx.emit('handoff', { channel, topic: reply.topic || null, transcript: this.transcript() });
  }

  // The masked transcript, as [{from, text}].
  transcript() {
    return transcriptOf(this.state).map((l) => ({ from: l.from, text: l.text }));
  }

  // The conversation as plain text, for the person to keep.
  saveAsText() {
    const { texts, store } = this.ctx;
    const l = store.state.locale;
    const you = texts.t(l, "ui.widget.chat_you");
    const bot = texts.t(l, "ui.widget.chat_bot");
    const body = this.transcript().map((x) => `${x.from === 'user' ? you : bot}: ${x.text}`).join('\n\n') + '\n';
    const url = URL.createObjectURL(new Blob([body], { type: 'text/plain;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${texts.t(l, "ui.widget.chat_file_name")}.txt`;
    this.ctx.element.shadowRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return body;
  }

  markRead() {
    if (this.store.state.chat.unread) this.store.update((s) => ({ chat: { ...s.chat, unread: 0 } }));
    this.ctx.element.setUnread(0, this.ctx.texts ? this.ctx.texts.t(this.store.state.locale, "ui.widget.launcher") : null);
  }

  updateBadge() {
    const { texts, store, element } = this.ctx;
    const n = store.state.chat.unread;
    const l = store.state.locale;
    const label = texts.t(l, "ui.widget.launcher");
    element.setUnread(n, n > 0 ? `${label}, ${texts.t(l, "ui.widget.unread", { count: n })}` : label);
  }

  relabel() {
    this.updateBadge();
  }
}
