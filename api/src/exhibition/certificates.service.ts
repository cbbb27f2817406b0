import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Bilingual, NominationOutcome } from '@lmr/domain';
import { notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { certificatePdf } from './certificate-pdf';

/**
 * Certificates for Outstanding and Commended work. A certificate is private (the pupils, the
 * class's teachers, the museum's educators), so it names the pupils in full whatever the
 * public credit style: consent governs public showing, not the award itself, and a
 * withdrawn consent does not take the certificate back.
 *
 * Which pupils may download it is the same list the certificate names (the work's pupil, or
 * the members of its team), read once in the statement: no pupil can fetch a certificate
 * that does not carry their name, and every pupil it names can. Anyone else gets the answer
 * a certificate that does not exist gets.
 */
@Injectable()
export class CertificatesService {
  constructor(private readonly dataSource: DataSource) {}

  async pdf(viewer: Viewer, nominationId: string): Promise<Uint8Array> {
    if (!isUuid(nominationId)) throw notFound('certificate');
    const rows: {
      outcome: NominationOutcome;
      decided_at: Date;
      title: Bilingual | null;
      pupil_names: string[] | null;
      museum_zh: string;
      museum_en: string;
      time_zone: string;
    }[] = await this.dataSource.query(
      `SELECT n.outcome, n.decided_at, bv.content->'title' AS title, s.time_zone, m.name_zh AS museum_zh, m.name_en AS museum_en,
              (SELECT array_agg(u.display_name ORDER BY u.display_name, u.id) FROM app_user u WHERE u.id = ANY (authors.ids)) AS pupil_names
         FROM nomination n
         JOIN work_version v ON v.id = n.version_id
         JOIN work w ON w.id = v.work_id
         JOIN assignment a ON a.id = w.assignment_id
         JOIN cohort c ON c.id = a.cohort_id
         JOIN school s ON s.id = c.school_id
         JOIN museum m ON m.id = s.museum_id
         JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
        CROSS JOIN LATERAL (SELECT ARRAY(SELECT w.pupil_id WHERE w.pupil_id IS NOT NULL
                                         UNION ALL SELECT tm.pupil_id FROM team_member tm WHERE tm.team_id = w.team_id) AS ids) authors
        WHERE n.id = $1 AND n.outcome IN ('OUTSTANDING', 'COMMENDED')
          AND CASE $2::text
                WHEN 'PUPIL' THEN $4::uuid = ANY (authors.ids)
                WHEN 'TEACHER' THEN EXISTS (SELECT 1 FROM cohort_teacher ct WHERE ct.cohort_id = c.id AND ct.teacher_id = $4)
                WHEN 'MUSEUM_EDUCATOR' THEN s.museum_id = $3
                ELSE false
              END`,
      [nominationId, viewer.role, viewer.museumId, viewer.id],
    );
    const row = rows[0];
    if (!row) throw notFound('certificate');
    const names = row.pupil_names ?? [];
    return certificatePdf({
      projectTitle: { zh: row.title?.zh || row.title?.en || '', en: row.title?.en || row.title?.zh || '' },
      credit: names.join('、'),
      outcome: row.outcome,
      museumName: { zh: row.museum_zh, en: row.museum_en },
      date: new Date(row.decided_at),
      timeZone: row.time_zone,
    });
  }
}
