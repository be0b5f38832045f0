import type { DepthCount, FactCount } from './compliance-facts.types';

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

/**
 * Valid tracking's counts with the deadline of each shipment awaiting its first scan ('W:<epoch microseconds>',
 * validTrackingFacts' deadlineKinds) as the rules class it at `asOf`: 'A' before its deadline, 'U' from it on.
 */
export function resolveAwaitingKinds(rows: DepthCount[], asOf: Date): DepthCount[] {
  const asOfMicros = asOf.getTime() * 1000;
  return rows.map((r) =>
    r.kind.startsWith('W:') ? { ...r, kind: asOfMicros < Number(r.kind.slice(2)) ? 'A' : 'U' } : r,
  );
}
