import type { MigrationInterface, QueryRunner } from 'typeorm';

export class BriefsAndAssignments1795598631528 implements MigrationInterface {
  name = 'BriefsAndAssignments1795598631528';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "project_brief" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "museum_id" uuid, "school_id" uuid, "author_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'DRAFT', "copied_from_id" uuid, "current_version" integer NOT NULL DEFAULT '1', "theme" text NOT NULL, "grade_from" integer NOT NULL, "grade_to" integer NOT NULL, "search_text" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "project_brief_owner" CHECK (("museum_id" IS NOT NULL) OR ("school_id" IS NOT NULL)), CONSTRAINT "project_brief_status" CHECK ("status" IN ('DRAFT', 'PUBLISHED')), CONSTRAINT "PK_024268a44c6db71b7e3dd4cb7c2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b5b91a2f1ecbc95ba29ae9a5ac" ON "project_brief"  ("museum_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_491838b498af51c62524ffa507" ON "project_brief"  ("school_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_f65dcb97c522ae1445acd62a20" ON "project_brief"  ("author_id") `);
    await queryRunner.query(`CREATE TABLE "project_brief_version" ("brief_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e0f51339172f32f41db1e5830e3" PRIMARY KEY ("brief_id", "version"))`);
    await queryRunner.query(`CREATE TABLE "assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "cohort_id" uuid NOT NULL, "brief_id" uuid NOT NULL, "brief_version" integer NOT NULL, "mode" text NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "milestone_due_at" jsonb NOT NULL DEFAULT '{}', "museum_session" jsonb, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "assignment_dates" CHECK ("due_at" > "starts_at"), CONSTRAINT "assignment_mode" CHECK ("mode" IN ('INDIVIDUAL', 'TEAM')), CONSTRAINT "PK_43c2f5a3859f54cedafb270f37e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f08564f4bf7669fba9408ac1d0" ON "assignment"  ("cohort_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9eabca74abce2b401b98d2191a" ON "assignment"  ("brief_id") `);
    await queryRunner.query(`CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assignment_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5e39b2f06bad3e76f17f7f800a" ON "team"  ("assignment_id") `);
    await queryRunner.query(`CREATE TABLE "team_member" ("team_id" uuid NOT NULL, "pupil_id" uuid NOT NULL, "assignment_id" uuid NOT NULL, CONSTRAINT "PK_b44f063282bb95734a3a93750e4" PRIMARY KEY ("team_id", "pupil_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4bbb7ea98890c90aee4c947ce1" ON "team_member"  ("assignment_id", "pupil_id") `);
    await queryRunner.query(`ALTER TABLE "project_brief" ADD CONSTRAINT "FK_b5b91a2f1ecbc95ba29ae9a5ac4" FOREIGN KEY ("museum_id") REFERENCES "museum"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_brief" ADD CONSTRAINT "FK_491838b498af51c62524ffa5078" FOREIGN KEY ("school_id") REFERENCES "school"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_brief" ADD CONSTRAINT "FK_f65dcb97c522ae1445acd62a20d" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "project_brief_version" ADD CONSTRAINT "FK_bc79a7b1e987a93d502de42bac3" FOREIGN KEY ("brief_id") REFERENCES "project_brief"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assignment" ADD CONSTRAINT "FK_f08564f4bf7669fba9408ac1d00" FOREIGN KEY ("cohort_id") REFERENCES "cohort"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assignment" ADD CONSTRAINT "FK_6676617244e794c2e6e2ce90ecd" FOREIGN KEY ("brief_id", "brief_version") REFERENCES "project_brief_version"("brief_id","version") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "assignment" ADD CONSTRAINT "FK_abb8f4fb012e810112972fc21de" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team" ADD CONSTRAINT "FK_5e39b2f06bad3e76f17f7f800ac" FOREIGN KEY ("assignment_id") REFERENCES "assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "team_member" ADD CONSTRAINT "FK_b84432136e8c47282a8c9b05c11" FOREIGN KEY ("pupil_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_b84432136e8c47282a8c9b05c11"`);
    await queryRunner.query(`ALTER TABLE "team_member" DROP CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b"`);
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "FK_5e39b2f06bad3e76f17f7f800ac"`);
    await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_abb8f4fb012e810112972fc21de"`);
    await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_6676617244e794c2e6e2ce90ecd"`);
    await queryRunner.query(`ALTER TABLE "assignment" DROP CONSTRAINT "FK_f08564f4bf7669fba9408ac1d00"`);
    await queryRunner.query(`ALTER TABLE "project_brief_version" DROP CONSTRAINT "FK_bc79a7b1e987a93d502de42bac3"`);
    await queryRunner.query(`ALTER TABLE "project_brief" DROP CONSTRAINT "FK_f65dcb97c522ae1445acd62a20d"`);
    await queryRunner.query(`ALTER TABLE "project_brief" DROP CONSTRAINT "FK_491838b498af51c62524ffa5078"`);
    await queryRunner.query(`ALTER TABLE "project_brief" DROP CONSTRAINT "FK_b5b91a2f1ecbc95ba29ae9a5ac4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4bbb7ea98890c90aee4c947ce1"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5e39b2f06bad3e76f17f7f800a"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9eabca74abce2b401b98d2191a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f08564f4bf7669fba9408ac1d0"`);
    await queryRunner.query(`DROP TABLE "assignment"`);
    await queryRunner.query(`DROP TABLE "project_brief_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f65dcb97c522ae1445acd62a20"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_491838b498af51c62524ffa507"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b5b91a2f1ecbc95ba29ae9a5ac"`);
    await queryRunner.query(`DROP TABLE "project_brief"`);
  }
}
