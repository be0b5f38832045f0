import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seller's mailboxes (IMAP settings, password encrypted, folders and per-folder UIDVALIDITY + last UID), every
 * message read from them as evidence (unique Message-ID per mailbox), and each mailbox's sync state with its lease.
 */
export class Mailbox1795602500000 implements MigrationInterface {
  name = 'Mailbox1795602500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "mailbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "host" character varying(255) NOT NULL, "port" integer NOT NULL, "secure" boolean NOT NULL DEFAULT true, "username" character varying(320) NOT NULL, "password_encrypted" bytea NOT NULL, "junk_folder" character varying(255), "sent_folder" character varying(255), "folders" jsonb NOT NULL DEFAULT '{"junk": null, "sent": null, "inbox": "INBOX"}', "folder_cursors" jsonb NOT NULL DEFAULT '{}', "account_ids" uuid array NOT NULL DEFAULT '{}', "enabled" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f7191e7ca96ddaeebb57e58650f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "mail_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "mailbox_id" uuid NOT NULL, "folder" character varying(255) NOT NULL, "folder_role" character varying(8) NOT NULL, "uid" bigint NOT NULL, "message_id" character varying(998) NOT NULL, "in_reply_to" character varying(998), "references" text array NOT NULL DEFAULT '{}', "from_address" character varying(320) NOT NULL, "from_name" character varying(300), "to_addresses" text array NOT NULL DEFAULT '{}', "subject" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "body_text" text NOT NULL, "kind" character varying(24) NOT NULL DEFAULT 'OTHER', "outcome" character varying(12) NOT NULL DEFAULT 'IGNORED', "summary" text NOT NULL DEFAULT '', "findings" jsonb NOT NULL DEFAULT '{"reasons": [], "orderNumbers": [], "trackingNumbers": []}', "order_ids" uuid array NOT NULL DEFAULT '{}', "handler" character varying(100), "attempts" integer NOT NULL DEFAULT '0', "processed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_mail_message_mailbox_message_id" UNIQUE ("mailbox_id", "message_id"), CONSTRAINT "PK_d23285093ea237bc7632d4fcce9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_mail_message_received_at" ON "mail_message" ("received_at") `);
    // An order's mail (Order.mailMessages, the evidence filter) is found by array containment on this index.
    await queryRunner.query(`CREATE INDEX "ix_mail_message_order_ids" ON "mail_message" USING gin ("order_ids")`);
    await queryRunner.query(`CREATE TABLE "mail_sync_state" ("mailbox_id" uuid NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE, "last_run_at" TIMESTAMP WITH TIME ZONE, "last_success_at" TIMESTAMP WITH TIME ZONE, "last_error" text, "consecutive_failures" integer NOT NULL DEFAULT '0', "messages_read" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "lease_holder" character varying(200), CONSTRAINT "PK_d0af48b1cdf317e8f6057bbfadf" PRIMARY KEY ("mailbox_id"))`);
    await queryRunner.query(`ALTER TABLE "mail_message" ADD CONSTRAINT "FK_7acecc1040d1a0f9b7d24c1c885" FOREIGN KEY ("mailbox_id") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mail_sync_state" ADD CONSTRAINT "FK_d0af48b1cdf317e8f6057bbfadf" FOREIGN KEY ("mailbox_id") REFERENCES "mailbox"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mail_sync_state" DROP CONSTRAINT "FK_d0af48b1cdf317e8f6057bbfadf"`);
    await queryRunner.query(`ALTER TABLE "mail_message" DROP CONSTRAINT "FK_7acecc1040d1a0f9b7d24c1c885"`);
    await queryRunner.query(`DROP TABLE "mail_sync_state"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_message_order_ids"`);
    await queryRunner.query(`DROP INDEX "public"."ix_mail_message_received_at"`);
    await queryRunner.query(`DROP TABLE "mail_message"`);
    await queryRunner.query(`DROP TABLE "mailbox"`);
  }
}
