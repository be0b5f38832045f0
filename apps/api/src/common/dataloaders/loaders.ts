import type { DataSource } from 'typeorm';
import { accountByIdLoader } from './account-by-id.loader';
import { attemptsByOutboxLoader } from './attempts-by-outbox.loader';
import { auditEventsByOrderLoader } from './audit-events-by-order.loader';
import { hasCredentialsLoader } from './has-credentials.loader';
import { linesByOrderLoader } from './lines-by-order.loader';
import { mcfOrderByOrderLoader } from './mcf-order-by-order.loader';
import { outboxByOrderLoader } from './outbox-by-order.loader';
import { shipmentLinesByShipmentLoader } from './shipment-lines-by-shipment.loader';
import { shipmentsByOrderLoader } from './shipments-by-order.loader';
import { syncStateByAccountLoader } from './sync-state-by-account.loader';

/** Fresh per request, so no caller ever sees another request's cached rows. */
export function createLoaders(ds: DataSource) {
  return {
    accountById: accountByIdLoader(ds),
    hasCredentials: hasCredentialsLoader(ds),
    linesByOrder: linesByOrderLoader(ds),
    shipmentsByOrder: shipmentsByOrderLoader(ds),
    shipmentLinesByShipment: shipmentLinesByShipmentLoader(ds),
    auditEventsByOrder: auditEventsByOrderLoader(ds),
    syncStateByAccount: syncStateByAccountLoader(ds),
    outboxByOrder: outboxByOrderLoader(ds),
    attemptsByOutbox: attemptsByOutboxLoader(ds),
    mcfOrderByOrder: mcfOrderByOrderLoader(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
