import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Suppliers (issue 19): supplier (name unique whatever its case), supplier_sku (one supplier per SKU in an account, or
 * in any account), and purchase_order (one per order among those not cancelled), with the supplier's tracking clock.
 */
export class Suppliers1795602300000 implements MigrationInterface {
  name = 'Suppliers1795602300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "supplier" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "contact_name" character varying(200), "email" character varying(320), "sender_addresses" text array NOT NULL DEFAULT '{}', "phone" character varying(50), "lead_time_business_days" integer NOT NULL DEFAULT '1', "tracking_deadline_hours" integer NOT NULL DEFAULT '0', "po_method" character varying(8) NOT NULL DEFAULT 'EMAIL', "po_format" character varying(8) NOT NULL DEFAULT 'CSV', "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2bc0d2cab6276144d2ff98a2828" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_supplier_name_ci" ON "supplier" (lower("name"))`);
    await queryRunner.query(
      `CREATE TABLE "supplier_sku" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "supplier_id" uuid NOT NULL, "sku" character varying(100) NOT NULL, "account_id" uuid, CONSTRAINT "PK_1cf0ba56ae8b64026c8b459952b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_supplier_sku_supplier_id" ON "supplier_sku" ("supplier_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_supplier_sku_scope" ON "supplier_sku" ("sku", COALESCE("account_id"::text, ''))`,
    );
    await queryRunner.query(
      `CREATE TABLE "purchase_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(32) NOT NULL, "supplier_id" uuid NOT NULL, "order_id" uuid NOT NULL, "method" character varying(8) NOT NULL, "format" character varying(8) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_to" character varying(320), "tracking_due_at" TIMESTAMP WITH TIME ZONE, "tracking_received_at" TIMESTAMP WITH TIME ZONE, "status" character varying(24) NOT NULL, "link_expires_at" TIMESTAMP WITH TIME ZONE, "sent_by" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ad3e1c7b862f4043b103a6c8c60" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_status_due" ON "purchase_order" ("status", "tracking_due_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_purchase_order_supplier_sent_at" ON "purchase_order" ("supplier_id", "sent_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_purchase_order_number" ON "purchase_order" ("number") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_purchase_order_open_order" ON "purchase_order" ("order_id") WHERE "status" <> 'CANCELLED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "FK_3dacab5c4a43cecc0e48f5edb12" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "purchase_order" ADD CONSTRAINT "FK_0996beb5005c12fef3a8a01047a" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supplier_sku" ADD CONSTRAINT "FK_46f0077d4b6ce9841803cfaf4c4" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "supplier_sku" ADD CONSTRAINT "FK_8523ad8edaa6cee5fcf4231d957" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "supplier_sku" DROP CONSTRAINT "FK_8523ad8edaa6cee5fcf4231d957"`);
    await queryRunner.query(`ALTER TABLE "supplier_sku" DROP CONSTRAINT "FK_46f0077d4b6ce9841803cfaf4c4"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "FK_0996beb5005c12fef3a8a01047a"`);
    await queryRunner.query(`ALTER TABLE "purchase_order" DROP CONSTRAINT "FK_3dacab5c4a43cecc0e48f5edb12"`);
    await queryRunner.query(`DROP INDEX "public"."uq_purchase_order_open_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_purchase_order_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_supplier_sent_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_purchase_order_status_due"`);
    await queryRunner.query(`DROP TABLE "purchase_order"`);
    await queryRunner.query(`DROP INDEX "public"."uq_supplier_sku_scope"`);
    await queryRunner.query(`DROP INDEX "public"."ix_supplier_sku_supplier_id"`);
    await queryRunner.query(`DROP TABLE "supplier_sku"`);
    await queryRunner.query(`DROP INDEX "public"."uq_supplier_name_ci"`);
    await queryRunner.query(`DROP TABLE "supplier"`);
  }
}
