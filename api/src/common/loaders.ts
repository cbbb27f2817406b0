import DataLoader from 'dataloader';

const LOADERS = Symbol('lmr:loaders');

/**
 * A DataLoader that lives as long as one GraphQL request (it hangs off the request's
 * context object), so a list of N rows loads its relation with one query, not N.
 */
export function requestLoader<K, V>(context: object, name: string, batch: (keys: readonly K[]) => Promise<(V | null)[]>): DataLoader<K, V | null> {
  const holder = context as { [LOADERS]?: Map<string, DataLoader<unknown, unknown>> };
  const map = (holder[LOADERS] ??= new Map());
  let loader = map.get(name) as DataLoader<K, V | null> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V | null>(batch, { maxBatchSize: 500 });
    map.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Orders batch results by key, with null where a key found nothing. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((k) => found.get(k) ?? null);
}
