import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Order pushes: each account's subscription to its channel's pushes (ids, signing secret, state), the pushes received
 * (once per channel event id, with what became of them) and the orders polls found that no push had announced.
 */
export class Push1795602800000 implements MigrationInterface {
  name = 'Push1795602800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "push_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "account_id" uuid, "event_id" character varying(200) NOT NULL, "kind" character varying(24) NOT NULL, "channel_order_id" character varying(100), "mcf_order_id" character varying(100), "occurred_at" TIMESTAMP WITH TIME ZONE, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outcome" character varying(16) NOT NULL DEFAULT 'PENDING', "processed_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "reason" text, "body" jsonb, CONSTRAINT "PK_b3fb27ba37fe2031f15712275a2" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_push_event_received" ON "push_event" ("account_id", "received_at") `);
    await queryRunner.query(`CREATE INDEX "ix_push_event_order" ON "push_event" ("account_id", "channel_order_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_push_event" ON "push_event" ("account_id", "event_id") `);
    await queryRunner.query(`CREATE TABLE "push_subscription" ("account_id" uuid NOT NULL, "state" character varying(16) NOT NULL DEFAULT 'OFF', "subscription_ids" text array NOT NULL DEFAULT '{}', "destination_id" character varying(200), "account_key" character varying(200), "secret_encrypted" bytea, "subscribed_at" TIMESTAMP WITH TIME ZONE, "subscribed_by" character varying(200), "last_event_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "last_error_at" TIMESTAMP WITH TIME ZONE, "last_test_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2e9bfa0c04256cada6a80085f3b" PRIMARY KEY ("account_id"))`);
    await queryRunner.query(`CREATE TABLE "push_unannounced" ("account_id" uuid NOT NULL, "channel_order_id" character varying(100) NOT NULL, "found_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ordered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_6304d2bee07b2793a889c48a60f" PRIMARY KEY ("account_id", "channel_order_id"))`);
    await queryRunner.query(`ALTER TABLE "push_subscription" ADD CONSTRAINT "FK_2e9bfa0c04256cada6a80085f3b" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "push_subscription" DROP CONSTRAINT "FK_2e9bfa0c04256cada6a80085f3b"`);
    await queryRunner.query(`DROP TABLE "push_unannounced"`);
    await queryRunner.query(`DROP TABLE "push_subscription"`);
    await queryRunner.query(`DROP INDEX "public"."uq_push_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_push_event_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_push_event_received"`);
    await queryRunner.query(`DROP TABLE "push_event"`);
  }
}
