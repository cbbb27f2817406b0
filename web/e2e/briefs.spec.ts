import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

import { demoPassword } from './demo-sign-in';

test('a museum educator browses the brief library, reads a brief and opens the editor', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill('zhao.min@museum.example');
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/\/briefs$/);
  await expect(page.getByRole('heading', { level: 1, name: '项目库' })).toBeVisible();
  const briefs = page.getByRole('list', { name: '项目列表' });
  await expect(briefs.getByRole('article').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-brief-library');
  await expectAccessible(page, testInfo, 'brief library');

  await page.getByRole('combobox', { name: '主题' }).selectOption('CHARACTERS');
  await expect(page).toHaveURL(/theme=CHARACTERS/);
  await expect(briefs.getByRole('article').first()).toBeVisible();
  await briefs.getByRole('article').first().getByRole('link').click();

  await expect(page).toHaveURL(/\/briefs\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 2, name: '驱动问题' })).toBeVisible();
  const rubric = page.getByRole('table', { name: /评价量规/ });
  await expect(rubric.getByRole('rowheader').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '2-brief');
  await expectAccessible(page, testInfo, 'brief');

  await page.goto('/briefs/new');
  await expect(page.getByRole('heading', { level: 1, name: '写一个新项目' })).toBeVisible();
  await page.getByRole('button', { name: '保存项目' }).click();
  await expect(page.getByLabel('项目名称（中文） *')).toBeFocused();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '3-brief-editor-problems');
  await expectAccessible(page, testInfo, 'brief editor');
});

test('a teacher sees the class assignments and the assign form', async ({ page }, testInfo) => {
  await page.goto('/sign-in?next=%2Fbriefs');
  await page.getByLabel('邮箱').fill('wang.fang@wenbo.example');
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/\/briefs$/);
  await page.getByRole('list', { name: '项目列表' }).getByRole('article').first().getByRole('link').click();
  await page.getByRole('link', { name: '布置给班级' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^布置项目：/ })).toBeVisible();
  await expect(page.getByText(/Asia\/Shanghai/)).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-assign-form');
  await expectAccessible(page, testInfo, 'assign form');

  await page.getByLabel('班级', { exact: true }).selectOption({ label: '四年级二班' });
  await page.getByLabel('开始日期', { exact: true }).fill('2026-12-01');
  await page.getByLabel('截止日期', { exact: true }).fill('2026-12-20');
  await page.getByRole('button', { name: '布置项目' }).click();
  await expect(page).toHaveURL(/\/classes\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: '四年级二班' })).toBeVisible();
  await expect(page.getByRole('list', { name: '已布置的项目' }).getByRole('article').first()).toBeVisible();
  await screenshot(page, testInfo, '2-class-with-assignments');
});
