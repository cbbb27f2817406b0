import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatCredit, isTheme, parseSeason, seasonDates, type GradeBand, type NominationOutcome, type Theme } from '@lmr/domain';
import { badInput, notFound } from '../common/errors';
import { pageRequest, toPage } from '../common/pagination';
import { fileNotFound } from '../files/files.errors';
import { EXHIBITED, NOMINATED_COLUMNS, NOMINATION_FROM, GRADE_BAND_SQL, NominatedWork, SEASON_SQL, seasonSql, type NominatedRow } from '../review/nominated-work';
import type { ExhibitedWork, ExhibitedWorkSummary, ExhibitionArgs, ExhibitionConnection, ExhibitionSeason } from './exhibition.model';

interface ExhibitedRow extends NominatedRow {
  pupil_names: string[];
  museum_name_zh: string;
  museum_name_en: string;
  rank: number;
}

/** What a card in the exhibition's list shows. */
type ListedRow = Pick<NominatedRow, 'theme' | 'title' | 'season' | 'grade_band' | 'outcome' | 'credit_style' | 'school_name'> & {
  exhibition_slug: string;
  rank: number;
  pupil_names: string[];
  museum_name_zh: string;
  museum_name_en: string;
  has_image: boolean;
};

const SLUG = /^[a-z0-9]{16}$/;

/** Outstanding works first. */
const RANK_SQL = `CASE n.outcome WHEN 'OUTSTANDING' THEN 0 ELSE 1 END`;

/**
 * The public exhibition. Every query re-reads consent (EXHIBITED) from the nomination: a
 * withdrawal takes the work out of every list, page and image with the next request.
 */
@Injectable()
export class ExhibitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly work: NominatedWork,
  ) {}

  private readonly columns = `${NOMINATED_COLUMNS},
    (SELECT array_agg(u.display_name ORDER BY u.display_name, u.id) FROM app_user u
      WHERE u.id IN (SELECT w.pupil_id UNION ALL SELECT tm.pupil_id FROM team_member tm WHERE tm.team_id = w.team_id)) AS pupil_names,
    m.name_zh AS museum_name_zh, m.name_en AS museum_name_en,
    ${RANK_SQL} AS rank`;
  private readonly from = `${NOMINATION_FROM} JOIN museum m ON m.id = s.museum_id`;

  async seasons(): Promise<ExhibitionSeason[]> {
    const rows: { season: string; works: number }[] = await this.dataSource.query(
      `SELECT season, count(*)::int AS works FROM (SELECT ${SEASON_SQL} AS season ${NOMINATION_FROM} WHERE ${EXHIBITED} OFFSET 0) n GROUP BY season ORDER BY season DESC`,
    );
    return rows.flatMap((r) => {
      const season = parseSeason(r.season);
      return season ? [{ key: season.key, label: season.label, workCount: r.works }] : [];
    });
  }

  async list(args: ExhibitionArgs): Promise<ExhibitionConnection> {
    const dates = seasonDates(args.season);
    if (!dates) throw badInput('season', 'a season looks like 2026-AUTUMN');
    const page = pageRequest(args.first, args.after);
    // The season's local dates widened by a day each way hold its nominations in every time
    // zone; the exact season is then read in each school's zone.
    const params: unknown[] = [args.season, shiftDays(dates.from, -1), shiftDays(dates.until, 1)];
    const nominations = [EXHIBITED, `n.created_at >= $2::timestamptz`, `n.created_at < $3::timestamptz`];
    if (page.after) {
      const [rank, slug] = page.after;
      if (typeof rank !== 'number' || typeof slug !== 'string') throw badInput('after', 'after is not a cursor this list handed out');
      nominations.push(`(${RANK_SQL}, n.exhibition_slug) > ($${params.push(rank)}::int, $${params.push(slug)})`);
    }
    const works = [`x.season = $1`];
    if (args.theme) works.push(`x.theme = $${params.push(args.theme)}`);
    const rows: ListedRow[] = await this.dataSource.query(
      // The exhibited nominations of the season are sorted first, from their own row; each is
      // then followed to its school (for the season in the school's zone) and brief (for the
      // theme) one at a time, in order, until the page is full: at district size that reads a
      // few dozen works of a season's hundreds, where filtering all of them first took twice
      // as long. Both OFFSET 0 are fences: the first keeps the sort below the walk, the
      // LATERAL one keeps the planner from joining every nomination to every school before
      // filtering. The card's remaining columns (title, names, image check) are read for the
      // page's rows alone. One statement, one snapshot: consent is read once for the page.
      `SELECT p.exhibition_slug, p.rank, p.season, p.theme, p.outcome, p.credit_style, p.grade_band, p.school_name,
         bv.content->'title' AS title,
         (SELECT array_agg(u.display_name ORDER BY u.display_name, u.id) FROM app_user u
           WHERE u.id IN (SELECT p.pupil_id UNION ALL SELECT tm.pupil_id FROM team_member tm WHERE tm.team_id = p.team_id)) AS pupil_names,
         m.name_zh AS museum_name_zh, m.name_en AS museum_name_en,
         EXISTS (SELECT 1 FROM stored_file f
           WHERE f.id = ANY (ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(v.parts, '$[*].attachmentIds[*]')))::uuid[])
             AND f.purpose = 'WORK_ATTACHMENT' AND f.content_type LIKE 'image/%') AS has_image
       FROM (
         SELECT n.exhibition_slug, n.rank, n.outcome, n.credit_style, n.version_id, x.*
         FROM (
           SELECT n.exhibition_slug, ${RANK_SQL} AS rank, n.outcome, n.credit_style, n.created_at, n.version_id
             FROM nomination n WHERE ${nominations.join(' AND ')}
            ORDER BY 2, 1 OFFSET 0) n
         CROSS JOIN LATERAL (
           SELECT ${seasonSql('n.created_at')} AS season, bv.content->>'theme' AS theme, ${GRADE_BAND_SQL} AS grade_band,
                  s.name AS school_name, s.museum_id, w.pupil_id, w.team_id, a.brief_id, a.brief_version
             FROM work_version v JOIN work w ON w.id = v.work_id JOIN assignment a ON a.id = w.assignment_id
             JOIN cohort c ON c.id = a.cohort_id JOIN school s ON s.id = c.school_id
             JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version
            WHERE v.id = n.version_id OFFSET 0) x
         WHERE ${works.join(' AND ')}
         ORDER BY n.rank, n.exhibition_slug
         LIMIT ${page.limit + 1}) p
       JOIN project_brief_version bv ON bv.brief_id = p.brief_id AND bv.version = p.brief_version
       JOIN work_version v ON v.id = p.version_id
       JOIN museum m ON m.id = p.museum_id
       ORDER BY p.rank, p.exhibition_slug`,
      params,
    );
    return toPage(rows, page.limit, (r) => [r.rank, r.exhibition_slug], (r) => summary(r, r.has_image ? imageUrl(r.exhibition_slug, 0) : null));
  }

  async bySlug(slug: string): Promise<ExhibitedWork> {
    const row = await this.exhibited(slug);
    if (!row) throw notFound('exhibited work');
    const people = await this.work.people(row);
    // The pupils' own writing is blanked as far as the credit demands.
    const hide =
      row.credit_style === 'FULL_NAME'
        ? []
        : row.credit_style === 'FIRST_NAME_INITIAL_SCHOOL'
          ? [...people.pupilNames, ...people.teacherNames]
          : [...people.pupilNames, ...people.teacherNames, row.school_name, ...(people.teamName ? [people.teamName] : [])];
    const parts = await this.work.parts(row, { hide, fileUrl: (i) => imageUrl(row.exhibition_slug!, i), imagesOnly: true });
    const hasImage = parts.some((p) => p.files.length > 0);
    return { ...summary({ ...row, exhibition_slug: slug }, hasImage ? imageUrl(slug, 0) : null), parts };
  }

  /**
   * What a shared link shows of a work (its page's Open Graph tags): the summary only, with the
   * consented credit; null when the slug names no exhibited work (withdrawn, unknown).
   */
  async sharedSummary(slug: string): Promise<ExhibitedWorkSummary | null> {
    const row = await this.exhibited(slug);
    if (!row) return null;
    const withImages = await this.work.withImages([row]);
    return summary({ ...row, exhibition_slug: slug }, withImages.has(row.id) ? imageUrl(slug, 0) : null);
  }

  /** An image of an exhibited work; NOT_FOUND as soon as the work is not exhibited. */
  async openImage(slug: string, index: number) {
    const row = await this.exhibited(slug);
    if (!row) throw fileNotFound();
    return this.work.openFile(row, index, true);
  }

  private async exhibited(slug: string): Promise<ExhibitedRow | null> {
    if (!SLUG.test(slug)) return null;
    const rows: ExhibitedRow[] = await this.dataSource.query(`SELECT ${this.columns} ${this.from} WHERE n.exhibition_slug = $1 AND ${EXHIBITED}`, [slug]);
    return rows[0] ?? null;
  }
}

/** A date (YYYY-MM-DD) moved by whole days, as midnight UTC in ISO form. */
function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString();
}

export function imageUrl(slug: string, index: number): string {
  return `/exhibition/${slug}/images/${index}`;
}

function summary(r: Omit<ListedRow, 'has_image'>, coverImageUrl: string | null): ExhibitedWorkSummary {
  const season = parseSeason(r.season)!;
  return {
    slug: r.exhibition_slug,
    projectTitle: r.title ? { zh: r.title.zh ?? null, en: r.title.en ?? null } : null,
    theme: (isTheme(r.theme) ? r.theme : 'HISTORY') as Theme,
    gradeBand: r.grade_band as GradeBand,
    season: { key: season.key, label: season.label },
    outcome: r.outcome as NominationOutcome,
    credit: formatCredit(r.credit_style, r.pupil_names ?? [], r.school_name),
    museumName: { zh: r.museum_name_zh, en: r.museum_name_en },
    coverImageUrl,
  };
}
