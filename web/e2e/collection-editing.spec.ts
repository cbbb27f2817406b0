import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, redSquarePng, screenshot } from './support';

import { demoPassword } from './demo-sign-in';

test('a museum educator adds an object with a photo, corrects it, and imports a file after fixing its rows', async ({ page }, testInfo) => {
  // Each screen size writes its own records: the three runs share one database.
  const tag = testInfo.project.name.toUpperCase();
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill('chen.yu@museum.example');
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).not.toHaveURL(/sign-in/);

  await page.goto('/');
  await page.getByRole('navigation', { name: '馆藏管理' }).getByRole('link', { name: '添加藏品' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '添加藏品' })).toBeVisible();
  await page.getByLabel('藏品编号').fill(`E2E-${tag}-1`);
  await page.getByRole('button', { name: '保存藏品' }).click();
  await expect(page.getByRole('alert')).toHaveText('有 2 处需要修改，请看标出的地方。');
  await page.getByLabel('中文名称').fill('青铜鸟形尊');
  await page.getByLabel('英文名称').fill('Bird-shaped bronze zun');
  await page.getByRole('checkbox', { name: '辽宁历史发展' }).check();
  await expectNoSidewaysScrolling(page);
  await expectAccessible(page, testInfo, 'new object');
  await page.getByRole('button', { name: '保存藏品' }).click();

  await expect(page).toHaveURL(/\/collection\/[^/]+\/edit$/);
  await expect(page.getByRole('heading', { level: 1, name: '编辑藏品：青铜鸟形尊' })).toBeVisible();
  await page.getByLabel('图片说明（选填）').fill('正面');
  await page.locator('.object-images input[type="file"]').setInputFiles({ name: 'zun.png', mimeType: 'image/png', buffer: redSquarePng(64) });
  await expect(page.getByRole('img', { name: '正面' })).toBeVisible();
  await page.getByLabel('作者（中文）（选填）').fill('佚名');
  await page.getByRole('button', { name: '保存藏品' }).click();
  await expect(page.getByRole('status').filter({ hasText: '藏品已保存。' })).toBeVisible();
  await screenshot(page, testInfo, '1-object-editor');
  await expectAccessible(page, testInfo, 'edit object');

  await page.getByRole('link', { name: '← 返回藏品页' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '青铜鸟形尊' })).toBeVisible();
  await expect(page.getByText('佚名')).toBeVisible();

  await page.goto('/collection/import');
  await expect(page.getByRole('heading', { level: 1, name: '导入藏品' })).toBeVisible();
  const file = page.locator('input[type="file"]');
  const broken = `accessionNumber,titleZh,titleEn,themes\nE2E-${tag}-2,玉猪龙,Jade pig-dragon,HISTORY\nE2E-${tag}-3,,Painted pottery,ART\n`;
  await file.setInputFiles({ name: 'objects.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
  await expect(page.getByRole('alert')).toContainText('1 条记录有问题');
  await expect(page.getByRole('alert').getByRole('listitem')).toHaveText(/第 3 行/);
  await screenshot(page, testInfo, '2-import-problems');
  await expectAccessible(page, testInfo, 'import problems');

  await file.setInputFiles({ name: 'objects.csv', mimeType: 'text/csv', buffer: Buffer.from(broken.replace(',,Painted', ',彩陶罐,Painted')) });
  await page.getByRole('button', { name: '导入 2 条记录' }).click();
  await expect(page.getByText('已经导入 2 条记录。')).toBeVisible();

  await page.goto(`/?search=${encodeURIComponent('玉猪龙')}`);
  await expect(page.getByRole('link', { name: /玉猪龙/ }).first()).toBeVisible();
});
