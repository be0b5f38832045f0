import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Package presets (the boxes a seller ships in) and each SKU's weight per account, so a label's parcel is proposed. */
export class LabelPresets1795603000000 implements MigrationInterface {
  name = 'LabelPresets1795603000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "package_preset" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(100) NOT NULL, "length_in" numeric(7,2) NOT NULL, "width_in" numeric(7,2) NOT NULL, "height_in" numeric(7,2) NOT NULL, "box_weight_oz" numeric(8,2) NOT NULL, "skus" text array NOT NULL DEFAULT '{}', "is_default" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_package_preset_name" UNIQUE ("name"), CONSTRAINT "pk_package_preset" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_package_preset_default" ON "package_preset" ("is_default") WHERE is_default`,
    );
    await queryRunner.query(
      `CREATE TABLE "sku_weight" ("account_id" uuid NOT NULL, "sku" character varying(100) NOT NULL, "weight_oz" numeric(8,2) NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sku_weight" PRIMARY KEY ("account_id", "sku"), CONSTRAINT "fk_sku_weight_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sku_weight"`);
    await queryRunner.query(`DROP INDEX "public"."ux_package_preset_default"`);
    await queryRunner.query(`DROP TABLE "package_preset"`);
  }
}
