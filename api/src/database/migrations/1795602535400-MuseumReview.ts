import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MuseumReview1795602535400 implements MigrationInterface {
  name = 'MuseumReview1795602535400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "nomination_review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "nomination_id" uuid NOT NULL, "reviewer_id" uuid NOT NULL, "scores" jsonb NOT NULL, "comment" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3c69354a6cd7a4fb0bf16a3d60d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2395a4b51092b5ca3882f6fbae" ON "nomination_review"  ("reviewer_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_eb13a6a21b07ca19e5e2986af9" ON "nomination_review"  ("nomination_id", "reviewer_id") `);
    await queryRunner.query(`CREATE TABLE "lead_reviewer" ("educator_id" uuid NOT NULL, "museum_id" uuid NOT NULL, CONSTRAINT "PK_370377dd5f596d114125d6d7c4c" PRIMARY KEY ("educator_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f4a158f78a4f8f1101200e84fb" ON "lead_reviewer"  ("museum_id") `);
    await queryRunner.query(`ALTER TABLE "nomination" ADD "outcome" text`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD "decision_feedback" text`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD "decided_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD "decided_by_id" uuid`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD "exhibition_slug" text`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cd5eb4e6eceb0badea0d1eb251" ON "nomination"  ("exhibition_slug") WHERE "exhibition_slug" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD CONSTRAINT "nomination_outcome" CHECK ("outcome" IS NULL OR "outcome" IN ('OUTSTANDING', 'COMMENDED', 'NOT_SELECTED'))`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD CONSTRAINT "FK_2002a4589fad3748bd580ddbe21" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "nomination_review" ADD CONSTRAINT "FK_9bdcdc5fa302ca46c6e74c94478" FOREIGN KEY ("nomination_id") REFERENCES "nomination"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "nomination_review" ADD CONSTRAINT "FK_2395a4b51092b5ca3882f6fbae0" FOREIGN KEY ("reviewer_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lead_reviewer" ADD CONSTRAINT "FK_370377dd5f596d114125d6d7c4c" FOREIGN KEY ("educator_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lead_reviewer" ADD CONSTRAINT "FK_f4a158f78a4f8f1101200e84fba" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lead_reviewer" DROP CONSTRAINT "FK_f4a158f78a4f8f1101200e84fba"`);
    await queryRunner.query(`ALTER TABLE "lead_reviewer" DROP CONSTRAINT "FK_370377dd5f596d114125d6d7c4c"`);
    await queryRunner.query(`ALTER TABLE "nomination_review" DROP CONSTRAINT "FK_2395a4b51092b5ca3882f6fbae0"`);
    await queryRunner.query(`ALTER TABLE "nomination_review" DROP CONSTRAINT "FK_9bdcdc5fa302ca46c6e74c94478"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP CONSTRAINT "FK_2002a4589fad3748bd580ddbe21"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP CONSTRAINT "nomination_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd5eb4e6eceb0badea0d1eb251"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP COLUMN "exhibition_slug"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP COLUMN "decided_by_id"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP COLUMN "decided_at"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP COLUMN "decision_feedback"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP COLUMN "outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f4a158f78a4f8f1101200e84fb"`);
    await queryRunner.query(`DROP TABLE "lead_reviewer"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb13a6a21b07ca19e5e2986af9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2395a4b51092b5ca3882f6fbae"`);
    await queryRunner.query(`DROP TABLE "nomination_review"`);
  }
}
