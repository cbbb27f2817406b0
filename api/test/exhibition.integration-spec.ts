import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newWorld, type World } from './factories';
import { gradedAttempt } from './review-factories';
import { createTestApp, type GraphQLResult, type TestApp } from './test-app';

const LIST = `query ($season: String!, $theme: Theme, $first: Int, $after: String) {
  exhibition(season: $season, theme: $theme, first: $first, after: $after) {
    edges { cursor node { slug projectTitle { zh } theme outcome credit { zh } museumName { zh } coverImageUrl } }
    pageInfo { hasNextPage endCursor } } }`;

interface Card {
  slug: string;
  projectTitle: { zh: string } | null;
  theme: string;
  outcome: string;
  credit: { zh: string };
  museumName: { zh: string };
  coverImageUrl: string | null;
}

/** The season of now in Shanghai, as the school of the test world reads it. */
function currentSeason(): string {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
  const m = now.getMonth() + 1;
  const y = now.getFullYear();
  return m >= 8 ? `${y}-AUTUMN` : m === 1 ? `${y - 1}-AUTUMN` : `${y}-SPRING`;
}

describe('the public exhibition list', () => {
  let t: TestApp;
  let w: World;
  let objectId: string;
  /** What the list should show: every exhibited work in order, Outstanding first, then by slug. */
  const shown: { slug: string; theme: string; outcome: string; hasImage: boolean }[] = [];

  async function exhibit(opts: {
    theme: string;
    outcome: string;
    withImage: boolean;
    exhibited?: boolean;
    withdrawn?: boolean;
    index: number;
    createdAt?: string;
    otherSchool?: boolean;
  }) {
    const attempt = await gradedAttempt(t, {
      classId: opts.otherSchool ? w.otherClass.id : w.cls.id,
      teacherId: opts.otherSchool ? w.otherSchoolTeacher.id : w.teacher.id,
      pupilId: opts.otherSchool ? w.otherSchoolPupil.id : w.pupil.id,
      museumId: w.museum.id,
      educatorId: w.educator.id,
      objectId,
      mention: 'x',
      title: { zh: `作品 ${opts.index}`, en: `Work ${opts.index}` },
    });
    await t.dataSource.query(
      `UPDATE project_brief_version SET content = jsonb_set(content, '{theme}', to_jsonb($2::text))
        WHERE (brief_id, version) = (SELECT a.brief_id, a.brief_version FROM work w JOIN assignment a ON a.id = w.assignment_id WHERE w.id = $1)`,
      [attempt.workId, opts.theme],
    );
    if (!opts.withImage) {
      await t.dataSource.query(`UPDATE work_version SET parts = jsonb_set(parts, '{0,attachmentIds}', '[]'::jsonb) WHERE id = $1`, [attempt.versionId]);
    }
    const slug = randomBytes(8).toString('hex');
    await t.dataSource.query(
      `INSERT INTO nomination (version_id, statement, nominated_by_id, guardian_consent, credit_style, consent_recorded_by_id, consent_recorded_at,
                               consent_withdrawn_at, outcome, decided_at, decided_by_id, exhibition_slug, created_at)
       VALUES ($1, '很好', $2, true, 'FULL_NAME', $2, now(), $3, $4, now(), $5, $6, coalesce($7::timestamptz, now()))`,
      [attempt.versionId, w.teacher.id, opts.withdrawn ? new Date() : null, opts.outcome, w.educator.id, opts.exhibited === false ? null : slug, opts.createdAt ?? null],
    );
    if (opts.createdAt) return slug;
    if (opts.exhibited !== false && !opts.withdrawn && opts.outcome !== 'NOT_SELECTED') shown.push({ slug, theme: opts.theme, outcome: opts.outcome, hasImage: opts.withImage });
  }

  const expected = (theme?: string) =>
    shown
      .filter((s) => !theme || s.theme === theme)
      .sort((a, b) => (a.outcome === b.outcome ? (a.slug < b.slug ? -1 : 1) : a.outcome === 'OUTSTANDING' ? -1 : 1));

  async function everyPage(variables: Record<string, unknown>): Promise<{ cards: Card[]; statements: (number | undefined)[] }> {
    const cards: Card[] = [];
    const statements: (number | undefined)[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: GraphQLResult = await t.gql(LIST, { ...variables, after });
      expect(res.errors).toBeUndefined();
      statements.push((res.body as { extensions?: { sqlStatements?: number } }).extensions?.sqlStatements);
      const connection = res.data!.exhibition as { edges: { node: Card }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      cards.push(...connection.edges.map((e) => e.node));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    return { cards, statements };
  }

  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_SQL_COUNT: 'true' });
    w = await newWorld(t);
    [{ id: objectId }] = await t.dataSource.query(`INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'E-1', '铜镜', 'Mirror') RETURNING id`, [w.museum.id]);
    const themes = ['HISTORY', 'ART', 'SCIENCE'];
    const outcomes = ['COMMENDED', 'OUTSTANDING', 'COMMENDED', 'COMMENDED'];
    for (let i = 0; i < 9; i++) await exhibit({ theme: themes[i % 3]!, outcome: outcomes[i % 4]!, withImage: i % 2 === 0, index: i });
    // Never shown: not selected, consent withdrawn, selected but not (yet) given a slug.
    await exhibit({ theme: 'ART', outcome: 'NOT_SELECTED', withImage: true, exhibited: false, index: 9 });
    await exhibit({ theme: 'ART', outcome: 'OUTSTANDING', withImage: true, withdrawn: true, index: 10 });
    await exhibit({ theme: 'HISTORY', outcome: 'COMMENDED', withImage: true, exhibited: false, index: 11 });
  });
  afterAll(async () => t.close());

  it('pages through every exhibited work once, Outstanding first, with its cover only where it has an image', async () => {
    const { cards } = await everyPage({ season: currentSeason(), first: 2 });
    expect(cards.map((c) => c.slug)).toEqual(expected().map((s) => s.slug));
    for (const card of cards) {
      const work = shown.find((s) => s.slug === card.slug)!;
      expect(card).toMatchObject({ theme: work.theme, outcome: work.outcome, museumName: { zh: expect.any(String) } });
      expect(card.projectTitle?.zh).toMatch(/^作品 \d+$/);
      expect(card.credit.zh).toBeTruthy();
      expect(card.coverImageUrl).toBe(work.hasImage ? `/exhibition/${card.slug}/images/0` : null);
    }
  });

  it('lists one theme alone, across pages', async () => {
    for (const theme of ['ART', 'SCIENCE']) {
      const { cards } = await everyPage({ season: currentSeason(), theme, first: 2 });
      expect(cards.map((c) => c.slug)).toEqual(expected(theme).map((s) => s.slug));
    }
  });

  it('reads a page in one statement, whatever its size', async () => {
    const small = await everyPage({ season: currentSeason(), first: 1 });
    const whole = await everyPage({ season: currentSeason(), first: 50 });
    expect(whole.cards).toHaveLength(expected().length);
    expect(new Set([...small.statements, ...whole.statements])).toEqual(new Set([1]));
  });

  it("puts a work in the season of the day it was nominated in its school's time zone", async () => {
    await t.dataSource.query(`UPDATE school SET time_zone = 'America/New_York' WHERE id = $1`, [w.schoolB.id]);
    // 00:30 on 1 August in Shanghai, 23:30 on 31 July in Shanghai, 22:00 on 31 January in New York.
    const autumn = await exhibit({ theme: 'ART', outcome: 'COMMENDED', withImage: false, index: 20, createdAt: '2025-07-31T16:30:00Z' });
    const spring = await exhibit({ theme: 'ART', outcome: 'COMMENDED', withImage: false, index: 21, createdAt: '2025-07-31T15:30:00Z' });
    const lateAutumn = await exhibit({ theme: 'ART', outcome: 'COMMENDED', withImage: false, index: 22, createdAt: '2026-02-01T03:00:00Z', otherSchool: true });
    const slugs = async (season: string) => (await everyPage({ season, first: 100 })).cards.map((c) => c.slug);
    expect((await slugs('2025-AUTUMN')).sort()).toEqual([autumn, lateAutumn].sort());
    expect(await slugs('2025-SPRING')).toEqual([spring]);
    expect(await slugs('2026-SPRING')).toEqual([]);
    const seasons = await t.gql(`{ exhibitionSeasons { key workCount } }`);
    expect(seasons.data!.exhibitionSeasons).toEqual(
      expect.arrayContaining([
        { key: '2025-AUTUMN', workCount: 2 },
        { key: '2025-SPRING', workCount: 1 },
      ]),
    );
  });

  it('answers an empty page for a season with nothing exhibited, and refuses a cursor it did not hand out', async () => {
    const empty = await t.gql(LIST, { season: '2019-SPRING' });
    expect(empty.data!.exhibition).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const bad = await t.gql(LIST, { season: currentSeason(), after: Buffer.from(JSON.stringify(['0', 1])).toString('base64url') });
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
