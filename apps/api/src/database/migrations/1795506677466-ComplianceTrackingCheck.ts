import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracking-number verdict of each shipment (check digits are not SQL), written by the compliance report for
 * shipments it has not checked yet, so the valid tracking rate is one indexed aggregate.
 */
export class ComplianceTrackingCheck1795506677466 implements MigrationInterface {
  name = 'ComplianceTrackingCheck1795506677466';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "compliance_tracking_check" ("shipment_id" uuid NOT NULL, "tracking_number" character varying(64), "carrier" character varying(64) NOT NULL, "carrier_code" character varying(24), "resolved_carrier" character varying(24) NOT NULL, "valid" boolean NOT NULL, "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_compliance_tracking_check" PRIMARY KEY ("shipment_id"), CONSTRAINT "FK_compliance_tracking_check_shipment" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "compliance_tracking_check"`);
  }
}
