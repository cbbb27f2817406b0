import { expect, test } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

import { demoClassCode, demoPassword } from './demo-sign-in';

const teacher = { email: 'wang.fang@wenbo.example', name: '王芳' };

test('a teacher opens 四年级二班, prints sign-in cards, and a pupil signs in with one', async ({ page }, testInfo) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: '老师和博物馆工作人员登录' })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-staff-sign-in');
  await expectAccessible(page, testInfo, 'staff sign-in');

  await page.getByLabel('邮箱').fill(teacher.email);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page).toHaveURL(/\/classes$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的班级' })).toBeVisible();
  const account = page.getByRole('group', { name: '我的账户' });
  await expect(account.getByText(teacher.name)).toBeVisible();
  await expect(account.getByText('老师')).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '2-my-classes');
  await expectAccessible(page, testInfo, 'my classes');

  await page.getByRole('link', { name: '四年级二班', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '四年级二班' })).toBeVisible();
  const roster = page.getByRole('table', { name: '学生名单' });
  await expect(roster.getByRole('row')).toHaveCount(29); // a header row and 28 demo pupils
  await expect(page.getByText(demoClassCode('四年级二班'), { exact: true })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '3-class-roster');
  await expectAccessible(page, testInfo, 'class');

  await page.getByRole('link', { name: '打印登录卡' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '四年级二班的登录卡' })).toBeVisible();
  const cards = page.getByRole('list', { name: '登录卡' }).getByRole('listitem');
  await expect(cards).toHaveCount(28);
  await expect(page.getByRole('img', { name: /的登录二维码$/ })).toHaveCount(28);
  const firstCard = cards.first();
  const classCode = (await firstCard.getByTestId('card-class-code').textContent())?.trim();
  const pupilCode = (await firstCard.getByTestId('card-pupil-code').textContent())?.trim() ?? '';
  const pupilName = (await firstCard.locator('.sign-in-card__name').textContent())?.trim() ?? '';
  expect(classCode).toBe(demoClassCode('四年级二班'));
  expect(pupilCode).toMatch(/^[A-Z2-9]{6}$/);
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '4-sign-in-cards');
  await expectAccessible(page, testInfo, 'sign-in cards');

  // Printed, the cards stand alone: no header, navigation or footer.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(cards.first()).toBeVisible();
  await screenshot(page, testInfo, '5-sign-in-cards-print');
  await page.emulateMedia({ media: 'screen' });

  await account.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: '老师登录' })).toBeVisible();
  await expect(page.getByRole('group', { name: '我的账户' })).toHaveCount(0);
  await screenshot(page, testInfo, '6-signed-out');

  // The teacher's pages are closed again.
  await page.goto('/classes');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fclasses$/);

  await page.goto('/pupil-sign-in');
  await expect(page.getByRole('heading', { level: 1, name: '同学你好！' })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '7-pupil-sign-in');
  await expectAccessible(page, testInfo, 'pupil sign-in');

  await page.getByLabel('班级码').fill(demoClassCode('四年级二班').toLowerCase());
  await page.getByLabel('我的登录码').fill(pupilCode.toLowerCase());
  await page.getByRole('button', { name: '进入' }).click();

  await expect(page).toHaveURL(/\/my$/);
  const pupilAccount = page.getByRole('group', { name: '我的账户' });
  await expect(pupilAccount.getByText(pupilName, { exact: true })).toBeVisible();
  await expect(pupilAccount.getByText('学生')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '8-pupil-home');
  await expectAccessible(page, testInfo, 'pupil home');
});

test('the card link fills in the pupil sign-in page', async ({ page }, testInfo) => {
  await page.goto(`/pupil-sign-in?class=${demoClassCode('四年级二班')}&code=ABCDEF`);
  await expect(page.getByLabel('班级码')).toHaveValue(demoClassCode('四年级二班'));
  await expect(page.getByLabel('我的登录码')).toHaveValue('ABCDEF');
  await screenshot(page, testInfo, 'pupil-sign-in-from-card');
});
