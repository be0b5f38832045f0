/** The MCF queue's tabs, each one `mcfOrders` filter. */
export const MCF_QUEUE_TABS = ['pending', 'processing', 'held', 'shipped', 'operator'] as const;
export type McfQueueTab = (typeof MCF_QUEUE_TABS)[number];

export const MCF_QUEUE_PAGE_SIZE = 50;

export const MCF_QUEUE_LABELS: Record<McfQueueTab, string> = {
  pending: 'Pending',
  processing: 'Processing',
  held: 'Held',
  shipped: 'Shipped',
  operator: 'Not routed / unfulfillable',
};

export interface McfQueueVariables {
  statuses: string[] | null;
  held: boolean | null;
  first: number;
  before: string | null;
}

/** The `mcfOrders` variables for a tab; `before` is the createdAt of the last row of the previous page. */
export function queueVariables(tab: McfQueueTab, before: string | null = null): McfQueueVariables {
  const page = { first: MCF_QUEUE_PAGE_SIZE, before };
  switch (tab) {
    case 'pending':
      return { statuses: ['ROUTED', 'RECEIVED', 'PLANNING'], held: null, ...page };
    case 'processing':
      return { statuses: ['PROCESSING'], held: null, ...page };
    case 'held':
      return { statuses: null, held: true, ...page };
    case 'shipped':
      return { statuses: ['COMPLETE'], held: null, ...page };
    case 'operator':
      return { statuses: ['NOT_ROUTED', 'UNFULFILLABLE'], held: null, ...page };
  }
}

/** A tab from the URL (`?tab=held`); anything unknown is the first tab. */
export function parseQueueTab(value: string | null): McfQueueTab {
  return (MCF_QUEUE_TABS as readonly string[]).includes(value ?? '') ? (value as McfQueueTab) : 'pending';
}

/** The cursor for the next page: the last row's createdAt, or null when the page was not full (no more). */
export function nextBefore(rows: readonly { createdAt: string }[], pageSize = MCF_QUEUE_PAGE_SIZE): string | null {
  return rows.length < pageSize ? null : (rows[rows.length - 1]?.createdAt ?? null);
}
