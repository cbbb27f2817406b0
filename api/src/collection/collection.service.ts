import { Injectable } from '@nestjs/common';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import type { Theme } from '@lmr/domain';
import { badInput, notFound } from '../common/errors';
import { pageRequest, toPage } from '../common/pagination';
import { isUuid } from '../common/ids';
import { byKey } from '../common/loaders';
import { CollectionObjectEntity } from './collection-object.entity';
import { mapCollectionObject, type CollectionObject, type CollectionObjectConnection } from './collection-object.model';

const SEARCHED_COLUMNS = [
  'title_zh',
  'title_en',
  'maker_zh',
  'maker_en',
  'period_zh',
  'period_en',
  'kind_zh',
  'kind_en',
  'description_zh',
  'description_en',
  'accession_number',
];

/** The museum collection is public knowledge about public objects: reading it needs no session. */
@Injectable()
export class CollectionService {
  constructor(private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(CollectionObjectEntity);
  }

  async get(id: string): Promise<CollectionObject> {
    if (!isUuid(id)) throw notFound('collection object');
    const row = await this.repo.findOneBy({ id });
    if (!row) throw notFound('collection object');
    return mapCollectionObject(row);
  }

  /** For DataLoaders: objects by id in the order asked, null where none. */
  async byIds(ids: readonly string[]): Promise<(CollectionObject | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.repo.findBy({ id: In(valid) }) : [];
    return byKey(ids, rows.map(mapCollectionObject), (o) => o.id);
  }

  async list(args: {
    first?: number | null;
    after?: string | null;
    search?: string | null;
    theme?: Theme | null;
  }): Promise<CollectionObjectConnection> {
    const page = pageRequest(args.first, args.after);
    const search = (args.search ?? '').trim();
    if (search.length > 200) throw badInput('search', 'search is longer than 200 characters');

    const filtered = () => {
      const qb = this.repo.createQueryBuilder('o');
      if (args.theme) qb.andWhere(':theme = ANY(o.themes)', { theme: args.theme });
      search
        .split(/\s+/)
        .filter(Boolean)
        .slice(0, 8)
        .forEach((word, i) => {
          const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
          qb.andWhere(`(${SEARCHED_COLUMNS.map((c) => `o.${c} ILIKE :w${i}`).join(' OR ')})`, { [`w${i}`]: pattern });
        });
      return qb;
    };

    const qb: SelectQueryBuilder<CollectionObjectEntity> = filtered();
    if (page.after) {
      const [accession, id] = page.after;
      if (typeof accession !== 'string' || typeof id !== 'string') throw badInput('after', 'after is not a cursor this list handed out');
      qb.andWhere('(o.accession_number, o.id) > (:accession, :id)', { accession, id });
    }
    const rows = await qb.orderBy('o.accession_number', 'ASC').addOrderBy('o.id', 'ASC').limit(page.limit + 1).getMany();
    return {
      ...toPage(rows, page.limit, (r) => [r.accessionNumber, r.id], mapCollectionObject),
      countAll: () => filtered().getCount(),
    };
  }
}
