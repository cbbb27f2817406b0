import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseCollectionImport, validateCollectionObject, type CollectionObjectDraft, type Theme } from '@lmr/domain';
import { badInput, forbidden, notFound } from '../common/errors';
import { isUniqueViolation } from '../common/db-errors';
import type { Viewer } from '../common/viewer';
import { pageRequest, toPage } from '../common/pagination';
import { isUuid } from '../common/ids';
import { byKey, requestLoader } from '../common/loaders';
import { CollectionObjectEntity } from './collection-object.entity';
import { COLLECTION_OBJECT_COLUMNS, mapCollectionObject, type CollectionObject, type CollectionObjectConnection, type CollectionObjectRow } from './collection-object.model';

/**
 * The museum collection is public knowledge about public objects: reading it needs no session.
 * Its museum's educators write it.
 */
@Injectable()
export class CollectionService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(CollectionObjectEntity);
  }

  async get(id: string): Promise<CollectionObject> {
    if (!isUuid(id)) throw notFound('collection object');
    const [row]: CollectionObjectRow[] = await this.dataSource.query(`SELECT ${COLLECTION_OBJECT_COLUMNS} FROM collection_object o WHERE o.id = $1`, [id]);
    if (!row) throw notFound('collection object');
    return mapCollectionObject(row);
  }

  /** For DataLoaders: objects by id in the order asked, null where none. */
  async byIds(ids: readonly string[]): Promise<(CollectionObject | null)[]> {
    const valid = ids.filter(isUuid);
    const rows: CollectionObjectRow[] = valid.length ? await this.dataSource.query(`SELECT ${COLLECTION_OBJECT_COLUMNS} FROM collection_object o WHERE o.id = ANY ($1::uuid[])`, [valid]) : [];
    return byKey(ids, rows.map(mapCollectionObject), (o) => o.id);
  }

  /**
   * One object by id through the request's DataLoader, so every object a response names (a
   * brief's suggestions, the objects pupils cite) is read in one query; null where none.
   */
  loadById(context: object, id: string): Promise<CollectionObject | null> {
    return requestLoader<string, CollectionObject>(context, 'collectionObjectById', (ids) => this.byIds(ids)).load(id);
  }

  /**
   * A page of the collection and how many objects match, in one statement: the matches are
   * found once (a scan of search_text), counted by a window over their sort keys alone, and
   * only the page's rows are read in full. Plain SQL rather than TypeORM's query builder, whose
   * getCount counted DISTINCT ids in a second scan and whose building and hydrating cost more
   * CPU than the statement.
   */
  async list(args: {
    first?: number | null;
    after?: string | null;
    search?: string | null;
    theme?: Theme | null;
  }): Promise<CollectionObjectConnection> {
    const page = pageRequest(args.first, args.after);
    const search = (args.search ?? '').trim();
    if (search.length > 200) throw badInput('search', 'search is longer than 200 characters');

    const params: unknown[] = [];
    const filters: string[] = [];
    if (args.theme) filters.push(`$${params.push(args.theme)} = ANY (o.themes)`);
    search
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 8)
      .forEach((word) => {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        // search_text is every searched column lower-cased (see the entity): lower(word) makes
        // this the case-insensitive match that ILIKE on each column was. As a sub-select it is
        // lowered once per statement; written plainly, a prepared statement's generic plan
        // lowered it again for every object (a third of the scan's time).
        filters.push(`o.search_text LIKE (SELECT lower($${params.push(pattern)}))`);
      });
    let afterCursor = '';
    if (page.after) {
      const [accession, id] = page.after;
      if (typeof accession !== 'string' || typeof id !== 'string' || !isUuid(id)) throw badInput('after', 'after is not a cursor this list handed out');
      afterCursor = `WHERE (m.accession_number, m.id) > ($${params.push(accession)}, $${params.push(id)}::uuid)`;
    }
    const rows: (CollectionObjectRow & { total: string })[] = await this.dataSource.query(
      // The count is taken before the cursor's condition, so every page tells the whole total.
      `SELECT ${COLLECTION_OBJECT_COLUMNS}, p.total FROM (
         SELECT m.id, m.accession_number, m.total FROM (
           SELECT o.id, o.accession_number, count(*) OVER () AS total FROM collection_object o ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}) m
         ${afterCursor}
         ORDER BY m.accession_number, m.id
         LIMIT ${page.limit + 1}) p
       JOIN collection_object o ON o.id = p.id
       ORDER BY p.accession_number, p.id`,
      params,
    );
    // No row after the cursor leaves the total untold: only then is it counted apart.
    const total = rows.length > 0 ? Number(rows[0]!.total) : page.after ? null : 0;
    return {
      ...toPage(rows, page.limit, (r) => [r.accessionNumber, r.id], mapCollectionObject),
      countAll: async () =>
        total ??
        Number(
          (await this.dataSource.query(`SELECT count(*) AS total FROM collection_object o ${filters.length ? `WHERE ${filters.join(' AND ')}` : ''}`, params.slice(0, filters.length)))[0].total,
        ),
    };
  }

  private checked(draft: CollectionObjectDraft) {
    const problems = validateCollectionObject(draft);
    if (problems.length > 0) throw badInput(`object.${problems[0]!.field}`, `${problems[0]!.field}: ${problems[0]!.problem.toLowerCase()}`, { problems });
    return toColumns(draft);
  }

  async create(viewer: Viewer, draft: CollectionObjectDraft): Promise<CollectionObject> {
    if (viewer.role !== 'MUSEUM_EDUCATOR' || !viewer.museumId) throw forbidden('only museum educators write the collection');
    const columns = this.checked(draft);
    try {
      const row = await this.repo.save(this.repo.create({ ...columns, museumId: viewer.museumId }));
      return mapCollectionObject(row);
    } catch (err) {
      if (isUniqueViolation(err)) throw badInput('object.accessionNumber', 'this accession number is taken');
      throw err;
    }
  }

  async update(viewer: Viewer, id: string, draft: CollectionObjectDraft): Promise<CollectionObject> {
    if (!isUuid(id)) throw notFound('collection object');
    const row = await this.repo.findOneBy({ id });
    if (!row) throw notFound('collection object');
    if (viewer.role !== 'MUSEUM_EDUCATOR' || viewer.museumId !== row.museumId) throw forbidden('only this museum’s educators edit its records');
    const columns = this.checked(draft);
    try {
      await this.repo.update({ id }, columns);
    } catch (err) {
      if (isUniqueViolation(err)) throw badInput('object.accessionNumber', 'this accession number is taken');
      throw err;
    }
    return this.get(id);
  }

  /** Adds every record of the file, or, if any row has a problem, none; the error lists each row's problems. */
  async import(viewer: Viewer, format: 'CSV' | 'JSON', content: string): Promise<number> {
    if (viewer.role !== 'MUSEUM_EDUCATOR' || !viewer.museumId) throw forbidden('only museum educators import records');
    const museumId = viewer.museumId;
    const { rows, fileProblem } = parseCollectionImport(format, content);
    if (fileProblem) throw badInput('content', `the file cannot be imported: ${fileProblem.toLowerCase().replace(/_/g, ' ')}`, { fileProblem });
    const numbers = rows.map((r) => r.draft.accessionNumber).filter((n): n is string => Boolean(n));
    const taken = new Set(
      numbers.length
        ? (await this.dataSource.query(`SELECT accession_number FROM collection_object WHERE museum_id = $1 AND accession_number = ANY($2::text[])`, [museumId, numbers])).map(
            (r: { accession_number: string }) => r.accession_number,
          )
        : [],
    );
    for (const r of rows) if (r.draft.accessionNumber && taken.has(r.draft.accessionNumber)) r.problems.push({ field: 'accessionNumber', problem: 'DUPLICATE' });
    const problems = rows.flatMap((r) => r.problems.map((p) => ({ row: r.row, field: p.field, problem: p.problem })));
    if (problems.length > 0) throw badInput('content', `${problems.length} problems in the file; nothing was imported`, { problems: problems.slice(0, 500) });
    await this.dataSource.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 500) {
        await tx.insert(CollectionObjectEntity, rows.slice(i, i + 500).map((r) => ({ ...toColumns(r.draft), museumId })));
      }
    });
    return rows.length;
  }
}

function toColumns(d: CollectionObjectDraft) {
  const text = (v: string | null | undefined) => (v && v.trim() !== '' ? v.trim() : null);
  return {
    accessionNumber: d.accessionNumber!.trim(),
    titleZh: d.titleZh!.trim(),
    titleEn: d.titleEn!.trim(),
    makerZh: text(d.makerZh),
    makerEn: text(d.makerEn),
    periodZh: text(d.periodZh),
    periodEn: text(d.periodEn),
    kindZh: text(d.kindZh),
    kindEn: text(d.kindEn),
    descriptionZh: text(d.descriptionZh),
    descriptionEn: text(d.descriptionEn),
    location: text(d.location),
    themes: [...new Set((d.themes ?? []) as Theme[])],
    rightsStatement: text(d.rightsStatement),
  };
}
