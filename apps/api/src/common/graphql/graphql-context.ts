import type { FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import type { Loaders } from '../dataloaders/loaders';

export interface GraphqlContext {
  req: FastifyRequest;
  loaders: Loaders;
  caller?: Caller;
  callerLookup?: Promise<Caller>;
}
