import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, pupilCode, screenshot } from './support';

import { demoClassCode, demoPassword } from './demo-sign-in';

const sun = { teacher: 'sun.li@haiyun.example', className: '初一(3)班' };

test('a teacher forms even teams and moves a pupil; a pupil sees their team and moves to another', async ({ page }, testInfo) => {
  const index = ['desktop', 'phone', 'tablet'].indexOf(testInfo.project.name);
  const code = await pupilCode(page, index, sun);

  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(sun.teacher);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('link', { name: sun.className, exact: true }).click();
  await page.getByRole('link', { name: /的分组$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^分组：/ })).toBeVisible();

  await page.getByLabel('每组人数').fill('5');
  await page.getByRole('button', { name: '随机分组' }).click();
  // The first run finds no teams; later runs (other screen sizes) are asked before replacing them,
  // and are refused, because the first run's pupil has opened the team's work since.
  const confirm = page.getByRole('dialog', { name: '重新分组？' });
  const saved = page.getByRole('status').filter({ hasText: '分组已保存。' });
  const refused = page.getByRole('alert').filter({ hasText: '已经有小组开始写作品了，不能整体重新分组。可以让学生自己换组。' });
  await expect(confirm.or(saved)).toBeVisible();
  if (await confirm.isVisible()) await confirm.getByRole('button', { name: '替换现在的分组' }).click();
  await expect(saved.or(refused)).toBeVisible();
  if (await saved.isVisible()) {
    const teamNames = page.getByRole('textbox', { name: /^第 \d+ 组的名称$/ });
    await expect(teamNames).toHaveCount(6);
    const table = page.getByRole('table', { name: '学生和他们的组' });
    await table.getByRole('combobox').first().selectOption({ label: await teamNames.last().inputValue() });
    await expect(page.getByRole('status').filter({ hasText: '有没保存的修改。' })).toBeVisible();
    await page.getByRole('button', { name: '保存分组' }).click();
    await expect(saved).toBeVisible();
  }
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-teams');
  await expectAccessible(page, testInfo, 'teams');
  await page.getByRole('group', { name: '我的账户' }).getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);

  await page.goto('/pupil-sign-in');
  await page.getByLabel('班级码').fill(demoClassCode('初一(3)班'));
  await page.getByLabel('我的登录码').fill(code);
  await page.getByRole('button', { name: '进入' }).click();
  await page.getByRole('list', { name: '我的项目' }).getByRole('link', { name: '四百年前的世界地图' }).click();
  const myTeam = page.getByRole('region', { name: /^我的小组：/ });
  await expect(myTeam).toBeVisible();
  const before = await myTeam.getByRole('heading').textContent();
  await myTeam.getByLabel('换到别的组').selectOption({ index: 1 });
  await myTeam.getByRole('button', { name: '加入' }).click();
  await expect(myTeam.getByRole('status')).toHaveText(/^你已经在 .+ 了。$/);
  await expect(myTeam.getByRole('heading')).not.toHaveText(before ?? '');
  await screenshot(page, testInfo, '2-my-team');
  await expectAccessible(page, testInfo, 'pupil team');
});
