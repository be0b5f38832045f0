import type { ChannelAccountRow, SyncStateView } from '../api/accounts.graphql';

/** A synced, healthy state; tests override what they look at. */
export function syncState(overrides: Partial<SyncStateView> = {}): SyncStateView {
  return {
    phase: 'INCREMENTAL',
    running: false,
    waitingForStoppedProcess: false,
    leaseExpiresAt: null,
    watermark: '2025-03-10T11:55:00.000Z',
    lastStartedAt: '2025-03-10T11:57:00.000Z',
    lastSuccessAt: '2025-03-10T11:57:30.000Z',
    lastError: null,
    lastErrorAt: null,
    nextRunAt: '2025-03-10T12:02:30.000Z',
    ordersImported: 150,
    ordersUpdated: 12,
    pagesDone: 2,
    pagesEstimated: null,
    backfillProgress: null,
    quarantinedOrders: 0,
    quarantine: [],
    ...overrides,
  };
}

export function account(overrides: Partial<ChannelAccountRow> = {}): ChannelAccountRow {
  return {
    id: 'acc-1',
    channel: 'AMAZON',
    name: 'Amazon US',
    marketplace: 'ATVPDKIKX0DER',
    environment: 'PRODUCTION',
    baseUrl: 'https://sellingpartnerapi-na.amazon.com',
    timeZone: 'America/Los_Angeles',
    hasCredentials: true,
    holdTrackingUntilScan: false,
    disabledAt: null,
    createdAt: '2025-03-01T00:00:00.000Z',
    syncState: syncState(),
    ...overrides,
  };
}
