import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { validateBrief, type BriefDraft } from '@lmr/domain';
import { CollectionObjectEntity } from '../collection/collection-object.entity';
import { badInput, forbidden, notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { pageRequest, toPage } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { BriefContent, Text } from './brief-content';
import { BriefVersionEntity } from './brief-version.entity';
import { BriefEntity } from './brief.entity';
import { mapBrief, type Brief, type BriefConnection } from './brief.model';
import type { BriefContentInput, BriefListArgs, LocalizedTextInput } from './brief.input';

function text(input: LocalizedTextInput | null | undefined): Text {
  const zh = input?.zh?.trim() || null;
  const en = input?.en?.trim() || null;
  return { zh, en };
}

function searchTextOf(content: BriefContent): string {
  return [content.title.zh, content.title.en, content.drivingQuestion.zh, content.drivingQuestion.en].filter(Boolean).join(' ');
}

@Injectable()
export class ProjectsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Who may read a brief: the museum's published library for staff of its programme, drafts for its educators, own briefs for their author. */
  private canRead(viewer: Viewer, brief: BriefEntity): boolean {
    if (brief.museumId !== null) {
      if (viewer.role === 'ADMIN') return true;
      if (viewer.museumId !== brief.museumId) return false;
      return brief.status === 'PUBLISHED' ? viewer.role !== 'PUPIL' : viewer.role === 'MUSEUM_EDUCATOR';
    }
    return brief.authorId === viewer.id;
  }

  private canEdit(viewer: Viewer, brief: BriefEntity): boolean {
    if (brief.museumId !== null) return viewer.role === 'MUSEUM_EDUCATOR' && viewer.museumId === brief.museumId;
    return brief.authorId === viewer.id;
  }

  private async readable(viewer: Viewer, id: string, manager: EntityManager = this.dataSource.manager): Promise<BriefEntity> {
    if (!isUuid(id)) throw notFound('brief');
    const row = await manager.findOneBy(BriefEntity, { id });
    if (!row || !this.canRead(viewer, row)) throw notFound('brief');
    return row;
  }

  async get(viewer: Viewer, id: string, version?: number | null): Promise<Brief> {
    const row = await this.readable(viewer, id);
    const wanted = version ?? row.currentVersion;
    const v = await this.dataSource.manager.findOneBy(BriefVersionEntity, { briefId: id, version: wanted });
    if (!v) throw notFound('brief version');
    return mapBrief(row, wanted, v.content, this.canEdit(viewer, row));
  }

  /** The museum's library: published briefs of the viewer's museum (and drafts, for its educators). */
  async library(viewer: Viewer, args: BriefListArgs): Promise<BriefConnection> {
    const qb = this.dataSource.getRepository(BriefEntity).createQueryBuilder('b').where('b.museum_id IS NOT NULL');
    if (viewer.role !== 'ADMIN') {
      qb.andWhere('b.museum_id = :museum', { museum: viewer.museumId });
      if (viewer.role !== 'MUSEUM_EDUCATOR') qb.andWhere(`b.status = 'PUBLISHED'`);
    }
    return this.page(qb, args, viewer);
  }

  /** The briefs the viewer wrote or copied for their own classes. */
  async mine(viewer: Viewer, args: BriefListArgs): Promise<BriefConnection> {
    const qb = this.dataSource
      .getRepository(BriefEntity)
      .createQueryBuilder('b')
      .where('b.author_id = :me AND b.school_id IS NOT NULL', { me: viewer.id });
    return this.page(qb, args, viewer);
  }

  private async page(qb: SelectQueryBuilder<BriefEntity>, args: BriefListArgs, viewer: Viewer): Promise<BriefConnection> {
    const page = pageRequest(args.first, args.after);
    if (args.theme) qb.andWhere('b.theme = :theme', { theme: args.theme });
    if (args.grade !== null && args.grade !== undefined) {
      if (!Number.isInteger(args.grade) || args.grade < 1 || args.grade > 12) throw badInput('grade', 'grade must be from 1 to 12');
      qb.andWhere(':grade BETWEEN b.grade_from AND b.grade_to', { grade: args.grade });
    }
    const search = (args.search ?? '').trim();
    if (search.length > 200) throw badInput('search', 'search is longer than 200 characters');
    search
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)
      .forEach((word, i) => qb.andWhere(`b.search_text ILIKE :w${i}`, { [`w${i}`]: `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%` }));
    if (page.after) {
      const [updated, id] = page.after;
      if (typeof updated !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(updated))) throw badInput('after', 'after is not a cursor this list handed out');
      qb.andWhere('(b.updated_at, b.id) < (:updated, :id)', { updated, id });
    }
    const rows = await qb.orderBy('b.updated_at', 'DESC').addOrderBy('b.id', 'DESC').limit(page.limit + 1).getMany();
    const shown = rows.slice(0, page.limit);
    const versions = shown.length
      ? await this.dataSource.getRepository(BriefVersionEntity).find({
          where: shown.map((r) => ({ briefId: r.id, version: r.currentVersion })),
        })
      : [];
    const contentOf = new Map(versions.map((v) => [v.briefId, v.content]));
    return toPage(
      rows,
      page.limit,
      (r) => [r.updatedAt.toISOString(), r.id],
      (r) => mapBrief(r, r.currentVersion, contentOf.get(r.id)!, this.canEdit(viewer, r)),
    );
  }

  /** Checks a draft and turns it into content, keeping the keys of milestones and criteria that already exist. */
  private async content(input: BriefContentInput, previous: BriefContent | null, museumId: string | null, manager: EntityManager): Promise<BriefContent> {
    const draft: BriefDraft = input;
    const problems = validateBrief(draft);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw badInput(first.field, `${first.field}: ${first.problem.toLowerCase().replace(/_/g, ' ')}`, { problems });
    }
    const objectIds = [...new Set(input.suggestedObjectIds ?? [])];
    if (objectIds.length > 0) {
      const valid = objectIds.every(isUuid)
        ? await manager.countBy(CollectionObjectEntity, { id: In(objectIds), ...(museumId ? { museumId } : {}) })
        : -1;
      if (valid !== objectIds.length) throw badInput('suggestedObjectIds', 'a suggested object is not in the collection');
    }
    const keep = (key: string | null | undefined, known: Set<string>) => (key && known.has(key) ? key : randomUUID());
    const knownMilestones = new Set(previous?.milestones.map((m) => m.key) ?? []);
    const knownCriteria = new Set(previous?.rubric.map((c) => c.key) ?? []);
    const used = new Set<string>();
    const unique = (key: string) => (used.has(key) ? randomUUID() : (used.add(key), key));
    return {
      title: text(input.title),
      theme: input.theme,
      gradeFrom: input.gradeFrom,
      gradeTo: input.gradeTo,
      drivingQuestion: text(input.drivingQuestion),
      learningGoals: (input.learningGoals ?? []).map(text),
      suggestedObjectIds: objectIds,
      milestones: input.milestones.map((m) => ({
        key: unique(keep(m.key, knownMilestones)),
        title: text(m.title),
        prompt: text(m.prompt),
        handIn: m.handIn && (m.handIn.zh?.trim() || m.handIn.en?.trim()) ? text(m.handIn) : null,
      })),
      rubric: input.rubric.map((c) => ({
        key: unique(keep(c.key, knownCriteria)),
        title: text(c.title),
        levels: c.levels.map((l) => ({ points: l.points!, descriptor: text(l.descriptor) })),
      })),
    };
  }

  /** Museum educators write library briefs (as drafts); teachers write their own. */
  async create(viewer: Viewer, input: BriefContentInput): Promise<Brief> {
    if (viewer.role !== 'MUSEUM_EDUCATOR' && viewer.role !== 'TEACHER') throw forbidden('only educators and teachers write briefs');
    const inLibrary = viewer.role === 'MUSEUM_EDUCATOR';
    if (inLibrary && !viewer.museumId) throw forbidden('no museum');
    if (!inLibrary && !viewer.schoolId) throw forbidden('no school');
    return this.dataSource.transaction(async (tx) => {
      const content = await this.content(input, null, inLibrary ? viewer.museumId : null, tx);
      const brief = await tx.save(
        tx.create(BriefEntity, {
          museumId: inLibrary ? viewer.museumId : null,
          schoolId: inLibrary ? null : viewer.schoolId,
          authorId: viewer.id,
          status: 'DRAFT',
          currentVersion: 1,
          theme: content.theme,
          gradeFrom: content.gradeFrom,
          gradeTo: content.gradeTo,
          searchText: searchTextOf(content),
        }),
      );
      await tx.insert(BriefVersionEntity, { briefId: brief.id, version: 1, content });
      return mapBrief(brief, 1, content, true);
    });
  }

  /** Edits a brief; if a class has been assigned its current version, the edit becomes the next version. */
  async update(viewer: Viewer, id: string, input: BriefContentInput): Promise<Brief> {
    return this.dataSource.transaction(async (tx) => {
      const brief = await this.readable(viewer, id, tx);
      if (!this.canEdit(viewer, brief)) throw forbidden('only the author may edit this brief');
      await tx.query('SELECT 1 FROM project_brief WHERE id = $1 FOR UPDATE', [id]);
      const current = await tx.findOneByOrFail(BriefVersionEntity, { briefId: id, version: brief.currentVersion });
      const content = await this.content(input, current.content, brief.museumId, tx);
      const [{ assigned }] = await tx.query(
        'SELECT EXISTS (SELECT 1 FROM assignment WHERE brief_id = $1 AND brief_version = $2) AS assigned',
        [id, brief.currentVersion],
      );
      let version = brief.currentVersion;
      if (assigned) {
        version += 1;
        await tx.insert(BriefVersionEntity, { briefId: id, version, content });
      } else {
        await tx.update(BriefVersionEntity, { briefId: id, version }, { content });
      }
      await tx.update(
        BriefEntity,
        { id },
        { currentVersion: version, theme: content.theme, gradeFrom: content.gradeFrom, gradeTo: content.gradeTo, searchText: searchTextOf(content) },
      );
      const saved = await tx.findOneByOrFail(BriefEntity, { id });
      return mapBrief(saved, version, content, true);
    });
  }

  /** A museum educator puts a library brief in front of the teachers. */
  async publish(viewer: Viewer, id: string): Promise<Brief> {
    const brief = await this.readable(viewer, id);
    if (brief.museumId === null || !this.canEdit(viewer, brief)) throw forbidden('only the museum publishes library briefs');
    await this.dataSource.getRepository(BriefEntity).update({ id }, { status: 'PUBLISHED' });
    return this.get(viewer, id);
  }

  /** A teacher copies a brief they can read into their own briefs, to adapt it. */
  async copy(viewer: Viewer, id: string): Promise<Brief> {
    if (viewer.role !== 'TEACHER' || !viewer.schoolId) throw forbidden('only teachers copy briefs');
    return this.dataSource.transaction(async (tx) => {
      const source = await this.readable(viewer, id, tx);
      const version = await tx.findOneByOrFail(BriefVersionEntity, { briefId: id, version: source.currentVersion });
      const brief = await tx.save(
        tx.create(BriefEntity, {
          museumId: null,
          schoolId: viewer.schoolId,
          authorId: viewer.id,
          status: 'DRAFT',
          copiedFromId: source.id,
          currentVersion: 1,
          theme: source.theme,
          gradeFrom: source.gradeFrom,
          gradeTo: source.gradeTo,
          searchText: source.searchText,
        }),
      );
      await tx.insert(BriefVersionEntity, { briefId: brief.id, version: 1, content: version.content });
      return mapBrief(brief, 1, version.content, true);
    });
  }

  /** For the assignment module: a brief the viewer may assign, and its current version. */
  async assignable(viewer: Viewer, id: string, manager: EntityManager): Promise<{ brief: BriefEntity; content: BriefContent }> {
    const brief = await this.readable(viewer, id, manager);
    const version = await manager.findOneByOrFail(BriefVersionEntity, { briefId: id, version: brief.currentVersion });
    return { brief, content: version.content };
  }

  async versions(keys: readonly { briefId: string; version: number }[]): Promise<(BriefContent | null)[]> {
    if (keys.length === 0) return [];
    const rows = await this.dataSource.getRepository(BriefVersionEntity).find({ where: keys.map((k) => ({ briefId: k.briefId, version: k.version })) });
    const found = new Map(rows.map((r) => [`${r.briefId}:${r.version}`, r.content]));
    return keys.map((k) => found.get(`${k.briefId}:${k.version}`) ?? null);
  }
}
