import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AlertsService } from 'src/modules/alerts/alerts.service';
import { CarrierScanEvents, type CarrierScanNotice } from 'src/modules/carrier-tracking/trackers/carrier-scan-events';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import { addressMismatchAlarms, lateOriginScanKey } from './shipment-alarms';

/**
 * The tracking module's first-scan and delivery hooks, for speed: a first scan settles the shipment's late-origin
 * alarm and a delivery elsewhere raises ADDRESS_MISMATCH at once. The alarm scan raises and resolves both anyway, so
 * a missed hook only delays them.
 */
@Injectable()
export class CarrierScanAlarms implements OnModuleInit {
  constructor(
    private readonly scans: CarrierScanEvents,
    private readonly alerts: AlertsService,
    private readonly shipments: ShipmentRepository,
  ) {}

  onModuleInit(): void {
    this.scans.onFirstScan((notices) => this.firstScans(notices));
    this.scans.onDelivered((notices) => this.deliveries(notices));
  }

  private async firstScans(notices: readonly CarrierScanNotice[]): Promise<void> {
    await this.alerts.resolve(notices.map((n) => lateOriginScanKey(n.shipmentId)));
  }

  private async deliveries(notices: readonly CarrierScanNotice[]): Promise<void> {
    const alarms = await addressMismatchAlarms(
      this.shipments,
      new Date(),
      notices.map((n) => n.shipmentId),
    );
    for (const alarm of alarms) await this.alerts.raise(alarm);
  }
}
