import type { SessionStatus } from '@order-hub/types';
import type { Caller } from 'src/common/graphql/graphql-context';

export type { Caller };

/** The console session a request was authenticated by: its secret (for the CSRF check) and where it stands. */
export interface SessionAuth {
  secret: string;
  status: SessionStatus;
}

/**
 * A request's credentials checked: the caller they stand for (and the session, when by cookie), or the reason they
 * are refused (written for the caller).
 */
export type AuthOutcome =
  | { caller: Caller; session?: SessionAuth; refused?: undefined }
  | { caller?: undefined; session?: undefined; refused: string };

/**
 * The actor string written into audit events, alerts, plans and outbox fixes: `user:<e-mail>` for a person
 * (signed in, or through a token tied to them), `token:<name>` for an integration's token.
 */
export function actorOf(caller: Caller): string {
  return caller.userId ? `user:${caller.name}` : `token:${caller.name}`;
}
