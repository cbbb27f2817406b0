import { readFileSync } from 'node:fs';
import { hash } from 'argon2';
import type { DataSource, EntityManager } from 'typeorm';
import { CLASS_CODE_LENGTH, isTheme, newCode, PUPIL_CODE_LENGTH } from '@lmr/domain';
import { randomIndex } from '../../common/tokens';
import { CollectionObjectEntity } from '../../collection/collection-object.entity';
import { UserEntity } from '../../identity/user.entity';
import { CohortPupilEntity } from '../../schools/cohort-pupil.entity';
import { CohortTeacherEntity } from '../../schools/cohort-teacher.entity';
import { CohortEntity } from '../../schools/cohort.entity';
import { MuseumEntity } from '../../schools/museum.entity';
import { SchoolEntity } from '../../schools/school.entity';
import { demoId, seededRandom } from './demo-ids';
import { newDemoPassword, type DemoSignIn } from './demo-sign-in';
import { seedFinishedSeason } from './seed-review';
import { seedBriefsAndAssignments } from './seed-briefs';
import {
  DEMO_CLASSES,
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

export interface SeedSummary {
  created: boolean;
  museums: number;
  schools: number;
  classes: number;
  pupils: number;
  staff: number;
  collectionObjects: number;
  /**
   * How to sign in to the demo as the database holds it now. Its staff password is known only
   * to the run that created the staff accounts (the database keeps a hash): null on later runs.
   */
  signIn: DemoSignIn;
}

export function readCollectionSample(path: string): SampleFile {
  return JSON.parse(readFileSync(path, 'utf8')) as SampleFile;
}

/** True when the database holds no museum yet: the first start of an empty database. */
export async function isEmpty(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(MuseumEntity).count()) === 0;
}

/** True when the demo programme was written into this database. */
export async function hasDemo(dataSource: DataSource): Promise<boolean> {
  return (await dataSource.getRepository(MuseumEntity).countBy({ id: demoId('museum') })) > 0;
}

/**
 * Writes the demo programme. Idempotent: every row has an id derived from its name and is
 * inserted with ON CONFLICT DO NOTHING, so a second run adds nothing and changes nothing.
 * Names are the same on every install; the staff password and the class and pupil codes are
 * drawn from node:crypto on the run that creates them and kept by the database from then on.
 * `database` names the database in the sign-in details (demoDatabaseName).
 */
export async function seedDemo(dataSource: DataSource, samplePath: string, database = 'embedded'): Promise<SeedSummary> {
  const sample = readCollectionSample(samplePath);
  const password = newDemoPassword();
  const passwordHash = await hash(password, { type: 2 });
  const before = await dataSource.getRepository(MuseumEntity).count();
  const names = seededRandom(20261125);
  let staffCreated = false;

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
    // Only the run whose rows went in knows their password: replicas seeding together race,
    // and the losers' passwords were never stored.
    staffCreated = await insertCreated(
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
      const existing: { class_code: string }[] = await tx.query(`SELECT class_code FROM cohort WHERE id = $1`, [cohortId]);
      const classCode = existing[0]?.class_code ?? (await freeClassCode(tx));
      await insert(tx, CohortEntity, [
        { id: cohortId, schoolId: demoId(`school:${c.school}`), name: c.name, grade: c.grade, schoolYear: DEMO_SCHOOL_YEAR, classCode },
      ]);
      await insert(
        tx,
        CohortTeacherEntity,
        c.teachers.map((t) => ({ cohortId, teacherId: demoId(`staff:${t}`) })),
      );
      // Codes already in the class stay theirs; a new pupil's code must differ from them all.
      const taken: { sign_in_code: string }[] = await tx.query(`SELECT sign_in_code FROM cohort_pupil WHERE cohort_id = $1`, [cohortId]);
      const used = new Set(taken.map((t) => t.sign_in_code));
      const members = Array.from({ length: c.pupils }, (_, i) => {
        const name = FAMILY_NAMES[Math.floor(names() * FAMILY_NAMES.length)]! + GIVEN_NAMES[Math.floor(names() * GIVEN_NAMES.length)]!;
        let code: string;
        do {
          code = newCode(PUPIL_CODE_LENGTH, randomIndex);
        } while (used.has(code));
        used.add(code);
        return { id: demoId(`pupil:${c.key}:${i + 1}`), name, code, number: `${c.numberPrefix}-${String(i + 1).padStart(2, '0')}` };
      });
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

  const signIn: DemoSignIn = {
    database,
    writtenAt: new Date().toISOString(),
    staffPassword: staffCreated ? password : null,
    ...(await demoSignIn(dataSource)),
  };
  return {
    created: before === 0,
    signIn,
    museums: await dataSource.getRepository(MuseumEntity).count(),
    schools: await dataSource.getRepository(SchoolEntity).count(),
    classes: await dataSource.getRepository(CohortEntity).count(),
    pupils: await dataSource.getRepository(UserEntity).countBy({ role: 'PUPIL' }),
    staff: (await dataSource.getRepository(UserEntity).count()) - (await dataSource.getRepository(UserEntity).countBy({ role: 'PUPIL' })),
    collectionObjects: await dataSource.getRepository(CollectionObjectEntity).count(),
  };
}

/** The demo's staff, classes and pupils with their codes, as the database holds them now. */
export async function demoSignIn(db: DataSource | EntityManager): Promise<Pick<DemoSignIn, 'staff' | 'classes'>> {
  const staffIds = DEMO_STAFF.map((s) => demoId(`staff:${s.key}`));
  const staff: { role: string; email: string }[] = await db.query(
    `SELECT role, email FROM app_user WHERE id = ANY($1::uuid[]) AND email IS NOT NULL ORDER BY array_position($1::uuid[], id)`,
    [staffIds],
  );
  const classIds = DEMO_CLASSES.map((c) => demoId(`class:${c.key}`));
  const classes: { id: string; name: string; class_code: string; school: string }[] = await db.query(
    `SELECT c.id, c.name, c.class_code, s.name AS school FROM cohort c JOIN school s ON s.id = c.school_id
      WHERE c.id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], c.id)`,
    [classIds],
  );
  const pupils: { cohort_id: string; name: string; code: string }[] = await db.query(
    `SELECT cp.cohort_id, u.display_name AS name, cp.sign_in_code AS code FROM cohort_pupil cp JOIN app_user u ON u.id = cp.pupil_id
      WHERE cp.cohort_id = ANY($1::uuid[]) ORDER BY u.student_number, u.id`,
    [classIds],
  );
  return {
    staff: staff.map((s) => ({ role: s.role, email: s.email })),
    classes: classes.map((c) => ({
      name: c.name,
      school: c.school,
      classCode: c.class_code,
      pupils: pupils.filter((p) => p.cohort_id === c.id).map((p) => ({ name: p.name, code: p.code })),
    })),
  };
}

/** A class code no class has, drawn as the portal draws them for a new class. */
async function freeClassCode(tx: EntityManager): Promise<string> {
  for (;;) {
    const code = newCode(CLASS_CODE_LENGTH, randomIndex);
    const rows: unknown[] = await tx.query(`SELECT 1 FROM cohort WHERE class_code = $1`, [code]);
    if (rows.length === 0) return code;
  }
}

async function insert<T extends object>(tx: EntityManager, entity: new () => T, rows: Partial<T>[]) {
  if (rows.length === 0) return;
  await tx.createQueryBuilder().insert().into(entity).values(rows as never).orIgnore().execute();
}

/** Inserts what is not there yet; true when at least one row went in. */
async function insertCreated<T extends object>(tx: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<boolean> {
  if (rows.length === 0) return false;
  const result = await tx.createQueryBuilder().insert().into(entity).values(rows as never).orIgnore().returning(['id']).execute();
  return Array.isArray(result.raw) && result.raw.length > 0;
}
