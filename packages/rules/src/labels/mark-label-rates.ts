import type { LabelRateQuote } from '@order-hub/types';
import { addBusinessDays } from '../deadlines/business-days';
import { dayInWords, instantInWords } from './label-dates';

/** The order's promise a rate is judged against. */
export interface LabelPromise {
  /** The order's ship-by; null when the channel gave none. */
  shipBy: Date | null;
  /** The order's deliver-by; null when the channel gave none. */
  deliverBy: Date | null;
  now: Date;
  /** The time zone dates are written in (the account's); UTC unless told. */
  timeZone?: string;
}

/** A rate as the operator sees it: whether it keeps the order's promise, and the marks that help pick one. */
export interface MarkedLabelRate extends LabelRateQuote {
  /** The lowest price among the rates that keep the promise (of all rates when none does). One rate at most. */
  cheapest: boolean;
  /** The earliest delivery among the rates that keep the promise. One rate at most; none when no rate keeps it. */
  fastest: boolean;
  meetsShipBy: boolean;
  meetsDeliverBy: boolean;
  /** What the rate misses, in words ("Arrives Dec 9, after the promised Dec 8"); null when it keeps the promise. */
  problem: string | null;
}

/** When the rate says the parcel arrives: its delivery date, else its transit days counted from now (business days). */
export function expectedDelivery(rate: LabelRateQuote, now: Date): Date | null {
  if (rate.deliverBy) {
    const at = new Date(rate.deliverBy);
    if (!Number.isNaN(at.getTime())) return at;
  }
  if (rate.deliveryDays !== null && rate.deliveryDays !== undefined && Number.isFinite(rate.deliveryDays)) {
    return addBusinessDays(now, Math.max(0, Math.ceil(rate.deliveryDays)));
  }
  return null;
}

interface Judged {
  meetsShipBy: boolean;
  meetsDeliverBy: boolean;
  problems: string[];
  arrives: Date | null;
}

function judge(rate: LabelRateQuote, promise: LabelPromise): Judged {
  const { shipBy, deliverBy, now } = promise;
  const zone = promise.timeZone ?? 'UTC';
  const problems: string[] = [];
  let meetsShipBy = true;
  if (shipBy) {
    const pickUpBy = rate.pickUpBy ? new Date(rate.pickUpBy) : null;
    if (now.getTime() > shipBy.getTime()) {
      meetsShipBy = false;
      problems.push(`Ship-by passed ${instantInWords(shipBy, zone)}`);
    } else if (pickUpBy && !Number.isNaN(pickUpBy.getTime()) && pickUpBy.getTime() > shipBy.getTime()) {
      // The carrier may collect the parcel as late as the end of its pick-up window: after ship-by, the first scan is late.
      meetsShipBy = false;
      problems.push(
        `Picked up by ${instantInWords(pickUpBy, zone)}, after the ship-by ${instantInWords(shipBy, zone)}`,
      );
    }
  }
  const arrives = expectedDelivery(rate, now);
  let meetsDeliverBy = true;
  if (deliverBy) {
    if (!arrives) {
      meetsDeliverBy = false;
      problems.push(`No delivery date from the carrier; the order is promised by ${dayInWords(deliverBy, zone, now)}`);
    } else if (arrives.getTime() > deliverBy.getTime()) {
      meetsDeliverBy = false;
      const sameDay = dayInWords(arrives, zone, now) === dayInWords(deliverBy, zone, now);
      problems.push(
        sameDay
          ? `Arrives ${instantInWords(arrives, zone)}, after the promised ${instantInWords(deliverBy, zone)}`
          : `Arrives ${dayInWords(arrives, zone, now)}, after the promised ${dayInWords(deliverBy, zone, now)}`,
      );
    }
  }
  return { meetsShipBy, meetsDeliverBy, problems, arrives };
}

/**
 * Each rate judged against the order's ship-by and deliver-by, with the cheapest and the fastest of those that keep
 * both marked, in the order given. A rate whose carrier may pick the parcel up after ship-by misses ship-by; one whose
 * delivery date (or transit days from now) falls after deliver-by misses deliver-by.
 */
export function markLabelRates(rates: readonly LabelRateQuote[], promise: LabelPromise): MarkedLabelRate[] {
  const judged = rates.map((rate) => ({ rate, ...judge(rate, promise) }));
  const onTime = judged.filter((j) => j.meetsShipBy && j.meetsDeliverBy);
  const pool = onTime.length ? onTime : judged;
  const time = (d: Date | null) => d?.getTime() ?? Number.POSITIVE_INFINITY;
  const cheapest = [...pool].sort(
    (a, b) => a.rate.amountCents - b.rate.amountCents || time(a.arrives) - time(b.arrives),
  )[0];
  const fastest = [...onTime]
    .filter((j) => j.arrives)
    .sort((a, b) => time(a.arrives) - time(b.arrives) || a.rate.amountCents - b.rate.amountCents)[0];
  return judged.map((j) => ({
    ...j.rate,
    cheapest: j === cheapest,
    fastest: j === fastest,
    meetsShipBy: j.meetsShipBy,
    meetsDeliverBy: j.meetsDeliverBy,
    problem: j.problems.length ? `${j.problems.join('; ')}.` : null,
  }));
}
