import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The MCF SKU map (the seller's SKU on a Walmart line → the Amazon seller SKU MCF ships) and, on each MCF record,
 * the routing rule that routed it, so a rule shows how many orders it matched.
 */
export class McfSkuMapAndRoutedByRule1795601900000 implements MigrationInterface {
  name = 'McfSkuMapAndRoutedByRule1795601900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mcf_sku_mapping" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mcf_account_id" uuid NOT NULL, "seller_sku" character varying(100) NOT NULL, "amazon_sku" character varying(100) NOT NULL, "updated_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_mcf_sku_mapping" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_mcf_sku_mapping_account_sku" ON "mcf_sku_mapping" ("mcf_account_id", "seller_sku") `);
    await queryRunner.query(`ALTER TABLE "mcf_order" ADD "routing_rule_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_mcf_order_routing_rule" ON "mcf_order" ("routing_rule_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_mcf_order_routing_rule"`);
    await queryRunner.query(`ALTER TABLE "mcf_order" DROP COLUMN "routing_rule_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_mcf_sku_mapping_account_sku"`);
    await queryRunner.query(`DROP TABLE "mcf_sku_mapping"`);
  }
}
