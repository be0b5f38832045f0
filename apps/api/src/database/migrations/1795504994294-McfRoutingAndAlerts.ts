import type { MigrationInterface, QueryRunner } from 'typeorm';

export class McfRoutingAndAlerts1795504994294 implements MigrationInterface {
  name = 'McfRoutingAndAlerts1795504994294';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "alert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" character varying(48) NOT NULL, "severity" character varying(8) NOT NULL, "condition_key" character varying(200) NOT NULL, "order_id" uuid, "account_id" uuid, "message" text NOT NULL, "action" text, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "resolved_at" TIMESTAMP WITH TIME ZONE, "acknowledged_by" character varying(200), "acknowledged_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ad91cad659a3536465d564a4b2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_alert_open_condition" ON "alert" ("condition_key") WHERE resolved_at IS NULL`);
    await queryRunner.query(`CREATE INDEX "ix_alert_open" ON "alert" ("resolved_at", "opened_at") `);
    await queryRunner.query(`CREATE TABLE "mcf_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "order_id" uuid NOT NULL, "mcf_account_id" uuid NOT NULL, "seller_fulfillment_order_id" character varying(40) NOT NULL, "status" character varying(16) NOT NULL, "amazon_status" character varying(40), "shipping_speed" character varying(16) NOT NULL, "reason" text, "packages" jsonb NOT NULL DEFAULT '[]', "next_poll_at" TIMESTAMP WITH TIME ZONE, "routed_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_f62af845c44cf90114504460818" UNIQUE ("order_id"), CONSTRAINT "UQ_0c76307e0f69e6ab8bdae6ec36e" UNIQUE ("seller_fulfillment_order_id"), CONSTRAINT "REL_f62af845c44cf9011450446081" UNIQUE ("order_id"), CONSTRAINT "PK_a957be9169ca48f0766a72c63cc" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mcf_order_next_poll" ON "mcf_order" ("next_poll_at") `);
    await queryRunner.query(`CREATE TABLE "routing_rule" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "account_id" uuid NOT NULL, "mcf_account_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT true, "priority" integer NOT NULL DEFAULT '100', "skus" jsonb NOT NULL DEFAULT '[]', "sku_pattern" character varying(200), "countries" jsonb NOT NULL DEFAULT '[]', "require_stock" boolean NOT NULL DEFAULT true, "apply_on_import" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b402e9e6a4d11fbd58e076daa2f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "mcf_order" ADD CONSTRAINT "FK_f62af845c44cf90114504460818" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mcf_order" DROP CONSTRAINT "FK_f62af845c44cf90114504460818"`);
    await queryRunner.query(`DROP TABLE "routing_rule"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mcf_order_next_poll"`);
    await queryRunner.query(`DROP TABLE "mcf_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_alert_open"`);
    await queryRunner.query(`DROP INDEX "public"."uq_alert_open_condition"`);
    await queryRunner.query(`DROP TABLE "alert"`);
  }
}
