// The person's requests kept in this browser (the outbox's records after 201),
// with their status fetched from the portal API with each one's access token.
export class StatusSession {
  constructor(ctx) {
    this.ctx = ctx;
    this.outboxPromise = null;
    ctx.outbox = () => this.openOutbox();
  }

  get store() {
    return this.ctx.store;
  }

  openOutbox() {
    if (!this.outboxPromise) {
      this.outboxPromise = import('../outbox/outbox.js').then(async ({ openOutbox }) => {
        const outbox = await openOutbox({ endpoint: this.ctx.endpoint, locale: this.store.state.locale });
        for (const type of ['queued', 'sending', 'progress', 'sent', 'failed', 'needs-fix']) {
          outbox.on(type, (detail) => {
            this.ctx.onDelivery(type, detail);
            if (type === 'queued') this.ctx.emit('queued', { id: detail.id, saved: detail.saved, offline: detail.offline });
            if (type === 'sent') {
              this.ctx.emit('sent', { number: detail.number, due_date: detail.due_date });
              this.loadRecords();
            }
          });
        }
        return outbox;
      });
      this.outboxPromise.catch((e) => this.ctx.emit('error', { code: 'outbox_failed', message: String(e && e.message) }));
    }
    return this.outboxPromise;
  }

  async loadRecords() {
    const outbox = await this.openOutbox();
    const records = (await outbox.records()).map((r) => ({ number: r.number, form: r.form, status: r.status, due_date: r.due_date, token: r.access_token }));
    this.store.update((s) => ({ status: { ...s.status, records: records.reverse() } }));
    return records;
  }

  // Fresh statuses from the API, one GET per request with its own token.
  async refresh() {
    this.store.update((s) => ({ status: { ...s.status, loading: true, error: '' } }));
    let failed = false;
    try {
      const outbox = await this.openOutbox();
      const records = await this.loadRecords();
      await Promise.all(
        records.map(async (r) => {
          try {
            const res = await fetch(`${this.ctx.endpoint.replace(/\/+$/, '')}/support/requests/${encodeURIComponent(r.number)}`, {
              headers: { Authorization: `Bearer ${r.token}`, 'Accept-Language': this.store.state.locale },
            });
            if (!res.ok) throw new Error(String(res.status));
            const body = await res.json();
            const changes = {};
            if (typeof body.status === 'string') changes.status = body.status;
            if (typeof body.due_date === 'string') changes.due_date = body.due_date;
            await outbox.updateRecord(r.number, changes);
          } catch {
            failed = true;
          }
        }),
      );
      await this.loadRecords();
    } catch {
      failed = true;
    }
    this.store.update((s) => ({ status: { ...s.status, loading: false, error: failed ? 'failed' : '' } }));
  }

  setLocale(l) {
    if (this.outboxPromise) this.outboxPromise.then((o) => o.setLocale(l));
  }
}
