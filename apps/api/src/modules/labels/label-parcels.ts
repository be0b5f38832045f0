import { Injectable } from '@nestjs/common';
import type { LabelParcel } from '@order-hub/types';

/** Where a rate request without a parcel finds one: the package presets (labels/presets registers itself here). */
export interface ParcelSource {
  /** The parcel of the preset `presetId` for the order (its box and, when known, the items' weight). */
  parcelOfPreset(presetId: string, orderId: string): Promise<LabelParcel>;
  /** The order's preset parcel (a preset naming one of its SKUs, else the default), or null when there is none. */
  parcelForOrder(orderId: string): Promise<LabelParcel | null>;
}

/**
 * The presets module builds on the purchase service, so the core reaches it only through this registry, never by
 * import (as actions reaches MCF through FulfilmentCancellers).
 */
@Injectable()
export class LabelParcels {
  private source: ParcelSource | null = null;

  register(source: ParcelSource): void {
    this.source = source;
  }

  of(): ParcelSource | null {
    return this.source;
  }
}
