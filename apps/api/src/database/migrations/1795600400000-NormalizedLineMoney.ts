import { CHANNELS, type Channel, type NormalizedOrder } from '@order-hub/types';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { channelDescriptor } from 'src/modules/channels/channel-registry';

/** Orders read and written per round trip while back-filling. */
const BATCH = 500;

/**
 * Each line's money as the channel reports it (charged, refunded, product refunded) and the order's channel package
 * references, stored so that refunds and ship confirmations stop reading the channel's raw payload. Existing rows are
 * back-filled by running each stored payload through its channel's mapper, the same code an import runs, so the money
 * rules stay in the channel folders; a payload the mapper cannot read keeps the defaults (charge unknown, nothing
 * refunded, no packages), which is what the actions made of it before.
 */
export class NormalizedLineMoney1795600400000 implements MigrationInterface {
  name = 'NormalizedLineMoney1795600400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order_line" ADD "charge_cents" integer`);
    await queryRunner.query(`ALTER TABLE "order_line" ADD "refunded_cents" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "order_line" ADD "product_refunded_cents" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "order" ADD "channel_package_reference_ids" jsonb NOT NULL DEFAULT '[]'`);

    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT "id", "channel", "raw_payload" FROM "order" WHERE "id" > $1 ORDER BY "id" LIMIT ${BATCH}`,
        [after],
      )) as { id: string; channel: string; raw_payload: Record<string, unknown> }[];
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const orders: { id: string; refs: string[] }[] = [];
      const lines: {
        order_id: string;
        line_number: string;
        charge_cents: number | null;
        refunded_cents: number;
        product_refunded_cents: number;
      }[] = [];
      for (const row of rows) {
        const mapped = mapStored(row.channel, row.raw_payload);
        if (!mapped) continue;
        if (mapped.channelPackageReferenceIds?.length)
          orders.push({ id: row.id, refs: mapped.channelPackageReferenceIds });
        for (const m of mapped.lineMoney ?? [])
          lines.push({
            order_id: row.id,
            line_number: m.lineNumber,
            charge_cents: m.chargeCents,
            refunded_cents: m.refundedCents,
            product_refunded_cents: m.productRefundedCents,
          });
      }
      if (orders.length)
        await queryRunner.query(
          `UPDATE "order" o SET "channel_package_reference_ids" = m."refs"
           FROM jsonb_to_recordset($1::jsonb) AS m("id" uuid, "refs" jsonb) WHERE o."id" = m."id"`,
          [JSON.stringify(orders)],
        );
      if (lines.length)
        await queryRunner.query(
          `UPDATE "order_line" l SET "charge_cents" = m."charge_cents", "refunded_cents" = m."refunded_cents",
             "product_refunded_cents" = m."product_refunded_cents"
           FROM jsonb_to_recordset($1::jsonb)
             AS m("order_id" uuid, "line_number" text, "charge_cents" integer, "refunded_cents" integer,
                  "product_refunded_cents" integer)
           WHERE l."order_id" = m."order_id" AND l."line_number" = m."line_number"`,
          [JSON.stringify(lines)],
        );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN "channel_package_reference_ids"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "product_refunded_cents"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "refunded_cents"`);
    await queryRunner.query(`ALTER TABLE "order_line" DROP COLUMN "charge_cents"`);
  }
}

/** A stored payload through its channel's mapper; null when it is not one the mapper reads (a fixture, a stub). */
function mapStored(channel: string, payload: Record<string, unknown>): NormalizedOrder | null {
  try {
    if ((CHANNELS as readonly string[]).includes(channel)) return channelDescriptor(channel as Channel).mapStoredOrder(payload);
  } catch {
    // Not a channel order payload: left with the defaults.
  }
  return null;
}
