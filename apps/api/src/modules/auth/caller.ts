import type { Caller } from 'src/common/graphql/graphql-context';

export type { Caller };

/** The actor string written into audit events. */
export function actorOf(caller: Caller): string {
  return `token:${caller.name}`;
}
