import { readFileSync } from 'node:fs';
import { hash } from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { isTheme } from '@lmr/domain';
import { CollectionObjectEntity } from '../../collection/collection-object.entity';
import { UserEntity } from '../../identity/user.entity';
import { CohortPupilEntity } from '../../schools/cohort-pupil.entity';
import { CohortTeacherEntity } from '../../schools/cohort-teacher.entity';
import { CohortEntity } from '../../schools/cohort.entity';
import { MuseumEntity } from '../../schools/museum.entity';
import { SchoolEntity } from '../../schools/school.entity';
import { demoId, seededRandom } from './demo-ids';
import { seedFinishedSeason } from './seed-review';
import { seedBriefsAndAssignments } from './seed-briefs';
import {
  DEMO_CLASSES,
  DEMO_PASSWORD,
  DEMO_SCHOOL_YEAR,
  DEMO_SCHOOLS,
  DEMO_STAFF,
  FAMILY_NAMES,
  GIVEN_NAMES,
} from './demo-data';

interface SampleFile {
  museum: { name: { en: string; zh: string }; city: { en: string; zh: string } };
  objects: {
    title: { en: string; zh: string };
    maker?: { en: string; zh: string };
    period?: { en: string; zh: string };
    kind?: { en: string; zh: string };
    themes: string[];
    note?: string;
  }[];
}

/** Letters and digits that a child cannot confuse (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export interface SeedSummary {
  created: boolean;
  museums: number;
  schools: number;
  classes: number;
  pupils: number;
  staff: number;
  collectionObjects: number;
}

export function readCollectionSample(path: string): SampleFile {
  return JSON.parse(readFileSync(path, 'utf8')) as SampleFile;
}

/** True when the database holds no museum yet: the first start of an empty database. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(MuseumEntity).count()) === 0;
}

/**
 * Writes the demo programme. Idempotent: every row has an id derived from its name and is
 * inserted with ON CONFLICT DO NOTHING, so a second run adds nothing and changes nothing.
 */
export async function seedDemo(dataSource: DataSource, samplePath: string): Promise<SeedSummary> {
  const sample = readCollectionSample(samplePath);
  const passwordHash = await hash(DEMO_PASSWORD, { type: 2 });
  const before = await dataSource.getRepository(MuseumEntity).count();
  const random = seededRandom(20261125);
  let pupils = 0;

  await dataSource.transaction(async (tx) => {
    const museumId = demoId('museum');
    await insert(tx, MuseumEntity, [
      { id: museumId, nameZh: sample.museum.name.zh, nameEn: sample.museum.name.en, cityZh: sample.museum.city.zh, cityEn: sample.museum.city.en },
    ]);
    await insert(
      tx,
      SchoolEntity,
      DEMO_SCHOOLS.map((s) => ({ id: demoId(`school:${s.key}`), museumId, name: s.name, district: s.district })),
    );
    await insert(
      tx,
      UserEntity,
      DEMO_STAFF.map((s) => ({
        id: demoId(`staff:${s.key}`),
        role: s.role,
        displayName: s.displayName,
        email: s.email,
        passwordHash,
        schoolId: s.school ? demoId(`school:${s.school}`) : null,
        museumId: s.school ? null : museumId,
      })),
    );
    for (const c of DEMO_CLASSES) {
      const cohortId = demoId(`class:${c.key}`);
      await insert(tx, CohortEntity, [
        { id: cohortId, schoolId: demoId(`school:${c.school}`), name: c.name, grade: c.grade, schoolYear: DEMO_SCHOOL_YEAR, classCode: c.classCode },
      ]);
      await insert(
        tx,
        CohortTeacherEntity,
        c.teachers.map((t) => ({ cohortId, teacherId: demoId(`staff:${t}`) })),
      );
      const used = new Set<string>();
      const members = Array.from({ length: c.pupils }, (_, i) => {
        const name = FAMILY_NAMES[Math.floor(random() * FAMILY_NAMES.length)]! + GIVEN_NAMES[Math.floor(random() * GIVEN_NAMES.length)]!;
        let code: string;
        do {
          code = Array.from({ length: 6 }, () => CODE_ALPHABET[Math.floor(random() * CODE_ALPHABET.length)]).join('');
        } while (used.has(code));
        used.add(code);
        return { id: demoId(`pupil:${c.key}:${i + 1}`), name, code, number: `${c.classCode}-${String(i + 1).padStart(2, '0')}` };
      });
      pupils += members.length;
      await insert(
        tx,
        UserEntity,
        members.map((m) => ({
          id: m.id,
          role: 'PUPIL' as const,
          displayName: m.name,
          schoolId: demoId(`school:${c.school}`),
          studentNumber: m.number,
        })),
      );
      await insert(
        tx,
        CohortPupilEntity,
        members.map((m) => ({ cohortId, pupilId: m.id, signInCode: m.code })),
      );
    }
    await insert(
      tx,
      CollectionObjectEntity,
      sample.objects.map((o, i) => ({
        id: demoId(`object:${o.title.en}`),
        museumId,
        // The sample has no real accession numbers; these are marked as demo values.
        accessionNumber: `DEMO-${String(i + 1).padStart(4, '0')}`,
        titleZh: o.title.zh,
        titleEn: o.title.en,
        makerZh: o.maker?.zh ?? null,
        makerEn: o.maker?.en ?? null,
        periodZh: o.period?.zh ?? null,
        periodEn: o.period?.en ?? null,
        kindZh: o.kind?.zh ?? null,
        kindEn: o.kind?.en ?? null,
        descriptionZh: null,
        descriptionEn: o.note ?? null,
        location: sample.museum.name.zh,
        themes: o.themes.filter(isTheme),
        // The museum writes its rights statements in its own language.
        rightsStatement: '演示记录：根据公开资料编写，不含图片。',
      })),
    );
    await seedBriefsAndAssignments(tx, museumId);
    await seedFinishedSeason(tx, museumId);
  });

  return {
    created: before === 0,
    museums: await dataSource.getRepository(MuseumEntity).count(),
    schools: await dataSource.getRepository(SchoolEntity).count(),
    classes: await dataSource.getRepository(CohortEntity).count(),
    pupils: await dataSource.getRepository(UserEntity).countBy({ role: 'PUPIL' }),
    staff: (await dataSource.getRepository(UserEntity).count()) - (await dataSource.getRepository(UserEntity).countBy({ role: 'PUPIL' })),
    collectionObjects: await dataSource.getRepository(CollectionObjectEntity).count(),
  };
}

async function insert<T extends object>(tx: EntityManager, entity: new () => T, rows: Partial<T>[]) {
  if (rows.length === 0) return;
  await tx.createQueryBuilder().insert().into(entity).values(rows as never).orIgnore().execute();
}
