import type { Channel } from '@order-hub/types';
import { Random } from '../random';

/** What a fault targets: a channel's routes, or the EasyPost simulator's. */
export type FaultTarget = Channel | 'EASYPOST';

export interface FaultSpec {
  channel?: FaultTarget;
  /** A route pattern as registered (`/walmart/v3/orders/:purchaseOrderId/shipping`) or a path prefix (`/amazon/fba`). */
  route?: string;
  method?: string;
  /** Probabilities in [0, 1]; the error outcomes are exclusive and drawn once per request. */
  error429?: number;
  error500?: number;
  error503?: number;
  timeout?: number;
  /** A hung request is cut (socket closed without an answer) after this long. */
  timeoutMs?: number;
  slow?: number;
  slowMs?: number;
  /** A write answers 2xx but is not stored, as sellers report of Amazon's confirmShipment. */
  silentDrop?: number;
  /** Stop after this many requests were affected. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  affected: number;
}

export type FaultOutcome =
  | { kind: 'error'; status: 429 | 500 | 503 }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'pass'; delayMs: number; silentDrop: boolean };

const RATE_FIELDS = ['error429', 'error500', 'error503', 'timeout', 'slow', 'silentDrop'] as const;

export function validateFaultSpec(spec: FaultSpec): string | null {
  for (const field of RATE_FIELDS) {
    const value = spec[field];
    if (value !== undefined && (typeof value !== 'number' || value < 0 || value > 1))
      return `${field} must be a probability between 0 and 1`;
  }
  const exclusive = (spec.error429 ?? 0) + (spec.error500 ?? 0) + (spec.error503 ?? 0) + (spec.timeout ?? 0);
  if (exclusive > 1) return 'error429 + error500 + error503 + timeout must not exceed 1';
  if (
    spec.channel !== undefined &&
    spec.channel !== 'WALMART' &&
    spec.channel !== 'AMAZON' &&
    spec.channel !== 'EASYPOST'
  )
    return 'channel must be WALMART, AMAZON or EASYPOST';
  for (const field of ['timeoutMs', 'slowMs', 'times'] as const) {
    const value = spec[field];
    if (value !== undefined && (!Number.isInteger(value) || value < 0))
      return `${field} must be a non-negative integer`;
  }
  return null;
}

/** Faults injected through the control API, decided with a seeded generator so a run can be replayed. */
export class FaultRegistry {
  private faults: Fault[] = [];
  private counter = 0;
  private readonly random: Random;

  constructor(seed: number) {
    this.random = new Random(seed ^ 0x5eed);
  }

  add(spec: FaultSpec): Fault {
    this.counter += 1;
    const fault: Fault = { ...spec, id: `fault_${this.counter}`, affected: 0 };
    this.faults.push(fault);
    return fault;
  }

  remove(id?: string): number {
    const before = this.faults.length;
    this.faults = id ? this.faults.filter((f) => f.id !== id) : [];
    return before - this.faults.length;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  decide(channel: FaultTarget, method: string, pattern: string, path: string): FaultOutcome {
    const isWrite = method !== 'GET' && method !== 'HEAD';
    let delayMs = 0;
    let silentDrop = false;
    for (const fault of this.faults) {
      if (!this.matches(fault, channel, method, pattern, path)) continue;
      const outcome = this.draw(fault, isWrite);
      if (outcome.kind !== 'pass') return outcome;
      delayMs = Math.max(delayMs, outcome.delayMs);
      silentDrop ||= outcome.silentDrop;
    }
    return { kind: 'pass', delayMs, silentDrop };
  }

  private matches(fault: Fault, channel: FaultTarget, method: string, pattern: string, path: string): boolean {
    if (fault.times !== undefined && fault.affected >= fault.times) return false;
    if (fault.channel && fault.channel !== channel) return false;
    if (fault.method && fault.method.toUpperCase() !== method) return false;
    return !fault.route || fault.route === pattern || path.startsWith(fault.route);
  }

  private draw(fault: Fault, isWrite: boolean): FaultOutcome {
    const r = this.random.next();
    const thresholds: [number, FaultOutcome][] = [
      [fault.error429 ?? 0, { kind: 'error', status: 429 }],
      [fault.error500 ?? 0, { kind: 'error', status: 500 }],
      [fault.error503 ?? 0, { kind: 'error', status: 503 }],
      [fault.timeout ?? 0, { kind: 'timeout', afterMs: fault.timeoutMs ?? 30_000 }],
    ];
    let cumulative = 0;
    for (const [p, outcome] of thresholds) {
      cumulative += p;
      if (r < cumulative) {
        fault.affected += 1;
        return outcome;
      }
    }
    const slow = (fault.slow ?? 0) > 0 && this.random.next() < (fault.slow ?? 0);
    const drop = isWrite && (fault.silentDrop ?? 0) > 0 && this.random.next() < (fault.silentDrop ?? 0);
    if (slow || drop) fault.affected += 1;
    return { kind: 'pass', delayMs: slow ? (fault.slowMs ?? 2_000) : 0, silentDrop: drop };
  }
}
