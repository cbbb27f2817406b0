import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page, type TestInfo } from './support';
import { expectAccessible, expectNoSidewaysScrolling, redSquarePng, screenshot } from './support';

import { demoPassword } from './demo-sign-in';

/**
 * Issue 8's whole programme in one journey, in Chinese, at each screen size: a teacher makes a
 * class and assigns a brief; a pupil researches, cites an object, attaches a photo and submits;
 * the teacher returns it with rubric feedback; the pupil revises; the teacher grades, releases and
 * nominates it with consent; two museum educators review it blind and the lead selects it; the
 * public exhibition shows it with the agreed credit; the certificate downloads.
 *
 * Each screen size makes its own class and pupils (names no demo pupil has), so runs that share a
 * database never meet.
 */

const teacher = { email: 'wang.fang@wenbo.example', name: '王芳' };
const reviewer = { email: 'chen.yu@museum.example', name: '陈宇' };
const leadReviewer = { email: 'zhao.min@museum.example', name: '赵敏' };
const school = '沈阳市文博路小学';
const brief = { title: '五千年前的玉猪龙', theme: 'HISTORY', themeName: '辽宁历史发展' };
const citedObject = '红山文化玉猪龙';

const perSize: Record<string, { label: string; pupil: string; givenName: string; classmates: string[] }> = {
  desktop: { label: '电脑', pupil: '诸葛思远', givenName: '思远', classmates: ['陈一鸣', '林可欣'] },
  tablet: { label: '平板', pupil: '司马若溪', givenName: '若溪', classmates: ['赵子涵', '周雨桐'] },
  phone: { label: '手机', pupil: '上官明月', givenName: '明月', classmates: ['吴浩然', '郑佳怡'] },
};

/** A date in the school's time zone (Asia/Shanghai), days from today, as the assign form takes it. */
function schoolDate(daysFromToday: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + daysFromToday * 86_400_000));
}

/** The season a nomination made today belongs to (seasonOf in @lmr/domain, in the school's time zone). */
function currentSeason(): { key: string; label: string } {
  const [year, month] = schoolDate(0).split('-').map(Number) as [number, number];
  if (month >= 8) return { key: `${year}-AUTUMN`, label: `${year} 秋季` };
  if (month === 1) return { key: `${year - 1}-AUTUMN`, label: `${year - 1} 秋季` };
  return { key: `${year}-SPRING`, label: `${year} 春季` };
}

/** Another browser of the same size, so each person stays signed in side by side. */
async function newPage(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const { viewport, hasTouch, baseURL } = testInfo.project.use;
  const context = await browser.newContext({ viewport, hasTouch, baseURL });
  return context.newPage();
}

async function signInStaff(page: Page, email: string, landing: RegExp) {
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(landing);
}

/** Each page of the journey: nothing wider than the screen, a screenshot, no serious axe finding. */
async function check(page: Page, testInfo: TestInfo, name: string) {
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, name);
  await expectAccessible(page, testInfo, name);
}

/** The autosave request that carries the given text (a part saves 1.5 s after the last change). */
function savedWith(page: Page, text: string) {
  return page.waitForResponse((response) => {
    const body = response.request().postData() ?? '';
    return response.url().endsWith('/graphql') && body.includes('SaveWorkPart') && body.includes(text) && response.ok();
  });
}

/** Types into a field and waits until the part is saved; `marker` is plain text of what was typed (markdown is sent as a document). */
async function write(page: Page, field: Locator, text: string, marker = text) {
  const save = savedWith(page, marker);
  await field.fill(text);
  await save;
}

async function submitWork(pupil: Page) {
  await expect(pupil.getByRole('status').filter({ hasText: /已保存|正在保存|离线/ })).toHaveText('已保存');
  await pupil.getByRole('button', { name: '提交我的研究' }).click();
  const dialog = pupil.getByRole('dialog', { name: '要把作品交给老师吗？' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '确定提交' }).click();
  await expect(pupil.getByText('作品已经交给老师了，现在不能修改。')).toBeVisible();
}

/** Picks the first or the last level in every criterion of the grading view's rubric. */
async function chooseLevels(page: Page, level: 'first' | 'last') {
  const criteria = page.getByRole('region', { name: '评分标准' }).getByRole('group');
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let index = 0; index < count; index++) {
    const radios = criteria.nth(index).getByRole('radio');
    const radio = level === 'first' ? radios.first() : radios.last();
    await radio.check();
    await expect(radio).toBeChecked();
  }
}

async function scoreEveryCriterion(page: Page, scores: number[]) {
  const criteria = ['研究问题', '证据运用', '创意', '表达呈现'];
  for (const [index, name] of criteria.entries()) {
    await page.getByRole('group', { name: `${name}（1–5 分）` }).getByRole('radio', { name: `${scores[index]} 分` }).check();
  }
}

/** Blind review: nothing on the page, visible or not, says who made the work. */
async function expectBlind(page: Page, names: string[]) {
  for (const name of names) {
    await expect(page.locator('body')).not.toContainText(name);
    expect(await page.title()).not.toContain(name);
  }
}

test('the whole programme: a class, research, feedback, revision, grading, nomination, blind review, exhibition and certificate', async ({ page, browser }, testInfo) => {
  test.setTimeout(300_000);
  const size = perSize[testInfo.project.name];
  if (!size) throw new Error(`no journey data for the ${testInfo.project.name} screen size`);
  const className = `五年级研学班（${size.label}）`;
  const pupilName = size.pupil;
  const credit = `${pupilName.slice(0, 2)}同学（${school}）`; // formatCredit: compound family name + 同学（school）
  const season = currentSeason();

  // 1. The teacher creates a class, adds pupils, reads their codes and assigns a brief.
  await signInStaff(page, teacher.email, /\/classes$/);
  await expect(page.getByRole('heading', { level: 1, name: '我的班级' })).toBeVisible();
  const createClass = page.getByRole('region', { name: '创建班级' });
  await createClass.getByLabel('班级名称').fill(className);
  await createClass.getByLabel('年级', { exact: true }).selectOption({ label: '5 年级' });
  await check(page, testInfo, '01-teacher-classes');
  await createClass.getByRole('button', { name: '创建班级' }).click();
  await expect(page).toHaveURL(/\/classes\/[^/]+$/);
  const classPath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { level: 1, name: className })).toBeVisible();

  const addPupil = page.getByRole('region', { name: '添加一名学生' });
  for (const name of [pupilName, ...size.classmates]) {
    await addPupil.getByLabel('名字', { exact: true }).fill(name);
    await addPupil.getByRole('button', { name: '添加学生' }).click();
    await expect(addPupil.getByRole('status')).toHaveText(new RegExp(`^已添加${name}，登录码是 [A-Z0-9]+。$`));
  }
  const roster = page.getByRole('table', { name: '学生名单' });
  await expect(roster.getByRole('row')).toHaveCount(1 + 1 + size.classmates.length);
  await check(page, testInfo, '02-class-with-pupils');

  await page.getByRole('link', { name: '打印登录卡' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${className}的登录卡` })).toBeVisible();
  const cards = page.getByRole('list', { name: '登录卡' }).getByRole('listitem');
  await expect(cards).toHaveCount(1 + size.classmates.length);
  const card = cards.filter({ hasText: pupilName });
  const classCode = (await card.getByTestId('card-class-code').textContent())?.trim() ?? '';
  const pupilCode = (await card.getByTestId('card-pupil-code').textContent())?.trim() ?? '';
  expect(classCode).toMatch(/^[A-Z0-9]{4,}$/);
  expect(pupilCode).toMatch(/^[A-Z2-9]{6}$/);
  await check(page, testInfo, '03-sign-in-cards');

  await page.getByRole('link', { name: '返回班级' }).click();
  await page.getByRole('link', { name: '去项目库' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '项目库' })).toBeVisible();
  await page.getByRole('list', { name: '项目列表' }).getByRole('link', { name: brief.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: brief.title })).toBeVisible();
  await check(page, testInfo, '04-brief');
  await page.getByRole('link', { name: '布置给班级' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `布置项目：${brief.title}` })).toBeVisible();
  await page.getByLabel('班级', { exact: true }).selectOption({ label: className });
  await page.getByLabel('开始日期', { exact: true }).fill(schoolDate(-1));
  await page.getByLabel('截止日期', { exact: true }).fill(schoolDate(30));
  await page.getByRole('radio', { name: '每人独立完成' }).check();
  await check(page, testInfo, '05-assign-form');
  await page.getByRole('button', { name: '布置项目' }).click();
  await expect(page).toHaveURL(new RegExp(`${classPath}$`));
  const assigned = page.getByRole('list', { name: '已布置的项目' }).getByRole('article').filter({ hasText: brief.title });
  await expect(assigned).toContainText('独立完成');
  await check(page, testInfo, '06-class-with-assignment');

  // 2. The pupil signs in with the class code and their own code, researches and submits.
  const pupil = await newPage(browser, testInfo);
  await pupil.goto('/pupil-sign-in');
  await pupil.getByLabel('班级码').fill(classCode);
  await pupil.getByLabel('我的登录码').fill(pupilCode);
  await check(pupil, testInfo, '07-pupil-sign-in');
  await pupil.getByRole('button', { name: '进入' }).click();
  await expect(pupil).toHaveURL(/\/my$/);
  await expect(pupil.getByRole('heading', { level: 1, name: `你好，${pupilName}！` })).toBeVisible();
  await check(pupil, testInfo, '08-pupil-home');

  await pupil.getByRole('list', { name: '我的项目' }).getByRole('link', { name: brief.title }).click();
  await expect(pupil).toHaveURL(/\/my\/assignments\/[^/]+$/);
  await expect(pupil.getByRole('heading', { level: 1, name: brief.title })).toBeVisible();
  await check(pupil, testInfo, '09-workspace');

  const editors = pupil.getByRole('textbox', { name: /我写的内容$/ });
  const parts = await editors.count();
  expect(parts, 'every milestone and the reflection have an editor').toBeGreaterThanOrEqual(3);
  const observed = '玉猪龙是用绿色的玉做的，头很大，身体弯成一个圈，像字母C。';
  const drafts: [source: string, marker: string][] = [
    [`## 我的观察\n${observed}`, observed],
    ['## 我的问题\n- 五千年前的人怎样把玉磨得这么光滑？\n- 它是戴在身上的吗？\n- 为什么做成猪和龙的样子？', '为什么做成猪和龙的样子？'],
    ['## 我的调查\n红山文化的人用沙子和水慢慢磨玉。玉猪龙背上有小孔，可能是**穿绳子**戴的。', '红山文化的人用沙子和水慢慢磨玉。'],
    ['## 我的创作\n我用橡皮泥做了一个玉猪龙，还画了一张说明卡。', '我用橡皮泥做了一个玉猪龙，还画了一张说明卡。'],
    ['## 分享\n我把说明卡讲给同桌听。', '我把说明卡讲给同桌听。'],
  ];
  for (let index = 0; index < parts - 1; index++) {
    const [source, marker] = drafts[index] ?? [`## 第${index + 1}步\n我认真完成了第${index + 1}步。`, `我认真完成了第${index + 1}步。`];
    await write(pupil, editors.nth(index), source, marker);
  }
  await write(pupil, pupil.getByRole('textbox', { name: '我的反思：我写的内容' }), '我学到了古人很聪明。我还想知道红山文化的人住在什么样的房子里。');

  // The first step cites the museum's object and carries a photo of the pupil's drawing.
  const firstStep = pupil.locator('li.milestone').first();
  await firstStep.getByLabel('找一件藏品').fill('玉猪龙');
  await firstStep.getByRole('button', { name: '搜索', exact: true }).click();
  await firstStep.getByRole('button', { name: `引用「${citedObject}」` }).click();
  await expect(firstStep.getByRole('link', { name: citedObject })).toBeVisible();
  await firstStep.getByLabel('拍照或选一个文件').setInputFiles({ name: 'my-drawing.png', mimeType: 'image/png', buffer: redSquarePng(32) });
  await expect(firstStep.getByRole('img', { name: '我上传的图片 1' })).toBeVisible();
  await write(pupil, firstStep.getByLabel('我观察到的'), '展柜里的玉猪龙比我的手掌还小，背上有一个小孔。');
  await check(pupil, testInfo, '10-workspace-drafted');
  await submitWork(pupil);
  await expect(pupil.getByRole('region', { name: '我交过的作品' }).getByRole('heading', { name: '整个项目 · 第1次提交' })).toBeVisible();
  await check(pupil, testInfo, '11-submitted');

  // 3. The teacher follows progress, marks against the rubric and returns the work.
  await page.goto(classPath);
  await page.getByRole('link', { name: `“${brief.title}”的全班进度` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `全班进度：${brief.title}` })).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(pupilName) }) });
  await expect(row.getByText('已提交').first()).toBeVisible();
  await check(page, testInfo, '12-class-progress');
  await row.getByRole('link', { name: `批改 ${pupilName} 的作品` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `批改：${pupilName}` })).toBeVisible();
  await expect(page.getByText(observed)).toBeVisible();
  // The grading view names the cited object and links to its page.
  await expect(page.getByRole('link', { name: citedObject })).toHaveAttribute('href', /^\/collection\/[^/]+$/);
  await expect(page.getByText('展柜里的玉猪龙比我的手掌还小，背上有一个小孔。')).toBeVisible();
  await expect(page.getByRole('link', { name: '打开文件 1' })).toBeVisible();
  await chooseLevels(page, 'first');
  await page.getByLabel('总体评语').fill('观察很仔细！请在“探究”里再说说你是从哪里查到的资料。');
  await page.getByRole('button', { name: '保存批改' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^已保存$/ })).toBeVisible();
  await check(page, testInfo, '13-grading-first-attempt');
  await page.getByRole('button', { name: '退回修改' }).click();
  await page.getByRole('dialog', { name: '要把作品退回给学生修改吗？' }).getByRole('button', { name: '退回修改' }).click();
  await expect(page.getByText('作品已退回给学生修改。')).toBeVisible();

  // 4. The pupil hears of it in the header, opens the returned work, revises and resubmits.
  const unread = pupil.getByRole('link', { name: /^通知（\d+ 条未读）$/ });
  await expect(unread).toBeVisible();
  await unread.click();
  await expect(pupil.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  await check(pupil, testInfo, '14-pupil-notifications');
  await pupil.getByRole('link', { name: '老师请你修改作品' }).click();
  await expect(pupil.getByRole('heading', { level: 1, name: brief.title })).toBeVisible();
  const attempts = pupil.getByRole('region', { name: '我交过的作品' });
  await expect(attempts.getByText('老师请你修改')).toBeVisible();
  await expect(attempts.getByText('请在“探究”里再说说你是从哪里查到的资料。')).toBeVisible();
  const revised = '我在博物馆的展板上读到：红山文化的人用沙子和水慢慢磨玉。';
  await write(pupil, editors.nth(2), `## 我的调查\n${revised}\n\n玉猪龙背上有小孔，可能是**穿绳子**戴的。`, revised);
  await check(pupil, testInfo, '15-workspace-revised');
  await submitWork(pupil);
  await expect(attempts.getByRole('heading', { name: '整个项目 · 第2次提交' })).toBeVisible();

  // 5. The teacher grades the second attempt, releases the grades and nominates the work.
  await page.goto(classPath);
  await page.getByRole('link', { name: `“${brief.title}”的全班进度` }).click();
  await row.getByRole('link', { name: `批改 ${pupilName} 的作品` }).click();
  await expect(page.getByText('第2次提交').first()).toBeVisible();
  await expect(page.getByText(revised)).toBeVisible();
  await chooseLevels(page, 'last');
  await page.getByLabel('总体评语').fill('改得很好，资料的来源写清楚了。');
  await page.getByRole('button', { name: '评分', exact: true }).click();
  await page.getByRole('dialog', { name: '要给这份作品评分吗？' }).getByRole('button', { name: '评分' }).click();
  await expect(page.getByText('作品已评分。')).toBeVisible();
  const gradingPath = new URL(page.url()).pathname;

  await page.getByRole('link', { name: '回到全班进度' }).click();
  await page.getByRole('button', { name: '公布全班成绩' }).click();
  await page.getByRole('dialog', { name: '要公布成绩吗？' }).getByRole('button', { name: '公布全班成绩' }).click();
  await expect(page.getByText(/^公布了 1 份成绩。$/)).toBeVisible();
  await expect(row.getByText('已评分').first()).toBeVisible();
  await check(page, testInfo, '16-progress-released');

  await row.getByRole('link', { name: `查看 ${pupilName} 的作品` }).click();
  await expect(page).toHaveURL(new RegExp(`${gradingPath}$`));
  const nominate = page.getByRole('region', { name: '推荐给博物馆' });
  // The pupil's name in the statement: review is blind, so educators must not read it.
  const statement = `${pupilName}从观察一件藏品出发，自己找资料、做模型，修改后把资料来源写得很清楚。`;
  await nominate.getByLabel('推荐理由').fill(statement);
  await nominate.getByLabel('监护人同意在网上公开展示这份作品').check();
  await nominate.getByRole('radio', { name: '名字、姓的首字母和学校' }).check();
  await check(page, testInfo, '17-nominate');
  const nominated = page.waitForResponse((response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('NominateWork'));
  await nominate.getByRole('button', { name: '推荐' }).click();
  await expect(nominate.getByText('已推荐给博物馆。')).toBeVisible();
  const nominationId = ((await (await nominated).json()) as { data: { nominateWork: { nomination: { id: string } } } }).data.nominateWork.nomination.id;
  // As @lmr/domain's anonymousLabel names a nomination for blind review.
  const label = `作品 #${nominationId.replace(/-/g, '').slice(-4).toUpperCase()}`;

  // 6. A museum educator finds it in the review queue and scores it without knowing whose it is.
  const hidden = [pupilName, size.givenName, school, teacher.name, className];
  const educator = await newPage(browser, testInfo);
  await signInStaff(educator, reviewer.email, /\/briefs$/);
  await educator.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '作品评审' }).click();
  await expect(educator.getByRole('heading', { level: 1, name: '作品评审' })).toBeVisible();
  await educator.getByRole('combobox', { name: '主题' }).selectOption(brief.theme);
  await educator.getByRole('combobox', { name: '学段' }).selectOption('UPPER_PRIMARY');
  await educator.getByRole('combobox', { name: '季度' }).selectOption(season.key);
  await expect(educator).toHaveURL(new RegExp(`season=${season.key}`));
  const queueCard = educator.getByRole('list', { name: '推荐作品' }).getByRole('listitem').filter({ hasText: label });
  await expect(queueCard).toBeVisible();
  await expect(queueCard).toContainText(brief.title);
  await expect(queueCard).toContainText('等待结果');
  await expectBlind(educator, hidden);
  await check(educator, testInfo, '18-review-queue');

  await queueCard.getByRole('link', { name: `评审${label}` }).click();
  await expect(educator).toHaveURL(new RegExp(`/review/${nominationId}$`));
  await expect(educator.getByRole('heading', { level: 1, name: new RegExp(label) })).toBeVisible();
  await expect(educator.getByText(revised)).toBeVisible();
  await expect(educator.getByRole('img', { name: '作品图片 1' })).toBeVisible();
  await expect(educator.getByRole('link', { name: citedObject })).toBeVisible();
  await expectBlind(educator, hidden);
  await scoreEveryCriterion(educator, [4, 5, 4, 4]);
  await educator.getByLabel('给其他评审的备注').fill('证据用得好，还做了模型。');
  await educator.getByRole('button', { name: '保存评分' }).click();
  await expect(educator.getByRole('status').filter({ hasText: '评分已保存。' })).toBeVisible();
  await expectBlind(educator, hidden);
  await check(educator, testInfo, '19-educator-scored');

  // The lead reviewer scores too, sees both educators' scores and decides: Outstanding.
  const lead = await newPage(browser, testInfo);
  await signInStaff(lead, leadReviewer.email, /\/briefs$/);
  await lead.goto(`/review?theme=${brief.theme}&season=${season.key}`);
  const leadCard = lead.getByRole('list', { name: '推荐作品' }).getByRole('listitem').filter({ hasText: label });
  await expect(leadCard).toContainText('1 位评审已评分');
  await leadCard.getByRole('link', { name: `评审${label}` }).click();
  await expect(lead.getByRole('heading', { level: 1, name: new RegExp(label) })).toBeVisible();
  await expectBlind(lead, hidden);
  await scoreEveryCriterion(lead, [5, 5, 4, 5]);
  await lead.getByRole('button', { name: '保存评分' }).click();
  await expect(lead.getByRole('status').filter({ hasText: '评分已保存。' })).toBeVisible();
  const scores = lead.getByRole('table', { name: '每位评审每一项的评分和平均分' });
  await expect(scores.getByRole('columnheader')).toHaveText(['评价方面', reviewer.name, leadReviewer.name, '平均分']);
  await expect(scores.getByRole('row', { name: /^证据运用/ })).toContainText('5');
  await expect(lead.getByText('证据用得好，还做了模型。')).toBeVisible();
  const decision = lead.getByRole('region', { name: '评审结果' });
  await decision.getByRole('radio', { name: '优秀作品' }).check();
  await decision.getByLabel(/给老师和学生的反馈/).fill('从观察到查资料再到做模型，研究很完整。');
  await expectBlind(lead, hidden);
  await check(lead, testInfo, '20-lead-reviewer');
  await decision.getByRole('button', { name: '给出结果…' }).click();
  const confirm = lead.getByRole('dialog', { name: '确定给出「优秀作品」吗？' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: '确定给出结果' }).click();
  await expect(lead.getByText('结果已给出。老师和学生会收到通知。')).toBeVisible();
  const revealed = lead.getByRole('region', { name: '作者信息（评出结果后可见）' });
  await expect(revealed).toContainText(pupilName);
  await expect(revealed).toContainText(school);
  await expect(revealed).toContainText(teacher.name);
  const leadCertificate = revealed.getByRole('link', { name: '下载获奖证书（PDF）' });
  await expect(leadCertificate).toHaveAttribute('href', `/certificates/${nominationId}.pdf`);
  await check(lead, testInfo, '21-decided');

  // 7. Signed out, anyone finds the work in this season's exhibition, credited as agreed.
  const visitor = await newPage(browser, testInfo);
  await visitor.goto('/');
  await visitor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '线上展览' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: '线上展览' })).toBeVisible();
  await check(visitor, testInfo, '22-exhibition-seasons');
  await visitor.getByRole('link', { name: season.label }).click();
  await expect(visitor).toHaveURL(new RegExp(`/exhibition/${season.key}$`));
  await expect(visitor.getByRole('heading', { level: 1, name: `线上展览 · ${season.label}` })).toBeVisible();
  const shown = visitor.getByRole('list', { name: `${brief.themeName}的作品` }).getByRole('listitem').filter({ hasText: credit });
  await expect(shown).toHaveCount(1);
  await expect(shown.getByText(credit, { exact: true })).toBeVisible();
  await expect(shown).toContainText(`作者：${credit}`);
  await expect(shown).toContainText('优秀作品');
  await expect(shown).not.toContainText(pupilName);
  await check(visitor, testInfo, '23-exhibition-season');
  await shown.getByRole('link', { name: brief.title }).click();
  await expect(visitor).toHaveURL(/\/exhibition\/works\/[a-z0-9]+$/);
  await expect(visitor.getByRole('heading', { level: 1, name: brief.title })).toBeVisible();
  await expect(visitor.getByText(credit, { exact: true })).toBeVisible();
  await expect(visitor.getByText('优秀作品').first()).toBeVisible();
  const content = visitor.getByRole('region', { name: '作品内容' });
  await expect(content.getByText(revised)).toBeVisible();
  await expect(content.getByRole('img', { name: '作品图片 1' })).toBeVisible();
  await expect(content.getByRole('link', { name: citedObject })).toHaveAttribute('href', /^\/collection\//);
  await expect(visitor.locator('body')).not.toContainText(pupilName);
  await expect(visitor.getByRole('link', { name: /证书/ })).toHaveCount(0);
  await check(visitor, testInfo, '24-exhibited-work');

  // 8. The certificate: the lead reviewer downloads it, and the teacher finds it among the class's nominations.
  const download = lead.waitForEvent('download');
  await leadCertificate.click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
  const downloaded = await readFile(await pdf.path());
  expect(downloaded.subarray(0, 4).toString('latin1')).toBe('%PDF');

  await page.goto(classPath);
  await page.getByRole('link', { name: '推荐给博物馆的作品' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `推荐给博物馆的作品：${className}` })).toBeVisible();
  const mine = page.getByRole('list', { name: '推荐的作品' }).getByRole('listitem').filter({ hasText: statement });
  await expect(mine).toContainText('博物馆已决定');
  await expect(mine).toContainText('优秀');
  await expect(mine).toContainText('从观察到查资料再到做模型，研究很完整。');
  await expect(mine.getByRole('link', { name: '在线展览页面' })).toBeVisible();
  const certificate = mine.getByRole('link', { name: '证书' });
  await expect(certificate).toBeVisible();
  await check(page, testInfo, '25-class-nominations');
  const href = (await certificate.getAttribute('href')) ?? '';
  const response = await page.request.get(href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/pdf');
  expect((await response.body()).subarray(0, 4).toString('latin1')).toBe('%PDF');

  // The pupil hears the grade is out and the museum's decision.
  await pupil.goto('/notifications');
  await expect(pupil.getByRole('link', { name: '成绩公布了' })).toBeVisible();
  await expect(pupil.getByRole('link', { name: '博物馆对推荐的作品做了决定' })).toBeVisible();
  await check(pupil, testInfo, '26-pupil-notifications-after');

  for (const other of [pupil, educator, lead, visitor]) await other.context().close();
});
