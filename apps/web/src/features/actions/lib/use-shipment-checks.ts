import { useMemo } from 'react';
import type { ShipmentInput } from '@/gql/graphql';
import { useDebounced } from '@/lib/use-debounced';
import { useNow } from '@/lib/use-now';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';
import { useServerShipmentCheck } from '../api/actions.hooks';
import {
  liveShipmentViolations,
  SHIPMENT_INPUTS,
  type ShipmentFormValues,
  sentLines,
  toShipmentInput,
} from './shipment-form';
import { hasBlock, mergeViolations, type ViolationLike, violationsByField } from './violation-fields';

const SERVER_CHECK_DELAY_MS = 500;

interface ShipmentChecksOptions {
  /** Correcting a confirmed shipment: its id (the server checks it as a correction) and when it was confirmed. */
  existing?: { shipmentId: string; confirmedAt: Date } | null;
  /** Violations the last submit answered (RULE_VIOLATION), for the input as it was then. */
  submitted?: readonly ViolationLike[];
}

/**
 * The rules the shipment breaks as the operator types: `@order-hub/rules` in the browser at once, plus the
 * server's validateShipment (database checks such as tracking reused elsewhere) once the input has stayed
 * still for half a second. Server results for an older input are not shown.
 */
export function useShipmentChecks(
  order: OrderDetail,
  values: ShipmentFormValues,
  { existing = null, submitted = [] }: ShipmentChecksOptions,
) {
  const now = useNow(30_000);
  const input: ShipmentInput = useMemo(
    () => ({ ...toShipmentInput(order, values), ...(existing && { shipmentId: existing.shipmentId }) }),
    [order, values, existing],
  );
  const client = useMemo(
    () => liveShipmentViolations(order, values, new Date(now), existing && { confirmedAt: existing.confirmedAt }),
    [order, values, now, existing],
  );
  const settled = useDebounced(input, SERVER_CHECK_DELAY_MS);
  const current = JSON.stringify(settled) === JSON.stringify(input);
  const askServer =
    current && input.trackingNumber !== '' && input.lines.length > 0 && !Number.isNaN(Date.parse(input.shippedAt));
  const server = useServerShipmentCheck(askServer ? settled : null);
  const serverViolations =
    askServer && !server.isPlaceholderData ? (server.data?.validateShipment.violations ?? []) : [];

  const all = mergeViolations([...submitted, ...serverViolations], client);
  const lineNumbers = sentLines(values).map((line) => line.lineNumber);
  return {
    input,
    all,
    byField: violationsByField(all, lineNumbers, SHIPMENT_INPUTS),
    blocked: hasBlock(all),
    serverChecking: askServer && server.isFetching,
    serverError: askServer ? server.error : null,
    /** True once the server has checked exactly what is on screen. */
    serverChecked: askServer && server.isSuccess && !server.isPlaceholderData,
  };
}
