// The widget's state in one place: views read it and render; actions change it
// through update(), which renders once per microtask however many changes come.
export class Store {
  constructor(state) {
    this.state = state;
    this.listeners = new Set();
    this.pending = false;
  }

  update(change) {
    const patch = typeof change === 'function' ? change(this.state) : change;
    this.state = { ...this.state, ...patch };
    if (!this.pending) {
      this.pending = true;
      queueMicrotask(() => {
        if (!this.pending) return; // flushed already
        this.pending = false;
        for (const l of this.listeners) l(this.state);
      });
    }
  }

  // Renders now (tests of timing, focus moves that need the DOM in place).
  flush() {
    this.pending = false;
    for (const l of this.listeners) l(this.state);
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
