import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessControl1795597968597 implements MigrationInterface {
  name = 'AccessControl1795597968597';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "museum_id" uuid, "action" text NOT NULL, "subject_type" text, "subject_id" uuid, "details" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_fee444081d15d8d2dfccdb8db6" ON "audit_entry"  ("museum_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "account_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "token_hash" text NOT NULL, "email" text, "role" text, "school_id" uuid, "museum_id" uuid NOT NULL, "user_id" uuid, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "account_link_kind" CHECK ("kind" IN ('INVITATION', 'PASSWORD_RESET')), CONSTRAINT "PK_1af91112f0eef7205c6b0abcbfa" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_acb00bd0ff19fe4435b501ad86" ON "account_link"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_3bf455f9469ecfc67b5ec17716" ON "account_link"  ("museum_id") `);
    await queryRunner.query(`CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a83507eb0338ac037780e02f2b" ON "session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_30e98e8746699fb9af235410af" ON "session"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "sign_in_failure" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_key" text NOT NULL, "address" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5ad9835b7a6e51262f6fe5024de" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8ba4c9c59cde85583e6578937d" ON "sign_in_failure"  ("address", "created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_adcc0a6899b2643a9c3ee864b4" ON "sign_in_failure"  ("account_key", "created_at") `);
    await queryRunner.query(`ALTER TABLE "account_link" ADD CONSTRAINT "FK_a58c4058dfe00e90e34de0b9597" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_link" ADD CONSTRAINT "FK_3bf455f9469ecfc67b5ec17716e" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_link" ADD CONSTRAINT "FK_c733122ab222996a0d6cb19cc2e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_link" ADD CONSTRAINT "FK_760e517bb488b9c8242356a20ff" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"`);
    await queryRunner.query(`ALTER TABLE "account_link" DROP CONSTRAINT "FK_760e517bb488b9c8242356a20ff"`);
    await queryRunner.query(`ALTER TABLE "account_link" DROP CONSTRAINT "FK_c733122ab222996a0d6cb19cc2e"`);
    await queryRunner.query(`ALTER TABLE "account_link" DROP CONSTRAINT "FK_3bf455f9469ecfc67b5ec17716e"`);
    await queryRunner.query(`ALTER TABLE "account_link" DROP CONSTRAINT "FK_a58c4058dfe00e90e34de0b9597"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_adcc0a6899b2643a9c3ee864b4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ba4c9c59cde85583e6578937d"`);
    await queryRunner.query(`DROP TABLE "sign_in_failure"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_30e98e8746699fb9af235410af"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a83507eb0338ac037780e02f2b"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3bf455f9469ecfc67b5ec17716"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_acb00bd0ff19fe4435b501ad86"`);
    await queryRunner.query(`DROP TABLE "account_link"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fee444081d15d8d2dfccdb8db6"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
  }
}
