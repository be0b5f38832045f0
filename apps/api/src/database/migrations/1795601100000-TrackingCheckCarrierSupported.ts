import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Valid tracking as Walmart counts it needs a carrier (and method) the channel supports: the stored verdict gains
 * whether the channel names the shipment's carrier. Verdicts are only re-checked when the number or carrier
 * changes, so every verdict is dropped; the delete marks the days they counted in, and the next report writes each
 * verdict again. The trackers still followed (a few days of shipments) get their own index: the report's "carrier
 * data as of" is the oldest last answer among them.
 */
export class TrackingCheckCarrierSupported1795601100000 implements MigrationInterface {
  name = 'TrackingCheckCarrierSupported1795601100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "compliance_tracking_check"`);
    await queryRunner.query(`ALTER TABLE "compliance_tracking_check" ADD "carrier_supported" boolean NOT NULL`);
    await queryRunner.query(
      `CREATE INDEX "ix_shipment_tracker_followed" ON "shipment_tracker" ("checked_at") WHERE "state" IN ('PENDING', 'TRACKING')`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_tracker_followed"`);
    await queryRunner.query(`ALTER TABLE "compliance_tracking_check" DROP COLUMN "carrier_supported"`);
  }
}
