import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795597162905 implements MigrationInterface {
  name = 'Foundation1795597162905';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "museum" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name_zh" text NOT NULL, "name_en" text NOT NULL, "city_zh" text, "city_en" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0703d41faa099e68978bd253ca5" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "collection_object" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "museum_id" uuid NOT NULL, "accession_number" text NOT NULL, "title_zh" text NOT NULL, "title_en" text NOT NULL, "maker_zh" text, "maker_en" text, "period_zh" text, "period_en" text, "kind_zh" text, "kind_en" text, "description_zh" text, "description_en" text, "location" text, "themes" text array NOT NULL DEFAULT '{}', "rights_statement" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c00f7f4f302df2deecc4d39baf1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2efd355a4af8691c99ed73c22e" ON "collection_object"  ("museum_id", "accession_number") `);
    await queryRunner.query(`CREATE TABLE "school" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "museum_id" uuid NOT NULL, "name" text NOT NULL, "district" text, "time_zone" text NOT NULL DEFAULT 'Asia/Shanghai', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_57836c3fe2f2c7734b20911755e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_7bf95579709a3d4e50485d9316" ON "school"  ("museum_id") `);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "role" text NOT NULL, "display_name" text NOT NULL, "email" text, "password_hash" text, "school_id" uuid, "museum_id" uuid, "student_number" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "app_user_pupil_has_no_email" CHECK ("role" <> 'PUPIL' OR "email" IS NULL), CONSTRAINT "app_user_role" CHECK ("role" IN ('PUPIL', 'TEACHER', 'MUSEUM_EDUCATOR', 'ADMIN')), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_5d5a608ff8fd2ccc3ee8335a97" ON "app_user"  ("email") WHERE "email" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_2692867cd64951048bdb4ec7c9" ON "app_user"  ("school_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_e173b420f04366dfe4be1ed6bf" ON "app_user"  ("museum_id") `);
    await queryRunner.query(`CREATE TABLE "cohort" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "name" text NOT NULL, "grade" integer NOT NULL, "school_year" text NOT NULL, "class_code" text NOT NULL, "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "cohort_grade_range" CHECK ("grade" BETWEEN 1 AND 12), CONSTRAINT "PK_4fb3cca38dc4b461110344e5f9b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8df9087f42bc56816d10711b33" ON "cohort"  ("school_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_281f410a8aa24a32eaa98eceff" ON "cohort"  ("class_code") `);
    await queryRunner.query(`CREATE TABLE "cohort_pupil" ("cohort_id" uuid NOT NULL, "pupil_id" uuid NOT NULL, "sign_in_code" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_861c369fa42c7cac98255738144" PRIMARY KEY ("cohort_id", "pupil_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1db63d54e21b0eeb16b218ed23" ON "cohort_pupil"  ("pupil_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_def78b5909a6599e91a6b22900" ON "cohort_pupil"  ("cohort_id", "sign_in_code") `);
    await queryRunner.query(`CREATE TABLE "cohort_teacher" ("cohort_id" uuid NOT NULL, "teacher_id" uuid NOT NULL, CONSTRAINT "PK_c240d4bb7925af03e8412d9e917" PRIMARY KEY ("cohort_id", "teacher_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8554f23be23673ba9a25b6a081" ON "cohort_teacher"  ("teacher_id") `);
    await queryRunner.query(`ALTER TABLE "collection_object" ADD CONSTRAINT "FK_95d16fdca6f8c8dffe76e59fd21" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "school" ADD CONSTRAINT "FK_7bf95579709a3d4e50485d93160" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_e173b420f04366dfe4be1ed6bf0" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort" ADD CONSTRAINT "FK_8df9087f42bc56816d10711b334" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_pupil" ADD CONSTRAINT "FK_1d878cb3c4d58ce26aca3afa406" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_pupil" ADD CONSTRAINT "FK_1db63d54e21b0eeb16b218ed23c" FOREIGN KEY ("pupil_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_teacher" ADD CONSTRAINT "FK_cbb58003452ecc8c9d3f5a1cc05" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "cohort_teacher" ADD CONSTRAINT "FK_8554f23be23673ba9a25b6a081a" FOREIGN KEY ("teacher_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "cohort_teacher" DROP CONSTRAINT "FK_8554f23be23673ba9a25b6a081a"`);
    await queryRunner.query(`ALTER TABLE "cohort_teacher" DROP CONSTRAINT "FK_cbb58003452ecc8c9d3f5a1cc05"`);
    await queryRunner.query(`ALTER TABLE "cohort_pupil" DROP CONSTRAINT "FK_1db63d54e21b0eeb16b218ed23c"`);
    await queryRunner.query(`ALTER TABLE "cohort_pupil" DROP CONSTRAINT "FK_1d878cb3c4d58ce26aca3afa406"`);
    await queryRunner.query(`ALTER TABLE "cohort" DROP CONSTRAINT "FK_8df9087f42bc56816d10711b334"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_e173b420f04366dfe4be1ed6bf0"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_2692867cd64951048bdb4ec7c9c"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "FK_7bf95579709a3d4e50485d93160"`);
    await queryRunner.query(`ALTER TABLE "collection_object" DROP CONSTRAINT "FK_95d16fdca6f8c8dffe76e59fd21"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8554f23be23673ba9a25b6a081"`);
    await queryRunner.query(`DROP TABLE "cohort_teacher"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_def78b5909a6599e91a6b22900"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1db63d54e21b0eeb16b218ed23"`);
    await queryRunner.query(`DROP TABLE "cohort_pupil"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_281f410a8aa24a32eaa98eceff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8df9087f42bc56816d10711b33"`);
    await queryRunner.query(`DROP TABLE "cohort"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e173b420f04366dfe4be1ed6bf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2692867cd64951048bdb4ec7c9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d5a608ff8fd2ccc3ee8335a97"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7bf95579709a3d4e50485d9316"`);
    await queryRunner.query(`DROP TABLE "school"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2efd355a4af8691c99ed73c22e"`);
    await queryRunner.query(`DROP TABLE "collection_object"`);
    await queryRunner.query(`DROP TABLE "museum"`);
  }
}
