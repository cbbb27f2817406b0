import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { collapse, MAX_SCHOOL_NAME_LENGTH } from '@lmr/domain';
import { AccessService } from '../common/access.service';
import { AuditService } from '../audit/audit.service';
import { badInput, forbidden } from '../common/errors';
import type { Viewer } from '../common/viewer';
import type { School } from './schools.model';

interface SchoolRow {
  id: string;
  name: string;
  district: string | null;
  time_zone: string;
}

/** Schools in the museum's programme; admins of that museum manage them. */
@Injectable()
export class SchoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  async list(viewer: Viewer): Promise<School[]> {
    if (viewer.role !== 'ADMIN') throw forbidden('only admins manage schools');
    const rows: SchoolRow[] = await this.dataSource.query(
      `SELECT id, name, district, time_zone FROM school WHERE museum_id = $1 ORDER BY name, id`,
      [viewer.museumId],
    );
    return rows.map(mapSchool);
  }

  async create(viewer: Viewer, input: { name: string; district?: string | null; timeZone?: string | null }): Promise<School> {
    const name = schoolName(input.name);
    const district = optionalText(input.district, 'district');
    const timeZone = input.timeZone ? checkTimeZone(input.timeZone) : 'Asia/Shanghai';
    const museumId = this.access.museumOf(viewer);
    return this.dataSource.transaction(async (tx) => {
      const rows: SchoolRow[] = await tx.query(
        `INSERT INTO school (museum_id, name, district, time_zone) VALUES ($1, $2, $3, $4) RETURNING id, name, district, time_zone`,
        [museumId, name, district, timeZone],
      );
      const school = rows[0]!;
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'SCHOOL_CREATED', subjectType: 'School', subjectId: school.id });
      return mapSchool(school);
    });
  }

  async update(
    viewer: Viewer,
    input: { schoolId: string; name?: string | null; district?: string | null; timeZone?: string | null },
  ): Promise<School> {
    const name = input.name === undefined || input.name === null ? null : schoolName(input.name);
    const district = input.district === undefined || input.district === null ? undefined : optionalText(input.district, 'district');
    const timeZone = input.timeZone ? checkTimeZone(input.timeZone) : null;
    return this.dataSource.transaction(async (tx) => {
      await this.access.requireSchoolForAdmin(viewer, input.schoolId, tx);
      const rows: SchoolRow[] = await tx.query(
        // (Wrapped in WITH: TypeORM hands back UPDATE results as [rows, count].)
        `WITH changed AS (
           UPDATE school SET name = COALESCE($2, name), district = CASE WHEN $3 THEN $4 ELSE district END, time_zone = COALESCE($5, time_zone)
            WHERE id = $1 RETURNING id, name, district, time_zone)
         SELECT * FROM changed`,
        [input.schoolId, name, district !== undefined, district ?? null, timeZone],
      );
      await this.audit.record(tx, { actorId: viewer.id, museumId: viewer.museumId, action: 'SCHOOL_UPDATED', subjectType: 'School', subjectId: input.schoolId });
      return mapSchool(rows[0]!);
    });
  }
}

export function mapSchool(r: SchoolRow): School {
  return { id: r.id, name: r.name, district: r.district, timeZone: r.time_zone };
}

function schoolName(raw: string): string {
  const name = collapse(raw);
  if (name === '') throw badInput('name', 'a school needs a name');
  if ([...name].length > MAX_SCHOOL_NAME_LENGTH) throw badInput('name', 'the name is too long');
  return name;
}

function optionalText(raw: string | null | undefined, field: string): string | null {
  const text = collapse(raw ?? '');
  if ([...text].length > MAX_SCHOOL_NAME_LENGTH) throw badInput(field, `${field} is too long`);
  return text === '' ? null : text;
}

function checkTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw badInput('timeZone', 'not a time zone name such as Asia/Shanghai');
  }
}
