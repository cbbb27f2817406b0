import { Field, ObjectType } from '@nestjs/graphql';
import { pageSize } from '@lmr/domain';
import { badInput } from './errors';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** Validated page request: how many rows to return and the sort key to continue after. */
export interface PageRequest {
  limit: number;
  after: unknown[] | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const limit = pageSize(first);
  if (limit === null) throw badInput('first', 'first must be a whole number from 1 to 100');
  return { limit, after: after ? decodeCursor(after) : null };
}

export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((part) => typeof part === 'string' || typeof part === 'number')) return key;
  } catch {
    // fall through to the typed error below
  }
  throw badInput('after', 'after is not a cursor this list handed out');
}

/**
 * Turns rows fetched with `limit + 1` into a page: the extra row only tells that there is
 * a next page.
 */
export function toPage<Row, Node>(rows: Row[], limit: number, key: (row: Row) => unknown[], map: (row: Row) => Node) {
  const hasNextPage = rows.length > limit;
  const pageRows = hasNextPage ? rows.slice(0, limit) : rows;
  const edges = pageRows.map((row) => ({ cursor: encodeCursor(key(row)), node: map(row) }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1]!.cursor : null },
  };
}
