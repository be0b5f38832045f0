import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Warnings the seller received from a channel, each with its 24-hour response clock (respond_by), and the
 * indexes the alerts connection pages and filters on (opened time then id; order).
 */
export class ChannelWarningsAndAlertPaging1795512252307 implements MigrationInterface {
  name = 'ChannelWarningsAndAlertPaging1795512252307';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_alert_opened" ON "alert" ("opened_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_alert_order" ON "alert" ("order_id") `);
    await queryRunner.query(
      `CREATE TABLE "channel_warning" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "metric" character varying(48), "subject" character varying(200), "message" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "alert_id" uuid, "logged_by" character varying(200) NOT NULL, "logged_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, "responded_by" character varying(200), "response_note" text, CONSTRAINT "PK_channel_warning" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_channel_warning_open" ON "channel_warning" ("responded_at", "respond_by") `);
    await queryRunner.query(`CREATE INDEX "ix_channel_warning_account" ON "channel_warning" ("account_id", "received_at") `);
    await queryRunner.query(
      `ALTER TABLE "channel_warning" ADD CONSTRAINT "FK_channel_warning_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "channel_warning" ADD CONSTRAINT "FK_channel_warning_alert" FOREIGN KEY ("alert_id") REFERENCES "alert"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "channel_warning" DROP CONSTRAINT "FK_channel_warning_alert"`);
    await queryRunner.query(`ALTER TABLE "channel_warning" DROP CONSTRAINT "FK_channel_warning_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_channel_warning_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_channel_warning_open"`);
    await queryRunner.query(`DROP TABLE "channel_warning"`);
    await queryRunner.query(`DROP INDEX "public"."ix_alert_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_alert_opened"`);
  }
}
