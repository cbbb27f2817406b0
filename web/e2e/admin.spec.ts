import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

import { demoPassword } from './demo-sign-in';

test('an admin sees schools and staff, invites a teacher and reads the audit log', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill('admin@museum.example');
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  await expect(page.getByRole('table', { name: '学校列表' }).getByText('沈阳市文博路小学')).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-schools');
  await expectAccessible(page, testInfo, 'admin schools');

  const sections = page.getByRole('navigation', { name: '管理栏目' });
  await sections.getByRole('link', { name: '员工账户' }).click();
  await expect(page.getByRole('table', { name: '员工账户列表' }).getByText('wang.fang@wenbo.example')).toBeVisible();
  await screenshot(page, testInfo, '2-staff');
  await expectAccessible(page, testInfo, 'admin staff');

  await sections.getByRole('link', { name: '邀请' }).click();
  await page.getByLabel('邮箱', { exact: true }).fill(`new.teacher.${testInfo.project.name}@wenbo.example`);
  await page.getByLabel('学校').selectOption({ label: '沈阳市文博路小学' });
  await page.getByRole('button', { name: '生成邀请链接' }).click();
  const link = page.getByLabel(/的邀请链接（只显示这一次）$/);
  await expect(link).toHaveValue(/\/accept-invitation\?token=/);
  const acceptUrl = await link.inputValue();
  await screenshot(page, testInfo, '3-invitation');
  await expectAccessible(page, testInfo, 'admin invitations');

  await sections.getByRole('link', { name: '操作记录' }).click();
  const log = page.getByRole('table', { name: '操作记录' });
  await expect(log.getByRole('rowheader', { name: '发出邀请' }).first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '4-audit-log');
  await expectAccessible(page, testInfo, 'admin audit log');

  // The invitation link opens the page where the new teacher sets a name and a password.
  await page.getByRole('group', { name: '我的账户' }).getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('link', { name: '老师登录' })).toBeVisible();
  await page.goto(acceptUrl);
  await expect(page.getByRole('heading', { level: 1, name: '创建你的账户' })).toBeVisible();
  await expect(page.getByText(/密码至少 10 个字符/)).toBeVisible();
  await screenshot(page, testInfo, '5-accept-invitation');
  await expectAccessible(page, testInfo, 'accept invitation');

  await page.getByLabel('你的名字').fill('周老师');
  await page.getByLabel('设置密码').fill('short');
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page.getByText('密码太短了，至少要 10 个字符。')).toBeVisible();
  await page.getByLabel('设置密码').fill('bronze-mirror-lantern-7');
  await page.getByRole('button', { name: '创建账户' }).click();
  await expect(page).toHaveURL(/\/classes$/);
  await expect(page.getByRole('group', { name: '我的账户' }).getByText('周老师')).toBeVisible();
});
