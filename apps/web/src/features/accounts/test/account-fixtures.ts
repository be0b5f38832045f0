import type { ChannelAccountRow, SyncStateView } from '../api/accounts.graphql';
import type { PushStatusView } from '../api/push.graphql';

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
    push: null,
    ...overrides,
  };
}

/** Walmart pushes on and healthy; tests override what they look at. */
export function pushStatus(overrides: Partial<PushStatusView> = {}): PushStatusView {
  return {
    transport: 'WEBHOOK',
    state: 'ACTIVE',
    available: true,
    unavailableReason: null,
    webhookUrl: 'https://hub.example.com/push/acc-w',
    subscribedAt: '2025-03-10T09:30:00.000Z',
    subscribedBy: 'user:ana@example.com',
    lastEventAt: '2025-03-10T11:58:00.000Z',
    eventsToday: 143,
    missedToday: 0,
    missedLast7Days: 0,
    pendingEvents: 0,
    failedLast7Days: 0,
    deadLetters: 0,
    lastError: null,
    lastErrorAt: null,
    lastTestAt: null,
    pollMode: 'RECONCILE',
    pollIntervalSeconds: 600,
    pollModeReason: 'pushes arrive; polling only reconciles',
    ...overrides,
  };
}
