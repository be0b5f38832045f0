import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The tracking provider's settings (EasyPost): one row holding the write-only API key and webhook secret (encrypted
 * like channel credentials), whether the provider is on, its base URL, and when it last answered or failed.
 */
export class TrackingProviderSetting1795600900000 implements MigrationInterface {
  name = 'TrackingProviderSetting1795600900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "tracking_provider_setting" ("id" smallint NOT NULL, "provider" character varying(16) NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "api_key_encrypted" bytea, "webhook_secret_encrypted" bytea, "base_url" character varying(500) NOT NULL, "version" integer NOT NULL DEFAULT '1', "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" character varying(500), "last_error_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tracking_provider_setting_singleton" CHECK ("id" = 1), CONSTRAINT "pk_tracking_provider_setting" PRIMARY KEY ("id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tracking_provider_setting"`);
  }
}
