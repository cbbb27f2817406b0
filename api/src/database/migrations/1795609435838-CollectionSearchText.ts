import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CollectionSearchText1795609435838 implements MigrationInterface {
  name = 'CollectionSearchText1795609435838';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "collection_object" ADD "search_text" text GENERATED ALWAYS AS (lower(coalesce(title_zh, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(maker_zh, '') || ' ' || coalesce(maker_en, '') || ' ' || coalesce(period_zh, '') || ' ' || coalesce(period_en, '') || ' ' || coalesce(kind_zh, '') || ' ' || coalesce(kind_en, '') || ' ' || coalesce(description_zh, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(accession_number, ''))) STORED NOT NULL`);
    await queryRunner.query(`INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES ($1, $2, $3, $4, $5, $6)`, ["postgres","public","collection_object","GENERATED_COLUMN","search_text","lower(coalesce(title_zh, '') || ' ' || coalesce(title_en, '') || ' ' || coalesce(maker_zh, '') || ' ' || coalesce(maker_en, '') || ' ' || coalesce(period_zh, '') || ' ' || coalesce(period_en, '') || ' ' || coalesce(kind_zh, '') || ' ' || coalesce(kind_en, '') || ' ' || coalesce(description_zh, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(accession_number, ''))"]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "database" = $3 AND "schema" = $4 AND "table" = $5`, ["GENERATED_COLUMN","search_text","postgres","public","collection_object"]);
    await queryRunner.query(`ALTER TABLE "collection_object" DROP COLUMN "search_text"`);
  }
}
