import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SyncStateAndChannelChanges1795501559047 implements MigrationInterface {
  name = 'SyncStateAndChannelChanges1795501559047';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_sync_state" ("account_id" uuid NOT NULL, "phase" character varying(16) NOT NULL DEFAULT 'BACKFILL', "watermark" TIMESTAMP WITH TIME ZONE, "cursor" text, "backfill_from" TIMESTAMP WITH TIME ZONE, "pages_done" integer NOT NULL DEFAULT '0', "pages_estimated" integer, "orders_imported" integer NOT NULL DEFAULT '0', "orders_updated" integer NOT NULL DEFAULT '0', "last_started_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "next_run_at" TIMESTAMP WITH TIME ZONE, "locked_until" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7e7e99f9a6cccec4c6680366fa2" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`ALTER TABLE "order" ADD "channel_updated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "order" ADD "cancellation_requested" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "order_line" ADD "cancellation_requested" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" ADD CONSTRAINT "FK_7e7e99f9a6cccec4c6680366fa2" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_sync_state" DROP CONSTRAINT "FK_7e7e99f9a6cccec4c6680366fa2"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "cancellation_requested"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "cancellation_requested"`);
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "channel_updated_at"`);
    await queryRunner.query(`DROP TABLE "account_sync_state"`);
  }
}
