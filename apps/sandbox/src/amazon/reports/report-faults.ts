import type { AccountData } from '../../state/types';

/**
 * How a report ends instead of DONE: FATAL (Amazon aborted it), CANCELLED (Amazon cancelled it), STUCK (it stays
 * IN_PROGRESS, for a client's timeout). Planted through the control API; each applies to the next `times` reports
 * of the type the account creates.
 */
export const REPORT_OUTCOMES = ['FATAL', 'CANCELLED', 'STUCK'] as const;
export type ReportOutcome = (typeof REPORT_OUTCOMES)[number];

interface PlantedOutcome {
  reportType: string;
  outcome: ReportOutcome;
  times: number;
}

const planted = new WeakMap<AccountData, PlantedOutcome[]>();

export function plantReportOutcome(data: AccountData, spec: PlantedOutcome): void {
  planted.set(data, [...(planted.get(data) ?? []), spec]);
}

export function clearReportOutcomes(data: AccountData): void {
  planted.delete(data);
}

/** The outcome the next report of this type is given, if one is planted; counts it down. */
export function takeReportOutcome(data: AccountData, reportType: string): ReportOutcome | undefined {
  const list = planted.get(data) ?? [];
  const found = list.find((p) => p.reportType === reportType && p.times > 0);
  if (!found) return undefined;
  found.times -= 1;
  return found.outcome;
}
