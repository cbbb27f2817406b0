import type { FieldPolicy } from '@apollo/client/cache';

interface Edge {
  cursor: string;
}

interface Connection {
  edges: readonly Edge[];
}

/**
 * Cache policy for Relay-style connections paged with `after`: a first page replaces the
 * list, a later page is appended after the edge it continues from, so asking for the same
 * page twice does not duplicate objects.
 */
export function connectionFieldPolicy(keyArgs: string[]): FieldPolicy<Connection> {
  return {
    keyArgs,
    merge(existing, incoming, { args }) {
      const after = typeof args?.after === 'string' ? args.after : null;
      if (!existing || after === null) return incoming;
      const continueFrom = existing.edges.findIndex((edge) => edge.cursor === after);
      const kept = continueFrom === -1 ? existing.edges : existing.edges.slice(0, continueFrom + 1);
      return { ...incoming, edges: [...kept, ...incoming.edges] };
    },
  };
}
