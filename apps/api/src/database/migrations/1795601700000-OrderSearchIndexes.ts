import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at a million orders: trigram GIN indexes (pg_trgm) serve "contains" on order numbers, the ship-to name and
 * line SKUs; btree indexes serve whole order numbers, whole SKUs (any case) and tracking numbers as search compares
 * them (upper case). Each search branch reads its own index instead of an ILIKE over every row.
 */
export class OrderSearchIndexes1795601700000 implements MigrationInterface {
  name = 'OrderSearchIndexes1795601700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE INDEX "ix_order_channel_order_id" ON "order" ("channel_order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_order_customer_order_id" ON "order" ("customer_order_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_order_channel_order_id_trgm" ON "order" USING gin ("channel_order_id" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_customer_order_id_trgm" ON "order" USING gin ("customer_order_id" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_ship_to_name_trgm" ON "order" USING gin ("ship_to_name" gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_order_line_sku_trgm" ON "order_line" USING gin ("sku" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_order_line_sku_upper" ON "order_line" (upper("sku"))`);
    await queryRunner.query(
      `CREATE INDEX "ix_shipment_tracking_number_upper" ON "shipment" (upper("tracking_number"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracking_number_upper"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_line_sku_upper"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_line_sku_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_ship_to_name_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_customer_order_id_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_channel_order_id_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_customer_order_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_channel_order_id"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
