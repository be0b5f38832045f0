import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channel's own account health reports (Amazon's Seller Performance report), one row per fetch: the figures
 * the console shows in columns, the document as Amazon sent it (no buyer data in it) beside them.
 */
export class AccountHealthReport1795602000000 implements MigrationInterface {
  name = 'AccountHealthReport1795602000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "account_health_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid NOT NULL, "fetched_at" TIMESTAMP WITH TIME ZONE NOT NULL, "report_id" character varying(64) NOT NULL, "marketplace_id" character varying(32) NOT NULL, "account_status" character varying(32), "rating_status" character varying(32), "rating_from" TIMESTAMP WITH TIME ZONE, "rating_to" TIMESTAMP WITH TIME ZONE, "odr_rate" numeric(9,4), "odr_target" numeric(9,4), "odr_target_condition" character varying(16), "odr_status" character varying(8), "odr_order_count" integer, "odr_orders_with_defects" integer, "odr_claims" integer, "odr_chargebacks" integer, "odr_negative_feedback" integer, "odr_from" TIMESTAMP WITH TIME ZONE, "odr_to" TIMESTAMP WITH TIME ZONE, "document" jsonb NOT NULL, CONSTRAINT "pk_account_health_report" PRIMARY KEY ("id"), CONSTRAINT "fk_account_health_report_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_account_health_report_latest" ON "account_health_report" ("account_id", "fetched_at" DESC)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "account_health_report"`);
  }
}
