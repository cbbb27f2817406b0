import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';

const zhTitle = '簪花仕女图';
const enTitle = 'Court Ladies Adorning Their Hair with Flowers';

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/** Fails on serious and critical violations; the full report is attached either way. */
async function expectAccessible(page: Page, testInfo: TestInfo, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  await testInfo.attach(`axe-${name}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(blocking, `accessibility violations on the ${name} page`).toEqual([]);
}

async function expectNoSidewaysScrolling(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page is wider than the screen').toBeLessThanOrEqual(0);
}

test('a pupil finds 簪花仕女图, opens it and reads it in English', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '馆藏' })).toBeVisible();

  const results = page.getByRole('list', { name: '藏品列表' });
  await expect(results.getByRole('article').first()).toBeVisible();
  await expect(page.getByText(/^共 [\d,]+ 件/)).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-collection');
  await expectAccessible(page, testInfo, 'collection');

  await page.getByRole('searchbox', { name: '搜索藏品' }).fill(zhTitle);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const found = results.getByRole('link', { name: zhTitle, exact: true });
  await expect(found).toBeVisible();
  await screenshot(page, testInfo, '2-search-result');

  await found.click();
  await expect(page).toHaveURL(/\/collection\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: zhTitle, exact: true })).toBeVisible();
  await expect(page.getByText(enTitle, { exact: true })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '3-object-zh');
  await expectAccessible(page, testInfo, 'object');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: enTitle, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('link', { name: /Back to the collection/ })).toBeVisible();
  await screenshot(page, testInfo, '4-object-en');

  // The choice survives a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: enTitle, exact: true })).toBeVisible();
});

