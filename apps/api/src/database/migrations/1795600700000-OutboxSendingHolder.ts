import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A SENDING outbox row names the process that holds it (host:pid:start); the holder renews the row's hold by
 * heartbeat while the call is in flight, so the hold can be short and a dead holder's rows are taken over soon.
 */
export class OutboxSendingHolder1795600700000 implements MigrationInterface {
  name = 'OutboxSendingHolder1795600700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "holder" character varying(200)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "holder"`);
  }
}
