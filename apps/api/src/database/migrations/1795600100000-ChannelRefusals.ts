import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A channel call refused for good (FAILED, or DEAD after every retry) keeps the refusal on its outbox row until the
 * channel takes it: when, the channel's message, and what the hub took back from the order so it shows what the
 * channel holds.
 */
export class ChannelRefusals1795600100000 implements MigrationInterface {
  name = 'ChannelRefusals1795600100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox" ADD "refused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "refusal" text`);
    await queryRunner.query(`ALTER TABLE "outbox" ADD "reverted" jsonb`);
    await queryRunner.query(`CREATE INDEX "ix_outbox_refused_at" ON "outbox" ("refused_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_refused_at"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "reverted"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "refusal"`);
    await queryRunner.query(`ALTER TABLE "outbox" DROP COLUMN "refused_at"`);
  }
}
