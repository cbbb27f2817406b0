import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { zonedToInstant } from '@lmr/domain';
import { AccessService } from '../common/access.service';
import { badInput, conflict, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { BriefContent } from '../projects/brief-content';
import { ProjectsService } from '../projects/projects.service';
import { AssignmentEntity, type MuseumSession } from './assignment.entity';
import type { CreateAssignmentInput, SetTeamsInput } from './assignment.input';
import type { AssignedMilestone, Assignment, AssignmentConnection, Team } from './assignment.model';
import { TeamEntity, TeamMemberEntity } from './team.entity';

interface AssignmentRow {
  id: string;
  cohort_id: string;
  class_name: string;
  time_zone: string;
  brief_id: string;
  brief_version: number;
  mode: 'INDIVIDUAL' | 'TEAM';
  starts_at: Date;
  due_at: Date;
  milestone_due_at: Record<string, string>;
  museum_session: MuseumSession | null;
}

/** Columns of an assignment with its class name and the school's time zone. */
const SELECT_ASSIGNMENT = `SELECT a.id, a.cohort_id, c.name AS class_name, s.time_zone, a.brief_id, a.brief_version, a.mode,
       a.starts_at, a.due_at, a.milestone_due_at, a.museum_session
  FROM assignment a JOIN cohort c ON c.id = a.cohort_id JOIN school s ON s.id = c.school_id`;

/** Teachers of the class and its pupils see its assignments; $1 is the viewer. */
const ASSIGNMENT_VISIBLE = `(EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = a.cohort_id AND ct.teacher_id = $1)
  OR EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.cohort_id = a.cohort_id AND cp.pupil_id = $1))`;

function mapAssignment(row: AssignmentRow, content: BriefContent, now: Date): Assignment {
  const milestones: AssignedMilestone[] = content.milestones.map((m, i) => ({
    key: m.key,
    number: i + 1,
    title: m.title,
    prompt: m.prompt,
    handIn: m.handIn,
    dueAt: row.milestone_due_at[m.key] ? new Date(row.milestone_due_at[m.key]!) : null,
  }));
  const session = row.museum_session;
  return {
    id: row.id,
    classId: row.cohort_id,
    className: row.class_name,
    briefId: row.brief_id,
    briefVersion: row.brief_version,
    title: content.title,
    theme: content.theme,
    drivingQuestion: content.drivingQuestion,
    mode: row.mode,
    startsAt: new Date(row.starts_at),
    dueAt: new Date(row.due_at),
    timeZone: row.time_zone,
    milestones,
    nextMilestone: milestones.find((m) => (m.dueAt ?? new Date(row.due_at)).getTime() >= now.getTime()) ?? null,
    rubric: content.rubric,
    museumSession: session ? { kind: session.kind, at: new Date(session.instant), place: session.place } : null,
  };
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly projects: ProjectsService,
  ) {}

  /** One assignment the viewer may see (its class's teachers and pupils); NOT_FOUND otherwise. */
  private async visibleRow(viewer: Viewer, id: string, db: Pick<EntityManager, 'query'> = this.dataSource): Promise<AssignmentRow> {
    if (!isUuid(id)) throw notFound('assignment');
    const rows: AssignmentRow[] = await db.query(`${SELECT_ASSIGNMENT} WHERE a.id = $2 AND ${ASSIGNMENT_VISIBLE}`, [viewer.id, id]);
    if (!rows[0]) throw notFound('assignment');
    return rows[0];
  }

  private async withContent(rows: AssignmentRow[]): Promise<Assignment[]> {
    const contents = await this.projects.versions(rows.map((r) => ({ briefId: r.brief_id, version: r.brief_version })));
    const now = new Date();
    return rows.map((r, i) => mapAssignment(r, contents[i]!, now));
  }

  async get(viewer: Viewer, id: string): Promise<Assignment> {
    const [assignment] = await this.withContent([await this.visibleRow(viewer, id)]);
    return assignment!;
  }

  async forClass(viewer: Viewer, classId: string, first?: number | null, after?: string | null): Promise<AssignmentConnection> {
    await this.access.requireCohort(viewer, classId, 'read');
    return this.page(`a.cohort_id = $1`, [classId], first, after);
  }

  /** The pupil's home: the assignments of their classes, soonest due first. */
  async mine(viewer: Viewer, first?: number | null, after?: string | null): Promise<AssignmentConnection> {
    return this.page(`EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.cohort_id = a.cohort_id AND cp.pupil_id = $1)`, [viewer.id], first, after);
  }

  private async page(where: string, params: unknown[], first?: number | null, after?: string | null): Promise<AssignmentConnection> {
    const page = pageRequest(first, after);
    const conditions = [where];
    const values = [...params];
    if (page.after) {
      const [due, id] = page.after;
      if (typeof due !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(due)) || !isUuid(id)) {
        throw badInput('after', 'after is not a cursor this list handed out');
      }
      values.push(due, id);
      conditions.push(`(a.due_at, a.id) > ($${values.length - 1}::timestamptz, $${values.length}::uuid)`);
    }
    values.push(page.limit + 1);
    const rows: AssignmentRow[] = await this.dataSource.query(
      `${SELECT_ASSIGNMENT} WHERE ${conditions.join(' AND ')} ORDER BY a.due_at, a.id LIMIT $${values.length}`,
      values,
    );
    const shown = await this.withContent(rows.slice(0, page.limit));
    const byId = new Map(shown.map((a) => [a.id, a]));
    return toPage(rows, page.limit, (r) => [new Date(r.due_at).toISOString(), r.id], (r) => byId.get(r.id)!);
  }

  /** A teacher assigns a brief they can read to one of their own, unarchived classes. */
  async create(viewer: Viewer, input: CreateAssignmentInput): Promise<Assignment> {
    const id = await this.dataSource.transaction(async (tx) => {
      const cohort = await this.access.requireCohort(viewer, input.classId, 'manage', tx);
      if (cohort.archived) throw badInput('classId', 'the class is archived');
      const { brief, content } = await this.projects.assignable(viewer, input.briefId, tx).catch((err: unknown) => {
        throw err instanceof Error && 'code' in err && (err as { code: string }).code === 'NOT_FOUND' ? badInput('briefId', 'no such brief') : err;
      });
      const [{ time_zone: zone }] = await tx.query(`SELECT time_zone FROM school WHERE id = $1`, [cohort.schoolId]);
      const startsAt = this.instant('startsAt', /T/.test(input.startsAt) ? input.startsAt : `${input.startsAt}T00:00`, zone);
      const dueAt = this.instant('dueAt', input.dueAt, zone);
      if (dueAt.getTime() <= startsAt.getTime()) throw badInput('dueAt', 'the due date is not after the start');
      const keys = new Set(content.milestones.map((m) => m.key));
      const milestoneDueAt: Record<string, string> = {};
      (input.milestoneDueDates ?? []).forEach((m, i) => {
        const field = `milestoneDueDates.${i}.dueAt`;
        if (!keys.has(m.milestoneKey)) throw badInput(`milestoneDueDates.${i}.milestoneKey`, 'no such milestone in this brief');
        if (milestoneDueAt[m.milestoneKey]) throw badInput(`milestoneDueDates.${i}.milestoneKey`, 'this milestone has a due date already');
        const at = this.instant(field, m.dueAt, zone);
        if (at.getTime() < startsAt.getTime() || at.getTime() > dueAt.getTime()) throw badInput(field, 'a milestone is due outside the assignment dates');
        milestoneDueAt[m.milestoneKey] = at.toISOString();
      });
      let museumSession: MuseumSession | null = null;
      if (input.museumSession) {
        const place = input.museumSession.place.trim();
        if (place === '' || place.length > 200) throw badInput('museumSession.place', 'say where the museum session happens (at most 200 characters)');
        const at = this.instant('museumSession.at', input.museumSession.at, zone);
        museumSession = { kind: input.museumSession.kind, at: input.museumSession.at, instant: at.toISOString(), place };
      }
      const saved = await tx.save(
        tx.create(AssignmentEntity, {
          cohortId: cohort.id,
          briefId: brief.id,
          briefVersion: brief.currentVersion,
          mode: input.mode,
          startsAt,
          dueAt,
          milestoneDueAt,
          museumSession,
          createdById: viewer.id,
        }),
      );
      return saved.id;
    });
    return this.get(viewer, id);
  }

  private instant(field: string, local: string, zone: string): Date {
    const at = zonedToInstant(local, zone);
    if (!at) throw badInput(field, `${field} is not a date like 2026-12-01 or 2026-12-01T17:00`);
    return at;
  }

  /** An assignment the viewer teaches, for team changes. */
  private async managed(viewer: Viewer, assignmentId: string, tx: EntityManager): Promise<AssignmentRow> {
    const row = await this.visibleRow(viewer, assignmentId, tx);
    await this.access.requireCohort(viewer, row.cohort_id, 'manage', tx);
    if (row.mode !== 'TEAM') throw badInput('assignmentId', 'this assignment is individual work');
    return row;
  }

  async teams(assignmentId: string, db: Pick<EntityManager, 'query'> = this.dataSource): Promise<Team[]> {
    return (await this.teamsOf([assignmentId], db))[0]!;
  }

  /** The teams of several assignments in one query (for lists), in the order asked. */
  async teamsOf(assignmentIds: readonly string[], db: Pick<EntityManager, 'query'> = this.dataSource): Promise<Team[][]> {
    const rows: { assignment_id: string; team_id: string; name: string; pupil_id: string | null; display_name: string | null }[] = await db.query(
      `SELECT t.assignment_id, t.id AS team_id, t.name, u.id AS pupil_id, u.display_name
         FROM team t LEFT JOIN team_member m ON m.team_id = t.id LEFT JOIN app_user u ON u.id = m.pupil_id
        WHERE t.assignment_id = ANY($1::uuid[]) ORDER BY t.created_at, t.name, u.display_name`,
      [assignmentIds],
    );
    const byAssignment = new Map<string, Map<string, Team>>();
    for (const r of rows) {
      const teams = byAssignment.get(r.assignment_id) ?? new Map<string, Team>();
      const team = teams.get(r.team_id) ?? { id: r.team_id, name: r.name, members: [] };
      if (r.pupil_id) team.members.push({ id: r.pupil_id, displayName: r.display_name! });
      teams.set(r.team_id, team);
      byAssignment.set(r.assignment_id, teams);
    }
    return assignmentIds.map((id) => [...(byAssignment.get(id)?.values() ?? [])]);
  }

  /** The teacher forms the teams: replaces every team of the assignment. */
  async setTeams(viewer: Viewer, input: SetTeamsInput): Promise<Team[]> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.managed(viewer, input.assignmentId, tx);
      const pupils = new Set(
        (await tx.query(`SELECT pupil_id FROM cohort_pupil WHERE cohort_id = $1`, [row.cohort_id])).map((r: { pupil_id: string }) => r.pupil_id),
      );
      const seen = new Set<string>();
      input.teams.forEach((team, i) => {
        const name = team.name.trim();
        if (name === '' || name.length > 60) throw badInput(`teams.${i}.name`, 'a team needs a name of at most 60 characters');
        team.pupilIds.forEach((p, j) => {
          if (!pupils.has(p)) throw badInput(`teams.${i}.pupilIds.${j}`, 'not a pupil of this class');
          if (seen.has(p)) throw badInput(`teams.${i}.pupilIds.${j}`, 'a pupil is in two teams');
          seen.add(p);
        });
      });
      await this.replaceTeams(tx, row.id, input.teams.map((t) => ({ name: t.name.trim(), pupilIds: t.pupilIds })));
      return this.teams(row.id, tx);
    });
  }

  /** Random teams whose sizes differ by at most one. */
  async makeBalancedTeams(viewer: Viewer, assignmentId: string, teamSize: number): Promise<Team[]> {
    if (!Number.isInteger(teamSize) || teamSize < 2 || teamSize > 8) throw badInput('teamSize', 'teams have 2 to 8 pupils');
    return this.dataSource.transaction(async (tx) => {
      const row = await this.managed(viewer, assignmentId, tx);
      const pupils: string[] = (await tx.query(`SELECT pupil_id FROM cohort_pupil WHERE cohort_id = $1 ORDER BY pupil_id`, [row.cohort_id])).map(
        (r: { pupil_id: string }) => r.pupil_id,
      );
      for (let i = pupils.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [pupils[i], pupils[j]] = [pupils[j]!, pupils[i]!];
      }
      const count = Math.max(1, Math.round(pupils.length / teamSize));
      const teams = Array.from({ length: count }, (_, i) => ({ name: `第${i + 1}组 Team ${i + 1}`, pupilIds: [] as string[] }));
      pupils.forEach((p, i) => teams[i % count]!.pupilIds.push(p));
      await this.replaceTeams(tx, row.id, teams);
      return this.teams(row.id, tx);
    });
  }

  /** Teams are re-formed only before any team has started work: a team's work is never dropped. */
  private async replaceTeams(tx: EntityManager, assignmentId: string, teams: { name: string; pupilIds: string[] }[]) {
    const [{ started }] = await tx.query(`SELECT EXISTS (SELECT 1 FROM work WHERE assignment_id = $1 AND team_id IS NOT NULL) AS started`, [assignmentId]);
    if (started) throw conflict('teams have started their work; move pupils one by one instead', { field: 'assignmentId' });
    await tx.delete(TeamEntity, { assignmentId });
    for (const team of teams) {
      const saved = await tx.save(tx.create(TeamEntity, { assignmentId, name: team.name }));
      if (team.pupilIds.length) {
        await tx.insert(
          TeamMemberEntity,
          team.pupilIds.map((pupilId) => ({ teamId: saved.id, pupilId, assignmentId })),
        );
      }
    }
  }

  /** A pupil moves to another team of the same assignment. */
  async joinTeam(viewer: Viewer, teamId: string): Promise<Team[]> {
    if (viewer.role !== 'PUPIL') throw forbidden('only pupils move between teams');
    if (!isUuid(teamId)) throw notFound('team');
    return this.dataSource.transaction(async (tx) => {
      const rows: { assignment_id: string }[] = await tx.query(
        `SELECT t.assignment_id FROM team t JOIN assignment a ON a.id = t.assignment_id
          WHERE t.id = $2 AND EXISTS (SELECT 1 FROM cohort_pupil cp WHERE cp.cohort_id = a.cohort_id AND cp.pupil_id = $1)`,
        [viewer.id, teamId],
      );
      if (!rows[0]) throw notFound('team');
      const assignmentId = rows[0].assignment_id;
      // Pupils move freely until their team (old or new) has submitted work.
      const [{ submitted }] = await tx.query(
        `SELECT EXISTS (
           SELECT 1 FROM work w JOIN work_version v ON v.work_id = w.id
            WHERE w.assignment_id = $1 AND (w.team_id = $2 OR w.team_id = (SELECT team_id FROM team_member WHERE assignment_id = $1 AND pupil_id = $3))
              AND v.status <> 'WITHDRAWN') AS submitted`,
        [assignmentId, teamId, viewer.id],
      );
      if (submitted) throw conflict('your team has submitted work; ask your teacher to change teams', { field: 'teamId' });
      await tx.delete(TeamMemberEntity, { assignmentId, pupilId: viewer.id });
      await tx.insert(TeamMemberEntity, { teamId, pupilId: viewer.id, assignmentId });
      return this.teams(assignmentId, tx);
    });
  }
}

