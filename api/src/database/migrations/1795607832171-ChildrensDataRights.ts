import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChildrensDataRights1795607832171 implements MigrationInterface {
  name = 'ChildrensDataRights1795607832171';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind"`);
    await queryRunner.query(`CREATE TABLE "consent_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "change" text NOT NULL, "credit_style" text, "note" text, "recorded_by_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consent_record_credit" CHECK ("credit_style" IS NULL OR "credit_style" IN ('FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS')), CONSTRAINT "consent_record_change" CHECK ("change" IN ('GIVEN', 'WITHDRAWN')), CONSTRAINT "PK_b357c35aea3aa0be4647282324f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d1eb9c79263cfe1aa6df244c81" ON "consent_record"  ("nomination_id", "recorded_at") `);
    await queryRunner.query(`CREATE TABLE "retention_notice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "school_id" uuid NOT NULL, "school_year" text NOT NULL, "purge_at" TIMESTAMP WITH TIME ZONE NOT NULL, "warned_at" TIMESTAMP WITH TIME ZONE NOT NULL, "purged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_721a320d23b50a1b79c44bddc3b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b815f31e6892803ca436650f8e" ON "retention_notice"  ("school_id", "school_year") `);
    await queryRunner.query(`ALTER TABLE "school" ADD "retention_months" integer NOT NULL DEFAULT '12'`);
    await queryRunner.query(`ALTER TABLE "school" ADD CONSTRAINT "school_retention_months" CHECK ("retention_months" BETWEEN 1 AND 120)`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind_list" CHECK ("kind" IN ('FEEDBACK', 'RETURNED', 'GRADE_RELEASED', 'CHECK_IN', 'NOMINATION_DECIDED', 'RETENTION_WARNING'))`);
    await queryRunner.query(`ALTER TABLE "consent_record" ADD CONSTRAINT "FK_68c66aa5985ee2b14868ac723ce" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "consent_record" ADD CONSTRAINT "FK_69053868ba6ce8ae1258db8cbc7" FOREIGN KEY ("recorded_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "retention_notice" ADD CONSTRAINT "FK_970301345e068040449136e5f2f" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retention_notice" DROP CONSTRAINT "FK_970301345e068040449136e5f2f"`);
    await queryRunner.query(`ALTER TABLE "consent_record" DROP CONSTRAINT "FK_69053868ba6ce8ae1258db8cbc7"`);
    await queryRunner.query(`ALTER TABLE "consent_record" DROP CONSTRAINT "FK_68c66aa5985ee2b14868ac723ce"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "notification_kind_list"`);
    await queryRunner.query(`ALTER TABLE "school" DROP CONSTRAINT "school_retention_months"`);
    await queryRunner.query(`ALTER TABLE "school" DROP COLUMN "retention_months"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b815f31e6892803ca436650f8e"`);
    await queryRunner.query(`DROP TABLE "retention_notice"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d1eb9c79263cfe1aa6df244c81"`);
    await queryRunner.query(`DROP TABLE "consent_record"`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "notification_kind" CHECK ((kind = ANY (ARRAY['FEEDBACK'::text, 'RETURNED'::text, 'GRADE_RELEASED'::text, 'CHECK_IN'::text, 'NOMINATION_DECIDED'::text])))`);
  }
}
