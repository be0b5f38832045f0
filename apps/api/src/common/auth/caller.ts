import type { ApiRole } from '@order-hub/types';

/** Who is making the request, resolved from the bearer token. */
export interface Caller {
  tokenId: string;
  name: string;
  role: ApiRole;
}

/** The actor string written into audit events. */
export function actorOf(caller: Caller): string {
  return `token:${caller.name}`;
}
