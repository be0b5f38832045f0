import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each SKU sits in the seller's warehouse (a bin), per account: the pick list is walked by bin. */
export class SkuBin1795602100000 implements MigrationInterface {
  name = 'SkuBin1795602100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sku_bin" ("account_id" uuid NOT NULL, "sku" character varying(100) NOT NULL, "bin" character varying(32) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sku_bin" PRIMARY KEY ("account_id", "sku"), CONSTRAINT "fk_sku_bin_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sku_bin"`);
  }
}
