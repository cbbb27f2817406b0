import { expect, test, type APIRequestContext, type Page } from './support';
import { expectAccessible, expectNoSidewaysScrolling, screenshot } from './support';

import { demoClassCode, demoPassword } from './demo-sign-in';

const teacher = 'wang.fang@wenbo.example';
const leadReviewer = 'zhao.min@museum.example';
const reviewer = 'chen.yu@museum.example';

async function graphql<T = Record<string, any>>(request: APIRequestContext, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * The demo's only nominations are decided (its finished spring season), so each screen size
 * makes one of its own the way a class would: a pupil submits, the teacher grades and nominates.
 */
async function newNomination(request: APIRequestContext, pupilIndex: number): Promise<{ id: string; label: string; theme: string }> {
  const { signIn } = await graphql(request, null, `mutation($input: SignInInput!) { signIn(input: $input) { token } }`, { input: { email: teacher, password: demoPassword() } });
  const teacherToken = signIn.token as string;
  const { classes } = await graphql(request, teacherToken, `{ classes { id name classCode } }`);
  const klass = (classes as { id: string; name: string; classCode: string }[]).find((c) => c.classCode === demoClassCode('四年级二班'))!;
  const { signInCards } = await graphql(request, teacherToken, `query($id: ID!) { signInCards(classId: $id) { cards { pupilCode } } }`, { id: klass.id });
  const pupilCode = signInCards.cards[pupilIndex].pupilCode as string;

  const { signInPupil } = await graphql(request, null, `mutation($input: PupilSignInInput!) { signInPupil(input: $input) { token } }`, { input: { classCode: demoClassCode('四年级二班'), pupilCode } });
  const pupilToken = signInPupil.token as string;
  const { myAssignments } = await graphql(request, pupilToken, `{ myAssignments(first: 50) { edges { node { id mode theme title { zh } milestones { key } } } } }`);
  const assignment = (myAssignments.edges as { node: { id: string; mode: string; theme: string; title: { zh: string }; milestones: { key: string }[] } }[])
    .map((e) => e.node)
    .find((a) => a.mode === 'INDIVIDUAL' && a.title.zh === '走进唐代仕女的一天')!;
  const { myWork } = await graphql(request, pupilToken, `query($id: ID!) { myWork(assignmentId: $id) { id parts { partKey revision } } }`, { id: assignment.id });
  const partKey = assignment.milestones[0]!.key;
  const revision = (myWork.parts as { partKey: string; revision: number }[]).find((p) => p.partKey === partKey)?.revision ?? 0;
  await graphql(request, pupilToken, `mutation($input: SaveWorkPartInput!) { saveWorkPart(input: $input) { part { revision } } }`, {
    input: {
      workId: myWork.id,
      partKey,
      baseRevision: revision,
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '仕女的发髻上插着大朵的牡丹花，衣裙又长又宽。' }] }] },
      evidence: [],
    },
  });
  const { submitWork } = await graphql(request, pupilToken, `mutation($input: SubmitWorkInput!) { submitWork(input: $input) { version { id } } }`, {
    input: { workId: myWork.id, scope: 'PROJECT', idempotencyKey: `museum-e2e-${pupilIndex}-${Date.now()}` },
  });
  const versionId = submitWork.version.id as string;

  const { gradingView } = await graphql(request, teacherToken, `query($id: ID!) { gradingView(versionId: $id) { rubric { key levels { points } } } }`, { id: versionId });
  const levels = (gradingView.rubric as { key: string; levels: unknown[] }[]).map((c) => ({ criterionKey: c.key, level: c.levels.length - 1 }));
  const { saveFeedback } = await graphql(request, teacherToken, `mutation($input: SaveFeedbackInput!) { saveFeedback(input: $input) { feedback { rowVersion } } }`, {
    input: { versionId, expectedRowVersion: 0, levels, overallComment: '观察得很仔细。' },
  });
  await graphql(request, teacherToken, `mutation($input: DecideInput!) { gradeWork(input: $input) { feedback { rowVersion } } }`, {
    input: { versionId, expectedRowVersion: saveFeedback.feedback.rowVersion },
  });
  const { nominateWork } = await graphql(request, teacherToken, `mutation($input: NominateWorkInput!) { nominateWork(input: $input) { nomination { id } } }`, {
    input: { versionId, statement: '这位同学观察细致，能用自己的话描述画中的服饰。', guardianConsent: true, creditStyle: 'FIRST_NAME_INITIAL_SCHOOL' },
  });
  const id = nominateWork.nomination.id as string;
  // As @lmr/domain's anonymousLabel names a nomination for blind review.
  return { id, label: `作品 #${id.replace(/-/g, '').slice(-4).toUpperCase()}`, theme: assignment.theme };
}

/** The season a nomination made today belongs to (seasonOf in @lmr/domain, near enough in Shanghai). */
function currentSeason(): string {
  const now = new Date();
  const year = now.getFullYear();
  const month = now.getMonth() + 1;
  return month >= 8 ? `${year}-AUTUMN` : month === 1 ? `${year - 1}-AUTUMN` : `${year}-SPRING`;
}

async function signIn(page: Page, email: string) {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(demoPassword());
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/briefs$/);
}

async function scoreEveryCriterion(page: Page, scores: number[]) {
  const criteria = ['研究问题', '证据运用', '创意', '表达呈现'];
  for (const [index, name] of criteria.entries()) {
    await page.getByRole('group', { name: `${name}（1–5 分）` }).getByRole('radio', { name: `${scores[index]} 分` }).check();
  }
}

test('anyone can visit the online exhibition: a season, its themes and a work', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '线上展览' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '线上展览' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: '2026 春季' })).toContainText('3 件作品');
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '1-exhibition-seasons');
  await expectAccessible(page, testInfo, 'exhibition seasons');

  await page.getByRole('link', { name: '2026 春季' }).click();
  await expect(page).toHaveURL(/\/exhibition\/2026-SPRING$/);
  await expect(page.getByRole('heading', { level: 1, name: '线上展览 · 2026 春季' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '传统工艺的作品' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '汉字之旅的作品' })).toBeVisible();
  // Credited exactly as each guardian consented: anonymously for the characters work.
  await expect(page.getByRole('list', { name: '汉字之旅的作品' }).getByText('一位小小研究员')).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '2-exhibition-season');
  await expectAccessible(page, testInfo, 'exhibition season');

  await page.getByRole('combobox', { name: '主题' }).selectOption('CRAFTS');
  await expect(page).toHaveURL(/theme=CRAFTS/);
  await expect(page.getByRole('heading', { level: 2, name: '汉字之旅的作品' })).toHaveCount(0);
  const crafts = page.getByRole('list', { name: '传统工艺的作品' });
  await expect(crafts.getByRole('listitem')).toHaveCount(2);
  await crafts.getByRole('listitem').first().getByRole('link').click();

  await expect(page).toHaveURL(/\/exhibition\/works\/[a-z0-9]{16}$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('优秀作品').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '作品内容' })).toBeVisible();
  const cited = page.getByRole('region', { name: '作品内容' }).getByRole('link').first();
  await expect(cited).toHaveAttribute('href', /^\/collection\//);
  await expect(page.getByRole('link', { name: /证书/ })).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '3-exhibited-work');
  await expectAccessible(page, testInfo, 'exhibited work');

  await cited.click();
  await expect(page).toHaveURL(/\/collection\/[^/]+$/);
});

test('educators review a nomination blind and the lead reviewer decides', async ({ page, request }, testInfo) => {
  // Cards 20–22 belong to the feedback journey, 10–12 to the workspace journey.
  const pupilIndex = 23 + ['desktop', 'phone', 'tablet'].indexOf(testInfo.project.name);
  const nomination = await newNomination(request, pupilIndex);

  await signIn(page, reviewer);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '作品评审' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '作品评审' })).toBeVisible();
  await page.getByRole('combobox', { name: '主题' }).selectOption(nomination.theme);
  await page.getByRole('combobox', { name: '季度' }).selectOption(currentSeason());
  await expect(page).toHaveURL(new RegExp(`theme=${nomination.theme}&season=${currentSeason()}`));
  const queue = page.getByRole('list', { name: '推荐作品' });
  const card = queue.getByRole('listitem').filter({ hasText: nomination.label });
  await expect(card).toBeVisible();
  // Blind: nothing about who made it.
  await expect(queue).not.toContainText('文博路');
  await expect(queue).not.toContainText('王芳');
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '4-review-queue');
  await expectAccessible(page, testInfo, 'review queue');

  await card.getByRole('link', { name: `评审${nomination.label}` }).click();
  await expect(page).toHaveURL(new RegExp(`/review/${nomination.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(nomination.label) })).toBeVisible();
  await expect(page.getByText('仕女的发髻上插着大朵的牡丹花')).toBeVisible();
  await expect(page.getByRole('heading', { name: '所有评审的评分' })).toHaveCount(0);
  // The scores are native radio groups: arrow keys move between them.
  const research = page.getByRole('group', { name: '研究问题（1–5 分）' });
  await research.getByRole('radio', { name: '2 分' }).check();
  await page.keyboard.press('ArrowRight');
  await expect(research.getByRole('radio', { name: '3 分' })).toBeChecked();
  await expect(research.getByRole('radio', { name: '3 分' })).toBeFocused();
  await scoreEveryCriterion(page, [4, 4, 3, 5]);
  await page.getByLabel('给其他评审的备注').fill('描写具体，可以再多引用展品。');
  await page.getByRole('button', { name: '保存评分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '评分已保存。' })).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '5-scored');
  await expectAccessible(page, testInfo, 'scoring');

  await signIn(page, leadReviewer);
  await page.goto(`/review/${nomination.id}`);
  await scoreEveryCriterion(page, [5, 4, 4, 4]);
  await page.getByRole('button', { name: '保存评分' }).click();
  await expect(page.getByRole('status').filter({ hasText: '评分已保存。' })).toBeVisible();
  const scores = page.getByRole('table', { name: '每位评审每一项的评分和平均分' });
  await expect(scores.getByRole('columnheader')).toHaveText(['评价方面', '陈宇', '赵敏', '平均分']);
  await expect(page.getByText('描写具体，可以再多引用展品。')).toBeVisible();

  const decision = page.getByRole('region', { name: '评审结果' });
  await decision.getByRole('radio', { name: '表彰作品' }).check();
  await decision.getByLabel(/给老师和学生的反馈/).fill('观察很细致。下次可以比较两幅画里的服饰。');
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '6-lead-view');
  await expectAccessible(page, testInfo, 'lead reviewer');
  await decision.getByRole('button', { name: '给出结果…' }).click();
  const dialog = page.getByRole('dialog', { name: '确定给出「表彰作品」吗？' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '确定给出结果' }).click();

  await expect(page.getByText('结果已给出。老师和学生会收到通知。')).toBeVisible();
  const revealed = page.getByRole('region', { name: '作者信息（评出结果后可见）' });
  await expect(revealed).toContainText('沈阳市文博路小学');
  await expect(revealed).toContainText('王芳');
  await expect(revealed.getByRole('link', { name: '下载获奖证书（PDF）' })).toHaveAttribute('href', `/certificates/${nomination.id}.pdf`);
  await expect(page.getByRole('button', { name: '保存评分' })).toHaveCount(0);
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '7-decided');
  await expectAccessible(page, testInfo, 'decided');
});

test('the programme figures show as charts and export as CSV', async ({ page }, testInfo) => {
  await signIn(page, leadReviewer);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '项目数据' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '项目数据' })).toBeVisible();
  await expect(page.getByText('参与的学生人数（按主题，分学段）').first()).toBeVisible();
  await expect(page.getByRole('table', { name: '按主题和学段的全部数字' })).toBeVisible();

  await page.getByRole('combobox', { name: '季度' }).selectOption('2026-SPRING');
  await expect(page).toHaveURL(/season=2026-SPRING/);
  await expect(page.getByText('正在显示：2026 春季')).toBeVisible();
  await expect(page.getByText('评审结果（按主题）').first()).toBeVisible();
  await expectNoSidewaysScrolling(page);
  await screenshot(page, testInfo, '8-programme');
  await expectAccessible(page, testInfo, 'programme figures');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  expect((await download).suggestedFilename()).toBe('programme-figures-2026-SPRING.csv');
  await expect(page.getByRole('status').filter({ hasText: 'CSV 文件已下载。' })).toBeVisible();
});
