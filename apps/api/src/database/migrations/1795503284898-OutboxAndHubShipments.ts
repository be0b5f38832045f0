import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxAndHubShipments1795503284898 implements MigrationInterface {
  name = 'OutboxAndHubShipments1795503284898';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "account_id" uuid NOT NULL, "order_id" uuid NOT NULL, "shipment_id" uuid, "operation" character varying(24) NOT NULL, "payload" jsonb NOT NULL, "idempotency_key" character varying(200) NOT NULL, "status" character varying(12) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "channel_ref" character varying(200), "last_error" text, "last_error_code" character varying(120), "created_by" character varying(200) NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "discard_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_acf0725c6a7245b71c651964ee4" UNIQUE ("seq"), CONSTRAINT "UQ_0a4005b6a3155709204b10740a9" UNIQUE ("idempotency_key"), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_order_seq" ON "outbox" ("order_id", "seq") `);
    await queryRunner.query(`CREATE INDEX "ix_outbox_status_next_attempt" ON "outbox" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE TABLE "outbox_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "attempt" integer NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_ms" integer NOT NULL, "request" jsonb NOT NULL, "response_status" integer, "response_body" jsonb, "outcome" character varying(24) NOT NULL, "error" text, CONSTRAINT "PK_c58ffc240ef6741f9ecdc9e338f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_attempt_outbox" ON "outbox_attempt" ("outbox_id", "attempt") `);
    await queryRunner.query(`ALTER TABLE "channel_account" ADD "auto_acknowledge" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "shipment" ADD "source" character varying(8) NOT NULL DEFAULT 'CHANNEL'`);
    await queryRunner.query(`ALTER TABLE "shipment" ADD "carrier_code" character varying(24)`);
    await queryRunner.query(`ALTER TABLE "shipment" ADD "package_reference_id" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "FK_029ebefc587e228914f3d063f13" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD CONSTRAINT "FK_7bfddb088b5f8120e7d7f3b0299" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outbox_attempt" ADD CONSTRAINT "FK_cdf8b1f216fe1eece1fb0699001" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_attempt" DROP CONSTRAINT "FK_cdf8b1f216fe1eece1fb0699001"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_7bfddb088b5f8120e7d7f3b0299"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP CONSTRAINT "FK_029ebefc587e228914f3d063f13"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP COLUMN "package_reference_id"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP COLUMN "carrier_code"`);
    await queryRunner.query(`ALTER TABLE "shipment" DROP COLUMN "source"`);
    await queryRunner.query(`ALTER TABLE "channel_account" DROP COLUMN "auto_acknowledge"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_attempt_outbox"`);
    await queryRunner.query(`DROP TABLE "outbox_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_status_next_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_order_seq"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
