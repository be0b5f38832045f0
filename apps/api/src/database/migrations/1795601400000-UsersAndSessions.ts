import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Named people: app_user (role, status, password hash, TOTP, SSO subject, lockout), user_link (one-time
 * invitation and reset links, hashed), user_session (cookie sessions, hashed), security_setting (require MFA),
 * and api_token.user_id (a token acting for a person).
 */
export class UsersAndSessions1795601400000 implements MigrationInterface {
  name = 'UsersAndSessions1795601400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(320) NOT NULL, "email_key" character varying(320) NOT NULL, "name" character varying(120) NOT NULL, "role" character varying(16) NOT NULL, "status" character varying(16) NOT NULL, "password_hash" character varying(255), "totp_secret_encrypted" bytea, "totp_enabled_at" TIMESTAMP WITH TIME ZONE, "totp_last_step" bigint, "recovery_code_hashes" jsonb NOT NULL DEFAULT '[]', "sso_subject" character varying(500), "failed_sign_ins" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_sign_in_at" TIMESTAMP WITH TIME ZONE, "disabled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "pk_app_user" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_sso_subject" ON "app_user" ("sso_subject") WHERE "sso_subject" IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_app_user_email" ON "app_user" ("email_key") `);
    await queryRunner.query(`CREATE TABLE "user_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(16) NOT NULL, "secret_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5f2b0952f572d43583dbad33e48" UNIQUE ("secret_hash"), CONSTRAINT "pk_user_link" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_link_user" ON "user_link" ("user_id") `);
    await queryRunner.query(`CREATE TABLE "security_setting" ("id" smallint NOT NULL, "require_mfa" boolean, "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_security_setting_singleton" CHECK ("id" = 1), CONSTRAINT "pk_security_setting" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "method" character varying(16) NOT NULL, "second_factor_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "ip" character varying(64), "user_agent" character varying(300), CONSTRAINT "UQ_6f052e42a0309fe9096abe6551d" UNIQUE ("secret_hash"), CONSTRAINT "pk_user_session" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_user_session_user" ON "user_session" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "api_token" ADD "user_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_api_token_user" ON "api_token" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "user_link" ADD CONSTRAINT "fk_user_link_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD CONSTRAINT "fk_user_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_token" ADD CONSTRAINT "fk_api_token_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_token" DROP CONSTRAINT "fk_api_token_user"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "fk_user_session_user"`);
    await queryRunner.query(`ALTER TABLE "user_link" DROP CONSTRAINT "fk_user_link_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_api_token_user"`);
    await queryRunner.query(`ALTER TABLE "api_token" DROP COLUMN "user_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_session_user"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP TABLE "security_setting"`);
    await queryRunner.query(`DROP INDEX "public"."ix_user_link_user"`);
    await queryRunner.query(`DROP TABLE "user_link"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_email"`);
    await queryRunner.query(`DROP INDEX "public"."uq_app_user_sso_subject"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
  }
}
