import type { MigrationInterface, QueryRunner } from 'typeorm';

const UTC_DAY = (t: string) => `(${t} AT TIME ZONE 'UTC')::date`;

/**
 * Days up to today (UTC): future days (the ship-by or delivery promise of an open order) are never counted ahead,
 * the report reads them live. Marking today as well, although its hours are within the report's live last 24,
 * covers a writing transaction that stayed open while the hours it touched were counted.
 */
const CACHED = (day: string) => `${day} <= (now() AT TIME ZONE 'UTC')::date`;

/** Each table whose rows feed a compliance fact, and how a statement's rows name the orders they belong to. */
const ORDER_TABLES: { table: string; orderIds: (rows: string) => string }[] = [
  { table: 'order_line', orderIds: (rows) => `SELECT order_id FROM ${rows}` },
  { table: 'outbox', orderIds: (rows) => `SELECT order_id FROM ${rows}` },
  { table: 'carrier_event', orderIds: (rows) => `SELECT order_id FROM ${rows}` },
  { table: 'shipment', orderIds: (rows) => `SELECT order_id FROM ${rows}` },
  { table: 'compliance_tracking_check', orderIds: (rows) => `SELECT s.order_id FROM ${rows} r JOIN shipment s ON s.id = r.shipment_id` },
];

/**
 * Pre-aggregated compliance fact counts and what invalidates them.
 *
 * `compliance_hour_count` holds, per account, facts group, policy version and hour of the facts' anchor, the
 * counts per (kind, category). Statement-level triggers with transition tables record the (account, day) buckets
 * a change may affect in `compliance_dirty_day` (day NULL: every day of the account); the report drains that
 * table (dropping the hours of those days) before reading the counts. The candidate days of an order are every instant a facts query anchors on:
 * ordered_at, ship_by, deliver_by and its shipments' shipped_at (compliance_order_days).
 */
export class ComplianceDayCounts1795512336290 implements MigrationInterface {
  name = 'ComplianceDayCounts1795512336290';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "compliance_hour_count" ("account_id" uuid NOT NULL, "fact_key" character varying(48) NOT NULL, "policy_version" character varying(48) NOT NULL, "hour" TIMESTAMP WITH TIME ZONE NOT NULL, "counts" jsonb NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_compliance_hour_count" PRIMARY KEY ("account_id", "fact_key", "policy_version", "hour"), CONSTRAINT "fk_compliance_hour_count_account" FOREIGN KEY ("account_id") REFERENCES "channel_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(
      `CREATE TABLE "compliance_dirty_day" ("id" BIGSERIAL NOT NULL, "account_id" uuid NOT NULL, "day" date, CONSTRAINT "pk_compliance_dirty_day" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_order_ship_by" ON "order" ("ship_by") `);
    await queryRunner.query(`CREATE INDEX "ix_order_deliver_by" ON "order" ("deliver_by") `);
    await queryRunner.query(`CREATE INDEX "ix_shipment_shipped_at" ON "shipment" ("shipped_at") `);

    await queryRunner.query(`CREATE FUNCTION compliance_order_days(ids uuid[]) RETURNS TABLE (account_id uuid, day date) LANGUAGE sql STABLE AS $$
      SELECT o.account_id, ${UTC_DAY('t.at')} FROM "order" o CROSS JOIN LATERAL (VALUES (o.ordered_at), (o.ship_by), (o.deliver_by)) t(at)
       WHERE o.id = ANY(ids) AND t.at IS NOT NULL
      UNION
      SELECT o.account_id, ${UTC_DAY('s.shipped_at')} FROM shipment s JOIN "order" o ON o.id = s.order_id
       WHERE s.order_id = ANY(ids) AND s.shipped_at IS NOT NULL
    $$`);
    await queryRunner.query(`CREATE FUNCTION compliance_mark_days(ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO compliance_dirty_day (account_id, day) SELECT DISTINCT account_id, day FROM compliance_order_days(ids) WHERE ${CACHED('day')}
    $$`);

    // A new order's own instants; an update's old instants and the order's current days (its shipments' too); a
    // delete the whole account (its shipments are gone by the time this runs).
    await queryRunner.query(`CREATE FUNCTION compliance_dirty_order() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO compliance_dirty_day (account_id, day) SELECT DISTINCT account_id, NULL::date FROM old_rows;
        ELSIF TG_OP = 'INSERT' THEN
          INSERT INTO compliance_dirty_day (account_id, day)
            SELECT DISTINCT r.account_id, ${UTC_DAY('t.at')} FROM new_rows r CROSS JOIN LATERAL (VALUES (r.ordered_at), (r.ship_by), (r.deliver_by)) t(at)
             WHERE t.at IS NOT NULL AND ${CACHED(UTC_DAY('t.at'))};
        ELSE
          INSERT INTO compliance_dirty_day (account_id, day)
            SELECT DISTINCT r.account_id, ${UTC_DAY('t.at')} FROM old_rows r CROSS JOIN LATERAL (VALUES (r.ordered_at), (r.ship_by), (r.deliver_by)) t(at)
             WHERE t.at IS NOT NULL AND ${CACHED(UTC_DAY('t.at'))};
          PERFORM compliance_mark_days(ARRAY(SELECT id FROM new_rows));
        END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) await queryRunner.query(trigger('order', op));

    for (const { table, orderIds } of ORDER_TABLES) {
      // A shipment's old shipped_at: the order's current days no longer include it.
      const oldShipped =
        table === 'shipment'
          ? `INSERT INTO compliance_dirty_day (account_id, day)
               SELECT DISTINCT o.account_id, ${UTC_DAY('r.shipped_at')} FROM old_rows r JOIN "order" o ON o.id = r.order_id
                WHERE r.shipped_at IS NOT NULL AND ${CACHED(UTC_DAY('r.shipped_at'))};`
          : '';
      await queryRunner.query(`CREATE FUNCTION compliance_dirty_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP <> 'DELETE' THEN PERFORM compliance_mark_days(ARRAY(${orderIds('new_rows')})); END IF;
          IF TG_OP <> 'INSERT' THEN PERFORM compliance_mark_days(ARRAY(${orderIds('old_rows')})); ${oldShipped} END IF;
          RETURN NULL;
        END $$`);
      // A tracking verdict is written for a shipment the first time a report reads it, after the shipment's own
      // trigger marked its days: only a changed or removed verdict is news.
      const ops = table === 'compliance_tracking_check' ? ['UPDATE', 'DELETE'] : ['INSERT', 'UPDATE', 'DELETE'];
      for (const op of ops) await queryRunner.query(trigger(table, op));
    }

    // A SKU's category moves every per-category record of the account's orders with that SKU.
    await queryRunner.query(`CREATE FUNCTION compliance_dirty_sku_category() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'DELETE' THEN INSERT INTO compliance_dirty_day (account_id, day) SELECT DISTINCT account_id, NULL::date FROM new_rows; END IF;
        IF TG_OP <> 'INSERT' THEN INSERT INTO compliance_dirty_day (account_id, day) SELECT DISTINCT account_id, NULL::date FROM old_rows; END IF;
        RETURN NULL;
      END $$`);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) await queryRunner.query(trigger('sku_category', op));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sku_category', 'order', ...ORDER_TABLES.map((t) => t.table)]) {
      for (const op of ['insert', 'update', 'delete']) await queryRunner.query(`DROP TRIGGER IF EXISTS "compliance_dirty_${op}" ON "${table}"`);
      await queryRunner.query(`DROP FUNCTION compliance_dirty_${table}()`);
    }
    await queryRunner.query(`DROP FUNCTION compliance_mark_days(uuid[])`);
    await queryRunner.query(`DROP FUNCTION compliance_order_days(uuid[])`);
    await queryRunner.query(`DROP INDEX "public"."ix_shipment_shipped_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_deliver_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_order_ship_by"`);
    await queryRunner.query(`DROP TABLE "compliance_dirty_day"`);
    await queryRunner.query(`DROP TABLE "compliance_hour_count"`);
  }
}

function trigger(table: string, op: string): string {
  const transition = op === 'INSERT' ? 'NEW TABLE AS new_rows' : op === 'DELETE' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
  return `CREATE TRIGGER "compliance_dirty_${op.toLowerCase()}" AFTER ${op} ON "${table}" REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION compliance_dirty_${table}()`;
}
