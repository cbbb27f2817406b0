import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newMuseum, newStaff, newWorld, signInStaff, type World } from './factories';
import { createTestApp, type TestApp } from './test-app';

const CREATE = `mutation ($input: CreateCollectionObjectInput!) { createCollectionObject(input: $input) { object { id accessionNumber title { zh en } themes } } }`;
const UPDATE = `mutation ($input: UpdateCollectionObjectInput!) { updateCollectionObject(input: $input) { object { id title { en } period { zh } } } }`;
const IMPORT = `mutation ($input: ImportCollectionInput!) { importCollectionObjects(input: $input) { imported } }`;

async function objects(t: TestApp): Promise<number> {
  return Number((await t.dataSource.query(`SELECT count(*) AS n FROM collection_object`))[0].n);
}

describe('writing the collection', () => {
  let t: TestApp;
  let w: World;
  let educator: string;
  let otherMuseumEducator: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    educator = await signInStaff(t, w.educator);
    const other = await newMuseum(t);
    otherMuseumEducator = await signInStaff(t, await newStaff(t, { role: 'MUSEUM_EDUCATOR', museumId: other.id }));
  });
  afterAll(async () => t.close());

  it('creates and edits a record, and only its own museum may edit it', async () => {
    const made = await t.gql(CREATE, { input: { object: { accessionNumber: 'LN-001', titleZh: '鸡冠壶', titleEn: 'Cockscomb pot', themes: ['CRAFTS', 'HISTORY'] } } }, { token: educator });
    expect(made.errors).toBeUndefined();
    const id = made.data!.createCollectionObject.object.id;
    const edited = await t.gql(UPDATE, { input: { id, object: { accessionNumber: 'LN-001', titleZh: '鸡冠壶', titleEn: 'Cockscomb flask', periodZh: '辽' } } }, { token: educator });
    expect(edited.data!.updateCollectionObject.object).toEqual({ id, title: { en: 'Cockscomb flask' }, period: { zh: '辽' } });
    const stranger = await t.gql(UPDATE, { input: { id, object: { accessionNumber: 'LN-001', titleZh: 'x', titleEn: 'x' } } }, { token: otherMuseumEducator });
    expect(stranger.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const again = await t.gql(CREATE, { input: { object: { accessionNumber: 'LN-001', titleZh: '又一个', titleEn: 'Another' } } }, { token: educator });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'object.accessionNumber' });
  });

  it('refuses a record without its English title, naming the field', async () => {
    const before = await objects(t);
    const res = await t.gql(CREATE, { input: { object: { accessionNumber: 'LN-002', titleZh: '瑞鹤图', titleEn: ' ' } } }, { token: educator });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'object.titleEn' });
    expect(await objects(t)).toBe(before);
  });

  it('imports a file all or nothing, listing the problems of every broken row', async () => {
    const before = await objects(t);
    const broken = ['accessionNumber,titleZh,titleEn,themes', 'IM-1,玉璧,Jade disc,HISTORY', 'IM-2,,Bronze bell,CRAFTS', 'IM-3,陶罐,Clay jar,POTTERY', 'LN-001,重复,Duplicate,ART'].join('\n');
    const res = await t.gql(IMPORT, { input: { format: 'CSV', content: broken } }, { token: educator });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content' });
    expect(res.errors![0]!.extensions!.problems).toEqual([
      { row: 3, field: 'titleZh', problem: 'REQUIRED' },
      { row: 4, field: 'themes', problem: 'INVALID' },
      { row: 5, field: 'accessionNumber', problem: 'DUPLICATE' },
    ]);
    expect(await objects(t)).toBe(before);

    const good = await t.gql(IMPORT, { input: { format: 'JSON', content: JSON.stringify([
      { accessionNumber: 'IM-1', titleZh: '玉璧', titleEn: 'Jade disc', themes: ['HISTORY'] },
      { accessionNumber: 'IM-2', titleZh: '铜钟', titleEn: 'Bronze bell', themes: 'CRAFTS|SCIENCE' },
    ]) } }, { token: educator });
    expect(good.data!.importCollectionObjects.imported).toBe(2);
    expect(await objects(t)).toBe(before + 2);
    const found = await t.gql(`{ collectionObjects(search: "Bronze bell") { edges { node { themes } } } }`);
    expect(found.data!.collectionObjects.edges[0].node.themes).toEqual(['CRAFTS', 'SCIENCE']);

    const unreadable = await t.gql(IMPORT, { input: { format: 'JSON', content: '{not json' } }, { token: educator });
    expect(unreadable.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'content', fileProblem: 'UNREADABLE' });
  });
});
