import type { Caller } from 'src/common/graphql/graphql-context';

export type { Caller };

/** A bearer secret checked: the caller it stands for, or the reason it is refused (written for the caller). */
export type AuthOutcome = { caller: Caller; refused?: undefined } | { caller?: undefined; refused: string };

/**
 * The actor string written into audit events, alerts, plans and outbox fixes: `user:<e-mail>` for a person
 * (signed in, or through a token tied to them), `token:<name>` for an integration's token.
 */
export function actorOf(caller: Caller): string {
  return caller.userId ? `user:${caller.name}` : `token:${caller.name}`;
}
