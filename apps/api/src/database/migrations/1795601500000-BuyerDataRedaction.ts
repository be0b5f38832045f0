import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Buyer data retention: when the order's buyer PII was redacted, and a partial index over the orders still holding
 * it, by order time, so the purge job reads only those (an order cannot be delivered before it was placed).
 */
export class BuyerDataRedaction1795601500000 implements MigrationInterface {
  name = 'BuyerDataRedaction1795601500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order" ADD "buyer_data_redacted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_order_buyer_data_held" ON "order" ("ordered_at") WHERE buyer_data_redacted_at IS NULL`,
    );
    // A redacted order the channel sent again with a buyer name (the import writes ship_to_name): purged again.
    await queryRunner.query(
      `CREATE INDEX "ix_order_buyer_data_returned" ON "order" ("id") WHERE buyer_data_redacted_at IS NOT NULL AND ship_to_name IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_order_buyer_data_returned"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_buyer_data_held"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "buyer_data_redacted_at"`);
  }
}
