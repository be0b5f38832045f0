import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A sync lease names its holder (host:pid:start time, and the pid space a process can check it in) and its last
 * heartbeat, so a stopped holder's lease is taken over at once or within SYNC_LEASE_SECONDS instead of after ten
 * minutes; and order_quarantine keeps the orders a pull could not import (the channel's copy and the reason) while
 * the rest of their page is imported.
 */
export class SyncLeaseHolderAndQuarantine1795600500000 implements MigrationInterface {
  name = 'SyncLeaseHolderAndQuarantine1795600500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_sync_state" ADD "lease_holder" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" ADD "lease_holder_scope" character varying(200)`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" ADD "lease_heartbeat_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE TABLE "order_quarantine" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "channel_order_id" character varying(100) NOT NULL, "stage" character varying(16) NOT NULL, "reason" text NOT NULL, "payload" jsonb, "occurrences" integer NOT NULL DEFAULT '1', "first_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_order_quarantine" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_order_quarantine_account" ON "order_quarantine" ("account_id", "last_seen_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_order_quarantine_open" ON "order_quarantine" ("account_id", "channel_order_id") WHERE resolved_at IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "order_quarantine" ADD CONSTRAINT "FK_order_quarantine_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_quarantine" DROP CONSTRAINT "FK_order_quarantine_account"`);
    await queryRunner.query(`DROP INDEX "public"."uq_order_quarantine_open"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_quarantine_account"`);
    await queryRunner.query(`DROP TABLE "order_quarantine"`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" DROP COLUMN "lease_heartbeat_at"`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" DROP COLUMN "lease_holder_scope"`);
    await queryRunner.query(`ALTER TABLE "account_sync_state" DROP COLUMN "lease_holder"`);
  }
}
