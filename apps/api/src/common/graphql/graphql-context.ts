import type { ApiRole, SessionStatus } from '@order-hub/types';
import type { FastifyRequest } from 'fastify';
import type { RequestLoaders } from 'src/common/dataloaders/request-loaders';

/** Who is making the request: a console session's person, or a bearer token (the auth module's guard sets it). */
export interface Caller {
  /** The API token used; null for a console session. */
  tokenId: string | null;
  /** The console session (user_session.id); null for a bearer token. */
  sessionId: string | null;
  /** The person acting: the session's user, or the user a token is tied to; null for an integration token. */
  userId: string | null;
  /** The person's e-mail, or the integration token's name. */
  name: string;
  role: ApiRole;
}

export interface GraphqlContext {
  req: FastifyRequest;
  loaders: RequestLoaders;
  caller?: Caller;
  callerLookup?: Promise<Caller>;
  /** Where the console session stands (the guard sets it); unset for bearer tokens. */
  sessionStatus?: SessionStatus;
}
