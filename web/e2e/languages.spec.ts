import { expect, test, type Page } from './support';
import { pupilCode, untranslatedText } from './support';

import { demoClassCode, demoPassword } from './demo-sign-in';

// Every page each role can reach by following links is read in Chinese (the default), and any
// English left in it fails the test with the page and the words. New pages are found by the
// crawl as soon as something links to them.
test.beforeEach(({ page: _page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the words are the same at every size');
});

const skipped = /^\/(files|exports|certificates|exhibition\/[^/]+\/images)\/|\.(pdf|csv|zip)$/;

async function crawl(page: Page, start: string, limit = 40) {
  const seen = new Set<string>();
  const queue = [start];
  const problems: string[] = [];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    // One page per route shape is enough: /classes/a and /classes/b say the same words.
    const shape = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}|[A-Za-z0-9_-]{16,}/g, ':id');
    if (seen.has(shape)) continue;
    seen.add(shape);
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expect(page.locator('main h1').first(), `${path} has a heading (a refused or broken page has none)`).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    for (const words of await untranslatedText(page)) problems.push(`${path}: ${words}`);
    const links = await page.locator('a[href^="/"]:not([download])').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).pathname));
    for (const link of links) if (!skipped.test(link) && !queue.includes(link)) queue.push(link);
  }
  return { problems, pages: seen.size };
}

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);
}

test('the public pages say everything in Chinese', async ({ page }) => {
  const { problems, pages } = await crawl(page, '/');
  expect(pages).toBeGreaterThan(3);
  expect(problems).toEqual([]);
});

for (const [role, email] of [
  ['a teacher', 'wang.fang@wenbo.example'],
  ['a museum educator', 'zhao.min@museum.example'],
  ['an admin', 'admin@museum.example'],
] as const) {
  test(`${role}'s pages say everything in Chinese`, async ({ page }) => {
    await signIn(page, email);
    const { problems, pages } = await crawl(page, new URL(page.url()).pathname);
    expect(pages).toBeGreaterThan(3);
    expect(problems).toEqual([]);
  });
}

test("a pupil's pages say everything in Chinese", async ({ page }) => {
  const code = await pupilCode(page, 20);
  await page.goto('/pupil-sign-in');
  await page.getByLabel('班级码').fill(demoClassCode('四年级二班'));
  await page.getByLabel('我的登录码').fill(code);
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page).toHaveURL(/\/my$/);
  const { problems, pages } = await crawl(page, '/my');
  expect(pages).toBeGreaterThan(1);
  expect(problems).toEqual([]);
});
