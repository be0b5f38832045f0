import { ChannelEnvironment, type Channel, type NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../../src/modules/channels/channel-account.entity';
import { ChannelAccountsService } from '../../src/modules/channels/channel-accounts.service';
import { OrderImportService } from '../../src/modules/orders/order-import.service';
import type { TestApp } from './test-app';

let sequence = 0;

/** A small, valid order; override what the test is about. */
export function anOrder(overrides: Partial<NormalizedOrder> = {}): NormalizedOrder {
  sequence += 1;
  const orderedAt = new Date(Date.now() - 3_600_000);
  return {
    channelOrderId: `PO-${String(sequence).padStart(6, '0')}`,
    customerOrderId: null,
    orderedAt,
    status: 'ACKNOWLEDGED',
    shipBy: new Date(Date.now() + 3 * 86_400_000),
    deliverBy: null,
    acknowledgedAt: orderedAt,
    shipMethod: 'Standard',
    fulfillmentMethod: 'MERCHANT',
    shipTo: {
      name: 'Test Buyer',
      line1: '1 Test St',
      city: 'Austin',
      stateOrRegion: 'TX',
      postalCode: '78704',
      countryCode: 'US',
    },
    totalCents: 1999,
    currency: 'USD',
    rawPayload: { fixture: true },
    lines: [
      {
        lineNumber: '1',
        sku: 'SKU-TEST',
        title: 'Test item',
        quantityOrdered: 1,
        quantityShipped: 0,
        quantityCancelled: 0,
        quantityRefunded: 0,
        unitPriceCents: 1999,
        status: 'ACKNOWLEDGED',
        cancellationRequested: false,
      },
    ],
    shipments: [],
    channelUpdatedAt: orderedAt,
    cancellationRequested: false,
    ...overrides,
  };
}

export async function anAccount(
  app: TestApp,
  channel: Channel,
  timeZone = 'America/Los_Angeles',
): Promise<ChannelAccountEntity> {
  return app.running.app.get(ChannelAccountsService).create(
    {
      channel,
      name: `${channel} test ${timeZone}`,
      marketplace: channel === 'WALMART' ? 'US' : 'ATVPDKIKX0DER',
      environment: ChannelEnvironment.SANDBOX,
      baseUrl: 'http://127.0.0.1:9/none',
      timeZone,
      credentials: { clientId: 'id', clientSecret: 'super-secret-value' },
    },
    'test',
  );
}

export async function insertOrders(
  app: TestApp,
  account: ChannelAccountEntity,
  orders: NormalizedOrder[],
): Promise<string[]> {
  return app.running.app.get(OrderImportService).insertNew(account, orders, 'test');
}
