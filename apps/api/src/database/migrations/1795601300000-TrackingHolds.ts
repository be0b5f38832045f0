import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hold tracking until it scans: an account option (off by default), and tracking_hold, one row per channel
 * confirmation the hub holds back until the parcel's first carrier scan or a deadline before ship-by.
 */
export class TrackingHolds1795601300000 implements MigrationInterface {
  name = 'TrackingHolds1795601300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_account" ADD "hold_tracking_until_scan" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE TABLE "tracking_hold" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outbox_id" uuid NOT NULL, "order_id" uuid NOT NULL, "shipment_id" uuid NOT NULL, "operation" character varying(24) NOT NULL, "tracking_number" character varying(64) NOT NULL, "carrier" character varying(64) NOT NULL, "held_since" TIMESTAMP WITH TIME ZONE NOT NULL, "release_by" TIMESTAMP WITH TIME ZONE NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE, "release_reason" character varying(16), "released_by" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_tracking_hold" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tracking_hold_outbox" ON "tracking_hold" ("outbox_id") `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_hold_release_by" ON "tracking_hold" ("release_by") `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_hold_shipment" ON "tracking_hold" ("shipment_id") `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_hold_order" ON "tracking_hold" ("order_id") `);
    await queryRunner.query(`ALTER TABLE "tracking_hold" ADD CONSTRAINT "fk_tracking_hold_outbox" FOREIGN KEY ("outbox_id") REFERENCES "outbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tracking_hold" ADD CONSTRAINT "fk_tracking_hold_order" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tracking_hold" ADD CONSTRAINT "fk_tracking_hold_shipment" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracking_hold" DROP CONSTRAINT "fk_tracking_hold_shipment"`);
    await queryRunner.query(`ALTER TABLE "tracking_hold" DROP CONSTRAINT "fk_tracking_hold_order"`);
    await queryRunner.query(`ALTER TABLE "tracking_hold" DROP CONSTRAINT "fk_tracking_hold_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_hold_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_hold_shipment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_hold_release_by"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tracking_hold_outbox"`);
    await queryRunner.query(`DROP TABLE "tracking_hold"`);
    await queryRunner.query(`ALTER TABLE "channel_account" DROP COLUMN "hold_tracking_until_scan"`);
  }
}
