import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Labels bought in the hub: each purchase keyed so a second click finds the first, with its document, and each
 * account's ship-from address.
 */
export class Labels1795602900000 implements MigrationInterface {
  name = 'Labels1795602900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "ship_from_address" ("account_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "line1" character varying(200) NOT NULL, "line2" character varying(200), "city" character varying(100) NOT NULL, "state_or_region" character varying(100) NOT NULL, "postal_code" character varying(20) NOT NULL, "country_code" character varying(2) NOT NULL, "phone" character varying(40), "updated_by" character varying(200), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2d840bbf93d4822af11540b53e8" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE TABLE "shipping_label" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "account_id" uuid NOT NULL, "shipment_id" uuid, "source" character varying(12) NOT NULL, "provider_shipment_id" character varying(200), "idempotency_key" character varying(200) NOT NULL, "request_token" text NOT NULL, "rate_id" character varying(500) NOT NULL, "carrier" character varying(40), "carrier_name" character varying(100), "service" character varying(100), "service_name" character varying(200), "tracking_number" character varying(100), "amount_cents" integer, "currency" character varying(3), "format" character varying(8) NOT NULL, "document" bytea, "parcel" jsonb NOT NULL, "lines" jsonb, "package_index" integer NOT NULL DEFAULT '0', "status" character varying(16) NOT NULL, "failure" text, "confirmed_by_channel" boolean NOT NULL DEFAULT false, "ship_to_corrected" boolean NOT NULL DEFAULT false, "purchased_at" TIMESTAMP WITH TIME ZONE, "voided_at" TIMESTAMP WITH TIME ZONE, "void_started_at" TIMESTAMP WITH TIME ZONE, "voidable_until" TIMESTAMP WITH TIME ZONE, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_350f5350b8f43dc9a07c7c151e1" UNIQUE ("idempotency_key"), CONSTRAINT "PK_0a69abe1f7304d392bf975e25ec" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_shipping_label_order" ON "shipping_label" ("order_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "ship_from_address" ADD CONSTRAINT "FK_2d840bbf93d4822af11540b53e8" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipping_label" ADD CONSTRAINT "FK_5f498955f4dd9e9d5f5cd371652" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipping_label" ADD CONSTRAINT "FK_8e2ad747f9b02bb50970755a0e2" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shipping_label" DROP CONSTRAINT "FK_8e2ad747f9b02bb50970755a0e2"`);
    await queryRunner.query(`ALTER TABLE "shipping_label" DROP CONSTRAINT "FK_5f498955f4dd9e9d5f5cd371652"`);
    await queryRunner.query(`ALTER TABLE "ship_from_address" DROP CONSTRAINT "FK_2d840bbf93d4822af11540b53e8"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipping_label_order"`);
    await queryRunner.query(`DROP TABLE "shipping_label"`);
    await queryRunner.query(`DROP TABLE "ship_from_address"`);
  }
}
