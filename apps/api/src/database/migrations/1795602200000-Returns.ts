import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Returns read from the channels (issue 18): order_return and its lines, linked to the order and order lines they
 * return (set null if an order goes), and return_sync_state, each account's returns import with its lease.
 */
export class Returns1795602200000 implements MigrationInterface {
  name = 'Returns1795602200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "order_return" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "channel_return_id" character varying(100) NOT NULL, "customer_order_id" character varying(64), "channel_order_id" character varying(64) NOT NULL, "order_id" uuid, "status" character varying(16) NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE, "refunded_at" TIMESTAMP WITH TIME ZONE, "refunded_by" character varying(16), "return_type" character varying(32), "tracking" jsonb NOT NULL DEFAULT '[]', "label_url" text, "claim" boolean NOT NULL DEFAULT false, "currency" character(3) NOT NULL, "raw" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_order_return_account_channel_return_id" UNIQUE ("account_id", "channel_return_id"), CONSTRAINT "PK_36413fb3df0d9d66ae67cbdcb9a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_order_return_order_id" ON "order_return" ("order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_order_return_status_received_at" ON "order_return" ("status", "received_at") `);
    await queryRunner.query(`CREATE TABLE "order_return_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "return_line_number" character varying(64) NOT NULL, "channel_order_id" character varying(64) NOT NULL, "order_id" uuid, "line_number" character varying(64), "sku" character varying(100), "product_name" character varying(500), "quantity" integer NOT NULL, "quantity_refunded" integer NOT NULL DEFAULT '0', "reason_code" character varying(100), "reason_category" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE, "refunded_at" TIMESTAMP WITH TIME ZONE, "refunded_by" character varying(16), "unit_price_cents" integer, "unit_tax_cents" integer, "refunded_cents" integer, CONSTRAINT "uq_order_return_line_number" UNIQUE ("return_id", "return_line_number"), CONSTRAINT "PK_49402b020a9dc896bfb025a1257" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_order_return_line_order_id" ON "order_return_line" ("order_id") `);
    await queryRunner.query(`CREATE TABLE "return_sync_state" ("account_id" uuid NOT NULL, "watermark" TIMESTAMP WITH TIME ZONE, "next_run_at" TIMESTAMP WITH TIME ZONE, "last_started_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "returns_imported" integer NOT NULL DEFAULT '0', "returns_updated" integer NOT NULL DEFAULT '0', "rejected" jsonb NOT NULL DEFAULT '[]', "locked_until" TIMESTAMP WITH TIME ZONE, "lease_holder" character varying(200), CONSTRAINT "PK_905d5ce384190ba19d4fcda9d6f" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`ALTER TABLE "order_return" ADD CONSTRAINT "FK_dd7139468cc5baf215c54a5c689" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_return" ADD CONSTRAINT "FK_f2c6ae4d507d369652bbe6e4a04" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_return_line" ADD CONSTRAINT "FK_748bcb08ef2a628fe60ce6a6338" FOREIGN KEY ("return_id") REFERENCES "order_return"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_return_line" ADD CONSTRAINT "FK_bf199d10a6b17dc41a8b8dd6fc4" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "return_sync_state" ADD CONSTRAINT "FK_905d5ce384190ba19d4fcda9d6f" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "return_sync_state" DROP CONSTRAINT "FK_905d5ce384190ba19d4fcda9d6f"`);
    await queryRunner.query(`ALTER TABLE "order_return_line" DROP CONSTRAINT "FK_bf199d10a6b17dc41a8b8dd6fc4"`);
    await queryRunner.query(`ALTER TABLE "order_return_line" DROP CONSTRAINT "FK_748bcb08ef2a628fe60ce6a6338"`);
    await queryRunner.query(`ALTER TABLE "order_return" DROP CONSTRAINT "FK_f2c6ae4d507d369652bbe6e4a04"`);
    await queryRunner.query(`ALTER TABLE "order_return" DROP CONSTRAINT "FK_dd7139468cc5baf215c54a5c689"`);
    await queryRunner.query(`DROP TABLE "return_sync_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_return_line_order_id"`);
    await queryRunner.query(`DROP TABLE "order_return_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_return_status_received_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_return_order_id"`);
    await queryRunner.query(`DROP TABLE "order_return"`);
  }
}
