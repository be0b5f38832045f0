/**
 * Where an order routed to Multi-Channel Fulfilment stands. ROUTED: the create call is in the outbox; then the
 * provider's status (RECEIVED, PLANNING, PROCESSING, COMPLETE…), CANCELLED, or NOT_ROUTED with the reason when
 * the preview said no.
 */
export const McfStatus = {
  ROUTED: 'ROUTED',
  RECEIVED: 'RECEIVED',
  PLANNING: 'PLANNING',
  PROCESSING: 'PROCESSING',
  COMPLETE: 'COMPLETE',
  CANCELLED: 'CANCELLED',
  UNFULFILLABLE: 'UNFULFILLABLE',
  NOT_ROUTED: 'NOT_ROUTED',
} as const;
export type McfStatus = (typeof McfStatus)[keyof typeof McfStatus];
