import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who read a buyer's address or raw order: one row per order per request, kept (no PII beyond staff e-mails). */
export class BuyerDataAccess1795601600000 implements MigrationInterface {
  name = 'BuyerDataAccess1795601600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "buyer_data_access" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor" character varying(200) NOT NULL, "user_id" uuid, "token_id" uuid, "order_id" uuid NOT NULL, "fields" character varying(200) NOT NULL, "via" character varying(16) NOT NULL, "ip" character varying(64), CONSTRAINT "pk_buyer_data_access" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_buyer_data_access_at" ON "buyer_data_access" ("occurred_at", "id") `);
    await queryRunner.query(`CREATE INDEX "ix_buyer_data_access_user" ON "buyer_data_access" ("user_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "ix_buyer_data_access_order" ON "buyer_data_access" ("order_id", "occurred_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_data_access_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_data_access_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_data_access_at"`);
    await queryRunner.query(`DROP TABLE "buyer_data_access"`);
  }
}
