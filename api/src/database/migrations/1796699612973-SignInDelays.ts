import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in failures become counters with delays (identity/sign-in-delays.ts). Generated, except
 * for dropping the old table of one row per failure, which TypeORM leaves alone once no entity
 * names it: its rows were at most a window's counts, so nothing is carried over.
 */
export class SignInDelays1796699612973 implements MigrationInterface {
  name = 'SignInDelays1796699612973';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sign_in_failure_count" ("key" text NOT NULL, "failures" integer NOT NULL DEFAULT '0', "blocked_until" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0d55dec0dc7e0f71d2660d235f" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5565116c61107e6046562b2969" ON "sign_in_failure_count"  ("blocked_until") `);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_5565116c61107e6046562b2969"`);
    await queryRunner.query(`DROP TABLE "sign_in_failure_count"`);
    await queryRunner.query(`CREATE TABLE "sign_in_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_key" text NOT NULL, "address" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ad9835b7a6e51262f6fe5024de" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8ba4c9c59cde85583e6578937d" ON "sign_in_failure"  ("address", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_adcc0a6899b2643a9c3ee864b4" ON "sign_in_failure"  ("account_key", "created_at") `);
  }
}
