import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import type { RequestLoaders } from '../dataloaders/request-loaders';

export interface GraphqlContext {
  req: FastifyRequest;
  loaders: RequestLoaders;
  caller?: Caller;
  callerLookup?: Promise<Caller>;
}
