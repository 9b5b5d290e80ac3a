/**
 * Makes room in a Map kept in insertion order as a bounded cache: once it holds `max` entries, the
 * oldest sixteenth goes in one pass. Dropping one entry per insert (`map.keys().next()`) costs O(n)
 * in V8, whose iterator walks every hole that deleted entries leave until the table is rebuilt: about
 * 17 µs per insert at 50,000 entries, against under 1 µs this way.
 */
export function makeRoom<K, V>(map: Map<K, V>, max: number, dropped?: (key: K, value: V) => void): void {
  if (map.size < max) return;
  let drop = Math.max(1, map.size - max + (max >> 4));
  for (const [key, value] of map) {
    map.delete(key);
    dropped?.(key, value);
    if (--drop === 0) break;
  }
}
