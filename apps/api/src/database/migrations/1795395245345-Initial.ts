import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795395245345 implements MigrationInterface {
  name = 'Initial1795395245345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(200) NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" uuid NOT NULL, "order_id" uuid, "before" jsonb, "after" jsonb, CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_entity" ON "audit_event" ("entity_type", "entity_id") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_event_order" ON "audit_event" ("order_id", "occurred_at") `);
    await queryRunner.query(`CREATE TABLE "api_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "role" character varying(16) NOT NULL, "token_hash" character(64) NOT NULL, "prefix" character varying(16) NOT NULL, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_bafaa5aab5957cd193fb2da8f24" UNIQUE ("token_hash"), CONSTRAINT "PK_d862311c568d175c26f41bc6f98" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "channel_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(16) NOT NULL, "name" character varying(120) NOT NULL, "marketplace" character varying(32) NOT NULL, "environment" character varying(16) NOT NULL, "base_url" character varying(500) NOT NULL, "time_zone" character varying(64) NOT NULL DEFAULT 'America/Los_Angeles', "credentials_encrypted" bytea, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d33239ca8579301ec4c72d88ec3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "channel" character varying(16) NOT NULL, "channel_order_id" character varying(64) NOT NULL, "customer_order_id" character varying(64), "ordered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" character varying(24) NOT NULL, "ship_by" TIMESTAMP WITH TIME ZONE, "deliver_by" TIMESTAMP WITH TIME ZONE, "acknowledge_by" TIMESTAMP WITH TIME ZONE, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "auto_cancel_at" TIMESTAMP WITH TIME ZONE, "ship_method" character varying(64), "fulfillment_method" character varying(16) NOT NULL, "ship_to" jsonb, "ship_to_name" character varying(200), "total_cents" integer NOT NULL, "currency" character(3) NOT NULL, "raw_payload" jsonb NOT NULL, "version" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_order_account_channel_order_id" UNIQUE ("account_id", "channel_order_id"), CONSTRAINT "PK_1031171c13130102495201e3e20" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_order_status_ordered_at" ON "order" ("status", "ordered_at") `);
    await queryRunner.query(`CREATE INDEX "ix_order_ordered_at" ON "order" ("ordered_at", "id") `);
    // Inbox views (DUE_TODAY, PAST_DUE, AT_RISK) read only orders the seller still has to ship.
    await queryRunner.query(`CREATE INDEX "ix_order_open_ship_by" ON "order" ("ship_by", "id") WHERE status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND fulfillment_method <> 'CHANNEL'`);
    await queryRunner.query(`CREATE INDEX "ix_order_open_account_ship_by" ON "order" ("account_id", "ship_by") WHERE status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND fulfillment_method <> 'CHANNEL'`);
    await queryRunner.query(`CREATE TABLE "order_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "line_number" character varying(64) NOT NULL, "sku" character varying(100) NOT NULL, "title" character varying(500) NOT NULL, "quantity_ordered" integer NOT NULL, "quantity_shipped" integer NOT NULL DEFAULT '0', "quantity_cancelled" integer NOT NULL DEFAULT '0', "quantity_refunded" integer NOT NULL DEFAULT '0', "unit_price_cents" integer NOT NULL, "currency" character(3) NOT NULL, "status" character varying(16) NOT NULL, CONSTRAINT "uq_order_line_number" UNIQUE ("order_id", "line_number"), CONSTRAINT "PK_01a7c973d9f30479647e44f9892" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_order_line_sku" ON "order_line" ("sku") `);
    await queryRunner.query(`CREATE TABLE "shipment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "carrier" character varying(64) NOT NULL, "service" character varying(64), "tracking_number" character varying(64), "tracking_url" character varying(500), "shipped_at" TIMESTAMP WITH TIME ZONE NOT NULL, "package_type" character varying(8) NOT NULL, "weight_oz" double precision, "length_in" double precision, "width_in" double precision, "height_in" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f51f635db95c534ca206bf7a0a4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_shipment_tracking_number" ON "shipment" ("tracking_number") `);
    await queryRunner.query(`CREATE INDEX "ix_shipment_order" ON "shipment" ("order_id") `);
    await queryRunner.query(`CREATE TABLE "shipment_line" ("shipment_id" uuid NOT NULL, "order_line_id" uuid NOT NULL, "quantity" integer NOT NULL, CONSTRAINT "PK_734ed9390edd9398df7a2aeb288" PRIMARY KEY ("shipment_id", "order_line_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_shipment_line_order_line" ON "shipment_line" ("order_line_id") `);
    await queryRunner.query(`ALTER TABLE "order" ADD CONSTRAINT "FK_c58ad1d9aad5f910d64f2268e68" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "order_line" ADD CONSTRAINT "FK_ed8fae6d7239e9d730219215af7" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment" ADD CONSTRAINT "FK_8326c2309eef8967ec2b38a05e7" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment_line" ADD CONSTRAINT "FK_b58581bfc0aa5c70257f818b559" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment_line" ADD CONSTRAINT "FK_03852adfd17070a574ff82172ea" FOREIGN KEY ("order_line_id") REFERENCES "order_line"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shipment_line" DROP CONSTRAINT "FK_03852adfd17070a574ff82172ea"`);
    await queryRunner.query(`ALTER TABLE "shipment_line" DROP CONSTRAINT "FK_b58581bfc0aa5c70257f818b559"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP CONSTRAINT "FK_8326c2309eef8967ec2b38a05e7"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP CONSTRAINT "FK_ed8fae6d7239e9d730219215af7"`);
    await queryRunner.query(`ALTER TABLE "order" DROP CONSTRAINT "FK_c58ad1d9aad5f910d64f2268e68"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_line_order_line"`);
    await queryRunner.query(`DROP TABLE "shipment_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracking_number"`);
    await queryRunner.query(`DROP TABLE "shipment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_line_sku"`);
    await queryRunner.query(`DROP TABLE "order_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_open_account_ship_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_open_ship_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_ordered_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_status_ordered_at"`);
    await queryRunner.query(`DROP TABLE "order"`);
    await queryRunner.query(`DROP TABLE "channel_account"`);
    await queryRunner.query(`DROP TABLE "api_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_entity"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
