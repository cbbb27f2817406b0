import { expect, test, type Page } from './support';
import { expectAccessible, expectNoSidewaysScrolling, pupilCode, redSquarePng, screenshot } from './support';

import { demoClassCode } from './demo-sign-in';

const saved = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('SaveWorkPart') && response.ok());

test('a pupil drafts research, keeps writing offline, finds it all saved, attaches a photo and submits', async ({ page, context }, testInfo) => {
  const index = 10 + ['desktop', 'phone', 'tablet'].indexOf(testInfo.project.name);
  const code = await pupilCode(page, index);

  await page.goto('/pupil-sign-in');
  await page.getByLabel('班级码').fill(demoClassCode('四年级二班'));
  await page.getByLabel('我的登录码').fill(code);
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page).toHaveURL(/\/my$/);

  await page.getByRole('list', { name: '我的项目' }).getByRole('link', { name: '走进唐代仕女的一天' }).click();
  await expect(page).toHaveURL(/\/my\/assignments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: '走进唐代仕女的一天' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '研究步骤' })).toBeVisible();
  const status = page.getByRole('status').filter({ hasText: /已保存|正在保存|离线/ });
  const editor = page.getByRole('textbox', { name: /我写的内容$/ }).first();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-workspace');
  await expectAccessible(page, testInfo, 'workspace');

  const firstSave = saved(page);
  await editor.fill('## 我的发现\n仕女头上戴着**大朵的花**。');
  await firstSave;
  await expect(status).toHaveText('已保存');
  await screenshot(page, testInfo, '2-draft-saved');

  await context.setOffline(true);
  await editor.fill('## 我的发现\n仕女头上戴着**大朵的花**。\n- 她们的衣服很长\n- 手里拿着团扇');
  await expect(status).toHaveText('离线 — 联网后会自动保存');
  await screenshot(page, testInfo, '3-offline');

  const secondSave = saved(page);
  await context.setOffline(false);
  await secondSave;
  await expect(status).toHaveText('已保存');
  await screenshot(page, testInfo, '4-back-online');

  // Nothing left in the browser: what the reload shows comes from the server.
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(editor).toHaveValue('## 我的发现\n仕女头上戴着**大朵的花**。\n- 她们的衣服很长\n- 手里拿着团扇');
  await screenshot(page, testInfo, '5-after-reload');

  const photoSave = saved(page);
  await page.getByLabel('拍照或选一个文件').first().setInputFiles({ name: 'painting.png', mimeType: 'image/png', buffer: redSquarePng() });
  await expect(page.getByRole('img', { name: '我上传的图片 1' })).toBeVisible();
  await photoSave;
  await expect(status).toHaveText('已保存');
  await screenshot(page, testInfo, '6-photo-attached');

  await page.getByRole('button', { name: '提交我的研究' }).click();
  const dialog = page.getByRole('dialog', { name: '要把作品交给老师吗？' });
  await expect(dialog).toBeVisible();
  await screenshot(page, testInfo, '7-confirm-submit');
  await dialog.getByRole('button', { name: '确定提交' }).click();

  const attempts = page.getByRole('region', { name: '我交过的作品' });
  await expect(attempts.getByRole('heading', { name: '整个项目 · 第1次提交' })).toBeVisible();
  await expect(attempts.getByRole('button', { name: '拿回来修改' })).toBeVisible();
  await expect(page.getByText('作品已经交给老师了，现在不能修改。')).toBeVisible();
  await expect(page.getByText('仕女头上戴着').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '8-submitted');
  await expectAccessible(page, testInfo, 'submitted workspace');
});
