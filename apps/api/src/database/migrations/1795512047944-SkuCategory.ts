import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The seller's product category per SKU and account (Amazon's valid tracking rate is measured per category). */
export class SkuCategory1795512047944 implements MigrationInterface {
  name = 'SkuCategory1795512047944';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sku_category" ("account_id" uuid NOT NULL, "sku" character varying(64) NOT NULL, "category" character varying(64) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sku_category" PRIMARY KEY ("account_id", "sku"), CONSTRAINT "fk_sku_category_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sku_category"`);
  }
}
