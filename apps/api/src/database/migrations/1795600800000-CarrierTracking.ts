import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Statement rows of shipment_tracker whose change can move a compliance fact (polls touch only checked_at and next_poll_at). */
const CHANGED_TRACKERS = `SELECT n.order_id FROM new_rows n JOIN old_rows o ON o.shipment_id = n.shipment_id
  WHERE (n.state, n.first_scan_at, n.first_attempt_at, n.delivered_at, n.address_match)
        IS DISTINCT FROM (o.state, o.first_scan_at, o.first_attempt_at, o.delivered_at, o.address_match)`;

/**
 * Carrier scans for every shipment: carrier_event keeps each status change a tracking provider reports with where
 * it happened (event_key keeps one SCANNED, DELIVERY_ATTEMPT and DELIVERED per shipment, as before), and
 * shipment_tracker follows each shipment at the provider. A tracker's change of state, first scan, delivery or
 * address verdict marks its order's days for the stored compliance counts, as the other order tables do.
 */
export class CarrierTracking1795600800000 implements MigrationInterface {
  name = 'CarrierTracking1795600800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP CONSTRAINT "uq_carrier_event_shipment_type"`);
    await queryRunner.query(`CREATE TABLE "shipment_tracker" ("shipment_id" uuid NOT NULL, "order_id" uuid NOT NULL, "provider" character varying(16) NOT NULL, "provider_tracker_id" character varying(64), "tracking_code" character varying(64) NOT NULL, "carrier" character varying(32) NOT NULL, "state" character varying(16) NOT NULL, "status" character varying(24), "status_detail" character varying(64), "untrackable_reason" character varying(300), "public_url" character varying(500), "est_delivery_at" TIMESTAMP WITH TIME ZONE, "first_scan_at" TIMESTAMP WITH TIME ZONE, "first_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "delivery_city" character varying(80), "delivery_state" character varying(40), "delivery_zip" character varying(16), "delivery_country" character varying(8), "address_match" character varying(12), "provider_updated_at" TIMESTAMP WITH TIME ZONE, "checked_at" TIMESTAMP WITH TIME ZONE, "next_poll_at" TIMESTAMP WITH TIME ZONE, "poll_failures" integer NOT NULL DEFAULT '0', "last_error" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_shipment_tracker" PRIMARY KEY ("shipment_id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_shipment_tracker_provider_id" ON "shipment_tracker" ("provider", "provider_tracker_id") `);
    await queryRunner.query(`CREATE INDEX "ix_shipment_tracker_order" ON "shipment_tracker" ("order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_shipment_tracker_code" ON "shipment_tracker" ("tracking_code", "carrier") `);
    await queryRunner.query(`CREATE INDEX "ix_shipment_tracker_due" ON "shipment_tracker" ("next_poll_at") `);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "event_key" character varying(120)`);
    await queryRunner.query(`UPDATE "carrier_event" SET "event_key" = "type"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ALTER COLUMN "event_key" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "status" character varying(24)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "city" character varying(80)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "state" character varying(40)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "zip" character varying(16)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD "country" character varying(8)`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD CONSTRAINT "uq_carrier_event_shipment_key" UNIQUE ("shipment_id", "event_key")`);
    await queryRunner.query(`ALTER TABLE "shipment_tracker" ADD CONSTRAINT "fk_shipment_tracker_shipment" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shipment_tracker" ADD CONSTRAINT "fk_shipment_tracker_order" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION compliance_dirty_shipment_tracker() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN PERFORM compliance_mark_days(ARRAY(SELECT order_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN PERFORM compliance_mark_days(ARRAY(SELECT order_id FROM old_rows));
        ELSE PERFORM compliance_mark_days(ARRAY(${CHANGED_TRACKERS}));
        END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const transition =
        op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await queryRunner.query(
        `CREATE TRIGGER "compliance_dirty_${op.toLowerCase()}" AFTER ${op} ON "shipment_tracker" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION compliance_dirty_shipment_tracker()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete'])
      await queryRunner.query(`DROP TRIGGER IF EXISTS "compliance_dirty_${op}" ON "shipment_tracker"`);
    await queryRunner.query(`DROP FUNCTION compliance_dirty_shipment_tracker()`);
    await queryRunner.query(`DELETE FROM "carrier_event" WHERE "event_key" <> "type"`);
    await queryRunner.query(`ALTER TABLE "shipment_tracker" DROP CONSTRAINT "fk_shipment_tracker_order"`);
    await queryRunner.query(`ALTER TABLE "shipment_tracker" DROP CONSTRAINT "fk_shipment_tracker_shipment"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP CONSTRAINT "uq_carrier_event_shipment_key"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "country"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "zip"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "state"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "city"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "status"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" DROP COLUMN "event_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracker_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracker_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracker_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_shipment_tracker_provider_id"`);
    await queryRunner.query(`DROP TABLE "shipment_tracker"`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ADD CONSTRAINT "uq_carrier_event_shipment_type" UNIQUE ("shipment_id", "type")`);
  }
}
