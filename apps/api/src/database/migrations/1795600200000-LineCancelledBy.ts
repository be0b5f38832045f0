import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who the channel says cancelled a line's units (Amazon's cancelledBy), so a buyer's or the channel's cancellation is not the seller's. */
export class LineCancelledBy1795600200000 implements MigrationInterface {
  name = 'LineCancelledBy1795600200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line" ADD "cancelled_by" character varying(16)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "cancelled_by"`);
  }
}
