import { channelProfile, proposeReturnRefund, validateReturnRefund, type ChannelPolicy } from '@order-hub/rules';
import type { Channel, ReturnStatus } from '@order-hub/types';
import { dollarsToCents } from '@/features/actions/lib/line-actions';
import type { ViolationLike } from '@/features/actions/lib/violation-fields';

/** The facts of a return the refund form needs (the list's and the detail's shape both have them). */
export interface RefundableReturn {
  channel: Channel;
  status: ReturnStatus;
  lines: readonly {
    returnLineNumber: string;
    quantity: number;
    quantityRefunded: number;
    quantityRefundable: number;
    unitPriceCents?: number | null;
    unitTaxCents?: number | null;
    receivedAt?: string | null;
  }[];
}

/** What the operator typed for one line: units, and (amount-refund channels) dollars; no amount = the proposal. */
export interface RefundLineDraft {
  quantity: string;
  amount?: string;
}

export type RefundDrafts = Record<string, RefundLineDraft>;

export interface RefundRequestLine {
  returnLineNumber: string;
  quantity: number;
  amountCents?: number;
}

export interface RefundPlan {
  lines: RefundRequestLine[];
  /** Lines whose units are not a whole number from 0 up. */
  badQuantity: ReadonlySet<string>;
  /** Lines whose dollars do not read as an amount. */
  badAmount: ReadonlySet<string>;
  totalCents: number;
}

/** Whether the channel refunds a return as an order refund with amounts and a reason (Amazon) or by units only (Walmart). */
export const refundsByAmount = (channel: Channel) => channelProfile(channel).returns.refundThrough === 'ORDER_REFUND';

/** Every refundable unit of every line, as the dialog opens. */
export function initialDrafts(ret: RefundableReturn): RefundDrafts {
  return Object.fromEntries(
    ret.lines.map((line) => [line.returnLineNumber, { quantity: String(Math.max(0, line.quantityRefundable)) }]),
  );
}

const moneyOf = (line: RefundableReturn['lines'][number]) => ({
  quantity: line.quantity,
  quantityRefunded: line.quantityRefunded,
  unitPriceCents: line.unitPriceCents ?? null,
  unitTaxCents: line.unitTaxCents ?? null,
});

/** The line's price and tax for `quantity` units, as the rules propose it. */
export function proposedCents(line: RefundableReturn['lines'][number], quantity: number): number {
  return proposeReturnRefund(moneyOf(line), quantity).amountCents;
}

/** "12.50" from 1250, for an amount field's starting value. */
export const centsToDollars = (cents: number) => (cents / 100).toFixed(2);

/** The request the drafts make: lines with units above zero, the proposal unless an amount was typed. */
export function refundPlan(ret: RefundableReturn, drafts: RefundDrafts): RefundPlan {
  const byAmount = refundsByAmount(ret.channel);
  const badQuantity = new Set<string>();
  const badAmount = new Set<string>();
  const lines: RefundRequestLine[] = [];
  let totalCents = 0;
  for (const line of ret.lines) {
    const draft = drafts[line.returnLineNumber];
    if (!draft) continue;
    const text = draft.quantity.trim();
    const quantity = text === '' ? 0 : Number(text);
    if (!Number.isInteger(quantity) || quantity < 0) {
      badQuantity.add(line.returnLineNumber);
      continue;
    }
    if (quantity === 0) continue;
    const proposal = proposedCents(line, quantity);
    if (!byAmount) {
      lines.push({ returnLineNumber: line.returnLineNumber, quantity });
      totalCents += proposal;
      continue;
    }
    const amountCents = draft.amount === undefined ? proposal : dollarsToCents(draft.amount);
    if (!(amountCents > 0)) badAmount.add(line.returnLineNumber);
    else totalCents += amountCents;
    lines.push({ returnLineNumber: line.returnLineNumber, quantity, amountCents });
  }
  return { lines, badQuantity, badAmount, totalCents };
}

/** What the rules say about this refund in the browser, with the fields as the api names them (`input.lines[0].…`). */
export function liveReturnRefundViolations(
  ret: RefundableReturn,
  lines: readonly RefundRequestLine[],
  reason: string | null,
  policy: ChannelPolicy | null,
): ViolationLike[] {
  if (!policy || lines.length === 0) return [];
  const violations = validateReturnRefund(
    {
      channel: ret.channel,
      returnStatus: ret.status,
      lines: ret.lines.map((line) => {
        const perUnit = line.unitPriceCents == null ? null : line.unitPriceCents + (line.unitTaxCents ?? 0);
        return {
          returnLineNumber: line.returnLineNumber,
          quantity: line.quantity,
          quantityRefunded: line.quantityRefunded,
          quantityInFlight: Math.max(0, line.quantity - line.quantityRefunded - line.quantityRefundable),
          unitPriceCents: line.unitPriceCents ?? null,
          unitTaxCents: line.unitTaxCents ?? null,
          paidCents: perUnit === null ? null : perUnit * line.quantity,
          ...(line.receivedAt === undefined ? {} : { received: line.receivedAt !== null }),
        };
      }),
      requested: lines.map((line) => ({ ...line })),
      reason,
    },
    { policy },
  );
  return violations.map((v) => ({ ...v, field: `input.${v.field}` }));
}

/**
 * Where a violation belongs in the dialog: `line:<returnLineNumber>` for `input.lines[i].…` (i counts the lines as
 * sent), `reason` for the reason, `form` for the rest.
 */
export function violationPlace(field: string, sent: readonly RefundRequestLine[]): string {
  const plain = field.replace(/^input\./, '');
  const line = /^lines\[(\d+)\]/.exec(plain);
  if (line) {
    const sentLine = sent[Number(line[1])];
    return sentLine ? `line:${sentLine.returnLineNumber}` : 'form';
  }
  return plain === 'reason' ? 'reason' : 'form';
}

/** Violations by place (see violationPlace), BLOCK first, each code and message once per place. */
export function violationsByPlace<V extends ViolationLike>(
  violations: readonly V[],
  sent: readonly RefundRequestLine[],
): Record<string, V[]> {
  const grouped: Record<string, V[]> = {};
  const seen = new Set<string>();
  for (const v of violations) {
    const place = violationPlace(v.field, sent);
    const key = `${place}|${v.code}|${v.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (grouped[place] ??= []).push(v);
  }
  for (const list of Object.values(grouped)) list.sort((a, b) => rank(a) - rank(b));
  return grouped;
}

const rank = (v: ViolationLike) => (v.severity === 'BLOCK' ? 0 : 1);
