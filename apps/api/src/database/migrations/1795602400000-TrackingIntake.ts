import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supplier tracking numbers received by mail, link or CSV, applied or held for review (issue 19): tracking_intake,
 * one row per number per order, gone with its order.
 */
export class TrackingIntake1795602400000 implements MigrationInterface {
  name = 'TrackingIntake1795602400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tracking_intake" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "supplier_id" uuid, "via" character varying(8) NOT NULL, "mail_id" uuid, "carrier" character varying(32) NOT NULL, "carrier_name" character varying(100), "tracking_number" character varying(200) NOT NULL, "status" character varying(12) NOT NULL, "reasons" jsonb NOT NULL DEFAULT '[]', "shipment_id" uuid, "created_by" character varying(200) NOT NULL, "decided_by" character varying(200), "decided_at" TIMESTAMP WITH TIME ZONE, "note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d0da0d01c87ec6a281a71624b08" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_tracking_intake_order" ON "tracking_intake" ("order_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_intake_status" ON "tracking_intake" ("status", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_intake_supplier" ON "tracking_intake" ("supplier_id", "created_at") `);
    await queryRunner.query(`ALTER TABLE "tracking_intake" ADD CONSTRAINT "FK_fb9973b25159e77173e0fdf18a0" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tracking_intake" DROP CONSTRAINT "FK_fb9973b25159e77173e0fdf18a0"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_intake_supplier"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_intake_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_intake_order"`);
    await queryRunner.query(`DROP TABLE "tracking_intake"`);
  }
}
