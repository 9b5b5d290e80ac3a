const PRUNE_EVERY_MS = 1_000;

/**
 * Who was forgotten (dropped from a cache) in the last `ttlMs`, and when. Kept in time order and
 * pruned from the front at most once a second: pruning on every call walks, each time, the holes
 * the previous prunes left at the front of the Map (4 µs a call at 800 forgets a second, not 1).
 */
export class RecentForgets {
  private readonly at = new Map<string, number>();
  private nextPruneAt = 0;

  constructor(private readonly ttlMs: number) {}

  /** When `id` was last forgotten, if that was within the TTL. */
  get(id: string, now = Date.now()): number | undefined {
    const at = this.at.get(id);
    return at !== undefined && at > now - this.ttlMs ? at : undefined;
  }

  add(id: string, now = Date.now()): void {
    if (now >= this.nextPruneAt) {
      this.nextPruneAt = now + PRUNE_EVERY_MS;
      for (const [key, at] of this.at) {
        if (at > now - this.ttlMs) break;
        this.at.delete(key);
      }
    }
    // Re-inserted, so the Map stays in time order.
    this.at.delete(id);
    this.at.set(id, now);
  }

  get size(): number {
    return this.at.size;
  }
}
