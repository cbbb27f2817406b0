import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseSeason, type GradeBand, type Theme } from '@lmr/domain';
import { badInput, forbidden } from '../common/errors';
import type { Viewer } from '../common/viewer';
import type { ProgrammeFigureRow, ProgrammeFigures } from './figures.model';
import { GRADE_BAND_SQL, seasonSql } from './nominated-work';

interface FigureSqlRow {
  theme: Theme;
  grade_band: GradeBand;
  schools: number;
  classes: number;
  pupils: number;
  pupil_assignments: number;
  submitted: number | null;
  works_submitted: number | null;
  nominations: number | null;
  outstanding: number | null;
  commended: number | null;
  not_selected: number | null;
  awaiting: number | null;
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000);

/**
 * The figures a museum reports on its programme (as a science-popularisation base): who takes
 * part, per theme and grade band, how much is submitted and nominated, and the outcomes.
 * Counts only; no names. For the museum's educators and admins, over the museum's schools.
 */
@Injectable()
export class FiguresService {
  constructor(private readonly dataSource: DataSource) {}

  async figures(viewer: Viewer, seasonKey: string | null | undefined): Promise<ProgrammeFigures> {
    if ((viewer.role !== 'MUSEUM_EDUCATOR' && viewer.role !== 'ADMIN') || !viewer.museumId) throw forbidden('the museum’s staff see programme figures');
    const season = seasonKey ? parseSeason(seasonKey) : null;
    if (seasonKey && !season) throw badInput('season', 'a season looks like 2026-AUTUMN');
    const rows: FigureSqlRow[] = await this.dataSource.query(
      `WITH assigned AS (
         SELECT a.id AS assignment_id, a.cohort_id, c.school_id, bv.content->>'theme' AS theme, ${GRADE_BAND_SQL} AS grade_band
           FROM assignment a
           JOIN cohort c ON c.id = a.cohort_id
           JOIN school s ON s.id = c.school_id
           JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
          WHERE s.museum_id = $1 AND ($2::text IS NULL OR ${seasonSql('a.starts_at')} = $2)),
       taking_part AS (
         SELECT x.*, cp.pupil_id FROM assigned x JOIN cohort_pupil cp ON cp.cohort_id = x.cohort_id),
       submitted_works AS (
         SELECT x.theme, x.grade_band, w.id AS work_id, w.pupil_id, w.team_id, w.assignment_id
           FROM assigned x JOIN work w ON w.assignment_id = x.assignment_id
          WHERE EXISTS (SELECT 1 FROM work_version v WHERE v.work_id = w.id AND v.scope = 'PROJECT' AND v.status <> 'WITHDRAWN')),
       submitted_pupils AS (
         SELECT DISTINCT p.theme, p.grade_band, p.assignment_id, p.pupil_id
           FROM taking_part p JOIN submitted_works sw ON sw.assignment_id = p.assignment_id
          WHERE sw.pupil_id = p.pupil_id
             OR EXISTS (SELECT 1 FROM team_member tm WHERE tm.team_id = sw.team_id AND tm.pupil_id = p.pupil_id)),
       nominated AS (
         SELECT x.theme, x.grade_band, n.outcome
           FROM assigned x JOIN work w ON w.assignment_id = x.assignment_id
           JOIN work_version v ON v.work_id = w.id JOIN nomination n ON n.version_id = v.id)
       SELECT p.theme, p.grade_band, p.schools, p.classes, p.pupils, p.pupil_assignments, sp.submitted, sw.works_submitted,
              n.nominations, n.outstanding, n.commended, n.not_selected, n.awaiting
         FROM (SELECT theme, grade_band, count(DISTINCT school_id)::int AS schools, count(DISTINCT cohort_id)::int AS classes,
                      count(DISTINCT pupil_id)::int AS pupils, count(*)::int AS pupil_assignments
                 FROM taking_part GROUP BY theme, grade_band) p
         LEFT JOIN (SELECT theme, grade_band, count(*)::int AS submitted FROM submitted_pupils GROUP BY theme, grade_band) sp USING (theme, grade_band)
         LEFT JOIN (SELECT theme, grade_band, count(*)::int AS works_submitted FROM submitted_works GROUP BY theme, grade_band) sw USING (theme, grade_band)
         LEFT JOIN (SELECT theme, grade_band, count(*)::int AS nominations,
                           count(*) FILTER (WHERE outcome = 'OUTSTANDING')::int AS outstanding,
                           count(*) FILTER (WHERE outcome = 'COMMENDED')::int AS commended,
                           count(*) FILTER (WHERE outcome = 'NOT_SELECTED')::int AS not_selected,
                           count(*) FILTER (WHERE outcome IS NULL)::int AS awaiting
                      FROM nominated GROUP BY theme, grade_band) n USING (theme, grade_band)
        ORDER BY p.theme, p.grade_band`,
      [viewer.museumId, season?.key ?? null],
    );
    return {
      season: season ? { key: season.key, label: season.label } : null,
      rows: rows.map((r): ProgrammeFigureRow => {
        const submitted = r.submitted ?? 0;
        const works = r.works_submitted ?? 0;
        const nominations = r.nominations ?? 0;
        return {
          theme: r.theme,
          gradeBand: r.grade_band,
          schools: r.schools,
          classes: r.classes,
          pupils: r.pupils,
          pupilAssignments: r.pupil_assignments,
          submitted,
          submissionRate: rate(submitted, r.pupil_assignments),
          worksSubmitted: works,
          nominations,
          nominationRate: rate(nominations, works),
          outstanding: r.outstanding ?? 0,
          commended: r.commended ?? 0,
          notSelected: r.not_selected ?? 0,
          awaitingDecision: r.awaiting ?? 0,
        };
      }),
    };
  }
}
