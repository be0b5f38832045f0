import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification rules (which alerts go to whom, by e-mail and signed webhook), their deliveries (one per rule x alert
 * x target, or rule x digest day x target, with attempts and the last error) and the dispatcher's cursor and lease.
 */
export class Notifications1795602700000 implements MigrationInterface {
  name = 'Notifications1795602700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "notification_cursor" ("name" character varying(32) NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE, "alert_id" uuid, "locked_until" TIMESTAMP WITH TIME ZONE, "lease_holder" character varying(200), CONSTRAINT "PK_e8fda2f50b1fd0860a05286f5bf" PRIMARY KEY ("name"))`);
    await queryRunner.query(`CREATE TABLE "notification_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "kinds" text array NOT NULL DEFAULT '{}', "min_severity" character varying(8) NOT NULL DEFAULT 'LOW', "channel" character varying(16), "account_id" uuid, "emails" text array NOT NULL DEFAULT '{}', "user_ids" uuid array NOT NULL DEFAULT '{}', "webhook_url" character varying(2048), "webhook_secret" bytea, "mode" character varying(16) NOT NULL DEFAULT 'IMMEDIATE', "digest_hour" smallint NOT NULL DEFAULT '8', "quiet_from" character varying(5), "quiet_to" character varying(5), "time_zone" character varying(64) NOT NULL DEFAULT 'UTC', "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7b7cb151ab8af7b71553019a730" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "notification_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "rule_id" uuid NOT NULL, "kind" character varying(8) NOT NULL, "alert_id" uuid, "digest_date" date, "target" character varying(330) NOT NULL, "status" character varying(10) NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "response_status" integer, "sent_at" TIMESTAMP WITH TIME ZONE, "payload" jsonb NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_109dea88c25343da49d86de6bfd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_notification_delivery_rule" ON "notification_delivery" ("rule_id", "created_at") `);
    await queryRunner.query(`CREATE INDEX "ix_notification_delivery_due" ON "notification_delivery" ("status", "next_attempt_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_delivery_digest" ON "notification_delivery" ("rule_id", "digest_date", "target") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_notification_delivery_alert" ON "notification_delivery" ("rule_id", "alert_id", "target") `);
    await queryRunner.query(`ALTER TABLE "notification_delivery" ADD CONSTRAINT "FK_d58963bae70fb3f761387a760bc" FOREIGN KEY ("rule_id") REFERENCES "notification_rule"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "notification_delivery" DROP CONSTRAINT "FK_d58963bae70fb3f761387a760bc"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_delivery_alert"`);
    await queryRunner.query(`DROP INDEX "public"."uq_notification_delivery_digest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_delivery_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_notification_delivery_rule"`);
    await queryRunner.query(`DROP TABLE "notification_delivery"`);
    await queryRunner.query(`DROP TABLE "notification_rule"`);
    await queryRunner.query(`DROP TABLE "notification_cursor"`);
  }
}
