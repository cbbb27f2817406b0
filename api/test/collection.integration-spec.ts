import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CollectionObjectEntity } from '../src/collection/collection-object.entity';
import { DEMO_SAMPLE_PATH } from '../src/database/seed/sample-path';
import { seedDemo } from '../src/database/seed/seed';
import { createTestApp, type GraphQLResult, type TestApp } from './test-app';

const LIST = `query CollectionList($first: Int, $after: String, $search: String, $theme: Theme) {
  collectionObjects(first: $first, after: $after, search: $search, theme: $theme) {
    totalCount
    edges { cursor node { id accessionNumber title { zh en } themes } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('collection (public reading)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_SQL_COUNT: 'true' });
    await seedDemo(t.dataSource, DEMO_SAMPLE_PATH);
  });
  afterAll(async () => t.close());

  it('seeding twice adds nothing', async () => {
    const again = await seedDemo(t.dataSource, DEMO_SAMPLE_PATH);
    expect(again.created).toBe(false);
    expect(again).toMatchObject({ museums: 1, schools: 2, classes: 3, staff: 6, collectionObjects: 13 });
    expect(again.pupils).toBeGreaterThanOrEqual(75);
    // One published library brief per theme, each in both languages, and the classes' assignments.
    const briefs = await t.dataSource.query(
      `SELECT b.theme, b.status, v.content FROM project_brief b JOIN project_brief_version v ON v.brief_id = b.id AND v.version = b.current_version`,
    );
    expect(briefs.map((b: any) => b.theme).sort()).toEqual(['ART', 'CHARACTERS', 'CRAFTS', 'HISTORY', 'SCIENCE']);
    for (const b of briefs) {
      expect(b.status).toBe('PUBLISHED');
      expect(b.content.title.zh && b.content.title.en).toBeTruthy();
      expect(b.content.milestones.every((m: any) => m.prompt.zh && m.prompt.en)).toBe(true);
    }
    // Three running assignments and two of last spring's finished season.
    expect(Number((await t.dataSource.query(`SELECT count(*) AS n FROM assignment`))[0].n)).toBe(5);
  });

  it('seeds a finished season whose selected works are in the exhibition', async () => {
    const seasons = await t.gql(`{ exhibitionSeasons { key workCount } }`);
    expect(seasons.data!.exhibitionSeasons).toEqual([{ key: '2026-SPRING', workCount: 3 }]);
    const list = await t.gql(`{ exhibition(season: "2026-SPRING") { edges { node { outcome credit { zh } } } } }`);
    const nodes = list.data!.exhibition.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.outcome)).toEqual(['OUTSTANDING', 'COMMENDED', 'COMMENDED']);
    expect(nodes.map((n: any) => n.credit.zh)).toContain('一位小小研究员');
  });

  it('pages through every object exactly once, in accession order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const res: GraphQLResult = await t.gql(LIST, { first: 5, after });
      expect(res.errors).toBeUndefined();
      const conn: any = res.data!.collectionObjects;
      expect(conn.totalCount).toBe(13);
      seen.push(...conn.edges.map((e: any) => e.node.accessionNumber));
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    expect([...seen].sort()).toEqual(seen);
  });

  it('finds objects by Chinese or English words and by theme', async () => {
    const zh = await t.gql(LIST, { search: '仕女' });
    expect(zh.data!.collectionObjects.edges.map((e: any) => e.node.title.zh)).toEqual(['簪花仕女图']);
    const en = await t.gql(LIST, { search: 'cranes' });
    expect(en.data!.collectionObjects.edges.map((e: any) => e.node.title.zh)).toEqual(['瑞鹤图']);
    const science = await t.gql(LIST, { theme: 'SCIENCE', first: 100 });
    const nodes = science.data!.collectionObjects.edges.map((e: any) => e.node);
    expect(nodes.length).toBe(science.data!.collectionObjects.totalCount);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) expect(node.themes).toContain('SCIENCE');
    const none = await t.gql(LIST, { search: '100%_' });
    expect(none.data!.collectionObjects.totalCount).toBe(0);
  });

  it('reads a page and counts every match in one statement, whatever the page size', async () => {
    const statements = (res: GraphQLResult) => (res.body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements;
    const small = await t.gql(LIST, { first: 2 });
    const large = await t.gql(LIST, { first: 100 });
    const searched = await t.gql(LIST, { first: 2, search: 'a', theme: 'ART' });
    expect(small.data!.collectionObjects.totalCount).toBe(13);
    expect(large.data!.collectionObjects.totalCount).toBe(13);
    expect(searched.data!.collectionObjects.totalCount).toBeGreaterThan(0);
    expect([statements(small), statements(large), statements(searched)]).toEqual([1, 1, 1]);
    // After the last object no row is left to carry the count: the total is still the whole.
    const last = await t.gql(LIST, { first: 2, after: large.data!.collectionObjects.pageInfo.endCursor });
    expect(last.data!.collectionObjects).toMatchObject({ totalCount: 13, edges: [], pageInfo: { hasNextPage: false } });
    const onlyCranes = await t.gql(LIST, { search: 'cranes' });
    const pastCranes = await t.gql(LIST, { search: 'cranes', after: onlyCranes.data!.collectionObjects.pageInfo.endCursor });
    expect(pastCranes.data!.collectionObjects).toMatchObject({ totalCount: 1, edges: [] });
  });

  it('caps a page at 100 rows', async () => {
    const museumId = (await t.dataSource.query('SELECT id FROM museum LIMIT 1'))[0].id;
    const rows = Array.from({ length: 110 }, (_, i) => ({
      museumId,
      accessionNumber: `CAP-${String(i).padStart(4, '0')}`,
      titleZh: `测试 ${i}`,
      titleEn: `Test ${i}`,
      themes: [],
    }));
    await t.dataSource.getRepository(CollectionObjectEntity).insert(rows as never);
    const res = await t.gql(LIST, { first: 1000 });
    expect(res.data!.collectionObjects.edges).toHaveLength(100);
    expect(res.data!.collectionObjects.pageInfo.hasNextPage).toBe(true);
    await t.dataSource.query(`DELETE FROM collection_object WHERE accession_number LIKE 'CAP-%'`);
  });

  it('refuses a bad page request with a typed error naming the field', async () => {
    const zero = await t.gql(LIST, { first: 0 });
    expect(zero.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const cursor = await t.gql(LIST, { after: 'not-a-cursor' });
    expect(cursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const notAnId = await t.gql(LIST, { after: Buffer.from(JSON.stringify(['LNM-0001', 'not-an-id'])).toString('base64url') });
    expect(notAnId.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const theme = await t.gql(LIST, { theme: 'POTTERY' });
    expect(theme.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(theme.body)).not.toMatch(/stacktrace|at .*\.js:\d+/);
  });

  it('opens one object, and answers NOT_FOUND for an unknown or malformed id', async () => {
    const list = await t.gql(LIST, { search: 'cranes' });
    const id = list.data!.collectionObjects.edges[0].node.id;
    const one = await t.gql(`query Obj($id: ID!) { collectionObject(id: $id) { id title { en } period { zh } } }`, { id });
    expect(one.data!.collectionObject).toMatchObject({ id, title: { en: 'Auspicious Cranes' } });
    for (const missing of ['00000000-0000-4000-8000-000000000000', 'abc', "'; DROP TABLE museum; --"]) {
      const res = await t.gql(`query Obj($id: ID!) { collectionObject(id: $id) { id } }`, { id: missing });
      expect(res.data).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    }
  });
});
