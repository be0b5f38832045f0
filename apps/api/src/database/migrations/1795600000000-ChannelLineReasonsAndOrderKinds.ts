import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the channels say that the compliance attribution and the console need: the reasons on cancelled and refunded
 * lines, a replacement order and the order it replaces, the ship node, the price before tax; and carrier events the
 * channel reports without a time (Amazon's package status), stored with no time rather than a guessed one.
 */
export class ChannelLineReasonsAndOrderKinds1795600000000 implements MigrationInterface {
  name = 'ChannelLineReasonsAndOrderKinds1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line" ADD "cancellation_reason" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "order_line" ADD "refund_reason" character varying(100)`);
    await queryRunner.query(`ALTER TABLE "order" ADD "merchandise_cents" integer`);
    await queryRunner.query(`ALTER TABLE "order" ADD "order_type" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "order" ADD "original_customer_order_id" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "order" ADD "ship_node_type" character varying(32)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ALTER COLUMN "occurred_at" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "carrier_event" WHERE "occurred_at" IS NULL`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ALTER COLUMN "occurred_at" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "ship_node_type"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "original_customer_order_id"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "order_type"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "merchandise_cents"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "refund_reason"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "cancellation_reason"`);
  }
}
