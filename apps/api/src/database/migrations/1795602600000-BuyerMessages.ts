import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Buyer messages and channels' performance e-mails read from the mailbox, with their response clocks. */
export class BuyerMessages1795602600000 implements MigrationInterface {
  name = 'BuyerMessages1795602600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "buyer_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mail_id" uuid, "message_id" character varying(998) NOT NULL, "account_id" uuid, "order_id" uuid, "channel" character varying(16) NOT NULL, "kind" character varying(24) NOT NULL, "from_address" character varying(320) NOT NULL, "subject" character varying(998) NOT NULL, "excerpt" character varying(500) NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "respond_by" TIMESTAMP WITH TIME ZONE NOT NULL, "due_soon_at" TIMESTAMP WITH TIME ZONE NOT NULL, "policy_version" character varying(64) NOT NULL, "thread_ids" text array NOT NULL DEFAULT '{}', "order_numbers" text array NOT NULL DEFAULT '{}', "unlinked_reason" text, "answered_at" TIMESTAMP WITH TIME ZONE, "answered_by" character varying(1000), "answer_mail_id" uuid, "answer_note" text, "channel_warning_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_buyer_message" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_buyer_message_mail_id" ON "buyer_message" ("mail_id") `);
    await queryRunner.query(`CREATE INDEX "ix_buyer_message_open" ON "buyer_message" ("answered_at", "due_soon_at") `);
    await queryRunner.query(`CREATE INDEX "ix_buyer_message_order" ON "buyer_message" ("order_id") `);
    await queryRunner.query(`CREATE INDEX "ix_buyer_message_received" ON "buyer_message" ("received_at") `);
    await queryRunner.query(
      `ALTER TABLE "buyer_message" ADD CONSTRAINT "FK_buyer_message_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buyer_message" ADD CONSTRAINT "FK_buyer_message_order" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buyer_message" ADD CONSTRAINT "FK_buyer_message_mail" FOREIGN KEY ("mail_id") REFERENCES "mail_message"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "buyer_message" ADD CONSTRAINT "FK_buyer_message_answer_mail" FOREIGN KEY ("answer_mail_id") REFERENCES "mail_message"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "buyer_message" DROP CONSTRAINT "FK_buyer_message_answer_mail"`);
    await queryRunner.query(`ALTER TABLE "buyer_message" DROP CONSTRAINT "FK_buyer_message_mail"`);
    await queryRunner.query(`ALTER TABLE "buyer_message" DROP CONSTRAINT "FK_buyer_message_order"`);
    await queryRunner.query(`ALTER TABLE "buyer_message" DROP CONSTRAINT "FK_buyer_message_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_message_received"`);
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_message_order"`);
    await queryRunner.query(`DROP INDEX "public"."ix_buyer_message_open"`);
    await queryRunner.query(`DROP INDEX "public"."uq_buyer_message_mail_id"`);
    await queryRunner.query(`DROP TABLE "buyer_message"`);
  }
}
