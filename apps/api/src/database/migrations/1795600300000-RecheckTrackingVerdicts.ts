import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracking rules changed how genuine UPS waybill (K…, J…, V…) and bare 20-digit USPS numbers are checked: verdicts
 * stored before refused the genuine ones. A stored verdict is only re-checked when the number or carrier changes, so
 * every verdict is dropped here; the delete marks the days they counted in, and the next report writes each verdict
 * again under the current rules.
 */
export class RecheckTrackingVerdicts1795600300000 implements MigrationInterface {
  name = 'RecheckTrackingVerdicts1795600300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "compliance_tracking_check"`);
  }

  public async down(): Promise<void> {
    // The verdicts are a cache of the rules; nothing to put back.
  }
}
