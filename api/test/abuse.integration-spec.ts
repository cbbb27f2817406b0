import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './test-app';

/** Requests meant to hurt the server are refused before any resolver runs, with a clear error. */
describe('limits against abuse', () => {
  let t: TestApp;
  let production: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    production = await createTestApp({ NODE_ENV: 'production', LOG_LEVEL: 'silent' });
  });
  afterAll(async () => {
    await t.close();
    await production.close();
  });

  const post = (app: TestApp, body: unknown, contentType = 'application/json') =>
    app.http().post('/graphql').set('content-type', contentType).send(typeof body === 'string' ? body : JSON.stringify(body));

  const codeOf = (res: { body: any }) => res.body?.errors?.[0]?.extensions?.code;
  /** Apollo reports every validation-rule refusal as GRAPHQL_VALIDATION_FAILED; the message says which limit. */
  const refused = (res: { status: number; body: any }, limit: RegExp) => {
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.body.errors.map((e: { message: string }) => e.message).join(' ')).toMatch(limit);
    expect(res.body.data).toBeUndefined();
  };

  it('refuses a deep query, also one named __schema that hides its depth in fragments', async () => {
    let nested = 'name';
    for (let i = 0; i < 14; i++) nested = `ofType { ${nested} }`;
    const deep = await post(t, { query: `{ __schema { types { fields { type { ${nested} } } } } }` });
    refused(deep, /levels deep/);
    const sneaky = await post(t, {
      query: `query __schema { __schema { types { ...A } } } fragment A on __Type { fields { type { ...B } } } fragment B on __Type { ${nested} }`,
    });
    refused(sneaky, /levels deep/);
  });

  it('refuses an alias flood and a huge token count', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ');
    const flood = await post(t, { query: `{ ${aliases} }` });
    refused(flood, /aliases/);
    const tokens = await post(t, { query: `{ ${'__typename '.repeat(25000)} }` });
    expect(tokens.status).toBe(400);
    expect(tokens.body.errors[0].message).toMatch(/token/i);
  });

  it('refuses a query that would cost too much', async () => {
    const node = 'id accessionNumber title { zh en } maker { zh en } period { zh en } kind { zh en } description { zh en } themes location rightsStatement';
    const pages = Array.from({ length: 25 }, (_, i) => `p${i}: collectionObjects(first: 100) { edges { node { ${node} } } }`).join(' ');
    refused(await post(t, { query: `{ ${pages} }` }), /cost/);
  });

  it('refuses batched requests, text/plain posts (CSRF) and oversized bodies', async () => {
    const batch = await post(t, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(batch.status).toBe(400);
    const plain = await post(t, '{"query":"{ __typename }"}', 'text/plain');
    expect(plain.status).toBe(400);
    const huge = await post(t, { query: '{ __typename }', variables: { x: 'x'.repeat(2 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
  });

  it('answers everyday queries as before', async () => {
    const ok = await post(t, { query: '{ collectionObjects(first: 20) { totalCount edges { node { id title { zh en } maker { zh } period { zh } themes } } pageInfo { hasNextPage } } }' });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
  });

  it('turns introspection off and keeps stack traces out in production', async () => {
    const intro = await post(production, { query: '{ __schema { queryType { name } } }' });
    expect(intro.body.errors?.length).toBeGreaterThan(0);
    const bad = await post(production, { query: '{ collectionObject(id: 5) { nope } }' });
    expect(JSON.stringify(bad.body)).not.toMatch(/stacktrace|\.js:\d+/);
  });
});
