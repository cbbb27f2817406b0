import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newWorld, signInStaff, type World } from './factories';
import { gradedAttempt } from './review-factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * Public reads by GET (persisted documents of the portal, api/src/common/public-reads.ts) and the
 * Open Graph tags of a shared work's page (api/src/exhibition/exhibition-page.ts), over real HTTP.
 */

const MANIFEST: Record<string, string> = JSON.parse(readFileSync(join(process.cwd(), '..', 'web/src/gql/persisted-documents.json'), 'utf8'));

/** The manifest's hash (as Apollo Client sends it: hex, no prefix) of the portal's operation so named. */
function hashOf(operation: string): string {
  const found = Object.entries(MANIFEST).filter(([, document]) => new RegExp(`(query|mutation) ${operation}\\b`).test(document));
  expect(found).toHaveLength(1);
  return found[0]![0].replace(/^sha256:/, '');
}

const PUPIL_NAME = '王小明';
const SCHOOL_NAME = '沈阳市和平区实验小学';
// Quotes and angle brackets: the page must carry them escaped.
const TITLE = { zh: '辽代铜镜上的"龙纹" <b>&', en: 'Dragons on Liao bronze mirrors' };
const INDEX_HTML = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>小小博物馆研究员</title>
  </head>
  <body><div id="root"></div></body>
</html>
`;

describe('public reads a cache can hold', () => {
  let t: TestApp;
  let w: World;
  let teacher: string;
  let nominationId: string;
  let slug: string;
  let objectId: string;
  let webDist: string;

  interface GetOptions {
    variables?: Record<string, unknown> | string;
    operationName?: string;
    headers?: Record<string, string>;
    /** Apollo's CSRF prevention wants a non-simple header on GET too; Apollo Client sends this content type. */
    preflight?: boolean;
  }

  /** A public read in Apollo's persisted-query GET form. */
  function get(sha256Hash: unknown, opts: GetOptions = {}) {
    const params = new URLSearchParams();
    if (opts.operationName) params.set('operationName', opts.operationName);
    if (opts.variables !== undefined) params.set('variables', typeof opts.variables === 'string' ? opts.variables : JSON.stringify(opts.variables));
    params.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }));
    return getUrl(`/graphql?${params}`, opts);
  }

  function getUrl(url: string, opts: GetOptions = {}) {
    let req = t.http().get(url);
    if (opts.preflight !== false) req = req.set('content-type', 'application/json');
    for (const [name, value] of Object.entries(opts.headers ?? {})) req = req.set(name, value);
    return req;
  }

  const season = () => {
    const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
    const m = now.getMonth() + 1;
    const y = now.getFullYear();
    return m >= 8 ? `${y}-AUTUMN` : m === 1 ? `${y - 1}-AUTUMN` : `${y}-SPRING`;
  };

  const exhibitionWork = () => get(hashOf('ExhibitedWork'), { operationName: 'ExhibitedWork', variables: { slug } });
  const seasonPage = (headers: Record<string, string> = {}) =>
    get(hashOf('ExhibitionSeason'), { operationName: 'ExhibitionSeason', variables: { season: season(), first: 24 }, headers });

  beforeAll(async () => {
    webDist = mkdtempSync(join(tmpdir(), 'lmr-web-dist-'));
    writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
    t = await createTestApp({ LOG_LEVEL: 'silent', WEB_DIST: webDist });
    w = await newWorld(t);
    await t.dataSource.query(`UPDATE school SET name = $2 WHERE id = $1`, [w.schoolA.id, SCHOOL_NAME]);
    await t.dataSource.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [w.pupil.id, PUPIL_NAME]);
    [{ id: objectId }] = await t.dataSource.query(
      `INSERT INTO collection_object (museum_id, accession_number, title_zh, title_en) VALUES ($1, 'R-1', '契丹铜镜', 'Khitan bronze mirror') RETURNING id`,
      [w.museum.id],
    );
    await t.dataSource.query(`INSERT INTO lead_reviewer (educator_id, museum_id) VALUES ($1, $2)`, [w.educator.id, w.museum.id]);
    teacher = await signInStaff(t, w.teacher);
    const lead = await signInStaff(t, w.educator);
    const attempt = await gradedAttempt(t, {
      classId: w.cls.id,
      teacherId: w.teacher.id,
      pupilId: w.pupil.id,
      museumId: w.museum.id,
      educatorId: w.educator.id,
      objectId,
      mention: PUPIL_NAME,
      title: TITLE,
    });
    const nominated = await t.gql(
      `mutation ($input: NominateWorkInput!) { nominateWork(input: $input) { nomination { id } } }`,
      { input: { versionId: attempt.versionId, statement: '仔细研究了铜镜。', guardianConsent: true, creditStyle: 'FIRST_NAME_INITIAL_SCHOOL' } },
      { token: teacher },
    );
    nominationId = nominated.data!.nominateWork.nomination.id;
    const decided = await t.gql(
      `mutation ($input: DecideNominationInput!) { decideNomination(input: $input) { nomination { item { outcome } } } }`,
      { input: { nominationId, outcome: 'OUTSTANDING', feedback: '观察细致。' } },
      { token: lead },
    );
    expect(decided.errors).toBeUndefined();
    const cls = await t.gql(`query ($id: ID!) { classNominations(classId: $id) { id exhibitionPath } }`, { id: w.cls.id }, { token: teacher });
    slug = cls.data!.classNominations.find((n: { id: string }) => n.id === nominationId).exhibitionPath.split('/').pop();
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  describe('GET of the portal\'s public reads', () => {
    it('answers every public page by GET with public caching, a weak ETag and no cookie', async () => {
      const reads = [
        get(hashOf('ExhibitionSeasons'), { operationName: 'ExhibitionSeasons' }),
        seasonPage(),
        exhibitionWork(),
        get(hashOf('CollectionPage'), { operationName: 'CollectionPage', variables: { first: 24, search: '铜镜' } }),
        get(hashOf('ObjectPage'), { operationName: 'ObjectPage', variables: { id: objectId } }),
      ];
      for (const res of await Promise.all(reads)) {
        expect(res.status).toBe(200);
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data).toBeTruthy();
        expect(res.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
        expect(res.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]{43}"$/);
        expect(res.headers.vary).toMatch(/accept/i);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      const [seasons, page, work, search, object] = await Promise.all(reads);
      expect(seasons!.body.data.exhibitionSeasons).toContainEqual(expect.objectContaining({ key: season(), workCount: 1 }));
      expect(page!.body.data.exhibition.edges.map((e: { node: { slug: string } }) => e.node.slug)).toEqual([slug]);
      expect(work!.body.data.exhibitionWork.credit).toMatchObject({ zh: `王同学（${SCHOOL_NAME}）`, en: `王同学, ${SCHOOL_NAME}` });
      expect(search!.body.data.collectionObjects.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([objectId]);
      expect(object!.body.data.collectionObject.id).toBe(objectId);
    });

    it('gives everyone the same bytes: a session cookie or token changes nothing', async () => {
      const anonymous = await seasonPage();
      const withToken = await seasonPage({ authorization: `Bearer ${teacher}` });
      const withCookie = await seasonPage({ cookie: `lmr_session=${teacher}` });
      expect(withToken.text).toBe(anonymous.text);
      expect(withCookie.text).toBe(anonymous.text);
      expect(withToken.headers.etag).toBe(anonymous.headers.etag);
      expect(withCookie.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
    });

    it('answers 304 without a body to a matching If-None-Match, and 200 to another', async () => {
      const first = await seasonPage();
      const etag = first.headers.etag as string;
      const again = await seasonPage({ 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.text ?? '').toBe('');
      expect(again.headers['content-length']).toBeUndefined();
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
      // The strong form of the same tag and a list with it match too (weak comparison).
      expect((await seasonPage({ 'if-none-match': `"nope", ${etag.slice(2)}` })).status).toBe(304);
      const other = await seasonPage({ 'if-none-match': 'W/"something-else"' });
      expect(other.status).toBe(200);
      expect(other.text).toBe(first.text);
    });

    it('keeps the same query sent by POST private', async () => {
      const res = await t.gql(MANIFEST[`sha256:${hashOf('ExhibitionSeasons')}`]!, {});
      expect(res.errors).toBeUndefined();
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.headers.etag).toBeUndefined();
      const personal = await t.gql(`{ me { id } }`, {}, { token: teacher });
      expect(personal.headers['cache-control']).toBe('private, no-store');
    });

    it('still wants a non-simple header on GET (CSRF prevention)', async () => {
      const res = await get(hashOf('ExhibitionSeasons'), { preflight: false });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const withHeader = await get(hashOf('ExhibitionSeasons'), { preflight: false, headers: { 'apollo-require-preflight': 'true' } });
      expect(withHeader.status).toBe(200);
    });
  });

  describe('bad input', () => {
    it('answers an unknown persisted-query id with PERSISTED_QUERY_NOT_FOUND, never cached', async () => {
      const res = await get('0'.repeat(64));
      expect(res.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(res.body.data).toBeUndefined();
      // Apollo's own header for this error, private too.
      expect(res.headers['cache-control']).toBe('private, no-cache, must-revalidate');
      expect(res.headers.etag).toBeUndefined();
    });

    it('refuses over-long and malformed ids with BAD_REQUEST', async () => {
      const valid = hashOf('ExhibitionSeasons');
      for (const id of ['a'.repeat(65), 'a'.repeat(4000), valid.toUpperCase(), `${valid.slice(0, 63)}g`, `sha256:${valid}`, '', 42, null, { hash: valid }]) {
        const res = await get(id);
        expect(res.status).toBe(400);
        expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
      const broken = await getUrl('/graphql?extensions=%7Bnot-json');
      expect(broken.status).toBe(400);
      expect(broken.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    });

    it('refuses a GET that carries query text instead of an id', async () => {
      const res = await getUrl(`/graphql?query=${encodeURIComponent('{ exhibitionSeasons { key } }')}`);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.body.data).toBeUndefined();
      expect(res.headers['cache-control']).toBe('private, no-store');
    });

    it('refuses a persisted mutation by GET without running it, even with a session', async () => {
      const res = await get(hashOf('WithdrawConsent'), { operationName: 'WithdrawConsent', variables: { input: { nominationId } }, headers: { authorization: `Bearer ${teacher}` } });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const [row] = await t.dataSource.query(`SELECT consent_withdrawn_at FROM nomination WHERE id = $1`, [nominationId]);
      expect(row.consent_withdrawn_at).toBeNull();
    });

    it('refuses a persisted query that is not public by GET before it runs', async () => {
      for (const operation of ['Viewer', 'NominationsPage', 'AdminSchools']) {
        const res = await get(hashOf(operation), { operationName: operation, variables: { classId: w.cls.id }, headers: { authorization: `Bearer ${teacher}` } });
        expect(res.status).toBe(405);
        expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
        expect(res.body.data).toBeUndefined();
        expect(res.headers['cache-control']).toBe('private, no-store');
      }
    });

    it('refuses variables that are not JSON, and answers wrong ones with BAD_USER_INPUT, never cached', async () => {
      const res = await get(hashOf('ExhibitedWork'), { operationName: 'ExhibitedWork', variables: '{"slug":' });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(res.headers['cache-control']).toBe('private, no-store');
      const wrong = await get(hashOf('ExhibitedWork'), { operationName: 'ExhibitedWork', variables: { slug: 5 } });
      expect(wrong.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(wrong.headers['cache-control']).toBe('private, no-store');
      expect(wrong.headers.etag).toBeUndefined();
    });
  });

  describe('a shared work\'s page', () => {
    it('carries Open Graph tags with the consented credit only, escaped', async () => {
      const res = await t.http().get(`/exhibition/works/${slug}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const html = res.text;
      const escapedTitle = '辽代铜镜上的&quot;龙纹&quot; &lt;b&gt;&amp;';
      expect(html).toContain(`<meta property="og:title" content="${escapedTitle}" />`);
      expect(html).toContain(`<title>${escapedTitle}</title>`);
      expect(html).not.toContain('<b>');
      expect(html).toContain(`<meta property="og:description" content="王同学（${SCHOOL_NAME}） · `);
      expect(html).toMatch(new RegExp(`<meta property="og:url" content="http://127\\.0\\.0\\.1:\\d+/exhibition/works/${slug}" />`));
      expect(html).toMatch(new RegExp(`<meta property="og:image" content="http://127\\.0\\.0\\.1:\\d+/exhibition/${slug}/images/0" />`));
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image" />');
      expect(html).not.toContain(PUPIL_NAME);
      expect(html).not.toContain('小明');
      // Made per request, it still goes out compressed as the browser asks (superagent decodes brotli).
      const br = await t.http().get(`/exhibition/works/${slug}`).set('accept-encoding', 'br');
      expect([br.headers['content-encoding'], br.headers.vary]).toEqual(['br', 'Accept-Encoding']);
      const withoutPorts = (page: string) => page.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1');
      expect(withoutPorts(br.text)).toBe(withoutPorts(html));
    });

    it('serves the plain page for an unknown slug, and no absolute URL for a strange Host', async () => {
      const unknown = await t.http().get('/exhibition/works/abcdefghjkmnpqrs');
      expect(unknown.status).toBe(200);
      expect(unknown.text).toBe(INDEX_HTML);
      const forged = await t.http().get(`/exhibition/works/${slug}`).set('host', 'evil.example"><script>');
      expect(forged.text).toContain('og:title');
      expect(forged.text).not.toContain('og:url');
      expect(forged.text).not.toContain('evil.example');
    });
  });

  describe('withdrawn consent', () => {
    it('takes the work out of the GET answers at once, with new ETags, and out of the shared page', async () => {
      const workBefore = await exhibitionWork();
      const pageBefore = await seasonPage();
      const seasonsBefore = await get(hashOf('ExhibitionSeasons'), { operationName: 'ExhibitionSeasons' });
      expect(workBefore.body.data.exhibitionWork.slug).toBe(slug);

      const res = await t.gql(`mutation ($input: WithdrawConsentInput!) { withdrawConsent(input: $input) { nomination { state } } }`, { input: { nominationId } }, { token: teacher });
      expect(res.data!.withdrawConsent.nomination.state).toBe('CONSENT_WITHDRAWN');

      const work = await get(hashOf('ExhibitedWork'), { operationName: 'ExhibitedWork', variables: { slug }, headers: { 'if-none-match': workBefore.headers.etag as string } });
      expect(work.status).toBe(200);
      expect(work.body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(work.headers['cache-control']).toBe('private, no-store');
      expect(work.headers.etag).toBeUndefined();

      const page = await seasonPage({ 'if-none-match': pageBefore.headers.etag as string });
      expect(page.status).toBe(200);
      expect(page.headers.etag).not.toBe(pageBefore.headers.etag);
      expect(page.body.data.exhibition.edges).toEqual([]);
      expect(page.text).not.toContain(slug);

      const seasons = await get(hashOf('ExhibitionSeasons'), { operationName: 'ExhibitionSeasons', headers: { 'if-none-match': seasonsBefore.headers.etag as string } });
      expect(seasons.status).toBe(200);
      expect(seasons.headers.etag).not.toBe(seasonsBefore.headers.etag);

      const shared = await t.http().get(`/exhibition/works/${slug}`);
      expect(shared.status).toBe(200);
      expect(shared.text).toBe(INDEX_HTML);
    });
  });
});
