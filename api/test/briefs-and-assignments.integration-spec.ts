import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newPupil, newWorld, signInPupil, signInStaff, type World } from './factories';
import { briefContent } from './project-factories';
import { createTestApp, type TestApp } from './test-app';

const BRIEF_FIELDS = `id version status inLibrary editable copiedFromId title { zh en } theme gradeFrom gradeTo maxPoints
  milestones { key title { zh } prompt { zh } } rubric { key levels { points } } suggestedObjects { id }`;
const CREATE = `mutation ($input: CreateBriefInput!) { createBrief(input: $input) { brief { ${BRIEF_FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateBriefInput!) { updateBrief(input: $input) { brief { ${BRIEF_FIELDS} } } }`;
const PUBLISH = `mutation ($id: ID!) { publishBrief(input: { id: $id }) { brief { id status } } }`;
const COPY = `mutation ($id: ID!) { copyBrief(input: { id: $id }) { brief { ${BRIEF_FIELDS} } } }`;
const LIBRARY = `query ($theme: Theme, $grade: Int, $search: String) { briefLibrary(theme: $theme, grade: $grade, search: $search) { edges { node { id title { zh } } } } }`;
const ASSIGN = `mutation ($input: CreateAssignmentInput!) { createAssignment(input: $input) {
  assignment { id classId briefVersion title { zh } mode startsAt dueAt timeZone milestones { key number dueAt } nextMilestone { number } museumSession { kind at place } } } }`;

function input(overrides: Record<string, unknown> = {}) {
  const { milestones, rubric, ...rest } = briefContent();
  return {
    ...rest,
    milestones: milestones.map(({ title, prompt }) => ({ title, prompt })),
    rubric: rubric.map(({ title, levels }) => ({ title, levels })),
    ...overrides,
  };
}

async function count(t: TestApp, table: string): Promise<number> {
  return Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
}

describe('briefs and assignments', () => {
  let t: TestApp;
  let w: World;
  let educator: string;
  let teacher: string;
  let colleague: string;
  let pupil: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await newWorld(t);
    educator = await signInStaff(t, w.educator);
    teacher = await signInStaff(t, w.teacher);
    colleague = await signInStaff(t, w.colleague);
    pupil = await signInPupil(t, w.pupil);
  });
  afterAll(async () => t.close());

  it('keeps a library draft from teachers until the museum publishes it', async () => {
    const made = await t.gql(CREATE, { input: { content: input({ title: { zh: '辽代铜镜', en: 'Liao bronze mirrors' } }) } }, { token: educator });
    expect(made.errors).toBeUndefined();
    const brief = made.data!.createBrief.brief;
    expect(brief).toMatchObject({ version: 1, status: 'DRAFT', inLibrary: true, editable: true, maxPoints: 3 });
    expect(brief.milestones).toHaveLength(2);

    const before = await t.gql(LIBRARY, { search: '铜镜' }, { token: teacher });
    expect(before.data!.briefLibrary.edges).toHaveLength(0);
    const hidden = await t.gql(`query ($id: ID!) { brief(id: $id) { id } }`, { id: brief.id }, { token: teacher });
    expect(hidden.errors![0]!.extensions!.code).toBe('NOT_FOUND');

    expect((await t.gql(PUBLISH, { id: brief.id }, { token: educator })).data!.publishBrief.brief.status).toBe('PUBLISHED');
    const after = await t.gql(LIBRARY, { search: '铜镜', theme: 'HISTORY', grade: 4 }, { token: teacher });
    expect(after.data!.briefLibrary.edges.map((e: any) => e.node.id)).toEqual([brief.id]);
    const wrongGrade = await t.gql(LIBRARY, { search: '铜镜', grade: 9 }, { token: teacher });
    expect(wrongGrade.data!.briefLibrary.edges).toHaveLength(0);
    const wrongTheme = await t.gql(LIBRARY, { search: '铜镜', theme: 'ART' }, { token: teacher });
    expect(wrongTheme.data!.briefLibrary.edges).toHaveLength(0);
  });

  it.each([
    ['a rubric level without points', { rubric: [{ title: { zh: '观察' }, levels: [{ points: 1, descriptor: { zh: 'a' } }, { descriptor: { zh: 'b' } }] }] }, 'rubric.0.levels.1.points'],
    ['a milestone without a prompt', { milestones: [{ title: { zh: '观察' }, prompt: { zh: '看' } }, { title: { zh: '提问' }, prompt: { zh: ' ' } }] }, 'milestones.1.prompt'],
    ['grades out of order', { gradeFrom: 6, gradeTo: 3 }, 'gradeTo'],
    ['an unknown suggested object', { suggestedObjectIds: ['00000000-0000-4000-8000-000000000000'] }, 'suggestedObjectIds'],
    ['no rubric', { rubric: [] }, 'rubric'],
  ])('refuses %s, naming the field, and saves nothing', async (_name, overrides, field) => {
    const briefs = await count(t, 'project_brief');
    const versions = await count(t, 'project_brief_version');
    const res = await t.gql(CREATE, { input: { content: input(overrides) } }, { token: teacher });
    expect(res.data).toBeNull();
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count(t, 'project_brief')).toBe(briefs);
    expect(await count(t, 'project_brief_version')).toBe(versions);
  });

  it('never changes an assigned brief under the pupils: an edit makes the next version', async () => {
    const library = (await t.gql(CREATE, { input: { content: input() } }, { token: educator })).data!.createBrief.brief;
    await t.gql(PUBLISH, { id: library.id }, { token: educator });
    const copy = (await t.gql(COPY, { id: library.id }, { token: teacher })).data!.copyBrief.brief;
    expect(copy).toMatchObject({ inLibrary: false, editable: true, copiedFromId: library.id, version: 1, status: 'DRAFT' });
    const mine = await t.gql(`{ myBriefs { edges { node { id } } } }`, {}, { token: teacher });
    expect(mine.data!.myBriefs.edges.map((e: any) => e.node.id)).toContain(copy.id);
    expect((await t.gql(`{ myBriefs { edges { node { id } } } }`, {}, { token: colleague })).data!.myBriefs.edges.map((e: any) => e.node.id)).not.toContain(copy.id);

    // Before it is assigned, edits change version 1 in place and keep milestone keys.
    const keep = copy.milestones.map((m: any, i: number) => ({ key: m.key, title: { zh: `第${i + 1}步` }, prompt: { zh: '写一写' } }));
    const edited = (await t.gql(UPDATE, { input: { id: copy.id, content: input({ milestones: keep }) } }, { token: teacher })).data!.updateBrief.brief;
    expect(edited.version).toBe(1);
    expect(edited.milestones.map((m: any) => m.key)).toEqual(copy.milestones.map((m: any) => m.key));

    const assigned = await t.gql(ASSIGN, { input: { classId: w.cls.id, briefId: copy.id, startsAt: '2026-12-01T08:00', dueAt: '2026-12-20', mode: 'INDIVIDUAL' } }, { token: teacher });
    expect(assigned.errors).toBeUndefined();
    const assignment = assigned.data!.createAssignment.assignment;

    const renamed = await t.gql(UPDATE, { input: { id: copy.id, content: input({ title: { zh: '新的题目' }, milestones: keep }) } }, { token: teacher });
    expect(renamed.data!.updateBrief.brief).toMatchObject({ version: 2, title: { zh: '新的题目' } });
    const seen = await t.gql(`query ($id: ID!) { assignment(id: $id) { briefVersion title { zh } } }`, { id: assignment.id }, { token: pupil });
    expect(seen.data!.assignment).toEqual({ briefVersion: 1, title: { zh: edited.title.zh } });

    const otherEditor = await t.gql(UPDATE, { input: { id: copy.id, content: input() } }, { token: colleague });
    expect(otherEditor.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  describe('assigning', () => {
    let briefId: string;
    let milestoneKeys: string[];
    beforeAll(async () => {
      const made = (await t.gql(CREATE, { input: { content: input() } }, { token: educator })).data!.createBrief.brief;
      await t.gql(PUBLISH, { id: made.id }, { token: educator });
      briefId = made.id;
      milestoneKeys = made.milestones.map((m: any) => m.key);
    });

    it('sets dates in the school time zone, with a due date per milestone and a museum session', async () => {
      const res = await t.gql(
        ASSIGN,
        {
          input: {
            classId: w.cls.id,
            briefId,
            startsAt: '2020-11-01T08:00',
            dueAt: '2030-12-20T17:00',
            milestoneDueDates: [
              { milestoneKey: milestoneKeys[0], dueAt: '2020-11-05' },
              { milestoneKey: milestoneKeys[1], dueAt: '2030-12-10T12:00' },
            ],
            mode: 'INDIVIDUAL',
            museumSession: { kind: 'MUSEUM_VISIT', at: '2026-12-04T09:30', place: '辽宁省博物馆' },
          },
        },
        { token: teacher },
      );
      expect(res.errors).toBeUndefined();
      const a = res.data!.createAssignment.assignment;
      expect(a).toMatchObject({ classId: w.cls.id, timeZone: 'Asia/Shanghai', mode: 'INDIVIDUAL', briefVersion: 1 });
      expect(new Date(a.startsAt).toISOString()).toBe('2020-11-01T00:00:00.000Z');
      expect(new Date(a.dueAt).toISOString()).toBe('2030-12-20T09:00:00.000Z');
      expect(a.milestones.map((m: any) => new Date(m.dueAt).toISOString())).toEqual(['2020-11-05T15:59:00.000Z', '2030-12-10T04:00:00.000Z']);
      // The first milestone's date has passed: the next one due is the second.
      expect(a.nextMilestone).toEqual({ number: 2 });
      expect(a.museumSession).toMatchObject({ kind: 'MUSEUM_VISIT', place: '辽宁省博物馆' });

      const home = await t.gql(`{ myAssignments { edges { node { id nextMilestone { number } } } } }`, {}, { token: pupil });
      expect(home.data!.myAssignments.edges.map((e: any) => e.node.id)).toContain(a.id);
      const otherPupil = await signInPupil(t, w.otherSchoolPupil);
      const theirs = await t.gql(`{ myAssignments { edges { node { id } } } }`, {}, { token: otherPupil });
      expect(theirs.data!.myAssignments.edges.map((e: any) => e.node.id)).not.toContain(a.id);
    });

    it.each([
      ['a due date before the start', { startsAt: '2026-12-10', dueAt: '2026-12-01' }, 'dueAt', 'BAD_USER_INPUT'],
      ['a date that is not a date', { startsAt: 'next monday', dueAt: '2026-12-01' }, 'startsAt', 'BAD_USER_INPUT'],
      ['a milestone due after the end', { startsAt: '2026-12-01', dueAt: '2026-12-10', milestoneDueDates: [{ milestoneKey: 'KEY0', dueAt: '2026-12-11' }] }, 'milestoneDueDates.0.dueAt', 'BAD_USER_INPUT'],
      ['a milestone the brief does not have', { startsAt: '2026-12-01', dueAt: '2026-12-10', milestoneDueDates: [{ milestoneKey: 'nope', dueAt: '2026-12-05' }] }, 'milestoneDueDates.0.milestoneKey', 'BAD_USER_INPUT'],
      ['another teacher’s class', { classId: 'COLLEAGUE', startsAt: '2026-12-01', dueAt: '2026-12-10' }, undefined, 'NOT_FOUND'],
      ['a museum session with no place', { startsAt: '2026-12-01', dueAt: '2026-12-10', museumSession: { kind: 'SCHOOL_LESSON', at: '2026-12-04T09:30', place: ' ' } }, 'museumSession.place', 'BAD_USER_INPUT'],
    ])('refuses %s and saves nothing', async (_name, overrides: Record<string, any>, field, code) => {
      const before = await count(t, 'assignment');
      const values = {
        classId: w.cls.id,
        briefId,
        mode: 'INDIVIDUAL',
        ...overrides,
        ...(overrides.classId === 'COLLEAGUE' ? { classId: w.colleagueClass.id } : {}),
        ...(overrides.milestoneDueDates
          ? { milestoneDueDates: overrides.milestoneDueDates.map((m: any) => ({ ...m, milestoneKey: m.milestoneKey === 'KEY0' ? milestoneKeys[0] : m.milestoneKey })) }
          : {}),
      };
      const res = await t.gql(ASSIGN, { input: values }, { token: teacher });
      expect(res.data).toBeNull();
      expect(res.errors![0]!.extensions!.code).toBe(code);
      if (field) expect(res.errors![0]!.extensions!.field).toBe(field);
      expect(await count(t, 'assignment')).toBe(before);
    });

    it('makes balanced random teams, and lets a pupil move to another team', async () => {
      for (let i = 0; i < 5; i++) await newPupil(t, w.cls);
      const made = await t.gql(ASSIGN, { input: { classId: w.cls.id, briefId, startsAt: '2026-12-01', dueAt: '2030-12-10', mode: 'TEAM' } }, { token: teacher });
      const assignmentId = made.data!.createAssignment.assignment.id;
      const teams = (
        await t.gql(`mutation ($input: MakeBalancedTeamsInput!) { makeBalancedTeams(input: $input) { teams { id members { id } } } }`, { input: { assignmentId, teamSize: 3 } }, { token: teacher })
      ).data!.makeBalancedTeams.teams;
      const sizes = teams.map((team: any) => team.members.length);
      expect(sizes.reduce((a: number, b: number) => a + b, 0)).toBe(7);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      const everyone = teams.flatMap((team: any) => team.members.map((m: any) => m.id));
      expect(new Set(everyone).size).toBe(7);

      const mineNow = teams.find((team: any) => team.members.some((m: any) => m.id === w.pupil.id));
      const other = teams.find((team: any) => team !== mineNow);
      const moved = await t.gql(`mutation ($id: ID!) { joinTeam(input: { teamId: $id }) { teams { id members { id } } } }`, { id: other.id }, { token: pupil });
      const after = moved.data!.joinTeam.teams;
      expect(after.find((team: any) => team.id === other.id).members.map((m: any) => m.id)).toContain(w.pupil.id);
      expect(after.find((team: any) => team.id === mineNow.id).members.map((m: any) => m.id)).not.toContain(w.pupil.id);

      const bad = await t.gql(`mutation ($input: SetTeamsInput!) { setTeams(input: $input) { teams { id } } }`, { input: { assignmentId, teams: [{ name: 'A', pupilIds: [w.pupil.id] }, { name: 'B', pupilIds: [w.pupil.id] }] } }, { token: teacher });
      expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teams.1.pupilIds.0' });
      const stranger = await t.gql(`mutation ($input: SetTeamsInput!) { setTeams(input: $input) { teams { id } } }`, { input: { assignmentId, teams: [{ name: 'A', pupilIds: [w.otherSchoolPupil.id] }] } }, { token: teacher });
      expect(stranger.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teams.0.pupilIds.0' });
      const kept = await t.gql(`query ($id: ID!) { assignment(id: $id) { teams { members { id } } } }`, { id: assignmentId }, { token: teacher });
      expect(kept.data!.assignment.teams.flatMap((team: any) => team.members)).toHaveLength(7);
    });
  });
});
