/** A day as the date input gives it (`2026-12-03`). */
export type Day = string;

const DAY_MS = 86_400_000;

function dayOf(date: Date): Day {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last 7 days, today included, in the browser's calendar. */
export function defaultDays(now: Date = new Date()): { from: Day; to: Day } {
  return { from: dayOf(new Date(now.getTime() - 6 * DAY_MS)), to: dayOf(now) };
}

/**
 * The instants the api filters by: from the start of `from` to the end of `to` (both days included), in the
 * browser's zone; null with the reason when the days do not make a range.
 */
export function rangeOf(from: Day, to: Day): { from: string; to: string } | { problem: string } {
  const start = new Date(`${from}T00:00:00`);
  const endDay = new Date(`${to}T00:00:00`);
  if (Number.isNaN(start.getTime())) return { problem: 'Choose the first day.' };
  if (Number.isNaN(endDay.getTime())) return { problem: 'Choose the last day.' };
  const end = new Date(endDay.getFullYear(), endDay.getMonth(), endDay.getDate() + 1);
  if (end.getTime() <= start.getTime()) return { problem: 'The last day must not be before the first.' };
  if (end.getTime() - start.getTime() > 366 * DAY_MS) return { problem: 'Choose at most a year.' };
  return { from: start.toISOString(), to: end.toISOString() };
}

/** How a log entry's fields read: "address, raw order". */
export function fieldsInWords(fields: readonly string[]): string {
  const words: Record<string, string> = {
    shipTo: 'address',
    rawPayload: 'raw order',
    'evidence.shipments': 'evidence: shipments and addresses',
    'evidence.channelCalls': 'evidence: channel calls',
    'outbox.payload': 'MCF order (address)',
  };
  return fields.map((f) => words[f] ?? f).join(', ');
}
