import { channelLabel } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';

/**
 * Where a shipment's tracking came from: a CSV upload (its file and supplier when the uploader named them), a
 * supplier's number taken by the tracking intake (from their e-mail or the supplier link), a confirmation in the hub
 * by a token (the console and the API both sign in with tokens, so they read the same), Amazon MCF, or a shipment
 * confirmed outside the hub and imported from the channel.
 */
export type ShipmentOriginKind = 'CSV' | 'SUPPLIER' | 'HUB' | 'MCF' | 'CHANNEL_IMPORT';

export interface ShipmentOrigin {
  kind: ShipmentOriginKind;
  file: string | null;
  supplier: string | null;
  /** How a supplier's number came (SUPPLIER: `MAIL`, `LINK`, `CONSOLE`); null otherwise. */
  via: string | null;
  /** The person who approved a supplier's number held for review; null when it applied by itself. */
  approvedBy: string | null;
  /** Who confirmed it (`token:<name>`, `system:mcf`, `supplier:<name>`); null for an import. */
  actor: string | null;
}

/** The audit action a CSV upload records per shipment it created (file, supplier, row). */
export const CSV_UPLOAD_ACTION = 'shipment.csv_uploaded';

/** The audit action the tracking intake records per shipment it created from a supplier's number (supplier, via, mailId, approvedBy). */
export const SUPPLIER_TRACKING_ACTION = 'shipment.supplier_tracking';

/**
 * Joins for the origin of shipment `s` of order `o`, read from the audit trail (the entity index serves both
 * lookups). Select ORIGIN_COLUMNS with them.
 */
export const ORIGIN_JOINS = `
  LEFT JOIN LATERAL (SELECT a.actor, a.after FROM audit_event a
                      WHERE a.entity_type = 'shipment' AND a.entity_id = s.id AND a.action = '${CSV_UPLOAD_ACTION}'
                      ORDER BY a.occurred_at LIMIT 1) origin_csv ON true
  LEFT JOIN LATERAL (SELECT a.actor, a.after FROM audit_event a
                      WHERE a.entity_type = 'shipment' AND a.entity_id = s.id AND a.action = '${SUPPLIER_TRACKING_ACTION}'
                      ORDER BY a.occurred_at LIMIT 1) origin_sup ON true
  LEFT JOIN LATERAL (SELECT a.actor FROM audit_event a
                      WHERE a.entity_type = 'shipment' AND a.entity_id = s.id AND a.action = 'order.shipment_confirmed'
                      ORDER BY a.occurred_at LIMIT 1) origin_hub ON true`;

export const ORIGIN_COLUMNS = `
  CASE WHEN s.source = 'CHANNEL' THEN 'CHANNEL_IMPORT' WHEN origin_csv.actor IS NOT NULL THEN 'CSV'
       WHEN origin_sup.actor IS NOT NULL THEN 'SUPPLIER'
       WHEN o.fulfillment_method = 'MCF' THEN 'MCF' ELSE 'HUB' END AS origin_kind,
  origin_csv.after->>'file' AS origin_file,
  COALESCE(origin_csv.after->>'supplier', origin_sup.after->>'supplier') AS origin_supplier,
  origin_sup.after->>'via' AS origin_via, origin_sup.after->>'approvedBy' AS origin_approved_by,
  CASE WHEN s.source = 'CHANNEL' THEN NULL ELSE COALESCE(origin_csv.actor, origin_hub.actor) END AS origin_actor`;

export interface OriginRow {
  origin_kind: ShipmentOriginKind;
  origin_file: string | null;
  origin_supplier: string | null;
  origin_via?: string | null;
  origin_approved_by?: string | null;
  origin_actor: string | null;
}

export function originOf(row: OriginRow): ShipmentOrigin {
  return {
    kind: row.origin_kind,
    file: row.origin_file,
    supplier: row.origin_supplier,
    via: row.origin_via ?? null,
    approvedBy: row.origin_approved_by ?? null,
    actor: row.origin_actor,
  };
}

/** How a supplier's number reached the hub, in words. */
const SUPPLIER_VIA: Record<string, string> = {
  MAIL: 'tracking e-mail, read from the mailbox',
  LINK: 'entry on the supplier link',
  CSV: 'CSV upload',
  CONSOLE: 'number entered in the console',
};

/** "supplier Acme's CSV file acme-1201.csv", "supplier Acme's tracking e-mail, read from the mailbox", "the console or API (token:ops)", … */
export function describeOrigin(origin: ShipmentOrigin, channel: Channel): string {
  switch (origin.kind) {
    case 'CSV': {
      const file = origin.file ? `CSV file ${origin.file}` : 'a CSV upload (file name not recorded)';
      const by = origin.actor ? ` by ${origin.actor}` : '';
      return origin.supplier ? `supplier ${origin.supplier}'s ${file}${by}` : `${file}${by}`;
    }
    case 'SUPPLIER': {
      const how = SUPPLIER_VIA[origin.via ?? ''] ?? 'tracking number';
      const approved = origin.approvedBy ? `, held and approved by ${origin.approvedBy}` : '';
      return `supplier ${origin.supplier ?? '(name not recorded)'}'s ${how}${approved}`;
    }
    case 'HUB':
      return `the console or API${origin.actor ? ` (${origin.actor})` : ''}`;
    case 'MCF':
      return 'Amazon MCF';
    case 'CHANNEL_IMPORT':
      return `a confirmation made outside the hub, imported from ${channelLabel(channel)}`;
  }
}

/** One key per source a reviewer would name: the supplier or file for CSV uploads, the token for hub confirmations. */
export function originKey(origin: ShipmentOrigin): string {
  if (origin.kind === 'CSV') return `CSV:${origin.supplier ?? ''}:${origin.file ?? ''}`;
  if (origin.kind === 'SUPPLIER') return `SUPPLIER:${origin.supplier ?? ''}`;
  if (origin.kind === 'HUB') return `HUB:${origin.actor ?? ''}`;
  return origin.kind;
}
