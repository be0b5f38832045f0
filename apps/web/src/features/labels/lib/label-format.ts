import { formatMoney } from '@/lib/format';

/** The parts of a rate the words are made of (a LabelRate as the api sends it). */
export interface RateFacts {
  amountCents: number;
  currency: string;
  deliverBy?: string | null;
  deliveryDays?: number | null;
  cheapest: boolean;
  fastest: boolean;
  meetsShipBy: boolean;
  meetsDeliverBy: boolean;
  problem?: string | null;
}

/** "Cheapest", "Fastest on time": the marks the rules put on a rate. */
export function rateMarks(rate: Pick<RateFacts, 'cheapest' | 'fastest'>): string[] {
  return [...(rate.cheapest ? ['Cheapest'] : []), ...(rate.fastest ? ['Fastest on time'] : [])];
}

/**
 * Why the rate misses the order's promise, in words, or null when it meets it. The rules' own sentence when they
 * gave one ("Arrives Dec 9, after the promised Dec 8").
 */
export function rateProblem(rate: RateFacts): string | null {
  if (rate.meetsShipBy && rate.meetsDeliverBy) return null;
  if (rate.problem) return rate.problem;
  if (!rate.meetsShipBy) return 'The carrier cannot pick it up by the ship-by date.';
  return 'Arrives after the promised delivery date.';
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Tue, Dec 8" in the account's zone (an unknown zone falls back to the browser's). */
export function formatDay(iso: string, timeZone?: string): string {
  const key = timeZone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' };
    try {
      format = new Intl.DateTimeFormat('en-US', { ...options, ...(timeZone && { timeZone }) });
    } catch {
      format = new Intl.DateTimeFormat('en-US', options);
    }
    dayFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** "Arrives Tue, Dec 8 (3 days)", "3 days", or "No delivery date quoted". */
export function rateDelivery(rate: Pick<RateFacts, 'deliverBy' | 'deliveryDays'>, timeZone?: string): string {
  const days = rate.deliveryDays != null ? `${rate.deliveryDays} ${rate.deliveryDays === 1 ? 'day' : 'days'}` : null;
  if (rate.deliverBy) return `Arrives ${formatDay(rate.deliverBy, timeZone)}${days ? ` (${days})` : ''}`;
  return days ?? 'No delivery date quoted';
}

export function rateAmount(rate: Pick<RateFacts, 'amountCents' | 'currency'>): string {
  return formatMoney(rate.amountCents, rate.currency);
}

/** The rate the dialog offers first: the cheapest that meets the promise, else the one marked cheapest. */
export function preferredRateId<T extends RateFacts & { rateId: string }>(rates: readonly T[]): string | null {
  const onTime = rates.filter((rate) => rate.meetsShipBy && rate.meetsDeliverBy);
  const cheapestOnTime = onTime.reduce<T | undefined>(
    (best, rate) => (best === undefined || rate.amountCents < best.amountCents ? rate : best),
    undefined,
  );
  return (cheapestOnTime ?? rates.find((rate) => rate.cheapest) ?? rates[0])?.rateId ?? null;
}

export type LabelStatusValue = 'PENDING' | 'PURCHASED' | 'VOID_REQUESTED' | 'VOIDED' | 'FAILED';

const STATUS_WORDS: Record<LabelStatusValue, string> = {
  PENDING: 'Buying…',
  PURCHASED: 'Bought',
  VOID_REQUESTED: 'Void requested',
  VOIDED: 'Voided',
  FAILED: 'Not bought',
};

export function labelStatusWords(status: LabelStatusValue): string {
  return STATUS_WORDS[status];
}

/** Why the label cannot be voided now, in words; null when it can. */
export function voidDeniedReason(
  label: { status: LabelStatusValue; voidableUntil?: string | null },
  now: number = Date.now(),
): string | null {
  if (label.status === 'VOIDED') return 'Already voided.';
  if (label.status === 'VOID_REQUESTED') return 'The void is already requested.';
  if (label.status !== 'PURCHASED') return 'Only a bought label can be voided.';
  if (label.voidableUntil && new Date(label.voidableUntil).getTime() < now)
    return 'Past the void window: the carrier no longer refunds it.';
  return null;
}

const monthFormat = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-12" → "December 2026". */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(month);
  if (!match) return month;
  return monthFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
}

/** "12 × 9 × 4 in, 2 lb 4 oz". */
export function formatParcel(parcel: {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
}): string {
  const pounds = Math.floor(parcel.weightOz / 16);
  const ounces = Math.round((parcel.weightOz - pounds * 16) * 10) / 10;
  const weight = pounds > 0 ? `${pounds} lb${ounces > 0 ? ` ${ounces} oz` : ''}` : `${ounces} oz`;
  return `${parcel.lengthIn} × ${parcel.widthIn} × ${parcel.heightIn} in, ${weight}`;
}

/** "Bought 3 labels for $24.10; 1 order failed." — totals per currency. */
export function boughtSummary(
  bought: readonly { amountCents?: number | null; currency?: string | null }[],
  failed: number,
): string {
  const totals = new Map<string, number>();
  for (const { amountCents, currency } of bought)
    if (amountCents != null && currency) totals.set(currency, (totals.get(currency) ?? 0) + amountCents);
  const cost = [...totals].map(([currency, cents]) => formatMoney(cents, currency)).join(' + ');
  const head =
    bought.length === 0
      ? 'No labels bought'
      : `Bought ${bought.length} label${bought.length === 1 ? '' : 's'} for ${cost}`;
  return failed === 0 ? `${head}.` : `${head}; ${failed} order${failed === 1 ? '' : 's'} failed.`;
}

const HOUR_MS = 3_600_000;

/** The last `count` months, the current one included: the window to ask for and the months to show. */
export function monthsBack(
  now: Date,
  count: number,
): { from: string; to: string; firstMonth: string; lastMonth: string } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const start = new Date(Date.UTC(year, month - (count - 1), 1));
  const end = new Date(Date.UTC(year, month + 1, 1));
  // The api counts a label in the month of its account's time zone (UTC−12 to UTC+14): the window reaches that far
  // past the UTC months, and the rows are kept to the months asked for (firstMonth to lastMonth).
  return {
    from: new Date(start.getTime() - 14 * HOUR_MS).toISOString(),
    to: new Date(end.getTime() + 12 * HOUR_MS).toISOString(),
    firstMonth: start.toISOString().slice(0, 7),
    lastMonth: new Date(end.getTime() - 1).toISOString().slice(0, 7),
  };
}
