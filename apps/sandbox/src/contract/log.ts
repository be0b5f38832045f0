import type { ContractApi, ContractViolation } from '@order-hub/contracts';

export interface LoggedViolation {
  api: ContractApi;
  operationId: string;
  method: string;
  path: string;
  status?: number;
  violations: ContractViolation[];
  at: string;
}

/** Kept entries per list; the counts go on past it. */
const KEEP = 200;

/**
 * What the run-time contract checks found: requests the sandbox refused because the model forbids them (the
 * client's mistake, answered with the channel's 400), and responses the sandbox was about to send that the model
 * forbids (the sandbox's own bug, answered with a 500).
 */
export class ContractLog {
  private refused: LoggedViolation[] = [];
  private broken: LoggedViolation[] = [];
  private counts = { requestsRefused: 0, responseViolations: 0 };

  request(entry: LoggedViolation): void {
    this.counts.requestsRefused += 1;
    if (this.refused.length < KEEP) this.refused.push(entry);
  }

  response(entry: LoggedViolation): void {
    this.counts.responseViolations += 1;
    if (this.broken.length < KEEP) this.broken.push(entry);
  }

  report(): {
    requestsRefused: number;
    responseViolations: number;
    requests: LoggedViolation[];
    responses: LoggedViolation[];
  } {
    return { ...this.counts, requests: [...this.refused], responses: [...this.broken] };
  }

  reset(): void {
    this.refused = [];
    this.broken = [];
    this.counts = { requestsRefused: 0, responseViolations: 0 };
  }
}
