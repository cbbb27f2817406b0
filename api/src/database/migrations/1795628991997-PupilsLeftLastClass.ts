import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a pupil stopped being in any class, so the retention job can purge pupils who are in no
 * class (privacy/pupil-data/retention.service.ts). The column is generated from the entity; the
 * backfill and the trigger are written by hand.
 *
 * A trigger rather than code in the services: a class place also goes when its class or its
 * pupil is deleted (ON DELETE CASCADE), and by hand in the database, and every such change must
 * move the date in the same transaction. The trigger locks the pupil's row before it looks at
 * their other places, so two transactions removing a pupil's last two places at once cannot
 * each see the other place still there and both leave the date empty (which would count the
 * pupil's time from the account's creation and purge them early).
 *
 * Pupils already in no class get the day of the migration: none is purged by surprise, and each
 * gets the school's full period from now.
 */
export class PupilsLeftLastClass1795628991997 implements MigrationInterface {
  name = 'PupilsLeftLastClass1795628991997';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "app_user" ADD "left_last_class_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `UPDATE "app_user" u SET "left_last_class_at" = now()
        WHERE u."role" = 'PUPIL' AND u."school_id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "cohort_pupil" cp WHERE cp."pupil_id" = u."id")`,
    );
    await queryRunner.query(`CREATE FUNCTION "app_user_left_last_class"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM 1 FROM "app_user" WHERE "id" = OLD."pupil_id" FOR NO KEY UPDATE;
    UPDATE "app_user" SET "left_last_class_at" = now()
     WHERE "id" = OLD."pupil_id" AND NOT EXISTS (SELECT 1 FROM "cohort_pupil" WHERE "pupil_id" = OLD."pupil_id");
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM 1 FROM "app_user" WHERE "id" = NEW."pupil_id" FOR NO KEY UPDATE;
    UPDATE "app_user" SET "left_last_class_at" = NULL WHERE "id" = NEW."pupil_id" AND "left_last_class_at" IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$`);
    await queryRunner.query(
      `CREATE TRIGGER "cohort_pupil_left_last_class" AFTER INSERT OR DELETE OR UPDATE OF "pupil_id" ON "cohort_pupil"
         FOR EACH ROW EXECUTE FUNCTION "app_user_left_last_class"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "cohort_pupil_left_last_class" ON "cohort_pupil"`);
    await queryRunner.query(`DROP FUNCTION "app_user_left_last_class"()`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "left_last_class_at"`);
  }
}
