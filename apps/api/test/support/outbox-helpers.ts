import type { TestApp } from './test-app';

export interface OutboxView {
  id: string;
  operation: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

const SETTLED = ['DELIVERED', 'FAILED', 'DEAD'];

/** Waits until every outbox row of the order has settled (DELIVERED, FAILED or DEAD) and returns them, oldest first. */
export async function settledOutbox(app: TestApp, orderId: string, timeoutMs = 30_000): Promise<OutboxView[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.gql(
      `query($id: ID!) { order(id: $id) { outbox { id operation status attempts lastError } } }`,
      { id: orderId },
    );
    const rows = res.data!.order.outbox as OutboxView[];
    if (rows.length > 0 && rows.every((r) => SETTLED.includes(r.status))) return rows;
    if (Date.now() > deadline) throw new Error(`Outbox of ${orderId} did not settle: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
