import type { OrderLineSnapshot, OrderSnapshot, Violation } from '@order-hub/types';
import { violation } from '../violations/catalogue';

/** Units of a line neither shipped nor cancelled. */
export const openQuantity = (line: OrderLineSnapshot) =>
  line.quantityOrdered - line.quantityShipped - line.quantityCancelled;

/**
 * Resolves the lines a request names against the order: none named, unknown or repeated lines, and the
 * request's line limit. Returns the order line for each request line (undefined where it is unknown or repeated).
 */
export function resolveLines(
  requested: readonly { lineNumber: string }[],
  order: OrderSnapshot,
  violations: Violation[],
  maxLines: number | null,
): (OrderLineSnapshot | undefined)[] {
  if (requested.length === 0) {
    violations.push(violation('LINES_REQUIRED', 'lines', 'Choose at least one order line.'));
    return [];
  }
  if (maxLines !== null && requested.length > maxLines) {
    violations.push(
      violation(
        'TOO_MANY_LINES',
        'lines',
        `One request may carry at most ${maxLines} lines; this one has ${requested.length}.`,
        {
          max: maxLines,
          count: requested.length,
        },
      ),
    );
  }
  const byNumber = new Map(order.lines.map((l) => [l.lineNumber, l]));
  const seen = new Set<string>();
  return requested.map((r, i) => {
    const line = byNumber.get(r.lineNumber);
    if (!line) {
      violations.push(
        violation(
          'LINE_UNKNOWN',
          `lines[${i}].lineNumber`,
          `Order ${order.channelOrderId} has no line ${r.lineNumber}.`,
        ),
      );
      return undefined;
    }
    if (seen.has(r.lineNumber)) {
      violations.push(
        violation(
          'LINE_DUPLICATE',
          `lines[${i}].lineNumber`,
          `Line ${r.lineNumber} appears more than once; give its total quantity once.`,
        ),
      );
      return undefined;
    }
    seen.add(r.lineNumber);
    return line;
  });
}

/** A whole number of at least 1 and at most `open`. */
export function checkQuantity(
  quantity: number,
  open: number,
  lineNumber: string,
  field: string,
  violations: Violation[],
): void {
  if (!Number.isInteger(quantity) || quantity < 1) {
    violations.push(
      violation('QUANTITY_INVALID', field, `The quantity for line ${lineNumber} must be a whole number of at least 1.`),
    );
  } else if (quantity > open) {
    violations.push(
      violation(
        'QUANTITY_EXCEEDS_OPEN',
        field,
        `Line ${lineNumber} has ${open} unit${open === 1 ? '' : 's'} left, not ${quantity}.`,
        {
          open,
          requested: quantity,
        },
      ),
    );
  }
}
