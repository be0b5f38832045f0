import type { ApiRole } from '@order-hub/types';
import type { FastifyRequest } from 'fastify';
import type { RequestLoaders } from 'src/common/dataloaders/request-loaders';

/** Who is making the request, resolved from the bearer token (by the auth module's guard). */
export interface Caller {
  tokenId: string;
  name: string;
  role: ApiRole;
}

export interface GraphqlContext {
  req: FastifyRequest;
  loaders: RequestLoaders;
  caller?: Caller;
  callerLookup?: Promise<Caller>;
}
