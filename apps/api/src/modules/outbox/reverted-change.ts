import type { PackageType } from '@order-hub/types';

/** The shipment a refused confirmation had recorded, kept so a resend can record it again under the same id. */
export interface RevertedShipment {
  id: string;
  shippedAt: string;
  packageType: PackageType;
  weightOz: number | null;
  lengthIn: number | null;
  widthIn: number | null;
  heightIn: number | null;
  packageReferenceId: string | null;
  lines: { orderLineId: string; quantity: number }[];
}

/** What the hub took back from an order when the channel refused a call: units per line, and the shipment. */
export interface RevertedChange {
  lines: {
    lineNumber: string;
    shipped?: number;
    cancelled?: number;
    refundedBefore?: number;
    refundedAfter?: number;
  }[];
  shipment?: RevertedShipment | null;
}
