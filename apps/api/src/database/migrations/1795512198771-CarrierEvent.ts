import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Carrier events of shipped packages (first scan, delivery) from the channels and MCF tracking: on-time delivery. */
export class CarrierEvent1795512198771 implements MigrationInterface {
  name = 'CarrierEvent1795512198771';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "carrier_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "shipment_id" uuid NOT NULL, "order_id" uuid NOT NULL, "type" character varying(16) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(16) NOT NULL, "description" character varying(200), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "uq_carrier_event_shipment_type" UNIQUE ("shipment_id", "type"), CONSTRAINT "pk_carrier_event" PRIMARY KEY ("id"), CONSTRAINT "fk_carrier_event_shipment" FOREIGN KEY ("shipment_id") REFERENCES "shipment"("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "fk_carrier_event_order" FOREIGN KEY ("order_id") REFERENCES "order"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`CREATE INDEX "ix_carrier_event_order" ON "carrier_event" ("order_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_carrier_event_order"`);
    await queryRunner.query(`DROP TABLE "carrier_event"`);
  }
}
