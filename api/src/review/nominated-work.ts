import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GRADE_BANDS, redactNames, type Bilingual, type EvidenceItem, type Block, type RichDoc, type TextNode } from '@lmr/domain';
import type { Queryable } from '../common/access.service';
import type { FrozenPart } from '../submissions/work-content';
import { fileNotFound } from '../files/files.errors';
import { FILE_STORE, type FileStore, type StoredObject } from '../files/store/file-store';
import type { CreditStyle } from '../nominations/nomination.entity';
import type { NominationOutcome } from '@lmr/domain';
import type { ShownEvidence, ShownFile, ShownPart } from './shown-work.model';

/**
 * The joins from a nomination to everything about it: `n` nomination, `v` the attempt, `w`
 * the work, `a` the assignment, `c` the class, `s` the school, `bv` the brief version.
 */
export const NOMINATION_FROM = `FROM nomination n
  JOIN work_version v ON v.id = n.version_id
  JOIN work w ON w.id = v.work_id
  JOIN assignment a ON a.id = w.assignment_id
  JOIN cohort c ON c.id = a.cohort_id
  JOIN school s ON s.id = c.school_id
  JOIN project_brief_version bv ON bv.brief_id = a.brief_id AND bv.version = a.brief_version`;

/** The season (seasonOf in @lmr/domain) of an instant column, read in the school's zone (`s`). */
export function seasonSql(column: string): string {
  const local = `(${column} AT TIME ZONE s.time_zone)`;
  return `(CASE WHEN extract(month FROM ${local}) >= 8 THEN extract(year FROM ${local})::int || '-AUTUMN'
  WHEN extract(month FROM ${local}) = 1 THEN (extract(year FROM ${local})::int - 1) || '-AUTUMN'
  ELSE extract(year FROM ${local})::int || '-SPRING' END)`;
}

/** A nomination belongs to the season of the date it was made. */
export const SEASON_SQL = seasonSql('n.created_at');

/** The class's grade band (GRADE_BANDS in @lmr/domain). */
export const GRADE_BAND_SQL = `(CASE ${GRADE_BANDS.map((b) => `WHEN c.grade BETWEEN ${b.from} AND ${b.to} THEN '${b.key}'`).join(' ')} END)`;

/** Exhibited: selected by the museum, with a guardian's consent that still stands. Read on every request. */
export const EXHIBITED = `(n.outcome IN ('OUTSTANDING', 'COMMENDED') AND n.guardian_consent AND n.consent_withdrawn_at IS NULL AND n.exhibition_slug IS NOT NULL)`;

export const NOMINATED_COLUMNS = `n.id, n.created_at, n.statement, n.guardian_consent, n.credit_style, n.consent_withdrawn_at, n.outcome,
  n.decision_feedback, n.decided_at, n.exhibition_slug, v.id AS version_id, v.parts, v.submitted_at, w.id AS work_id, w.pupil_id, w.team_id,
  a.id AS assignment_id, c.id AS cohort_id, c.grade, s.id AS school_id, s.name AS school_name, s.museum_id,
  bv.content->>'theme' AS theme, bv.content->'title' AS title, bv.content->'milestones' AS milestones,
  ${SEASON_SQL} AS season, ${GRADE_BAND_SQL} AS grade_band`;

export interface NominatedRow {
  id: string;
  created_at: Date;
  statement: string;
  guardian_consent: boolean;
  credit_style: CreditStyle;
  consent_withdrawn_at: Date | null;
  outcome: NominationOutcome | null;
  decision_feedback: string | null;
  decided_at: Date | null;
  exhibition_slug: string | null;
  version_id: string;
  parts: FrozenPart[];
  submitted_at: Date;
  work_id: string;
  pupil_id: string | null;
  team_id: string | null;
  assignment_id: string;
  cohort_id: string;
  grade: number;
  school_id: string;
  school_name: string;
  museum_id: string;
  theme: string;
  title: Bilingual | null;
  milestones: { key: string; title?: Bilingual | null }[] | null;
  season: string;
  grade_band: string;
}

/** The people behind a nominated work: whose names a blind reader must not learn. */
export interface NominatedPeople {
  pupilIds: string[];
  pupilNames: string[];
  teacherNames: string[];
  teamName: string | null;
}

const REFLECTION_TITLE = { zh: '反思', en: 'Reflection' };

/** Loads nominated work and turns its frozen parts into what reviewers and the exhibition show. */
@Injectable()
export class NominatedWork {
  private readonly logger = new Logger('NominatedWork');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  async people(row: Pick<NominatedRow, 'id' | 'pupil_id' | 'team_id' | 'cohort_id'>, db: Queryable = this.dataSource): Promise<NominatedPeople> {
    const pupils: { id: string; display_name: string }[] = await db.query(
      `SELECT u.id, u.display_name FROM app_user u
        WHERE u.id IN (SELECT $1::uuid UNION ALL SELECT tm.pupil_id FROM team_member tm WHERE tm.team_id = $2)
        ORDER BY u.display_name, u.id`,
      [row.pupil_id, row.team_id],
    );
    const teachers: { display_name: string }[] = await db.query(
      `SELECT u.display_name FROM app_user u
        WHERE u.id IN (SELECT ct.teacher_id FROM cohort_teacher ct WHERE ct.cohort_id = $1
                       UNION ALL SELECT nominated_by_id FROM nomination WHERE id = $2)
        ORDER BY u.display_name`,
      [row.cohort_id, row.id],
    );
    const team: { name: string }[] = row.team_id ? await db.query(`SELECT name FROM team WHERE id = $1`, [row.team_id]) : [];
    return { pupilIds: pupils.map((p) => p.id), pupilNames: pupils.map((p) => p.display_name), teacherNames: teachers.map((t) => t.display_name), teamName: team[0]?.name ?? null };
  }

  /**
   * The parts as shown. `hide` lists names to blank out of the text; `fileUrl` addresses
   * the n-th shown file; `imagesOnly` keeps only images (the exhibition shows nothing else).
   */
  async parts(row: NominatedRow, opts: { hide: string[]; fileUrl: (index: number) => string; imagesOnly: boolean }, db: Queryable = this.dataSource): Promise<ShownPart[]> {
    const objectIds = [...new Set(row.parts.flatMap((p) => p.evidence.flatMap((e) => (e.kind === 'COLLECTION_OBJECT' ? [e.objectId] : []))))];
    const objects: { id: string; title_zh: string; title_en: string }[] = objectIds.length
      ? await db.query(`SELECT id, title_zh, title_en FROM collection_object WHERE id = ANY ($1::uuid[])`, [objectIds])
      : [];
    const byId = new Map(objects.map((o) => [o.id, o]));
    const files = await this.files(row, opts.imagesOnly, db);
    const hide = (text: string) => (opts.hide.length ? redactNames(text, opts.hide) : text);
    return row.parts.map((part) => {
      const milestone = (row.milestones ?? []).find((m) => m.key === part.partKey);
      const title = part.partKey === 'REFLECTION' ? REFLECTION_TITLE : milestone?.title ? { zh: milestone.title.zh ?? null, en: milestone.title.en ?? null } : null;
      return {
        partKey: part.partKey,
        title,
        body: mapText(part.body, hide),
        evidence: part.evidence.map((e) => shownEvidence(e, byId, hide)),
        files: files.filter((f) => f.partKey === part.partKey).map((f) => ({ index: f.index, contentType: f.contentType, url: opts.fileUrl(f.index) }) satisfies ShownFile),
      };
    });
  }

  /** The shown files of the attempt, numbered in the order of its parts and their attachments. */
  async files(row: Pick<NominatedRow, 'parts'>, imagesOnly: boolean, db: Queryable = this.dataSource): Promise<{ index: number; partKey: string; fileId: string; contentType: string; storageKey: string }[]> {
    const ordered = row.parts.flatMap((p) => p.attachmentIds.map((fileId) => ({ partKey: p.partKey, fileId })));
    if (ordered.length === 0) return [];
    const stored: { id: string; content_type: string; storage_key: string }[] = await db.query(
      `SELECT id, content_type, storage_key FROM stored_file WHERE id = ANY ($1::uuid[]) AND purpose = 'WORK_ATTACHMENT'`,
      [ordered.map((o) => o.fileId)],
    );
    const byId = new Map(stored.map((f) => [f.id, f]));
    return ordered
      .flatMap((o) => {
        const f = byId.get(o.fileId);
        return f && (!imagesOnly || f.content_type.startsWith('image/')) ? [{ ...o, contentType: f.content_type, storageKey: f.storage_key }] : [];
      })
      .map((f, index) => ({ ...f, index }));
  }

  /** The rows (by id) that show at least one image: one query for a whole page of rows. */
  async withImages(rows: readonly Pick<NominatedRow, 'id' | 'parts'>[], db: Queryable = this.dataSource): Promise<Set<string>> {
    const fileIds = [...new Set(rows.flatMap((r) => r.parts.flatMap((p) => p.attachmentIds)))];
    if (fileIds.length === 0) return new Set();
    const images: { id: string }[] = await db.query(
      `SELECT id FROM stored_file WHERE id = ANY ($1::uuid[]) AND purpose = 'WORK_ATTACHMENT' AND content_type LIKE 'image/%'`,
      [fileIds],
    );
    const imageIds = new Set(images.map((f) => f.id));
    return new Set(rows.filter((r) => r.parts.some((p) => p.attachmentIds.some((id) => imageIds.has(id)))).map((r) => r.id));
  }

  /** The bytes of the n-th shown file; NOT_FOUND when there is none. */
  async openFile(row: Pick<NominatedRow, 'parts'>, index: number, imagesOnly: boolean): Promise<StoredObject & { contentType: string }> {
    const file = (await this.files(row, imagesOnly)).find((f) => f.index === index);
    if (!file) throw fileNotFound();
    const stored = await this.store.get(file.storageKey);
    if (!stored) {
      this.logger.error(`nothing in the file store under ${file.storageKey}`);
      throw fileNotFound();
    }
    return { ...stored, contentType: file.contentType };
  }
}

function mapText(doc: RichDoc, hide: (text: string) => string): RichDoc {
  const nodes = (content: TextNode[]) => content.map((n) => ({ ...n, text: hide(n.text) }));
  return {
    type: 'doc',
    content: doc.content.map((b): Block => ('items' in b ? { ...b, items: b.items.map(nodes) } : { ...b, content: nodes(b.content) })),
  };
}

function shownEvidence(e: EvidenceItem, objects: Map<string, { id: string; title_zh: string; title_en: string }>, hide: (text: string) => string): ShownEvidence {
  if (e.kind === 'COLLECTION_OBJECT') {
    const o = objects.get(e.objectId);
    return {
      kind: e.kind,
      object: o ? { id: o.id, titleZh: o.title_zh, titleEn: o.title_en, path: `/collection/${o.id}` } : null,
      observation: hide(e.observation),
      title: null,
      author: null,
      url: null,
      seenOn: null,
      note: null,
    };
  }
  return { kind: e.kind, object: null, observation: null, title: hide(e.title), author: e.author, url: e.url, seenOn: e.seenOn, note: e.note === null ? null : hide(e.note) };
}
