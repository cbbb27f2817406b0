import { expect, test, type Request } from '@playwright/test';

/**
 * The public pages read by GET (persisted documents) with answers a cache may keep, and a shared
 * work's page with Open Graph tags in the HTML the server sends (README, "Public caching").
 */

test('the public pages read by GET with public caching, and a shared work carries Open Graph tags', async ({ page, request }) => {
  const reads: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/graphql') reads.push(r);
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '线上展览' }).click();
  await page.getByRole('link', { name: '2026 春季' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '线上展览 · 2026 春季' })).toBeVisible();
  await page.getByRole('list', { name: '传统工艺的作品' }).getByRole('listitem').first().getByRole('link').click();
  await expect(page).toHaveURL(/\/exhibition\/works\/[a-z0-9]{16}$/);
  await expect(page.getByRole('heading', { level: 2, name: '作品内容' })).toBeVisible();
  const workPath = new URL(page.url()).pathname;

  const byName = new Map<string, Request>();
  for (const r of reads) {
    const name = new URL(r.url()).searchParams.get('operationName');
    if (name) byName.set(name, r);
  }
  for (const name of ['CollectionPage', 'ExhibitionSeasons', 'ExhibitionSeason', 'ExhibitedWork']) {
    const read = byName.get(name);
    expect(read, `${name} by GET`).toBeDefined();
    expect(read!.method()).toBe('GET');
    expect(new URL(read!.url()).searchParams.get('query')).toBeNull();
    const response = await read!.response();
    expect(response!.status()).toBeLessThan(400);
    expect(response!.headers()['cache-control']).toBe('public, max-age=60, stale-while-revalidate=60');
  }

  // What a messaging app fetches when the link is shared: the server's own HTML, no script run.
  const shared = await request.get(workPath);
  expect(shared.headers()['cache-control']).toBe('no-cache');
  const html = await shared.text();
  expect(html).toMatch(/<meta property="og:title" content="[^"]+" \/>/);
  expect(html).toMatch(/<meta property="og:description" content="[^"]+ · 辽宁省博物馆 · 2026 春季" \/>/);
  expect(html).toContain(`<meta property="og:url" content="${new URL(workPath, page.url()).href}" />`);
  expect(html).toMatch(/<meta name="twitter:card" content="summary(_large_image)?" \/>/);
  const unknown = await (await request.get('/exhibition/works/abcdefghjkmnpqrs')).text();
  expect(unknown).not.toContain('og:title');
});
