import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracking provider's webhooks land in an inbox first: the POST is answered as soon as its event is stored
 * (the event id is the key, so the provider's retries store nothing twice), and a job applies the pending events
 * in batches. carrier_event.source widens to hold TRACKING_PROVIDER (17 characters).
 */
export class TrackingWebhookInbox1795601000000 implements MigrationInterface {
  name = 'TrackingWebhookInbox1795601000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tracking_webhook_event" ("id" character varying(64) NOT NULL, "provider" character varying(16) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "snapshot" jsonb NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_tracking_webhook_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_tracking_webhook_event_pending" ON "tracking_webhook_event" ("received_at") WHERE processed_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "carrier_event" ALTER COLUMN "source" TYPE character varying(24)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "carrier_event" WHERE "source" = 'TRACKING_PROVIDER'`);
    await queryRunner.query(`ALTER TABLE "carrier_event" ALTER COLUMN "source" TYPE character varying(16)`);
    await queryRunner.query(`DROP INDEX "public"."ix_tracking_webhook_event_pending"`);
    await queryRunner.query(`DROP TABLE "tracking_webhook_event"`);
  }
}
