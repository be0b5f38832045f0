import type { DataSource } from 'typeorm';
import type { AnchorRange, DepthCount, FactCount, FactsQuery } from './compliance-facts.types';

/**
 * Counts a facts query per (kind, category, depth): depth is how many of `starts` (ascending) the record's anchor
 * is at or after (`width_bucket` over the sorted starts), so nested windows read one pass. `ranges` keeps the
 * records anchored in any of them (none: every record); PostgreSQL pushes the bounds into the facts query's scans.
 */
export async function depthCounts(
  ds: DataSource,
  facts: FactsQuery,
  starts: Date[],
  ranges: AnchorRange[] = [],
): Promise<DepthCount[]> {
  const params = [...facts.params, starts];
  const bound = (op: string, at: Date | null) => (at ? `f.anchor_at ${op} $${params.push(at)}` : 'true');
  const inRanges = ranges.length
    ? ranges.map((r) => `(${bound('>=', r.from)} AND ${bound('<', r.before)})`).join(' OR ')
    : 'true';
  const rows: DepthCount[] = await ds.query(
    `SELECT kind, category, depth, count(*)::int AS n, max(ship_by) AS latest_ship_by
       FROM (SELECT f.kind, f.category, f.ship_by, width_bucket(f.anchor_at, $${facts.params.length + 1}::timestamptz[]) AS depth
               FROM (${facts.sql}) f
              WHERE ${inRanges}) d
      WHERE kind IS NOT NULL GROUP BY kind, category, depth`,
    params,
  );
  return rows.map((r) => ({
    ...r,
    category: r.category ?? null,
    latest_ship_by: r.latest_ship_by ? new Date(r.latest_ship_by) : null,
  }));
}

/** The counts of the records inside at least `depth` of the starts, per (kind, category). */
export function keepDepth(rows: DepthCount[], depth: number): FactCount[] {
  const byKey = new Map<string, FactCount>();
  for (const r of rows) {
    if (r.depth < depth) continue;
    const key = JSON.stringify([r.kind, r.category]);
    const seen = byKey.get(key);
    const latest = [seen?.latest_ship_by, r.latest_ship_by].filter((d): d is Date => !!d);
    byKey.set(key, {
      kind: r.kind,
      category: r.category,
      n: (seen?.n ?? 0) + r.n,
      latest_ship_by: latest.length ? new Date(Math.max(...latest.map((d) => d.getTime()))) : null,
    });
  }
  return [...byKey.values()];
}
