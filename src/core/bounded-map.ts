/**
 * Sets `key` in a map used as a cache of at most `max` entries: when it is full, the entry set first is forgotten
 * (a Map keeps insertion order). Returns the value, so a lookup can read `map.get(k) ?? remember(map, k, make(), max)`.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, max: number): V {
  if (!map.has(key) && map.size >= max) map.delete(map.keys().next().value as K);
  map.set(key, value);
  return value;
}
