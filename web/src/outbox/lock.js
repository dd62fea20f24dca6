// One tab at a time sends from the outbox. The Web Locks API where present
// (the browser frees the lock when a tab closes or crashes); otherwise a lease
// in IndexedDB that its holder renews and that expires when the holder is gone.
//
// tryWithLock(work) runs work() while holding the lock and returns
// {ran: true, value}, or {ran: false} at once when another tab holds it.

const LOCK_NAME = 'support-outbox-sender';

export function webLocksLock(locks = globalThis.navigator && globalThis.navigator.locks, name = LOCK_NAME) {
  if (!locks || typeof locks.request !== 'function') return null;
  return {
    kind: 'web-locks',
    async tryWithLock(work) {
      return locks.request(name, { ifAvailable: true }, async (lock) => {
        if (!lock) return { ran: false };
        return { ran: true, value: await work() };
      });
    },
  };
}

// store.swapMeta gives an atomic read-modify-write across tabs.
export function leaseLock(store, { owner, ttlMs = 10000, now = Date.now, name = 'lease' } = {}) {
  const take = () =>
    store.swapMeta(name, (lease) => {
      const t = now();
      if (lease && lease.owner !== owner && lease.expires > t) return undefined; // held by a live tab: leave it
      return { owner, expires: t + ttlMs };
    });
  const give = () => store.swapMeta(name, (lease) => (lease && lease.owner === owner ? null : undefined));
  return {
    kind: 'indexeddb-lease',
    async tryWithLock(work) {
      const mine = await take();
      if (!mine || mine.owner !== owner) return { ran: false };
      const renew = setInterval(() => {
        take().catch(() => {});
      }, Math.max(250, ttlMs / 3));
      try {
        return { ran: true, value: await work() };
      } finally {
        clearInterval(renew);
        await give().catch(() => {});
      }
    },
  };
}
