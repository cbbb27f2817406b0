/**
 * Sets `key` to `value` as the newest entry of `map` (a Map keeps insertion order), and drops
 * the oldest entries beyond `max`: a bounded in-process memory that forgets what was set
 * longest ago first.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}
