import type { Caller } from 'src/common/graphql/graphql-context';

export type { Caller };

/** A bearer secret checked: the caller it stands for, or the reason it is refused (written for the caller). */
export type AuthOutcome = { caller: Caller; refused?: undefined } | { caller?: undefined; refused: string };

/** The actor string written into audit events. */
export function actorOf(caller: Caller): string {
  return `token:${caller.name}`;
}
