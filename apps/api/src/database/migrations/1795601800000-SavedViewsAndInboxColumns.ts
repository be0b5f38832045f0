import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's saved inbox views (filter, columns, sort; names unique per person in any case, through name_key)
 * and their chosen inbox columns. Both go with the person (ON DELETE CASCADE).
 */
export class SavedViewsAndInboxColumns1795601800000 implements MigrationInterface {
  name = 'SavedViewsAndInboxColumns1795601800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "saved_view" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "name" character varying(60) NOT NULL, "name_key" character varying(60) NOT NULL, "filter" jsonb NOT NULL, "columns" jsonb NOT NULL, "sort" jsonb, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_saved_view" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_saved_view_user_name" ON "saved_view" ("user_id", "name_key") `);
    await queryRunner.query(`CREATE TABLE "inbox_preference" ("user_id" uuid NOT NULL, "columns" jsonb NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_inbox_preference" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`ALTER TABLE "saved_view" ADD CONSTRAINT "fk_saved_view_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbox_preference" ADD CONSTRAINT "fk_inbox_preference_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbox_preference" DROP CONSTRAINT "fk_inbox_preference_user"`);
    await queryRunner.query(`ALTER TABLE "saved_view" DROP CONSTRAINT "fk_saved_view_user"`);
    await queryRunner.query(`DROP TABLE "inbox_preference"`);
    await queryRunner.query(`DROP INDEX "public"."uq_saved_view_user_name"`);
    await queryRunner.query(`DROP TABLE "saved_view"`);
  }
}
