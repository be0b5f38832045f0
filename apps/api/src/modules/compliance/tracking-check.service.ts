import { Injectable } from '@nestjs/common';
import { carrierNamed, channelCarrierName, hasValidTracking } from '@order-hub/rules';
import { isCarrierCode, type CarrierCode, type Channel } from '@order-hub/types';
import { TrackingCheckRepository, type UncheckedShipment } from './tracking-check.repository';

const BATCH = 5_000;

/** The hub carrier a stored shipment stands for: its code when confirmed through the hub, else the channel's carrier name. */
export function resolvedCarrier(carrier: string, carrierCode: string | null): CarrierCode {
  if (isCarrierCode(carrierCode)) return carrierCode;
  return carrierNamed(carrier) ?? 'OTHER';
}

/**
 * Keeps `compliance_tracking_check` current for the shipments a report reads: a shipment with no verdict, or
 * whose tracking number or carrier changed since, is checked with the rules' `checkTrackingNumber`, and whether its
 * channel names the carrier (`channelCarrierName`: Walmart counts an unsupported carrier as invalid tracking).
 */
@Injectable()
export class TrackingCheckService {
  constructor(private readonly checks: TrackingCheckRepository) {}

  async refresh(channel: Channel, accountId: string | null, shippedFrom: Date, shippedBefore: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.checks.findUnchecked(channel, accountId, shippedFrom, shippedBefore, BATCH);
      if (rows.length === 0) return total;
      await this.save(channel, rows);
      total += rows.length;
      if (rows.length < BATCH) return total;
    }
  }

  private async save(channel: Channel, rows: UncheckedShipment[]): Promise<void> {
    const verdicts = rows.map((r) => {
      const carrier = resolvedCarrier(r.carrier, r.carrier_code);
      const order = { channelOrderId: r.channel_order_id, customerOrderId: r.customer_order_id };
      const valid = hasValidTracking(order, { carrier, trackingNumber: r.tracking_number });
      // A carrier the hub does not know by name goes as its typed name (the rules' ComplianceShipmentRecord.carrierName).
      const supported = channelCarrierName(channel, carrier, r.carrier) !== null;
      return { ...r, resolved: carrier, valid, supported };
    });
    await this.checks.saveVerdicts(verdicts);
  }
}
