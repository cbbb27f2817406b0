import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FeedbackNotificationsNominations1795599741700 implements MigrationInterface {
  name = 'FeedbackNotificationsNominations1795599741700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "feedback" ("version_id" uuid NOT NULL, "levels" jsonb NOT NULL DEFAULT '[]', "overall_comment" text, "score" integer, "max_points" integer NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "row_version" integer NOT NULL DEFAULT '1', "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_d85fb0e0dbfe52ebf153c161e28" PRIMARY KEY ("version_id"))`);
    await queryRunner.query(`CREATE TABLE "feedback_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "part_key" text NOT NULL, "evidence_id" text, "text" text NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705cb106b7f40889573c2592228" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_2c44159ffbc79bb3bd76ffaf21" ON "feedback_comment"  ("version_id") `);
    await queryRunner.query(`CREATE TABLE "comment_bank_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "teacher_id" uuid NOT NULL, "text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_183cced7dea22e71e7f83f65c93" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_cd59d2f9a63a0f988d8d70a7da" ON "comment_bank_entry"  ("teacher_id") `);
    await queryRunner.query(`CREATE TABLE "check_in" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "work_id" uuid NOT NULL, "milestone_key" text NOT NULL, "text" text NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9c026e16735aea10812a3888d6c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_411fb4d8107ff500cfb81e96a8" ON "check_in"  ("work_id") `);
    await queryRunner.query(`CREATE TABLE "nomination" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_id" uuid NOT NULL, "statement" text NOT NULL, "nominated_by_id" uuid, "guardian_consent" boolean NOT NULL, "credit_style" text NOT NULL, "consent_recorded_by_id" uuid, "consent_recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "consent_withdrawn_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "nomination_credit" CHECK ("credit_style" IN ('FULL_NAME', 'FIRST_NAME_INITIAL_SCHOOL', 'ANONYMOUS')), CONSTRAINT "PK_52e10255e966818cbebfc0f1144" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_bc99acccdb9292e1178403afcb" ON "nomination"  ("version_id") `);
    await queryRunner.query(`CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "kind" text NOT NULL, "assignment_id" uuid, "work_id" uuid, "version_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "notification_kind" CHECK ("kind" IN ('FEEDBACK', 'RETURNED', 'GRADE_RELEASED', 'CHECK_IN', 'NOMINATION_DECIDED')), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_73bfce92922b5fdb3c378fc8b9" ON "notification"  ("user_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "feedback" ADD CONSTRAINT "FK_d85fb0e0dbfe52ebf153c161e28" FOREIGN KEY ("version_id") REFERENCES "work_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback" ADD CONSTRAINT "FK_7512547e6226833a6a4bc8ad54a" FOREIGN KEY ("updated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "FK_2c44159ffbc79bb3bd76ffaf21f" FOREIGN KEY ("version_id") REFERENCES "work_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" ADD CONSTRAINT "FK_6c7f36d7c09c3bfc1d28aef39da" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "comment_bank_entry" ADD CONSTRAINT "FK_cd59d2f9a63a0f988d8d70a7da0" FOREIGN KEY ("teacher_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_in" ADD CONSTRAINT "FK_411fb4d8107ff500cfb81e96a88" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "check_in" ADD CONSTRAINT "FK_37b1fe58ce82ae6e49926785ae4" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD CONSTRAINT "FK_bc99acccdb9292e1178403afcbe" FOREIGN KEY ("version_id") REFERENCES "work_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "nomination" ADD CONSTRAINT "FK_3427b9b492e317b0168677ce448" FOREIGN KEY ("nominated_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "notification" ADD CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification" DROP CONSTRAINT "FK_928b7aa1754e08e1ed7052cb9d8"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP CONSTRAINT "FK_3427b9b492e317b0168677ce448"`);
    await queryRunner.query(`ALTER TABLE "nomination" DROP CONSTRAINT "FK_bc99acccdb9292e1178403afcbe"`);
    await queryRunner.query(`ALTER TABLE "check_in" DROP CONSTRAINT "FK_37b1fe58ce82ae6e49926785ae4"`);
    await queryRunner.query(`ALTER TABLE "check_in" DROP CONSTRAINT "FK_411fb4d8107ff500cfb81e96a88"`);
    await queryRunner.query(`ALTER TABLE "comment_bank_entry" DROP CONSTRAINT "FK_cd59d2f9a63a0f988d8d70a7da0"`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "FK_6c7f36d7c09c3bfc1d28aef39da"`);
    await queryRunner.query(`ALTER TABLE "feedback_comment" DROP CONSTRAINT "FK_2c44159ffbc79bb3bd76ffaf21f"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_7512547e6226833a6a4bc8ad54a"`);
    await queryRunner.query(`ALTER TABLE "feedback" DROP CONSTRAINT "FK_d85fb0e0dbfe52ebf153c161e28"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_73bfce92922b5fdb3c378fc8b9"`);
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bc99acccdb9292e1178403afcb"`);
    await queryRunner.query(`DROP TABLE "nomination"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_411fb4d8107ff500cfb81e96a8"`);
    await queryRunner.query(`DROP TABLE "check_in"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cd59d2f9a63a0f988d8d70a7da"`);
    await queryRunner.query(`DROP TABLE "comment_bank_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2c44159ffbc79bb3bd76ffaf21"`);
    await queryRunner.query(`DROP TABLE "feedback_comment"`);
    await queryRunner.query(`DROP TABLE "feedback"`);
  }
}
