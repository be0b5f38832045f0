import type { MigrationInterface, QueryRunner } from 'typeorm';

/** "All accounts" in the unique keys below: a NULL account_id would never collide with another NULL. */
const ALL_ACCOUNTS = `COALESCE("account_id", '00000000-0000-0000-0000-000000000000'::uuid)`;

/**
 * compliance_snapshot: one row per channel, account (NULL = all), UTC day, metric and category (NULL = all), the
 * report as of that day's end, for trends. plan_of_action: the operator's edited plan per metric scope and window
 * end day. Both are read and written with SQL (no entity), like compliance_tracking_check.
 */
export class ComplianceSnapshotsAndPlansOfAction1795512075725 implements MigrationInterface {
  name = 'ComplianceSnapshotsAndPlansOfAction1795512075725';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "compliance_snapshot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(16) NOT NULL, "account_id" uuid, "day" date NOT NULL, "metric" character varying(40) NOT NULL, "category" character varying(100), "value" double precision, "numerator" integer NOT NULL, "denominator" integer NOT NULL, "threshold" double precision, "status" character varying(16) NOT NULL, "policy_version" character varying(64) NOT NULL, "as_of" TIMESTAMP WITH TIME ZONE NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_compliance_snapshot" PRIMARY KEY ("id"), CONSTRAINT "FK_compliance_snapshot_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_compliance_snapshot_scope_day" ON "compliance_snapshot" ("channel", (${ALL_ACCOUNTS}), "metric", (COALESCE("category", '')), "day")`,
    );
    await queryRunner.query(
      `CREATE TABLE "plan_of_action" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(16) NOT NULL, "account_id" uuid, "metric" character varying(40) NOT NULL, "category" character varying(100), "window_end" date NOT NULL, "root_cause" text NOT NULL, "corrective_actions" text NOT NULL, "preventive_measures" text NOT NULL, "updated_by" character varying(200) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_plan_of_action" PRIMARY KEY ("id"), CONSTRAINT "FK_plan_of_action_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_plan_of_action_scope" ON "plan_of_action" ("channel", (${ALL_ACCOUNTS}), "metric", (COALESCE("category", '')), "window_end")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "plan_of_action"`);
    await queryRunner.query(`DROP TABLE "compliance_snapshot"`);
  }
}
