import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FilesAndWork1795599360439 implements MigrationInterface {
  name = 'FilesAndWork1795599360439';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "stored_file" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "uploaded_by_id" uuid NOT NULL, "purpose" text NOT NULL, "content_type" text NOT NULL, "size_bytes" bigint NOT NULL, "sha256" text NOT NULL, "storage_key" text NOT NULL, "thumbnail_key" text, "width" integer, "height" integer, "original_name" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "stored_file_purpose" CHECK ("purpose" IN ('WORK_ATTACHMENT', 'COLLECTION_IMAGE')), CONSTRAINT "PK_e140967af84027b493a3ff04fbb" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5e06ae300ad4821b3c835725af" ON "stored_file"  ("uploaded_by_id") `);
    await queryRunner.query(`CREATE TABLE "upload_ticket" ("token_hash" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "file_id" uuid, CONSTRAINT "PK_3afd9784cdea0176d4c4420f0f2" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8ce793cfae1e9f87f2abfe8ce9" ON "upload_ticket"  ("user_id") `);
    await queryRunner.query(`CREATE TABLE "collection_object_image" ("object_id" uuid NOT NULL, "file_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT '0', "caption" text, CONSTRAINT "PK_c19127495de289b4cd85ff000cc" PRIMARY KEY ("object_id", "file_id"))`);
    await queryRunner.query(`CREATE TABLE "work" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "pupil_id" uuid, "team_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "work_owner" CHECK (("pupil_id" IS NULL) <> ("team_id" IS NULL)), CONSTRAINT "PK_1ad2a9dfd058d66c37e6d495222" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_817fea1f42c9c5180607b684ee" ON "work"  ("assignment_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_ad4e02e2251d168bdd8f76d4a7" ON "work"  ("assignment_id", "team_id") WHERE "team_id" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2037eec0e5addc1773e2f4be0c" ON "work"  ("assignment_id", "pupil_id") WHERE "pupil_id" IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "work_part" ("work_id" uuid NOT NULL, "part_key" text NOT NULL, "body" jsonb NOT NULL, "evidence" jsonb NOT NULL DEFAULT '[]', "attachment_ids" uuid array NOT NULL DEFAULT '{}', "revision" integer NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_400de7d5536c2ef1647cebec9fa" PRIMARY KEY ("work_id", "part_key"))`);
    await queryRunner.query(`CREATE TABLE "work_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_id" uuid NOT NULL, "scope" text NOT NULL, "attempt" integer NOT NULL, "idempotency_key" text NOT NULL, "parts" jsonb NOT NULL, "status" text NOT NULL, "late" boolean NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_by_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE, "status_changed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "work_version_status" CHECK ("status" IN ('SUBMITTED', 'WITHDRAWN', 'RETURNED', 'GRADED')), CONSTRAINT "PK_7fece9c6eae0f61e0361a631728" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4cd97586b492941b96e6d5f904" ON "work_version"  ("work_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d672aa7f976048b77256eb0e7a" ON "work_version"  ("work_id", "idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e3968a1ceefedc54599a343d1a" ON "work_version"  ("work_id", "scope", "attempt") `);
    await queryRunner.query(`ALTER TABLE "stored_file" ADD CONSTRAINT "FK_5e06ae300ad4821b3c835725af4" FOREIGN KEY ("uploaded_by_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "upload_ticket" ADD CONSTRAINT "FK_8ce793cfae1e9f87f2abfe8ce9f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection_object_image" ADD CONSTRAINT "FK_dc318819f62e8c3b3e3cdbc8a85" FOREIGN KEY ("object_id") REFERENCES "collection_object"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "collection_object_image" ADD CONSTRAINT "FK_5a68c661a259b52e42f22f48d80" FOREIGN KEY ("file_id") REFERENCES "stored_file"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work" ADD CONSTRAINT "FK_817fea1f42c9c5180607b684ee6" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work" ADD CONSTRAINT "FK_e97cf12b4724fa2f3a9a212e213" FOREIGN KEY ("pupil_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work" ADD CONSTRAINT "FK_e0c0894bd0c48bceccb45653f32" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work_part" ADD CONSTRAINT "FK_0a32542c791ee55b4812160b801" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work_part" ADD CONSTRAINT "FK_d6a3790d9ded8fe9d4263ea675a" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work_version" ADD CONSTRAINT "FK_4cd97586b492941b96e6d5f9044" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "work_version" ADD CONSTRAINT "FK_6d219b694caa80cc5de7f7e766a" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "work_version" DROP CONSTRAINT "FK_6d219b694caa80cc5de7f7e766a"`);
    await queryRunner.query(`ALTER TABLE "work_version" DROP CONSTRAINT "FK_4cd97586b492941b96e6d5f9044"`);
    await queryRunner.query(`ALTER TABLE "work_part" DROP CONSTRAINT "FK_d6a3790d9ded8fe9d4263ea675a"`);
    await queryRunner.query(`ALTER TABLE "work_part" DROP CONSTRAINT "FK_0a32542c791ee55b4812160b801"`);
    await queryRunner.query(`ALTER TABLE "work" DROP CONSTRAINT "FK_e0c0894bd0c48bceccb45653f32"`);
    await queryRunner.query(`ALTER TABLE "work" DROP CONSTRAINT "FK_e97cf12b4724fa2f3a9a212e213"`);
    await queryRunner.query(`ALTER TABLE "work" DROP CONSTRAINT "FK_817fea1f42c9c5180607b684ee6"`);
    await queryRunner.query(`ALTER TABLE "collection_object_image" DROP CONSTRAINT "FK_5a68c661a259b52e42f22f48d80"`);
    await queryRunner.query(`ALTER TABLE "collection_object_image" DROP CONSTRAINT "FK_dc318819f62e8c3b3e3cdbc8a85"`);
    await queryRunner.query(`ALTER TABLE "upload_ticket" DROP CONSTRAINT "FK_8ce793cfae1e9f87f2abfe8ce9f"`);
    await queryRunner.query(`ALTER TABLE "stored_file" DROP CONSTRAINT "FK_5e06ae300ad4821b3c835725af4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e3968a1ceefedc54599a343d1a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d672aa7f976048b77256eb0e7a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4cd97586b492941b96e6d5f904"`);
    await queryRunner.query(`DROP TABLE "work_version"`);
    await queryRunner.query(`DROP TABLE "work_part"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2037eec0e5addc1773e2f4be0c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ad4e02e2251d168bdd8f76d4a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_817fea1f42c9c5180607b684ee"`);
    await queryRunner.query(`DROP TABLE "work"`);
    await queryRunner.query(`DROP TABLE "collection_object_image"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8ce793cfae1e9f87f2abfe8ce9"`);
    await queryRunner.query(`DROP TABLE "upload_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e06ae300ad4821b3c835725af"`);
    await queryRunner.query(`DROP TABLE "stored_file"`);
  }
}
