import { Injectable, Logger } from '@nestjs/common';

/** A followed shipment's first carrier scan, or its delivery, as the tracking provider reported it. */
export interface CarrierScanNotice {
  shipmentId: string;
  orderId: string;
  /** When the carrier scanned (first scan) or delivered it. */
  at: Date;
}

export type CarrierScanListener = (notices: readonly CarrierScanNotice[]) => Promise<void> | void;

/**
 * The hook other modules subscribe to (at module init): called once a batch of tracker changes is committed, with the
 * shipments that got their first carrier scan, and those delivered. A shipment is announced once per milestone (when
 * the milestone first appears on its tracker). A listener's failure is logged and does not affect the others.
 */
@Injectable()
export class CarrierScanEvents {
  private readonly log = new Logger('CarrierScanEvents');
  private readonly firstScan: CarrierScanListener[] = [];
  private readonly delivered: CarrierScanListener[] = [];

  onFirstScan(listener: CarrierScanListener): void {
    this.firstScan.push(listener);
  }

  onDelivered(listener: CarrierScanListener): void {
    this.delivered.push(listener);
  }

  async emit(firstScans: readonly CarrierScanNotice[], deliveries: readonly CarrierScanNotice[]): Promise<void> {
    await this.call(this.firstScan, firstScans);
    await this.call(this.delivered, deliveries);
  }

  private async call(listeners: readonly CarrierScanListener[], notices: readonly CarrierScanNotice[]): Promise<void> {
    if (notices.length === 0) return;
    for (const listener of listeners) {
      try {
        await listener(notices);
      } catch (err) {
        this.log.error(err);
      }
    }
  }
}
