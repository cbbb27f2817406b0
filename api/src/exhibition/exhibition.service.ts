import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatCredit, isTheme, parseSeason, type GradeBand, type NominationOutcome, type Theme } from '@lmr/domain';
import { badInput, notFound } from '../common/errors';
import { pageRequest, toPage } from '../common/pagination';
import { fileNotFound } from '../files/files.errors';
import { EXHIBITED, NOMINATED_COLUMNS, NOMINATION_FROM, GRADE_BAND_SQL, NominatedWork, SEASON_SQL, type NominatedRow } from '../review/nominated-work';
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
    if (!parseSeason(args.season)) throw badInput('season', 'a season looks like 2026-AUTUMN');
    const page = pageRequest(args.first, args.after);
    const params: unknown[] = [args.season];
    const where = [`n.season = $1`];
    if (args.theme) where.push(`n.theme = $${params.push(args.theme)}`);
    if (page.after) {
      const [rank, slug] = page.after;
      if (typeof rank !== 'number' || typeof slug !== 'string') throw badInput('after', 'after is not a cursor this list handed out');
      where.push(`(n.rank, n.exhibition_slug) > ($${params.push(rank)}::int, $${params.push(slug)})`);
    }
    const rows: ListedRow[] = await this.dataSource.query(
      // The page is chosen first from the few columns that the filter, the order and a card
      // need; the rest (the title out of the brief, the pupils' names, whether an image shows)
      // is read for the page's rows alone. Reading every exhibited work in full to keep twenty
      // took more than twice as long. OFFSET 0 keeps the season filter (it needs the school's
      // time zone) out of the joins; pushed in, it made the planner pair every nomination with
      // every school first. One statement, one snapshot: consent is read once for the page.
      `SELECT p.exhibition_slug, p.rank, p.season, p.theme, p.outcome, p.credit_style, p.grade_band, p.school_name,
         bv.content->'title' AS title,
         (SELECT array_agg(u.display_name ORDER BY u.display_name, u.id) FROM app_user u
           WHERE u.id IN (SELECT p.pupil_id UNION ALL SELECT tm.pupil_id FROM team_member tm WHERE tm.team_id = p.team_id)) AS pupil_names,
         m.name_zh AS museum_name_zh, m.name_en AS museum_name_en,
         EXISTS (SELECT 1 FROM stored_file f
           WHERE f.id = ANY (ARRAY(SELECT jsonb_array_elements_text(jsonb_path_query_array(v.parts, '$[*].attachmentIds[*]')))::uuid[])
             AND f.purpose = 'WORK_ATTACHMENT' AND f.content_type LIKE 'image/%') AS has_image
       FROM (
         SELECT * FROM (
           SELECT n.exhibition_slug, ${RANK_SQL} AS rank, ${SEASON_SQL} AS season, bv.content->>'theme' AS theme, n.outcome, n.credit_style,
             ${GRADE_BAND_SQL} AS grade_band, s.name AS school_name, s.museum_id, w.pupil_id, w.team_id, v.id AS version_id, a.brief_id, a.brief_version
           ${NOMINATION_FROM} WHERE ${EXHIBITED} OFFSET 0) n
         WHERE ${where.join(' AND ')}
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
