import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

const zhTitle = '簪花仕女图';
const enTitle = 'Court Ladies Adorning Their Hair with Flowers';

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

