import { csrfToken, fetchWithCsrf } from './api-client';

/**
 * Writes a learner must never lose (a lesson done, a quiz handed in) go through this outbox: sent
 * at once when the network allows, otherwise kept in the browser and replayed when it returns.
 * Each carries an Idempotency-Key, and the server records each action once however often it arrives.
 */
export type OutboxItem = {
  key: string;
  method: 'PUT' | 'POST';
  path: string;
  body: Record<string, unknown>;
  queuedAt: string;
};

export type SendResult = { status: 'sent'; data: unknown } | { status: 'queued'; key: string } | { status: 'rejected'; httpStatus: number; body: unknown };

const STORAGE_KEY = 'bdhvs.outbox.v1';
const listeners = new Set<() => void>();
const deliveredListeners = new Set<(count: number) => void>();
let replaying: Promise<number> | null = null;
/** How often a waiting write is tried again while the phone believes it is online (a weak link drops requests). */
const RETRY_MS = 15_000;

function read(): OutboxItem[] {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as OutboxItem[];
  } catch {
    return [];
  }
}

function write(items: OutboxItem[]) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
  listeners.forEach((l) => l());
}

export const pendingCount = () => read().length;

/** Whether the write with this key still waits in the browser. */
export const isQueued = (key: string) => read().some((i) => i.key === key);

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** null: the network failed (or the server is down), so the item stays queued. */
async function deliver(item: OutboxItem): Promise<SendResult | null> {
  try {
    const res = await fetchWithCsrf(
      new Request(item.path, {
        method: item.method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'idempotency-key': item.key, 'x-csrf-token': await csrfToken() },
        body: JSON.stringify(item.body),
      }),
    );
    if (res.status >= 500) return null;
    const body: unknown = await res.json().catch(() => null);
    return res.ok ? { status: 'sent', data: body } : { status: 'rejected', httpStatus: res.status, body };
  } catch {
    return null;
  }
}

/** randomUUID exists only on HTTPS and localhost; a commune's LAN may serve plain HTTP. */
export function newKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends now if possible; queues it otherwise. Items already waiting go first, to keep the order. */
export async function sendOrQueue(item: Omit<OutboxItem, 'queuedAt'>): Promise<SendResult> {
  const full = { ...item, queuedAt: new Date().toISOString() };
  if (navigator.onLine && read().length === 0) {
    const result = await deliver(full);
    if (result) return result;
  }
  write([...read().filter((i) => i.key !== full.key), full]);
  return { status: 'queued', key: full.key };
}

/** Replays the queue in order; stops at the first network failure. Returns how many were delivered. */
export function replay(onDelivered?: (item: OutboxItem, result: SendResult) => void): Promise<number> {
  replaying ??= (async () => {
    let delivered = 0;
    for (const item of read()) {
      const result = await deliver(item);
      if (!result) break;
      // A 4xx will not succeed by retrying (e.g. the course was left meanwhile): drop it.
      write(read().filter((i) => i.key !== item.key));
      delivered += 1;
      onDelivered?.(item, result);
    }
    if (delivered > 0) deliveredListeners.forEach((l) => l(delivered));
    return delivered;
  })().finally(() => {
    replaying = null;
  });
  return replaying;
}

/** Told how many waiting writes just reached the server. */
export function onDelivered(listener: (count: number) => void): () => void {
  deliveredListeners.add(listener);
  return () => deliveredListeners.delete(listener);
}

/**
 * Sends what waits as soon as it can, with no reload: at start, when the browser says the connection
 * is back, when the app comes back to the foreground, and every few seconds while something waits
 * (a phone on a weak link often says "online" while requests fail).
 */
export function startOutboxSync(): void {
  const tryNow = () => {
    if (pendingCount() > 0) void replay();
  };
  window.addEventListener('online', tryNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') tryNow();
  });
  window.addEventListener('storage', (e) => {
    if (e.key === STORAGE_KEY) listeners.forEach((l) => l());
  });
  setInterval(tryNow, RETRY_MS);
  tryNow();
}
