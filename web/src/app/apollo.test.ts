import { ApolloClient } from '@apollo/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExhibitionSeasonsDocument, ViewerDocument } from '../gql/graphql';
import persistedDocuments from '../gql/persisted-documents.json';
import { createApolloLink, createCache, PUBLIC_READS } from './apollo';

const manifest: Record<string, string> = persistedDocuments;

interface Sent {
  method: string;
  url: URL;
  body: Record<string, unknown> | null;
  headers: Headers;
  cache: RequestCache | undefined;
}

/** The network, answered in turn by `answers`; every request is recorded. */
function network(...answers: unknown[]) {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    sent.push({
      method: init.method ?? 'GET',
      url: new URL(input, 'http://portal.test'),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
      headers: new Headers(init.headers),
      cache: init.cache,
    });
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)];
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  return sent;
}

const client = () => new ApolloClient({ link: createApolloLink(), cache: createCache() });
const seasons = { data: { exhibitionSeasons: [{ __typename: 'ExhibitionSeason', key: '2026-AUTUMN', label: { __typename: 'LocalizedText', zh: '2026 秋季', en: 'Autumn 2026' }, workCount: 3 }] } };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('public reads by GET', () => {
  it('sends a public page\'s query by GET as its persisted id, with no query text', async () => {
    const sent = network(seasons);
    const result = await client().query({ query: ExhibitionSeasonsDocument });
    expect(result.data?.exhibitionSeasons[0]?.workCount).toBe(3);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.method).toBe('GET');
    expect(request!.url.pathname).toBe('/graphql');
    expect(request!.url.searchParams.get('query')).toBeNull();
    expect(request!.url.searchParams.get('operationName')).toBe('ExhibitionSeasons');
    const hash = JSON.parse(request!.url.searchParams.get('extensions')!).persistedQuery.sha256Hash as string;
    // The id is the manifest's, so the API finds the very document the portal was built with.
    expect(manifest[`sha256:${hash}`]).toMatch(/^query ExhibitionSeasons \{/);
    // Apollo's CSRF prevention wants a non-simple header on GET: the content type is one.
    expect(request!.headers.get('content-type')).toBe('application/json');
    // The browser revalidates its copy rather than answering from it for a minute.
    expect(request!.cache).toBe('no-cache');
  });

  it('keeps everything else on POST with the query text', async () => {
    const sent = network({ data: { me: null } });
    await client().query({ query: ViewerDocument });
    expect(sent[0]!.method).toBe('POST');
    expect(sent[0]!.body!.query).toContain('me');
    expect((sent[0]!.body!.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery).toBeUndefined();
  });

  it('falls back to POST with the text when the API does not know the id', async () => {
    const sent = network({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }, seasons);
    const result = await client().query({ query: ExhibitionSeasonsDocument });
    expect(result.data?.exhibitionSeasons).toHaveLength(1);
    expect(sent.map((r) => r.method)).toEqual(['GET', 'POST']);
    expect(sent[1]!.body!.query).toContain('exhibitionSeasons');
    expect((sent[1]!.body!.extensions as { persistedQuery?: unknown } | undefined)?.persistedQuery).toBeUndefined();
  });

  it('names only operations the portal persisted', () => {
    for (const name of PUBLIC_READS) expect(Object.values(manifest).filter((document) => new RegExp(`\\bquery ${name}\\b`).test(document))).toHaveLength(1);
  });
});
