import type { MigrationInterface, QueryRunner } from 'typeorm';

export class McfTrackingDelay1795506166557 implements MigrationInterface {
  name = 'McfTrackingDelay1795506166557';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_account" ADD "mcf_tracking_delay_minutes" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_account" DROP COLUMN "mcf_tracking_delay_minutes"`);
  }
}
