import { expect, test, type Browser, type Page, type TestInfo } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

import { demoClassCode, demoPassword } from './demo-sign-in';

const teacher = { email: 'wang.fang@wenbo.example' };
const project = '走进唐代仕女的一天';

async function signInTeacher(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(teacher.email);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/classes$/);
}

/** The pupil's name and code from the class's sign-in cards (each screen size uses its own pupil). */
async function pupilCard(page: Page, index: number) {
  await page.getByRole('link', { name: '四年级二班', exact: true }).click();
  await page.getByRole('link', { name: '打印登录卡' }).click();
  const card = page.getByRole('list', { name: '登录卡' }).getByRole('listitem').nth(index);
  const code = (await card.getByTestId('card-pupil-code').textContent())?.trim() ?? '';
  const name = (await card.locator('.sign-in-card__name').textContent())?.trim() ?? '';
  return { code, name };
}

/** A second browser of the same size for the pupil, so both stay signed in side by side. */
async function pupilPage(browser: Browser, testInfo: TestInfo, code: string): Promise<Page> {
  const { viewport, hasTouch, baseURL } = testInfo.project.use;
  const context = await browser.newContext({ viewport, hasTouch, baseURL });
  const page = await context.newPage();
  await page.goto('/pupil-sign-in');
  await page.getByLabel('班级码').fill(demoClassCode('四年级二班'));
  await page.getByLabel('我的登录码').fill(code);
  await page.getByRole('button', { name: '进入' }).click();
  await expect(page).toHaveURL(/\/my$/);
  return page;
}

const saved = (page: Page) => page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('SaveWorkPart') && response.ok());

async function writeAndSubmit(pupil: Page, text: string) {
  const editor = pupil.getByRole('textbox', { name: /我写的内容$/ }).first();
  const save = saved(pupil);
  await editor.fill(text);
  await save;
  await expect(pupil.getByRole('status').filter({ hasText: /已保存|正在保存/ })).toHaveText('已保存');
  await pupil.getByRole('button', { name: '提交我的研究' }).click();
  await pupil.getByRole('dialog', { name: '要把作品交给老师吗？' }).getByRole('button', { name: '确定提交' }).click();
  await expect(pupil.getByText('作品已经交给老师了，现在不能修改。')).toBeVisible();
}

async function openProgress(page: Page) {
  await page.goto('/classes');
  await page.getByRole('link', { name: '四年级二班', exact: true }).click();
  await page.getByRole('link', { name: `“${project}”的全班进度` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `全班进度：${project}` })).toBeVisible();
}

async function chooseEveryLevel(page: Page) {
  const rubric = page.getByRole('region', { name: '评分标准' });
  const criteria = rubric.getByRole('group');
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const radios = criteria.nth(index).getByRole('radio');
    // Keyboard: focus the first level, then the arrow key moves the choice, as in any radio group.
    await radios.first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect(radios.nth(1)).toBeChecked();
  }
}

test('a teacher follows progress, marks, returns, grades, releases, exports and nominates; the pupil is told', async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const index = 20 + ['desktop', 'phone', 'tablet'].indexOf(testInfo.project.name);
  await signInTeacher(page);
  const { code, name } = await pupilCard(page, index);

  // The pupil writes and submits.
  const pupil = await pupilPage(browser, testInfo, code);
  await pupil.getByRole('list', { name: '我的项目' }).getByRole('link', { name: project }).click();
  await writeAndSubmit(pupil, '## 我的发现\n仕女的发髻很高，头上插着花。');

  // Progress: the chart and the pupil waiting for marking.
  await openProgress(page);
  await expect(page.getByRole('figure', { name: '全班的进度' })).toBeVisible();
  await page.getByLabel(/只看需要处理的/).check();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(name) }) });
  await expect(row.getByText('已提交').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-progress');
  await expectAccessible(page, testInfo, 'class progress');

  // A quick check-in on a step, without a grade.
  await row.getByRole('button', { name: `给 ${name} 的阶段反馈` }).click();
  const checkIn = page.getByRole('region', { name: `给 ${name} 的阶段反馈` });
  await checkIn.getByLabel('反馈内容').fill('第一步观察得很好，继续！');
  await checkIn.getByRole('button', { name: '发送阶段反馈' }).click();
  await expect(checkIn.getByText('阶段反馈已发送。')).toBeVisible();

  // Marking: levels by keyboard, a comment on a part, overall feedback, save, return.
  await row.getByRole('link', { name: `批改 ${name} 的作品` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `批改：${name}` })).toBeVisible();
  await expect(page.getByText('仕女的发髻很高，头上插着花。')).toBeVisible();
  await chooseEveryLevel(page);
  await page.getByRole('article').first().getByLabel('写一条批注').fill('观察得很仔细，可以再画一画。');
  await page.getByRole('article').first().getByRole('button', { name: '添加批注' }).click();
  await expect(page.getByText('观察得很仔细，可以再画一画。')).toBeVisible();
  await page.getByLabel('总体评语').fill('很好的开始！请再补充一件藏品作为证据。');
  await page.getByRole('button', { name: '保存批改' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已保存$/ })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '2-grading');
  await expectAccessible(page, testInfo, 'grading view');
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByRole('dialog', { name: '要把作品退回给学生修改吗？' }).getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByText('作品已退回给学生修改。')).toBeVisible();

  // The pupil hears about it live, revises and submits again.
  await expect(pupil.getByRole('link', { name: /^通知（\d+ 条未读）$/ })).toBeVisible();
  await pupil.reload();
  await writeAndSubmit(pupil, '## 我的发现\n仕女的发髻很高，头上插着花。\n- 我还找到了一件唐三彩。');

  // Grade the second attempt, then nominate it.
  await openProgress(page);
  await page.getByRole('link', { name: `批改 ${name} 的作品` }).click();
  await expect(page.getByText('我还找到了一件唐三彩。')).toBeVisible();
  const changes = page.getByRole('region', { name: '和上一次提交相比' });
  await changes.getByRole('button', { name: '看看改了什么' }).click();
  await expect(changes.getByRole('listitem').filter({ hasText: '我还找到了一件唐三彩。' })).toBeVisible();
  await chooseEveryLevel(page);
  await page.getByRole('button', { name: '评分', exact: true }).click();
  await page.getByRole('dialog', { name: '要给这份作品评分吗？' }).getByRole('button', { name: '评分' }).click();
  await expect(page.getByText('作品已评分。')).toBeVisible();
  const nominate = page.getByRole('region', { name: '推荐给博物馆' });
  // Named after the pupil: the three screen sizes share one database.
  const statement = `${name}仔细观察了画中的发饰，并找到了藏品作为证据。`;
  await nominate.getByLabel('推荐理由').fill(statement);
  await nominate.getByLabel('监护人同意在网上公开展示这份作品').check();
  await nominate.getByRole('radio', { name: '不显示名字' }).check();
  await screenshot(page, testInfo, '3-nominate');
  await expectAccessible(page, testInfo, 'graded work with nomination');
  await nominate.getByRole('button', { name: '推荐' }).click();
  await expect(nominate.getByText('已推荐给博物馆。')).toBeVisible();

  // Release the grades of the assignment.
  await openProgress(page);
  await page.getByRole('button', { name: '公布全班成绩' }).click();
  await page.getByRole('dialog', { name: '要公布成绩吗？' }).getByRole('button', { name: '公布全班成绩' }).click();
  await expect(page.getByText(/^公布了 \d+ 份成绩。$/)).toBeVisible();
  await expect(page.getByRole('figure', { name: '各项评分标准的结果（已评分的作品）' })).toBeVisible();

  // The gradebook, and its CSV.
  await page.getByRole('link', { name: '成绩册' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '成绩册：四年级二班' })).toBeVisible();
  await expect(page.getByRole('region', { name: '学生和项目的成绩' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  expect((await download).suggestedFilename()).toBe('成绩册-四年级二班.csv');
  await expect(page.getByText('已下载“成绩册.csv”。')).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '4-gradebook');
  await expectAccessible(page, testInfo, 'gradebook');

  // The class's nominations.
  await page.goto('/classes');
  await page.getByRole('link', { name: '四年级二班', exact: true }).click();
  await page.getByRole('link', { name: '推荐给博物馆的作品' }).click();
  await expect(page.getByText(statement)).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '5-nominations');
  await expectAccessible(page, testInfo, 'nominations');

  // The pupil sees the released grade among the notifications.
  await pupil.getByRole('link', { name: /^通知/ }).click();
  await expect(pupil.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  await expect(pupil.getByRole('link', { name: '成绩公布了' })).toBeVisible();
  await expect(pupil.getByRole('link', { name: '老师请你修改作品' })).toBeVisible();
  await expect(pupil.getByRole('link', { name: '老师对你的一步研究说了几句话' })).toBeVisible();
  await expectNoSidewaysScrolling(pupil);
  await screenshot(pupil, testInfo, '6-pupil-notifications');
  await expectAccessible(pupil, testInfo, 'notifications');
  await pupil.getByRole('button', { name: '全部标为已读' }).click();
  await expect(pupil.getByText('所有通知都已读。')).toBeVisible();
  await pupil.context().close();
});
