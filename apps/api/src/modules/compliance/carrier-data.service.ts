import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Channel, MetricCarrierData } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { TrackingProviderService } from 'src/modules/carrier-tracking/provider/tracking-provider.service';

/** What the report's carrier-based figures rest on: the provider, and how fresh its word is. */
export interface CarrierDataStatus {
  /** The provider's name ("EASYPOST"); null when none is configured. */
  provider: string | null;
  /** On, with a key: the hub follows shipments at the provider. */
  enabled: boolean;
  /** The oldest last word from the provider among the trackers still followed in the window, else its last success. */
  asOf: Date | null;
  /** The provider's last error, while it is failing (its last error is newer than its last success). */
  lastError: string | null;
  note: string;
}

const NO_CARRIER_DATA = 'No carrier data: format check only';
const NOT_CARRIER_BASED = 'Not based on carrier scans';

/** "3 Dec 12:00" (UTC), as the compliance page prints carrier data's age. */
export function shortUtc(at: Date): string {
  const month = at.toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
  return `${at.getUTCDate()} ${month} ${at.toISOString().slice(11, 16)} UTC`;
}

/**
 * Whether the compliance figures can use carrier scans and as of when: the tracking provider's settings and state
 * (TrackingProviderService), and the trackers of the report's window (shipment_tracker, read only).
 */
@Injectable()
export class CarrierDataService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly providers: TrackingProviderService,
  ) {}

  async status(scope: {
    channel: Channel;
    accountId: string | null;
    from: Date;
    to: Date;
  }): Promise<CarrierDataStatus> {
    const provider = await this.providers.status();
    const failing =
      !!provider.lastErrorAt && (!provider.lastSuccessAt || provider.lastErrorAt > provider.lastSuccessAt);
    const lastError = failing ? provider.lastError : null;
    // On without an API key the hub follows nothing: the same as off.
    if (!provider.enabled || !provider.provider)
      return { provider: provider.provider, enabled: false, asOf: null, lastError, note: NO_CARRIER_DATA };
    // Walks the followed trackers' partial index oldest first and stops at the first one in the window.
    const rows: { oldest: Date | null }[] = await this.ds.query(
      `SELECT t.checked_at AS oldest FROM shipment_tracker t JOIN "order" o ON o.id = t.order_id
         JOIN shipment s ON s.id = t.shipment_id
        WHERE o.channel = $1 AND ($2::uuid IS NULL OR o.account_id = $2) AND t.state IN ('PENDING', 'TRACKING')
          AND t.checked_at IS NOT NULL AND s.shipped_at >= $3 AND s.shipped_at < $4
        ORDER BY t.checked_at LIMIT 1`,
      [scope.channel, scope.accountId, scope.from, scope.to],
    );
    const oldest = rows[0]?.oldest ? new Date(rows[0].oldest) : null;
    const asOf = oldest ?? (provider.lastSuccessAt ? new Date(provider.lastSuccessAt) : null);
    const note = asOf
      ? `Carrier scans as of ${shortUtc(asOf)}${lastError ? ` (provider failing: ${lastError})` : ''}`
      : `Carrier scans: nothing heard from the provider yet${lastError ? ` (${lastError})` : ''}`;
    return { provider: provider.provider, enabled: true, asOf, lastError, note };
  }

  /**
   * A metric's line, as the rules' carrierDataOf states it: carrier scans as of the report's status, or why it has
   * none. With no provider a measured figure rests on the channel's own package events (Amazon, MCF);
   * `formatCheck`: without scans the figure falls back to the number's format (valid tracking).
   */
  forMetric(
    usesCarrierData: boolean,
    status: CarrierDataStatus,
    figure: { measured: boolean; formatCheck: boolean },
  ): MetricCarrierData {
    if (!usesCarrierData) return { uses: false, asOf: null, note: NOT_CARRIER_BASED };
    if (!figure.measured)
      return { uses: true, asOf: null, note: figure.formatCheck ? NO_CARRIER_DATA : 'No carrier data' };
    if (status.enabled) return { uses: true, asOf: status.asOf, note: status.note };
    return { uses: true, asOf: null, note: 'Carrier scans reported by the channel only (no tracking provider)' };
  }
}
